//! The only module that speaks SQL. Every query is a named function with a line saying
//! what it is for; every write runs inside one SQLite transaction.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod browse;
mod by_id;
pub mod chain;
mod chain_codes;
mod chain_columns;
mod chain_postings;
mod chain_rows;
mod chain_text;
mod chain_walk;
pub mod closing;
pub(crate) mod codes;
pub mod collect;
mod collect_batch;
mod collect_indexes;
mod collect_sums;
pub mod copy;
pub mod count_pending;
mod cover_in_force;
pub mod coverage;
pub mod create;
pub mod district;
pub mod fault;
pub mod file_chain;
pub mod guards;
pub mod handover;
pub mod header;
mod household_list;
mod id_bits;
pub mod imports;
mod in_memory;
pub mod journal;
pub mod letterhead;
pub mod money_moves;
pub mod month_flows;
pub mod next_code;
pub mod open;
pub mod outside_cards;
pub mod pages;
pub mod papers;
pub mod people;
mod people_search;
mod people_with_keys;
pub mod periods;
pub mod pools;
pub mod queries;
pub mod ranked;
pub mod rates;
pub mod records;
pub mod schema_dump;
mod search_keys;
pub mod session;
pub mod snapshot;
pub mod stamp;
mod stored_date;
pub mod targets;
pub mod verify;

pub use fault::{Result, StoreError};
pub use open::{Access, Store};
pub use session::{Conn, Tx};
