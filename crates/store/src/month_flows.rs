//! Receipts and payments by month (the dashboard's bars and the summary's, SPEC §10): what
//! came into and went out of cash and bank, transfers between them and openings left out.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::fault::Result;

/// One month's money in and out of the pool, in whole đồng.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthFlow {
    /// `YYYY-MM`.
    pub month: String,
    pub receipts: i64,
    pub payments: i64,
}

impl Store {
    /// The months of `from ..= to` that moved money, oldest first. One pass over the
    /// period's cash and bank postings (`transactions_by_date_kind`, `postings_by_txn_account`).
    pub fn month_flows(&self, pool_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<MonthFlow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT substr(t.date, 1, 7), \
                    SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), \
                    SUM(CASE WHEN p.amount < 0 THEN -p.amount ELSE 0 END) \
               FROM transactions t JOIN postings p ON p.txn_id = t.id \
              WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3 AND t.kind NOT IN ('transfer', 'opening') \
                AND p.account_id IN (SELECT id FROM accounts WHERE pool_id = ?1 AND name IN ('cash', 'bank')) \
              GROUP BY 1 ORDER BY 1",
        )?;
        let rows = st.query_map(params![pool_id, from, to], |r| {
            Ok(MonthFlow { month: r.get(0)?, receipts: r.get(1)?, payments: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
