//! The first run: name the pool, its monthly dues and the cash it already holds.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
use hunvon_app::App;
use hunvon_app::moves::OpeningOf;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The first run's form.
pub struct CreatePool;

impl FormSpec for CreatePool {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        Some(Form::new(
            FormKind::CreatePool,
            words::first_run_title(ctx.lang),
            vec![
                Field::new(FieldKey::Pool, words::pool_code(ctx.lang), Kind::Code, "TO1")
                    .with_hint(words::pool_code_hint(ctx.lang)),
                Field::new(FieldKey::Name, words::pool_name(ctx.lang), Kind::Name, ""),
                Field::new(FieldKey::Cash, words::cash_held_now(ctx.lang), Kind::OptMoney, "")
                    .with_hint(words::opening_balance_hint(ctx.lang)),
                Field::new(FieldKey::Amount, words::monthly_dues(ctx.lang), Kind::OptMoney, "")
                    .with_hint(words::dues_hint_empty_none(ctx.lang)),
            ],
        ))
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let pool = app.init_pool(&form.value(FieldKey::Pool), &form.value(FieldKey::Name))?;
        let date = hunvon_core::domain::date::format_iso(app.clock.today);
        let dues = form.value(FieldKey::Amount);
        if !dues.is_empty() {
            app.set_dues(&dues, &date)?;
        }
        let cash = form.value(FieldKey::Cash);
        let status = if cash.is_empty() {
            format!("{} {} — {}", words::created_pool(lang), pool.code, pool.name)
        } else {
            app.opening(&OpeningOf::Cash(cash), &date)?.line
        };
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}
