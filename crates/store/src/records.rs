//! Appending the chain's non-voucher records (pool, household, person, dues) in the same
//! SQLite transaction as the change they record, and reading people back in record form
//! so `verify` can compare the tables with the chain.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::record::{DuesRecord, HouseholdRecord, PersonRecord, PoolRecord, Record};

/// Where a record landed: its place in the pool's chain and its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainPlace {
    pub pos: i64,
    pub hash: String,
}

/// The last record of a pool's chain: (place, hash); (0, genesis) for an empty chain.
pub fn head(conn: crate::Conn<'_>, pool_id: i64) -> Result<(i64, String)> {
    let conn = conn.0;
    Ok(conn
        .prepare_cached(
            "SELECT c.pos, COALESCE(c.hash, t.hash) FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id \
             WHERE c.pool_id = ?1 ORDER BY c.pos DESC LIMIT 1",
        )?
        .query_row([pool_id], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))
        .optional()?
        .unwrap_or_else(|| (0, GENESIS.to_string())))
}

/// Appends one record after the pool's current head.
pub fn append(conn: crate::Conn<'_>, pool_id: i64, record: &Record) -> Result<ChainPlace> {
    let conn = conn.0;
    // Every record a command writes comes through here: a pool collected from a chapter's
    // book is refused at this one place (docs/design.md §11), with `Store::appender` for vouchers.
    super::district::refuse_collected(conn, pool_id)?;
    let (pos, prev) = head(crate::Conn(conn), pool_id)?;
    let body = record.json();
    let hash = canonical::link_hash(&prev, &body);
    conn.prepare_cached(
        "INSERT INTO chain (pool_id, pos, kind, body, prev_hash, hash, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![pool_id, pos + 1, record.kind(), body, prev, hash, record.entered_at()])?;
    Ok(ChainPlace { pos: pos + 1, hash })
}

/// The book id of a new pool: `HUNVON_BOOK_ID` when it is a UUID (tests fix it so
/// hashes are reproducible), else a random UUID v4.
pub fn new_book_id() -> String {
    std::env::var("HUNVON_BOOK_ID")
        .ok()
        .and_then(|v| uuid::Uuid::parse_str(v.trim()).ok())
        .unwrap_or_else(uuid::Uuid::new_v4)
        .to_string()
}

/// Records a pool (at `init`, and for a pool made before records existed).
pub fn record_pool(conn: crate::Conn<'_>, pool_id: i64, book_id: &str, entered_at: &str) -> Result<ChainPlace> {
    let conn = conn.0;
    let (code, name): (String, String) =
        conn.query_row("SELECT code, name FROM pools WHERE id = ?1", [pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let record = Record::Pool(PoolRecord {
        pool: code,
        book_id: book_id.to_string(),
        name,
        letterhead: None,
        entered_at: entered_at.into(),
    });
    append(crate::Conn(conn), pool_id, &record)
}

/// Records a household as it is stored now (after an add or an edit).
pub fn record_household(
    conn: crate::Conn<'_>,
    pool_id: i64,
    household_id: i64,
    entered_at: &str,
) -> Result<ChainPlace> {
    let conn = conn.0;
    let sql = format!("SELECT {HOUSEHOLD_COLUMNS} FROM {HOUSEHOLD_FROM} WHERE h.id = ?1");
    let mut record = conn.prepare_cached(&sql)?.query_row([household_id], household_row)?;
    record.entered_at = entered_at.to_string();
    append(crate::Conn(conn), pool_id, &Record::Household(record))
}

/// Records a person as she is stored now (after an add or an edit).
pub fn record_person(conn: crate::Conn<'_>, pool_id: i64, person_id: i64, entered_at: &str) -> Result<ChainPlace> {
    let conn = conn.0;
    let sql =
        format!("SELECT {PERSON_COLUMNS}, {} FROM {PERSON_FROM} WHERE p.id = ?1", super::people::left_on_column(conn)?);
    let mut record = conn.prepare_cached(&sql)?.query_row([person_id], person_row)?;
    record.entered_at = entered_at.to_string();
    append(crate::Conn(conn), pool_id, &Record::Person(record))
}

/// Records one line of the dues schedule as stored.
pub fn record_dues(conn: crate::Conn<'_>, pool_id: i64, dues_id: i64, entered_at: &str) -> Result<ChainPlace> {
    let conn = conn.0;
    let mut record = conn
        .prepare_cached(&format!("SELECT {DUES_COLUMNS} FROM {DUES_FROM} WHERE d.id = ?1"))?
        .query_row([dues_id], dues_row)?;
    record.entered_at = entered_at.to_string();
    append(crate::Conn(conn), pool_id, &Record::Dues(record))
}

const PERSON_COLUMNS: &str = "pl.code, p.code, p.full_name, p.date_of_birth, p.gender, p.cccd, p.bhxh_code, h.code, \
     p.category, p.phone, p.joined, s.code";
const PERSON_FROM: &str = "persons p JOIN pools pl ON pl.id = p.pool_id \
     LEFT JOIN households h ON h.id = p.household_id LEFT JOIN persons s ON s.id = p.sponsor_id";
const HOUSEHOLD_COLUMNS: &str = "pl.code, h.code, h.name, h.address";
const HOUSEHOLD_FROM: &str = "households h JOIN pools pl ON pl.id = h.pool_id";
const DUES_COLUMNS: &str = "pl.code, d.amount, d.effective_from";
const DUES_FROM: &str = "dues d JOIN pools pl ON pl.id = d.pool_id";

/// A `persons` row in record form, `entered_at` left empty.
fn person_row(r: &Row<'_>) -> rusqlite::Result<PersonRecord> {
    Ok(PersonRecord {
        pool: r.get(0)?,
        code: r.get(1)?,
        full_name: r.get(2)?,
        date_of_birth: r.get(3)?,
        gender: r.get(4)?,
        cccd: r.get(5)?,
        bhxh_code: r.get(6)?,
        household: r.get(7)?,
        category: r.get(8)?,
        phone: r.get(9)?,
        joined: r.get(10)?,
        sponsor: r.get(11)?,
        left_on: r.get(12)?,
        entered_at: String::new(),
    })
}

fn household_row(r: &Row<'_>) -> rusqlite::Result<HouseholdRecord> {
    Ok(HouseholdRecord {
        pool: r.get(0)?,
        code: r.get(1)?,
        name: r.get(2)?,
        address: r.get(3)?,
        entered_at: String::new(),
    })
}

fn dues_row(r: &Row<'_>) -> rusqlite::Result<DuesRecord> {
    Ok(DuesRecord { pool: r.get(0)?, amount: r.get(1)?, effective_from: r.get(2)?, entered_at: String::new() })
}

/// Every household, person and dues line of a pool as stored now, in record form
/// (`entered_at` empty), in the order they were made.
pub fn current(conn: crate::Conn<'_>, pool_id: i64) -> Result<Vec<Record>> {
    let conn = conn.0;
    // A collected pool's records name the chapter's own pool code (docs/design.md §11).
    let origins = super::district::has_origins(conn)?;
    let code = |columns: &str| {
        if origins { columns.replacen("pl.code", "COALESCE(pl.origin_code, pl.code)", 1) } else { columns.to_string() }
    };
    let mut out = Vec::new();
    let mut st = conn.prepare(&format!(
        "SELECT {} FROM {HOUSEHOLD_FROM} WHERE h.pool_id = ?1 ORDER BY h.id",
        code(HOUSEHOLD_COLUMNS)
    ))?;
    for h in st.query_map([pool_id], household_row)? {
        out.push(Record::Household(h?));
    }
    let mut st = conn.prepare(&format!(
        "SELECT {}, {} FROM {PERSON_FROM} WHERE p.pool_id = ?1 ORDER BY p.id",
        code(PERSON_COLUMNS),
        super::people::left_on_column(conn)?
    ))?;
    for p in st.query_map([pool_id], person_row)? {
        out.push(Record::Person(p?));
    }
    let mut st = conn.prepare(&format!(
        "SELECT {} FROM {DUES_FROM} WHERE d.pool_id = ?1 ORDER BY d.effective_from",
        code(DUES_COLUMNS)
    ))?;
    for d in st.query_map([pool_id], dues_row)? {
        out.push(Record::Dues(d?));
    }
    Ok(out)
}

/// The Rust half of the chain's schema step (chain.sql): every pool made before
/// records existed gets its `pool` record (a new book id) and one record per household,
/// person and dues line as they stand, so the upgraded book verifies and its treasurer
/// goes on.
pub(super) fn after_chain_step(conn: &Connection) -> Result<()> {
    let stamp = migration_stamp();
    let pools: Vec<i64> = {
        let mut st = conn.prepare("SELECT id FROM pools ORDER BY id")?;
        st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    for pool_id in pools {
        record_pool(crate::Conn(conn), pool_id, &new_book_id(), &stamp)?;
        for mut record in current(crate::Conn(conn), pool_id)? {
            record.set_entered_at(&stamp);
            append(crate::Conn(conn), pool_id, &record)?;
        }
    }
    Ok(())
}

/// When a migration's records were entered: the fixed clock's midnight when the process
/// runs on one (as for every other write, so tests are reproducible), else now.
pub(super) fn migration_stamp() -> String {
    super::stamp::for_migration()
}

impl Store {
    /// Every household, person and dues line of a pool as stored now (see [`current`]).
    pub fn current_records(&self, pool_id: i64) -> Result<Vec<Record>> {
        current(crate::Conn(&self.conn), pool_id)
    }
}

impl Store {
    /// Every `person` record of one person in the pool's chain, in order (her add and each
    /// edit, all fields): her edit history. Read on demand only: the chain has no index by
    /// kind, so this walks the pool's chain once.
    pub fn person_records(&self, pool_id: i64, code: &str) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT body, entered_at FROM chain WHERE pool_id = ?1 AND kind = 'person' \
               AND json_extract(body, '$.code') = ?2 ORDER BY pos",
        )?;
        let rows = st.query_map(params![pool_id, code], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
