//! Opening a book: recognising it, the pragmas that make it durable, and the
//! `PRAGMA user_version` migrations.
//!
//! The journal is SQLite's rollback journal, not WAL: after every commit the `.db` file
//! alone holds every acknowledged write (a copy of that one file misses nothing), and a
//! read-only open creates no file beside the book, so it works on read-only media and never
//! leaves a `-wal`/`-shm` that blocks the next writer.

use std::path::{Path, PathBuf};

use rusqlite::ffi::ErrorCode;
use rusqlite::{Connection, OpenFlags};

use super::header::{APPLICATION_ID, BookHeader, Found, beside, recognise, uri};
use crate::fault::Result;
use hunvon_core::messages::error::{BookError, Error, OpenCause};

pub use super::create::create_private;

/// The schema steps in order; the file's `user_version` is how many have been applied.
/// Step 1 is initial.sql. A later change appends a step here (plain SQL);
/// it never edits an earlier one. `verify` builds them in memory to check the file's
/// tables, indexes and triggers; `schema_dump` prints what they build (schema.sql).
pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("initial.sql"),
    // The record of imported CSV files (SPEC §5 "CSV").
    include_str!("imports.sql"),
    CHAIN_STEP,
    // Members who leave, and the money paid back to them (SPEC §3 `withdraw`, `--left`).
    include_str!("leave_and_withdraw.sql"),
    // The papers (docs/design.md §6): letterheads, and indexes a period's papers read.
    include_str!("papers.sql"),
    // The district: collected pools keep their chapter's ids and code (docs/design.md §11).
    include_str!("district.sql"),
    // The summary: a pool's vouchers by kind and date (docs/design.md §6).
    include_str!("by_kind.sql"),
    // Step 8: vouchers as cash practice has them (SPEC §8): BC/BN series, the bank's
    // reference, count difference and settlement kinds, count and close numbers.
    include_str!("vouchers_by_practice.sql"),
    // Step 9: the file's own chain (rates set) and import
    // records in the pools' chains (docs/hash.md, docs/design.md §10).
    FILE_CHAIN_STEP,
    // Step 10: the people search's covering index (docs/design.md §4).
    include_str!("people_search.sql"),
    // Step 11: the district's age recipient beside the letterhead, for the encrypted hand-in.
    include_str!("district_key.sql"),
    // Step 12: outreach —
    // cards from elsewhere and the year's targets (SPEC §10).
    include_str!("outreach.sql"),
    // Step 13: the form set (circular) the pool's papers follow, beside the letterhead.
    include_str!("forms.sql"),
    // Step 14: the postings in the order a chain walk reads them, a covering index
    // (docs/design.md §12).
    include_str!("postings_walk.sql"),
    // Step 15: each day's cash and bank movements by kind, kept by trigger, for the
    // summary and the overview (docs/design.md §6).
    include_str!("day_moves.sql"),
];

/// The file's chain and import records. Its Rust half, `file_chain::after_file_chain_step`,
/// records the rate rows and imports a book already had.
const FILE_CHAIN_STEP: &str = include_str!("file_chain.sql");

/// The chain of records (docs/hash.md). It has a Rust half, `records::after_chain_step`:
/// the records of pools, households, persons and dues that existed before it need
/// SHA-256 and a UUID, which SQL does not have.
const CHAIN_STEP: &str = include_str!("chain.sql");

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another one before giving up (milliseconds).
const BUSY_TIMEOUT_MS: u64 = 10_000;

/// How long a write open waits to take an old WAL book to the rollback journal; another
/// program holding it open only postpones the switch to a later open.
const SWITCH_TIMEOUT_MS: u64 = 1_000;

/// How a command opens the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `--read-only`: SQLite opens the file read-only; nothing is created, migrated or marked.
    ReadOnly,
    /// An existing book, read-write; a missing path is refused.
    Write,
    /// Like `Write`, but a missing path gets a new book (`init`, the TUI's first run).
    Create,
}

/// An open book.
pub struct Store {
    pub(crate) conn: Connection,
    pub read_only: bool,
    pub path: PathBuf,
    /// No second reader may be opened beside this one (`snapshot.rs`): a copy in memory
    /// (the file at `path` is not what it holds), or a book opened read-only whose header
    /// says WAL (made before the rollback journal; SQLite may have opened it immutable,
    /// and a second connection would leave `-wal`/`-shm` behind).
    pub(crate) alone: bool,
}

impl Store {
    /// Opens the book at `path`. A file that is not a hunvon book is refused before SQLite
    /// opens it, whatever the access.
    pub fn open(path: &Path, access: Access) -> Result<Store> {
        let shown = path.display().to_string();
        let header = match recognise(path)? {
            Found::Book(h) => h,
            Found::Nothing if access == Access::Create => {
                super::create::create_book(path)?;
                match recognise(path)? {
                    Found::Book(h) => h,
                    Found::Nothing => return Err(BookError::Missing(shown).into()),
                }
            }
            Found::Nothing => return Err(BookError::Missing(shown).into()),
        };
        let read_only = access == Access::ReadOnly;
        let conn = if read_only { open_read_only(path, &header)? } else { open_write(path)? };
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        let mut store = Store { conn, read_only, path: path.to_path_buf(), alone: read_only && header.wal };
        let prepared = if read_only { store.prepare_read() } else { store.prepare_write() };
        prepared.map_err(|e| store.explain(e.into_error()))?;
        Ok(store)
    }

    /// Read-only: only checks the schema version (an older one is read as it is).
    pub(super) fn prepare_read(&mut self) -> Result<()> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: version, known: SCHEMA_VERSION }.into());
        }
        self.tune()
    }

    /// Read-write: the rollback journal, full durability, migrations and the mark.
    fn prepare_write(&mut self) -> Result<()> {
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(BookError::ReadOnlyPlace(self.path.display().to_string()).into());
        }
        let mode: String = self.conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if mode.eq_ignore_ascii_case("wal") {
            // A book made before the rollback journal: switching folds its -wal into the
            // file and removes -wal/-shm. It needs the book to itself; if another program
            // holds it open the write goes ahead in WAL and a later open switches.
            self.conn.busy_timeout(std::time::Duration::from_millis(SWITCH_TIMEOUT_MS))?;
            match self.conn.query_row("PRAGMA journal_mode = DELETE", [], |r| r.get::<_, String>(0)) {
                Ok(_) => {}
                Err(rusqlite::Error::SqliteFailure(f, _))
                    if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {}
                Err(e) => return Err(e.into()),
            }
            self.conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        }
        // FULL makes a reported write survive a power cut.
        self.conn.execute_batch("PRAGMA synchronous = FULL;")?;
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: version, known: SCHEMA_VERSION }.into());
        }
        let id: i32 = self.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if version < SCHEMA_VERSION || id != APPLICATION_ID {
            migrate(&mut self.conn, version, true)?;
        }
        self.tune()
    }

    /// Settings of this connection only.
    pub(super) fn tune(&self) -> Result<()> {
        // A larger page cache (64 MB) for reading a district's ledger, and statement
        // journals in memory: every insert that fires triggers opens one, and on disk they
        // cost dozens of writes per voucher (3,5 million for a 100.000-row import).
        self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
        Ok(())
    }

    /// The sentence for a failure while opening: never SQLite's raw "unable to open".
    fn explain(&self, e: Error) -> Error {
        let shown = self.path.display().to_string();
        match e {
            Error::NewerSchema { .. } | Error::Busy | Error::DiskFull => e,
            _ if self.read_only && has_content(&beside(&self.path, "-wal")) => BookError::WalPending(shown).into(),
            _ if self.read_only && has_content(&beside(&self.path, "-journal")) => BookError::HotJournal(shown).into(),
            Error::Book(BookError::ReadOnlyPlace(_)) if self.read_only => BookError::Unreadable(shown).into(),
            Error::Book(_) => e.at_book(&self.path),
            Error::NotADatabase(_) => Error::NotADatabase(shown),
            Error::ReadOnly if !self.read_only => BookError::ReadOnlyPlace(shown).into(),
            Error::Storage(f) => Error::CannotOpen { path: shown, cause: OpenCause::Storage(f) },
            other => other,
        }
    }

    /// Refuses a write in read-only mode before anything is attempted.
    pub fn ensure_writable(&self) -> Result<()> {
        if self.read_only { Err(Error::ReadOnly.into()) } else { Ok(()) }
    }
}

/// Applies the schema steps after `from` and sets the id, in one exclusive transaction.
pub(super) fn migrate(conn: &mut Connection, from: i64, mark: bool) -> Result<()> {
    if from == 0 {
        let tables: i64 = conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 {
            // Some other program's tables: never write ours into it.
            return Err(Error::NotADatabase(String::new()).into());
        }
    }
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
    for (i, step) in MIGRATIONS.iter().enumerate().skip(usize::try_from(from).unwrap_or(0)) {
        // A step that fails on a book that is not new says its `user_version` lies (set
        // back with sqlite3): one sentence, never the step's SQL.
        tx.execute_batch(step).map_err(|e| match super::fault::sorted(e) {
            e @ (Error::Busy | Error::DiskFull) => e,
            _ if from > 0 => BookError::Tampered(String::new()).into(),
            e => e,
        })?;
        if step.contains("writable_schema") {
            // The schema text was edited in place: make every connection re-read it.
            let v: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
            tx.pragma_update(None, "schema_version", v + 1)?;
        }
        // The Rust halves run on the schema as the step left it (a widened CHECK included).
        if *step == CHAIN_STEP {
            super::records::after_chain_step(&tx)?;
        }
        if *step == FILE_CHAIN_STEP {
            super::file_chain::after_file_chain_step(&tx, i + 1)?;
        }
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
    }
    if mark {
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    }
    tx.commit()?;
    Ok(())
}

/// An existing book, read-write; SQLite may not create it.
fn open_write(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags).map_err(|e| open_error(path, e)).map_err(Into::into)
}

/// A read-only connection that creates no file beside the book. A book made before the
/// rollback journal is in WAL mode: with nothing in its `-wal` it is read `immutable`
/// (SQLite would otherwise create `-wal`/`-shm`); with writes in its `-wal` it is read
/// through the `-shm` beside it, or refused with a sentence saying what to do.
pub(super) fn open_read_only(path: &Path, header: &BookHeader) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    // SQLite reads a `-wal` beside the book even when the header says rollback journal
    // (a switch cut off before the `-wal` was removed), so its presence counts too.
    let params = if !header.wal && !beside(path, "-wal").exists() {
        "mode=ro"
    } else if !has_content(&beside(path, "-wal")) {
        "mode=ro&immutable=1"
    } else if beside(path, "-shm").exists() {
        "mode=ro"
    } else {
        return Err(BookError::WalPending(path.display().to_string()).into());
    };
    Connection::open_with_flags(uri(path, params), flags).map_err(|e| open_error(path, e)).map_err(Into::into)
}

/// Whether a file beside the book exists and is not empty.
fn has_content(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
}

fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    let shown = path.display().to_string();
    match super::fault::sorted(e) {
        Error::NotADatabase(_) => Error::NotADatabase(shown),
        Error::Storage(f) => Error::CannotOpen { path: shown, cause: OpenCause::Storage(f) },
        other => other,
    }
}
