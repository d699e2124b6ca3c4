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
    vec![
        words::closed_days_are_fixed(lang, &d),
        words::later_fixes_after(lang, &d),
        words::papers_print_the_close(lang, &d),
    ]
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
                Field::new(FieldKey::To, words::close_to_label(ctx.lang), Kind::Date, &format_vn(last_month_end))
                    .with_hint(words::close_to_hint(ctx.lang)),
            ],
        ))
    }

    fn live(&self, app: &App, form: &mut Form) {
        let lang = app.lang;
        form.preview.push(match app.closed_to().ok().flatten() {
            Some(d) => format!("{} {}.", words::books_now_closed_to(lang), format_vn(d)),
            None => words::books_never_closed(lang).into(),
        });
        let Some(to) = hunvon_core::domain::date::parse_date(&form.value(FieldKey::To)) else { return };
        form.preview.extend(meaning(to, lang));
        if let Ok((_, cash)) = app.book_ends(Method::Cash, to, to)
            && let Ok((_, bank)) = app.book_ends(Method::Bank, to, to)
        {
            form.preview.push(format!(
                "{} {}: {} {cash}, {} {bank}",
                words::balances_at_the_end_of(lang),
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
        let mut lines = vec![words::close_books_to_question(lang, d), words::enter_or_y_close(lang).to_string()];
        lines.push(String::new());
        lines.extend(meaning(to, lang));
        Some(lines)
    }

    fn submit(&self, app: &mut App, form: &mut Form) -> Result<Outcome> {
        let row = app.close_books(&form.value(FieldKey::To))?;
        let mut status = words::books_closed_to_day(app.lang, format_vn(row.to));
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
