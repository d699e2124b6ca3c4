//! Queries behind the papers (docs/design.md §6) that no other command needs.

use chrono::NaiveDate;
use rusqlite::params;

use std::collections::HashMap;

use super::Store;
use crate::fault::Result;

impl Store {
    /// The date of the pool's first voucher: the day its book was opened ("Ngày mở sổ").
    pub fn first_voucher_date(&self, pool_id: i64) -> Result<Option<chrono::NaiveDate>> {
        Ok(self
            .conn
            .prepare_cached("SELECT MIN(date) FROM transactions WHERE pool_id = ?1")?
            .query_row([pool_id], |r| r.get(0))?)
    }

    /// The day a member's balance last went below zero, if it is below zero at the end of
    /// `to`: walking her account's daily movements, the last day the pool's claim on her
    /// (her account's debit balance) turned positive.
    pub fn negative_since(&self, pool_id: i64, code: &str, to: NaiveDate) -> Result<Option<NaiveDate>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.date, d.amount FROM account_days d JOIN accounts a ON a.id = d.account_id \
             WHERE a.pool_id = ?1 AND a.name = ?2 AND d.date <= ?3 ORDER BY d.date",
        )?;
        let mut rows = st.query(params![pool_id, format!("member:{code}"), to])?;
        let (mut owed, mut since) = (0i64, None);
        while let Some(r) = rows.next()? {
            let (date, amount): (NaiveDate, i64) = (r.get(0)?, r.get(1)?);
            if owed <= 0 && owed + amount > 0 {
                since = Some(date);
            }
            owed += amount;
        }
        Ok(if owed > 0 { since } else { None })
    }
}

impl Store {
    /// Every person's name by code (the journal names member accounts in words).
    pub fn person_names(&self, pool_id: i64) -> Result<HashMap<String, String>> {
        let mut st = self.conn.prepare_cached("SELECT code, full_name FROM persons WHERE pool_id = ?1")?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The insured persons' names of each purchase dated in the period and of each
    /// purchase reversed in it, in the order of its coverage rows (those with an amount,
    /// which are the ones posted).
    pub fn insured_in_period(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<HashMap<i64, Vec<String>>> {
        let (lo, hi) = super::queries::period_bounds(from, to);
        let mut st = self.conn.prepare_cached(
            "SELECT c.txn_id, pe.full_name FROM coverages c JOIN persons pe ON pe.id = c.person_id \
             WHERE c.amount <> 0 AND c.txn_id IN ( \
                 SELECT id FROM transactions WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3 \
                 UNION SELECT reverses_id FROM transactions \
                       WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3 AND reverses_id IS NOT NULL) \
             ORDER BY c.txn_id, c.id",
        )?;
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            out.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(out)
    }
}

impl Store {
    /// BHYT cards and BHXH months bought in the period and not reversed by its end.
    pub fn bought_in_period(&self, pool_id: i64, from: Option<NaiveDate>, to: NaiveDate) -> Result<(i64, i64)> {
        let (lo, hi) = super::queries::period_bounds(from, Some(to));
        let mut st = self.conn.prepare_cached(
            "SELECT c.scheme, COUNT(*), SUM(c.months) FROM transactions t CROSS JOIN coverages c ON c.txn_id = t.id \
             WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3 AND t.kind IN ('purchase_bhyt', 'purchase_bhxh') \
               AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id AND r.date <= ?3) \
             GROUP BY c.scheme",
        )?;
        let (mut cards, mut months) = (0, 0);
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            match r.get::<_, String>(0)?.as_str() {
                "bhyt" => cards = r.get(1)?,
                _ => months = r.get(2)?,
            }
        }
        Ok((cards, months))
    }

    /// The pool's members who joined by the end of `to`, by code: (id, code, full name,
    /// joined, left) — what the dues schedule needs, without the rest of a person's row.
    pub fn dues_members(&self, pool_id: i64, to: NaiveDate) -> Result<Vec<DuesMember>> {
        let sql = format!(
            "SELECT p.id, p.code, p.full_name, p.joined, {} FROM persons p \
             WHERE p.pool_id = ?1 AND p.joined IS NOT NULL AND p.joined <= ?2 ORDER BY p.code",
            super::people::left_on_column(&self.conn)?
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![pool_id, to], |r| {
            Ok(DuesMember {
                id: r.get(0)?,
                code: r.get(1)?,
                full_name: r.get(2)?,
                joined: r.get(3)?,
                left_on: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many members (people who joined) the pool has at the end of `day`.
    pub fn members_on(&self, pool_id: i64, day: NaiveDate) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM persons WHERE pool_id = ?1 AND joined IS NOT NULL AND joined <= ?2")?
            .query_row(params![pool_id, day], |r| r.get(0))?)
    }
}

/// A member as the dues schedule sees her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuesMember {
    pub id: i64,
    pub code: String,
    pub full_name: String,
    pub joined: NaiveDate,
    pub left_on: Option<NaiveDate>,
}
