//! Refusals about the book file itself: a path with no book, a file that is not hunvon's,
//! a book that cannot be read or written where it lies. Each names the path and says what
//! to do; none is SQLite's raw "unable to open database file".

use crate::messages::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookError {
    /// A command that only reads or changes a book, on a path where there is none.
    Missing(String),
    /// A zero-byte file: it may be another program's, so it is not made into a book.
    Empty(String),
    /// An SQLite file without hunvon's mark or tables.
    Foreign(String),
    /// The path is a folder.
    Folder(String),
    /// `--read-only` on a WAL book whose `-wal` holds writes that cannot be read here.
    WalPending(String),
    /// `--read-only` on a book whose last write was cut off (a hot `-journal`).
    HotJournal(String),
    /// A writing open where the file or its folder cannot be written.
    ReadOnlyPlace(String),
    /// `--read-only` where SQLite cannot read the book at all.
    Unreadable(String),
    /// A book whose structure another program changed so that hunvon cannot go on: its
    /// `user_version` set back (the migrations would run again), its `chain` made a view.
    Tampered(String),
}

impl BookError {
    /// One sentence in the chosen language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (BookError::Missing(p), Vi) => format!(
                "Không có sổ nào ở {p}: kiểm tra lại --db (hoặc HUNVON_DB); sổ mới chỉ được tạo bằng `hunvon init --pool MÃ --name TÊN`."
            ),
            (BookError::Missing(p), En) => format!(
                "There is no book at {p}: check --db (or HUNVON_DB); a new book is made only by `hunvon init --pool CODE --name NAME`."
            ),
            (BookError::Empty(p), Vi) => format!(
                "Tệp {p} trống (0 byte), không phải sổ hunvon: hunvon không dùng tệp có sẵn của người khác; hãy chọn tên khác hoặc tự xóa tệp đó."
            ),
            (BookError::Empty(p), En) => format!(
                "{p} is an empty file (0 bytes), not a hunvon book: hunvon does not take over a file it did not make; choose another name or delete that file yourself."
            ),
            (BookError::Foreign(p), Vi) => format!(
                "Tệp {p} là cơ sở dữ liệu SQLite của chương trình khác, không phải sổ hunvon: không đọc, không ghi gì vào đó."
            ),
            (BookError::Foreign(p), En) => {
                format!("{p} is another program's SQLite database, not a hunvon book: nothing was read or written.")
            }
            (BookError::Folder(p), Vi) => format!("{p} là một thư mục, không phải tệp sổ: --db phải chỉ tới một tệp."),
            (BookError::Folder(p), En) => format!("{p} is a folder, not a book file: --db must name a file."),
            (BookError::WalPending(p), Vi) => format!(
                "Không đọc được sổ {p} ở chế độ chỉ xem: tệp {p}-wal bên cạnh còn giữ những lần ghi chưa gộp vào tệp sổ, mà ở đây không gộp được; hãy chép cả {p} lẫn {p}-wal vào một thư mục ghi được và mở một lần không có --read-only (hunvon sẽ gộp vào tệp sổ), rồi đọc lại."
            ),
            (BookError::WalPending(p), En) => format!(
                "Cannot read {p} read-only: the {p}-wal file beside it holds writes not yet folded into the book file, and they cannot be folded in here; copy both {p} and {p}-wal to a writable folder and open it once without --read-only (hunvon folds them in), then read it again."
            ),
            (BookError::HotJournal(p), Vi) => format!(
                "Không đọc được sổ {p} ở chế độ chỉ xem: lần ghi cuối bị ngắt giữa chừng ({p}-journal) và phải được hoàn tác trước; hãy mở sổ một lần không có --read-only ở nơi ghi được (chép cả hai tệp), rồi đọc lại."
            ),
            (BookError::HotJournal(p), En) => format!(
                "Cannot read {p} read-only: its last write was cut off ({p}-journal) and must be undone first; open the book once without --read-only where it can be written (copy both files), then read it again."
            ),
            (BookError::Tampered(p), Vi) => format!(
                "Sổ {p} đã bị sửa bằng chương trình khác: cấu trúc của nó (phiên bản ghi trong tệp, bảng chain) không còn như hunvon tạo ra. Không ghi gì; dùng bản sao lưu gần nhất và báo Ban kiểm tra."
            ),
            (BookError::Tampered(p), En) => format!(
                "The book {p} was changed by another program: its structure (the version it records, table chain) is no longer what hunvon made. Nothing written; use the latest backup and tell the control board."
            ),
            (BookError::Unreadable(p), Vi) => format!("Không mở được {p}: SQLite không đọc được sổ ở đây."),
            (BookError::Unreadable(p), En) => format!("Cannot open {p}: SQLite cannot read the book here."),
            (BookError::ReadOnlyPlace(p), Vi) if p.is_empty() => {
                "Sổ nằm ở nơi không ghi được (tệp, thư mục hoặc ổ chỉ đọc): để xem, thêm --read-only; để ghi, chép sổ vào nơi ghi được.".into()
            }
            (BookError::ReadOnlyPlace(p), En) if p.is_empty() => {
                "The book is where nothing can be written (a read-only file, folder or drive): add --read-only to look at it; copy it somewhere writable to write.".into()
            }
            (BookError::ReadOnlyPlace(p), Vi) => format!(
                "Sổ {p} nằm ở nơi không ghi được (tệp, thư mục hoặc ổ chỉ đọc): để xem, thêm --read-only; để ghi, chép sổ vào nơi ghi được."
            ),
            (BookError::ReadOnlyPlace(p), En) => format!(
                "The book {p} is where nothing can be written (a read-only file, folder or drive): add --read-only to look at it; copy it somewhere writable to write."
            ),
        }
    }
}

impl super::Error {
    /// Names the book in a refusal that SQLite raised without knowing its path.
    pub fn at_book(self, path: &std::path::Path) -> super::Error {
        match self {
            super::Error::Book(BookError::ReadOnlyPlace(p)) if p.is_empty() => {
                BookError::ReadOnlyPlace(path.display().to_string()).into()
            }
            super::Error::NotADatabase(p) if p.is_empty() => super::Error::NotADatabase(path.display().to_string()),
            super::Error::Book(BookError::Tampered(p)) if p.is_empty() => {
                BookError::Tampered(path.display().to_string()).into()
            }
            other => other,
        }
    }
}

impl From<BookError> for super::Error {
    fn from(e: BookError) -> Self {
        super::Error::Book(e)
    }
}
