//! verify (docs/design.md §10, §12): the run over every pool (run.rs), the walk of a chain
//! (walk.rs) and the rows read beside it (rows.rs), what is derived again from the records
//! (derived.rs), the chain's rules (chain_rules.rs, closes.rs, rates.rs, people.rs, papers.rs,
//! audit.rs, district.rs), the problems found and their sentences (problem.rs,
//! chain_problem.rs), and anchors from signed papers (anchors.rs).

pub mod anchors;
pub(crate) mod audit;
pub mod chain_problem;
pub(crate) mod chain_rules;
pub(crate) mod closes;
pub mod day_moves;
pub mod derived;
pub mod district;
pub(crate) mod numbering;
pub mod papers;
pub mod people;
pub mod problem;
pub(crate) mod rates;
pub(crate) mod rows;
mod run;
pub mod walk;

pub use run::*;
