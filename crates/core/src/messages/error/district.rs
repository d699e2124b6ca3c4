//! Refusals of the district (docs/design.md §11): collecting a chapter's book that cannot
//! be taken as it is, and writing into a pool that is only a copy of a chapter's book.
//! Each says what happened and what the district union can do about it.

use chrono::NaiveDate;

use crate::domain::date::format_vn;
use crate::messages::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DistrictError {
    /// A write into a pool collected from a chapter's book.
    CollectedPool { pool: String },
    /// A chapter's book made before book ids (no chain of records, or no `pool` record).
    NoBookId { file: String },
    /// `collect` of the very book that is open.
    SameBook { file: String },
    /// The file holds no pool.
    NothingToCollect { file: String },
    /// `--as` on a file of several pools.
    AliasNeedsOnePool { file: String, pools: Vec<String> },
    /// The pool's code is taken in the district by another book (or `--as` names a code taken).
    CodeTaken { code: String, file: String, alias: bool },
    /// The pool was collected before under another code than `--as` says.
    AliasDiffers { pool: String, alias: String },
    /// The chapter's chain fails its own check: a record whose hash or link is wrong.
    Broken { pool: String, file: String, reference: String, why: Broken },
    /// The chapter's book no longer holds what was collected: `reference` (at the same
    /// place) differs; `theirs` is what the file has there when it names it otherwise.
    Rewritten {
        pool: String,
        on: Option<NaiveDate>,
        reference: String,
        theirs: Option<String>,
        ours_hash: String,
        theirs_hash: String,
    },
    /// The file stops before what was collected (an older copy of the chapter's book).
    Older { pool: String, theirs: String, ours: String },
    /// The chapter's chain names a person, household, account or voucher before its own
    /// record brings it in: not a chain hunvon writes.
    Unintroduced { what: &'static str, code: String },
    /// The copy does not end where the chapter's book does (the file changed while it was
    /// read, or could not be read to its end).
    CopyShort { pool: String },
}

/// What is wrong with a record of a chapter's chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// Its previous hash is not the hash of the record before it.
    Link,
    /// Its text does not give its hash.
    Hash,
    /// Its postings do not sum to zero.
    Unbalanced,
    /// Its text is not a record hunvon writes.
    NotARecord,
    /// A voucher's place whose transaction row is gone.
    Missing,
    /// A value breaks an input rule of SPEC §5 (SPEC §9).
    Rule(crate::ledger::record_rules::Breach),
}

impl DistrictError {
    /// One sentence in the chosen language.
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (DistrictError::CollectedPool { pool }, Vi) => format!(
                "Quỹ {pool} trong tệp này là bản nhận về từ sổ của chi hội (hunvon collect), chỉ để xem: mọi việc ghi vào quỹ {pool} làm trên sổ của chính chi hội đó, rồi tháng sau nhận lại."
            ),
            (DistrictError::CollectedPool { pool }, En) => format!(
                "Pool {pool} in this file is a copy collected from its chapter's book (hunvon collect), for reading only: everything written to {pool} is written in the chapter's own book, then collected again."
            ),
            (DistrictError::NoBookId { file }, Vi) => format!(
                "Sổ {file} làm từ trước khi sổ có mã sổ (book id): hãy mở sổ đó một lần, không có --read-only, bằng phiên bản hunvon này (ví dụ `hunvon --db {file} verify`) để sổ được đánh dấu, rồi nhận lại."
            ),
            (DistrictError::NoBookId { file }, En) => format!(
                "The book {file} was made before books had a book id: open it once, without --read-only, with this version of hunvon (for example `hunvon --db {file} verify`) so it is marked, then collect it again."
            ),
            (DistrictError::SameBook { file }, Vi) => {
                format!("{file} chính là sổ đang mở: chỉ nhận được sổ của một chi hội vào sổ của huyện.")
            }
            (DistrictError::SameBook { file }, En) => {
                format!("{file} is the book that is open: collect a chapter's book into the district's book.")
            }
            (DistrictError::NothingToCollect { file }, Vi) => {
                format!("Sổ {file} chưa có quỹ nào: không có gì để nhận.")
            }
            (DistrictError::NothingToCollect { file }, En) => {
                format!("The book {file} holds no pool: nothing to collect.")
            }
            (DistrictError::AliasNeedsOnePool { file, pools }, Vi) => format!(
                "--as chỉ dùng cho sổ có một quỹ, mà sổ {file} có {} quỹ ({}): không nhận gì.",
                pools.len(),
                pools.join(", ")
            ),
            (DistrictError::AliasNeedsOnePool { file, pools }, En) => format!(
                "--as is for a book of one pool, and {file} holds {} ({}): nothing collected.",
                pools.len(),
                pools.join(", ")
            ),
            (DistrictError::CodeTaken { code, file, alias: false }, Vi) => format!(
                "Mã quỹ {code} của sổ {file} đã là mã của một quỹ khác trong tệp của huyện (một quyển sổ khác): không nhận gì; đặt cho quỹ này một mã hiển thị khác bằng --as MÃ_MỚI (mã băm vẫn giữ mã {code} của chi hội)."
            ),
            (DistrictError::CodeTaken { code, file, alias: false }, En) => format!(
                "The pool code {code} of {file} is already the code of another pool in the district's file (another book): nothing collected; give this pool another display code with --as NEWCODE (its hashes keep the chapter's code {code})."
            ),
            (DistrictError::CodeTaken { code, alias: true, .. }, Vi) => {
                format!("--as {code}: mã {code} đã có trong tệp của huyện: chọn mã khác; không nhận gì.")
            }
            (DistrictError::CodeTaken { code, alias: true, .. }, En) => {
                format!(
                    "--as {code}: the code {code} is already in the district's file: choose another; nothing collected."
                )
            }
            (DistrictError::AliasDiffers { pool, alias }, Vi) => format!(
                "Sổ này đã được nhận với mã {pool}, không phải {alias} (--as): bỏ --as hoặc dùng --as {pool}; không nhận gì."
            ),
            (DistrictError::AliasDiffers { pool, alias }, En) => format!(
                "This book was collected before as {pool}, not {alias} (--as): drop --as or use --as {pool}; nothing collected."
            ),
            (DistrictError::Broken { pool, file, reference, why }, _) => broken_text(pool, file, reference, *why, lang),
            (DistrictError::Rewritten { pool, on, reference, theirs, ours_hash, theirs_hash }, Vi) => {
                let on = on.map(|d| format!(" ngày {}", format_vn(d))).unwrap_or_default();
                let there = theirs.as_ref().map(|t| format!(" (ở chỗ đó sổ mang tới có {t})")).unwrap_or_default();
                format!(
                    "Sổ của {pool} không nối tiếp bản đã nhận{on}: từ {reference} trở đi sổ đã khác{there} — bản đã nhận có mã băm {ours_hash}, sổ mang tới có {theirs_hash}. Không nhận gì. Nếu chi hội đã khôi phục một bản sao lưu cũ rồi ghi tiếp, nhận lại bằng --accept-rewrite --reason \"…\" (bản cũ được giữ lại để đối chiếu)."
                )
            }
            (DistrictError::Rewritten { pool, on, reference, theirs, ours_hash, theirs_hash }, En) => {
                let on = on.map(|d| format!(" on {}", format_vn(d))).unwrap_or_default();
                let there = theirs.as_ref().map(|t| format!(" (the book brought has {t} there)")).unwrap_or_default();
                format!(
                    "The book of {pool} does not continue the copy collected{on}: from {reference} on it differs{there} — the copy collected has the hash {ours_hash}, the book brought {theirs_hash}. Nothing collected. If the chapter restored an old backup and went on, take it again with --accept-rewrite --reason \"…\" (the earlier copy is kept for comparison)."
                )
            }
            (DistrictError::Older { pool, theirs, ours }, Vi) => format!(
                "Sổ của {pool} mang tới dừng ở {theirs}, đã nhận tới {ours}: đây là một bản cũ hơn bản đã nhận; không nhận gì — hãy mang sổ mới nhất."
            ),
            (DistrictError::Older { pool, theirs, ours }, En) => format!(
                "The book of {pool} brought stops at {theirs}, and {ours} was collected already: this is an older copy; nothing collected — bring the latest book."
            ),
            (DistrictError::Unintroduced { what, code }, Vi) => format!(
                "Sổ mang tới nêu {} {code} trước khi có bản ghi của nó: đây không phải chuỗi do hunvon ghi; không nhận gì.",
                what_vi(what)
            ),
            (DistrictError::Unintroduced { what, code }, En) => format!(
                "The book brought names the {what} {code} before its record brings it in: this is not a chain hunvon writes; nothing collected."
            ),
            (DistrictError::CopyShort { pool }, Vi) => format!(
                "Không chép được trọn sổ của {pool} (tệp thay đổi hoặc không đọc được đến cuối trong lúc nhận): không nhận gì; chép lại tệp rồi nhận lại."
            ),
            (DistrictError::CopyShort { pool }, En) => format!(
                "The book of {pool} could not be copied whole (the file changed or could not be read to its end meanwhile): nothing collected; copy the file again and collect it again."
            ),
        }
    }
}

fn what_vi(what: &str) -> &'static str {
    match what {
        "person" => "người",
        "household" => "hộ",
        "account" => "tài khoản",
        _ => "chứng từ",
    }
}

/// A record whose value no typed input could give: one sentence naming the record.
fn rule_text(pool: &str, file: &str, reference: &str, b: &crate::ledger::record_rules::Breach, lang: Lang) -> String {
    let what = breach_words(b, lang);
    match lang {
        Lang::Vi => format!(
            "Sổ {file} (quỹ {pool}): {reference} có {what}, điều hunvon không bao giờ ghi. Không nhận gì; báo Ban kiểm tra của chi hội."
        ),
        Lang::En => format!(
            "The book {file} (pool {pool}): {reference} has {what}, which hunvon never writes. Nothing collected; tell the chapter's control board."
        ),
    }
}

/// "a name with a hidden character": the field and what is wrong with it, never the value.
pub fn breach_words(b: &crate::ledger::record_rules::Breach, lang: Lang) -> String {
    use crate::ledger::record_rules::Why;
    let field = match b.field {
        "full_name" => lang.pick("họ tên", "name"),
        "name" => lang.pick("tên", "name"),
        "note" => lang.pick("ghi chú", "note"),
        "receipt_no" => lang.pick("số biên lai", "receipt number"),
        "date" => lang.pick("ngày", "date"),
        "person" => lang.pick("mã người", "person code"),
        "amount" => lang.pick("số tiền", "amount"),
        "cccd" => "CCCD",
        "bhxh_code" => "mã số BHXH",
        "phone" => lang.pick("điện thoại", "phone"),
        "address" => lang.pick("địa chỉ", "address"),
        "date_of_birth" => lang.pick("ngày sinh", "date of birth"),
        "reason" => lang.pick("lý do", "reason"),
        "file_name" => lang.pick("tên tệp", "file name"),
        "code" | "pool" | "household" | "sponsor" => lang.pick("mã", "code"),
        _ => lang.pick("trường", "field"),
    };
    let max = crate::domain::money::Dong(crate::domain::money::MAX_AMOUNT);
    match (b.why, lang) {
        (Why::Hidden, Lang::Vi) => format!("{field} chứa ký tự ẩn (điều khiển, đổi chiều chữ hoặc vô hình)"),
        (Why::Hidden, Lang::En) => format!("a {field} holding a hidden character (control, bidi or zero-width)"),
        (Why::Newer, Lang::Vi) => format!("{field} chứa ký tự vô hình (U+00AD, U+2028)"),
        (Why::Newer, Lang::En) => format!("a {field} holding an invisible character (U+00AD, U+2028)"),
        (Why::TooLong, Lang::Vi) => format!("{field} dài quá mức cho phép"),
        (Why::TooLong, Lang::En) => format!("a {field} longer than allowed"),
        (Why::Format, Lang::Vi) => format!("{field} sai định dạng"),
        (Why::Format, Lang::En) => format!("a {field} in the wrong format"),
        (Why::Date, Lang::Vi) => format!("{field} không phải ngày hợp lệ"),
        (Why::Date, Lang::En) => format!("a {field} that is no valid day"),
        (Why::Amount, Lang::Vi) => format!("{field} vượt {max} một dòng"),
        (Why::Amount, Lang::En) => format!("an {field} past {max} a line"),
        (Why::Overflow, Lang::Vi) => format!("{field} cộng lại tràn số"),
        (Why::Overflow, Lang::En) => format!("{field}s whose sum overflows"),
    }
}

fn broken_text(pool: &str, file: &str, reference: &str, why: Broken, lang: Lang) -> String {
    let what = match why {
        Broken::Link => lang.pick("không nối vào bản ghi liền trước", "does not link to the record before it"),
        Broken::Hash => lang.pick("không khớp mã băm của nó (đã bị sửa)", "does not match its hash (it was altered)"),
        Broken::Unbalanced => lang.pick("có bút toán không cân", "has postings that do not balance"),
        Broken::NotARecord => lang.pick("không phải bản ghi hunvon viết", "is not a record hunvon writes"),
        Broken::Missing => lang.pick("đã mất dòng chứng từ", "has lost its voucher row"),
        Broken::Rule(b) => return rule_text(pool, file, reference, &b, lang),
    };
    match lang {
        Lang::Vi => format!(
            "Sổ {file} (quỹ {pool}) không nguyên vẹn: {reference} {what}. Không nhận gì; chạy `hunvon --db {file} verify --read-only` để xem chi tiết và báo Ban kiểm tra của chi hội."
        ),
        Lang::En => format!(
            "The book {file} (pool {pool}) is not intact: {reference} {what}. Nothing collected; run `hunvon --db {file} verify --read-only` for the details and tell the chapter's control board."
        ),
    }
}

impl From<DistrictError> for super::Error {
    fn from(e: DistrictError) -> Self {
        super::Error::District(Box::new(e))
    }
}
