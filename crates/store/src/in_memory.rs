//! Books held in memory (SPEC §9 hand-in): the consistent copy `handin` verifies and then
//! encrypts, and the decrypted hand-in `collect --identity` reads. SQLite's online backup
//! and its serialize/deserialize keep the plaintext in this process only: no copy lands
//! on a disk, where a kill or Windows' open-file locks could leave it behind.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;

use super::Store;
use super::header::APPLICATION_ID;
use crate::fault::Result;
use hunvon_core::messages::error::HandinError;

impl Store {
    /// A consistent copy of the whole book in memory, read-only: one backup step under a
    /// single read lock, so a write by another program lands wholly before or after it.
    pub fn copy_in_memory(&self) -> Result<Store> {
        let mut mem = Connection::open_in_memory()?;
        {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut mem)?;
            backup.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        }
        mem.execute_batch("PRAGMA query_only = ON;")?;
        let store = Store { conn: mem, read_only: true, path: self.path.clone(), alone: true };
        store.tune()?;
        Ok(store)
    }

    /// Hands the book's bytes, as its file would hold them, to `use_bytes`. For a copy in
    /// memory SQLite lends its own pages: nothing is copied again.
    pub fn with_bytes<R>(&mut self, use_bytes: impl FnOnce(&[u8]) -> R) -> Result<R> {
        let data = self.conn.serialize(rusqlite::MAIN_DB)?;
        Ok(use_bytes(&data))
    }

    /// A book from its bytes (a decrypted hand-in), opened read-only; `shown` is the file
    /// it came from, for messages. Bytes that are not a hunvon book are refused before
    /// SQLite reads them, as `open` refuses such a file.
    pub fn from_bytes(bytes: &[u8], shown: &Path) -> Result<Store> {
        let not_a_book = || HandinError::NotABook { file: shown.display().to_string() };
        let Some(head) = bytes.get(..100) else { return Err(not_a_book().into()) };
        let id = i32::from_be_bytes([head[68], head[69], head[70], head[71]]);
        if &head[..16] != b"SQLite format 3\0" || id != APPLICATION_ID {
            return Err(not_a_book().into());
        }
        // A book in WAL mode (made before the rollback journal) says so in bytes 18 and
        // 19; an in-memory database has no WAL, so it is read as a rollback-journal file.
        let mut header = [0u8; 100];
        header.copy_from_slice(head);
        if header[18] == 2 || header[19] == 2 {
            header[18] = 1;
            header[19] = 1;
        }
        let mut conn = Connection::open_in_memory()?;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, (&header[..]).chain(&bytes[100..]), bytes.len(), true)
            .map_err(|_| not_a_book())?;
        let mut store = Store { conn, read_only: true, path: shown.to_path_buf(), alone: true };
        store.prepare_read().map_err(|e| match e.error() {
            hunvon_core::messages::error::Error::NewerSchema { .. } => e,
            _ => not_a_book().into(),
        })?;
        Ok(store)
    }
}
