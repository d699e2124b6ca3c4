//! A first collection into a book smaller than the chapter builds some indexes once,
//! after the copy, instead of row by row during it (store/collect.rs).
//!
//! Why: a voucher written here goes into about fifteen B-trees; the indexes below are
//! read by no trigger, no check and no read of the collection, only by the papers
//! afterwards. Inserted row by row they cost a chapter of 700.000 vouchers a third of
//! its collection (`postings_by_account` in no useful order at all); sorted and built at
//! the end they cost a few seconds.
//!
//! Safe because it is all one SQLite transaction: each index is dropped inside it and
//! created again, from the very text `sqlite_master` held, before it commits, so the book
//! commits with exactly the schema the migrations build (`verify` compares them), or
//! rolls back with the drops undone — and a crash leaves the rollback journal restoring
//! the book as it was.

use rusqlite::{Connection, OptionalExtension};

use crate::messages::error::Result;

/// Indexes no trigger, constraint or query of the collection uses while it copies.
/// Kept: the unique ones (constraints), `postings_by_txn` and `coverages_by_txn` (a
/// voucher's balance check, and its postings' deferred foreign keys, read by them).
const SET_ASIDE: &[&str] = &[
    "postings_by_account",
    "postings_by_txn_account",
    "transactions_by_pool",
    "transactions_by_date",
    "transactions_by_date_kind",
    "coverages_by_person",
    "coverages_by_household",
];

/// Drops the indexes set aside and returns the statements that create them again, or
/// does nothing when the book has many vouchers already (rebuilding them would cost
/// more than it saves: `vouchers` in the book against `coming` records to copy) or
/// statistics from ANALYZE (dropping an index drops its statistics).
pub(super) fn set_aside(conn: &Connection, vouchers: i64, coming: u64) -> Result<Vec<String>> {
    if u64::try_from(vouchers).unwrap_or(u64::MAX) >= coming {
        return Ok(Vec::new());
    }
    let analyzed: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')", [], |r| r.get(0))?;
    if analyzed {
        return Ok(Vec::new());
    }
    let mut saved = Vec::new();
    for name in SET_ASIDE {
        let sql: Option<String> = conn
            .query_row("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1", [name], |r| r.get(0))
            .optional()?
            .flatten();
        // A book without it (older, or altered: `verify` says so) keeps what it has.
        let Some(sql) = sql else { continue };
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
        saved.push(sql);
    }
    Ok(saved)
}

/// Creates again every index `set_aside` dropped, each from its own text.
pub(super) fn restore(conn: &Connection, saved: &mut Vec<String>) -> Result<()> {
    for sql in saved.drain(..) {
        conn.execute_batch(&sql)?;
    }
    Ok(())
}
