//! Money into or out of the common fund: donations, interest, fines; other payments.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, method_field, preview};

/// A receipt into the common fund (`incoming`) or a payment out of it.
pub struct Fund {
    pub incoming: bool,
}

impl FormSpec for Fund {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let (kind, title) = if self.incoming {
            (FormKind::Receive, words::common_fund_receipt(ctx.lang))
        } else {
            (FormKind::Pay, words::common_fund_payment(ctx.lang))
        };
        let example =
            if self.incoming { words::fund_receipt_example(ctx.lang) } else { words::fund_payment_example(ctx.lang) };
        Some(Form::new(
            kind,
            title,
            vec![
                Field::new(FieldKey::Amount, words::amount(ctx.lang), Kind::Money, ""),
                Field::new(FieldKey::Note, words::what_for(ctx.lang), Kind::Required, "").with_hint(example),
                date_field(ctx, words::date(ctx.lang)),
                method_field(ctx),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Amount)) else { return };
        let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
        let fund = words::common_fund(lang).to_string();
        let (series, postings) = if self.incoming {
            (Series::moving(true, method).code(), vec![(preview::money(method, lang), amount), (fund, -amount)])
        } else {
            (Series::moving(false, method).code(), vec![(fund, amount), (preview::money(method, lang), -amount)])
        };
        form.preview = preview::voucher(lang, series, &form.value(FieldKey::Date), &postings);
        if !self.incoming {
            form.warnings.extend(preview::shortfall(app, method, &form.value(FieldKey::Date), amount));
        }
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let w = app.common_fund(
            self.incoming,
            &form.value(FieldKey::Amount),
            &form.value(FieldKey::Date),
            Some(&form.value(FieldKey::Method)),
            &form.value(FieldKey::Note),
        )?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
