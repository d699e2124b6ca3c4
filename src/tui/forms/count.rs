//! Kiểm kê quỹ (`count`): the notes in the cash box counted by denomination, or their
//! total, against the cash book's balance at the end of that day; the difference (thừa /
//! thiếu) shows as it is typed. Once recorded, its biên bản (08a-TT) opens in a preview
//! to be written like any paper.

use crate::tui::form::{Field, Form, Kind};
use hunvon_app::App;
use hunvon_app::closing::CountInput;
use hunvon_app::counts::difference_words;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, Outcome, Select};

/// The notes a field each (coins and odd amounts go into the total).
pub const NOTES: [(&str, i64); 9] = [
    ("n500000", 500_000),
    ("n200000", 200_000),
    ("n100000", 100_000),
    ("n50000", 50_000),
    ("n20000", 20_000),
    ("n10000", 10_000),
    ("n5000", 5_000),
    ("n2000", 2_000),
    ("n1000", 1_000),
];

pub fn open(ctx: &Ctx<'_>) -> Form {
    let mut fields =
        vec![Field::new("date", ctx.pick("Ngày kiểm kê", "Counted on"), Kind::Date, &ctx.today_text()).with_hint(
            ctx.pick("So với số dư sổ quỹ cuối ngày này", "Compared with the cash book at the end of this day"),
        )];
    for (id, denomination) in NOTES {
        let group = hunvon_core::domain::money::group(denomination);
        let label = match ctx.lang {
            hunvon_core::messages::i18n::Lang::Vi => format!("Số tờ {group} đ"),
            hunvon_core::messages::i18n::Lang::En => format!("Notes of {group} đ"),
        };
        fields.push(Field::new(id, &label, Kind::Pieces(denomination), ""));
    }
    fields.push(Field::new("total", ctx.pick("Hoặc tổng số tiền", "Or the total"), Kind::OptMoney, "").with_hint(
        ctx.pick("Thay cho số tờ theo mệnh giá (không nhập cả hai)", "Instead of the notes by denomination (not both)"),
    ));
    fields.push(Field::new("counted_by", ctx.pick("Người kiểm kê", "Counted by"), Kind::Text, "").with_hint(
        ctx.pick("Tên những người cùng đếm, cách nhau bằng dấu phẩy", "Names of those who counted, comma separated"),
    ));
    fields.push(Field::new("reason", ctx.pick("Lý do thừa, thiếu", "Reason for a difference"), Kind::Text, ""));
    Form::new(FormKind::Count, ctx.pick("Kiểm kê quỹ tiền mặt", "Cash count"), fields)
}

/// The notes typed as `count --notes` takes them (`500000x4,…`), if any.
fn notes(form: &Form) -> Option<String> {
    let parts: Vec<String> = NOTES
        .iter()
        .filter_map(|(id, d)| {
            let n: i64 = form.value(id).parse().ok()?;
            (n > 0).then(|| format!("{d}x{n}"))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(","))
}

/// What was counted: the notes' sum, or the total typed.
fn counted(form: &Form) -> Option<Dong> {
    match notes(form) {
        Some(_) => Some(Dong(NOTES.iter().map(|(id, d)| d * form.value(id).parse::<i64>().unwrap_or(0)).sum::<i64>())),
        None => hunvon_core::domain::money::parse_amount(&form.value("total")).ok(),
    }
}

pub fn live(app: &App, form: &mut Form) {
    let lang = app.lang;
    let Some(day) = hunvon_core::domain::date::parse_date(&form.value("date")) else { return };
    let Ok(book) = app.cash_on(day) else { return };
    form.preview.push(format!(
        "{} {}: {book}",
        lang.pick("Số dư theo sổ quỹ cuối ngày", "Cash book balance at the end of"),
        hunvon_core::domain::date::format_vn(day)
    ));
    if notes(form).is_some() && !form.value("total").is_empty() {
        form.warnings.push(both(lang).into());
        return;
    }
    let Some(counted) = counted(form) else { return };
    form.preview.push(format!("{}: {counted}", lang.pick("Số kiểm kê thực tế", "Counted")));
    form.preview.push(format!(
        "{}: {}",
        lang.pick("Chênh lệch", "Difference"),
        difference_words((counted - book).0, lang)
    ));
}

fn both(lang: hunvon_core::messages::i18n::Lang) -> &'static str {
    lang.pick(
        "⚠ Nhập số tờ theo mệnh giá hoặc tổng số tiền, không nhập cả hai.",
        "⚠ Type the notes by denomination or the total, not both.",
    )
}

pub fn submit(app: &mut App, form: &mut Form) -> Result<Outcome> {
    let lang = app.lang;
    let (notes, total) = (notes(form), Some(form.value("total")).filter(|t| !t.is_empty()));
    match (&notes, &total) {
        (Some(_), Some(_)) => return Ok(Outcome::Again(both(lang).trim_start_matches("⚠ ").into())),
        (None, None) => {
            let text = lang.pick(
                "Hãy nhập số tờ theo mệnh giá, hoặc tổng số tiền đếm được.",
                "Type the notes by denomination, or the total counted.",
            );
            return Ok(Outcome::Again(text.into()));
        }
        _ => {}
    }
    let given = CountInput {
        date: form.value("date"),
        notes,
        total,
        counted_by: form.value("counted_by"),
        reason: form.value("reason"),
        time: None,
    };
    let row = app.record_count(&given)?;
    let status = format!(
        "{} {} — {}",
        lang.pick("Đã ghi bảng kiểm kê quỹ", "Cash count recorded as"),
        row.label(),
        difference_words(row.counted - row.book_balance, lang)
    );
    Ok(Outcome::Done { status, select: Select::CountPaper(row.date) })
}
