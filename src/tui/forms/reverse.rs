//! Reversing a voucher: the reason and the date, then a confirmation that shows the
//! voucher, its amount, the person and the reason in full.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field};

/// The reversal of the voucher selected.
pub struct Reverse;

impl FormSpec for Reverse {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let voucher = ctx.voucher.clone()?;
        let mut form = Form::new(
            FormKind::Reverse,
            &format!("{} {voucher}", words::reverse_voucher(ctx.lang)),
            vec![
                Field::new(FieldKey::Reason, words::reversal_reason(ctx.lang), Kind::Required, ""),
                date_field(ctx, words::reversal_date(ctx.lang)),
            ],
        );
        form.subject = voucher;
        Some(form)
    }

    fn live(&self, app: &App, form: &mut Form) {
        if let Ok(d) = app.voucher_detail(&form.subject) {
            form.preview = vec![
                format!("{} · {} · {}", d.voucher, hunvon_core::domain::date::format_vn(d.date), d.total),
                d.purpose.clone(),
            ];
            if let Some(by) = &d.reversed_by {
                form.warnings.push(format!("⚠ {} {by}.", words::already_reversed_by(app.lang)));
            }
        }
    }

    /// The question asked before reversing, every part in full.
    fn confirmation(&self, app: &App, form: &Form) -> Option<Vec<String>> {
        let lang = app.lang;
        let mut lines = Vec::new();
        match app.voucher_detail(&form.subject) {
            Ok(d) => {
                lines.push(format!(
                    "{}: {} ({})",
                    words::voucher(lang),
                    d.voucher,
                    hunvon_core::domain::date::format_vn(d.date)
                ));
                lines.push(format!("{}: {}", words::amount(lang), d.total));
                if let Some((code, name)) = &d.person {
                    lines.push(format!("{}: {code} {name}", words::person(lang)));
                }
                lines.push(format!("{}: {}", words::what(lang), d.purpose));
            }
            Err(e) => lines.push(e.text(lang)),
        }
        lines.push(format!("{}: {}", words::reversal_reason(lang), form.value(FieldKey::Reason)));
        lines.push(format!("{}: {}", words::reversal_date(lang), form.value(FieldKey::Date)));
        lines.push(String::new());
        lines.push(words::write_the_reversal(lang).into());
        Some(lines)
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let w = app.reverse(&form.subject, &form.value(FieldKey::Reason), &form.value(FieldKey::Date))?;
        // The selection stays on the voucher reversed, which now shows who reversed it.
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Keep })
    }
}
