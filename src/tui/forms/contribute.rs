//! A contribution: a member's money into her account (phiếu thu). The person is typed as
//! a code or found by name; her name and balance show as it is typed.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, method_field, preview};

/// A member's contribution.
pub struct Contribute;

impl FormSpec for Contribute {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::Contribute,
            words::contribution(ctx.lang),
            vec![
                Field::new(
                    FieldKey::Person,
                    words::contributing_member(ctx.lang),
                    Kind::Person,
                    &ctx.person.clone().unwrap_or_default(),
                )
                .with_hint(words::person_lookup_hint(ctx.lang)),
                Field::new(FieldKey::Amount, words::amount(ctx.lang), Kind::Money, ""),
                date_field(ctx, words::date(ctx.lang)),
                method_field(ctx),
                Field::new(FieldKey::Note, words::note(ctx.lang), Kind::Text, ""),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let (Some(person), Ok(amount)) = (
            app.person_line(&form.value(FieldKey::Person)).ok().flatten(),
            hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Amount)),
        ) else {
            return;
        };
        let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
        let who = preview::member(&person.code, &person.full_name, lang);
        form.preview = preview::voucher(
            lang,
            Series::moving(true, method).code(),
            &form.value(FieldKey::Date),
            &[(preview::money(method, lang), amount), (who, -amount)],
        );
        form.preview.push(format!("{} {}: {}", words::balance_of(lang), person.full_name, person.balance + amount));
    }

    /// A contribution for someone who is not a member on its day (a relative, or a member
    /// who left) asks once before it is written: money was recorded to the wrong person
    /// when a relative's name came first in the list.
    fn confirmation(&self, app: &App, form: &Form) -> Option<Vec<String>> {
        let lang = app.lang;
        let p = app.person(&form.value(FieldKey::Person)).ok()?;
        let day = hunvon_core::domain::date::parse_date(&form.value(FieldKey::Date)).unwrap_or(app.clock.today);
        if p.is_member_on(day) {
            return None;
        }
        let title = words::title_before_name(lang, p.gender);
        let who = format!("{title}{} ({})", p.full_name, p.code);
        Some(vec![words::not_a_member_record_anyway(lang, who), String::new(), words::enter_or_y_record(lang).into()])
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let w = app.contribute(
            &form.value(FieldKey::Person),
            &form.value(FieldKey::Amount),
            &form.value(FieldKey::Date),
            Some(&form.value(FieldKey::Method)),
            &form.value(FieldKey::Note),
        )?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
