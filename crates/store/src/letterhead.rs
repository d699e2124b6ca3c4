//! The letterhead of a pool (docs/design.md §6): what every paper prints in its header block and
//! under its signature places. Kept as history: each `pool set` adds a row holding every
//! field, the latest row is in force, and no row is ever changed; the pool's chain gets a
//! `pool` record with the letterhead each time.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::record::{LetterheadRecord, PoolRecord, Record};

/// What the papers of one pool print about it. Empty fields print as dotted blanks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Letterhead {
    pub org: String,
    pub address: String,
    pub bank: String,
    pub account: String,
    pub treasurer: String,
    pub accountant: String,
    pub leader: String,
    /// The district's age recipient (`age1…`) for `handin`; empty when none is set.
    pub district_key: String,
    /// The form set the papers follow (`TT99`, `TT200`, `TT133`); empty = the default.
    pub forms: String,
}

/// The same fields as the chain's record holds them.
impl From<LetterheadRecord> for Letterhead {
    fn from(l: LetterheadRecord) -> Letterhead {
        let LetterheadRecord { org, address, bank, account, treasurer, accountant, leader, district_key, forms } = l;
        Letterhead { org, address, bank, account, treasurer, accountant, leader, district_key, forms }
    }
}

impl From<Letterhead> for LetterheadRecord {
    fn from(l: Letterhead) -> LetterheadRecord {
        let Letterhead { org, address, bank, account, treasurer, accountant, leader, district_key, forms } = l;
        LetterheadRecord { org, address, bank, account, treasurer, accountant, leader, district_key, forms }
    }
}

impl Store {
    /// Whether this book has the table (an older book opened read-only has not).
    fn has_letterheads(&self) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'letterheads')",
            )?
            .query_row([], |r| r.get(0))?)
    }

    /// The letterhead columns to read: a book older than schema step 11 or 13 (opened
    /// read-only, so not migrated) has no `district_key` or `forms`, read as empty.
    fn letterhead_columns(&self) -> Result<String> {
        let has = |column: &str| -> Result<bool> {
            Ok(self
                .conn
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('letterheads') WHERE name = ?1)")?
                .query_row([column], |r| r.get(0))?)
        };
        let or_empty = |column: &'static str| -> Result<&'static str> { Ok(if has(column)? { column } else { "''" }) };
        Ok(format!(
            "org, address, bank, account, treasurer, accountant, leader, {}, {}",
            or_empty("district_key")?,
            or_empty("forms")?
        ))
    }

    /// The letterhead in force for a pool (all fields empty when never set).
    pub fn letterhead(&self, pool_id: i64) -> Result<Letterhead> {
        if !self.has_letterheads()? {
            return Ok(Letterhead::default());
        }
        let columns = self.letterhead_columns()?;
        Ok(self
            .conn
            .prepare_cached(&format!("SELECT {columns} FROM letterheads WHERE pool_id = ?1 ORDER BY id DESC LIMIT 1"))?
            .query_row([pool_id], letterhead_row)
            .optional()?
            .map(Letterhead::from)
            .unwrap_or_default())
    }

    /// Every letterhead the pool has had, oldest first, in record form: what `verify`
    /// compares with the letterheads of the pool's chain records.
    pub fn letterhead_history(&self, pool_id: i64) -> Result<Vec<LetterheadRecord>> {
        if !self.has_letterheads()? {
            return Ok(Vec::new());
        }
        let columns = self.letterhead_columns()?;
        let mut st = self.conn.prepare(&format!("SELECT {columns} FROM letterheads WHERE pool_id = ?1 ORDER BY id"))?;
        let rows = st.query_map([pool_id], letterhead_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records a pool's letterhead (every field, as it now stands), and in the same
    /// SQLite transaction a `pool` record holding it in the pool's chain.
    pub fn set_letterhead(&mut self, pool_id: i64, l: &Letterhead, now: &str) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = &super::stamp::inside(now);
        let record = LetterheadRecord::from(l.clone());
        insert_letterhead(&tx, pool_id, &record, now)?;
        // The pool keeps the book id of its last pool record.
        let last: Option<String> = tx
            .query_row(
                "SELECT body FROM chain WHERE pool_id = ?1 AND kind = 'pool' ORDER BY pos DESC LIMIT 1",
                [pool_id],
                |r| r.get(0),
            )
            .optional()?;
        let book_id = match last.as_deref().and_then(Record::parse) {
            Some(Record::Pool(p)) => p.book_id,
            _ => super::records::new_book_id(),
        };
        let (code, name): (String, String) =
            tx.query_row("SELECT code, name FROM pools WHERE id = ?1", [pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let record = Record::Pool(PoolRecord {
            pool: code,
            book_id,
            name,
            letterhead: Some(record),
            entered_at: now.to_string(),
        });
        super::records::append(crate::Conn(&tx), pool_id, &record)?;
        tx.commit()?;
        Ok(())
    }
}

/// Adds a letterhead row (every field, as it now stands) set at `set_at`: `pool set`, and
/// the copy of a chapter's pool record in the district.
pub(super) fn insert_letterhead(
    conn: &rusqlite::Connection,
    pool_id: i64,
    l: &LetterheadRecord,
    set_at: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO letterheads (pool_id, org, address, bank, account, treasurer, accountant, leader, set_at, \
         district_key, forms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        pool_id,
        l.org,
        l.address,
        l.bank,
        l.account,
        l.treasurer,
        l.accountant,
        l.leader,
        set_at,
        l.district_key,
        l.forms
    ])?;
    Ok(())
}

/// A row of `letterheads` (org, address, bank, account, treasurer, accountant, leader,
/// district key, form set).
fn letterhead_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<LetterheadRecord> {
    Ok(LetterheadRecord {
        org: r.get(0)?,
        address: r.get(1)?,
        bank: r.get(2)?,
        account: r.get(3)?,
        treasurer: r.get(4)?,
        accountant: r.get(5)?,
        leader: r.get(6)?,
        district_key: r.get(7)?,
        forms: r.get(8)?,
    })
}
