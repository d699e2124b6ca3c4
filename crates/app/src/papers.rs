//! The papers a book prints (hunvon report …, slips): the one driver that renders any of them
//! in any format for one pool or --pool all (driver.rs), each paper's rows, the frame they
//! share (printing.rs, letterhead.rs, form_set.rs), and the period a paper covers (reports.rs).

pub mod arrears;
pub mod balances;
pub mod cashbook;
pub mod cashbook_form;
pub mod cashbook_lines;
pub mod counts;
pub mod cover_tally;
pub mod coverage;
pub mod describe;
pub mod driver;
pub mod export;
pub mod form_set;
pub mod handover;
pub mod journal;
pub mod letterhead;
mod monthly_dues;
pub mod outreach;
pub mod printing;
pub mod report_kind;
pub mod reports;
pub mod slip;
pub mod slip_paper;
pub mod sponsors;
pub mod summary;
pub mod summary_paper;
pub(crate) mod summary_sections;
pub mod target_bars;
pub mod targets;

pub use driver::{CsvRows, District, Frame, Paper, district_table};
