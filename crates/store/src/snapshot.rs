//! A second reader of the book on the same snapshot, so a paper can read two things at
//! once on two cores (the summary reads the year's movements beside its balances, cover
//! and arrears). Both connections read inside one read transaction each, begun one after
//! the other: under the rollback journal no write can commit while the first holds its
//! shared lock, so both see the same book — and the paper's figures all come from one
//! moment even on one connection.

use super::Store;
use super::header::BookHeader;
use crate::fault::Result;

/// SQLite's page cache, in KiB, for reads that pass over a province's pages once (a
/// second reader; the overview's figures): enough for the indexes' inner pages.
const ONE_PASS_CACHE_KIB: i64 = 4096;

impl Store {
    /// Runs `f`, a read that passes once over the pool's pages (the overview's figures, a
    /// paper of a province), with SQLite's cache at [`ONE_PASS_CACHE_KIB`]: the 64 MB the
    /// connection keeps for screens would only be filled page by page and freed. The
    /// connection's own cache is put back after.
    pub fn in_one_pass<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.with_cache(ONE_PASS_CACHE_KIB, f)
    }

    /// Runs `f` inside a read transaction, with a second read-only store on the same
    /// snapshot when one can be had at once: not inside a transaction already, not when a
    /// writer is about to commit (the second would have to wait for it, and it for the
    /// first), and not when the two would see different books (an older WAL book). `None`
    /// means: read everything here.
    pub fn with_second_reader<T>(&self, f: impl FnOnce(Option<Store>) -> Result<T>) -> Result<T> {
        if !self.conn.is_autocommit() {
            return f(None);
        }
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let out = (|| {
            let mark = self.snapshot_mark()?;
            let second = self.second_reader(mark).ok().flatten();
            f(second)
        })();
        // A read transaction has nothing to keep: its end only lets writers in again.
        let ended = self.conn.execute_batch("COMMIT");
        let out = out?;
        ended?;
        Ok(out)
    }

    /// One more reader on the same snapshot, for a store `with_second_reader` gave a
    /// second one to (inside its read transaction, so no write can commit meanwhile): a
    /// walk reads its postings on it, on a thread of its own (chain_postings.rs). `None`
    /// when there is no such reader to be had now.
    pub fn another_reader(&self) -> Result<Option<Store>> {
        if self.conn.is_autocommit() {
            return Ok(None);
        }
        let mark = self.snapshot_mark()?;
        self.second_reader(mark)
    }

    /// What two readers compare to know they see the same book: the vouchers are
    /// append-only, so the last id names the moment.
    fn snapshot_mark(&self) -> Result<Option<i64>> {
        Ok(self.conn.query_row("SELECT MAX(id) FROM transactions", [], |r| r.get(0))?)
    }

    fn second_reader(&self, mark: Option<i64>) -> Result<Option<Store>> {
        // Only under the rollback journal, where the shared lock holds the snapshot; and
        // the header is not read again here: opening and closing the book's file outside
        // SQLite would drop this process's locks on it (POSIX locks belong to the process),
        // letting a writer commit under the first reader's feet.
        // Nor beside a copy in memory or an old WAL book read-only (`Store::alone`; open
        // immutable, SQLite's journal_mode says "delete").
        let mode: String = self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") || self.alone {
            return Ok(None);
        }
        let header = BookHeader { user_version: 0, marked: true, wal: false };
        let conn = super::open::open_read_only(&self.path, &header)?;
        // Never wait: a writer holding its pending lock waits for the first reader.
        conn.busy_timeout(std::time::Duration::ZERO)?;
        let second = Store { conn, read_only: true, path: self.path.clone(), alone: false };
        second.tune()?;
        // A second reader makes one pass over what it reads and is closed: a 64 MB cache
        // would only be filled page by page (a few thousand allocations) and freed. Its
        // reads keep the indexes' inner pages in 4 MB (docs/design.md §4).
        second.conn.execute_batch(&format!("PRAGMA cache_size = -{ONE_PASS_CACHE_KIB}"))?;
        second.conn.execute_batch("BEGIN DEFERRED")?;
        Ok((second.snapshot_mark()? == mark).then_some(second))
    }
}
