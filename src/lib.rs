//! hunvon: the books of a Vietnamese tổ hùn vốn — a savings group that buys household
//! health insurance (BHYT) and voluntary social insurance (BHXH) for its members.
//!
//! Layers, top to bottom (data flows down, nothing flows up): `cli` and `tui` turn
//! arguments and keys into requests; `app` holds the use cases; `ledger`, `rules` and
//! `report` are pure logic; `store` is the only module that speaks SQL.

// `println!` and `eprintln!` panic when the reader has gone (`hunvon contribute … | true`),
// after a commit: every line goes through `console` (outln!/errln!) instead.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod console;
pub mod date;
pub mod demo;
pub mod error;
pub mod i18n;
pub mod ident;
pub mod input;
pub mod ledger;
pub mod money;
pub mod outfile;
pub mod report;
pub mod rules;
pub mod rules_text;
pub mod store;
pub mod text;
pub mod tui;
pub mod warning;
