//! The books a group brings when it starts using hunvon: the cash, the bank balance, or
//! what the pool already held for a member (negative for what she owed).

use crate::tui::form::{Choice, Field, Form, Kind};
use hunvon_app::App;
use hunvon_app::moves::OpeningOf;
use hunvon_core::ledger::Method;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, Outcome, Select, date_field, preview};

const WHAT: &[Choice] = &[
    Choice {
        code: "cash",
        vi: "tiền mặt",
        en: "cash box",
        hint_vi: "Tiền mặt tổ đang giữ khi bắt đầu dùng sổ.",
        hint_en: "The cash the pool holds when it starts using the book.",
    },
    Choice {
        code: "bank",
        vi: "ngân hàng",
        en: "bank",
        hint_vi: "Số dư tài khoản ngân hàng khi bắt đầu dùng sổ.",
        hint_en: "The bank balance when the pool starts using the book.",
    },
    Choice {
        code: "person",
        vi: "một thành viên",
        en: "a member",
        hint_vi: "Số tiền tổ đang giữ cho người này (số âm nếu người này đang nợ tổ).",
        hint_en: "What the pool holds for her (negative if she owes the pool).",
    },
];

pub fn open(ctx: &Ctx<'_>) -> Form {
    let what = if ctx.person.is_some() { "person" } else { "cash" };
    Form::new(
        FormKind::Opening,
        ctx.pick("Số dư đầu kỳ", "Opening balance"),
        vec![
            Field::new("what", ctx.pick("Số dư của", "Balance of"), Kind::Choice(WHAT), what),
            Field::new(
                "person",
                ctx.pick("Thành viên", "Member"),
                Kind::OptPerson,
                &ctx.person.clone().unwrap_or_default(),
            ),
            Field::new("amount", ctx.pick("Số tiền", "Amount"), Kind::SignedMoney, ""),
            date_field(ctx, "Ngày", "Date"),
        ],
    )
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    if let Some(f) = form.field_mut("what") {
        f.hint = f.choice_hint(lang);
    }
    let Ok(amount) = hunvon_core::domain::money::parse_signed_amount(&form.value("amount")) else { return };
    let opening = lang.pick("Nguồn số dư đầu kỳ", "Opening balances").to_string();
    let postings = match form.value("what").as_str() {
        "bank" => vec![(preview::money(Method::Bank, lang), amount), (opening, -amount)],
        "person" => match app.person_line(&form.value("person")).ok().flatten() {
            Some(p) => vec![(opening, amount), (preview::member(&p.code, &p.full_name, lang), -amount)],
            None => return,
        },
        _ => vec![(preview::money(Method::Cash, lang), amount), (opening, -amount)],
    };
    form.preview = preview::voucher(lang, "PK", &form.value("date"), &postings);
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let amount = form.value("amount");
    let of = match form.value("what").as_str() {
        "bank" => OpeningOf::Bank(amount),
        "person" => OpeningOf::Person { code: form.value("person"), amount },
        _ => OpeningOf::Cash(amount),
    };
    if matches!(of, OpeningOf::Person { ref code, .. } if code.is_empty()) {
        return Ok(Outcome::Again(
            hunvon_core::messages::error::Error::Empty { field: format!("«{}»", form.label("person")) }.text(app.lang),
        ));
    }
    let w = app.opening(&of, &form.value("date"))?;
    Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
}
