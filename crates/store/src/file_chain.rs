//! The file's own chain (`file_chain`, schema step file_chain.sql): every rate
//! row added with `rates set`, hashed like a pool's records. The rate rows schema.sql seeds
//! are constants of the schema: `verify` builds them in memory (as it builds the guards)
//! and holds the `rates` table to those constants and the chain's records.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use super::open::MIGRATIONS;
use super::records::ChainPlace;
use crate::fault::Result;
use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::file_record::{FileRecord, RateRecord};
use hunvon_core::ledger::record::Record;
use hunvon_core::rules::rates::RateRow;

/// One stored record of the file's chain.
#[derive(Clone, Debug)]
pub struct FileLink {
    pub pos: i64,
    pub body: String,
    pub prev_hash: String,
    pub hash: String,
    pub entered_at: String,
}

/// Whether the book has the file's chain (an older book opened read-only has not).
fn has_file_chain(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'file_chain')")?
        .query_row([], |r| r.get(0))?)
}

/// The file chain's last record: (place, hash); (0, genesis) when empty.
fn file_head(conn: &Connection) -> Result<(i64, String)> {
    Ok(conn
        .prepare_cached("SELECT pos, hash FROM file_chain ORDER BY pos DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?
        .unwrap_or_else(|| (0, GENESIS.to_string())))
}

/// Appends one record to the file's chain, in the caller's transaction.
pub fn append(conn: crate::Conn<'_>, record: &FileRecord) -> Result<ChainPlace> {
    let conn = conn.0;
    let (pos, prev) = file_head(conn)?;
    let body = record.json();
    let hash = canonical::link_hash(&prev, &body);
    conn.prepare_cached(
        "INSERT INTO file_chain (pos, kind, body, prev_hash, hash, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![pos + 1, record.kind(), body, prev, hash, record.entered_at()])?;
    Ok(ChainPlace { pos: pos + 1, hash })
}

/// The rate rows the first `version` schema steps seed: constants of the schema.
pub fn seeded_rates(version: usize) -> Result<Vec<RateRow>> {
    let built = Connection::open_in_memory()?;
    for step in &MIGRATIONS[..version.min(MIGRATIONS.len())] {
        built.execute_batch(step)?;
    }
    rate_rows(&built)
}

/// Every rate row of a connection, by name then date.
pub(super) fn rate_rows(conn: &Connection) -> Result<Vec<RateRow>> {
    let mut st =
        conn.prepare_cached("SELECT name, value, effective_from, basis FROM rates ORDER BY name, effective_from")?;
    let rows = st.query_map([], |r| {
        Ok(RateRow { name: r.get(0)?, value: r.get(1)?, effective_from: r.get(2)?, basis: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A rate row in record form.
pub fn rate_record(row: &RateRow, entered_at: &str) -> FileRecord {
    FileRecord::Rate(RateRecord {
        name: row.name.clone(),
        value: row.value.clone(),
        effective_from: hunvon_core::domain::date::format_iso(row.effective_from),
        basis: row.basis.clone(),
        entered_at: entered_at.to_string(),
    })
}

/// The Rust half of the step (file_chain.sql): a book made before it gets a rate
/// record for each row `rates set` added (every row that is not a constant of the schema)
/// and an `import` record in its pool's chain for each import made, all stamped with the
/// migration's time (they are entered now; the import keeps its own time beside it).
pub(super) fn after_file_chain_step(conn: &Connection, version: usize) -> Result<()> {
    let stamp = super::records::migration_stamp();
    let seeded = seeded_rates(version)?;
    let added: Vec<RateRow> = {
        let mut st = conn.prepare("SELECT name, value, effective_from, basis FROM rates ORDER BY id")?;
        let rows = st.query_map([], |r| {
            Ok(RateRow { name: r.get(0)?, value: r.get(1)?, effective_from: r.get(2)?, basis: r.get(3)? })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for row in added.iter().filter(|r| !seeded.contains(r)) {
        append(crate::Conn(conn), &rate_record(row, &stamp))?;
    }
    let mut st = conn.prepare("SELECT id FROM pools ORDER BY id")?;
    let pools: Vec<i64> = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for pool_id in pools {
        for mut record in super::imports::stored_imports(crate::Conn(conn), pool_id)? {
            record.entered_at.clone_from(&stamp);
            super::records::append(crate::Conn(conn), pool_id, &Record::Import(record))?;
        }
    }
    Ok(())
}

impl Store {
    /// Whether the book has the file's chain (an older book opened read-only has not).
    pub fn has_file_chain(&self) -> Result<bool> {
        has_file_chain(&self.conn)
    }

    /// Every record of the file's chain, in order.
    pub fn file_links(&self) -> Result<Vec<FileLink>> {
        if !has_file_chain(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare("SELECT pos, body, prev_hash, hash, entered_at FROM file_chain ORDER BY pos")?;
        let rows = st.query_map([], |r| {
            Ok(FileLink {
                pos: r.get(0)?,
                body: r.get(1)?,
                prev_hash: r.get(2)?,
                hash: r.get(3)?,
                entered_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The file chain's head as printed beside a pool's: `#N=HASH`; `None` when the chain
    /// is empty or the book has none.
    pub fn file_head(&self) -> Result<Option<String>> {
        if !has_file_chain(&self.conn)? {
            return Ok(None);
        }
        let (pos, hash) = file_head(&self.conn)?;
        Ok((pos > 0).then(|| format!("#{pos}={hash}")))
    }

    /// The rate rows this file's schema seeds (see [`seeded_rates`]).
    pub fn seeded_rates(&self) -> Result<Vec<RateRow>> {
        seeded_rates(usize::try_from(self.schema_version()?).unwrap_or(0))
    }
}
