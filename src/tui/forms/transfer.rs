//! Cash deposited at the bank (a phiếu chi), or drawn from it (a phiếu thu), with the bank's
//! reference (giấy nộp tiền, séc) when there is one.

use crate::tui::form::{Choice, Field, Form, Kind};
use hunvon_app::App;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, Outcome, Select, date_field, preview};

const WAYS: &[Choice] = &[
    Choice {
        code: "cash",
        vi: "tiền mặt → ngân hàng",
        en: "cash → bank",
        hint_vi: "Nộp tiền mặt vào tài khoản ngân hàng của tổ.",
        hint_en: "Cash deposited at the pool's bank account.",
    },
    Choice {
        code: "bank",
        vi: "ngân hàng → tiền mặt",
        en: "bank → cash",
        hint_vi: "Rút tiền từ ngân hàng về quỹ tiền mặt.",
        hint_en: "Cash drawn from the bank into the cash box.",
    },
];

pub fn open(ctx: &Ctx<'_>) -> Form {
    Form::new(
        FormKind::Transfer,
        ctx.pick("Chuyển tiền giữa tiền mặt và ngân hàng", "Transfer between cash and bank"),
        vec![
            Field::new("from", ctx.pick("Chiều", "Direction"), Kind::Choice(WAYS), "cash"),
            Field::new("amount", ctx.pick("Số tiền", "Amount"), Kind::Money, ""),
            date_field(ctx, "Ngày", "Date"),
            Field::new("note", ctx.pick("Ghi chú", "Note"), Kind::Text, ""),
            Field::new("bank_ref", ctx.pick("Số tham chiếu", "Bank ref."), Kind::Text, ""),
        ],
    )
}

fn ways(form: &Form) -> (Method, Method) {
    match form.value("from").as_str() {
        "bank" => (Method::Bank, Method::Cash),
        _ => (Method::Cash, Method::Bank),
    }
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    if let Some(f) = form.field_mut("from") {
        f.hint = f.choice_hint(lang);
    }
    let Ok(amount) = hunvon_core::domain::money::parse_amount(&form.value("amount")) else { return };
    let (from, to) = ways(form);
    // Numbered by its cash side (SPEC §8): into the bank a phiếu chi, out of it a phiếu thu.
    form.preview = preview::voucher(
        lang,
        Series::moving(to == Method::Cash, Method::Cash).code(),
        &form.value("date"),
        &[(preview::money(to, lang), amount), (preview::money(from, lang), -amount)],
    );
    form.warnings.extend(preview::shortfall(app, from, &form.value("date"), amount));
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let (from, to) = ways(form);
    app.bank_ref = form.value("bank_ref");
    let w = app.transfer(from.code(), to.code(), &form.value("amount"), &form.value("date"), &form.value("note"));
    // A refused transfer leaves the reference untaken: it must not ride on the next voucher.
    app.bank_ref.clear();
    let w = w?;
    Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
}
