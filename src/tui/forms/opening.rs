//! The books a group brings when it starts using hunvon: the cash, the bank balance, or
//! what the pool already held for a member (negative for what she owed).

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::moves::OpeningOf;
use hunvon_core::ledger::Method;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, preview};

/// An opening balance.
pub struct Opening;

impl FormSpec for Opening {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let what = if ctx.person.is_some() { "person" } else { "cash" };
        Some(Form::new(
            FormKind::Opening,
            words::opening_balance(ctx.lang),
            vec![
                Field::new(FieldKey::What, words::balance_of(ctx.lang), Kind::Choice(words::OPENING_BALANCE_OF), what),
                Field::new(
                    FieldKey::Person,
                    words::member(ctx.lang),
                    Kind::OptPerson,
                    &ctx.person.clone().unwrap_or_default(),
                ),
                Field::new(FieldKey::Amount, words::amount(ctx.lang), Kind::SignedMoney, ""),
                date_field(ctx, words::date(ctx.lang)),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.hint_choice(FieldKey::What, lang);
        let Ok(amount) = hunvon_core::domain::money::parse_signed_amount(&form.value(FieldKey::Amount)) else { return };
        let opening = words::opening_balances(lang).to_string();
        let postings = match form.value(FieldKey::What).as_str() {
            "bank" => vec![(preview::money(Method::Bank, lang), amount), (opening, -amount)],
            "person" => match app.person_line(&form.value(FieldKey::Person)).ok().flatten() {
                Some(p) => vec![(opening, amount), (preview::member(&p.code, &p.full_name, lang), -amount)],
                None => return,
            },
            _ => vec![(preview::money(Method::Cash, lang), amount), (opening, -amount)],
        };
        form.preview = preview::voucher(lang, "PK", &form.value(FieldKey::Date), &postings);
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let amount = form.value(FieldKey::Amount);
        let of = match form.value(FieldKey::What).as_str() {
            "bank" => OpeningOf::Bank(amount),
            "person" => OpeningOf::Person { code: form.value(FieldKey::Person), amount },
            _ => OpeningOf::Cash(amount),
        };
        if matches!(of, OpeningOf::Person { ref code, .. } if code.is_empty()) {
            return Ok(Outcome::Again(
                hunvon_core::messages::error::Error::Empty { field: format!("«{}»", form.label(FieldKey::Person)) }
                    .text(app.lang),
            ));
        }
        let w = app.opening(&of, &form.value(FieldKey::Date))?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
