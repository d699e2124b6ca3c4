//! Everything that can refuse a request, with one clear sentence per case in each language.
//!
//! A refusal names the field (a flag such as `--amount`, or a CSV column) and the value.
//! Nothing here prints a Rust type name, a backtrace, a CCCD or a phone number.

mod files;

use chrono::NaiveDate;

pub use files::{OsProblem, Refusal};

use crate::domain::date::format_vn;
use crate::domain::money::{AmountError, Dong};
use crate::messages::i18n::Lang;
use crate::rules::RuleError;

mod book;
mod bound;
mod count;
mod district;
mod expected;
mod handin;
mod outreach;
mod storage;

pub use book::BookError;
pub use bound::Bound;
pub use count::CountError;
pub use district::{Broken, DistrictError, breach_words};
pub use expected::{Expected, Unique};
pub use handin::HandinError;
pub use outreach::{MAX_OUTSIDE_CARD_MONTHS, OutreachError};
pub use storage::{OpenCause, StorageFault, Stored, UnknownCode};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("bad amount {value:?} in {field}: {why}")]
    BadAmount { field: String, value: String, why: AmountError },
    #[error("bad date {value:?} in {field}")]
    BadDate { field: String, value: String },
    #[error("date {date} in {field} is after today {today}")]
    FutureDate { field: String, date: NaiveDate, today: NaiveDate },
    #[error("bad value {value:?} in {field}")]
    BadValue { field: String, value: String, expected: Expected },
    #[error("empty {field}")]
    Empty { field: String },
    #[error("unknown person {0}")]
    UnknownPerson(String),
    #[error("unknown household {0}")]
    UnknownHousehold(String),
    #[error("unknown voucher {0}")]
    UnknownVoucher(String),
    #[error("unknown record {0}")]
    UnknownRecord(String),
    #[error("unknown pool {0}")]
    UnknownPool(String),
    #[error("duplicate {what:?} {value}")]
    Duplicate { what: Unique, value: String },
    #[error("no pool")]
    NoPool,
    #[error("pool required")]
    PoolRequired { pools: Vec<String> },
    #[error("one pool only")]
    OnePoolOnly { pools: Vec<String> },
    #[error("already reversed {voucher} by {by}")]
    AlreadyReversed { voucher: String, by: String },
    #[error("cannot reverse a reversal {0}")]
    ReverseOfReversal(String),
    #[error("reversal date before original")]
    ReverseBeforeOriginal { voucher: String, original: NaiveDate, date: NaiveDate },
    #[error("later purchase {later} depends on {voucher}")]
    LaterPurchaseFirst { voucher: String, later: String },
    #[error("same account")]
    SameAccount,
    #[error("bank reference without bank")]
    BankRefWithoutBank(String),
    #[error("unbalanced transaction")]
    Unbalanced { sum: Dong },
    #[error("read-only")]
    ReadOnly,
    #[error("import has {} bad rows", rows.len())]
    Import { rows: Vec<RowError> },
    #[error("rule: {0}")]
    Rule(#[from] RuleError),
    #[error("no payer for {person}")]
    NoPayer { person: String },
    #[error("persons of different households")]
    MixedHouseholds,
    #[error("card dates need one person")]
    CardDatesNeedOnePerson,
    /// `--year` given to a report other than `targets` (which would otherwise ignore it).
    #[error("--year for report {0}")]
    YearOnlyForTargets(String),
    #[error("not a database {0}")]
    NotADatabase(String),
    #[error("newer schema {found} > {known}")]
    NewerSchema { found: i64, known: i64 },
    #[error("cannot open {path}")]
    CannotOpen {
        path: String,
        #[source]
        cause: OpenCause,
    },
    #[error("database busy")]
    Busy,
    #[error("disk full")]
    DiskFull,
    #[error("{path}: {problem:?}")]
    Os { path: String, problem: OsProblem },
    #[error("output {path} refused: {why:?}")]
    Output { path: String, why: Refusal },
    #[error("no terminal")]
    NoTerminal,
    #[error("missing column {0}")]
    MissingColumn(String),
    #[error("column {column} repeated")]
    DuplicateColumn { column: String, expected: String },
    #[error("file imported before on {on}")]
    AlreadyImported { file: String, on: NaiveDate },
    #[error("out of bounds: {0:?}")]
    Bound(Bound),
    #[error("csv")]
    Csv(#[from] csv::Error),
    #[error("row of {found} cells under a header of {expected}")]
    CsvWidth { found: usize, expected: usize },
    #[error("column {0} is not UTF-8")]
    CsvNotUtf8(String),
    #[error("account {0} missing")]
    MissingAccount(String),
    #[error("copy {0} does not match the book")]
    BadCopy(String),
    #[error("a stored value this build does not know")]
    UnknownCode(#[from] UnknownCode),
    #[error("storage")]
    Storage(#[source] StorageFault),
    #[error("pdf: {0}")]
    Pdf(String),
    #[error("book file: {0:?}")]
    Book(BookError),
    #[error("left before joined")]
    LeftBeforeJoined { field: String, left: NaiveDate, joined: NaiveDate },
    #[error("{person} is not a member")]
    LeftNotMember { person: String },
    #[error("withdrawal beyond balance")]
    BeyondBalance { person: String, balance: Dong, amount: Dong },
    #[error("district: {0:?}")]
    District(Box<DistrictError>),
    #[error("count: {0:?}")]
    Count(CountError),
    #[error("hand-in: {0:?}")]
    Handin(Box<HandinError>),
    #[error("outreach: {0:?}")]
    Outreach(OutreachError),
}

impl From<CountError> for Error {
    fn from(e: CountError) -> Error {
        Error::Count(e)
    }
}

/// One bad row of an import: its line number (the header is line 1) and why.
#[derive(Debug)]
pub struct RowError {
    pub line: u64,
    pub error: Error,
}

impl From<Bound> for Error {
    fn from(b: Bound) -> Self {
        Error::Bound(b)
    }
}

fn quoted(v: &str) -> String {
    // Long or multi-line values would drown the sentence: show the start only, and any
    // character a terminal would act on as `\u{1b}`.
    let mut s: String = v.chars().take(40).collect();
    if v.chars().count() > 40 {
        s.push('…');
    }
    format!("'{}'", crate::domain::text::escape_hidden(&s))
}

/// A citizen ID shown in a message: its first three and last two characters only, so a
/// refusal can be matched to the row without putting the number in a log.
/// One allocation: a province's coverage list masks 100.000 of them.
pub fn mask_id(v: &str) -> String {
    let v = v.trim();
    let n = v.chars().count();
    if n < 6 {
        return "*".repeat(n);
    }
    v.chars().enumerate().map(|(i, c)| if i < 3 || i + 2 >= n { c } else { '*' }).collect()
}

fn amount_why(why: &AmountError, lang: Lang) -> &'static str {
    match why {
        AmountError::Empty => lang.pick("chưa nhập số tiền", "no amount given"),
        AmountError::Fractional => {
            lang.pick("chỉ nhận số đồng nguyên, không có phần lẻ", "whole đồng only, no fractions")
        }
        AmountError::Negative => lang.pick("số tiền phải lớn hơn 0", "the amount must be positive"),
        AmountError::Zero => lang.pick("số tiền phải khác 0", "the amount must not be zero"),
        AmountError::Malformed => {
            lang.pick("viết như 1263600, 1.263.600 hoặc 1 263 600", "write it as 1263600, 1.263.600 or 1 263 600")
        }
        AmountError::TooLarge => lang.pick("số tiền quá lớn", "the amount is too large"),
    }
}

impl Error {
    /// One sentence for a person, in the chosen language. Nothing in it reaches a terminal
    /// raw: a value someone typed that carries an escape or a bidi override shows it as
    /// `\u{1b}` (an import's list keeps its own line breaks).
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Error::Import { .. } => self.sentence(lang),
            _ => crate::domain::text::escape_hidden(&self.sentence(lang)),
        }
    }

    fn sentence(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (Error::BadAmount { field, value, why }, Vi) => {
                format!("Số tiền {} ở {field} không hợp lệ: {}.", quoted(value), amount_why(why, lang))
            }
            (Error::BadAmount { field, value, why }, En) => {
                format!("Amount {} in {field} is not valid: {}.", quoted(value), amount_why(why, lang))
            }
            (Error::BadDate { field, value }, Vi) => format!(
                "Ngày {} ở {field} không hợp lệ: viết dd/mm/yyyy hoặc YYYY-MM-DD và là một ngày có thật.",
                quoted(value)
            ),
            (Error::BadDate { field, value }, En) => format!(
                "Date {} in {field} is not valid: write dd/mm/yyyy or YYYY-MM-DD, and a day that exists.",
                quoted(value)
            ),
            (Error::FutureDate { field, date, today }, Vi) => format!(
                "Ngày {} ở {field} sau hôm nay ({}): không ghi chứng từ cho ngày chưa tới.",
                format_vn(*date),
                format_vn(*today)
            ),
            (Error::FutureDate { field, date, today }, En) => format!(
                "Date {} in {field} is after today ({}): vouchers cannot be dated in the future.",
                format_vn(*date),
                format_vn(*today)
            ),
            (Error::BadValue { field, value, expected: expected @ (Expected::Cccd | Expected::BhxhCode) }, _) => {
                let shown = quoted(&mask_id(value));
                match lang {
                    Vi => format!("Giá trị {shown} ở {field} không hợp lệ: {}.", expected.text(lang)),
                    En => format!("Value {shown} in {field} is not valid: {}.", expected.text(lang)),
                }
            }
            (Error::BadValue { field, value, expected }, Vi) => {
                format!("Giá trị {} ở {field} không hợp lệ: {}.", quoted(value), expected.text(lang))
            }
            (Error::BadValue { field, value, expected }, En) => {
                format!("Value {} in {field} is not valid: {}.", quoted(value), expected.text(lang))
            }
            (Error::Empty { field }, Vi) => format!("Chưa nhập {field}."),
            (Error::Empty { field }, En) => format!("{field} is empty."),
            (Error::UnknownPerson(c), Vi) => format!("Không có người mã {c} trong quỹ này."),
            (Error::UnknownPerson(c), En) => format!("There is no person with code {c} in this pool."),
            (Error::UnknownHousehold(c), Vi) => format!("Không có hộ mã {c} trong quỹ này."),
            (Error::UnknownHousehold(c), En) => format!("There is no household with code {c} in this pool."),
            (Error::UnknownVoucher(v), Vi) => format!("Không có chứng từ số {v} trong quỹ này."),
            (Error::UnknownVoucher(v), En) => format!("There is no voucher {v} in this pool."),
            (Error::UnknownRecord(r), Vi) => {
                format!("Không có bản ghi {r} trong chuỗi băm của quỹ này (ghi số chứng từ hoặc #vị_trí).")
            }
            (Error::UnknownRecord(r), En) => {
                format!("There is no record {r} in this pool's hash chain (give a voucher number or #place).")
            }
            (Error::UnknownPool(c), Vi) => format!("Không có quỹ mã {c} trong tệp này."),
            (Error::UnknownPool(c), En) => format!("There is no pool with code {c} in this file."),
            (Error::Duplicate { what: what @ (Unique::Cccd | Unique::BhxhCode), value }, _) => match lang {
                Vi => format!("{} {} đã có trong quỹ này.", what.text(lang), mask_id(value)),
                En => format!("{} {} already exists in this pool.", what.text(lang), mask_id(value)),
            },
            (Error::Duplicate { what, value }, Vi) => format!("{} {value} đã có trong quỹ này.", what.text(lang)),
            (Error::Duplicate { what, value }, En) => {
                format!("{} {value} already exists in this pool.", what.text(lang))
            }
            (Error::NoPool, Vi) => "Tệp chưa có quỹ nào: tạo quỹ bằng `hunvon init --pool MÃ --name TÊN`.".into(),
            (Error::NoPool, En) => {
                "The file has no pool yet: create one with `hunvon init --pool CODE --name NAME`.".into()
            }
            (Error::PoolRequired { pools }, Vi) => {
                format!("Tệp có nhiều quỹ, hãy chọn bằng --pool: {}.", pools.join(", "))
            }
            (Error::PoolRequired { pools }, En) => {
                format!("The file holds several pools; choose one with --pool: {}.", pools.join(", "))
            }
            (Error::OnePoolOnly { pools }, Vi) => format!(
                "Phiếu là chứng từ của một quỹ, không in được cho --pool all: hãy chọn một quỹ bằng --pool ({}).",
                pools.join(", ")
            ),
            (Error::OnePoolOnly { pools }, En) => format!(
                "A slip is a voucher of one pool and cannot be printed for --pool all: choose one with --pool ({}).",
                pools.join(", ")
            ),
            (Error::AlreadyReversed { voucher, by }, Vi) => format!("Chứng từ {voucher} đã được hủy bằng {by}."),
            (Error::AlreadyReversed { voucher, by }, En) => format!("Voucher {voucher} was already reversed by {by}."),
            (Error::ReverseOfReversal(v), Vi) => {
                format!("{v} là chứng từ hủy, không thể hủy lại: hãy ghi lại giao dịch gốc.")
            }
            (Error::ReverseOfReversal(v), En) => {
                format!("{v} is a reversal and cannot be reversed: enter the transaction again instead.")
            }
            (Error::ReverseBeforeOriginal { voucher, original, date }, Vi) => format!(
                "Ngày hủy {} ở --date trước ngày của chứng từ {voucher} ({}).",
                format_vn(*date),
                format_vn(*original)
            ),
            (Error::ReverseBeforeOriginal { voucher, original, date }, En) => format!(
                "Reversal date {} in --date is before the date of {voucher} ({}).",
                format_vn(*date),
                format_vn(*original)
            ),
            (Error::LaterPurchaseFirst { voucher, later }, Vi) => format!(
                "Không thể hủy {voucher}: lần mua sau {later} của cùng người tính ngày từ lần này; hãy hủy {later} trước."
            ),
            (Error::LaterPurchaseFirst { voucher, later }, En) => format!(
                "Cannot reverse {voucher}: the later purchase {later} of the same person was dated from it; reverse {later} first."
            ),
            (Error::SameAccount, Vi) => "--from và --to phải khác nhau (cash và bank).".into(),
            (Error::SameAccount, En) => "--from and --to must differ (cash and bank).".into(),
            (Error::BankRefWithoutBank(r), Vi) => {
                format!(
                    "--bank-ref \"{r}\": chỉ chứng từ qua ngân hàng (--method bank, transfer) mới có số tham chiếu của ngân hàng."
                )
            }
            (Error::BankRefWithoutBank(r), En) => {
                format!(
                    "--bank-ref \"{r}\": only a voucher through the bank (--method bank, transfer) has a bank reference."
                )
            }
            (Error::Unbalanced { sum }, Vi) => format!("Bút toán không cân: tổng các dòng là {sum}, phải bằng 0."),
            (Error::Unbalanced { sum }, En) => format!("Unbalanced transaction: its postings sum to {sum}, not 0."),
            (Error::ReadOnly, Vi) => "Đang ở chế độ chỉ xem (--read-only): không ghi được gì vào sổ.".into(),
            (Error::ReadOnly, En) => "Read-only mode (--read-only): nothing can be written.".into(),
            (Error::Import { rows }, _) => {
                let head = match lang {
                    Vi => format!("Không nhập gì cả: {} dòng sai.", rows.len()),
                    En => format!("Nothing imported: {} bad rows.", rows.len()),
                };
                let lines: Vec<String> = rows
                    .iter()
                    .map(|r| format!("{} {}: {}", lang.pick("Dòng", "Line"), r.line, r.error.text(lang)))
                    .collect();
                format!("{head}\n{}", lines.join("\n"))
            }
            (Error::Rule(e), _) => crate::messages::rules_text::rule_error_text(e, lang),
            (Error::NoPayer { person }, Vi) => format!(
                "{person} không phải thành viên và không có người bảo trợ: hãy chỉ rõ --payer (mã người hoặc fund:common)."
            ),
            (Error::NoPayer { person }, En) => format!(
                "{person} is not a member and has no sponsor: name the payer with --payer (a person code or fund:common)."
            ),
            (Error::MixedHouseholds, Vi) => {
                "Những người ở --person thuộc các hộ khác nhau: mỗi lần mua BHYT chỉ cho một hộ.".into()
            }
            (Error::MixedHouseholds, En) => {
                "The persons in --person belong to different households: one BHYT purchase is for one household.".into()
            }
            (Error::CardDatesNeedOnePerson, Vi) => "--card-from/--card-to chỉ dùng khi mua cho một người.".into(),
            (Error::CardDatesNeedOnePerson, En) => "--card-from/--card-to are accepted only for one person.".into(),
            (Error::YearOnlyForTargets(report), Vi) => format!(
                "--year chỉ dùng cho báo cáo targets; báo cáo {report} lấy kỳ theo --from và --to (ví dụ --from 01/01/2025 --to 31/12/2025)."
            ),
            (Error::YearOnlyForTargets(report), En) => format!(
                "--year is for the targets report only; the {report} report takes its period from --from and --to (e.g. --from 01/01/2025 --to 31/12/2025)."
            ),
            (Error::NotADatabase(p), Vi) => {
                format!("Tệp {p} không phải sổ hunvon (không phải cơ sở dữ liệu SQLite hoặc đã hỏng).")
            }
            (Error::NotADatabase(p), En) => format!("{p} is not a hunvon book (not an SQLite database, or damaged)."),
            (Error::NewerSchema { found, known }, Vi) => format!(
                "Sổ này do phiên bản hunvon mới hơn tạo (lược đồ {found}, bản này hiểu tới {known}): hãy cập nhật hunvon."
            ),
            (Error::NewerSchema { found, known }, En) => format!(
                "This book was written by a newer hunvon (schema {found}, this one knows up to {known}): update hunvon."
            ),
            (Error::CannotOpen { path, cause }, Vi) => {
                format!("Không mở được {path}: {}.", storage::cause_text(cause, lang))
            }
            (Error::CannotOpen { path, cause }, En) => {
                format!("Cannot open {path}: {}.", storage::cause_text(cause, lang))
            }
            (Error::Busy, Vi) => {
                "Sổ đang được một chương trình khác ghi; đã chờ mà chưa xong, hãy thử lại sau ít giây.".into()
            }
            (Error::Busy, En) => {
                "Another program is writing to the book; waited, still busy — try again in a few seconds.".into()
            }
            (Error::DiskFull, Vi) => "Đĩa đầy: không ghi được, sổ vẫn nguyên như trước.".into(),
            (Error::DiskFull, En) => "The disk is full: nothing was written, the book is as it was.".into(),
            (Error::Os { path, problem }, _) => files::os_text(path, *problem, lang),
            (Error::Output { path, why }, _) => files::refusal_text(path, *why, lang),
            (Error::NoTerminal, _) => files::no_terminal_text(lang),
            (Error::MissingColumn(c), Vi) => format!("Thiếu cột {c} ở dòng tiêu đề."),
            (Error::MissingColumn(c), En) => format!("The header row lacks the column {c}."),
            (Error::DuplicateColumn { column, expected }, Vi) => {
                format!("Cột {column} có hai lần ở dòng tiêu đề; tiêu đề đúng: {expected}")
            }
            (Error::DuplicateColumn { column, expected }, En) => {
                format!("The header row has the column {column} twice; the expected header: {expected}")
            }
            (Error::AlreadyImported { file, on }, Vi) => format!(
                "Tệp {file} đã được nhập vào quỹ này ngày {}: không nhập gì cả; thêm --again nếu thật sự muốn nhập lại.",
                format_vn(*on)
            ),
            (Error::AlreadyImported { file, on }, En) => format!(
                "The file {file} was imported into this pool on {}: nothing imported; add --again to import it once more.",
                format_vn(*on)
            ),
            (Error::Bound(b), _) => b.text(lang),
            (Error::Csv(e), Vi) => format!("Dòng CSV không đọc được: {e}."),
            (Error::Csv(e), En) => format!("Unreadable CSV row: {e}."),
            (Error::CsvWidth { found, expected }, Vi) => {
                format!("Dòng CSV không đọc được: {found} ô, trong khi dòng tiêu đề có {expected} cột.")
            }
            (Error::CsvWidth { found, expected }, En) => {
                format!("Unreadable CSV row: {found} cells under a header of {expected} columns.")
            }
            (Error::CsvNotUtf8(c), Vi) => format!("Dòng CSV không đọc được: cột {c} không phải văn bản UTF-8."),
            (Error::CsvNotUtf8(c), En) => format!("Unreadable CSV row: column {c} is not UTF-8 text."),
            (Error::UnknownCode(u), _) => storage::unknown_code_text(u, lang),
            (Error::BadCopy(p), Vi) => {
                format!("Bản sao {p} không khớp với sổ: đừng dùng bản sao này, hãy sao lưu lại.")
            }
            (Error::BadCopy(p), En) => {
                format!("The copy {p} does not match the book: do not rely on it, back up again.")
            }
            (Error::MissingAccount(a), Vi) => {
                format!("Sổ thiếu tài khoản {a} của quỹ này: sổ đã bị sửa ngoài hunvon (chạy hunvon verify).")
            }
            (Error::MissingAccount(a), En) => {
                format!("The book lacks this pool's account {a}: it was changed outside hunvon (run hunvon verify).")
            }
            // SQLite's own message is English; it is the only detail there is.
            (Error::Storage(e), Vi) => format!("Lỗi lưu trữ: {e}."),
            (Error::Storage(e), En) => format!("Storage error: {e}."),
            (Error::Pdf(d), Vi) => format!("Không tạo được tệp PDF: {d}."),
            (Error::Pdf(d), En) => format!("Could not make the PDF: {d}."),
            (Error::Book(b), _) => b.text(lang),
            (Error::LeftBeforeJoined { field, left, joined }, Vi) => {
                format!("Ngày rời tổ {} ở {field} trước ngày vào tổ ({}).", format_vn(*left), format_vn(*joined))
            }
            (Error::LeftBeforeJoined { field, left, joined }, En) => format!(
                "The day she left, {} in {field}, is before the day she joined ({}).",
                format_vn(*left),
                format_vn(*joined)
            ),
            (Error::LeftNotMember { person }, Vi) => {
                format!("{person} không phải thành viên (chưa có ngày vào tổ) nên không có ngày rời tổ.")
            }
            (Error::LeftNotMember { person }, En) => {
                format!("{person} is not a member (no day joined), so she cannot leave.")
            }
            (Error::BeyondBalance { person, balance, amount }, Vi) => format!(
                "Quỹ chỉ giữ {balance} cho {person}, không trả lại {amount} được (muốn cho nợ thì dùng --allow-debt)."
            ),
            (Error::BeyondBalance { person, balance, amount }, En) => format!(
                "The pool holds only {balance} for {person}; it cannot pay back {amount} (use --allow-debt to let her owe)."
            ),
            (Error::District(d), _) => d.text(lang),
            (Error::Count(c), _) => c.text(lang),
            (Error::Handin(h), _) => h.text(lang),
            (Error::Outreach(o), _) => o.text(lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::mask_id;

    #[test]
    fn an_id_keeps_its_first_three_and_last_two_characters() {
        assert_eq!(mask_id("8490123490"), "849*****90");
        assert_eq!(mask_id(" 079123456789 "), "079*******89");
        assert_eq!(mask_id("123456"), "123*56");
        assert_eq!(mask_id("12345"), "*****");
        assert_eq!(mask_id(""), "");
        assert_eq!(mask_id("ĐĐĐ1234ưư"), "ĐĐĐ****ưư");
    }
}
