//! A pool's chain of records as stored: its links, its head, the place of a reference.
//! The streaming walk that reads them back is `chain_walk.rs`.
//! A book of the first schema (opened read-only, so not migrated) has no `chain` table:
//! its vouchers alone, in id order, are its chain.

use rusqlite::{OptionalExtension, params};

use super::Store;
pub use super::chain_walk::WalkTally;
use crate::fault::Result;
use hunvon_core::ledger::canonical::CanonicalTransaction;

/// What a place in the chain holds.
// One link exists at a time during a walk; boxing the voucher would cost an allocation
// for each of a district's million vouchers.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, Default)]
pub enum Content {
    /// A voucher, read back in canonical form.
    Voucher(CanonicalTransaction),
    /// Any other record: its stored canonical JSON.
    Body(String),
    /// A voucher's place whose transaction row is gone.
    #[default]
    Missing,
}

/// One stored link of the chain: its place, what it says its predecessor was, what it
/// says its own hash is, and its content.
#[derive(Clone, Debug, Default)]
pub struct Link {
    pub pos: i64,
    pub kind: String,
    pub prev_hash: String,
    pub hash: String,
    pub entered_at: String,
    pub content: Content,
    /// A voucher's postings' account row ids, in the postings' order (not in the text):
    /// `verify` sums by account through them without hashing a name per posting.
    pub account_ids: Vec<Option<i64>>,
}

impl Link {
    /// The text hashed after the previous hash: the canonical JSON.
    pub fn text(&self) -> String {
        match &self.content {
            Content::Voucher(t) => t.json(),
            Content::Body(b) => b.clone(),
            Content::Missing => String::new(),
        }
    }

    /// The same text written into `out` (cleared first): a walk of a million records
    /// reuses one buffer.
    pub fn text_into(&self, out: &mut Vec<u8>) {
        out.clear();
        match &self.content {
            Content::Voucher(t) => t.json_into(out),
            Content::Body(b) => out.extend_from_slice(b.as_bytes()),
            Content::Missing => {}
        }
    }

    /// How hunvon names this record: its voucher number, else `#pos`.
    pub fn reference(&self) -> String {
        let mut out = String::new();
        self.reference_into(&mut out);
        out
    }

    /// The same into `out` (cleared first), reusing its buffer.
    pub fn reference_into(&self, out: &mut String) {
        use std::fmt::Write;
        out.clear();
        match &self.content {
            Content::Voucher(t) => out.push_str(&t.voucher),
            // Writing into a String cannot fail.
            _ => {
                let _ = write!(out, "#{}", self.pos);
            }
        }
    }
}

/// The last record of a pool's chain, as a paper prints it so it can be typed back into
/// `verify --anchor`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// Its voucher number or `#pos`; `None` for an empty chain.
    pub reference: Option<String>,
    pub hash: String,
}

impl Head {
    /// `PT-2026-0183=5f74…` (all 64 hex digits); the bare genesis hash for an empty chain.
    pub fn anchor(&self) -> String {
        match &self.reference {
            Some(r) => format!("{r}={}", self.hash),
            None => self.hash.clone(),
        }
    }
}

/// Whether the book has schema step 8's voucher references (`bank_ref`, `count_ref`).
pub(crate) fn has_refs(conn: &rusqlite::Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('transactions') WHERE name = 'bank_ref')")?
        .query_row([], |r| r.get(0))?)
}
impl Store {
    /// Whether the book has the chain of records (schema step 2); a book of the first
    /// schema opened read-only does not.
    pub fn has_chain(&self) -> Result<bool> {
        let kind: Option<String> = self
            .conn
            .prepare_cached("SELECT type FROM sqlite_master WHERE name = 'chain'")?
            .query_row([], |r| r.get(0))
            .optional()?;
        match kind.as_deref() {
            None => Ok(false),
            Some("table") => Ok(true),
            // A view or anything else named `chain` was made by another program: reading
            // it as "a book from before the chain" would hide every record.
            Some(_) => Err(hunvon_core::messages::error::BookError::Tampered(self.path.display().to_string()).into()),
        }
    }

    /// The pool's chain head.
    pub fn head(&self, pool_id: i64) -> Result<Head> {
        let sql = if self.has_chain()? {
            "SELECT COALESCE(t.voucher, '#' || c.pos), COALESCE(c.hash, t.hash) FROM chain c \
             LEFT JOIN transactions t ON t.id = c.txn_id WHERE c.pool_id = ?1 ORDER BY c.pos DESC LIMIT 1"
        } else {
            "SELECT voucher, hash FROM transactions WHERE pool_id = ?1 ORDER BY id DESC LIMIT 1"
        };
        let found: Option<(String, Option<String>)> =
            self.conn.prepare_cached(sql)?.query_row([pool_id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        Ok(match found {
            Some((reference, hash)) => Head { reference: Some(reference), hash: hash.unwrap_or_default() },
            None => Head { reference: None, hash: hunvon_core::ledger::canonical::GENESIS.to_string() },
        })
    }

    /// The place in the pool's chain of a reference: `#N`, or a voucher number.
    pub fn record_pos(&self, pool_id: i64, reference: &str) -> Result<Option<i64>> {
        let reference = reference.trim();
        if let Some(n) = reference.strip_prefix('#') {
            let Ok(pos) = n.parse::<i64>() else { return Ok(None) };
            let mut found = None;
            self.walk_records(pool_id, pos, pos, |l| {
                found = Some(l.pos);
                Ok(false)
            })?;
            return Ok(found);
        }
        let voucher = reference.to_ascii_uppercase();
        let sql = if self.has_chain()? {
            // chain.txn_id has no index of its own (it would cost every voucher a write):
            // one pass over this pool's places is quick for a single record.
            "SELECT pos FROM chain WHERE pool_id = ?1 \
             AND txn_id = (SELECT id FROM transactions WHERE pool_id = ?1 AND voucher = ?2)"
        } else {
            "SELECT pos FROM (SELECT voucher, ROW_NUMBER() OVER (ORDER BY id) AS pos FROM transactions \
             WHERE pool_id = ?1) WHERE voucher = ?2"
        };
        Ok(self.conn.query_row(sql, params![pool_id, voucher], |r| r.get(0)).optional()?)
    }

    /// Calls `visit` for each record of the pool with place in `from..=to`, in order.
    /// `visit` returns false to stop early.
    pub fn walk_records(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        mut visit: impl FnMut(Link) -> Result<bool>,
    ) -> Result<()> {
        self.walk_links(pool_id, from, to, |link| visit(link.clone()))
    }

    /// Vouchers of the pool that have no place in its chain (inserted behind hunvon's
    /// back): their numbers, at most `limit`.
    pub fn unchained_vouchers(&self, pool_id: i64, limit: i64) -> Result<Vec<String>> {
        let mut st = self.conn.prepare(
            "SELECT voucher FROM transactions WHERE pool_id = ?1 \
             AND id NOT IN (SELECT txn_id FROM chain WHERE pool_id = ?1 AND txn_id IS NOT NULL) ORDER BY id LIMIT ?2",
        )?;
        let rows = st.query_map(params![pool_id, limit], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How many records the pool's chain holds (its vouchers, for a book without one).
    pub fn chain_length(&self, pool_id: i64) -> Result<u64> {
        if !self.has_chain()? {
            return self.voucher_count(pool_id);
        }
        let n: i64 =
            self.conn
                .query_row("SELECT COALESCE(MAX(pos), 0) FROM chain WHERE pool_id = ?1", [pool_id], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// How many vouchers the pool has.
    pub fn voucher_count(&self, pool_id: i64) -> Result<u64> {
        let n: i64 =
            self.conn.query_row("SELECT COUNT(*) FROM transactions WHERE pool_id = ?1", [pool_id], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}
