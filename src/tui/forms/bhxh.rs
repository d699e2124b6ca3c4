//! Voluntary BHXH for one person: months, the income she chose, the months paid, and the
//! payer, with the price and the state's support shown live.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::insurance::BhxhRequest;
use hunvon_core::ledger::Method;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, payer, preview, receipt_fields};

fn request(form: &Form) -> BhxhRequest {
    let from_month = crate::tui::form::parse_month("", &form.value(FieldKey::FromMonth)).ok().map(|m| m.to_string());
    BhxhRequest {
        person: form.value(FieldKey::Person),
        months: form.value(FieldKey::Months),
        income: form.value(FieldKey::Income),
        date: form.value(FieldKey::Date),
        from_month,
        amount: form.optional(FieldKey::Amount),
        receipt: form.optional(FieldKey::Receipt),
        payer: payer(form),
        method: Some(form.value(FieldKey::Method)),
    }
}

/// Voluntary BHXH for one person.
pub struct BuyBhxh;

impl FormSpec for BuyBhxh {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::BuyBhxh,
            words::pay_voluntary_bhxh(ctx.lang),
            vec![
                Field::new(
                    FieldKey::Person,
                    words::participant(ctx.lang),
                    Kind::Person,
                    &ctx.person.clone().unwrap_or_default(),
                ),
                Field::new(FieldKey::Months, words::months(ctx.lang), Kind::Choice(words::BHXH_MONTHS), "1"),
                Field::new(FieldKey::Income, words::chosen_income(ctx.lang), Kind::Money, "1.500.000")
                    .with_hint(words::chosen_income_hint(ctx.lang)),
                Field::new(FieldKey::FromMonth, words::from_month_back_pay(ctx.lang), Kind::Month, "")
                    .with_hint(words::bhxh_from_month_hint(ctx.lang)),
                date_field(ctx, words::paid_on(ctx.lang)),
                Field::new(FieldKey::Payer, words::payer(ctx.lang), Kind::Payer, ""),
            ]
            .into_iter()
            .chain(receipt_fields(ctx))
            .collect(),
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.quoted = None;
        if form.value(FieldKey::Person).is_empty() {
            return;
        }
        match app.quote_bhxh(&request(form)) {
            Ok(q) => {
                for p in &q.persons {
                    if let (Some(f), Some(t)) = (p.from_month, p.to_month) {
                        let m = hunvon_app::views::month_text;
                        form.preview.push(format!(
                            "{} {} · {}/{} · {}–{} · {} {}",
                            p.code,
                            p.full_name,
                            p.monthly,
                            words::month(lang),
                            m(f),
                            m(t),
                            p.supported_months.unwrap_or(0),
                            words::supported_months(lang)
                        ));
                    }
                }
                form.preview.push(format!("{} {}", words::total_colon(lang), q.total));
                form.quoted = Some(q.total);
                let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
                form.warnings.extend(preview::shortfall(app, method, &form.value(FieldKey::Date), q.total));
                for w in app.debts_ahead(&q).unwrap_or_default() {
                    form.warnings.push(format!("⚠ {}", w.text(lang)));
                }
            }
            Err(e) => form.warnings.push(form.refusal(&e, lang)),
        }
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let fresh = app.quote_bhxh(&request(form))?;
        if let Some(shown) = form.quoted
            && shown != fresh.total
        {
            return Ok(Outcome::Again(words::bhxh_price_changed(lang, shown, fresh.total)));
        }
        let (w, _) = app.buy_bhxh(&request(form))?;
        Ok(Outcome::Done { status: super::written(&w, lang), select: Select::Voucher(w.voucher) })
    }
}
