//! One voucher in full: its postings in words, the cover it bought, and both sides of a
//! reversal link — the TUI's voucher detail.

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Method, Series};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::year_month::YearMonth;

use super::super::App;
use super::month_text;

/// One posting: the account in words, and debit (positive) or credit (negative).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostingRow {
    pub account: String,
    pub amount: Dong,
    /// The posting as people read it: "1.500.000 đ vào quỹ của TV1 …", "… ra khỏi tiền mặt".
    pub words: String,
}

/// One person's cover bought by a purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoughtRow {
    pub code: String,
    pub full_name: String,
    pub scheme: &'static str,
    pub period: String,
    pub position: Option<u32>,
    pub quote: Dong,
    pub amount: Dong,
    pub payer: String,
}

/// The voucher detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoucherDetail {
    pub voucher: String,
    pub series: Series,
    pub date: NaiveDate,
    pub kind: Kind,
    pub purpose: String,
    pub method: Option<Method>,
    pub person: Option<(String, String)>,
    pub note: String,
    pub receipt_no: String,
    pub entered_at: String,
    pub hash: String,
    pub total: Dong,
    pub postings: Vec<PostingRow>,
    pub bought: Vec<BoughtRow>,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
}

impl VoucherDetail {
    /// Whether this voucher can still be reversed (not a reversal, not reversed).
    pub fn reversible(&self) -> bool {
        self.kind != Kind::Reversal && self.reversed_by.is_none()
    }
}

/// An account as a treasurer names it.
pub fn account_words(a: &Account, name: Option<&str>, lang: Lang) -> String {
    match a {
        Account::Cash => words::cash_box(lang).into(),
        Account::Bank => words::bank_account(lang).into(),
        Account::FundCommon => words::common_fund(lang).into(),
        Account::FundOpening => words::opening_balances_source(lang).into(),
        Account::FundPending => words::count_difference_pending(lang).into(),
        Account::Member(code) => match name {
            Some(n) => format!("{} {code} {n}", words::account_of(lang)),
            None => format!("{} {code}", words::account_of(lang)),
        },
    }
}

/// What the pool holds for a member, as the noun of a movement: "quỹ của TV1 Lê Thị Hạnh".
pub fn member_fund(code: &str, name: &str, lang: Lang) -> String {
    format!("{} {code} {name}", words::the_fund_held_for(lang)).trim_end().to_string()
}

/// A posting as people read it instead of "Nợ / Có" (SPEC §8): money goes into or out of
/// the cash box or the bank (`asset`: debit in), or into or out of what the pool holds for
/// a member or a fund (credit in). `noun` is the account in words.
pub fn movement(noun: &str, asset: bool, amount: Dong, lang: Lang) -> String {
    let into = (amount.0 > 0) == asset;
    let shown = if amount.0 < 0 { -amount } else { amount };
    let mut chars = noun.chars();
    let noun = chars.next().map(|c| c.to_lowercase().chain(chars).collect::<String>()).unwrap_or_default();
    let way = if into { words::into(lang) } else { words::out_of(lang) };
    format!("{shown} {way} {noun}")
}

/// The kind of a voucher in words.
pub fn kind_words(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Contribution => words::contribution(lang),
        Kind::Receipt => words::common_fund_receipt(lang),
        Kind::Payment => words::common_fund_payment(lang),
        Kind::PurchaseBhyt => words::bhyt_card_purchase(lang),
        Kind::PurchaseBhxh => words::bhxh_payment(lang),
        Kind::Opening => words::opening_balance_column(lang),
        Kind::Transfer => words::cash_bank_transfer(lang),
        Kind::Reversal => words::reversal(lang),
        Kind::Withdrawal => words::money_paid_back(lang),
        Kind::CountDifference => words::cash_count_difference(lang),
        Kind::Settlement => words::count_difference_settled(lang),
    }
}

impl App {
    /// The detail of one voucher of the chosen pool.
    pub fn voucher_detail(&self, voucher: &str) -> Result<VoucherDetail> {
        let pool_id = self.pool()?.id;
        let lang = self.lang;
        let voucher = voucher.trim().to_ascii_uppercase();
        let t = self.store.txn_by_voucher(pool_id, &voucher)?.ok_or_else(|| Error::UnknownVoucher(voucher.clone()))?;
        let name_of = |code: &str| -> Result<Option<String>> {
            Ok(self.store.person(pool_id, code)?.map(|p| p.fields.full_name))
        };
        let mut postings = Vec::new();
        for (a, d) in &t.postings {
            let name = match a {
                Account::Member(c) => name_of(c)?,
                _ => None,
            };
            let noun = match a {
                Account::Member(c) => member_fund(c, name.as_deref().unwrap_or_default(), lang),
                other => account_words(other, None, lang),
            };
            let words = movement(&noun, matches!(a, Account::Cash | Account::Bank), *d, lang);
            postings.push(PostingRow { account: account_words(a, name.as_deref(), lang), amount: *d, words });
        }
        let mut bought = Vec::new();
        let payers = self.store.payers_of(t.id)?;
        for (c, payer) in self.store.coverage_of_txn(t.id)?.into_iter().zip(payers) {
            let p = self.store.person_by_id(c.person_id)?.unwrap_or_default();
            let period = match (c.card_from, c.card_to, &c.from_month, &c.to_month) {
                (Some(f), Some(to), _, _) => {
                    format!(
                        "{} – {}",
                        hunvon_core::domain::date::format_vn(f),
                        hunvon_core::domain::date::format_vn(to)
                    )
                }
                (_, _, Some(f), Some(to)) => {
                    let m = |s: &str| YearMonth::parse(s).map(month_text).unwrap_or_else(|| s.to_string());
                    format!("{} – {}", m(f), m(to))
                }
                _ => String::new(),
            };
            let payer_name = match &payer {
                Account::Member(code) => name_of(code)?,
                _ => None,
            };
            let payer = account_words(&payer, payer_name.as_deref(), lang);
            bought.push(BoughtRow {
                code: p.fields.code,
                full_name: p.fields.full_name,
                scheme: if c.scheme == "bhyt" { "BHYT" } else { "BHXH" },
                period,
                position: c.position,
                quote: c.quote,
                amount: c.amount,
                payer,
            });
        }
        Ok(VoucherDetail {
            purpose: crate::papers::describe::purpose(&t, lang),
            total: t.total(),
            voucher: t.voucher,
            series: t.fields.series,
            date: t.fields.date,
            kind: t.fields.kind,
            method: t.fields.method,
            person: t.person_code.zip(t.person_name),
            note: t.fields.note,
            receipt_no: t.fields.receipt_no,
            entered_at: t.entered_at,
            hash: t.hash,
            postings,
            bought,
            reverses: t.reverses,
            reversed_by: t.reversed_by,
        })
    }
}
