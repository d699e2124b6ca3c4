//! The district's side of the book (docs/design.md §11): which pools are copies of a
//! chapter's book, the district's own chain of collections, and the rule that a collected
//! pool is never written here. Copying itself is `collect.rs`.

use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::district::DistrictRecord;
use hunvon_core::ledger::record::{PoolRecord, Record};
use hunvon_core::messages::error::DistrictError;

/// Whether the book has the district step's columns (`origin_…`): a book from before it,
/// opened read-only and so not migrated, has not.
pub(crate) fn has_origins(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('transactions') WHERE name = 'origin_id')")?
        .query_row([], |r| r.get(0))?)
}

/// Refuses any write into a pool collected from a chapter's book, naming it. Called where
/// every write to a pool passes: `Store::appender` (vouchers) and `records::append`
/// (people, households, dues, the pool itself).
pub(crate) fn refuse_collected(conn: &Connection, pool_id: i64) -> Result<()> {
    if !has_origins(conn)? {
        return Ok(());
    }
    let code: Option<String> = conn
        .prepare_cached("SELECT p.code FROM collected_pools c JOIN pools p ON p.id = c.pool_id WHERE c.pool_id = ?1")?
        .query_row([pool_id], |r| r.get(0))
        .optional()?;
    match code {
        Some(pool) => Err(DistrictError::CollectedPool { pool }.into()),
        None => Ok(()),
    }
}

/// A pool of this book copied from a chapter's book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectedPool {
    pub pool_id: i64,
    /// The code shown here (`--as`, or the chapter's; a date suffix once archived).
    pub code: String,
    /// The chapter's own code, which its hashes are built with.
    pub origin_code: String,
    pub name: String,
    pub book_id: String,
    /// When an accepted rewrite replaced this copy.
    pub archived_at: Option<String>,
}

/// One record of the district's chain as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictLink {
    pub pos: i64,
    pub kind: String,
    pub pool_id: i64,
    pub body: String,
    pub prev_hash: String,
    pub hash: String,
    pub entered_at: String,
}

impl DistrictLink {
    pub fn record(&self) -> Option<DistrictRecord> {
        DistrictRecord::parse(&self.body)
    }
}

impl Store {
    /// Every collected pool of the book, current ones first, by code; none on a book
    /// without the district step.
    pub fn collected_pools(&self) -> Result<Vec<CollectedPool>> {
        if !has_origins(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT c.pool_id, p.code, COALESCE(p.origin_code, p.code), p.name, c.book_id, c.archived_at \
             FROM collected_pools c JOIN pools p ON p.id = c.pool_id ORDER BY c.archived_at IS NOT NULL, p.code",
        )?;
        let rows = st.query_map([], |r| {
            Ok(CollectedPool {
                pool_id: r.get(0)?,
                code: r.get(1)?,
                origin_code: r.get(2)?,
                name: r.get(3)?,
                book_id: r.get(4)?,
                archived_at: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The book id of a pool, from the `pool` record that opens its chain; `None` for a
    /// book made before book ids (no chain of records, or no such record).
    pub fn book_id(&self, pool_id: i64) -> Result<Option<String>> {
        Ok(self.opening_record(pool_id)?.map(|p| p.book_id))
    }

    /// The `pool` record that opens a pool's chain: its book id and the pool's code as its
    /// book wrote it (a district's copy passes on its chapter's, whatever it is shown as).
    pub fn opening_record(&self, pool_id: i64) -> Result<Option<PoolRecord>> {
        if !self.has_chain()? {
            return Ok(None);
        }
        let body: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT body FROM chain WHERE pool_id = ?1 AND pos = 1")?
            .query_row([pool_id], |r| r.get(0))
            .optional()?;
        Ok(match body.flatten().as_deref().and_then(Record::parse) {
            Some(Record::Pool(p)) => Some(p),
            _ => None,
        })
    }

    /// The place and hash of the pool's last record ((0, genesis) for an empty chain).
    pub fn chain_end(&self, pool_id: i64) -> Result<(i64, String)> {
        super::records::head(crate::Conn(&self.conn), pool_id)
    }

    /// The record at a place of the pool's chain: (its reference — voucher number or
    /// `#pos` — and its hash). One indexed read, for comparing two copies of a chain.
    pub fn link_at(&self, pool_id: i64, pos: i64) -> Result<Option<(String, String)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COALESCE(t.voucher, '#' || c.pos), COALESCE(c.hash, t.hash) FROM chain c \
                 LEFT JOIN transactions t ON t.id = c.txn_id WHERE c.pool_id = ?1 AND c.pos = ?2",
            )?
            .query_row(params![pool_id, pos], |r| Ok((r.get(0)?, r.get::<_, Option<String>>(1)?.unwrap_or_default())))
            .optional()?)
    }

    /// Whether a pool of the book has this code.
    pub fn pool_code_taken(&self, code: &str) -> Result<bool> {
        Ok(self.conn.query_row("SELECT EXISTS (SELECT 1 FROM pools WHERE code = ?1)", [code], |r| r.get(0))?)
    }

    /// The district's chain in order (a record per collection: small), none on a book
    /// without the district step.
    pub fn district_links(&self) -> Result<Vec<DistrictLink>> {
        if !has_origins(&self.conn)? {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT pos, kind, pool_id, body, prev_hash, hash, entered_at FROM district_chain ORDER BY pos",
        )?;
        let rows = st.query_map([], |r| {
            Ok(DistrictLink {
                pos: r.get(0)?,
                kind: r.get(1)?,
                pool_id: r.get(2)?,
                body: r.get(3)?,
                prev_hash: r.get(4)?,
                hash: r.get(5)?,
                entered_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The last collection of a pool, from the district's chain.
    pub fn last_collection(&self, pool_id: i64) -> Result<Option<DistrictLink>> {
        if !has_origins(&self.conn)? {
            return Ok(None);
        }
        Ok(self
            .conn
            .prepare_cached(
                "SELECT pos, kind, pool_id, body, prev_hash, hash, entered_at FROM district_chain \
                 WHERE pool_id = ?1 AND kind = 'collect' ORDER BY pos DESC LIMIT 1",
            )?
            .query_row([pool_id], |r| {
                Ok(DistrictLink {
                    pos: r.get(0)?,
                    kind: r.get(1)?,
                    pool_id: r.get(2)?,
                    body: r.get(3)?,
                    prev_hash: r.get(4)?,
                    hash: r.get(5)?,
                    entered_at: r.get(6)?,
                })
            })
            .optional()?)
    }

    /// The people of a pool a sponsor brought in ("1+1").
    pub fn sponsored(&self, pool_id: i64) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT COUNT(sponsor_id) FROM persons WHERE pool_id = ?1")?
            .query_row([pool_id], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// People of a pool with cover on `as_of`: a BHYT card valid that day, and BHXH
    /// months paid through that day's month — counting only purchases paid by then and
    /// not reversed by then (as `CoverageRecord::in_force_on`). One query per pool, so
    /// the district's table of 80 chapters does not read every card into memory.
    pub fn covered_counts(&self, pool_id: i64, as_of: chrono::NaiveDate) -> Result<(usize, usize)> {
        let month = as_of.format("%Y-%m").to_string();
        // Cards from elsewhere count as cover too (SPEC §10), on a book that has them.
        let outside = if super::outside_cards::has_outside_cards(crate::Conn(&self.conn))? {
            " UNION ALL SELECT o.person_id, o.scheme, o.card_from, o.card_to, substr(o.card_from, 1, 7), \
               substr(o.card_to, 1, 7) FROM outside_cards o LEFT JOIN outside_card_cancels x \
               ON x.pool_id = o.pool_id AND x.card_pos = o.chain_pos \
              WHERE o.pool_id = ?1 AND x.id IS NULL AND o.card_from <= ?2"
        } else {
            ""
        };
        let sql = format!(
            "SELECT COUNT(DISTINCT CASE WHEN scheme = 'bhyt' AND f <= ?2 AND ?2 <= t THEN pid END), \
                    COUNT(DISTINCT CASE WHEN scheme = 'bhxh' AND fm <= ?3 AND ?3 <= tm THEN pid END) \
               FROM (SELECT c.person_id AS pid, c.scheme, c.card_from AS f, c.card_to AS t, c.from_month AS fm, \
                            c.to_month AS tm \
                       FROM coverages c JOIN transactions t ON t.id = c.txn_id \
                       LEFT JOIN transactions rv ON rv.reverses_id = c.txn_id \
                      WHERE c.person_id IN (SELECT id FROM persons WHERE pool_id = ?1) \
                        AND (c.card_to >= ?2 OR c.to_month >= ?3) \
                        AND t.date <= ?2 AND (rv.date IS NULL OR rv.date > ?2){outside})"
        );
        let (bhyt, bhxh): (i64, i64) = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params![pool_id, as_of, month], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok((usize::try_from(bhyt).unwrap_or(0), usize::try_from(bhxh).unwrap_or(0)))
    }
}
