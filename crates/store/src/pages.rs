//! Windows onto long lists for the TUI: keyset pages, never the whole ledger in memory.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;

/// One row of the member list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub id: i64,
    pub code: String,
    pub full_name: String,
    pub household: Option<String>,
    pub member: bool,
    /// What the pool holds for her (negative: she owes the pool).
    pub balance: Dong,
}

/// One line of the cash book window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashRow {
    pub id: i64,
    pub date: NaiveDate,
    pub voucher: String,
    pub kind: String,
    pub person: Option<String>,
    pub note: String,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
    pub amount: Dong,
}

impl Store {
    /// Up to `limit` persons of the pool with codes after `after`, by code, whose folded
    /// name or code contains `filter` (folded already; empty for all).
    pub fn person_page(&self, pool_id: i64, filter: &str, after: &str, limit: usize) -> Result<Vec<PersonRow>> {
        let like = format!("%{}%", filter.replace(['%', '_'], ""));
        let mut st = self.conn.prepare_cached(
            "SELECT p.id, p.code, p.full_name, h.code, p.joined IS NOT NULL, -a.balance \
             FROM persons p JOIN accounts a ON a.person_id = p.id LEFT JOIN households h ON h.id = p.household_id \
             WHERE p.pool_id = ?1 AND p.code > ?2 AND (p.name_folded LIKE ?3 OR lower(p.code) LIKE ?3) \
             ORDER BY p.code LIMIT ?4",
        )?;
        let rows = st.query_map(params![pool_id, after, like, limit as i64], |r| {
            Ok(PersonRow {
                id: r.get(0)?,
                code: r.get(1)?,
                full_name: r.get(2)?,
                household: r.get(3)?,
                member: r.get(4)?,
                balance: r.code(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many persons match the filter.
    pub fn person_count(&self, pool_id: i64, filter: &str) -> Result<i64> {
        let like = format!("%{}%", filter.replace(['%', '_'], ""));
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM persons p WHERE p.pool_id = ?1 AND (p.name_folded LIKE ?2 OR lower(p.code) LIKE ?2)",
            )?
            .query_row(params![pool_id, like], |r| r.get(0))?)
    }

    /// Up to `limit` vouchers touching `account` (cash or bank), newest first, strictly
    /// before the keyset position (date, id).
    pub fn cash_page(
        &self,
        pool_id: i64,
        account: &str,
        before: (NaiveDate, i64),
        limit: usize,
    ) -> Result<Vec<CashRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT t.id, t.date, t.voucher, t.kind, pe.full_name, t.note, r.voucher, rv.voucher, p.amount \
             FROM transactions t JOIN postings p ON p.txn_id = t.id \
             JOIN accounts a ON a.id = p.account_id AND a.pool_id = ?1 AND a.name = ?2 \
             LEFT JOIN persons pe ON pe.id = t.person_id LEFT JOIN transactions r ON r.id = t.reverses_id \
             LEFT JOIN transactions rv ON rv.reverses_id = t.id \
             WHERE t.pool_id = ?1 AND (t.date < ?3 OR (t.date = ?3 AND t.id < ?4)) \
             ORDER BY t.date DESC, t.id DESC LIMIT ?5",
        )?;
        let rows = st.query_map(params![pool_id, account, before.0, before.1, limit as i64], |r| {
            Ok(CashRow {
                id: r.get(0)?,
                date: r.get(1)?,
                voucher: r.get(2)?,
                kind: r.get(3)?,
                person: r.get(4)?,
                note: r.get(5)?,
                reverses: r.get(6)?,
                reversed_by: r.get(7)?,
                amount: r.code(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// SQLite's `data_version`: changes when another connection commits to the file.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

impl Store {
    /// A person's latest postings on her own account: (date, voucher, amount as she sees it).
    pub fn person_postings(&self, person_id: i64, limit: usize) -> Result<Vec<(NaiveDate, String, Dong)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT t.date, t.voucher, -p.amount FROM accounts a JOIN postings p ON p.account_id = a.id \
             JOIN transactions t ON t.id = p.txn_id WHERE a.person_id = ?1 ORDER BY t.date DESC, t.id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![person_id, limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.code(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// What came into and went out of one account (cash or bank) in `from..=to`, as the
    /// book on screen lists it: the sum of its lines above zero and of those below.
    pub fn book_totals(&self, pool_id: i64, account_id: i64, from: NaiveDate, to: NaiveDate) -> Result<(Dong, Dong)> {
        let sums = |apart: &str| {
            format!(
                "SELECT COALESCE(SUM(CASE WHEN p.amount > 0 THEN p.amount ELSE 0 END), 0), \
                        COALESCE(SUM(CASE WHEN p.amount < 0 THEN -p.amount ELSE 0 END), 0) \
                 FROM transactions t JOIN postings p ON p.txn_id = t.id AND +p.account_id = ?2 \
                 WHERE t.pool_id = ?1 AND t.date >= ?3 AND t.date <= ?4{apart}"
            )
        };
        // Since step 15 the month's kept days of cash or bank (a province's month is
        // 100.000 vouchers), and the few vouchers they leave out read on their own.
        let bank: Option<bool> = if self.schema_version()? >= crate::money_moves::DAY_MOVES_STEP {
            self.conn
                .prepare_cached(
                    "SELECT name = 'bank' FROM accounts WHERE id = ?1 AND person_id IS NULL AND name IN ('cash', 'bank')",
                )?
                .query_row([account_id], |r| r.get(0))
                .optional()?
        } else {
            None
        };
        let Some(bank) = bank else {
            let mut st = self.conn.prepare_cached(&sums(""))?;
            return Ok(
                st.query_row(params![pool_id, account_id, from, to], |r| Ok((Dong(r.get(0)?), Dong(r.get(1)?))))?
            );
        };
        let mut st = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(CASE WHEN incoming THEN amount ELSE 0 END), 0), \
                    COALESCE(SUM(CASE WHEN incoming THEN 0 ELSE -amount END), 0) \
             FROM day_moves WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3 AND bank = ?4",
        )?;
        let (kept_in, kept_out): (i64, i64) =
            st.query_row(params![pool_id, from, to, bank], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let mut st = self.conn.prepare_cached(&sums(" AND (t.series = 'PK' OR t.kind = 'reversal')"))?;
        let (apart_in, apart_out): (i64, i64) =
            st.query_row(params![pool_id, account_id, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((Dong(kept_in + apart_in), Dong(kept_out + apart_out)))
    }
}
