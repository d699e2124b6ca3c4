//! Refusals of the encrypted hand-in (SPEC §9): the district's key files, `handin`, and
//! `collect --identity`. One sentence each, naming the file; never a key's secret half.

use crate::messages::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HandinError {
    /// `handin` with no `--to` and no district key set for the pool.
    NoKey { pool: String },
    /// `handin` of a book that does not pass `verify`: how many problems it named.
    NotVerified { problems: usize },
    /// A key file that holds no age identity (`AGE-SECRET-KEY-1…`).
    NotAKeyFile { file: String },
    /// `collect --identity` of a file that is not an age file.
    NotEncrypted { file: String },
    /// `collect` without `--identity` of an encrypted hand-in.
    NeedsIdentity { file: String },
    /// The hand-in was encrypted to other keys than the one given, or was damaged.
    WrongKey { file: String, key: String },
    /// The decrypted hand-in holds no hunvon book.
    NotABook { file: String },
}

impl HandinError {
    /// One sentence in the chosen language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (HandinError::NoKey { pool }, Vi) => format!(
                "Quỹ {pool} chưa có khóa của Hội huyện: ghi một lần bằng `hunvon pool set --district-key age1…` (khóa công khai Hội huyện đưa), hoặc thêm --to age1…; chưa nộp gì."
            ),
            (HandinError::NoKey { pool }, En) => format!(
                "Pool {pool} has no district key: set it once with `hunvon pool set --district-key age1…` (the public key the district gave you), or add --to age1…; nothing was handed in."
            ),
            (HandinError::NotVerified { problems }, Vi) => format!(
                "Sổ không qua được kiểm tra ({problems} lỗi, xem `hunvon verify`): không nộp sổ hỏng cho Hội huyện; chưa ghi tệp nào."
            ),
            (HandinError::NotVerified { problems }, En) => format!(
                "The book does not pass its check ({problems} problems, see `hunvon verify`): a broken book is not handed in; no file was written."
            ),
            (HandinError::NotAKeyFile { file }, Vi) => {
                format!(
                    "{file} không phải tệp khóa của Hội huyện (tệp do `hunvon key new` tạo, có dòng AGE-SECRET-KEY-1…)."
                )
            }
            (HandinError::NotAKeyFile { file }, En) => format!(
                "{file} is not a district key file (the file `hunvon key new` wrote, with an AGE-SECRET-KEY-1… line)."
            ),
            (HandinError::NotEncrypted { file }, Vi) => {
                format!(
                    "{file} không phải sổ nộp đã mã hóa (hunvon handin): bỏ --identity để nhận một sổ không mã hóa."
                )
            }
            (HandinError::NotEncrypted { file }, En) => format!(
                "{file} is not an encrypted hand-in (hunvon handin): leave out --identity to collect an unencrypted book."
            ),
            (HandinError::NeedsIdentity { file }, Vi) => {
                format!("{file} là sổ nộp đã mã hóa: thêm --identity TỆP_KHÓA (khóa của Hội huyện) để mở.")
            }
            (HandinError::NeedsIdentity { file }, En) => {
                format!("{file} is an encrypted hand-in: add --identity KEY_FILE (the district's key) to open it.")
            }
            (HandinError::WrongKey { file, key }, Vi) => format!(
                "Khóa {key} không mở được {file}: sổ được mã hóa cho khóa khác (hoặc tệp đã hỏng); không nhận gì."
            ),
            (HandinError::WrongKey { file, key }, En) => format!(
                "The key {key} does not open {file}: it was encrypted to another key (or the file is damaged); nothing collected."
            ),
            (HandinError::NotABook { file }, Vi) => {
                format!("{file} mở được nhưng bên trong không phải sổ hunvon; không nhận gì.")
            }
            (HandinError::NotABook { file }, En) => {
                format!("{file} opens, but what it holds is not a hunvon book; nothing collected.")
            }
        }
    }
}

impl From<HandinError> for super::Error {
    fn from(e: HandinError) -> Self {
        super::Error::Handin(Box::new(e))
    }
}
