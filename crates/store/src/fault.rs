//! The store's own error: every store function returns it, so no rusqlite type crosses
//! the crate's edge. SQLite's failures are sorted here by result code (never by their
//! English message) into the sentences a person can act on — busy, disk full, read-only,
//! not a database, a stored value this build does not know —; the rest keep SQLite's
//! error as their source. The layers above turn it into `hunvon_core`'s error with `?`.

use rusqlite::ffi::ErrorCode;

use hunvon_core::messages::error::{BookError, Error, OpenCause, StorageFault, UnknownCode};

/// What a store function failed with: one of hunvon's errors, already sorted.
#[derive(Debug)]
pub struct StoreError(Error);

/// A store function's result.
pub type Result<T> = std::result::Result<T, StoreError>;

impl StoreError {
    /// The error as a person reads it.
    pub fn into_error(self) -> Error {
        self.0
    }

    /// The error, to look at without taking it.
    pub fn error(&self) -> &Error {
        &self.0
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl From<Error> for StoreError {
    fn from(e: Error) -> Self {
        StoreError(e)
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        e.0
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(sorted(e))
    }
}

/// SQLite's failure as the error a person can act on, else kept as the source.
pub(crate) fn sorted(e: rusqlite::Error) -> Error {
    let kept = |e: rusqlite::Error| Error::Storage(StorageFault(Box::new(e)));
    match &e {
        rusqlite::Error::FromSqlConversionFailure(_, _, cause) => match cause.downcast_ref::<UnknownCode>() {
            Some(u) => Error::UnknownCode(u.clone()),
            None => kept(e),
        },
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::Busy,
            ErrorCode::DiskFull => Error::DiskFull,
            // Extended codes (folder, lock, journal): the book lies where it cannot be written.
            ErrorCode::ReadOnly if f.extended_code != rusqlite::ffi::SQLITE_READONLY => {
                Error::Book(BookError::ReadOnlyPlace(String::new()))
            }
            ErrorCode::ReadOnly => Error::ReadOnly,
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => Error::NotADatabase(String::new()),
            _ => kept(e),
        },
        _ => kept(e),
    }
}

/// The errors of one area that store functions return as they are.
macro_rules! passes_through {
    ($($t:ty),*) => {$(
        impl From<$t> for StoreError {
            fn from(e: $t) -> Self {
                StoreError(e.into())
            }
        }
    )*};
}

passes_through!(
    hunvon_core::messages::error::BookError,
    hunvon_core::messages::error::Bound,
    hunvon_core::messages::error::DistrictError,
    hunvon_core::messages::error::HandinError
);

/// Why a file could not be opened, from SQLite's failure.
pub(crate) fn open_cause(e: rusqlite::Error) -> OpenCause {
    OpenCause::Storage(StorageFault(Box::new(e)))
}
