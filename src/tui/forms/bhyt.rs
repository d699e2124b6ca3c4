//! BHYT for a household: everyone without a current card proposed in ladder order, each
//! person's price, card dates and payer (SPEC §2: a member pays for herself, a relative's
//! sponsor for her) shown live, one field to override every payer, warnings for valid
//! cards and cash running short, and a second Enter when the price changed meanwhile.

use crate::app::App;
use crate::app::insurance::{BhytRequest, Quote};
use crate::app::views::voucher::account_words;
use crate::ledger::{Account, Method};
use crate::messages::error::Result;
use crate::messages::i18n::Lang;
use crate::tui::form::{Choice, Field, Form, Kind};

use super::{Ctx, FormKind, Outcome, Select, date_field, optional, payer, preview, receipt_fields};

const MONTHS: &[Choice] = &[
    Choice { code: "12", vi: "12 tháng", en: "12 months", hint_vi: "", hint_en: "" },
    Choice { code: "6", vi: "6 tháng", en: "6 months", hint_vi: "", hint_en: "" },
    Choice { code: "3", vi: "3 tháng", en: "3 months", hint_vi: "", hint_en: "" },
];

pub fn open(ctx: &Ctx<'_>) -> Form {
    let proposal = ctx.person.as_deref().and_then(|c| ctx.app.bhyt_proposal(c, ctx.today).ok()).unwrap_or_default();
    let title = match (&proposal.household, ctx.lang) {
        (Some(h), Lang::Vi) => format!("Mua BHYT cho hộ {} — {}", h.code, h.name),
        (Some(h), Lang::En) => format!("Buy BHYT for household {} — {}", h.code, h.name),
        (None, _) => ctx.pick("Mua BHYT cho hộ", "Buy BHYT for a household").to_string(),
    };
    Form::new(
        FormKind::BuyBhyt,
        &title,
        vec![
            Field::new(
                "person",
                ctx.pick("Những người mua (theo thứ tự)", "People (in ladder order)"),
                Kind::Required,
                &proposal.codes.join(","),
            )
            .with_hint(ctx.pick(
                "Mã người cách nhau dấu phẩy; người đứng trước tính bậc trước",
                "Codes separated by commas; the first listed takes the first place",
            )),
            Field::new("months", ctx.pick("Số tháng", "Months"), Kind::Choice(MONTHS), "12"),
            date_field(ctx, "Ngày đóng", "Paid on"),
            Field::new("payer", ctx.pick("Người trả (cho tất cả)", "Payer (for everyone)"), Kind::Payer, "").with_hint(
                ctx.pick(
                    "Để trống: theo quy định; hoặc mã một thành viên, hoặc «quỹ chung»",
                    "Empty: by the rules; or a member's code, or «common»",
                ),
            ),
        ]
        .into_iter()
        .chain(receipt_fields(ctx))
        .collect(),
    )
}

fn request(form: &Form) -> BhytRequest {
    BhytRequest {
        persons: form.value("person"),
        months: form.value("months"),
        date: form.value("date"),
        amount: optional(form, "amount"),
        receipt: optional(form, "receipt"),
        payer: payer(form),
        method: Some(form.value("method")),
        ..Default::default()
    }
}

fn payer_words(app: &App, a: &Account) -> String {
    let name = match a {
        Account::Member(code) => app.person_line(code).ok().flatten().map(|p| p.full_name),
        _ => None,
    };
    match a {
        Account::Member(code) => format!("{code} {}", name.unwrap_or_default()),
        other => account_words(other, None, app.lang),
    }
}

/// The quote's lines: one per person, then the total.
pub fn quote_lines(app: &App, q: &Quote) -> Vec<String> {
    let lang = app.lang;
    let mut out = Vec::new();
    for p in &q.persons {
        let place = p.position.map_or_else(
            || lang.pick("được hỗ trợ", "supported").to_string(),
            |n| format!("{} {n}", lang.pick("người thứ", "place")),
        );
        let card = match (p.card_from, p.card_to) {
            (Some(f), Some(t)) => {
                format!(
                    " · {} {}–{}",
                    lang.pick("thẻ", "card"),
                    crate::domain::date::format_vn(f),
                    crate::domain::date::format_vn(t)
                )
            }
            _ => String::new(),
        };
        out.push(format!(
            "{} {} · {place} · {}{card} · {} {}",
            p.code,
            p.full_name,
            p.amount,
            lang.pick("trả:", "paid by"),
            payer_words(app, &p.payer)
        ));
    }
    out.push(format!(
        "{} {} ({} {})",
        lang.pick("Tổng:", "Total:"),
        q.total,
        q.persons.len(),
        lang.pick("người", "people")
    ));
    out
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    form.quoted = None;
    if form.value("person").is_empty() {
        form.preview.push(
            lang.pick(
                "Không ai trong hộ cần thẻ mới (mọi người còn thẻ dài hạn); gõ mã người nếu vẫn muốn mua.",
                "Nobody in the household needs a new card; type codes to buy anyway.",
            )
            .into(),
        );
        return;
    }
    match app.quote_bhyt(&request(form)) {
        Ok(q) => {
            form.preview = quote_lines(app, &q);
            form.quoted = Some(q.total);
            let codes: Vec<String> = q.persons.iter().map(|p| p.code.clone()).collect();
            for (code, name, end) in app.valid_cards(&codes, q.date).unwrap_or_default() {
                let from = q.persons.iter().find(|p| p.code == code).and_then(|p| p.card_from);
                form.warnings.push(match lang {
                    Lang::Vi => format!(
                        "⚠ {code} {name} còn thẻ đến {}; thẻ mới sẽ từ {}.",
                        crate::domain::date::format_vn(end),
                        from.map(crate::domain::date::format_vn).unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "⚠ {code} {name} has a card until {}; the new one starts {}.",
                        crate::domain::date::format_vn(end),
                        from.map(crate::domain::date::format_vn).unwrap_or_default()
                    ),
                });
            }
            let method = Method::from_code(&form.value("method")).unwrap_or_default();
            form.warnings.extend(preview::shortfall(app, method, &form.value("date"), q.total));
        }
        Err(e) => form.warnings.push(form.refusal(&e, lang)),
    }
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let lang = app.lang;
    let fresh = app.quote_bhyt(&request(form))?;
    if let Some(shown) = form.quoted
        && shown != fresh.total
    {
        return Ok(Outcome::Again(match lang {
            Lang::Vi => format!(
                "Giá đã đổi từ {shown} thành {} (vừa có người ghi sổ). Xem lại rồi nhấn Enter lần nữa để mua.",
                fresh.total
            ),
            Lang::En => format!(
                "The price changed from {shown} to {} (someone wrote meanwhile). Check it and press Enter again.",
                fresh.total
            ),
        }));
    }
    let (w, _) = app.buy_bhyt(&request(form))?;
    Ok(Outcome::Done { status: super::written(&w, lang), select: Select::Voucher(w.voucher) })
}
