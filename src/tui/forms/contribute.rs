//! A contribution: a member's money into her account (phiếu thu). The person is typed as
//! a code or found by name; her name and balance show as it is typed.

use crate::app::App;
use crate::ledger::{Method, Series};
use crate::messages::error::Result;
use crate::tui::form::{Field, Form, Kind};

use super::{Ctx, FormKind, Outcome, Select, date_field, method_field, preview};

pub fn open(ctx: &Ctx<'_>) -> Form {
    Form::new(
        FormKind::Contribute,
        ctx.pick("Thu tiền góp", "Contribution"),
        vec![
            Field::new(
                "person",
                ctx.pick("Người góp", "Member"),
                Kind::Person,
                &ctx.person.clone().unwrap_or_default(),
            )
            .with_hint(ctx.pick("Gõ mã hoặc tên (không cần dấu)", "A code or a name (accents optional)")),
            Field::new("amount", ctx.pick("Số tiền", "Amount"), Kind::Money, ""),
            date_field(ctx, "Ngày", "Date"),
            method_field(ctx),
            Field::new("note", ctx.pick("Ghi chú", "Note"), Kind::Text, ""),
        ],
    )
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    let (Some(person), Ok(amount)) = (
        app.person_line(&form.value("person")).ok().flatten(),
        crate::domain::money::parse_amount(&form.value("amount")),
    ) else {
        return;
    };
    let method = Method::from_code(&form.value("method")).unwrap_or_default();
    let who = preview::member(&person.code, &person.full_name, lang);
    form.preview = preview::voucher(
        lang,
        Series::moving(true, method).code(),
        &form.value("date"),
        &[(preview::money(method, lang), amount), (who, -amount)],
    );
    form.preview.push(format!(
        "{} {}: {}",
        lang.pick("Số dư của", "Balance of"),
        person.full_name,
        person.balance + amount
    ));
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let w = app.contribute(
        &form.value("person"),
        &form.value("amount"),
        &form.value("date"),
        Some(&form.value("method")),
        &form.value("note"),
    )?;
    Ok(Outcome::Done { status: super::written(&w, app.lang), select: Select::Voucher(w.voucher) })
}
