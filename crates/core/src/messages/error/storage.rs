//! Errors from storage, kept with their source: a storage failure no sentence names (the
//! store sorts SQLite's by result code, never by their English message, in
//! `hunvon_store::fault`), a file that could not be opened, and a stored value this build
//! has no meaning for.

use super::{OsProblem, files, quoted};
use crate::messages::i18n::Lang;

/// Why a file could not be opened, as the library that failed said it.
#[derive(Debug, thiserror::Error)]
pub enum OpenCause {
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Storage(#[from] StorageFault),
}

/// A failure of the storage library that no sentence of ours names (the store sorts the
/// ones a person can act on into their own errors first: busy, disk full, read-only,
/// not a database). It keeps the library's error as its source, without naming its type,
/// so this crate needs no storage library.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct StorageFault(pub Box<dyn std::error::Error + Send + Sync>);

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

pub(super) fn cause_text(cause: &OpenCause, lang: Lang) -> String {
    match cause {
        OpenCause::Io(e) => files::reason(OsProblem::of(e), lang),
        // SQLite's own message is English; it is the only detail there is.
        OpenCause::Storage(e) => e.to_string(),
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
