//! Guards checked (docs/design.md §10): every table, index and trigger of the file compared with
//! what schema.sql and the migrations build in an empty in-memory database. A trigger
//! dropped or rewritten behind hunvon's back no longer stops an UPDATE; `verify` says so.

use std::collections::BTreeMap;

use rusqlite::Connection;

use super::Store;
use super::open::MIGRATIONS;
use crate::fault::Result;

/// How an object of the file differs from what hunvon builds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GuardDiff {
    /// Built by hunvon, absent from the file (dropped).
    Missing { kind: String, name: String },
    /// Present in both, with a different definition (altered).
    Altered { kind: String, name: String },
    /// In the file only (made by someone else: a warning, not a failure).
    Extra { kind: String, name: String },
}

type Objects = BTreeMap<String, (String, String)>;

/// name → (type, definition with runs of white space made one space), leaving out the
/// statistics tables ANALYZE makes.
fn objects(conn: &Connection) -> Result<Objects> {
    let mut st = conn.prepare(
        "SELECT type, name, COALESCE(sql, '') FROM sqlite_master \
         WHERE type IN ('table', 'index', 'trigger', 'view') AND name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\'",
    )?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (kind, name, sql) = row?;
        out.insert(name, (kind, sql.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    Ok(out)
}

impl Store {
    /// The schema version the file says it has (`PRAGMA user_version`).
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Differences between the file's tables, indexes and triggers and those the first
    /// `user_version` schema steps build (a book opened read-only may be older).
    pub fn guard_differences(&self) -> Result<Vec<GuardDiff>> {
        let version = usize::try_from(self.schema_version()?).unwrap_or(0).min(MIGRATIONS.len());
        let expected_db = Connection::open_in_memory()?;
        for step in &MIGRATIONS[..version] {
            expected_db.execute_batch(step)?;
        }
        let expected = objects(&expected_db)?;
        let actual = objects(&self.conn)?;
        let mut out = Vec::new();
        for (name, (kind, sql)) in &expected {
            match actual.get(name) {
                None => out.push(GuardDiff::Missing { kind: kind.clone(), name: name.clone() }),
                Some((k, s)) if k != kind || s != sql => {
                    out.push(GuardDiff::Altered { kind: kind.clone(), name: name.clone() });
                }
                Some(_) => {}
            }
        }
        for (name, (kind, _)) in &actual {
            if !expected.contains_key(name) {
                out.push(GuardDiff::Extra { kind: kind.clone(), name: name.clone() });
            }
        }
        Ok(out)
    }
}
