//! Making a new book. It is built under a temporary name in the same folder — schema
//! applied and `application_id` set in one transaction — and only then linked into place,
//! so a crash leaves either no book or a whole one, never a half-made file at the path.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::header::beside;
use crate::fault::Result;
use hunvon_core::messages::error::Error;

/// Makes a new, marked, empty book at `path`. Returns false when a book appeared there
/// meanwhile (another hunvon made it first); that file is left as it is.
pub fn create_book(path: &Path) -> Result<bool> {
    let temp = reserve_beside(path)?;
    let made = init_book(&temp).and_then(|()| publish(&temp, path));
    if made.is_err() {
        discard(&temp);
    }
    made
}

/// A new private (0600) empty file in the folder of `path` (made if missing), under a name
/// no one else uses, for a book being built.
pub fn reserve_beside(path: &Path) -> Result<PathBuf> {
    let cannot = |e: std::io::Error| Error::CannotOpen { path: path.display().to_string(), cause: e.into() };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "hunvon.db".into());
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(cannot)?;
    for n in 0..1000u32 {
        let temp = dir.join(format!(".{name}.{}-{n}.new", std::process::id()));
        match new_private_file(&temp) {
            Ok(()) => return Ok(temp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(cannot(e).into()),
        }
    }
    Err(cannot(std::io::Error::from(std::io::ErrorKind::AlreadyExists)).into())
}

/// Turns the empty file `temp` into a book: every schema step and the id, one transaction.
pub fn init_book(temp: &Path) -> Result<()> {
    let mut conn =
        Connection::open_with_flags(temp, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;")?;
    super::open::migrate(&mut conn, 0, true)?;
    conn.close().map_err(|(_, e)| e.into())
}

/// Moves the finished book `temp` to `path` unless something is there already (then
/// `temp` is removed and false returned). The file and its folder are synced first, so
/// the name never points at data still in the OS cache.
pub fn publish(temp: &Path, path: &Path) -> Result<bool> {
    let shown = path.display().to_string();
    let cannot = |e: std::io::Error| Error::CannotOpen { path: shown.clone(), cause: e.into() };
    // Windows flushes only through a handle opened for writing (FlushFileBuffers on a
    // read-only handle is "access denied"), so the file is opened to write, not read.
    std::fs::OpenOptions::new().write(true).open(temp).and_then(|f| f.sync_all()).map_err(cannot)?;
    // A hard link never replaces an existing file; where links are not supported (FAT on
    // a USB stick) the rename below is checked first.
    let placed = match std::fs::hard_link(temp, path) {
        Ok(()) => {
            let _ = std::fs::remove_file(temp);
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => false,
        Err(_) if path.exists() => false,
        Err(_) => {
            std::fs::rename(temp, path).map_err(cannot)?;
            true
        }
    };
    if !placed {
        discard(temp);
    }
    sync_folder(path);
    Ok(placed)
}

/// Removes a book being built and its journal.
pub fn discard(temp: &Path) {
    let _ = std::fs::remove_file(temp);
    let _ = std::fs::remove_file(beside(temp, "-journal"));
}

/// Makes the folder entry of `path` durable (Unix; elsewhere the rename is enough).
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
}

/// Creates a new file readable by its owner only; fails if it exists.
fn new_private_file(path: &Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
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
    match new_private_file(path) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}
