//! Paying a member back what the pool holds for her (phiếu chi), e.g. when she leaves.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select, date_field, method_field, preview};

/// Money paid back to a member.
pub struct Withdraw;

impl FormSpec for Withdraw {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        // A member who has left is paid back what the pool holds for her: offered whole.
        let held = ctx
            .person
            .as_deref()
            .and_then(|c| ctx.app.person_line(c).ok().flatten())
            .filter(|p| p.left_on.is_some() && p.balance.0 > 0)
            .map(|p| hunvon_core::domain::money::group(p.balance.0))
            .unwrap_or_default();
        Some(Form::new(
            FormKind::Withdraw,
            words::pay_money_back(ctx.lang),
            vec![
                Field::new(
                    FieldKey::Person,
                    words::receiving_member(ctx.lang),
                    Kind::Person,
                    &ctx.person.clone().unwrap_or_default(),
                ),
                Field::new(FieldKey::Amount, words::amount(ctx.lang), Kind::Money, &held),
                date_field(ctx, words::date(ctx.lang)),
                method_field(ctx),
                Field::new(FieldKey::AllowDebt, words::allow_debt(ctx.lang), Kind::Choice(words::DEBT_ALLOWED), "no"),
                Field::new(FieldKey::Note, words::note(ctx.lang), Kind::Text, ""),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.hint_choice(FieldKey::AllowDebt, lang);
        let Some(p) = app.person_line(&form.value(FieldKey::Person)).ok().flatten() else { return };
        let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Amount)) else {
            form.preview.push(format!("{} {}: {}", words::pool_holds_for(lang), p.full_name, p.balance));
            return;
        };
        let method = Method::from_code(&form.value(FieldKey::Method)).unwrap_or_default();
        form.preview = preview::voucher(
            lang,
            Series::moving(false, method).code(),
            &form.value(FieldKey::Date),
            &[(preview::member(&p.code, &p.full_name, lang), amount), (preview::money(method, lang), -amount)],
        );
        form.preview.push(format!("{} {}: {}", words::balance_of(lang), p.full_name, p.balance - amount));
        if amount.0 > p.balance.0 && form.value(FieldKey::AllowDebt) != "yes" {
            form.warnings.push(format!("⚠ {} {} {}.", words::pool_holds_only(lang), p.balance, words::for_her(lang)));
        }
        form.warnings.extend(preview::shortfall(app, method, &form.value(FieldKey::Date), amount));
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let w = app.withdraw(
            &form.value(FieldKey::Person),
            &form.value(FieldKey::Amount),
            &form.value(FieldKey::Date),
            Some(&form.value(FieldKey::Method)),
            &form.value(FieldKey::Note),
            form.value(FieldKey::AllowDebt) == "yes",
        )?;
        Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
    }
}
