//! hunvon: the books of a Vietnamese tổ hùn vốn — a savings group that buys household
//! health insurance (BHYT) and voluntary social insurance (BHXH) for its members.
//!
//! This crate is the front ends; the layers below are crates of the workspace, so the
//! compiler keeps each to the ones it depends on (docs/design.md §2):
//!
//! ```text
//! hunvon (main.rs, cli, tui)   args, help texts, one module per command group; the TUI
//!   │                           never depends on hunvon-store: it reaches the book only
//!   ▼                           through the app
//! hunvon-app                    use cases, read models, demo, output (console, files)
//!   ├─▶ hunvon-report           renderers of built papers: text, csv, html, pdf
//!   ├─▶ hunvon-store            the only SQL and the only rusqlite
//!   └─▶ hunvon-core             domain, rules, ledger, messages (pure)
//! ```

// `println!` and `eprintln!` panic when the reader has gone (`hunvon contribute … | true`),
// after a commit: every line goes through `console` (outln!/errln!) instead.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod tui;
