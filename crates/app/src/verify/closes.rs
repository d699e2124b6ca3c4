//! Closes held to the chain alone (SPEC §9): after a `close` record no voucher entered
//! later may be dated on or before its day, and the close's cash and bank figures are
//! what the vouchers entered before it give at that day. The `closes` table and its
//! triggers guard this while they stand; with them set aside (the row deleted, a voucher
//! slipped into January, the row put back) only the chain still tells, and this says so.

use std::collections::BTreeMap;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Account;
use hunvon_core::ledger::canonical::CanonicalTransaction;
use hunvon_core::ledger::record::CloseRecord;

use crate::verify::chain_problem::ChainProblem;

/// What the walk has met so far: cash and bank movements by day, and the latest close.
pub struct CloseCheck {
    /// The names of cash and bank, made once (not twice per voucher).
    cash: String,
    bank: String,
    /// Per day (ISO): net cash and bank movement, checked sums (None once overflowed).
    days: BTreeMap<String, (Option<i64>, Option<i64>)>,
    /// The latest close: its place and the day it closes to.
    closed: Option<(i64, String)>,
    pub problems: Vec<ChainProblem>,
}

impl Default for CloseCheck {
    fn default() -> CloseCheck {
        CloseCheck {
            cash: Account::Cash.name(),
            bank: Account::Bank.name(),
            days: BTreeMap::new(),
            closed: None,
            problems: Vec::new(),
        }
    }
}

/// Closing problems named per pool; more are counted in none (the first tell enough).
const NAMED: usize = 10;

impl CloseCheck {
    /// A voucher met on the walk, in chain order.
    pub fn voucher(&mut self, t: &CanonicalTransaction) {
        if let Some((pos, to)) = &self.closed
            && t.date <= *to
            && self.problems.len() < NAMED
        {
            self.problems.push(ChainProblem::InClosedPeriod {
                voucher: t.voucher.clone(),
                date: t.date.clone(),
                close: format!("#{pos}"),
                to: to.clone(),
            });
        }
        // Most vouchers fall on the latest day met (no search, docs/design.md §12), else
        // on a day already met: looked up before allocating its key.
        let on_last = self.days.last_key_value().is_some_and(|(d, _)| *d == t.date);
        if !on_last && !self.days.contains_key(&t.date) {
            self.days.insert(t.date.clone(), (Some(0), Some(0)));
        }
        let day = if on_last { self.days.last_entry().map(|e| e.into_mut()) } else { self.days.get_mut(&t.date) };
        let Some(day) = day else { return };
        for p in &t.postings {
            if p.account == self.cash {
                day.0 = day.0.and_then(|s| s.checked_add(p.amount));
            } else if p.account == self.bank {
                day.1 = day.1.and_then(|s| s.checked_add(p.amount));
            }
        }
    }

    /// A close record at `pos`: its figures against the vouchers met before it.
    pub fn close(&mut self, pos: i64, c: &CloseRecord) {
        let (mut cash, mut bank) = (Some(0i64), Some(0i64));
        for (c_day, b_day) in self.days.range(..=c.to.clone()).map(|(_, v)| v) {
            cash = cash.zip(*c_day).and_then(|(a, b)| a.checked_add(b));
            bank = bank.zip(*b_day).and_then(|(a, b)| a.checked_add(b));
        }
        for (field, recorded, computed) in [("cash", c.cash, cash), ("bank", c.bank, bank)] {
            if computed != Some(recorded) && self.problems.len() < NAMED {
                self.problems.push(ChainProblem::CloseFigure {
                    close: format!("#{pos}"),
                    to: c.to.clone(),
                    field,
                    recorded: Dong(recorded),
                    computed: computed.map(Dong),
                });
            }
        }
        if self.closed.as_ref().is_none_or(|(_, to)| c.to > *to) {
            self.closed = Some((pos, c.to.clone()));
        }
    }
}
