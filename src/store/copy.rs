//! Copies of a book: SQLite's online backup API (a consistent copy while the book is in
//! use), and the check that a copy holds what the book holds.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::Store;
use crate::error::{Error, Result};

impl Store {
    /// Writes a consistent copy of the whole file to `file` (created 0600).
    pub fn backup_to(&self, file: &Path) -> Result<()> {
        let shown = file.display().to_string();
        super::open::create_private(file).map_err(|e| Error::File { path: shown.clone(), detail: e.to_string() })?;
        self.conn
            .backup(rusqlite::MAIN_DB, file, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| Error::File { path: shown, detail: e.to_string() })
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
        let bad = |detail: String| Error::File { path: shown.clone(), detail };
        let conn =
            Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| bad(e.to_string()))?;
        let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0)).map_err(|e| bad(e.to_string()))?;
        if check != "ok" {
            return Err(bad(check));
        }
        conn.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).map_err(|e| bad(e.to_string()))
    }
}
