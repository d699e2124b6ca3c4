//! Khóa sổ (`close --to`): the books closed to a day. The form says what it means and
//! the question before it is sent says again that it cannot be undone.

use crate::tui::words;
use chrono::{Datelike, NaiveDate};

use crate::tui::form::{Field, FieldKey, Form, Kind};
use hunvon_app::App;
use hunvon_core::domain::date::format_vn;
use hunvon_core::ledger::Method;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;

use super::{Ctx, FormKind, FormSpec, Outcome, Select};

/// What closing to `to` means, in the treasurer's words.
fn meaning(to: NaiveDate, lang: Lang) -> Vec<String> {
    let d = format_vn(to);
    match lang {
        Lang::Vi => vec![
            format!("Sau khi khóa, không ghi, không hủy được chứng từ nào ngày {d} trở về trước."),
            format!("Sai sót phát hiện sau đó được sửa bằng chứng từ điều chỉnh ghi ngày sau {d}."),
            format!("Giấy tờ các kỳ kết thúc đến {d} in dòng «Đã khóa sổ đến {d}» kèm mã băm đầu chuỗi."),
        ],
        Lang::En => vec![
            format!("Once closed, no voucher dated {d} or before can be written or reversed."),
            format!("A mistake found later is corrected by a voucher dated after {d}."),
            format!("Papers of periods ending by {d} print «Books closed to {d}» with the chain's head hash."),
        ],
    }
}

/// A close of the books.
pub struct Close;

impl FormSpec for Close {
    fn open(&self, ctx: &Ctx<'_>) -> Option<Form> {
        // The end of last month: the usual close once its papers are signed.
        let last_month_end = ctx.today.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(ctx.today);
        Some(Form::new(
            FormKind::Close,
            words::close_the_books(ctx.lang),
            vec![
                Field::new(FieldKey::To, words::close_to_the_end(ctx.lang), Kind::Date, &format_vn(last_month_end))
                    .with_hint(words::usually_the_last_day(ctx.lang)),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.preview.push(match app.closed_to().ok().flatten() {
            Some(d) => format!("{} {}.", words::the_books_are_now(lang), format_vn(d)),
            None => words::the_books_were_never(lang).into(),
        });
        let Some(to) = hunvon_core::domain::date::parse_date(&form.value(FieldKey::To)) else { return };
        form.preview.extend(meaning(to, lang));
        if let Ok((_, cash)) = app.book_ends(Method::Cash, to, to)
            && let Ok((_, bank)) = app.book_ends(Method::Bank, to, to)
        {
            form.preview.push(format!(
                "{} {}: {} {cash}, {} {bank}",
                words::balances_at_the_end(lang),
                format_vn(to),
                words::cash_box_lower(lang),
                words::bank_lower(lang)
            ));
        }
    }

    /// The question asked before closing: first that it cannot be undone and the keys (a
    /// small terminal shows the top of it), then what it means.
    fn confirmation(&self, app: &App, form: &Form) -> Option<Vec<String>> {
        let lang = app.lang;
        let to = hunvon_core::domain::date::parse_date(&form.value(FieldKey::To)).unwrap_or(app.clock.today);
        let d = format_vn(to);
        let mut lines = match lang {
            Lang::Vi => vec![
                format!("Khóa sổ đến hết ngày {d}? Khóa sổ không thể hoàn tác."),
                "Enter hoặc c = khóa sổ, phím khác = thôi.".to_string(),
            ],
            Lang::En => vec![
                format!("Close the books to the end of {d}? A close cannot be undone."),
                "Enter or y = close, any other key = no.".to_string(),
            ],
        };
        lines.push(String::new());
        lines.extend(meaning(to, lang));
        Some(lines)
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let row = app.close_books(&form.value(FieldKey::To))?;
        let mut status = match app.lang {
            Lang::Vi => format!("Đã khóa sổ đến {}.", format_vn(row.to)),
            Lang::En => format!("Books closed to {}.", format_vn(row.to)),
        };
        // A count's difference left pending is said here too, as `close` says it on stderr.
        if let Ok(pending) = app.pending_on(row.to)
            && !pending.is_zero()
        {
            let warning = hunvon_core::messages::warning::Warning::PendingLeft { to: row.to, pending };
            status = format!("{status} {}", warning.text(app.lang));
        }
        Ok(Outcome::Done { status, select: Select::Keep })
    }
}
