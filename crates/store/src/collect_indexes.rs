//! What a large collection sets aside while it copies and puts back before it commits
//! (store/collect.rs): indexes it builds once at the end instead of row by row, and the
//! per-row triggers that would only check again what the collection has checked itself.
//!
//! Why: a voucher written here goes into about fifteen B-trees and fires some ten
//! triggers. The indexes below are read by no trigger, check or read of the collection,
//! only by the papers afterwards; inserted row by row they cost a chapter of 700.000
//! vouchers a third of its collection (`postings_by_account` in no useful order at
//! all), sorted and built at the end a few seconds. The triggers below cost it another
//! fifth, for nothing the collection does not already hold:
//! - `transactions_chained`, `chain_continues`: the checking thread saw each record's
//!   place and link continue the last one, and the copy writes them in that order, each
//!   voucher taking the next place; its end is held against the chapter's before the
//!   commit;
//! - `transactions_enter_chain`: it gives each voucher the next place in the chain by a
//!   seek per voucher; the batch writes the same places itself, a statement per batch
//!   (store/collect_batch.rs, `Batch::chain`);
//! - `transactions_balanced`: the checking thread saw at least two postings summing to
//!   zero, and those are the postings written;
//! - `postings_only_before_their_transaction`, `coverages_only_before_their_transaction`:
//!   a copied voucher's id is new in this transaction (after the book's last) and its
//!   rows are written before it (store/collect_batch.rs).
//!
//! Kept, because they check what the chapter's hashes do not: the numbering
//! (`transactions_gap_free`), closes, and that copies go only into collected pools.
//!
//! Safe because it is all one SQLite transaction, taken IMMEDIATE so no other writer runs
//! while they are away: each object is dropped inside it and created again, from the
//! very text `sqlite_master` held, before it commits, so the book commits with exactly the
//! schema the migrations build (`verify` compares them), or rolls back with the drops
//! undone — and a crash leaves the rollback journal restoring the book as it was.

use rusqlite::{Connection, OptionalExtension};

use crate::fault::Result;

/// Indexes no trigger, constraint or query of the collection uses while it copies.
/// Kept: the unique ones (constraints), `postings_walk` and `coverages_by_txn` (the
/// deferred foreign keys of a voucher's postings and coverages are checked with them).
const INDEXES: &[&str] = &[
    "postings_by_account",
    "postings_by_txn_account",
    "transactions_by_pool",
    "transactions_by_date",
    "transactions_by_date_kind",
    "transactions_by_kind",
    "coverages_by_person",
    "coverages_by_household",
];

/// Triggers that check only what the collection has checked (see above).
const TRIGGERS: &[&str] = &[
    "transactions_enter_chain",
    "transactions_chained",
    "chain_continues",
    "transactions_balanced",
    "postings_only_before_their_transaction",
    "coverages_only_before_their_transaction",
];

/// Records to copy from which dropping and creating the triggers again (a schema change
/// each, a few milliseconds) costs less than it saves.
const TRIGGERS_FROM: u64 = 1_000;

/// Drops what can be set aside for copying `coming` records into a book holding
/// `vouchers`, and returns the statements that create it again. The indexes only when the
/// book is smaller than what comes (else building them again over the whole book costs
/// more than it saves); nothing when the book has statistics from ANALYZE (dropping an
/// index drops its statistics).
pub(super) fn set_aside(conn: &Connection, vouchers: i64, coming: u64) -> Result<Vec<String>> {
    let analyzed: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')", [], |r| r.get(0))?;
    let mut saved = Vec::new();
    if analyzed || coming < TRIGGERS_FROM {
        return Ok(saved);
    }
    drop_each(conn, "trigger", TRIGGERS, &mut saved)?;
    if u64::try_from(vouchers).unwrap_or(u64::MAX) < coming {
        drop_each(conn, "index", INDEXES, &mut saved)?;
    }
    Ok(saved)
}

/// Drops each object of `names` the book has, keeping its text in `saved`; one it has not
/// (an older book, or one altered: `verify` says so) stays as it is.
fn drop_each(conn: &Connection, kind: &str, names: &[&str], saved: &mut Vec<String>) -> Result<()> {
    for name in names {
        let sql: Option<String> = conn
            .query_row("SELECT sql FROM sqlite_master WHERE type = ?1 AND name = ?2", [kind, name], |r| r.get(0))
            .optional()?
            .flatten();
        let Some(sql) = sql else { continue };
        conn.execute_batch(&format!("DROP {kind} \"{name}\""))?;
        saved.push(sql);
    }
    Ok(())
}

/// Whether `saved` holds the trigger that enters each voucher into the chain: the copy
/// then writes those rows itself.
pub(super) fn chain_set_aside(saved: &[String]) -> bool {
    saved.iter().any(|sql| sql.contains("TRIGGER transactions_enter_chain "))
}

/// Creates again everything `set_aside` dropped, each from its own text.
pub(super) fn restore(conn: &Connection, saved: &mut Vec<String>) -> Result<()> {
    for sql in saved.drain(..) {
        conn.execute_batch(&sql)?;
    }
    Ok(())
}
