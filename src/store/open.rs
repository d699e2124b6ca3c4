//! Opening a book: creating it (mode 0600: it holds citizen ID numbers), the pragmas
//! that make it durable, and the `PRAGMA user_version` migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};

/// The schema steps in order; the file's `user_version` is how many have been applied.
/// Step 1 is schema.sql as a whole. A later change appends a step here (plain SQL);
/// it never edits an earlier one.
const MIGRATIONS: &[&str] = &[include_str!("../../schema.sql")];

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long a writer waits for another one before giving up (milliseconds).
const BUSY_TIMEOUT_MS: u32 = 10_000;

/// An open book.
pub struct Store {
    pub conn: Connection,
    pub read_only: bool,
    pub path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the book at `path`. Read-only opens at the SQLite level
    /// (`SQLITE_OPEN_READ_ONLY`) and never creates, migrates or changes the file.
    pub fn open(path: &Path, read_only: bool) -> Result<Store> {
        let shown = path.display().to_string();
        let conn = if read_only {
            if !path.exists() {
                return Err(Error::CannotOpen { path: shown, detail: "không có tệp này / no such file".into() });
            }
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| open_error(&shown, e))?
        } else {
            create_private(path).map_err(|e| Error::CannotOpen { path: shown.clone(), detail: e.to_string() })?;
            Connection::open(path).map_err(|e| open_error(&shown, e))?
        };
        conn.busy_timeout(std::time::Duration::from_millis(u64::from(BUSY_TIMEOUT_MS)))?;
        let mut store = Store { conn, read_only, path: path.to_path_buf() };
        store.prepare().map_err(|e| match e {
            Error::NotADatabase(_) => Error::NotADatabase(shown.clone()),
            Error::Store(d) if d.contains("not a database") || d.contains("malformed") => Error::NotADatabase(shown),
            other => other,
        })?;
        Ok(store)
    }

    /// Pragmas and migrations.
    fn prepare(&mut self) -> Result<()> {
        let version: i64 = self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema { found: version, known: SCHEMA_VERSION });
        }
        if version == 0 {
            let tables: i64 = self.conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))?;
            if tables > 0 {
                // Some other program's SQLite file: never write our tables into it.
                return Err(Error::NotADatabase(String::new()));
            }
        }
        // A larger page cache (64 MB) for reading a district's ledger, and statement
        // journals in memory: every insert that fires triggers opens one, and on disk they
        // cost dozens of writes per voucher (3,5 million for a 100.000-row import).
        self.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")?;
        if self.read_only {
            if version == 0 {
                return Err(Error::NotADatabase(String::new()));
            }
            return Ok(());
        }
        // WAL lets auditors read while the treasurer writes; FULL makes a reported write
        // survive a power cut.
        self.conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
        if version < SCHEMA_VERSION {
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)?;
            for (i, step) in MIGRATIONS.iter().enumerate().skip(usize::try_from(version).unwrap_or(0)) {
                tx.execute_batch(step)?;
                tx.pragma_update(None, "user_version", i as i64 + 1)?;
            }
            tx.commit()?;
        }
        Ok(())
    }

    /// Refuses a write in read-only mode before anything is attempted.
    pub fn ensure_writable(&self) -> Result<()> {
        if self.read_only { Err(Error::ReadOnly) } else { Ok(()) }
    }
}

fn open_error(path: &str, e: rusqlite::Error) -> Error {
    match Error::from(e) {
        Error::NotADatabase(_) => Error::NotADatabase(path.to_string()),
        Error::Store(detail) => Error::CannotOpen { path: path.to_string(), detail },
        other => other,
    }
}

/// Creates the file (and its folder) readable by its owner only, if it does not exist.
pub fn create_private(path: &Path) -> std::io::Result<()> {
    if path.exists() {
        return Ok(());
    }
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}
