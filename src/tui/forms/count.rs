//! Kiểm kê quỹ (`count`): the notes in the cash box counted by denomination, or their
//! total, against the cash book's balance at the end of that day; the difference (thừa /
//! thiếu) shows as it is typed. Once recorded, its biên bản (08a-TT) opens in a preview
//! to be written like any paper.

use crate::tui::form::{Field, FieldKey, Form, Kind};
use crate::tui::words;
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
    words::notes_and_total_both_given(lang)
}

/// A cash count.
pub struct Count;

impl FormSpec for Count {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        let mut fields = vec![
            Field::new(FieldKey::Date, words::counted_on(ctx.lang), Kind::Date, &ctx.today_text())
                .with_hint(words::count_date_hint(ctx.lang)),
        ];
        for denomination in NOTES {
            let group = hunvon_core::domain::money::group(denomination);
            let label = words::notes_of(ctx.lang, group);
            fields.push(Field::new(FieldKey::Notes(denomination), &label, Kind::Pieces(denomination), ""));
        }
        fields.push(
            Field::new(FieldKey::Total, words::or_the_total(ctx.lang), Kind::OptMoney, "")
                .with_hint(words::total_instead_of_notes_hint(ctx.lang)),
        );
        fields.push(
            Field::new(FieldKey::CountedBy, words::counted_by(ctx.lang), Kind::Text, "")
                .with_hint(words::counted_by_hint(ctx.lang)),
        );
        fields.push(Field::new(FieldKey::Reason, words::reason_for_a_difference(ctx.lang), Kind::Text, ""));
        Some(Form::new(FormKind::Count, words::cash_count(ctx.lang), fields))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        let Some(day) = hunvon_core::domain::date::parse_date(&form.value(FieldKey::Date)) else { return };
        let Ok(book) = app.cash_on(day) else { return };
        form.preview.push(format!(
            "{} {}: {book}",
            words::cash_book_balance_at_end_of(lang),
            hunvon_core::domain::date::format_vn(day)
        ));
        if notes(form).is_some() && !form.value(FieldKey::Total).is_empty() {
            form.warnings.push(both(lang).into());
            return;
        }
        let Some(counted) = counted(form) else { return };
        form.preview.push(format!("{}: {counted}", words::counted(lang)));
        form.preview.push(format!("{}: {}", words::difference(lang), difference_words((counted - book).0, lang)));
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let lang = app.lang;
        let (notes, total) = (notes(form), Some(form.value(FieldKey::Total)).filter(|t| !t.is_empty()));
        match (&notes, &total) {
            (Some(_), Some(_)) => return Ok(Outcome::Again(both(lang).trim_start_matches("⚠ ").into())),
            (None, None) => {
                let text = words::type_notes_or_total(lang);
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
            words::cash_count_recorded_as(lang),
            row.label(),
            difference_words(row.counted - row.book_balance, lang)
        );
        Ok(Outcome::Done { status, select: Select::CountPaper(row.date) })
    }
}
