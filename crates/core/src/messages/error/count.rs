//! Refusals about cash counts and their differences (SPEC §8): a count dated inside a
//! closed period, an hour that is not `HH:MM`, a count that cannot be found or has
//! nothing left to settle, a settlement beyond what is pending, a difference reversed.

use chrono::NaiveDate;

use crate::domain::date::format_vn;
use crate::domain::money::Dong;
use crate::messages::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CountError {
    /// `count --date` on or before the day the books are closed to.
    InClosedPeriod { date: NaiveDate, closed_to: NaiveDate },
    /// `count --time` that is not an hour of the day.
    BadTime(String),
    /// `settle --count REF` naming no count of the pool.
    Unknown(String),
    /// The count's difference is settled already (or it found none).
    NothingPending(String),
    /// `settle --amount` beyond what the count left pending.
    BeyondPending { count: String, amount: Dong, pending: Dong },
    /// A count's difference voucher cannot be reversed: it is cleared by `settle`.
    NotReversible(String),
}

impl CountError {
    /// One sentence in the chosen language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (CountError::InClosedPeriod { date, closed_to }, Vi) => format!(
                "Sổ đã khóa đến ngày {}: không ghi được bảng kiểm kê quỹ ngày {} ở --date (kiểm kê lại vào ngày sau {}).",
                format_vn(*closed_to),
                format_vn(*date),
                format_vn(*closed_to)
            ),
            (CountError::InClosedPeriod { date, closed_to }, En) => format!(
                "The books are closed to {}: no cash count dated {} in --date can be written (count again after {}).",
                format_vn(*closed_to),
                format_vn(*date),
                format_vn(*closed_to)
            ),
            (CountError::BadTime(v), Vi) => format!("Giờ '{v}' ở --time không hợp lệ: ghi theo dạng GG:PP, như 09:30."),
            (CountError::BadTime(v), En) => {
                format!("Time '{v}' in --time is not valid: write it as HH:MM, like 09:30.")
            }
            (CountError::Unknown(r), Vi) => {
                format!("Không có bảng kiểm kê quỹ {r} ở --count trong quỹ này (xem hunvon report counts).")
            }
            (CountError::Unknown(r), En) => {
                format!("No cash count {r} in --count in this pool (see hunvon report counts).")
            }
            (CountError::NothingPending(r), Vi) => {
                format!("Bảng kiểm kê {r} không còn chênh lệch nào chờ xử lý.")
            }
            (CountError::NothingPending(r), En) => format!("Cash count {r} has no difference left to settle."),
            (CountError::BeyondPending { count, amount, pending }, Vi) => format!(
                "Số tiền {amount} ở --amount lớn hơn chênh lệch còn chờ xử lý của biên bản {count} ({pending})."
            ),
            (CountError::BeyondPending { count, amount, pending }, En) => format!(
                "Amount {amount} in --amount is more than the difference count {count} left pending ({pending})."
            ),
            (CountError::NotReversible(v), Vi) => format!(
                "{v} ghi chênh lệch của một lần kiểm kê quỹ, không hủy được: xử lý chênh lệch bằng hunvon settle --count."
            ),
            (CountError::NotReversible(v), En) => format!(
                "{v} books a cash count's difference and cannot be reversed: clear it with hunvon settle --count."
            ),
        }
    }
}
