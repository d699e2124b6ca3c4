//! A cash count written with what it finds (SPEC §8): its chain record and row, and — in
//! the same SQLite transaction — the phiếu kế toán that books a difference to
//! `fund:pending`; then what is still pending of a count, found by its number.

use rusqlite::{OptionalExtension, params};

use super::Store;
use super::closing::{CountRow, next_number};
use super::journal::Appender;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Account;
use hunvon_core::ledger::record::{CountRecord, Record};

/// A count's number as papers and `settle --count` name it: `KK-2026-0001` (kiểm kê), or
/// its chain place (`#331`) for a count made before counts were numbered.
pub fn count_label(year: i32, number: Option<i64>, reference: &str) -> String {
    match number {
        Some(n) => format!("KK-{year}-{n:04}"),
        None => reference.to_string(),
    }
}

impl CountRow {
    /// Its number as printed (see [`count_label`]).
    pub fn label(&self) -> String {
        use chrono::Datelike;
        count_label(self.date.year(), self.number, &self.reference)
    }
}

/// Appends a count in an open write session: the record (numbered next in its year) and
/// its row. The caller appends the difference's voucher after it and commits.
pub fn append_count(ap: &mut Appender<'_>, record: &CountRecord) -> Result<CountRow> {
    let pool_id = ap.pool_id();
    let mut record = CountRecord { entered_at: ap.entered_at().to_string(), ..record.clone() };
    record.number = Some(next_number(ap.conn().0, "cash_counts", "counted_on", pool_id, &record.date)?);
    let place = ap.append_record(&Record::Count(record.clone()))?;
    let notes = serde_json::to_string(&record.notes).unwrap_or_else(|_| "[]".into());
    ap.conn().0.execute(
        "INSERT INTO cash_counts (pool_id, chain_pos, counted_on, book_balance, counted, notes, counted_by, reason, \
         entered_at, seq, counted_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            pool_id,
            place.pos,
            record.date,
            record.book_balance,
            record.counted,
            notes,
            record.counted_by,
            record.reason,
            record.entered_at,
            record.number,
            record.time
        ],
    )?;
    Ok(CountRow {
        reference: format!("#{}", place.pos),
        hash: place.hash,
        date: hunvon_core::domain::date::parse_date(&record.date).unwrap_or_default(),
        book_balance: record.book_balance,
        notes: record.notes,
        counted: record.counted,
        counted_by: record.counted_by,
        reason: record.reason,
        entered_at: record.entered_at,
        number: record.number,
        time: record.time,
    })
}

impl Store {
    /// The pool's count named `reference`: `KK-2026-0001` or its chain place `#331`.
    pub fn count_by_label(&self, pool_id: i64, reference: &str) -> Result<Option<CountRow>> {
        let reference = reference.trim().to_ascii_uppercase();
        let wanted = |c: &CountRow| c.label() == reference || c.reference == reference;
        // Counts are few (one a month): reading the pool's all is simpler than parsing.
        Ok(self.counts(pool_id, None, None)?.into_iter().find(wanted))
    }

    /// What a count left in `fund:pending` and is not settled yet, as held (a shortage
    /// negative, a surplus positive): minus the sum of the pending postings of the
    /// vouchers that name the count.
    pub fn pending_of_count(&self, pool_id: i64, label: &str) -> Result<Dong> {
        let sum: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT SUM(p.amount) FROM transactions t JOIN postings p ON p.txn_id = t.id \
                 JOIN accounts a ON a.id = p.account_id \
                 WHERE t.pool_id = ?1 AND t.count_ref <> '' AND t.count_ref = ?2 AND a.name = ?3",
            )?
            .query_row(params![pool_id, label, Account::FundPending.name()], |r| r.get(0))
            .optional()?
            .flatten();
        Ok(Dong(-sum.unwrap_or(0)))
    }
}
