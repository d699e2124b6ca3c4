//! The maintained sums of a collected pool (balances, kept debits and credits, daily
//! movements), added up while its vouchers are copied and written once per pool — what
//! `transactions_maintain_balances` does for a voucher written here (store/collect.rs).
//!
//! Why in Rust: the collector already holds every posting with its account id, date and
//! whether its voucher is a reversal. Reading them back in SQL (every posting joined with
//! its transaction, sorted by account and day) cost a first collection more than a
//! second for 700.000 vouchers; a hash map costs a few hundredths. `verify` re-derives all
//! of them from the postings either way.

use std::collections::HashMap;

use crate::fault::Result;

/// Rows per `account_days` statement.
const CHUNK: usize = 64;

/// Sums not yet written.
#[derive(Default)]
pub(super) struct Sums {
    /// account id → (net movement, kept debits, kept credits).
    accounts: HashMap<i64, [i64; 3]>,
    /// day → account id → net movement.
    days: HashMap<String, HashMap<i64, i64>>,
}

impl Sums {
    /// Adds one voucher's postings, (account id, amount), dated `date`. A reversal takes
    /// its original's debits and credits back out: its own credits were the original's
    /// debits, and the other way round (as the trigger does).
    pub fn add(&mut self, date: &str, reversal: bool, postings: impl Iterator<Item = (i64, i64)>) {
        if !self.days.contains_key(date) {
            self.days.insert(date.to_string(), HashMap::new());
        }
        let Some(day) = self.days.get_mut(date) else { return };
        for (account, amount) in postings {
            let (debit, credit) =
                if reversal { (amount.min(0), (-amount).min(0)) } else { (amount.max(0), (-amount).max(0)) };
            let s = self.accounts.entry(account).or_default();
            s[0] += amount;
            s[1] += debit;
            s[2] += credit;
            *day.entry(account).or_default() += amount;
        }
    }

    /// Adds the sums to the book's and starts again from nothing.
    pub fn write(&mut self, conn: crate::Conn<'_>) -> Result<()> {
        let conn = conn.0;
        let mut accounts: Vec<_> = self.accounts.drain().collect();
        accounts.sort_unstable();
        let mut st = conn.prepare_cached(
            "UPDATE accounts SET balance = balance + ?2, kept_debits = kept_debits + ?3, \
             kept_credits = kept_credits + ?4 WHERE id = ?1",
        )?;
        for (id, [total, debits, credits]) in accounts {
            st.execute([id, total, debits, credits])?;
        }
        // In the table's own order (account, day): each row lands next to the last.
        let mut days: Vec<(i64, &str, i64)> = Vec::new();
        for (date, by_account) in &self.days {
            days.extend(by_account.iter().map(|(a, n)| (*a, date.as_str(), *n)));
        }
        days.sort_unstable();
        let mut rest = &days[..];
        while !rest.is_empty() {
            // Powers of two: a few statements serve every pool, and stay in the cache
            // beside the copy's own.
            let n = if rest.len() >= CHUNK { CHUNK } else { 1 << rest.len().ilog2() };
            let (rows, later) = rest.split_at(n);
            rest = later;
            let mut st = conn.prepare_cached(&upsert(n))?;
            for (i, (account, date, amount)) in rows.iter().enumerate() {
                st.raw_bind_parameter(1 + 3 * i, account)?;
                st.raw_bind_parameter(2 + 3 * i, date)?;
                st.raw_bind_parameter(3 + 3 * i, amount)?;
            }
            st.raw_execute()?;
        }
        self.days.clear();
        Ok(())
    }
}

/// The upsert of `n` daily movements.
fn upsert(n: usize) -> String {
    format!(
        "INSERT INTO account_days (account_id, date, amount) VALUES {} \
         ON CONFLICT (account_id, date) DO UPDATE SET amount = amount + excluded.amount",
        vec!["(?, ?, ?)"; n].join(", ")
    )
}
