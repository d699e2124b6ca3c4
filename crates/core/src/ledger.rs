//! The accounting core, pure: accounts, transactions that must balance, voucher series,
//! and the hash chain's canonical text. No I/O here; `store` persists what this builds.

pub mod account;
pub mod canonical;
mod canonical_json;
pub mod district;
pub mod file_record;
pub mod identity;
pub mod record;
pub mod record_rules;
pub mod transaction;

pub use account::Account;
pub use transaction::{CoverageFields, Kind, Method, NewCoverage, NewTransaction, Series, TransactionFields};
