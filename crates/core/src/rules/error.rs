//! Why a rule refused. Language-free: `rules_text.rs` puts these into words.

use chrono::NaiveDate;

use super::year_month::YearMonth;
use crate::domain::money::Dong;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("no rate {name} in force on {date}")]
    MissingRate { name: String, date: NaiveDate },
    #[error("rate {name} has an unreadable value {value:?}")]
    BadRateValue { name: String, value: String },
    #[error("BHYT is bought for 3, 6 or 12 months, not {0}")]
    BhytMonths(u32),
    #[error("BHXH is bought for 1, 3, 6 or 12 months, not {0}")]
    BhxhMonths(u32),
    #[error("the state pays a poor person's card")]
    PoorStatePays,
    #[error("income {income:?} outside {min:?}..={max:?}")]
    IncomeOutOfRange { income: Dong, min: Dong, max: Dong },
    #[error("months {first}..{last} are already paid")]
    MonthsOverlap { first: YearMonth, last: YearMonth },
    #[error("a ladder category needs a position")]
    NoLadderPosition,
}
