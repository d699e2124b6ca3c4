//! The integrity queries behind `hunvon verify`: maintained data re-derived from the
//! postings, numbering, orphans. The chain itself is walked by `chain.rs`.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::error::Result;
use crate::ledger::Account;
use crate::money::Dong;

impl Store {
    /// Accounts whose maintained balance differs from the sum of their postings:
    /// (account, stored, computed).
    pub fn balance_mismatches(&self, pool_id: i64) -> Result<Vec<(String, Dong, Dong)>> {
        let mut st = self.conn.prepare(
            "SELECT a.name, a.balance, COALESCE((SELECT SUM(p.amount) FROM postings p WHERE p.account_id = a.id), 0) AS s \
             FROM accounts a WHERE a.pool_id = ?1 AND a.balance <> s ORDER BY a.id",
        )?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Days whose maintained movement differs from the postings: (account, date).
    pub fn day_mismatches(&self, pool_id: i64) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "WITH real AS (SELECT p.account_id, t.date, SUM(p.amount) AS amount \
                           FROM postings p JOIN transactions t ON t.id = p.txn_id WHERE t.pool_id = ?1 \
                           GROUP BY p.account_id, t.date), \
                  kept AS (SELECT d.account_id, d.date, d.amount FROM account_days d \
                           JOIN accounts a ON a.id = d.account_id WHERE a.pool_id = ?1) \
             SELECT a.name, x.date FROM ( \
                SELECT real.account_id, real.date FROM real LEFT JOIN kept USING (account_id, date) \
                 WHERE kept.amount IS NOT real.amount \
                UNION \
                SELECT kept.account_id, kept.date FROM kept LEFT JOIN real USING (account_id, date) \
                 WHERE real.amount IS NULL AND kept.amount <> 0) x \
             JOIN accounts a ON a.id = x.account_id ORDER BY x.date LIMIT 10",
        )?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Rows that point at a transaction that does not exist: (table, count).
    pub fn orphans(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for table in ["postings", "coverages"] {
            let n: i64 = self.conn.query_row(
                &format!("SELECT COUNT(*) FROM {table} WHERE txn_id NOT IN (SELECT id FROM transactions)"),
                [],
                |r| r.get(0),
            )?;
            if n > 0 {
                out.push((table, n));
            }
        }
        Ok(out)
    }

    /// Voucher series whose numbers are not exactly 1..n: (series, year, count, max).
    pub fn numbering_gaps(&self, pool_id: i64) -> Result<Vec<(String, i64, i64, i64)>> {
        let mut st = self.conn.prepare(
            "SELECT series, year, COUNT(*), MAX(seq) FROM transactions WHERE pool_id = ?1 \
             GROUP BY series, year HAVING COUNT(*) <> MAX(seq) OR MIN(seq) <> 1",
        )?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Coverage rows whose transaction is not a purchase: (voucher).
    pub fn coverage_outside_purchases(&self, pool_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT DISTINCT t.voucher FROM coverages c JOIN transactions t ON t.id = c.txn_id \
             WHERE t.pool_id = ?1 AND t.kind NOT IN ('purchase_bhyt', 'purchase_bhxh') ORDER BY t.id LIMIT 10",
        )?;
        let rows = st.query_map([pool_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Each day's net movement of cash or bank, from the postings, oldest first.
    pub fn daily_movements(&self, pool_id: i64, account: &Account) -> Result<Vec<(NaiveDate, Dong)>> {
        let mut st = self.conn.prepare(
            "SELECT t.date, SUM(p.amount) FROM postings p JOIN transactions t ON t.id = p.txn_id \
             JOIN accounts a ON a.id = p.account_id WHERE t.pool_id = ?1 AND a.name = ?2 \
             GROUP BY t.date ORDER BY t.date",
        )?;
        let rows = st.query_map(params![pool_id, account.name()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The sums of every posting of the pool by account, from the postings themselves.
    pub fn posted_sums(&self, pool_id: i64) -> Result<Vec<(String, Dong)>> {
        let mut st = self.conn.prepare(
            "SELECT a.name, COALESCE(SUM(p.amount), 0) FROM accounts a LEFT JOIN postings p ON p.account_id = a.id \
             WHERE a.pool_id = ?1 GROUP BY a.id ORDER BY a.id",
        )?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
