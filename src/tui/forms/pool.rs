//! The first run: name the pool, its monthly dues and the cash it already holds.

use crate::tui::form::{Field, FieldKey, Form, Kind};
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
            ctx.pick("Lần đầu dùng hunvon: đặt tên quỹ", "First run: name the pool"),
            vec![
                Field::new(FieldKey::Pool, ctx.pick("Mã quỹ", "Pool code"), Kind::Code, "TO1")
                    .with_hint(ctx.pick("Chữ không dấu và số, ví dụ TO1", "Letters and digits, e.g. TO1")),
                Field::new(FieldKey::Name, ctx.pick("Tên quỹ", "Pool name"), Kind::Name, ""),
                Field::new(FieldKey::Cash, ctx.pick("Tiền mặt đang có", "Cash held now"), Kind::OptMoney, "")
                    .with_hint(ctx.pick("Số dư đầu kỳ; để trống nếu chưa có", "The opening balance; empty if none")),
                Field::new(FieldKey::Amount, ctx.pick("Mức đóng hằng tháng", "Monthly dues"), Kind::OptMoney, "")
                    .with_hint(ctx.pick(
                        "Mỗi thành viên mỗi tháng; để trống nếu không cố định",
                        "Per member a month; empty if none",
                    )),
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
            format!("{} {} — {}", lang.pick("Đã tạo quỹ", "Created pool"), pool.code, pool.name)
        } else {
            app.opening(&OpeningOf::Cash(cash), &date)?.line
        };
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}
