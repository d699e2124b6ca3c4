//! People and what comes in about them: households and persons added, edited and looked up
//! (person.rs), and CSV imports of people, contributions and openings (import.rs, read by
//! csv_table.rs).

pub(crate) mod csv_table;
pub mod import;
mod person;

pub use person::*;
