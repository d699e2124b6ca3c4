//! hunvon-core: the vocabulary and the rules, pure (no I/O, no storage).
//!
//! - `domain`: money, dates, identity numbers, names folded for search, and the
//!   field-by-field checking of what a person types;
//! - `rules`: BHYT/BHXH prices, card dates and statuses from plain values;
//! - `ledger`: accounts, balanced transactions, the canonical text of the chain;
//! - `messages`: every sentence a person reads, in both languages, and the one error
//!   type every layer returns (its Display is the sentence).

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod domain;
pub mod ledger;
pub mod messages;
pub mod rules;
