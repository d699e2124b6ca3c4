//! The record of CSV files imported into each pool (the `imports` table), so a file
//! imported once is not imported again unless the treasurer says `--again`.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::record::{ImportRecord, Record};

/// One import as recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastImport {
    pub kind: String,
    pub file_name: String,
    pub imported_on: NaiveDate,
}

/// The latest import of a file with this content (hex SHA-256) into the pool.
/// A book of an older schema opened read-only has no `imports` table: nothing recorded.
pub fn import_of(conn: crate::Conn<'_>, pool_id: i64, sha256: &str) -> Result<Option<PastImport>> {
    let conn = conn.0;
    let recorded: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'imports')", [], |r| r.get(0))?;
    if !recorded {
        return Ok(None);
    }
    Ok(conn
        .prepare_cached(
            "SELECT kind, file_name, imported_on FROM imports WHERE pool_id = ?1 AND sha256 = ?2 \
             ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![pool_id, sha256], |r| {
            Ok(PastImport { kind: r.get(0)?, file_name: r.get(1)?, imported_on: r.get(2)? })
        })
        .optional()?)
}

/// What an import wrote, to record with it.
pub struct NewImport<'a> {
    pub pool_id: i64,
    pub kind: &'a str,
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub rows: usize,
    pub imported_on: NaiveDate,
    pub imported_at: &'a str,
}

/// Records an import, inside the transaction that wrote its rows: its row, and its
/// `import` record in the pool's chain (docs/hash.md).
pub fn record_import(conn: crate::Conn<'_>, i: &NewImport<'_>) -> Result<()> {
    let conn = conn.0;
    let imported_at = super::stamp::inside(i.imported_at);
    let i = &NewImport { imported_at: &imported_at, ..*i };
    let code: String = conn.query_row("SELECT code FROM pools WHERE id = ?1", [i.pool_id], |r| r.get(0))?;
    super::records::append(crate::Conn(conn), i.pool_id, &Record::Import(import_record(&code, i)))?;
    conn.prepare_cached(
        "INSERT INTO imports (pool_id, kind, sha256, file_name, rows, imported_on, imported_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        i.pool_id,
        i.kind,
        i.sha256,
        i.file_name,
        i64::try_from(i.rows).unwrap_or(i64::MAX),
        i.imported_on,
        i.imported_at
    ])?;
    Ok(())
}

/// An import in record form (`entered_at` its import time).
fn import_record(pool: &str, i: &NewImport<'_>) -> ImportRecord {
    ImportRecord {
        pool: pool.to_string(),
        kind: i.kind.to_string(),
        sha256: i.sha256.to_string(),
        file_name: i.file_name.to_string(),
        rows: i64::try_from(i.rows).unwrap_or(i64::MAX),
        imported_on: hunvon_core::domain::date::format_iso(i.imported_on),
        imported_at: i.imported_at.to_string(),
        entered_at: i.imported_at.to_string(),
    }
}

/// Every import row of a pool as stored now, in record form and in the order they were
/// made (`entered_at` left empty); nothing for a book without the table.
pub fn stored_imports(conn: crate::Conn<'_>, pool_id: i64) -> Result<Vec<ImportRecord>> {
    let conn = conn.0;
    let recorded: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'imports')", [], |r| r.get(0))?;
    if !recorded {
        return Ok(Vec::new());
    }
    let mut st = conn.prepare(
        "SELECT pl.code, i.kind, i.sha256, i.file_name, i.rows, i.imported_on, i.imported_at \
         FROM imports i JOIN pools pl ON pl.id = i.pool_id WHERE i.pool_id = ?1 ORDER BY i.id",
    )?;
    let rows = st.query_map([pool_id], |r| {
        Ok(ImportRecord {
            pool: r.get(0)?,
            kind: r.get(1)?,
            sha256: r.get(2)?,
            file_name: r.get(3)?,
            rows: r.get(4)?,
            imported_on: r.get(5)?,
            imported_at: r.get(6)?,
            entered_at: String::new(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Every import row of a pool (see [`stored_imports`]).
    pub fn stored_imports(&self, pool_id: i64) -> Result<Vec<ImportRecord>> {
        stored_imports(crate::Conn(&self.conn), pool_id)
    }

    /// The latest import of a file with this content into the pool (see [`import_of`]).
    pub fn import_of(&self, pool_id: i64, sha256: &str) -> Result<Option<PastImport>> {
        import_of(crate::Conn(&self.conn), pool_id, sha256)
    }
}
