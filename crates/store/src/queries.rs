//! Read-only queries behind the commands and reports.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, TransactionFields};

/// One person's figures for `report balances` (now with the opening column).
pub use super::periods::MemberRow as BalanceRow;

/// A voucher as stored: its id and number, its columns and postings
/// ([`TransactionFields`], the one description of a voucher's fields, read through
/// `Deref`: `t.date`), the codes and names its ids point at, both sides of a reversal
/// link, and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxnRow {
    pub id: i64,
    pub voucher: String,
    pub fields: TransactionFields,
    pub person_code: Option<String>,
    pub person_name: Option<String>,
    pub reverses: Option<String>,
    pub reversed_by: Option<String>,
    /// The date of the reversal that cancels it: a paper of a period ending before that
    /// day shows it as it was signed, not cancelled (SPEC §8).
    pub reversed_on: Option<NaiveDate>,
    pub entered_at: String,
    pub hash: String,
}

impl std::ops::Deref for TxnRow {
    type Target = TransactionFields;

    fn deref(&self) -> &TransactionFields {
        &self.fields
    }
}

impl std::ops::DerefMut for TxnRow {
    fn deref_mut(&mut self) -> &mut TransactionFields {
        &mut self.fields
    }
}

/// The columns `txn_row` reads; a book before schema step 8 (opened read-only) has no
/// `bank_ref`, read as empty.
fn txn_columns(conn: &Connection) -> Result<&'static str> {
    Ok(if super::chain::has_refs(conn)? {
        "t.id, t.voucher, t.series, t.date, t.kind, t.method, t.person_id, pe.code, pe.full_name, \
         t.note, t.reverses_id, r.voucher, rv.voucher, t.receipt_no, t.entered_at, t.hash, rv.date, t.bank_ref"
    } else {
        "t.id, t.voucher, t.series, t.date, t.kind, t.method, t.person_id, pe.code, pe.full_name, \
         t.note, t.reverses_id, r.voucher, rv.voucher, t.receipt_no, t.entered_at, t.hash, rv.date, ''"
    })
}
const TXN_FROM: &str = "transactions t LEFT JOIN persons pe ON pe.id = t.person_id \
     LEFT JOIN transactions r ON r.id = t.reverses_id LEFT JOIN transactions rv ON rv.reverses_id = t.id";

fn txn_row(r: &Row<'_>) -> rusqlite::Result<TxnRow> {
    Ok(TxnRow {
        id: r.get(0)?,
        voucher: r.get(1)?,
        fields: TransactionFields {
            series: r.code(2)?,
            date: r.get(3)?,
            kind: r.code(4)?,
            method: r.code(5)?,
            person_id: r.get(6)?,
            note: r.get(9)?,
            reverses_id: r.get(10)?,
            receipt_no: r.get(13)?,
            bank_ref: r.get(17)?,
            postings: Vec::new(),
        },
        person_code: r.get(7)?,
        person_name: r.get(8)?,
        reverses: r.get(11)?,
        reversed_by: r.get(12)?,
        entered_at: r.get(14)?,
        hash: r.get(15)?,
        reversed_on: r.get(16)?,
    })
}

impl TxnRow {
    /// The total that moved: the sum of the debits.
    pub fn total(&self) -> Dong {
        self.postings.iter().map(|(_, d)| *d).filter(|d| d.0 > 0).sum()
    }

    /// The reversal that cancels it, if it is dated on or before `end`.
    pub fn reversed_by_on(&self, end: NaiveDate) -> Option<&str> {
        match (&self.reversed_by, self.reversed_on) {
            (Some(by), Some(on)) if on <= end => Some(by),
            _ => None,
        }
    }
}

/// The voucher with this number, with its postings (usable inside a transaction, so it
/// sees vouchers the transaction wrote).
pub fn txn_by_voucher_on(conn: crate::Conn<'_>, pool_id: i64, voucher: &str) -> Result<Option<TxnRow>> {
    let conn = conn.0;
    let sql = format!("SELECT {} FROM {TXN_FROM} WHERE t.pool_id = ?1 AND t.voucher = ?2", txn_columns(conn)?);
    let row = conn.prepare_cached(&sql)?.query_row(params![pool_id, voucher], txn_row).optional()?;
    match row {
        Some(mut t) => {
            t.postings = postings_on(conn, t.id)?;
            Ok(Some(t))
        }
        None => Ok(None),
    }
}

/// A voucher's postings, in entry order.
fn postings_on(conn: &Connection, txn_id: i64) -> Result<Vec<(Account, Dong)>> {
    let mut st = conn.prepare_cached(
        "SELECT a.name, p.amount FROM postings p JOIN accounts a ON a.id = p.account_id WHERE p.txn_id = ?1 ORDER BY p.id",
    )?;
    let rows = st.query_map([txn_id], |r| Ok((r.code(0)?, r.code(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// The voucher with this number, with its postings.
    pub fn txn_by_voucher(&self, pool_id: i64, voucher: &str) -> Result<Option<TxnRow>> {
        txn_by_voucher_on(crate::Conn(&self.conn), pool_id, voucher)
    }

    /// A voucher's postings, in entry order.
    pub fn postings_of(&self, txn_id: i64) -> Result<Vec<(Account, Dong)>> {
        postings_on(&self.conn, txn_id)
    }

    /// Every voucher of the pool dated within the period, by date then entry, with its
    /// postings; streamed to `visit` so a district's journal never sits in memory.
    pub fn each_txn(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        mut visit: impl FnMut(TxnRow) -> Result<()>,
    ) -> Result<()> {
        let sql = format!(
            "SELECT {} FROM {TXN_FROM} WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3 ORDER BY t.date, t.id",
            txn_columns(&self.conn)?
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut posts = self.conn.prepare(
            "SELECT p.txn_id, a.name, p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
             JOIN accounts a ON a.id = p.account_id \
             WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3 ORDER BY t.date, t.id, p.id",
        )?;
        let (lo, hi) = period_bounds(from, to);
        let mut prow = posts.query(params![pool_id, lo, hi])?;
        let mut pending: Option<(i64, Account, Dong)> = None;
        let mut rows = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = rows.next()? {
            let mut t = txn_row(r)?;
            loop {
                if pending.is_none() {
                    pending = match prow.next()? {
                        Some(p) => Some((p.get(0)?, p.code(1)?, p.code(2)?)),
                        None => None,
                    };
                }
                match pending.take() {
                    Some((txn, account, amount)) if txn == t.id => t.postings.push((account, amount)),
                    other => {
                        pending = other;
                        break;
                    }
                }
            }
            visit(t)?;
        }
        Ok(())
    }

    /// Runs `f` with a small page cache (8 MB), the connection's own put back after: a
    /// report that reads the book once, front to back (a year's cash book), gains nothing
    /// from the large cache and would only fill it.
    pub fn with_scan_cache<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let before: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.execute_batch("PRAGMA cache_size = -8192")?;
        let result = f();
        self.conn.execute_batch(&format!("PRAGMA cache_size = {before}"))?;
        result
    }

    /// The maintained balance of each account of the pool (debit positive).
    pub fn account_balances(&self, pool_id: i64) -> Result<Vec<(Account, Dong)>> {
        let mut st = self.conn.prepare_cached("SELECT name, balance FROM accounts WHERE pool_id = ?1 ORDER BY id")?;
        let rows = st.query_map([pool_id], |r| Ok((r.code(0)?, r.code(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One account's balance at the end of a day, from the maintained daily movements.
    pub fn account_balance_on(&self, pool_id: i64, account: &Account, date: NaiveDate) -> Result<Dong> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(d.amount), 0) FROM account_days d JOIN accounts a ON a.id = d.account_id \
                 WHERE a.pool_id = ?1 AND a.name = ?2 AND d.date <= ?3",
            )?
            .query_row(params![pool_id, account.name(), date], |r| r.code(0))?)
    }

    /// The sum of an account's postings (debit positive) up to and including voucher
    /// `txn_id`, in the order of entry.
    pub fn account_sum_through(&self, pool_id: i64, account: &Account, txn_id: i64) -> Result<Dong> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(p.amount), 0) FROM postings p JOIN accounts a ON a.id = p.account_id \
                 WHERE a.pool_id = ?1 AND a.name = ?2 AND p.txn_id <= ?3",
            )?
            .query_row(params![pool_id, account.name(), txn_id], |r| r.code(0))?)
    }

    /// The id range of the pool's vouchers, if any.
    pub fn txn_id_range(&self, pool_id: i64) -> Result<Option<(i64, i64)>> {
        let (lo, hi): (Option<i64>, Option<i64>) =
            self.conn.query_row("SELECT MIN(id), MAX(id) FROM transactions WHERE pool_id = ?1", [pool_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        Ok(lo.zip(hi))
    }
}

/// A period as inclusive ISO bounds; open ends reach the whole book.
pub fn period_bounds(from: Option<NaiveDate>, to: Option<NaiveDate>) -> (String, String) {
    (
        from.map(hunvon_core::domain::date::format_iso).unwrap_or_else(|| "0000-01-01".into()),
        to.map(hunvon_core::domain::date::format_iso).unwrap_or_else(|| "9999-12-31".into()),
    )
}

impl Store {
    /// A later purchase of the same person and scheme that is not reversed: a purchase
    /// cannot be reversed while one exists, because its dates were computed from it.
    pub fn later_unreversed_purchase(&self, txn_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT t2.voucher FROM coverages c1 \
                 JOIN coverages c2 ON c2.person_id = c1.person_id AND c2.scheme = c1.scheme AND c2.txn_id > c1.txn_id \
                 JOIN transactions t2 ON t2.id = c2.txn_id \
                 WHERE c1.txn_id = ?1 AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t2.id) \
                 ORDER BY t2.id DESC LIMIT 1",
            )?
            .query_row([txn_id], |r| r.get(0))
            .optional()?)
    }
}

impl Store {
    /// Every account's balance at the end of `date` (from the maintained daily sums).
    pub fn balances_on(&self, pool_id: i64, date: NaiveDate) -> Result<Vec<(Account, Dong)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.name, COALESCE((SELECT SUM(d.amount) FROM account_days d WHERE d.account_id = a.id AND d.date <= ?2), 0) \
             FROM accounts a WHERE a.pool_id = ?1 ORDER BY a.id",
        )?;
        let rows = st.query_map(params![pool_id, date], |r| Ok((r.code(0)?, r.code(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
