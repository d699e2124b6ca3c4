//! The year's plan (chỉ tiêu, SPEC §10): a `target` record of the pool's own chain, or —
//! for a chapter collected into a district book — of the district's chain, keyed by the
//! chapter's book id and overriding the chapter's own. The latest of each is in force.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::record::{Record, TargetRecord};

/// A year's target as the reports read it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Target {
    pub bhyt: i64,
    pub bhxh: i64,
    pub new_bhxh: Option<i64>,
    /// Whether the district set it (overriding the chapter's own).
    pub by_district: bool,
}

/// Whether this book has the table (an older book opened read-only has not).
fn has_targets(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'targets')")?
        .query_row([], |r| r.get(0))?)
}

/// Writes a target's row at its place in the pool's chain or the district's.
pub fn insert_target(
    conn: crate::Conn<'_>,
    pool_id: i64,
    chain_pos: Option<i64>,
    district_pos: Option<i64>,
    t: &TargetRecord,
) -> Result<()> {
    let conn = conn.0;
    conn.prepare_cached(
        "INSERT INTO targets (pool_id, chain_pos, district_pos, year, bhyt, bhxh, new_bhxh, entered_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![pool_id, chain_pos, district_pos, t.year, t.bhyt, t.bhxh, t.new_bhxh, t.entered_at])?;
    Ok(())
}

impl Store {
    /// Sets a pool's own target: its chain record and its row.
    pub fn record_target(&mut self, pool_id: i64, record: &TargetRecord) -> Result<i64> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let place = super::records::append(crate::Conn(&tx), pool_id, &Record::Target(record.clone()))?;
        insert_target(crate::Conn(&tx), pool_id, Some(place.pos), None, record)?;
        tx.commit()?;
        Ok(place.pos)
    }

    /// Sets a collected chapter's target in the district's own chain (the chapter's copy
    /// stays as it was collected).
    pub fn record_district_target(&mut self, pool_id: i64, record: &TargetRecord) -> Result<i64> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let (pos, prev): (i64, String) = tx
            .prepare_cached("SELECT pos, hash FROM district_chain ORDER BY pos DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or_else(|| (0, GENESIS.to_string()));
        let body = hunvon_core::ledger::district::DistrictRecord::Target(record.clone()).json();
        let hash = canonical::link_hash(&prev, &body);
        tx.prepare_cached(
            "INSERT INTO district_chain (pos, kind, pool_id, body, prev_hash, hash, entered_at) \
             VALUES (?1, 'target', ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![pos + 1, pool_id, body, prev, hash, record.entered_at])?;
        insert_target(crate::Conn(&tx), pool_id, None, Some(pos + 1), record)?;
        tx.commit()?;
        Ok(pos + 1)
    }

    /// The target in force for a pool's year: the district's latest, else the pool's own latest.
    pub fn target(&self, pool_id: i64, year: i32) -> Result<Option<Target>> {
        if !has_targets(&self.conn)? {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT bhyt, bhxh, new_bhxh, district_pos IS NOT NULL FROM targets WHERE pool_id = ?1 AND year = ?2 \
                 ORDER BY district_pos IS NOT NULL DESC, id DESC LIMIT 1",
            )?
            .query_row(params![pool_id, year], |r| {
                Ok(Target { bhyt: r.get(0)?, bhxh: r.get(1)?, new_bhxh: r.get(2)?, by_district: r.get(3)? })
            })
            .optional()?)
    }

    /// The pool's own target rows in record form (`pool` left empty), by chain place: what
    /// `verify` compares with the chain.
    pub fn stored_targets(&self, pool_id: i64) -> Result<Vec<(i64, TargetRecord)>> {
        if !has_targets(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare(
            "SELECT chain_pos, year, bhyt, bhxh, new_bhxh, entered_at FROM targets \
             WHERE pool_id = ?1 AND chain_pos IS NOT NULL ORDER BY chain_pos",
        )?;
        let rows = st.query_map([pool_id], |r| {
            Ok((
                r.get(0)?,
                TargetRecord {
                    year: r.get(1)?,
                    bhyt: r.get(2)?,
                    bhxh: r.get(3)?,
                    new_bhxh: r.get(4)?,
                    entered_at: r.get(5)?,
                    ..TargetRecord::default()
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
