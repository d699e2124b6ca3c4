//! Transactions that span several store calls. `app` opens one here and passes it to the
//! store's functions (which take a [`Conn`]); it never runs SQL on it itself.

use rusqlite::TransactionBehavior;

use super::Store;
use crate::messages::error::Result;

/// A connection or an open transaction, as the store's functions take it.
pub type Conn = rusqlite::Connection;

/// An open transaction: [`Tx::commit`] keeps its writes, dropping it undoes them.
pub type Tx<'c> = rusqlite::Transaction<'c>;

impl Store {
    /// A write transaction that takes the write lock at once, so what it reads cannot
    /// change under it before it writes (numbering, duplicate checks).
    pub fn write(&mut self) -> Result<Tx<'_>> {
        self.ensure_writable()?;
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// A read transaction: every query in it sees the same state of the book. Writing
    /// through it fails on a read-only book; it is never committed (dropping it ends it),
    /// so a dry run can try writes and leave nothing behind.
    pub fn snapshot(&self) -> Result<Tx<'_>> {
        Ok(self.conn.unchecked_transaction()?)
    }

    /// Loads a new book fast: no journal and no sync while it is written. Only for a
    /// file no one else knows of, deleted if generation fails (the demo generator).
    pub fn start_bulk_load(&self) -> Result<()> {
        self.conn.execute_batch(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;",
        )?;
        Ok(())
    }

    /// Ends a bulk load: back on the rollback journal with full durability.
    pub fn end_bulk_load(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")?;
        Ok(())
    }
}
