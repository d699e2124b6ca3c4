//! hunvon: the books of a Vietnamese tổ hùn vốn — a savings group that buys household
//! health insurance (BHYT) and voluntary social insurance (BHXH) for its members.
//!
//! The modules, front ends first; each uses only those below it (data flows down):
//!
//! ```text
//! main.rs ─▶ cli            args (clap types), help (texts per language), one module per
//!                           command group, each printing its outcome
//!            tui            screens and forms over the same use cases
//!              │   both reach the book only through app (tests/it/layers.rs holds it)
//!              ▼
//!            app            use cases and read models; demo generates sample books with them
//!              │
//!              ├─▶ report   renderers of built papers: text, csv, json, html, pdf
//!              ├─▶ ledger   accounts, balancing, the canonical text and chain (pure)
//!              ├─▶ rules    BHYT/BHXH prices and card dates (pure)
//!              └─▶ store    the only SQL and the only rusqlite: open, migrate, append,
//!                           queries, pages, backup; its connection is private
//!
//! shared by all: domain (money, date, ident, text, input: the vocabulary and the parsing
//! of what people type); messages (error, warning, rules_text, i18n: every sentence a
//! person reads, in both languages); output (console and outfile: stdout/stderr and
//! output files that never harm the book).
//! ```

// `println!` and `eprintln!` panic when the reader has gone (`hunvon contribute … | true`),
// after a commit: every line goes through `console` (outln!/errln!) instead.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod cli;
pub mod domain;
pub mod ledger;
pub mod messages;
pub mod output;
pub mod report;
pub mod rules;
pub mod store;
pub mod tui;
