//! How a voucher is named for people: the "Diễn giải" of the cash book and the line a
//! write prints (`PT-2025-0007  Thu 1.263.600 đ — Lê Thị Thu Hương`).

use crate::words;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Series};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::queries::TxnRow;

/// "Thu", "Chi" or "Ghi sổ" for the voucher's series.
pub fn verb(series: Series, lang: Lang) -> &'static str {
    match series {
        Series::Pt => words::in_word(lang),
        Series::Pc => words::out(lang),
        Series::Pk => words::entry(lang),
        Series::Bc => words::credited(lang),
        Series::Bn => words::debited(lang),
    }
}

/// The purpose of a voucher in words, naming the person where there is one.
pub fn purpose(t: &TxnRow, lang: Lang) -> String {
    let who = t.person_name.clone().unwrap_or_default();
    let with_note = |base: String| if t.note.is_empty() { base } else { format!("{base} ({})", t.note) };
    match t.kind {
        Kind::Contribution => with_note(format!("{} — {who}", words::contribution(lang))),
        Kind::Receipt => format!("{} — {}", words::common_fund_receipt(lang), t.note),
        Kind::Payment => format!("{} — {}", words::common_fund_payment(lang), t.note),
        Kind::PurchaseBhyt => format!("{} — {who}", words::bhyt_purchase(lang)),
        Kind::PurchaseBhxh => format!("{} — {who}", words::bhxh_purchase(lang)),
        Kind::Opening => {
            let account = t.postings.iter().map(|(a, _)| a).find(|a| **a != Account::FundOpening);
            match account {
                Some(Account::Cash) => words::opening_cash_balance(lang).into(),
                Some(Account::Bank) => words::opening_bank_balance(lang).into(),
                _ => format!("{} — {who}", words::member_s_opening_balance(lang)),
            }
        }
        Kind::Transfer => {
            let into_bank = t.postings.iter().any(|(a, d)| *a == Account::Bank && d.0 > 0);
            let base =
                if into_bank { words::cash_deposited_at_the_bank(lang) } else { words::cash_drawn_from_the_bank(lang) };
            with_note(base.to_string())
        }
        Kind::Withdrawal => with_note(format!("{} — {who}", words::money_paid_back(lang))),
        Kind::CountDifference => with_note(words::cash_count_difference(lang).into()),
        Kind::Settlement => with_note(words::count_difference_settled(lang).into()),
        Kind::Reversal => {
            format!("{} {}: {}", words::reversal_of(lang), t.reverses.clone().unwrap_or_default(), t.note)
        }
    }
}

/// The one line a write prints on stdout.
pub fn written_line(voucher: &str, series: Series, total: Dong, purpose: &str, lang: Lang) -> String {
    // The purpose carries a person's name and the note, which may predate the refusal
    // of hidden characters: never raw on a terminal.
    format!("{voucher}  {} {total} — {}", verb(series, lang), hunvon_core::domain::text::escape_hidden(purpose))
}
