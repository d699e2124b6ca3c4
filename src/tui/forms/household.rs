//! Adding a household or changing its name and address (its code never changes).

use crate::tui::form::{Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// A new household (`edit` false) or the household selected.
pub struct Household {
    pub edit: bool,
}

impl FormSpec for Household {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let code = if self.edit { Some(ctx.household.clone()?) } else { None };
        Some(open(ctx, code))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        submit(app, form, self.edit)
    }
}

fn open(ctx: &Ctx<'_>, code: Option<String>) -> Form {
    match code {
        None => Form::new(
            FormKind::AddHousehold,
            ctx.pick("Thêm hộ", "Add a household"),
            vec![
                Field::new(
                    FieldKey::Code,
                    ctx.pick("Mã hộ", "Household code"),
                    Kind::Code,
                    &ctx.app.next_household_code().unwrap_or_default(),
                )
                .with_hint(ctx.pick(
                    "Mã tiếp theo còn trống; gõ mã khác để thay; không đổi được về sau",
                    "The next free code; type another to replace it; it never changes",
                )),
                Field::new(FieldKey::Name, ctx.pick("Tên hộ (chủ hộ)", "Household name (head)"), Kind::Name, ""),
                Field::new(FieldKey::Address, ctx.pick("Địa chỉ", "Address"), Kind::Text, ""),
            ],
        ),
        Some(code) => {
            let (h, _) = ctx.app.household_with_people(&code).unwrap_or_else(|_| {
                (
                    hunvon_app::views::Household {
                        id: 0,
                        code: code.clone(),
                        name: String::new(),
                        address: String::new(),
                    },
                    Vec::new(),
                )
            });
            let title = format!("{} {}", ctx.pick("Sửa hộ", "Edit household"), h.code);
            let mut f = Form::new(
                FormKind::EditHousehold,
                &title,
                vec![
                    Field::new(
                        FieldKey::Name,
                        ctx.pick("Tên hộ (chủ hộ)", "Household name (head)"),
                        Kind::Name,
                        &h.name,
                    ),
                    Field::new(FieldKey::Address, ctx.pick("Địa chỉ", "Address"), Kind::Text, &h.address),
                ],
            );
            f.subject = h.code;
            f
        }
    }
}

fn submit(app: &mut App, form: &mut Form, edit: bool) -> Result<Outcome> {
    let lang = app.lang;
    if !edit {
        let h = app.add_household(
            &form.value(FieldKey::Code),
            &form.value(FieldKey::Name),
            &form.value(FieldKey::Address),
        )?;
        let status = format!("{} {} — {}", lang.pick("Đã thêm hộ", "Added household"), h.code, h.name);
        return Ok(Outcome::Done { status, select: Select::Household(h.code) });
    }
    let code = form.subject.clone();
    let n = app.edit_household(&code, Some(&form.value(FieldKey::Name)), Some(&form.value(FieldKey::Address)))?;
    let status =
        format!("{} {code}: {n} {}", lang.pick("Đã sửa hộ", "Edited household"), lang.pick("thay đổi", "changes"));
    Ok(Outcome::Done { status, select: Select::Household(code) })
}
