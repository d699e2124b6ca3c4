//! What the TUI needs to know about the open book itself: where it is, whether it may
//! be written, whether another program wrote to it, and copies of it (backups).

use std::path::{Path, PathBuf};

use hunvon_core::messages::error::{Error, OsProblem, Result};

use super::super::App;

/// How many automatic backups are kept beside the book.
pub const KEEP_BACKUPS: usize = 30;

impl App {
    /// The book's file.
    pub fn book_path(&self) -> &Path {
        &self.store.path
    }

    /// Whether the book was opened read-only (auditor mode).
    pub fn is_read_only(&self) -> bool {
        self.store.read_only
    }

    /// Changes when another connection commits to the book (SQLite's data_version).
    pub fn data_version(&self) -> i64 {
        self.store.data_version().unwrap_or(0)
    }

    /// The chosen pool's code, if any.
    pub fn pool_code(&self) -> Option<String> {
        self.pool().ok().map(|p| p.code.clone())
    }

    /// A second, read-only view of the same book (for work done off the drawing thread).
    pub fn reopen_read_only(&self) -> Result<App> {
        let pool = self.pool_code();
        App::open(&self.store.path, true, pool.as_deref(), self.lang, self.clock.clone())
    }

    /// Copies the book into `file` (which must not exist) with SQLite's backup API, then
    /// opens the copy and checks it holds the same vouchers. Returns how many.
    pub fn backup_to(&self, file: &Path) -> Result<i64> {
        let shown = file.display().to_string();
        if file.exists() {
            return Err(Error::Os { path: shown, problem: OsProblem::AlreadyExists });
        }
        self.store.backup_to(file)?;
        let copied = hunvon_store::Store::count_vouchers_in(file)?;
        let here = self.store.count_vouchers()?;
        if copied != here {
            return Err(Error::BadCopy(shown));
        }
        Ok(copied)
    }

    /// Backs the book up into `folder` (which must exist) under a dated name; returns
    /// the file written.
    pub fn backup_into(&self, folder: &Path) -> Result<PathBuf> {
        let file = self.dated_file(folder, "db")?;
        self.backup_to(&file)?;
        Ok(file)
    }

    /// A free name in `folder` (which must exist) after the book and today:
    /// `so-2026-11-30.EXT`, then `-2`, `-3`… when taken.
    pub fn dated_file(&self, folder: &Path, ext: &str) -> Result<PathBuf> {
        if !folder.is_dir() {
            return Err(Error::Os { path: folder.display().to_string(), problem: OsProblem::NotFound });
        }
        let stem = self.store.path.file_stem().and_then(|s| s.to_str()).unwrap_or("hunvon").to_string();
        let day = hunvon_core::domain::date::format_iso(self.clock.today);
        let mut file = folder.join(format!("{stem}-{day}.{ext}"));
        let mut n = 2;
        while file.exists() {
            file = folder.join(format!("{stem}-{day}-{n}.{ext}"));
            n += 1;
        }
        Ok(file)
    }

    /// The automatic backup when the TUI closes after a day with writes: a dated copy in
    /// `sao-luu/` beside the book (today's copy replaced by a newer one), checked, and
    /// only the last [`KEEP_BACKUPS`] kept, oldest removed first.
    pub fn daily_backup(&self) -> Result<PathBuf> {
        let dir = self.store.path.parent().map(Path::to_path_buf).unwrap_or_default().join("sao-luu");
        let io = |e: std::io::Error| Error::os(&dir, &e);
        std::fs::create_dir_all(&dir).map_err(io)?;
        let stem = self.store.path.file_stem().and_then(|s| s.to_str()).unwrap_or("hunvon").to_string();
        let file = dir.join(format!("{stem}-{}.db", hunvon_core::domain::date::format_iso(self.clock.today)));
        let fresh = dir.join(format!(".{stem}-dang-chep.db"));
        let _ = std::fs::remove_file(&fresh);
        self.backup_to(&fresh)?;
        std::fs::rename(&fresh, &file).map_err(io)?;
        let mut old: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{stem}-")) && n.ends_with(".db"))
            })
            .collect();
        old.sort();
        while old.len() > KEEP_BACKUPS {
            let _ = std::fs::remove_file(old.remove(0));
        }
        Ok(file)
    }
}
