//! Transactions that span several store calls. `app` opens one here and passes it to the
//! store's functions (which take a [`Conn`]); it never runs SQL on it itself.

use rusqlite::TransactionBehavior;

use super::Store;
use crate::fault::Result;

/// A connection or an open transaction, as the store's functions take it: opaque, so
/// no rusqlite type leaves this crate and no caller can run SQL on it.
#[derive(Clone, Copy)]
pub struct Conn<'a>(pub(crate) &'a rusqlite::Connection);

/// An open transaction: [`Tx::commit`] keeps its writes, dropping it undoes them.
pub struct Tx<'c>(pub(crate) rusqlite::Transaction<'c>);

impl Tx<'_> {
    /// The transaction, for the store's functions that take a [`Conn`].
    pub fn conn(&self) -> Conn<'_> {
        Conn(&self.0)
    }

    /// Keeps the transaction's writes.
    pub fn commit(self) -> Result<()> {
        Ok(self.0.commit()?)
    }
}

impl Store {
    /// A write transaction that takes the write lock at once, so what it reads cannot
    /// change under it before it writes (numbering, duplicate checks).
    pub fn write(&mut self) -> Result<Tx<'_>> {
        self.ensure_writable()?;
        Ok(Tx(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?))
    }

    /// A read transaction: every query in it sees the same state of the book. Writing
    /// through it fails on a read-only book; it is never committed (dropping it ends it),
    /// so a dry run can try writes and leave nothing behind.
    pub fn snapshot(&self) -> Result<Tx<'_>> {
        Ok(Tx(self.conn.unchecked_transaction()?))
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
