//! The cash book and the bank book as the TUI shows them: one line per voucher of a
//! period with the running balance (Tồn), a page at a time, and a description that says
//! what happened ("Mua BHYT 4 người — hộ Thạch Thị Sà Phol").

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Kind, Method};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::browse::BookLine;

use super::super::App;
use super::Dir;

/// One line of the book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BookRow {
    pub id: i64,
    pub date: NaiveDate,
    pub voucher: String,
    pub kind: Kind,
    pub person_code: Option<String>,
    pub purpose: String,
    /// Positive in, negative out.
    pub amount: Dong,
    /// The balance after this voucher.
    pub balance: Dong,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
}

impl BookRow {
    /// Where the voucher stands in the book: its keyset position.
    pub fn key(&self) -> (NaiveDate, i64) {
        (self.date, self.id)
    }
}

/// What happened, in words (the cash book's "Diễn giải").
pub fn describe(l: &BookLine, lang: Lang) -> String {
    let who = l.person_name.clone().unwrap_or_default();
    let note = |base: String| if l.note.is_empty() { base } else { format!("{base} ({})", l.note) };
    match l.kind {
        Kind::Contribution => note(format!("{} — {who}", words::contribution(lang))),
        Kind::Receipt => format!("{} — {}", words::common_fund_receipt(lang), l.note),
        Kind::Payment => format!("{} — {}", words::common_fund_payment(lang), l.note),
        Kind::PurchaseBhyt if l.covered > 1 => {
            let house = l.household_name.clone().unwrap_or(who);
            // Household names often begin with "Hộ" already.
            let named = hunvon_core::domain::text::fold(&house).starts_with("ho ");
            let line = if named { words::bhyt_for_household_named } else { words::bhyt_for_household };
            line(lang, l.covered, house)
        }
        Kind::PurchaseBhyt => match l.months {
            Some(m) => words::bhyt_months_for(lang, m, who),
            None => format!("{} — {who}", words::buy_bhyt(lang)),
        },
        Kind::PurchaseBhxh => match l.months {
            Some(m) => words::bhxh_months_for(lang, m, who),
            None => format!("{} — {who}", words::pay_bhxh(lang)),
        },
        Kind::Opening if l.person_name.is_some() => {
            format!("{} — {who}", words::member_s_opening_balance(lang))
        }
        Kind::Opening => words::opening_balance_column(lang).to_string(),
        Kind::Transfer => note(words::transfer_between_cash_and_bank(lang).to_string()),
        Kind::Withdrawal => note(format!("{} — {who}", words::money_paid_back(lang))),
        Kind::CountDifference => note(words::cash_count_difference(lang).into()),
        Kind::Settlement => note(words::count_difference_settled(lang).into()),
        Kind::Reversal => {
            format!("{} {}: {}", words::reversal_of(lang), l.reverses.clone().unwrap_or_default(), l.note)
        }
    }
}

/// The transfer's direction and the opening's place depend on the book being read.
fn describe_in(l: &BookLine, method: Method, lang: Lang) -> String {
    match (l.kind, method, l.amount.0 > 0) {
        (Kind::Transfer, Method::Cash, false) | (Kind::Transfer, Method::Bank, true) => {
            let base = words::cash_deposited_at_the_bank(lang);
            if l.note.is_empty() { base.into() } else { format!("{base} ({})", l.note) }
        }
        (Kind::Transfer, _, _) => {
            let base = words::cash_drawn_to_the_cash_box(lang);
            if l.note.is_empty() { base.into() } else { format!("{base} ({})", l.note) }
        }
        (Kind::Opening, Method::Cash, _) if l.person_name.is_none() => words::opening_cash_balance(lang).into(),
        (Kind::Opening, Method::Bank, _) if l.person_name.is_none() => words::opening_bank_balance(lang).into(),
        _ => describe(l, lang),
    }
}

impl App {
    /// Up to `limit` lines of the cash or bank book dated `from..=to`, after or before
    /// the voucher at `anchor`, each with the running balance after it.
    pub fn book_page(
        &self,
        method: Method,
        from: NaiveDate,
        to: NaiveDate,
        anchor: Option<(NaiveDate, i64)>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<BookRow>> {
        let pool_id = self.pool()?.id;
        let account = self.store.account_id(pool_id, &method.account())?.ok_or(Error::NoPool)?;
        let lines = self.store.book_page(pool_id, account, from, to, anchor, dir, limit)?;
        let Some(first) = lines.first() else { return Ok(Vec::new()) };
        let mut balance = self.store.balance_before(pool_id, account, first.date, first.id)?;
        let lang = self.lang;
        Ok(lines
            .into_iter()
            .map(|l| {
                balance += l.amount;
                BookRow {
                    id: l.id,
                    date: l.date,
                    voucher: l.voucher.clone(),
                    kind: l.kind,
                    person_code: l.person_code.clone(),
                    purpose: describe_in(&l, method, lang),
                    amount: l.amount,
                    balance,
                    reverses: l.reverses,
                    reversed_by: l.reversed_by,
                }
            })
            .collect())
    }

    /// The book's balance before `from` and at the end of `to` (Tồn đầu kỳ, cuối kỳ).
    pub fn book_ends(&self, method: Method, from: NaiveDate, to: NaiveDate) -> Result<(Dong, Dong)> {
        let pool_id = self.pool()?.id;
        let account = self.store.account_id(pool_id, &method.account())?.ok_or(Error::NoPool)?;
        let before = self.store.balance_at_end_of(account, from - chrono::Duration::days(1))?;
        Ok((before, self.store.balance_at_end_of(account, to)?))
    }

    /// What came into and went out of the book in `from..=to` (its totals row).
    pub fn book_totals(&self, method: Method, from: NaiveDate, to: NaiveDate) -> Result<(Dong, Dong)> {
        let pool_id = self.pool()?.id;
        let account = self.store.account_id(pool_id, &method.account())?.ok_or(Error::NoPool)?;
        self.store.book_totals(pool_id, account, from, to).map_err(Into::into)
    }

    /// The book line of one voucher, when it moved this book's money in the period.
    pub fn book_row(
        &self,
        method: Method,
        from: NaiveDate,
        to: NaiveDate,
        key: (NaiveDate, i64),
    ) -> Result<Option<BookRow>> {
        let before = (key.0, key.1 - 1);
        Ok(self.book_page(method, from, to, Some(before), Dir::Forward, 1)?.into_iter().find(|r| r.key() == key))
    }

    /// Where a voucher stands (its date and id), to select it in a book.
    pub fn voucher_position(&self, voucher: &str) -> Result<Option<(NaiveDate, i64)>> {
        self.store.voucher_position(self.pool()?.id, voucher).map_err(Into::into)
    }
}
