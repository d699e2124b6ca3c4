//! `hunvon backup`: a copy of the book a treasurer can keep on a USB stick.

use std::path::Path;

use crate::output::outfile::NewFile;
use hunvon_core::messages::error::{Error, OsProblem, Result};

use super::App;

impl App {
    /// A consistent online copy of the book: a new file only, in a folder that exists,
    /// never the book, named only once complete (see [`crate::output::outfile`]).
    pub fn backup(&self, file: &Path) -> Result<()> {
        let target = NewFile::create(file, Some(self.book_path()))?;
        self.store.copy_into(target.path()).map_err(|e| match e.into_error() {
            // The copy's drive is full, not the book's: name the copy.
            Error::DiskFull => Error::Os { path: file.display().to_string(), problem: OsProblem::StorageFull },
            other => other,
        })?;
        target.commit()
    }
}
