//! The vocabulary every layer shares: money in whole đồng, dates as people write them,
//! identity numbers (CCCD, mã số BHXH), names and their folded search form, and the
//! parsing of what a person types into those values (the CLI, the TUI and CSV rows all
//! go through `input`).

pub mod date;
pub mod ident;
pub mod input;
pub mod money;
pub mod text;
