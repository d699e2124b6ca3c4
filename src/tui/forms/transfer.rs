//! Cash deposited at the bank (a phiếu chi), or drawn from it (a phiếu thu), with the bank's
//! reference (giấy nộp tiền, séc) when there is one.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, preview};

fn ways(form: &Form) -> (Method, Method) {
    match form.value(FieldKey::From).as_str() {
        "bank" => (Method::Bank, Method::Cash),
        _ => (Method::Cash, Method::Bank),
    }
}

/// Money between the cash box and the bank.
pub struct Transfer;

impl FormSpec for Transfer {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::Transfer,
            words::transfer_title(ctx.lang),
            vec![
                Field::new(FieldKey::From, words::direction(ctx.lang), Kind::Choice(words::DIRECTIONS), "cash"),
                Field::new(FieldKey::Amount, words::amount(ctx.lang), Kind::Money, ""),
                date_field(ctx, words::date(ctx.lang)),
                Field::new(FieldKey::Note, words::note(ctx.lang), Kind::Text, ""),
                Field::new(FieldKey::BankRef, words::bank_ref(ctx.lang), Kind::Text, ""),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.hint_choice(FieldKey::From, lang);
        let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Amount)) else { return };
        let (from, to) = ways(form);
        // Numbered by its cash side (SPEC §8): into the bank a phiếu chi, out of it a phiếu thu.
        form.preview = preview::voucher(
            lang,
            Series::moving(to == Method::Cash, Method::Cash).code(),
            &form.value(FieldKey::Date),
            &[(preview::money(to, lang), amount), (preview::money(from, lang), -amount)],
        );
        form.warnings.extend(preview::shortfall(app, from, &form.value(FieldKey::Date), amount));
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let (from, to) = ways(form);
        app.bank_ref = form.value(FieldKey::BankRef);
        let w = app.transfer(
            from.code(),
            to.code(),
            &form.value(FieldKey::Amount),
            &form.value(FieldKey::Date),
            &form.value(FieldKey::Note),
        );
        // A refused transfer leaves the reference untaken: it must not ride on the next voucher.
        app.bank_ref.clear();
        let w = w?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
