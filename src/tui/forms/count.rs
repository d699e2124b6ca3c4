//! Kiểm kê quỹ (`count`): the notes in the cash box counted by denomination, or their
//! total, against the cash book's balance at the end of that day; the difference (thừa /
//! thiếu) shows as it is typed. Once recorded, its biên bản (08a-TT) opens in a preview
//! to be written like any paper.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_app::moves::closing::CountInput;
use hunvon_app::papers::counts::difference_words;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// The notes a field each (coins and odd amounts go into the total), in đồng.
pub const NOTES: [i64; 9] = [500_000, 200_000, 100_000, 50_000, 20_000, 10_000, 5_000, 2_000, 1_000];

/// The notes typed as `count --notes` takes them (`500000x4,…`), if any.
fn notes(form: &Form) -> Option<String> {
    let parts: Vec<String> = NOTES
        .iter()
        .filter_map(|&d| {
            let n: i64 = form.value(FieldKey::Notes(d)).parse().ok()?;
            (n > 0).then(|| format!("{d}x{n}"))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(","))
}

/// What was counted: the notes' sum, or the total typed.
fn counted(form: &Form) -> Option<Dong> {
    match notes(form) {
        Some(_) => Some(Dong(
            NOTES.iter().map(|&d| d * form.value(FieldKey::Notes(d)).parse::<i64>().unwrap_or(0)).sum::<i64>(),
        )),
        None => hunvon_core::domain::money::parse_amount(&form.value(FieldKey::Total)).ok(),
    }
}

fn both(lang: hunvon_core::messages::i18n::Lang) -> &'static str {
    lang.pick(
        "⚠ Nhập số tờ theo mệnh giá hoặc tổng số tiền, không nhập cả hai.",
        "⚠ Type the notes by denomination or the total, not both.",
    )
}

/// A cash count.
pub struct Count;

impl FormSpec for Count {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let mut fields = vec![
            Field::new(FieldKey::Date, ctx.pick("Ngày kiểm kê", "Counted on"), Kind::Date, &ctx.today_text())
                .with_hint(
                    ctx.pick("So với số dư sổ quỹ cuối ngày này", "Compared with the cash book at the end of this day"),
                ),
        ];
        for denomination in NOTES {
            let group = hunvon_core::domain::money::group(denomination);
            let label = match ctx.lang {
                hunvon_core::messages::i18n::Lang::Vi => format!("Số tờ {group} đ"),
                hunvon_core::messages::i18n::Lang::En => format!("Notes of {group} đ"),
            };
            fields.push(Field::new(FieldKey::Notes(denomination), &label, Kind::Pieces(denomination), ""));
        }
        fields.push(
            Field::new(FieldKey::Total, ctx.pick("Hoặc tổng số tiền", "Or the total"), Kind::OptMoney, "").with_hint(
                ctx.pick(
                    "Thay cho số tờ theo mệnh giá (không nhập cả hai)",
                    "Instead of the notes by denomination (not both)",
                ),
            ),
        );
        fields.push(
            Field::new(FieldKey::CountedBy, ctx.pick("Người kiểm kê", "Counted by"), Kind::Text, "").with_hint(
                ctx.pick(
                    "Tên những người cùng đếm, cách nhau bằng dấu phẩy",
                    "Names of those who counted, comma separated",
                ),
            ),
        );
        fields.push(Field::new(
            FieldKey::Reason,
            ctx.pick("Lý do thừa, thiếu", "Reason for a difference"),
            Kind::Text,
            "",
        ));
        Some(Form::new(FormKind::Count, ctx.pick("Kiểm kê quỹ tiền mặt", "Cash count"), fields))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let Some(day) = hunvon_core::domain::date::parse_date(&form.value(FieldKey::Date)) else { return };
        let Ok(book) = app.cash_on(day) else { return };
        form.preview.push(format!(
            "{} {}: {book}",
            lang.pick("Số dư theo sổ quỹ cuối ngày", "Cash book balance at the end of"),
            hunvon_core::domain::date::format_vn(day)
        ));
        if notes(form).is_some() && !form.value(FieldKey::Total).is_empty() {
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

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let (notes, total) = (notes(form), Some(form.value(FieldKey::Total)).filter(|t| !t.is_empty()));
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
            date: form.value(FieldKey::Date),
            notes,
            total,
            counted_by: form.value(FieldKey::CountedBy),
            reason: form.value(FieldKey::Reason),
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
}
