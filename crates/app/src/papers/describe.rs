//! How a voucher is named for people: the "Diễn giải" of the cash book and the line a
//! write prints (`PT-2025-0007  Thu 1.263.600 đ — Lê Thị Thu Hương`).

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Series};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::queries::TxnRow;

/// "Thu", "Chi" or "Ghi sổ" for the voucher's series.
pub fn verb(series: Series, lang: Lang) -> &'static str {
    match series {
        Series::Pt => lang.pick("Thu", "In"),
        Series::Pc => lang.pick("Chi", "Out"),
        Series::Pk => lang.pick("Ghi sổ", "Entry"),
        Series::Bc => lang.pick("Báo Có", "Credited"),
        Series::Bn => lang.pick("Báo Nợ", "Debited"),
    }
}

/// The purpose of a voucher in words, naming the person where there is one.
pub fn purpose(t: &TxnRow, lang: Lang) -> String {
    let who = t.person_name.clone().unwrap_or_default();
    let with_note = |base: String| if t.note.is_empty() { base } else { format!("{base} ({})", t.note) };
    match t.kind {
        Kind::Contribution => with_note(format!("{} — {who}", lang.pick("Thu tiền góp", "Contribution"))),
        Kind::Receipt => format!("{} — {}", lang.pick("Thu quỹ chung", "Common fund receipt"), t.note),
        Kind::Payment => format!("{} — {}", lang.pick("Chi quỹ chung", "Common fund payment"), t.note),
        Kind::PurchaseBhyt => format!("{} — {who}", lang.pick("Chi mua thẻ BHYT", "BHYT purchase")),
        Kind::PurchaseBhxh => format!("{} — {who}", lang.pick("Chi đóng BHXH tự nguyện", "BHXH purchase")),
        Kind::Opening => {
            let account = t.postings.iter().map(|(a, _)| a).find(|a| **a != Account::FundOpening);
            match account {
                Some(Account::Cash) => lang.pick("Số dư đầu kỳ tiền mặt", "Opening cash balance").into(),
                Some(Account::Bank) => lang.pick("Số dư đầu kỳ tiền gửi ngân hàng", "Opening bank balance").into(),
                _ => format!("{} — {who}", lang.pick("Số dư đầu kỳ của thành viên", "Member's opening balance")),
            }
        }
        Kind::Transfer => {
            let into_bank = t.postings.iter().any(|(a, d)| *a == Account::Bank && d.0 > 0);
            let base = if into_bank {
                lang.pick("Nộp tiền mặt vào ngân hàng", "Cash deposited at the bank")
            } else {
                lang.pick("Rút tiền ngân hàng về quỹ", "Cash drawn from the bank")
            };
            with_note(base.to_string())
        }
        Kind::Withdrawal => with_note(format!("{} — {who}", lang.pick("Trả lại tiền góp", "Money paid back"))),
        Kind::CountDifference => with_note(lang.pick("Chênh lệch kiểm kê quỹ", "Cash count difference").into()),
        Kind::Settlement => with_note(lang.pick("Xử lý chênh lệch kiểm kê", "Count difference settled").into()),
        Kind::Reversal => {
            format!("{} {}: {}", lang.pick("Hủy", "Reversal of"), t.reverses.clone().unwrap_or_default(), t.note)
        }
    }
}

/// The one line a write prints on stdout.
pub fn written_line(voucher: &str, series: Series, total: Dong, purpose: &str, lang: Lang) -> String {
    // The purpose carries a person's name and the note, which may predate the refusal
    // of hidden characters: never raw on a terminal.
    format!("{voucher}  {} {total} — {}", verb(series, lang), hunvon_core::domain::text::escape_hidden(purpose))
}
