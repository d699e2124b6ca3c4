//! What `verify` can find wrong with a book, each as one sentence in both languages.
//! Messages never print a CCCD, a mã số BHXH or a phone number: they name the field.

use hunvon_core::domain::money::Dong;
use hunvon_core::messages::i18n::Lang;
use hunvon_store::guards::GuardDiff;

/// One thing wrong with a book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A voucher's stored content no longer gives its stored hash.
    HashMismatch {
        voucher: String,
    },
    /// A non-voucher record's stored text no longer gives its stored hash.
    RecordAltered {
        reference: String,
        kind: String,
    },
    /// A record's previous hash is not the hash of the record before it (a record was
    /// removed, inserted or moved).
    ChainBroken {
        voucher: String,
    },
    /// A voucher's place in the chain whose transaction row is gone.
    VoucherGone {
        pos: i64,
        after: Option<String>,
        before: Option<String>,
    },
    /// A voucher with no place in the chain (inserted behind hunvon's back).
    Unchained {
        voucher: String,
    },
    /// A record whose text hunvon did not write.
    NotARecord {
        reference: String,
    },
    /// More altered records than are worth listing one by one.
    MoreAltered {
        count: u64,
    },
    /// A voucher's postings do not sum to zero.
    Unbalanced {
        voucher: String,
        sum: Dong,
    },
    /// A voucher series of a year is not numbered 1..n without gaps.
    NumberGap {
        series: String,
        year: i64,
        count: i64,
        max: i64,
    },
    BalanceMismatch {
        account: String,
        stored: Dong,
        computed: Dong,
    },
    DayMismatch {
        account: String,
        date: String,
    },
    /// A stored `day_moves` group that the vouchers do not give.
    DayMovesMismatch {
        kind: String,
        date: String,
    },
    KeptMismatch {
        account: String,
    },
    MissingAccount {
        account: String,
    },
    Orphans {
        table: &'static str,
        count: i64,
    },
    CoverageOutsidePurchase {
        voucher: String,
    },
    IdentityBroken {
        difference: Dong,
    },
    /// A person's or household's row differs from its latest record in the chain.
    EntityDiffers {
        entity: Entity,
        code: String,
        name: String,
        fields: Vec<&'static str>,
    },
    /// A person or household with no record in the chain (added behind hunvon's back).
    EntityUnrecorded {
        entity: Entity,
        code: String,
        name: String,
    },
    /// A person or household in the chain whose row is gone.
    EntityGone {
        entity: Entity,
        code: String,
        name: String,
    },
    /// The dues schedule differs from its records (the line from this date).
    DuesDiffer {
        from: String,
    },
    /// The pool's name differs from its record, or the pool has no record.
    PoolDiffers,
    /// Tables, indexes or triggers dropped, altered or added behind hunvon's back, named
    /// as `trigger transactions_no_update` (one sentence per kind of difference).
    Guards {
        how: GuardHow,
        objects: Vec<String>,
    },
    /// An anchor hash that is no record of the chain.
    AnchorMissing {
        anchor: String,
    },
    /// An anchor prefix that matches several records.
    AnchorAmbiguous {
        anchor: String,
    },
    /// `REF=HASH` where REF is no longer in the book (cut or rolled back).
    AnchorGone {
        reference: String,
        hash: String,
    },
    /// `REF=HASH` where REF is there with another hash (rewritten).
    AnchorDiffers {
        reference: String,
        hash: String,
        now: String,
    },
    /// The district's chain of collections, or a collected pool against it.
    District(crate::verify::district::DistrictProblem),
    /// What SPEC §9 adds: closes, input rules, imports, rates, the file's chain.
    Chain(crate::verify::chain_problem::ChainProblem),
}

/// How the file's guards differ from what hunvon builds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GuardHow {
    Dropped,
    Altered,
    Added,
}

/// One sentence per kind of difference, each naming every object it concerns.
pub fn guard_problems(diffs: Vec<GuardDiff>) -> Vec<Problem> {
    let mut out: Vec<Problem> = Vec::new();
    for diff in diffs {
        let (how, kind, name) = match diff {
            GuardDiff::Missing { kind, name } => (GuardHow::Dropped, kind, name),
            GuardDiff::Altered { kind, name } => (GuardHow::Altered, kind, name),
            GuardDiff::Extra { kind, name } => (GuardHow::Added, kind, name),
        };
        let object = format!("{kind} {name}");
        match out.iter_mut().find(|p| matches!(p, Problem::Guards { how: h, .. } if *h == how)) {
            Some(Problem::Guards { objects, .. }) => objects.push(object),
            _ => out.push(Problem::Guards { how, objects: vec![object] }),
        }
    }
    out
}

/// A person or a household.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entity {
    Person,
    Household,
    /// The letterhead the papers print (code and name empty).
    Letterhead,
    /// A cash count: code `#pos`, name its date.
    Count,
    /// A close: code `#pos`, name the day it closes to.
    Close,
    /// A card from elsewhere (or its cancellation): code `#pos`, name its first day.
    Card,
    /// A year's target: code `#pos`, name the year.
    Target,
}

fn entity(e: Entity, code: &str, name: &str, lang: Lang) -> String {
    match (e, lang) {
        (Entity::Person, Lang::Vi) => format!("Người {code} ({name})"),
        (Entity::Person, Lang::En) => format!("Person {code} ({name})"),
        (Entity::Household, Lang::Vi) => format!("Hộ {code} ({name})"),
        (Entity::Household, Lang::En) => format!("Household {code} ({name})"),
        (Entity::Letterhead, Lang::Vi) => "Tiêu đề giấy tờ của quỹ (đơn vị, địa chỉ, ngân hàng, người ký)".into(),
        (Entity::Letterhead, Lang::En) => "The pool's letterhead (organisation, address, bank, signers)".into(),
        (Entity::Count, Lang::Vi) => format!("Bảng kiểm kê quỹ {code} ngày {name}"),
        (Entity::Count, Lang::En) => format!("Cash count {code} of {name}"),
        (Entity::Close, Lang::Vi) => format!("Khóa sổ {code} đến {name}"),
        (Entity::Close, Lang::En) => format!("Close {code} to {name}"),
        (Entity::Card, Lang::Vi) => format!("Thẻ ngoài quỹ {code} từ {name}"),
        (Entity::Card, Lang::En) => format!("Card from elsewhere {code} from {name}"),
        (Entity::Target, Lang::Vi) => format!("Chỉ tiêu {code} năm {name}"),
        (Entity::Target, Lang::En) => format!("Target {code} for {name}"),
    }
}

/// A stored field as a treasurer calls it.
fn field_label(field: &str, lang: Lang) -> &'static str {
    match field {
        "full_name" => lang.pick("họ tên", "name"),
        "name" => lang.pick("tên", "name"),
        "date_of_birth" => lang.pick("ngày sinh", "date of birth"),
        "gender" => lang.pick("giới tính", "gender"),
        "cccd" => "CCCD",
        "bhxh_code" => "mã số BHXH",
        "household" => lang.pick("hộ", "household"),
        "category" => lang.pick("đối tượng", "category"),
        "phone" => lang.pick("điện thoại", "phone"),
        "joined" => lang.pick("ngày vào tổ", "joined"),
        "left_on" => lang.pick("ngày rời tổ", "left on"),
        "sponsor" => lang.pick("người bảo trợ", "sponsor"),
        "address" => lang.pick("địa chỉ", "address"),
        "org" => lang.pick("đơn vị", "organisation"),
        "bank" => lang.pick("ngân hàng", "bank"),
        "account" => lang.pick("số tài khoản", "account number"),
        "treasurer" => lang.pick("thủ quỹ", "treasurer"),
        "accountant" => lang.pick("kế toán", "bookkeeper"),
        "leader" => lang.pick("tổ trưởng", "group leader"),
        "district_key" => lang.pick("khóa Hội huyện", "district key"),
        "forms" => lang.pick("bộ mẫu biểu", "form set"),
        "date" => lang.pick("ngày", "date"),
        "book_balance" => lang.pick("số dư theo sổ", "book balance"),
        "notes" => lang.pick("số tờ theo mệnh giá", "notes by denomination"),
        "counted" => lang.pick("số tiền kiểm đếm", "amount counted"),
        "counted_by" => lang.pick("người kiểm kê", "counted by"),
        "reason" => lang.pick("lý do", "reason"),
        "entered_at" => lang.pick("thời điểm ghi", "time entered"),
        "to" => lang.pick("ngày khóa sổ", "closed to"),
        "head" => lang.pick("mã băm đầu chuỗi", "chain head"),
        "cash" => lang.pick("tiền mặt", "cash"),
        "person" => lang.pick("người", "person"),
        "scheme" => lang.pick("loại bảo hiểm", "scheme"),
        "source" => lang.pick("nguồn", "source"),
        "card_from" => lang.pick("thẻ từ ngày", "card from"),
        "card_to" => lang.pick("thẻ đến ngày", "card to"),
        "card_no" => lang.pick("số thẻ", "card number"),
        "cancels" => lang.pick("thẻ được hủy", "card cancelled"),
        "year" => lang.pick("năm", "year"),
        "bhyt" => lang.pick("chỉ tiêu BHYT", "BHYT target"),
        "bhxh" => lang.pick("chỉ tiêu BHXH", "BHXH target"),
        "new_bhxh" => lang.pick("chỉ tiêu BHXH mới", "new BHXH target"),
        _ => lang.pick("mã", "code"),
    }
}

fn kind_label(kind: &str, lang: Lang) -> &'static str {
    match kind {
        "pool" => lang.pick("bản ghi quỹ", "pool record"),
        "household" => lang.pick("bản ghi hộ", "household record"),
        "person" => lang.pick("bản ghi người", "person record"),
        "dues" => lang.pick("bản ghi mức đóng", "dues record"),
        "card" => lang.pick("bản ghi thẻ ngoài quỹ", "card record"),
        "target" => lang.pick("bản ghi chỉ tiêu", "target record"),
        _ => lang.pick("bản ghi", "record"),
    }
}

impl Problem {
    /// Whether this is about an anchor given on the command line.
    pub fn is_anchor(&self) -> bool {
        matches!(
            self,
            Problem::AnchorMissing { .. }
                | Problem::AnchorAmbiguous { .. }
                | Problem::AnchorGone { .. }
                | Problem::AnchorDiffers { .. }
        )
    }

    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (Problem::HashMismatch { voucher }, Vi) => {
                format!("Chứng từ {voucher} đã bị sửa: nội dung không còn khớp mã băm đã ghi.")
            }
            (Problem::HashMismatch { voucher }, En) => {
                format!("Voucher {voucher} was altered: its content no longer matches its recorded hash.")
            }
            (Problem::RecordAltered { reference, kind }, Vi) => {
                format!(
                    "{} {reference} đã bị sửa: nội dung không còn khớp mã băm đã ghi.",
                    capital(kind_label(kind, lang))
                )
            }
            (Problem::RecordAltered { reference, kind }, En) => format!(
                "The {} {reference} was altered: its text no longer matches its recorded hash.",
                kind_label(kind, lang)
            ),
            (Problem::ChainBroken { voucher }, Vi) => {
                format!("Chuỗi băm đứt ở {voucher}: có bản ghi trước nó bị xóa, chèn hoặc đổi chỗ.")
            }
            (Problem::ChainBroken { voucher }, En) => {
                format!("The hash chain breaks at {voucher}: a record before it was removed, inserted or moved.")
            }
            (Problem::VoucherGone { pos, after, before }, _) => {
                let around = match (after, before, lang) {
                    (Some(a), Some(b), Vi) => format!(" (giữa {a} và {b})"),
                    (Some(a), Some(b), En) => format!(" (between {a} and {b})"),
                    (Some(a), None, Vi) => format!(" (sau {a})"),
                    (Some(a), None, En) => format!(" (after {a})"),
                    (None, Some(b), Vi) => format!(" (trước {b})"),
                    (None, Some(b), En) => format!(" (before {b})"),
                    (None, None, _) => String::new(),
                };
                match lang {
                    Vi => format!("Chứng từ ở vị trí #{pos} của chuỗi{around} đã bị xóa khỏi bảng transactions."),
                    En => format!("The voucher at #{pos} of the chain{around} was deleted from table transactions."),
                }
            }
            (Problem::Unchained { voucher }, Vi) => {
                format!("Chứng từ {voucher} không nằm trong chuỗi băm: nó được chèn vào sổ ngoài hunvon.")
            }
            (Problem::Unchained { voucher }, En) => {
                format!("Voucher {voucher} is not in the hash chain: it was inserted behind hunvon's back.")
            }
            (Problem::NotARecord { reference }, Vi) => {
                format!("Bản ghi {reference} của chuỗi không phải do hunvon viết ra.")
            }
            (Problem::NotARecord { reference }, En) => {
                format!("Record {reference} of the chain was not written by hunvon.")
            }
            (Problem::MoreAltered { count }, Vi) => format!("… và {count} bản ghi khác cũng không khớp mã băm."),
            (Problem::MoreAltered { count }, En) => format!("… and {count} more records do not match their hashes."),
            (Problem::Unbalanced { voucher, sum }, Vi) => {
                format!("Chứng từ {voucher} không cân: tổng các dòng là {sum}.")
            }
            (Problem::Unbalanced { voucher, sum }, En) => {
                format!("Voucher {voucher} is unbalanced: its postings sum to {sum}.")
            }
            (Problem::NumberGap { series, year, count, max }, Vi) => {
                format!("Số chứng từ {series}-{year} không liên tục: có {count} chứng từ nhưng số lớn nhất là {max}.")
            }
            (Problem::NumberGap { series, year, count, max }, En) => {
                format!("Voucher numbers {series}-{year} have gaps: {count} vouchers but the highest number is {max}.")
            }
            (Problem::BalanceMismatch { account, stored, computed }, Vi) => {
                format!("Số dư lưu của tài khoản {account} là {stored} nhưng các bút toán cộng lại {computed}.")
            }
            (Problem::BalanceMismatch { account, stored, computed }, En) => {
                format!("The stored balance of {account} is {stored} but its postings add up to {computed}.")
            }
            (Problem::DayMismatch { account, date }, Vi) => {
                format!("Phát sinh lưu theo ngày của {account} ngày {date} không khớp các bút toán.")
            }
            (Problem::DayMismatch { account, date }, En) => {
                format!("The stored daily movement of {account} on {date} does not match its postings.")
            }
            (Problem::DayMovesMismatch { kind, date }, Vi) => {
                format!("Phát sinh tiền mặt, tiền gửi lưu theo ngày ({kind}) ngày {date} không khớp các chứng từ.")
            }
            (Problem::DayMovesMismatch { kind, date }, En) => {
                format!("The stored daily cash and bank movements ({kind}) on {date} do not match the vouchers.")
            }
            (Problem::KeptMismatch { account }, Vi) => {
                format!("Tổng đã góp / đã chi lưu của tài khoản {account} không khớp các bút toán.")
            }
            (Problem::KeptMismatch { account }, En) => {
                format!("The stored paid-in / paid-out sums of {account} do not match its postings.")
            }
            (Problem::MissingAccount { account }, Vi) => format!("Thiếu tài khoản {account} (đã bị xóa?)."),
            (Problem::MissingAccount { account }, En) => format!("The account {account} is missing (deleted?)."),
            (Problem::Orphans { table, count }, Vi) => {
                format!("{count} dòng trong bảng {table} trỏ tới chứng từ không tồn tại.")
            }
            (Problem::Orphans { table, count }, En) => {
                format!("{count} rows of table {table} point at vouchers that do not exist.")
            }
            (Problem::CoverageOutsidePurchase { voucher }, Vi) => {
                format!("Chứng từ {voucher} có dòng bảo hiểm nhưng không phải chứng từ mua bảo hiểm.")
            }
            (Problem::CoverageOutsidePurchase { voucher }, En) => {
                format!("Voucher {voucher} carries coverage rows but is not a purchase.")
            }
            (Problem::IdentityBroken { difference }, Vi) => {
                format!("Đẳng thức cân đối không đúng: lệch {difference}.")
            }
            (Problem::IdentityBroken { difference }, En) => {
                format!("The balance identity does not hold: off by {difference}.")
            }
            (Problem::EntityDiffers { entity: e, code, name, fields }, _) => {
                let fields: Vec<&str> = fields.iter().map(|f| field_label(f, lang)).collect();
                match lang {
                    Vi => format!(
                        "{} đã bị sửa ngoài hunvon: {} khác với bản ghi trong chuỗi băm.",
                        entity(*e, code, name, lang),
                        fields.join(", ")
                    ),
                    En => format!(
                        "{} was changed behind hunvon's back: {} differs from the record in the hash chain.",
                        entity(*e, code, name, lang),
                        fields.join(", ")
                    ),
                }
            }
            (Problem::EntityUnrecorded { entity: e, code, name }, Vi) => {
                format!(
                    "{} không có bản ghi trong chuỗi băm: được thêm vào ngoài hunvon.",
                    entity(*e, code, name, lang)
                )
            }
            (Problem::EntityUnrecorded { entity: e, code, name }, En) => {
                format!("{} has no record in the hash chain: added behind hunvon's back.", entity(*e, code, name, lang))
            }
            (Problem::EntityGone { entity: e, code, name }, Vi) => {
                format!("{} có trong chuỗi băm nhưng đã bị xóa khỏi sổ.", entity(*e, code, name, lang))
            }
            (Problem::EntityGone { entity: e, code, name }, En) => {
                format!("{} is in the hash chain but was deleted from the book.", entity(*e, code, name, lang))
            }
            (Problem::DuesDiffer { from }, Vi) => {
                format!("Mức đóng hằng tháng từ {from} khác với bản ghi trong chuỗi băm (sửa ngoài hunvon).")
            }
            (Problem::DuesDiffer { from }, En) => {
                format!(
                    "The monthly dues from {from} differ from the record in the hash chain (changed behind hunvon's back)."
                )
            }
            (Problem::PoolDiffers, Vi) => {
                "Tên quỹ khác với bản ghi quỹ trong chuỗi băm (hoặc quỹ không có bản ghi).".into()
            }
            (Problem::PoolDiffers, En) => {
                "The pool's name differs from its record in the hash chain (or the pool has no record).".into()
            }
            (Problem::Guards { how, objects }, _) => {
                let objects = objects.join(", ");
                match (how, lang) {
                    (GuardHow::Dropped, Vi) => {
                        format!("Cấu trúc sổ đã bị xóa bớt ({objects}): sổ không còn được bảo vệ như hunvon tạo ra.")
                    }
                    (GuardHow::Dropped, En) => {
                        format!(
                            "The book's guards were dropped ({objects}): it is no longer protected as hunvon built it."
                        )
                    }
                    (GuardHow::Altered, Vi) => {
                        format!("Cấu trúc sổ đã bị sửa ({objects}): khác với định nghĩa của hunvon.")
                    }
                    (GuardHow::Altered, En) => {
                        format!("The book's structure was altered ({objects}): it differs from hunvon's definition.")
                    }
                    (GuardHow::Added, Vi) => format!("Sổ có thêm cấu trúc không do hunvon tạo ra ({objects})."),
                    (GuardHow::Added, En) => format!("The book holds structure hunvon did not make ({objects})."),
                }
            }
            (Problem::AnchorMissing { anchor }, Vi) => format!(
                "Mốc {anchor} không có trong chuỗi băm: sổ đã bị cắt, quay về bản cũ hoặc viết lại sau khi mốc được ký."
            ),
            (Problem::AnchorMissing { anchor }, En) => format!(
                "Anchor {anchor} is not in the hash chain: the book was cut, rolled back or rewritten after it was signed."
            ),
            (Problem::AnchorAmbiguous { anchor }, Vi) => {
                format!("Mốc {anchor} khớp nhiều bản ghi: hãy gõ thêm chữ số của mã băm.")
            }
            (Problem::AnchorAmbiguous { anchor }, En) => {
                format!("Anchor {anchor} matches several records: type more digits of the hash.")
            }
            (Problem::AnchorGone { reference, hash }, Vi) => format!(
                "Mốc {reference}={hash}: {reference} không còn trong sổ — sổ đã bị cắt hoặc quay về bản sao cũ hơn."
            ),
            (Problem::AnchorGone { reference, hash }, En) => format!(
                "Anchor {reference}={hash}: {reference} is gone from the book — it was cut or rolled back to an older copy."
            ),
            (Problem::AnchorDiffers { reference, hash, now }, Vi) => {
                format!("Mốc {reference}={hash}: {reference} vẫn còn nhưng mã băm nay là {now} — sổ đã bị viết lại.")
            }
            (Problem::AnchorDiffers { reference, hash, now }, En) => format!(
                "Anchor {reference}={hash}: {reference} is still there but its hash is now {now} — the book was rewritten."
            ),
            (Problem::District(d), _) => d.text(lang),
            (Problem::Chain(c), _) => c.text(lang),
        }
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
