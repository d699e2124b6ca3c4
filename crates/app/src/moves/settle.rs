//! `hunvon settle --count REF --amount A (--person C | --fund common) --date D`: clears
//! what a cash count left in `fund:pending` (SPEC §8). A shortage paid in by someone is a
//! phiếu thu (cash in); a surplus handed back to whom it belonged is a phiếu chi; either
//! absorbed by the common fund moves no cash and is a phiếu kế toán.

use hunvon_core::domain::input;
use hunvon_core::ledger::{Account, Kind, Method, NewTransaction, Series};
use hunvon_core::messages::error::{CountError, Result};

use crate::App;
use crate::moves::Written;

/// Who settles a count's difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SettleBy {
    /// A person pays the shortage in (or takes the surplus), in cash.
    Person(String),
    /// The common fund absorbs it.
    Common,
}

impl App {
    /// Settles `amount` of count `count`'s pending difference, dated `date`.
    pub fn settle(&mut self, count: &str, amount: &str, by: &SettleBy, date: &str) -> Result<Written> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let found = self.store.count_by_label(pool_id, count)?.ok_or_else(|| CountError::Unknown(count.into()))?;
        let label = found.label();
        let amount = input::amount("--amount", amount)?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        // As held: a shortage is negative (the pool is owed it), a surplus positive.
        let pending = self.store.pending_of_count(pool_id, &label)?;
        if pending.is_zero() {
            return Err(CountError::NothingPending(label).into());
        }
        if amount.0 > pending.0.abs() {
            let pending = hunvon_core::domain::money::Dong(pending.0.abs());
            return Err(CountError::BeyondPending { count: label, amount, pending }.into());
        }
        let shortage = pending.0 < 0;
        let person = match by {
            SettleBy::Person(code) => Some(self.person(code)?),
            SettleBy::Common => None,
        };
        let (series, postings) = match (shortage, &person) {
            (true, Some(_)) => (Series::Pt, vec![(Account::Cash, amount), (Account::FundPending, -amount)]),
            (true, None) => (Series::Pk, vec![(Account::FundCommon, amount), (Account::FundPending, -amount)]),
            (false, Some(_)) => (Series::Pc, vec![(Account::FundPending, amount), (Account::Cash, -amount)]),
            (false, None) => (Series::Pk, vec![(Account::FundPending, amount), (Account::FundCommon, -amount)]),
        };
        let mut t = NewTransaction::simple(series, Kind::Settlement, date, postings);
        if let Some(p) = &person {
            t.person_id = Some(p.id);
            t.method = Some(Method::Cash);
        }
        t.note = label.clone();
        t.count_ref = label;
        self.write_one(t)
    }
}
