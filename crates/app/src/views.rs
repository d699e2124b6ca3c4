//! Read models for the terminal UI: what each screen shows, computed here from the store
//! so that `tui/` never names the store or SQL, and drawing never queries. Every list is
//! a keyset page; the slow whole-pool figures (cover, dues behind) come in one [`Watch`].

pub mod book;
pub mod history;
pub mod no_card;
pub mod overview;
pub mod papers;
pub mod passbook;
pub mod payers;
pub mod people;
pub mod people_csv;
pub mod proposal;
pub mod session;
pub mod settings;
pub mod voucher;
pub mod watch;

pub use book::BookRow;
pub use hunvon_store::browse::{Dir, HouseholdLine, PersonLine, Search};
pub use hunvon_store::people::{Household, Person};
pub use overview::Overview;
pub use papers::Paper;
pub use passbook::Passbook;
pub use settings::Letterhead;
pub use voucher::VoucherDetail;
pub use watch::{CoverLine, DuesLine, Watch};

/// A month, as the TUI steps through periods (`11/2026`).
pub use hunvon_core::rules::year_month::YearMonth;

/// `11/2026`: months as people write them.
pub fn month_text(m: YearMonth) -> String {
    format!("{:02}/{:04}", m.month, m.year)
}

/// The first and last day of a month.
pub fn month_bounds(m: YearMonth) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let first = chrono::NaiveDate::from_ymd_opt(m.year, m.month, 1).unwrap_or_default();
    let next = m.next();
    let last =
        chrono::NaiveDate::from_ymd_opt(next.year, next.month, 1).unwrap_or_default() - chrono::Duration::days(1);
    (first, last)
}
