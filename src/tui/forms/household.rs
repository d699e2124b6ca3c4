//! Adding a household or changing its name and address (its code never changes).

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// A new household (`edit` false) or the household selected.
pub struct Household {
    pub edit: bool,
}

impl FormSpec for Household {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let name = |value: &str| Field::new(FieldKey::Name, words::household_name_head(ctx.lang), Kind::Name, value);
        let address = |value: &str| Field::new(FieldKey::Address, words::address(ctx.lang), Kind::Text, value);
        if !self.edit {
            let next = ctx.app.next_household_code().unwrap_or_default();
            let code = Field::new(FieldKey::Code, words::household_code(ctx.lang), Kind::Code, &next)
                .with_hint(words::next_free_code_hint(ctx.lang));
            let title = words::add_a_household(ctx.lang);
            return Some(Form::new(FormKind::AddHousehold, title, vec![code, name(""), address("")]));
        }
        let selected = ctx.household.clone()?;
        let (code, name_now, address_now) = match ctx.app.household_with_people(&selected) {
            Ok((h, _)) => (h.code, h.name, h.address),
            Err(_) => (selected, String::new(), String::new()),
        };
        let title = format!("{} {code}", words::edit_household(ctx.lang));
        let mut form = Form::new(FormKind::EditHousehold, &title, vec![name(&name_now), address(&address_now)]);
        form.subject = code;
        Some(form)
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        if !self.edit {
            let (code, name, address) =
                (form.value(FieldKey::Code), form.value(FieldKey::Name), form.value(FieldKey::Address));
            let h = app.add_household(&code, &name, &address)?;
            let status = format!("{} {} — {}", words::added_household(lang), h.code, h.name);
            return Ok(Outcome::Done { status, select: Select::Household(h.code) });
        }
        let code = form.subject.clone();
        let n = app.edit_household(&code, Some(&form.value(FieldKey::Name)), Some(&form.value(FieldKey::Address)))?;
        let status = format!("{} {code}: {n} {}", words::edited_household(lang), words::changes(lang));
        Ok(Outcome::Done { status, select: Select::Household(code) })
    }
}
