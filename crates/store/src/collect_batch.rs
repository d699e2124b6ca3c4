//! Copied vouchers waiting to be written (the collector's queue, store/collect.rs): their
//! postings, coverages and transaction rows go in a batch at a time, each table's rows in
//! multi-row INSERTs.
//!
//! Why: each INSERT into these tables runs under a statement journal (they have triggers
//! and unique constraints, so a statement may have to be undone alone), which copies
//! every page the statement touches into memory before changing it, and each statement
//! opens and closes a cursor on every index. One statement per row spent most of a first
//! collection's time there; one per 256 rows shares both.
//!
//! Nothing is checked less: SQLite fires a multi-row INSERT's triggers row by row, in
//! order, so each transaction row still meets every posting of its own voucher already
//! written, and its balance, number, link and place in the chain are checked as for a
//! voucher written alone. Postings and coverages of the whole batch go in before the
//! batch's transaction rows, which is what each voucher needs (its postings before its
//! row; none for a transaction that already exists).

use std::collections::HashMap;

use rusqlite::{Connection, Statement};

use crate::fault::Result;
use hunvon_core::ledger::canonical::{CanonicalCoverage, CanonicalTransaction};

/// Vouchers queued before they are written.
pub(super) const VOUCHERS: usize = 512;

/// Rows per statement at most; fewer are written in statements of the powers of two they
/// add up to, so a handful of statements per table serve every batch (and stay cached).
const CHUNK: usize = 256;

/// A voucher's transaction row, its codes already turned into this book's ids.
pub(super) struct TxnRow {
    pub id: i64,
    pub pool_id: i64,
    /// Its postings and coverages are queued on their own (emptied here).
    pub t: CanonicalTransaction,
    pub person: Option<i64>,
    pub reverses: Option<i64>,
    pub prev_hash: String,
    pub hash: String,
}

/// A coverage row with its ids.
pub(super) struct CoverageRow {
    pub txn_id: i64,
    pub person: Option<i64>,
    pub payer: i64,
    pub household: Option<i64>,
    pub c: CanonicalCoverage,
}

/// The queue.
#[derive(Default)]
pub(super) struct Batch {
    pub txns: Vec<TxnRow>,
    /// (txn_id, account_id, amount, origin_id).
    pub postings: Vec<[i64; 4]>,
    pub coverages: Vec<CoverageRow>,
    /// Voucher number → id of the vouchers queued, for a reversal of one of them.
    pub ids: HashMap<String, i64>,
    /// Whether the batch enters its vouchers into the chain itself (the trigger that does
    /// it row by row is set aside, store/collect_indexes.rs).
    pub chain: bool,
}

impl Batch {
    pub fn is_full(&self) -> bool {
        self.txns.len() >= VOUCHERS
    }

    /// Writes every queued row and empties the queue.
    pub fn write(&mut self, conn: crate::Conn<'_>) -> Result<()> {
        let conn = conn.0;
        if self.txns.is_empty() {
            return Ok(());
        }
        insert(conn, "postings (txn_id, account_id, amount, origin_id)", 4, &self.postings, |st, at, p| {
            for (i, v) in p.iter().enumerate() {
                st.raw_bind_parameter(at + i, v)?;
            }
            Ok(())
        })?;
        insert(
            conn,
            "coverages (txn_id, person_id, scheme, months, payer_account_id, household_id, position, quote, amount, \
             expected_from, expected_to, card_from, card_to, from_month, to_month, income, supported_months, origin_id)",
            18,
            &self.coverages,
            |st, at, r| {
                let c = &r.c;
                st.raw_bind_parameter(at, r.txn_id)?;
                st.raw_bind_parameter(at + 1, r.person)?;
                st.raw_bind_parameter(at + 2, &c.scheme)?;
                st.raw_bind_parameter(at + 3, c.months)?;
                st.raw_bind_parameter(at + 4, r.payer)?;
                st.raw_bind_parameter(at + 5, r.household)?;
                st.raw_bind_parameter(at + 6, c.position)?;
                st.raw_bind_parameter(at + 7, c.quote)?;
                st.raw_bind_parameter(at + 8, c.amount)?;
                st.raw_bind_parameter(at + 9, &c.expected_from)?;
                st.raw_bind_parameter(at + 10, &c.expected_to)?;
                st.raw_bind_parameter(at + 11, &c.card_from)?;
                st.raw_bind_parameter(at + 12, &c.card_to)?;
                st.raw_bind_parameter(at + 13, &c.from_month)?;
                st.raw_bind_parameter(at + 14, &c.to_month)?;
                st.raw_bind_parameter(at + 15, c.income)?;
                st.raw_bind_parameter(at + 16, c.supported_months)?;
                st.raw_bind_parameter(at + 17, c.id)
            },
        )?;
        insert(
            conn,
            "transactions (id, pool_id, voucher, series, year, seq, date, kind, method, person_id, note, reverses_id, \
             receipt_no, entered_at, prev_hash, hash, origin_id, bank_ref, count_ref)",
            19,
            &self.txns,
            |st, at, r| {
                let t = &r.t;
                st.raw_bind_parameter(at, r.id)?;
                st.raw_bind_parameter(at + 1, r.pool_id)?;
                st.raw_bind_parameter(at + 2, &t.voucher)?;
                st.raw_bind_parameter(at + 3, &t.series)?;
                st.raw_bind_parameter(at + 4, t.year)?;
                st.raw_bind_parameter(at + 5, t.seq)?;
                st.raw_bind_parameter(at + 6, &t.date)?;
                st.raw_bind_parameter(at + 7, &t.kind)?;
                st.raw_bind_parameter(at + 8, &t.method)?;
                st.raw_bind_parameter(at + 9, r.person)?;
                st.raw_bind_parameter(at + 10, &t.note)?;
                st.raw_bind_parameter(at + 11, r.reverses)?;
                st.raw_bind_parameter(at + 12, &t.receipt_no)?;
                st.raw_bind_parameter(at + 13, &t.entered_at)?;
                st.raw_bind_parameter(at + 14, &r.prev_hash)?;
                st.raw_bind_parameter(at + 15, &r.hash)?;
                st.raw_bind_parameter(at + 16, t.id)?;
                st.raw_bind_parameter(at + 17, &t.bank_ref)?;
                st.raw_bind_parameter(at + 18, &t.count_ref)
            },
        )?;
        if self.chain {
            self.enter_chain(conn)?;
        }
        self.txns.clear();
        self.postings.clear();
        self.coverages.clear();
        self.ids.clear();
        Ok(())
    }
}

impl Batch {
    /// The queued vouchers' places in their pool's chain, as `transactions_enter_chain`
    /// gives them: each the next after the pool's last record. Every record is written
    /// after the vouchers queued before it (`Collector::copy_record` flushes first), so
    /// the places follow the chapter's order.
    fn enter_chain(&self, conn: &Connection) -> Result<()> {
        let mut next: HashMap<i64, i64> = HashMap::new();
        let mut rows = Vec::with_capacity(self.txns.len());
        for r in &self.txns {
            let pos = match next.get_mut(&r.pool_id) {
                Some(pos) => pos,
                None => {
                    let last: i64 = conn
                        .prepare_cached("SELECT COALESCE(MAX(pos), 0) FROM chain WHERE pool_id = ?1")?
                        .query_row([r.pool_id], |row| row.get(0))?;
                    next.entry(r.pool_id).or_insert(last)
                }
            };
            *pos += 1;
            rows.push([r.pool_id, *pos, r.id]);
        }
        insert(conn, "chain (pool_id, pos, txn_id, kind)", 4, &rows, |st, at, row| {
            for (i, v) in row.iter().enumerate() {
                st.raw_bind_parameter(at + i, v)?;
            }
            st.raw_bind_parameter(at + 3, "voucher")
        })
    }
}

/// Inserts `rows` into `into` ("table (columns)", `cols` of them) in order, at most
/// `CHUNK` a statement; `bind` binds one row's values from parameter `at` on.
fn insert<T>(
    conn: &Connection,
    into: &str,
    cols: usize,
    rows: &[T],
    bind: impl Fn(&mut Statement<'_>, usize, &T) -> rusqlite::Result<()>,
) -> Result<()> {
    let mut rest = rows;
    while !rest.is_empty() {
        let n = if rest.len() >= CHUNK { CHUNK } else { 1 << rest.len().ilog2() };
        let (now, later) = rest.split_at(n);
        let mut st = conn.prepare_cached(&sql(into, cols, n))?;
        for (i, row) in now.iter().enumerate() {
            bind(&mut st, 1 + i * cols, row)?;
        }
        st.raw_execute()?;
        rest = later;
    }
    Ok(())
}

/// `INSERT INTO into VALUES (?, …), …` for `n` rows of `cols` values.
fn sql(into: &str, cols: usize, n: usize) -> String {
    let row = format!("({})", vec!["?"; cols].join(", "));
    format!("INSERT INTO {into} VALUES {}", vec![row.as_str(); n].join(", "))
}

#[cfg(test)]
mod tests {
    use super::sql;

    #[test]
    fn a_statement_has_one_group_of_values_per_row() {
        assert_eq!(sql("t (a, b)", 2, 3), "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?)");
    }
}
