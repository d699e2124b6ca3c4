//! The insurance rules of docs/quy-dinh.md §2–§4 as pure functions: no I/O, plain values in,
//! whole đồng and dates out. Every figure comes from a [`rates::RateTable`]; none is
//! written in this code (only in its tests).

pub mod bhxh;
pub mod bhyt;
pub mod category;
pub mod error;
pub mod plausible;
pub mod rates;
pub mod year_month;

pub use category::Category;
pub use error::RuleError;
