//! Copies of a book: SQLite's online backup API (a consistent copy while the book is in
//! use), and the check that a copy holds what the book holds.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::fault::{self, Result};
use hunvon_core::messages::error::{Error, OsProblem};

impl Store {
    /// Writes a consistent copy of the whole file to `file` (created 0600).
    pub fn backup_to(&self, file: &Path) -> Result<()> {
        super::open::create_private(file).map_err(|e| Error::os(file, &e))?;
        self.copy_into(file).map_err(|e| match e.into_error() {
            // The copy's drive is full, not the book's: name the copy.
            Error::DiskFull => Error::Os { path: file.display().to_string(), problem: OsProblem::StorageFull }.into(),
            other => other.into(),
        })
    }

    /// Copies the book, page by page in one consistent snapshot, into the new file at
    /// `target` (which the caller made and names into place once this succeeds).
    pub fn copy_into(&self, target: &Path) -> Result<()> {
        self.conn.backup(rusqlite::MAIN_DB, target, None::<fn(rusqlite::backup::Progress)>)?;
        Ok(())
    }

    /// How many vouchers the book holds.
    pub fn count_vouchers(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0))?)
    }

    /// Opens a copy read-only, checks SQLite's structure, and counts its vouchers.
    pub fn count_vouchers_in(file: &Path) -> Result<i64> {
        let shown = file.display().to_string();
        let cannot = |e: rusqlite::Error| Error::CannotOpen { path: shown.clone(), cause: fault::open_cause(e) };
        let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(cannot)?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(cannot)?;
        if check != "ok" {
            return Err(Error::BadCopy(shown).into());
        }
        conn.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).map_err(cannot).map_err(Into::into)
    }
}
