//! Things worth saying that do not stop a write: printed on stderr, shown in the TUI.

use chrono::NaiveDate;

use crate::domain::date::{format_vn, local_time};
use crate::domain::ident::{CccdMismatch, Gender};
use crate::domain::money::Dong;
use crate::ledger::Account;
use crate::messages::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A payment took cash (or bank) below zero on its date.
    Shortfall { voucher: String, account: Account, shortfall: Dong, date: NaiveDate },
    /// The CCCD's digits disagree with the date of birth or gender given.
    Cccd { person: String, mismatch: CccdMismatch },
    /// The same CCCD or mã số BHXH is in another pool of the file.
    IdInOtherPool { person: String, pools: Vec<String> },
    /// The running balance of cash or bank was negative at the end of a day.
    NegativeDay { pool: String, account: Account, date: NaiveDate, balance: Dong },
    /// A purchase's posted amount differs from the price by the rules.
    AmountDiffers { person: String, quote: Dong, amount: Dong },
    /// A payment leaves a member owing the pool (an advance: allowed, but said, naming
    /// what she owes after it).
    MemberOwes { person: String, owes: Dong },
    /// A money report asked past today runs to today.
    PeriodCut { field: String, date: NaiveDate, today: NaiveDate },
    /// A coverage report for a day ahead is a forecast.
    Forecast { date: NaiveDate, today: NaiveDate },
    /// Columns of an import's header that no field reads (an Excel `STT`).
    UnknownColumns { columns: Vec<String> },
    /// A record of the chain was entered before the record it follows (a clock set back,
    /// or rows moved behind hunvon's back).
    EnteredBackwards { pool: String, reference: String, at: String, previous: String },
    /// A book of an older schema opened read-only: it cannot be brought up to date, so
    /// the guards and records that came later are not there to check.
    OlderSchema { found: i64, known: i64 },
    /// A rate set far from the value it replaces (or outside what a share can be): a
    /// typo like `bhyt_rate 0.001` reprices every later purchase.
    RateImplausible { name: String, value: String, before: Option<String>, from: NaiveDate },
    /// A record that breaks an input rule made after it was written (U+00AD in an old
    /// name): honest then, so a warning, not a failure.
    NewerRule { pool: String, reference: String, field: String },
    /// A close leaves a cash count's difference unsettled in `fund:pending` (as held: a
    /// shortage negative).
    PendingLeft { to: NaiveDate, pending: Dong },
    /// A purchase for a person whose card from elsewhere is still in force (SPEC §10).
    OutsideCard { person: String, source: String, to: NaiveDate },
}

fn account_label(a: &Account, lang: Lang) -> &'static str {
    match a {
        Account::Bank => lang.pick("tài khoản ngân hàng", "the bank account"),
        _ => lang.pick("quỹ tiền mặt", "the cash box"),
    }
}

/// The line a coverage report for a day ahead carries: "Dự kiến — …".
pub fn forecast_line(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Dự kiến — tình trạng ngày {} tính trước: ai sẽ hết hạn tới lúc đó nếu không mua thêm",
            format_vn(date)
        ),
        Lang::En => format!(
            "Forecast — cover as it will stand on {}: who will have lapsed by then unless they buy again",
            format_vn(date)
        ),
    }
}

/// Column names from a file, quoted and with hidden characters escaped.
fn shown_columns(columns: &[String], lang: Lang) -> String {
    let name = |c: &String| {
        if c.is_empty() {
            lang.pick("(không tên)", "(unnamed)").to_string()
        } else {
            format!("'{}'", crate::domain::text::escape_hidden(c))
        }
    };
    columns.iter().map(name).collect::<Vec<_>>().join(", ")
}

impl Warning {
    /// One sentence, prefixed so it stands out on stderr.
    pub fn text(&self, lang: Lang) -> String {
        let body = match (self, lang) {
            (Warning::Shortfall { voucher, account, shortfall, date }, Lang::Vi) => format!(
                "{voucher} làm {} âm {shortfall} vào ngày {} (đã ghi; kiểm tra lại thứ tự chứng từ).",
                account_label(account, lang),
                format_vn(*date)
            ),
            (Warning::Shortfall { voucher, account, shortfall, date }, Lang::En) => format!(
                "{voucher} takes {} {shortfall} below zero on {} (written; check the order of entries).",
                account_label(account, lang),
                format_vn(*date)
            ),
            (Warning::Cccd { person, mismatch: CccdMismatch::Year { cccd_year, dob_year } }, Lang::Vi) => {
                format!("CCCD của {person} ghi năm sinh {cccd_year} nhưng ngày sinh là năm {dob_year} (vẫn nhận).")
            }
            (Warning::Cccd { person, mismatch: CccdMismatch::Year { cccd_year, dob_year } }, Lang::En) => {
                format!("{person}'s CCCD says born {cccd_year} but the date of birth is in {dob_year} (accepted).")
            }
            (Warning::Cccd { person, mismatch: CccdMismatch::Gender { cccd_gender } }, Lang::Vi) => {
                format!("CCCD của {person} ghi giới tính {} khác giới tính đã nhập (vẫn nhận).", cccd_gender.label_vi())
            }
            (Warning::Cccd { person, mismatch: CccdMismatch::Gender { cccd_gender } }, Lang::En) => format!(
                "{person}'s CCCD says {} but another gender was given (accepted).",
                if *cccd_gender == Gender::Male { "male" } else { "female" }
            ),
            (Warning::IdInOtherPool { person, pools }, Lang::Vi) => {
                format!("CCCD hoặc mã số BHXH của {person} cũng có ở quỹ {} (người chuyển tổ?).", pools.join(", "))
            }
            (Warning::IdInOtherPool { person, pools }, Lang::En) => {
                format!("{person}'s CCCD or mã số BHXH is also in pool {} (moved between chapters?).", pools.join(", "))
            }
            (Warning::NegativeDay { pool, account, date, balance }, Lang::Vi) => format!(
                "Quỹ {pool}: {} âm {} vào cuối ngày {}.",
                account_label(account, lang),
                -*balance,
                format_vn(*date)
            ),
            (Warning::NegativeDay { pool, account, date, balance }, Lang::En) => format!(
                "Pool {pool}: {} was {} below zero at the end of {}.",
                account_label(account, lang),
                -*balance,
                format_vn(*date)
            ),
            (Warning::AmountDiffers { person, quote, amount }, Lang::Vi) => format!(
                "{person}: số tiền theo biên lai {amount} khác giá tính theo quy định {quote} (chênh {}).",
                *amount - *quote
            ),
            (Warning::AmountDiffers { person, quote, amount }, Lang::En) => format!(
                "{person}: the receipt's {amount} differs from the price by the rules {quote} (difference {}).",
                *amount - *quote
            ),
            (Warning::MemberOwes { person, owes }, Lang::Vi) => {
                format!("{person} sẽ nợ quỹ {owes} (quỹ ứng trước; thu lại dần).")
            }
            (Warning::MemberOwes { person, owes }, Lang::En) => {
                format!("{person} will owe the pool {owes} (an advance; to be repaid).")
            }
            (Warning::PeriodCut { field, date, today }, Lang::Vi) => format!(
                "{field} {} sau hôm nay: báo cáo tính đến hôm nay, {} (sổ chưa có chứng từ nào sau đó).",
                format_vn(*date),
                format_vn(*today)
            ),
            (Warning::PeriodCut { field, date, today }, Lang::En) => format!(
                "{field} {} is after today: the report runs to today, {} (the book has no later vouchers).",
                format_vn(*date),
                format_vn(*today)
            ),
            (Warning::Forecast { date, .. }, _) => format!("{} (--as-of).", forecast_line(*date, lang)),
            (Warning::UnknownColumns { columns }, Lang::Vi) => {
                format!("bỏ qua cột không dùng: {}.", shown_columns(columns, lang))
            }
            (Warning::UnknownColumns { columns }, Lang::En) => {
                format!("ignored the unused columns {}.", shown_columns(columns, lang))
            }
            (Warning::EnteredBackwards { pool, reference, at, previous }, Lang::Vi) => format!(
                "Quỹ {pool}: {reference} ghi lúc {}, trước bản ghi liền trước nó ({}) — đồng hồ máy bị chỉnh lùi?",
                local_time(at),
                local_time(previous)
            ),
            (Warning::EnteredBackwards { pool, reference, at, previous }, Lang::En) => format!(
                "Pool {pool}: {reference} was entered at {}, before the record it follows ({}) — was the clock set back?",
                local_time(at),
                local_time(previous)
            ),
            (Warning::OlderSchema { found, known }, Lang::Vi) => format!(
                "Sổ theo cấu trúc cũ (phiên bản {found}, hiện nay {known}) nên chỉ đọc được: mở một lần không có --read-only để hunvon cập nhật và kiểm tra đủ."
            ),
            (Warning::OlderSchema { found, known }, Lang::En) => format!(
                "The book has an older structure (version {found}, now {known}) and was opened read-only: open it once without --read-only so hunvon updates it and checks it fully."
            ),
            (Warning::RateImplausible { name, value, before, from }, Lang::Vi) => match before {
                Some(b) => format!(
                    "mức {name} = {value} từ {} khác xa mức trước đó ({b}): kiểm tra lại (gõ nhầm sẽ làm sai giá mọi lần mua sau).",
                    format_vn(*from)
                ),
                None => format!("mức {name} = {value} từ {} nằm ngoài khoảng hợp lý: kiểm tra lại.", format_vn(*from)),
            },
            (Warning::RateImplausible { name, value, before, from }, Lang::En) => match before {
                Some(b) => format!(
                    "rate {name} = {value} from {} is far from the value before it ({b}): check it (a typo reprices every later purchase).",
                    format_vn(*from)
                ),
                None => {
                    format!("rate {name} = {value} from {} is outside what is plausible: check it.", format_vn(*from))
                }
            },
            (Warning::NewerRule { pool, reference, field }, Lang::Vi) => format!(
                "Quỹ {pool}: {field} của bản ghi {reference} có ký tự ẩn mà quy định mới không còn nhận (bản ghi cũ, vẫn hợp lệ)."
            ),
            (Warning::NewerRule { pool, reference, field }, Lang::En) => format!(
                "Pool {pool}: the {field} of record {reference} holds a hidden character a newer rule refuses (an older record, still valid)."
            ),
            (Warning::PendingLeft { to, pending }, Lang::Vi) => format!(
                "đến ngày {} còn chênh lệch kiểm kê chưa xử lý ({} {}): xử lý bằng hunvon settle --count.",
                format_vn(*to),
                if pending.0 < 0 { "tiền thiếu" } else { "tiền thừa" },
                Dong(pending.0.abs())
            ),
            (Warning::PendingLeft { to, pending }, Lang::En) => format!(
                "on {} a cash count's difference is still pending ({} {}): clear it with hunvon settle --count.",
                format_vn(*to),
                if pending.0 < 0 { "short by" } else { "over by" },
                Dong(pending.0.abs())
            ),
            (Warning::OutsideCard { person, source, to }, _) => {
                let source = crate::messages::card_source::source_label(Some(source), lang);
                match lang {
                    Lang::Vi => format!(
                        "{person} còn thẻ {source} đến {} (đã ghi phiếu; thẻ mới nối tiếp sau thẻ đó).",
                        format_vn(*to)
                    ),
                    Lang::En => format!(
                        "{person} still has a card {source} until {} (written; the new card follows it).",
                        format_vn(*to)
                    ),
                }
            }
        };
        // Codes and names in a warning never reach a terminal raw.
        format!("{} {}", lang.pick("Cảnh báo:", "Warning:"), crate::domain::text::escape_hidden(&body))
    }
}
