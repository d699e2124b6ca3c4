//! Recognising a book before SQLite touches it. Opening a file with SQLite read-write can
//! roll back its journal or create `-wal`/`-shm` files beside it, so the 100-byte header is
//! read directly first: the magic string, `user_version` (offset 60) and `application_id`
//! (offset 68), both big-endian. A file without hunvon's id is refused unchanged, unless it
//! is a book made before the id existed (docs/file-format.md).

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::fault::Result;
use hunvon_core::messages::error::{BookError, Error};

/// `PRAGMA application_id` of every hunvon book: ASCII "HVN1".
pub const APPLICATION_ID: i32 = 0x4856_4E31;

/// Tables every hunvon book has had since its first schema: a file without the id is taken
/// for a book made before the id only when it holds all of them.
const OLD_BOOK_TABLES: &[&str] = &["pools", "persons", "accounts", "transactions", "postings"];

/// What the header says about an existing book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookHeader {
    pub user_version: i64,
    /// Carries [`APPLICATION_ID`]; false for a book made before the id.
    pub marked: bool,
    /// The file is in WAL mode (header bytes 18–19 are 2): made before the rollback journal.
    pub wal: bool,
}

/// Whether `path` holds a book, nothing, or something hunvon must not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Nothing,
    Book(BookHeader),
}

/// Reads the header of `path` (never creating or changing anything) and refuses a file
/// that is not a hunvon book.
pub fn recognise(path: &Path) -> Result<Found> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Nothing),
        Err(e) => return Err(Error::CannotOpen { path: shown, cause: e.into() }.into()),
    };
    if meta.is_dir() {
        return Err(BookError::Folder(shown).into());
    }
    if meta.len() == 0 {
        return Err(BookError::Empty(shown).into());
    }
    let mut head = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| Error::CannotOpen { path: shown.clone(), cause: e.into() })?;
    let mut filled = 0;
    while filled < head.len() {
        match file.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::CannotOpen { path: shown, cause: e.into() }.into()),
        }
    }
    if filled < head.len() || &head[..16] != b"SQLite format 3\0" {
        return Err(Error::NotADatabase(shown).into());
    }
    let word = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    let header = BookHeader {
        user_version: i64::from(word(60)),
        marked: word(68) == APPLICATION_ID,
        wal: head[18] == 2 || head[19] == 2,
    };
    if header.marked {
        return Ok(Found::Book(header));
    }
    if word(68) != 0 || header.user_version < 1 || !has_old_book_tables(path)? {
        return Err(BookError::Foreign(shown).into());
    }
    Ok(Found::Book(header))
}

/// Whether an unmarked file holds hunvon's tables. Opened `immutable`: SQLite then takes no
/// lock, reads no journal and creates no file beside it.
fn has_old_book_tables(path: &Path) -> Result<bool> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let probe = || -> rusqlite::Result<bool> {
        let conn = Connection::open_with_flags(uri(path, "mode=ro&immutable=1"), flags)?;
        let mut stmt = conn.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1")?;
        for table in OLD_BOOK_TABLES {
            if stmt.query_row([table], |r| r.get::<_, i64>(0))? == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    };
    probe().map_err(|_| Error::NotADatabase(path.display().to_string())).map_err(Into::into)
}

/// An SQLite `file:` URI for `path` with the query `params`; every byte that could be
/// read as URI syntax is percent-encoded.
pub fn uri(path: &Path, params: &str) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    #[cfg(unix)]
    let mut bytes = std::os::unix::ffi::OsStrExt::as_bytes(absolute.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let mut bytes = absolute.to_string_lossy().replace('\\', "/").into_bytes();
    if bytes.first() != Some(&b'/') {
        // A Windows drive path: file:///C:/…
        bytes.insert(0, b'/');
    }
    let mut out = String::from("file://");
    for b in bytes {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out.push('?');
    out.push_str(params);
    out
}

/// A file beside the book: `path` with `suffix` appended (`-wal`, `-shm`, `-journal`).
pub fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}
