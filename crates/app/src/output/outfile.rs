//! Every file hunvon writes besides the book — reports, exports and slips (`--output`),
//! backups and demo books — goes through here, so docs/design.md §10 "No output onto a book" holds
//! for all of them at once:
//!
//! - the target is never the open book, its `-journal`/`-wal`/`-shm`, nor a link to one:
//!   compared by file identity (device and inode, or the Windows file id), not by name;
//! - the target is never an existing SQLite file (another book, another program's data);
//! - the content goes to a temporary file in the target's folder, made 0600, and is
//!   renamed into place once complete: a failure leaves nothing behind, and a replaced
//!   older file does not pass its looser mode on;
//! - no folder is ever created.
//!
//! Links: an existing link to a regular file is followed (the file it names is replaced);
//! a link to nothing is refused, because following it would create a file wherever the
//! link points (the classic trap in a shared folder), and replacing it would silently
//! break a link someone made. Backups and demo books write new files only, so any name
//! that is taken, a dangling link included, is refused.
//!
//! A target that exists and is not a regular file (a terminal, a pipe, `/dev/null`) is
//! written directly: renaming onto it would replace the device node itself.

use crate::words;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use hunvon_core::messages::error::{Error, OsProblem, Refusal, Result};

/// The first 16 bytes of every SQLite database.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Whether a target may replace an existing file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Replace,
    NewOnly,
}

/// Where the content will land.
enum Plan {
    /// A temporary file in `dir`, renamed onto `dest` when complete.
    Rename { dir: PathBuf, dest: PathBuf },
    /// A device or pipe, written as it is.
    Direct,
}

/// The book's files on disk: the database and the three files SQLite keeps beside it.
fn book_files(book: &Path) -> Vec<PathBuf> {
    let mut files = vec![book.to_path_buf()];
    for suffix in ["-journal", "-wal", "-shm"] {
        let mut name = book.as_os_str().to_owned();
        name.push(suffix);
        files.push(PathBuf::from(name));
    }
    files
}

/// Whether two paths name the same file, through any hard or symbolic link. On Unix the
/// device and inode come from `stat` alone: opening the target (as the `same-file` crate
/// does) would block forever on a named pipe with no writer. Windows has no inode in std;
/// there `same-file` compares the volume serial number and file index.
pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        same_file::is_same_file(a, b).unwrap_or(false)
    }
}

/// Whether `target` is one of the book's files: the same file by identity (through any
/// hard or symbolic link), or — for a side file that does not exist at this moment — the
/// same name in the same folder, which SQLite would take for its own.
fn is_book(target: &Path, book: &Path) -> bool {
    let files = book_files(book);
    if files.iter().any(|f| same_file(target, f)) {
        return true;
    }
    let folder = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        fs::canonicalize(parent).ok()
    };
    let (Some(name), Some(dir)) = (target.file_name(), folder(target)) else { return false };
    files.iter().any(|f| f.file_name() == Some(name) && folder(f).as_deref() == Some(dir.as_path()))
}

/// Whether `target` is named as a side file (`-journal`, `-wal`, `-shm`) of an existing
/// SQLite database — any book, not only the open one: SQLite would take a file there for
/// its own and roll it into that database.
fn is_side_file(target: &Path) -> bool {
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else { return false };
    ["-journal", "-wal", "-shm"].iter().any(|suffix| {
        name.strip_suffix(suffix).is_some_and(|base| {
            let base = target.with_file_name(base);
            fs::metadata(&base).is_ok_and(|m| m.is_file()) && is_sqlite(&base).unwrap_or(false)
        })
    })
}

/// Whether the regular file at `path` starts with SQLite's header.
fn is_sqlite(path: &Path) -> io::Result<bool> {
    let mut head = [0u8; 16];
    let mut file = File::open(path)?;
    let mut got = 0;
    while got < head.len() {
        match file.read(&mut head[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got == head.len() && &head == SQLITE_MAGIC)
}

/// Checks `target` against every rule above and says where the content will go.
fn plan(target: &Path, book: Option<&Path>, mode: Mode) -> Result<Plan> {
    let os = |p: &Path, e: io::Error| Error::os(p, &e);
    let taken = match fs::symlink_metadata(target) {
        Ok(_) => true,
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(os(target, e)),
    };
    if book.is_some_and(|b| is_book(target, b)) || is_side_file(target) {
        return Err(Error::refused_output(target, Refusal::IsBook));
    }
    if taken {
        let meta = match fs::metadata(target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(os(target, e)),
        };
        let Some(meta) = meta else {
            return Err(Error::refused_output(target, Refusal::DanglingLink));
        };
        if meta.is_dir() {
            return Err(Error::Os { path: target.display().to_string(), problem: OsProblem::IsAFolder });
        }
        if meta.is_file() && is_sqlite(target).map_err(|e| os(target, e))? {
            return Err(Error::refused_output(target, Refusal::IsDatabase));
        }
        if mode == Mode::NewOnly {
            return Err(Error::refused_output(target, Refusal::Exists));
        }
        if !meta.is_file() {
            return Ok(Plan::Direct);
        }
        // A file its owner made read-only stays as it is, as with `>` in a shell: the
        // rename below would otherwise replace it regardless. Opening it for writing
        // changes nothing in it.
        fs::OpenOptions::new().write(true).open(target).map_err(|e| os(target, e))?;
        // Follow links to the real file, and write beside it.
        let dest = fs::canonicalize(target).map_err(|e| os(target, e))?;
        let dir = dest.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        return Ok(Plan::Rename { dir, dest });
    }
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(Plan::Rename { dir: dir.to_path_buf(), dest: target.to_path_buf() }),
        Ok(_) => Err(Error::Os { path: dir.display().to_string(), problem: OsProblem::NotAFolder }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err(Error::refused_output(dir, Refusal::NoFolder)),
        Err(e) => Err(os(dir, e)),
    }
}

/// A temporary file's name prefix: hidden, and recognisably ours if a crash leaves one.
const TEMP_PREFIX: &str = ".hunvon-";

/// Makes a finished file readable by its owner only (tempfile already creates them so;
/// SQLite's backup target follows the umask).
fn private(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Makes a rename durable: the folder's entry is on disk, not only the file's content.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

enum Sink {
    Temp { file: BufWriter<tempfile::NamedTempFile>, dir: PathBuf, dest: PathBuf },
    Direct(BufWriter<File>),
}

/// An output file being written (`--output`): replaces its target only on
/// [`OutFile::commit`]; dropped before that, it leaves nothing.
pub struct OutFile {
    sink: Sink,
    shown: PathBuf,
    book: Option<PathBuf>,
}

impl OutFile {
    /// Checks `target` and opens a temporary file beside it. `book` is the open book.
    pub fn create(target: &Path, book: Option<&Path>) -> Result<OutFile> {
        let os = |e: io::Error| Error::os(target, &e);
        let sink = match plan(target, book, Mode::Replace)? {
            Plan::Rename { dir, dest } => {
                let temp = tempfile::Builder::new().prefix(TEMP_PREFIX).suffix(".tmp").tempfile_in(&dir).map_err(os)?;
                private(temp.path()).map_err(os)?;
                Sink::Temp { file: BufWriter::new(temp), dir, dest }
            }
            Plan::Direct => Sink::Direct(BufWriter::new(fs::OpenOptions::new().write(true).open(target).map_err(os)?)),
        };
        Ok(OutFile { sink, shown: target.to_path_buf(), book: book.map(Path::to_path_buf) })
    }

    /// The error for a failed write to this file, in one sentence naming it.
    pub fn error(&self, e: &io::Error) -> Error {
        Error::os(&self.shown, e)
    }

    /// Makes the content durable and puts it in place.
    pub fn commit(self) -> Result<()> {
        let os = |e: io::Error| Error::os(&self.shown, &e);
        match self.sink {
            Sink::Direct(mut file) => file.flush().map_err(os),
            Sink::Temp { file, dir, dest } => {
                let temp = file.into_inner().map_err(|e| os(e.into_error()))?;
                temp.as_file().sync_all().map_err(os)?;
                // The target was checked when the output began; a link could have been
                // swapped in while a long report was written.
                if self.book.as_deref().is_some_and(|b| is_book(&dest, b)) {
                    return Err(Error::refused_output(&self.shown, Refusal::IsBook));
                }
                temp.persist(&dest).map_err(|e| os(e.error))?;
                sync_folder(&dir);
                Ok(())
            }
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Temp { file, .. } => file.write(buf),
            Sink::Direct(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Temp { file, .. } => file.flush(),
            Sink::Direct(file) => file.flush(),
        }
    }
}

/// A new file (a backup, a demo book) that SQLite writes at [`NewFile::path`], in a
/// private temporary folder beside the target, and that takes the target's name only on
/// [`NewFile::commit`] — and only if the name is still free.
pub struct NewFile {
    folder: tempfile::TempDir,
    path: PathBuf,
    dir: PathBuf,
    dest: PathBuf,
    book: Option<PathBuf>,
}

impl NewFile {
    /// Checks that `target` is free and its folder exists (no folder is created).
    pub fn create(target: &Path, book: Option<&Path>) -> Result<NewFile> {
        let Plan::Rename { dir, dest } = plan(target, book, Mode::NewOnly)? else {
            return Err(Error::refused_output(target, Refusal::Exists));
        };
        let folder =
            tempfile::Builder::new().prefix(TEMP_PREFIX).tempdir_in(&dir).map_err(|e| Error::os(target, &e))?;
        let name = dest.file_name().map_or_else(|| "hunvon.db".into(), |n| n.to_owned());
        let path = folder.path().join(name);
        Ok(NewFile { folder, path, dir, dest, book: book.map(Path::to_path_buf) })
    }

    /// Where the content is written meanwhile.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes the file private and durable and gives it its name.
    pub fn commit(self) -> Result<()> {
        let os = |e: io::Error| Error::os(&self.dest, &e);
        private(&self.path).map_err(os)?;
        // Opened to write: Windows refuses to flush a read-only handle ("access denied").
        fs::OpenOptions::new().write(true).open(&self.path).and_then(|f| f.sync_all()).map_err(os)?;
        if self.book.as_deref().is_some_and(|b| is_book(&self.dest, b)) {
            return Err(Error::refused_output(&self.dest, Refusal::IsBook));
        }
        let temp = tempfile::TempPath::try_from_path(&self.path).map_err(os)?;
        match temp.persist_noclobber(&self.dest) {
            Ok(()) => {}
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => {
                return Err(Error::refused_output(&self.dest, Refusal::Exists));
            }
            Err(e) => return Err(os(e.error)),
        }
        sync_folder(&self.dir);
        drop(self.folder);
        Ok(())
    }
}

/// A book that was found readable by others (copied with `cp`, unpacked from an archive,
/// made by an older hunvon) and was made private again.
pub struct Tightened {
    pub path: PathBuf,
    pub mode: u32,
}

impl Tightened {
    /// The warning printed on stderr.
    pub fn text(&self, lang: hunvon_core::messages::i18n::Lang) -> String {
        let path = self.path.display();
        words::book_was_readable_by_others(lang, path, format!("{:o}", self.mode))
    }
}

/// Makes an existing book and its side files private (0600) before a write opens it.
/// A drive that keeps no Unix permissions (a FAT USB stick) refuses the change; nothing
/// can be done there, so that is not reported.
pub fn tighten_book(book: &Path) -> Option<Tightened> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mut tightened = None;
        for file in book_files(book) {
            let Ok(meta) = fs::metadata(&file) else { continue };
            let mode = meta.permissions().mode() & 0o777;
            if !meta.is_file() || mode & 0o077 == 0 {
                continue;
            }
            let ok = fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).is_ok();
            if ok && tightened.is_none() && file == book {
                tightened = Some(Tightened { path: file, mode });
            }
        }
        tightened
    }
    #[cfg(not(unix))]
    {
        let _ = book;
        None
    }
}
