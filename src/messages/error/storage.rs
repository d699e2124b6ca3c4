//! Errors from the storage libraries, kept with their source: SQLite's failures sorted
//! by result code (never by their English message), a file that could not be opened, and
//! a stored value this build has no meaning for.

use rusqlite::ffi::ErrorCode;

use super::{BookError, Error, OsProblem, files, quoted};
use crate::messages::i18n::Lang;

/// Why a file could not be opened, as the library that failed said it.
#[derive(Debug, thiserror::Error)]
pub enum OpenCause {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

/// A value read from the book that this build has no meaning for: a row that cannot be
/// read as it stands (written by a newer hunvon, or changed behind its back).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what:?} {value:?}")]
pub struct UnknownCode {
    pub what: Stored,
    pub value: String,
}

/// What kind of stored value an [`UnknownCode`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Kind,
    Series,
    Account,
    Method,
    Gender,
    Category,
}

/// SQLite's failures by their result code (never by their English message): those a
/// person can act on get their own sentence, the rest keep SQLite's error as their source.
impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        match &e {
            rusqlite::Error::FromSqlConversionFailure(_, _, cause) => match cause.downcast_ref::<UnknownCode>() {
                Some(u) => Error::UnknownCode(u.clone()),
                None => Error::Sqlite(e),
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
                _ => Error::Sqlite(e),
            },
            _ => Error::Sqlite(e),
        }
    }
}

pub(super) fn cause_text(cause: &OpenCause, lang: Lang) -> String {
    match cause {
        OpenCause::Io(e) => files::reason(OsProblem::of(e), lang),
        // SQLite's own message is English; it is the only detail there is.
        OpenCause::Sqlite(e) => e.to_string(),
    }
}

pub(super) fn unknown_code_text(u: &UnknownCode, lang: Lang) -> String {
    let what = match u.what {
        Stored::Kind => lang.pick("loại chứng từ", "voucher kind"),
        Stored::Series => lang.pick("loại sổ chứng từ", "voucher series"),
        Stored::Account => lang.pick("tài khoản", "account"),
        Stored::Method => lang.pick("cách trả", "payment method"),
        Stored::Gender => lang.pick("giới tính", "sex"),
        Stored::Category => lang.pick("đối tượng", "category"),
    };
    match lang {
        Lang::Vi => format!(
            "Sổ có một dòng không đọc được: {what} {} không có trong phiên bản hunvon này (sổ do bản mới hơn ghi, hoặc đã bị sửa ngoài hunvon).",
            quoted(&u.value)
        ),
        Lang::En => format!(
            "The book has a row that cannot be read: {what} {} is unknown to this hunvon (written by a newer one, or changed outside hunvon).",
            quoted(&u.value)
        ),
    }
}
