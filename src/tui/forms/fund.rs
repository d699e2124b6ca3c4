//! Money into or out of the common fund: donations, interest, fines; other payments.

use crate::tui::form::{Field, Form, Kind};
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, Outcome, Select, date_field, method_field, preview};

pub fn open(ctx: &Ctx<'_>, incoming: bool) -> Form {
    let (kind, title) = if incoming {
        (FormKind::Receive, ctx.pick("Thu quỹ chung (ủng hộ, lãi, tiền phạt…)", "Common fund receipt"))
    } else {
        (FormKind::Pay, ctx.pick("Chi quỹ chung", "Common fund payment"))
    };
    Form::new(
        kind,
        title,
        vec![
            Field::new("amount", ctx.pick("Số tiền", "Amount"), Kind::Money, ""),
            Field::new("note", ctx.pick("Nội dung", "What for"), Kind::Required, "").with_hint(if incoming {
                ctx.pick("Ví dụ: Lãi tiền gửi tháng 11", "E.g. Bank interest for November")
            } else {
                ctx.pick("Ví dụ: Mua sổ sách, văn phòng phẩm tháng 11", "E.g. Ledgers and stationery for November")
            }),
            date_field(ctx, "Ngày", "Date"),
            method_field(ctx),
        ],
    )
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value("amount")) else { return };
    let method = Method::from_code(&form.value("method")).unwrap_or_default();
    let fund = lang.pick("Quỹ chung", "Common fund").to_string();
    let (series, postings) = if form.kind == FormKind::Receive {
        (Series::moving(true, method).code(), vec![(preview::money(method, lang), amount), (fund, -amount)])
    } else {
        (Series::moving(false, method).code(), vec![(fund, amount), (preview::money(method, lang), -amount)])
    };
    form.preview = preview::voucher(lang, series, &form.value("date"), &postings);
    if form.kind == FormKind::Pay {
        form.warnings.extend(preview::shortfall(app, method, &form.value("date"), amount));
    }
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let w = app.common_fund(
        form.kind == FormKind::Receive,
        &form.value("amount"),
        &form.value("date"),
        Some(&form.value("method")),
        &form.value("note"),
    )?;
    Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
}
