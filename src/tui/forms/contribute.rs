//! A contribution: a member's money into her account (phiếu thu). The person is typed as
//! a code or found by name; her name and balance show as it is typed.

use crate::tui::form::{Field, Form, Kind};
use hunvon_app::App;
use hunvon_core::domain::ident::Gender;
use hunvon_core::ledger::{Method, Series};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

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
        hunvon_core::domain::money::parse_amount(&form.value("amount")),
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

/// A contribution for someone who is not a member on its day (a relative, or a member
/// who left) asks once before it is written: money was recorded to the wrong person
/// when a relative's name came first in the list.
pub fn confirmation(app: &App, form: &Form) -> Option<Vec<String>> {
    let lang = app.lang;
    let p = app.person(&form.value("person")).ok()?;
    let day = hunvon_core::domain::date::parse_date(&form.value("date")).unwrap_or(app.clock.today);
    if p.is_member_on(day) {
        return None;
    }
    let title = match (lang, p.gender) {
        (Lang::Vi, Some(Gender::Female)) => "Bà ",
        (Lang::Vi, Some(Gender::Male)) => "Ông ",
        _ => "",
    };
    let who = format!("{title}{} ({})", p.full_name, p.code);
    Some(vec![
        match lang {
            Lang::Vi => format!("{who} không phải thành viên — vẫn ghi?"),
            Lang::En => format!("{who} is not a member — record it all the same?"),
        },
        String::new(),
        lang.pick(
            "Enter hoặc c = ghi, phím khác = quay lại phiếu.",
            "Enter or y = record it, any other key = back to the form.",
        )
        .into(),
    ])
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
