//! Cash counts and closes (docs/design.md §6): each is a record of the pool's chain and a
//! row of its own table, written in one SQLite transaction.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::Account;
use hunvon_core::ledger::record::{CloseRecord, CountRecord, Record};
use hunvon_core::messages::error::Bound;

/// A count as the papers show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CountRow {
    /// `#pos`, its place in the chain, and its hash.
    pub reference: String,
    pub hash: String,
    pub date: NaiveDate,
    pub book_balance: i64,
    pub notes: Vec<(i64, i64)>,
    pub counted: i64,
    pub counted_by: String,
    pub reason: String,
    pub entered_at: String,
    /// Its number in the year of its date (None for counts made before schema step 8).
    pub number: Option<i64>,
    /// `HH:MM`, when known.
    pub time: Option<String>,
}

/// A close as the papers show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CloseRow {
    pub reference: String,
    pub hash: String,
    pub to: NaiveDate,
    pub head: String,
    pub cash: i64,
    pub bank: i64,
    /// Its number in the year of its last day (None for closes made before step 8).
    pub number: Option<i64>,
}

/// Whether the book has schema step 8's count and close numbers: a book from before it,
/// opened read-only, has not (its counts and closes read as unnumbered).
fn has_numbers(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('cash_counts') WHERE name = 'seq')")?
        .query_row([], |r| r.get(0))
}

/// The next number of a count (table `cash_counts`, date column `counted_on`) or a close
/// (`closes`, `closed_to`) in the year of `date`.
pub(super) fn next_number(
    conn: &rusqlite::Connection,
    table: &str,
    column: &str,
    pool_id: i64,
    date: &str,
) -> Result<i64> {
    let sql = format!(
        "SELECT 1 + COALESCE(MAX(seq), 0) FROM {table} WHERE pool_id = ?1 AND substr({column}, 1, 4) = substr(?2, 1, 4)"
    );
    Ok(conn.prepare_cached(&sql)?.query_row(params![pool_id, date], |r| r.get(0))?)
}

impl Store {
    /// Whether this book has the tables (an older book opened read-only has not).
    fn has_closing(&self) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'closes')")?
            .query_row([], |r| r.get(0))?)
    }

    /// Records a cash count: its chain record and its row, in one transaction (the
    /// count's number is the next of its year, whatever `record.number` says).
    pub fn record_count(&mut self, pool_id: i64, record: &CountRecord) -> Result<CountRow> {
        let mut ap = self.appender(pool_id, &record.entered_at)?;
        let row = super::count_pending::append_count(&mut ap, record)?;
        ap.commit()?;
        Ok(row)
    }

    /// The pool's counts dated in the period, oldest first.
    pub fn counts(&self, pool_id: i64, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<CountRow>> {
        if !self.has_closing()? {
            return Ok(Vec::new());
        }
        let (lo, hi) = super::queries::period_bounds(from, to);
        let numbers = if has_numbers(&self.conn)? { "k.seq, k.counted_time" } else { "NULL, NULL" };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT k.chain_pos, c.hash, k.counted_on, k.book_balance, k.notes, k.counted, k.counted_by, k.reason, \
             k.entered_at, {numbers} FROM cash_counts k JOIN chain c ON c.pool_id = k.pool_id AND c.pos = k.chain_pos \
             WHERE k.pool_id = ?1 AND k.counted_on >= ?2 AND k.counted_on <= ?3 ORDER BY k.counted_on, k.chain_pos"
        ))?;
        let rows = st.query_map(params![pool_id, lo, hi], |r| {
            let notes: String = r.get(4)?;
            Ok(CountRow {
                reference: format!("#{}", r.get::<_, i64>(0)?),
                hash: r.get(1)?,
                date: r.get(2)?,
                book_balance: r.get(3)?,
                notes: serde_json::from_str(&notes).unwrap_or_default(),
                counted: r.get(5)?,
                counted_by: r.get(6)?,
                reason: r.get(7)?,
                entered_at: r.get(8)?,
                number: r.get(9)?,
                time: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The pool's closes, oldest first.
    pub fn closes(&self, pool_id: i64) -> Result<Vec<CloseRow>> {
        if !self.has_closing()? {
            return Ok(Vec::new());
        }
        let number = if has_numbers(&self.conn)? { "k.seq" } else { "NULL" };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT k.chain_pos, c.hash, k.closed_to, k.head, k.cash, k.bank, {number} FROM closes k \
             JOIN chain c ON c.pool_id = k.pool_id AND c.pos = k.chain_pos WHERE k.pool_id = ?1 ORDER BY k.closed_to"
        ))?;
        let rows = st.query_map([pool_id], |r| {
            Ok(CloseRow {
                reference: format!("#{}", r.get::<_, i64>(0)?),
                hash: r.get(1)?,
                to: r.get(2)?,
                head: r.get(3)?,
                cash: r.get(4)?,
                bank: r.get(5)?,
                number: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last day the pool's books are closed to, if any.
    pub fn closed_to(&self, pool_id: i64) -> Result<Option<NaiveDate>> {
        if !self.has_closing()? {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached("SELECT MAX(closed_to) FROM closes WHERE pool_id = ?1")?
            .query_row([pool_id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// Closes the pool's books to the end of `to`: the close record (with the head before
    /// it and the cash and bank balances at `to`) and its row, in one transaction.
    pub fn record_close(&mut self, pool_id: i64, to: NaiveDate, entered_at: &str) -> Result<CloseRow> {
        self.ensure_writable()?;
        if let Some(last) = self.closed_to(pool_id)?
            && to <= last
        {
            return Err(Bound::CloseNotAfter { to, last }.into());
        }
        // Read inside the write transaction, so no other writer slips in between.
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entered_at = &super::stamp::inside(entered_at);
        let balance = |account: &Account| -> rusqlite::Result<i64> {
            tx.query_row(
                "SELECT COALESCE(SUM(d.amount), 0) FROM account_days d JOIN accounts a ON a.id = d.account_id \
                 WHERE a.pool_id = ?1 AND a.name = ?2 AND d.date <= ?3",
                params![pool_id, account.name(), to],
                |r| r.get(0),
            )
        };
        let (cash, bank) = (
            hunvon_core::domain::money::Dong(balance(&Account::Cash)?),
            hunvon_core::domain::money::Dong(balance(&Account::Bank)?),
        );
        let head: Option<(String, String)> = tx
            .query_row(
                "SELECT COALESCE(t.voucher, '#' || c.pos), COALESCE(c.hash, t.hash) FROM chain c \
                 LEFT JOIN transactions t ON t.id = c.txn_id WHERE c.pool_id = ?1 ORDER BY c.pos DESC LIMIT 1",
                [pool_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let head = match head {
            Some((reference, hash)) => format!("{reference}={hash}"),
            None => hunvon_core::ledger::canonical::GENESIS.to_string(),
        };
        let code: String = tx.query_row("SELECT code FROM pools WHERE id = ?1", [pool_id], |r| r.get(0))?;
        let iso = hunvon_core::domain::date::format_iso(to);
        let number = next_number(&tx, "closes", "closed_to", pool_id, &iso)?;
        let record = CloseRecord {
            pool: code,
            to: iso,
            head: head.clone(),
            cash: cash.0,
            bank: bank.0,
            entered_at: entered_at.to_string(),
            number: Some(number),
        };
        let place = super::records::append(crate::Conn(&tx), pool_id, &Record::Close(record))?;
        tx.execute(
            "INSERT INTO closes (pool_id, chain_pos, closed_to, head, cash, bank, entered_at, seq) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![pool_id, place.pos, to, head, cash.0, bank.0, entered_at, number],
        )?;
        tx.commit()?;
        Ok(CloseRow {
            reference: format!("#{}", place.pos),
            hash: place.hash,
            to,
            head,
            cash: cash.0,
            bank: bank.0,
            number: Some(number),
        })
    }
}

/// The rows of the counts and closes tables in record form (`pool` left empty), by their
/// place in the chain: what `verify` compares with the chain's own records.
#[derive(Debug, Default)]
pub struct StoredPapers {
    pub counts: Vec<(i64, CountRecord)>,
    pub closes: Vec<(i64, CloseRecord)>,
}

impl Store {
    /// Every count and close row of a pool, as stored now (see [`StoredPapers`]).
    pub fn stored_papers(&self, pool_id: i64) -> Result<StoredPapers> {
        if !self.has_closing()? {
            return Ok(StoredPapers::default());
        }
        let step8 = has_numbers(&self.conn)?;
        let numbers = if step8 { "seq, counted_time" } else { "NULL, NULL" };
        let mut st = self.conn.prepare(&format!(
            "SELECT chain_pos, counted_on, book_balance, notes, counted, counted_by, reason, entered_at, {numbers} \
             FROM cash_counts WHERE pool_id = ?1 ORDER BY chain_pos"
        ))?;
        let counts = st.query_map([pool_id], |r| {
            let notes: String = r.get(3)?;
            Ok((
                r.get(0)?,
                CountRecord {
                    pool: String::new(),
                    date: r.get(1)?,
                    book_balance: r.get(2)?,
                    // Notes that are not the JSON hunvon writes differ from any record.
                    notes: serde_json::from_str(&notes).unwrap_or_else(|_| vec![(-1, -1)]),
                    counted: r.get(4)?,
                    counted_by: r.get(5)?,
                    reason: r.get(6)?,
                    entered_at: r.get(7)?,
                    number: r.get(8)?,
                    time: r.get(9)?,
                },
            ))
        })?;
        let counts = counts.collect::<rusqlite::Result<_>>()?;
        let number = if step8 { "seq" } else { "NULL" };
        let mut st = self.conn.prepare(&format!(
            "SELECT chain_pos, closed_to, head, cash, bank, entered_at, {number} FROM closes WHERE pool_id = ?1 \
             ORDER BY chain_pos"
        ))?;
        let closes = st.query_map([pool_id], |r| {
            Ok((
                r.get(0)?,
                CloseRecord {
                    pool: String::new(),
                    to: r.get(1)?,
                    head: r.get(2)?,
                    cash: r.get(3)?,
                    bank: r.get(4)?,
                    entered_at: r.get(5)?,
                    number: r.get(6)?,
                },
            ))
        })?;
        let closes = closes.collect::<rusqlite::Result<_>>()?;
        Ok(StoredPapers { counts, closes })
    }
}
