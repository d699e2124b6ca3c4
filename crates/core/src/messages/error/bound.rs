//! Values that parse but lie outside what the book accepts (SPEC §5 "Bounds"): dates too
//! early, a card running backwards or past twelve months, a BHXH month out of range, text
//! with hidden characters or too long, a report period that ends before it starts.

use chrono::NaiveDate;

use crate::domain::date::format_vn;
use crate::domain::text::TextProblem;
use crate::messages::i18n::Lang;
use crate::rules::year_month::YearMonth;

use super::quoted;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// A date before the earliest the field accepts (vouchers 01/01/2000, births 01/01/1900).
    TooEarly { field: String, date: NaiveDate, earliest: NaiveDate },
    /// `--card-to` on or before `--card-from`.
    CardBackwards { from: NaiveDate, to: NaiveDate },
    /// A card longer than twelve months.
    CardTooLong { from: NaiveDate, to: NaiveDate },
    /// A month outside `earliest ..= latest` (`--from-month`).
    Month { field: String, month: YearMonth, earliest: YearMonth, latest: YearMonth },
    /// A name, note, address or reason that cannot be stored as typed.
    Text { field: String, value: String, problem: TextProblem },
    /// A report's `--from` after its `--to`.
    PeriodReversed { from: NaiveDate, to: NaiveDate },
    /// A voucher dated on or before the day the books were closed to.
    PeriodClosed { date: NaiveDate, closed_to: NaiveDate },
    /// A close (`close --to`) not after the last one: closes cannot be undone.
    CloseNotAfter { to: NaiveDate, last: NaiveDate },
}

/// How a hidden character is called, and shown (`\u{1b}`).
fn hidden(problem: TextProblem, lang: Lang) -> Option<(&'static str, String, usize)> {
    let (what, c, at) = match problem {
        TextProblem::Control { c, at } => (lang.pick("ký tự điều khiển", "the control character"), c, at),
        TextProblem::Bidi { c, at } => (lang.pick("ký tự đổi chiều chữ", "the bidi control"), c, at),
        TextProblem::ZeroWidth { c, at } => (lang.pick("ký tự vô hình", "the zero-width character"), c, at),
        TextProblem::TooLong { .. } => return None,
    };
    Some((what, format!("\\u{{{:x}}}", u32::from(c)), at))
}

impl Bound {
    pub(super) fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        let d = |d: &NaiveDate| format_vn(*d);
        match (self, lang) {
            (Bound::TooEarly { field, date, earliest }, Vi) => {
                format!("Ngày {} ở {field} trước {}, ngày sớm nhất sổ nhận.", d(date), d(earliest))
            }
            (Bound::TooEarly { field, date, earliest }, En) => {
                format!("Date {} in {field} is before {}, the earliest the book accepts.", d(date), d(earliest))
            }
            (Bound::CardBackwards { from, to }, Vi) => {
                format!("--card-to {} không sau --card-from {}: thẻ phải hết hạn sau ngày bắt đầu.", d(to), d(from))
            }
            (Bound::CardBackwards { from, to }, En) => {
                format!("--card-to {} is not after --card-from {}: a card ends after it starts.", d(to), d(from))
            }
            (Bound::CardTooLong { from, to }, Vi) => format!(
                "Thẻ từ {} (--card-from) đến {} (--card-to) dài hơn 12 tháng: mỗi lần mua tối đa 12 tháng.",
                d(from),
                d(to)
            ),
            (Bound::CardTooLong { from, to }, En) => format!(
                "A card from {} (--card-from) to {} (--card-to) is longer than 12 months, the most one purchase buys.",
                d(from),
                d(to)
            ),
            (Bound::Month { field, month, earliest, latest }, Vi) => {
                format!("Tháng {month} ở {field} ngoài khoảng {earliest} … {latest}.")
            }
            (Bound::Month { field, month, earliest, latest }, En) => {
                format!("Month {month} in {field} is outside {earliest} … {latest}.")
            }
            (Bound::Text { field, value, problem: TextProblem::TooLong { len, max } }, Vi) => {
                format!("{field} dài {len} ký tự, tối đa {max}: {}.", quoted(value))
            }
            (Bound::Text { field, value, problem: TextProblem::TooLong { len, max } }, En) => {
                format!("{field} is {len} characters long, at most {max}: {}.", quoted(value))
            }
            (Bound::Text { field, value, problem }, _) => {
                let (what, shown, at) = hidden(*problem, lang).unwrap_or_default();
                match lang {
                    Vi => format!(
                        "{field} có {what} {shown} ở vị trí {at} ({}): hãy gõ lại không có ký tự này.",
                        quoted(value)
                    ),
                    En => format!(
                        "{field} contains {what} {shown} at position {at} ({}): type it again without it.",
                        quoted(value)
                    ),
                }
            }
            (Bound::PeriodReversed { from, to }, Vi) => {
                format!("--from {} sau --to {}: kỳ báo cáo phải bắt đầu trước khi kết thúc.", d(from), d(to))
            }
            (Bound::PeriodReversed { from, to }, En) => {
                format!("--from {} is after --to {}: a report's period must start before it ends.", d(from), d(to))
            }
            (Bound::PeriodClosed { date, closed_to }, Vi) => format!(
                "Sổ đã khóa đến ngày {}: không ghi được chứng từ ngày {} (chứng từ điều chỉnh ghi ngày sau {}).",
                d(closed_to),
                d(date),
                d(closed_to)
            ),
            (Bound::PeriodClosed { date, closed_to }, En) => format!(
                "The books are closed to {}: no voucher dated {} can be written (date a correction after {}).",
                d(closed_to),
                d(date),
                d(closed_to)
            ),
            (Bound::CloseNotAfter { to, last }, Vi) => {
                format!("--to {} không sau lần khóa sổ trước ({}): khóa sổ không hủy được.", d(to), d(last))
            }
            (Bound::CloseNotAfter { to, last }, En) => {
                format!("--to {} is not after the last close ({}): a close cannot be undone.", d(to), d(last))
            }
        }
    }
}
