//! Errors about files: what the operating system said, classified by `io::ErrorKind`
//! (never by its message text, which is English and ends in "(os error 21)"), and why an
//! output was refused. Each is one sentence naming the path, in the chosen language.

use std::io::ErrorKind;
use std::path::Path;

use crate::messages::i18n::Lang;

use super::Error;

/// What went wrong with a file, as far as a person needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OsProblem {
    NotFound,
    PermissionDenied,
    IsAFolder,
    NotAFolder,
    StorageFull,
    ReadOnlyDrive,
    AlreadyExists,
    BadName,
    Busy,
    /// Anything else: the kind's own short description is all there is to say.
    Other(ErrorKind),
}

/// Why an output file was refused (docs/design.md §10 "No output onto a book").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The target is the open book, its journal, WAL or shared-memory file, or a link to one.
    IsBook,
    /// The target is an SQLite database (another book, another program's data).
    IsDatabase,
    /// The command writes new files only (backup, demo) and the name is taken.
    Exists,
    /// A symbolic link to nothing: following it writes where the person did not look.
    DanglingLink,
    /// The target's folder does not exist; hunvon makes no folders for its outputs.
    NoFolder,
}

impl OsProblem {
    /// Classifies an error by its kind. Every kind std names is used; the raw OS number
    /// is not needed on the platforms hunvon runs on (ENOSPC is `StorageFull`, EDQUOT
    /// `QuotaExceeded`, EISDIR `IsADirectory`).
    pub fn of(e: &std::io::Error) -> OsProblem {
        match e.kind() {
            ErrorKind::NotFound => OsProblem::NotFound,
            ErrorKind::PermissionDenied => OsProblem::PermissionDenied,
            ErrorKind::IsADirectory => OsProblem::IsAFolder,
            ErrorKind::NotADirectory => OsProblem::NotAFolder,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge | ErrorKind::WriteZero => {
                OsProblem::StorageFull
            }
            ErrorKind::ReadOnlyFilesystem => OsProblem::ReadOnlyDrive,
            ErrorKind::AlreadyExists => OsProblem::AlreadyExists,
            ErrorKind::InvalidFilename => OsProblem::BadName,
            ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy => OsProblem::Busy,
            kind => OsProblem::Other(kind),
        }
    }

    /// Every named problem, for tests that check each sentence.
    pub const ALL: &'static [OsProblem] = &[
        OsProblem::NotFound,
        OsProblem::PermissionDenied,
        OsProblem::IsAFolder,
        OsProblem::NotAFolder,
        OsProblem::StorageFull,
        OsProblem::ReadOnlyDrive,
        OsProblem::AlreadyExists,
        OsProblem::BadName,
        OsProblem::Busy,
        OsProblem::Other(ErrorKind::Other),
    ];
}

impl Error {
    /// The error for an OS failure on `path`.
    pub fn os(path: &Path, e: &std::io::Error) -> Error {
        Error::Os { path: path.display().to_string(), problem: OsProblem::of(e) }
    }

    /// An output refused for `why`.
    pub fn refused_output(path: &Path, why: Refusal) -> Error {
        Error::Output { path: path.display().to_string(), why }
    }
}

/// The problem as a short phrase, for a sentence that names the path itself.
pub(super) fn reason(problem: OsProblem, lang: Lang) -> String {
    let phrase = match problem {
        OsProblem::NotFound => lang.pick("không có tệp hay thư mục này", "there is no such file or folder"),
        OsProblem::PermissionDenied => lang.pick("không có quyền đọc hoặc ghi", "permission denied"),
        OsProblem::IsAFolder => lang.pick("đó là một thư mục", "it is a folder"),
        OsProblem::NotAFolder => lang.pick(
            "đường dẫn đi qua một tệp như thể đó là thư mục",
            "the path goes through a file as if it were a folder",
        ),
        OsProblem::StorageFull => lang.pick("đĩa đầy", "the disk is full"),
        OsProblem::ReadOnlyDrive => lang.pick("ổ chỉ đọc", "the drive is read-only"),
        OsProblem::AlreadyExists => lang.pick("đã có tệp này", "it already exists"),
        OsProblem::BadName => lang.pick("tên không dùng được", "the name cannot be used"),
        OsProblem::Busy => lang.pick("đang được chương trình khác dùng", "another program is using it"),
        // The kind's description is English; it is the only detail the system gave.
        OsProblem::Other(kind) => {
            return match lang {
                Lang::Vi => format!("hệ điều hành báo: {kind}"),
                Lang::En => format!("the system said: {kind}"),
            };
        }
    };
    phrase.to_string()
}

pub(super) fn os_text(path: &str, problem: OsProblem, lang: Lang) -> String {
    use Lang::{En, Vi};
    match (problem, lang) {
        (OsProblem::NotFound, Vi) => format!("Không tìm thấy {path}: không có tệp hay thư mục này."),
        (OsProblem::NotFound, En) => format!("{path} was not found: there is no such file or folder."),
        (OsProblem::PermissionDenied, Vi) => format!("Không có quyền đọc hoặc ghi {path}."),
        (OsProblem::PermissionDenied, En) => format!("Permission denied: cannot read or write {path}."),
        (OsProblem::IsAFolder, Vi) => format!("{path} là một thư mục, không phải tệp: hãy ghi rõ tên tệp."),
        (OsProblem::IsAFolder, En) => format!("{path} is a folder, not a file: give a file name."),
        (OsProblem::NotAFolder, Vi) => format!("Đường dẫn {path} đi qua một tệp như thể đó là thư mục."),
        (OsProblem::NotAFolder, En) => format!("The path {path} goes through a file as if it were a folder."),
        (OsProblem::StorageFull, Vi) => format!("Đĩa đầy: không ghi được {path}."),
        (OsProblem::StorageFull, En) => format!("The disk is full: {path} could not be written."),
        (OsProblem::ReadOnlyDrive, Vi) => format!("{path} nằm trên ổ chỉ đọc: không ghi được."),
        (OsProblem::ReadOnlyDrive, En) => format!("{path} is on a read-only drive: it cannot be written."),
        (OsProblem::AlreadyExists, Vi) => format!("{path} đã có: hunvon không ghi đè tệp này."),
        (OsProblem::AlreadyExists, En) => format!("{path} already exists: hunvon does not overwrite it."),
        (OsProblem::BadName, Vi) => format!("Tên tệp {path} không dùng được (quá dài hoặc có ký tự không hợp lệ)."),
        (OsProblem::BadName, En) => format!("The file name {path} cannot be used (too long or an invalid character)."),
        (OsProblem::Busy, Vi) => format!("{path} đang được chương trình khác dùng: hãy thử lại sau."),
        (OsProblem::Busy, En) => format!("{path} is in use by another program: try again later."),
        // The kind's description is English; it is the only detail the system gave.
        (OsProblem::Other(kind), Vi) => format!("Không đọc hoặc ghi được {path} (hệ điều hành báo: {kind})."),
        (OsProblem::Other(kind), En) => format!("Cannot read or write {path} (the system said: {kind})."),
    }
}

pub(super) fn refusal_text(path: &str, why: Refusal, lang: Lang) -> String {
    use Lang::{En, Vi};
    match (why, lang) {
        (Refusal::IsBook, Vi) => {
            format!("Không ghi ra {path}: đó là tệp sổ (hoặc tệp đi kèm của sổ, hay liên kết tới nó); sổ giữ nguyên.")
        }
        (Refusal::IsBook, En) => {
            format!(
                "Not writing to {path}: it is a book (or a book's side file, or a link to one); the book is untouched."
            )
        }
        (Refusal::IsDatabase, Vi) => {
            format!("Không ghi ra {path}: đó là một cơ sở dữ liệu SQLite (có thể là một sổ); hãy chọn tên tệp khác.")
        }
        (Refusal::IsDatabase, En) => {
            format!("Not writing to {path}: it is an SQLite database (perhaps a book); choose another file name.")
        }
        (Refusal::Exists, Vi) => format!("{path} đã có: lệnh này chỉ ghi tệp mới, hãy chọn tên khác."),
        (Refusal::Exists, En) => {
            format!("{path} already exists: this command writes new files only; choose another name.")
        }
        (Refusal::DanglingLink, Vi) => {
            format!("Không ghi ra {path}: đó là liên kết tới một tệp không có; hãy xóa liên kết hoặc chọn tên khác.")
        }
        (Refusal::DanglingLink, En) => {
            format!(
                "Not writing to {path}: it is a link to a file that does not exist; remove it or choose another name."
            )
        }
        (Refusal::NoFolder, Vi) => format!("Không có thư mục {path}: hãy tạo thư mục trước (hunvon không tự tạo)."),
        (Refusal::NoFolder, En) => format!("There is no folder {path}: make it first (hunvon makes no folders)."),
    }
}

pub(super) fn no_terminal_text(lang: Lang) -> String {
    lang.pick(
        "Giao diện hunvon cần một cửa sổ dòng lệnh (terminal); không có terminal thì dùng các lệnh như `hunvon contribute`, `hunvon report`, `hunvon verify` (xem `hunvon --help`).",
        "The hunvon screen needs a terminal; without one use the commands, such as `hunvon contribute`, `hunvon report`, `hunvon verify` (see `hunvon --help`).",
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vietnamese letters beyond ASCII (đ, ư, ơ and every vowel with a tone mark).
    fn vietnamese(s: &str) -> bool {
        s.chars().any(|c| !c.is_ascii() && !"…—–".contains(c))
    }

    #[test]
    fn each_kind_is_one_sentence_with_the_path_and_no_os_number() {
        for &p in OsProblem::ALL {
            let en = os_text("/srv/so.csv", p, Lang::En);
            let vi = os_text("/srv/so.csv", p, Lang::Vi);
            assert!(!vietnamese(&en), "{en}");
            for s in [&en, &vi] {
                assert!(s.contains("/srv/so.csv") && s.ends_with('.') && !s.contains("os error"), "{s}");
                assert_eq!(s.lines().count(), 1);
            }
        }
        for why in [Refusal::IsBook, Refusal::IsDatabase, Refusal::Exists, Refusal::DanglingLink, Refusal::NoFolder] {
            assert!(!vietnamese(&refusal_text("a.db", why, Lang::En)));
        }
        assert!(!vietnamese(&no_terminal_text(Lang::En)));
    }

    #[test]
    fn classified_by_kind_not_text() {
        let e = std::io::Error::from(ErrorKind::IsADirectory);
        assert_eq!(OsProblem::of(&e), OsProblem::IsAFolder);
        let e = std::io::Error::new(ErrorKind::PermissionDenied, "Is a directory");
        assert_eq!(OsProblem::of(&e), OsProblem::PermissionDenied);
    }
}
