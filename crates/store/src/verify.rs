//! The integrity queries behind `hunvon verify`: maintained data re-derived from the
//! postings, numbering, orphans. The chain itself is walked by `chain.rs`.

use super::Store;
use crate::codes::RowExt;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;

/// An account as stored, with the figures the database maintains for it.
#[derive(Clone, Debug)]
pub struct MaintainedAccount {
    pub id: i64,
    pub name: String,
    pub balance: Dong,
    pub debits: Dong,
    pub credits: Dong,
}

/// One stored row of `day_moves` (schema step 15): a day's cash or bank postings of
/// one kind, series and year, in or out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptDayMove {
    pub date: String,
    pub kind: String,
    pub series: String,
    pub year: i64,
    pub bank: bool,
    pub incoming: bool,
    pub postings: i64,
    pub amount: i64,
    pub first_seq: i64,
    pub last_seq: i64,
}

/// The tables whose rows name a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orphans {
    Postings,
    Coverages,
}

impl Store {
    /// The pool's stored `day_moves` rows; None for a book opened read-only at a step
    /// before 15, which has none.
    pub fn kept_day_moves(&self, pool_id: i64) -> Result<Option<Vec<KeptDayMove>>> {
        if self.schema_version()? < crate::money_moves::DAY_MOVES_STEP {
            return Ok(None);
        }
        let mut st = self.conn.prepare(
            "SELECT date, kind, series, year, bank, incoming, postings, amount, first_seq, last_seq \
             FROM day_moves WHERE pool_id = ?1",
        )?;
        let rows = st.query_map([pool_id], |r| {
            Ok(KeptDayMove {
                date: r.get(0)?,
                kind: r.get(1)?,
                series: r.get(2)?,
                year: r.get(3)?,
                bank: r.get::<_, i64>(4)? != 0,
                incoming: r.get::<_, i64>(5)? != 0,
                postings: r.get(6)?,
                amount: r.get(7)?,
                first_seq: r.get(8)?,
                last_seq: r.get(9)?,
            })
        })?;
        Ok(Some(rows.collect::<rusqlite::Result<_>>()?))
    }

    /// Runs `f` with SQLite's page cache at `kib` KiB, then puts it back. `verify` reads
    /// the book in one streaming pass: the 64 MB cache other reads want buys it nothing but
    /// a third of its peak memory.
    pub fn with_cache<T>(&self, kib: i64, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let before: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.execute_batch(&format!("PRAGMA cache_size = -{kib};"))?;
        let out = f();
        self.conn.execute_batch(&format!("PRAGMA cache_size = {before};"))?;
        out
    }

    /// Gives SQLite's page cache and other memory this connection can spare back (a
    /// second reader done with its part of `verify` while the walk goes on).
    pub fn release_memory(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA shrink_memory;")?;
        Ok(())
    }

    /// Every account of the pool with its maintained figures, in id order.
    pub fn maintained_accounts(&self, pool_id: i64) -> Result<Vec<MaintainedAccount>> {
        let mut st = self.conn.prepare(
            "SELECT id, name, balance, kept_debits, kept_credits FROM accounts WHERE pool_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([pool_id], |r| {
            Ok(MaintainedAccount {
                id: r.get(0)?,
                name: r.get(1)?,
                balance: r.code(2)?,
                debits: r.code(3)?,
                credits: r.code(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every maintained daily movement of the pool's accounts: (account id, date, amount),
    /// account by account, lent for the call only (a million rows need no string of their
    /// own). By id: the accounts' names are neither joined nor read per row. `(part, of)`:
    /// only the part-th of `of` shares of the pool's accounts (in id order), so two
    /// connections can read the two halves at once (docs/design.md §12).
    ///
    /// A pool whose accounts fill at least half the ids from its first to its last (every
    /// book hunvon writes; a chapter's first collection) reads that one range of the
    /// table, passing over the rows of other pools' accounts: twice as fast as seeking
    /// each of 20.000 accounts (0,07 against 0,15 s; docs/design.md §12). A pool spread
    /// thin among others has each account's rows sought, as before.
    pub fn maintained_days(
        &self,
        pool_id: i64,
        (part, of): (usize, usize),
        visit: &mut dyn FnMut(i64, &str, i64),
    ) -> Result<()> {
        let mut ids = self.conn.prepare("SELECT id FROM accounts WHERE pool_id = ?1 ORDER BY id")?;
        let all: Vec<i64> = ids.query_map([pool_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let share = all.len().div_ceil(of.max(1));
        let ids = all.get(part * share..((part + 1) * share).min(all.len())).unwrap_or_default();
        let (Some(&lo), Some(&hi)) = (ids.first(), ids.last()) else { return Ok(()) };
        let dense = i128::from(hi) - i128::from(lo) < 2 * i128::try_from(ids.len()).unwrap_or(i128::MAX) + 64;
        let mut st = self.conn.prepare(if dense {
            "SELECT account_id, date, amount FROM account_days WHERE account_id BETWEEN ?1 AND ?2"
        } else {
            "SELECT account_id, date, amount FROM account_days \
             WHERE account_id IN (SELECT id FROM accounts WHERE pool_id = ?3) AND account_id BETWEEN ?1 AND ?2"
        })?;
        let mut rows = if dense { st.query([lo, hi])? } else { st.query([lo, hi, pool_id])? };
        // The rows come account by account: whether the last one is the pool's is kept.
        let mut last: Option<(i64, bool)> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let own = match last {
                Some((at, own)) if at == id => own,
                _ => ids.binary_search(&id).is_ok(),
            };
            last = Some((id, own));
            if own {
                visit(id, text_ref(r, 1)?, r.get(2)?);
            }
        }
        Ok(())
    }

    /// Accounts a pool must have that are missing: its four own accounts and one
    /// `member:` account per person.
    pub fn missing_accounts(&self, pool_id: i64) -> Result<Vec<String>> {
        let mut missing = Vec::new();
        for account in hunvon_core::ledger::Account::pool_accounts() {
            let name = account.name();
            let exists: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM accounts WHERE pool_id = ?1 AND name = ?2)",
                rusqlite::params![pool_id, name],
                |r| r.get(0),
            )?;
            if !exists {
                missing.push(name);
            }
        }
        let mut st = self.conn.prepare(
            "SELECT 'member:' || p.code FROM persons p LEFT JOIN accounts a ON a.person_id = p.id \
             WHERE p.pool_id = ?1 AND a.id IS NULL ORDER BY p.code LIMIT 10",
        )?;
        for name in st.query_map([pool_id], |r| r.get::<_, String>(0))? {
            missing.push(name?);
        }
        Ok(missing)
    }

    /// How many rows `table` (postings or coverages) holds that point at a transaction
    /// that does not exist.
    pub fn orphans(&self, table: Orphans) -> Result<i64> {
        let table = match table {
            Orphans::Postings => "postings",
            Orphans::Coverages => "coverages",
        };
        // Every value but NULL (which NOT IN never counts) lies in one of the two ranges:
        // each read in transaction order from an index by `txn_id`, so each look-up of
        // its transaction follows the last one. Left to itself SQLite reads the smallest
        // covering index, `postings_by_account`, and looks 1,46 million transactions up
        // in no order (0,30 s against 0,06 s; docs/design.md §12).
        Ok(self.conn.query_row(
            &format!(
                "SELECT (SELECT COUNT(*) FROM {table} WHERE txn_id >= {MIN} AND txn_id NOT IN (SELECT id FROM transactions)) \
                      + (SELECT COUNT(*) FROM {table} WHERE txn_id < {MIN} AND txn_id NOT IN (SELECT id FROM transactions))",
                MIN = i64::MIN
            ),
            [],
            |r| r.get(0),
        )?)
    }

    /// How many postings the file holds: with the postings a walk joined to vouchers
    /// (`WalkTally::postings`), whether any can be an orphan (docs/design.md §12).
    pub fn posting_count(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM postings", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// At least as many vouchers as the pool holds, cheaply: with no other pool in the
    /// file, the table's count (SQLite counts the entries of an index page by page: 4 ms
    /// for 707.000 vouchers, against 40 ms for the pool's range of an index); else the
    /// pool's own. A walk that met as many of the pool's vouchers, each once, met them all
    /// (docs/design.md §12).
    pub fn vouchers_at_most(&self, pool_id: i64) -> Result<u64> {
        let pools: i64 = self.conn.query_row("SELECT COUNT(*) FROM pools", [], |r| r.get(0))?;
        if pools > 1 {
            return self.voucher_count(pool_id);
        }
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
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

    /// Coverage rows whose transaction is not a purchase: (voucher). Driven from the
    /// coverage rows (CROSS JOIN): left to itself SQLite read every voucher of the pool to
    /// find the few with coverage (0,17 s of 0,18 on a pool of 707.000 vouchers).
    pub fn coverage_outside_purchases(&self, pool_id: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT DISTINCT t.voucher FROM coverages c CROSS JOIN transactions t ON t.id = c.txn_id \
             WHERE t.pool_id = ?1 AND t.kind NOT IN ('purchase_bhyt', 'purchase_bhxh') ORDER BY t.id LIMIT 10",
        )?;
        let rows = st.query_map([pool_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A text column borrowed from its row (no string made for it).
fn text_ref<'a>(r: &'a rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'a str> {
    r.get_ref(i)?
        .as_str()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}
