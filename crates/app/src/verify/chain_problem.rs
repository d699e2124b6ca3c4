//! What `verify` finds against the rules SPEC §9 adds to the chain: vouchers slipped into a
//! closed period, a close's figures, records that break the input rules, imports and rates
//! that differ from their records, the file's own chain, a pool's code. One sentence each,
//! in both languages; never a CCCD, a mã số BHXH or a phone number.

use hunvon_core::domain::date::{format_vn, parse_date};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::record_rules::Breach;
use hunvon_core::messages::error::breach_words;
use hunvon_core::messages::i18n::Lang;

/// How a row differs from its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowHow {
    /// A row with no record (added behind hunvon's back).
    Unrecorded,
    /// A record whose row is gone.
    Gone,
    /// The row differs from its record.
    Differs,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// A voucher entered after a close and dated on or before its day.
    InClosedPeriod { voucher: String, date: String, close: String, to: String },
    /// A close's cash or bank figure is not what the vouchers before it give.
    CloseFigure { close: String, to: String, field: &'static str, recorded: Dong, computed: Option<Dong> },
    /// A value no typed input could give (SPEC §5 applied to what the chain holds).
    Rule { reference: String, breach: Breach },
    /// An account's postings sum past what 64 bits hold.
    SumOverflow { account: String },
    /// An `imports` row against the pool's `import` records (the n-th import of the pool).
    Import { file: String, on: String, how: RowHow },
    /// A `rates` row against the schema's constants and the file chain's records.
    Rate { name: String, from: String, how: RowHow },
    /// A record of the file's chain whose text no longer gives its hash, or whose link
    /// does not follow the record before it.
    FileChain { pos: i64, broken_link: bool },
    /// The pool's code differs from its `pool` record (or an own pool claims an origin).
    PoolCode { code: String },
    /// An `audit_log` row no change recorded in the chain explains.
    AuditLog { code: String, field: String },
    /// A voucher's place in the chain holds a kind or a time of its own, which the
    /// chain's CHECK forbids (only a record has them): written with the CHECKs set aside.
    VoucherRow { voucher: String, pos: i64 },
}

fn day(iso: &str) -> String {
    parse_date(iso).map_or_else(|| iso.to_string(), format_vn)
}

impl ChainProblem {
    pub fn text(&self, lang: Lang) -> String {
        use Lang::{En, Vi};
        match (self, lang) {
            (ChainProblem::InClosedPeriod { voucher, date, close, to }, Vi) => format!(
                "Chứng từ {voucher} ngày {} được ghi sau lần khóa sổ {close} đến {}: sổ đã khóa bị ghi thêm (chốt khóa sổ đã bị gỡ ngoài hunvon).",
                day(date),
                day(to)
            ),
            (ChainProblem::InClosedPeriod { voucher, date, close, to }, En) => format!(
                "Voucher {voucher} dated {} was entered after close {close} to {}: a closed period was written to (the close's guard was set aside behind hunvon's back).",
                day(date),
                day(to)
            ),
            (ChainProblem::CloseFigure { close, to, field, recorded, computed }, _) => {
                let what = match (*field, lang) {
                    ("bank", Vi) => "số dư ngân hàng",
                    ("bank", En) => "bank balance",
                    (_, Vi) => "tồn quỹ tiền mặt",
                    (_, En) => "cash balance",
                };
                let computed =
                    computed.map_or_else(|| lang.pick("tràn số", "an overflow").to_string(), |d| d.to_string());
                match lang {
                    Vi => format!(
                        "Khóa sổ {close} đến {} ghi {what} {recorded} nhưng các chứng từ ghi trước nó cho {computed}.",
                        day(to)
                    ),
                    En => format!(
                        "Close {close} to {} records a {what} of {recorded} but the vouchers entered before it give {computed}.",
                        day(to)
                    ),
                }
            }
            (ChainProblem::Rule { reference, breach }, Vi) => {
                format!("Bản ghi {reference} có {}: giá trị mà hunvon không bao giờ ghi.", breach_words(breach, lang))
            }
            (ChainProblem::Rule { reference, breach }, En) => {
                format!("Record {reference} has {}: a value hunvon never writes.", breach_words(breach, lang))
            }
            (ChainProblem::SumOverflow { account }, Vi) => {
                format!("Các bút toán của tài khoản {account} cộng lại tràn số: có số tiền không thật trong sổ.")
            }
            (ChainProblem::SumOverflow { account }, En) => {
                format!(
                    "The postings of {account} sum past what can be held: the book holds amounts that are not real."
                )
            }
            (ChainProblem::Import { file, on, how }, Vi) => {
                let what = match how {
                    RowHow::Unrecorded => "không có bản ghi trong chuỗi băm (thêm ngoài hunvon)",
                    RowHow::Gone => {
                        "có trong chuỗi băm nhưng đã bị xóa khỏi bảng imports (tệp đó sẽ nhập được lần nữa)"
                    }
                    RowHow::Differs => "khác với bản ghi trong chuỗi băm (sửa ngoài hunvon)",
                };
                format!("Lần nhập tệp {file} ngày {} {what}.", day(on))
            }
            (ChainProblem::Import { file, on, how }, En) => {
                let what = match how {
                    RowHow::Unrecorded => "has no record in the hash chain (added behind hunvon's back)",
                    RowHow::Gone => {
                        "is in the hash chain but was deleted from table imports (the file would import again)"
                    }
                    RowHow::Differs => "differs from its record in the hash chain (changed behind hunvon's back)",
                };
                format!("The import of {file} on {} {what}.", day(on))
            }
            (ChainProblem::Rate { name, from, how }, Vi) => {
                let what = match how {
                    RowHow::Unrecorded => {
                        "không phải mức gốc của hunvon và không có bản ghi trong chuỗi của tệp (thêm ngoài hunvon)"
                    }
                    RowHow::Gone => "đã bị xóa khỏi bảng rates",
                    RowHow::Differs => "khác với mức gốc hoặc bản ghi trong chuỗi của tệp (sửa ngoài hunvon)",
                };
                format!("Mức {name} từ {} {what}.", day(from))
            }
            (ChainProblem::Rate { name, from, how }, En) => {
                let what = match how {
                    RowHow::Unrecorded => {
                        "is no rate hunvon seeds and has no record in the file's chain (added behind hunvon's back)"
                    }
                    RowHow::Gone => "was deleted from table rates",
                    RowHow::Differs => {
                        "differs from hunvon's seeded value or its record in the file's chain (changed behind hunvon's back)"
                    }
                };
                format!("Rate {name} from {} {what}.", day(from))
            }
            (ChainProblem::FileChain { pos, broken_link: false }, Vi) => {
                format!("Bản ghi #{pos} của chuỗi của tệp (biểu phí) không khớp mã băm của nó: đã bị sửa.")
            }
            (ChainProblem::FileChain { pos, broken_link: false }, En) => {
                format!("Record #{pos} of the file's chain (rates) does not match its hash: it was altered.")
            }
            (ChainProblem::FileChain { pos, broken_link: true }, Vi) => {
                format!(
                    "Chuỗi của tệp (biểu phí) đứt ở bản ghi #{pos}: một bản ghi trước nó đã bị xóa, chèn hoặc đổi chỗ."
                )
            }
            (ChainProblem::FileChain { pos, broken_link: true }, En) => {
                format!(
                    "The file's chain (rates) breaks at record #{pos}: a record before it was removed, inserted or moved."
                )
            }
            (ChainProblem::PoolCode { code }, Vi) => format!(
                "Mã quỹ {code} khác với mã trong bản ghi quỹ của chuỗi băm (đã sửa bảng pools ngoài hunvon): chứng từ ghi sau đó sẽ không khớp."
            ),
            (ChainProblem::PoolCode { code }, En) => format!(
                "The pool code {code} differs from the code in the pool's record (table pools was changed behind hunvon's back): vouchers written after it would not match."
            ),
            (ChainProblem::AuditLog { code, field }, Vi) => format!(
                "Nhật ký sửa đổi (audit_log) ghi một thay đổi {field} của {code} mà chuỗi băm không có: bảng đã bị sửa ngoài hunvon."
            ),
            (ChainProblem::AuditLog { code, field }, En) => format!(
                "The audit log records a change of {field} of {code} that the hash chain does not hold: the table was changed behind hunvon's back."
            ),
            (ChainProblem::VoucherRow { voucher, pos }, Vi) => format!(
                "Vị trí #{pos} của chuỗi băm (chứng từ {voucher}) mang loại hoặc giờ ghi riêng, điều chỉ bản ghi mới có: bảng chain đã bị sửa ngoài hunvon."
            ),
            (ChainProblem::VoucherRow { voucher, pos }, En) => format!(
                "Place #{pos} of the hash chain (voucher {voucher}) holds a kind or a time of its own, which only a record has: table chain was changed behind hunvon's back."
            ),
        }
    }
}
