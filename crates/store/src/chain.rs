//! Reading a pool's chain of records back, in order of entry, streaming: the chain's rows
//! (vouchers joined to their transactions) and two more cursors (postings, coverages)
//! walked in step by transaction id, so a million postings never sit in memory at once.
//! A book of the first schema (opened read-only, so not migrated) has no `chain` table:
//! its vouchers alone, in id order, are its chain.

use rusqlite::types::ValueRef;
use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::canonical::{CanonicalCoverage, CanonicalPosting, CanonicalTransaction};

/// What a place in the chain holds.
// One link exists at a time during a walk; boxing the voucher would cost an allocation
// for each of a district's million vouchers.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Content {
    /// A voucher, read back in canonical form.
    Voucher(CanonicalTransaction),
    /// Any other record: its stored canonical JSON.
    Body(String),
    /// A voucher's place whose transaction row is gone.
    Missing,
}

/// One stored link of the chain: its place, what it says its predecessor was, what it
/// says its own hash is, and its content.
#[derive(Clone, Debug)]
pub struct Link {
    pub pos: i64,
    pub kind: String,
    pub prev_hash: String,
    pub hash: String,
    pub entered_at: String,
    pub content: Content,
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

/// The voucher columns of a walk, from `t.id` on. A pool collected from a chapter's book
/// keeps the chapter's row ids and pool code (`origin_…`, docs/design.md §11), which is what
/// its canonical text holds; a book from before the district step has no such columns.
/// A book from before schema step 8 has no bank or count reference: read as empty.
fn voucher_columns(origins: bool, refs: bool) -> String {
    let (pool, id) = if origins {
        ("COALESCE(pl.origin_code, pl.code)", "COALESCE(t.origin_id, t.id)")
    } else {
        ("pl.code", "t.id")
    };
    let refs = if refs { "t.bank_ref, t.count_ref" } else { "'', ''" };
    format!(
        "t.id, {pool}, t.voucher, t.series, t.year, t.seq, t.date, t.kind, t.method, p.code, \
         t.note, r.voucher, t.receipt_no, t.entered_at, {id}, {refs}"
    )
}

/// Whether the book has schema step 8's voucher references (`bank_ref`, `count_ref`).
pub(crate) fn has_refs(conn: &rusqlite::Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM pragma_table_info('transactions') WHERE name = 'bank_ref')")?
        .query_row([], |r| r.get(0))?)
}
const VOUCHER_JOINS: &str = "LEFT JOIN pools pl ON pl.id = t.pool_id LEFT JOIN persons p ON p.id = t.person_id \
     LEFT JOIN transactions r ON r.id = t.reverses_id";

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

    /// `walk_records` lending each link rather than giving it: the one link is refilled
    /// for the next record, so a walk that only looks (`verify`) allocates nothing per record.
    pub fn walk_links(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        mut visit: impl FnMut(&Link) -> Result<bool>,
    ) -> Result<()> {
        let chained = self.has_chain()?;
        let origins = super::district::has_origins(&self.conn)?;
        let row_id = |table: &str| {
            if origins { format!("COALESCE({table}.origin_id, {table}.id)") } else { format!("{table}.id") }
        };
        let voucher_columns = voucher_columns(origins, has_refs(&self.conn)?);
        let main = if chained {
            format!(
                "SELECT c.pos, c.kind, c.body, COALESCE(c.prev_hash, t.prev_hash), COALESCE(c.hash, t.hash), \
                        COALESCE(c.entered_at, t.entered_at), {voucher_columns} \
                 FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id {VOUCHER_JOINS} \
                 WHERE c.pool_id = ?1 AND c.pos BETWEEN ?2 AND ?3 ORDER BY c.pos"
            )
        } else {
            format!(
                "SELECT t.pos, 'voucher', NULL, t.prev_hash, t.hash, t.entered_at, {voucher_columns} \
                 FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY id) AS pos FROM transactions WHERE pool_id = ?1) t \
                 {VOUCHER_JOINS} WHERE t.pos BETWEEN ?2 AND ?3 ORDER BY t.pos"
            )
        };
        // The transactions the range covers, so a single record does not read every posting.
        let (lo, hi) = if from <= 1 && to == i64::MAX {
            (i64::MIN, i64::MAX)
        } else if chained {
            self.conn.query_row(
                "SELECT COALESCE(MIN(txn_id), 0), COALESCE(MAX(txn_id), -1) FROM chain \
                 WHERE pool_id = ?1 AND pos BETWEEN ?2 AND ?3",
                params![pool_id, from, to],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        } else {
            self.conn.query_row(
                "SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS pos \
                 FROM transactions WHERE pool_id = ?1) WHERE pos BETWEEN ?2 AND ?3",
                params![pool_id, from, to],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        };
        let mut txs = self.conn.prepare(&main)?;
        // The pool's vouchers in id order (the covering index transactions_by_pool) and
        // each one's rows through the index by transaction, which holds them in id order:
        // CROSS JOIN keeps that loop order, so a million postings need no sort
        // (docs/design.md §12). Account names come from a map of the pool's
        // accounts rather than a lookup per posting.
        let mut posts = self.conn.prepare(&format!(
            "SELECT p.txn_id, {}, p.account_id, p.amount \
             FROM transactions t CROSS JOIN postings p \
             ON p.txn_id = t.id WHERE t.pool_id = ?1 AND t.id BETWEEN ?2 AND ?3 ORDER BY t.id, p.id",
            row_id("p")
        ))?;
        // Coverage rows are few (one voucher in seven has any): the index by transaction
        // is read in its order, each row's voucher looked up for its pool, rather than
        // the index searched once for each of the pool's vouchers (0,12 → 0,04 s).
        let mut covs = self.conn.prepare(&format!(
            "SELECT c.txn_id, {}, p.code, c.scheme, c.months, a.name, h.code, c.position, c.quote, c.amount, \
                    c.expected_from, c.expected_to, c.card_from, c.card_to, c.from_month, c.to_month, c.income, \
                    c.supported_months \
             FROM coverages c CROSS JOIN transactions t \
             ON t.id = c.txn_id \
             LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN accounts a ON a.id = c.payer_account_id \
             LEFT JOIN households h ON h.id = c.household_id \
             WHERE t.pool_id = ?1 AND c.txn_id BETWEEN ?2 AND ?3 ORDER BY c.txn_id, c.id",
            row_id("c")
        ))?;
        let mut names = AccountNames::new(&self.conn, pool_id)?;
        let mut post_rows = posts.query(params![pool_id, lo, hi])?;
        let mut cov_rows = covs.query(params![pool_id, lo, hi])?;
        let mut pending_post: Option<(i64, CanonicalPosting)> = None;
        next_posting(&mut post_rows, &mut names, &mut pending_post)?;
        let mut pending_cov: Option<(i64, CanonicalCoverage)> = None;
        next_coverage(&mut cov_rows, &mut pending_cov)?;

        // One link for the whole walk, its strings refilled in place from each row: a
        // million vouchers cost no allocation each (docs/design.md §12). The content not
        // in use waits in `spare_tx` / `spare_body` with its buffers.
        let mut link = Link {
            pos: 0,
            kind: String::new(),
            prev_hash: String::new(),
            hash: String::new(),
            entered_at: String::new(),
            content: Content::Missing,
        };
        let mut spare_tx = CanonicalTransaction::default();
        let mut spare_body = String::new();
        let mut rows = txs.query(params![pool_id, from, to])?;
        while let Some(r) = rows.next()? {
            match std::mem::replace(&mut link.content, Content::Missing) {
                Content::Voucher(t) => spare_tx = t,
                Content::Body(b) => spare_body = b,
                Content::Missing => {}
            }
            let txn: Option<i64> = r.get(6)?;
            link.content = match (r.get_ref(2)?, txn) {
                (ValueRef::Null, None) => Content::Missing,
                (ValueRef::Null, Some(id)) => {
                    // Rows of an earlier id belong to no voucher of this walk (the chain's
                    // order and the ids disagree): left out, so the voucher they were
                    // taken from no longer matches its hash.
                    let t = &mut spare_tx;
                    let mut n = 0;
                    while let Some((at, p)) = &mut pending_post {
                        if *at > id {
                            break;
                        }
                        if *at == id {
                            if n == t.postings.len() {
                                t.postings.push(CanonicalPosting::default());
                            }
                            std::mem::swap(&mut t.postings[n], p);
                            n += 1;
                        }
                        next_posting(&mut post_rows, &mut names, &mut pending_post)?;
                    }
                    t.postings.truncate(n);
                    let mut n = 0;
                    while let Some((at, c)) = &mut pending_cov {
                        if *at > id {
                            break;
                        }
                        if *at == id {
                            if n == t.coverages.len() {
                                t.coverages.push(CanonicalCoverage::default());
                            }
                            std::mem::swap(&mut t.coverages[n], c);
                            n += 1;
                        }
                        next_coverage(&mut cov_rows, &mut pending_cov)?;
                    }
                    t.coverages.truncate(n);
                    t.id = r.get(20)?;
                    or_empty_into(r, 7, &mut t.pool)?;
                    text_into(r, 8, &mut t.voucher)?;
                    text_into(r, 9, &mut t.series)?;
                    t.year = r.get(10)?;
                    t.seq = r.get(11)?;
                    text_into(r, 12, &mut t.date)?;
                    text_into(r, 13, &mut t.kind)?;
                    opt_text_into(r, 14, &mut t.method)?;
                    opt_text_into(r, 15, &mut t.person)?;
                    text_into(r, 16, &mut t.note)?;
                    opt_text_into(r, 17, &mut t.reverses)?;
                    text_into(r, 18, &mut t.receipt_no)?;
                    text_into(r, 19, &mut t.entered_at)?;
                    text_into(r, 21, &mut t.bank_ref)?;
                    text_into(r, 22, &mut t.count_ref)?;
                    Content::Voucher(std::mem::take(t))
                }
                (_, _) => {
                    text_into(r, 2, &mut spare_body)?;
                    Content::Body(std::mem::take(&mut spare_body))
                }
            };
            link.pos = r.get(0)?;
            text_into(r, 1, &mut link.kind)?;
            or_empty_into(r, 3, &mut link.prev_hash)?;
            or_empty_into(r, 4, &mut link.hash)?;
            or_empty_into(r, 5, &mut link.entered_at)?;
            if !visit(&link)? {
                break;
            }
        }
        Ok(())
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

/// Account names by id: the pool's accounts read once; any other id a posting names
/// (a row moved behind hunvon's back) looked up on its own, as a join would.
struct AccountNames<'c> {
    names: std::collections::HashMap<i64, String>,
    one: rusqlite::Statement<'c>,
}

impl<'c> AccountNames<'c> {
    fn new(conn: &'c rusqlite::Connection, pool_id: i64) -> Result<AccountNames<'c>> {
        let mut st = conn.prepare("SELECT id, name FROM accounts WHERE pool_id = ?1")?;
        let names = st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(AccountNames { names, one: conn.prepare("SELECT name FROM accounts WHERE id = ?1")? })
    }

    /// The name of account `id` into `out` ("" for none, as the canonical text has it).
    fn name_into(&mut self, id: Option<i64>, out: &mut String) -> Result<()> {
        out.clear();
        let Some(id) = id else { return Ok(()) };
        if let Some(n) = self.names.get(&id) {
            out.push_str(n);
            return Ok(());
        }
        let name: String =
            self.one.query_row([id], |r| r.get::<_, Option<String>>(0)).optional()?.flatten().unwrap_or_default();
        out.push_str(&name);
        self.names.insert(id, name);
        Ok(())
    }
}

/// Column `i` as text into `out`, reusing its buffer. Anything but valid UTF-8 text is
/// read as rusqlite reads a `String` (so refused the same way).
fn text_into(r: &rusqlite::Row<'_>, i: usize, out: &mut String) -> rusqlite::Result<()> {
    out.clear();
    if let ValueRef::Text(b) = r.get_ref(i)?
        && let Ok(s) = std::str::from_utf8(b)
    {
        out.push_str(s);
        return Ok(());
    }
    out.push_str(&r.get::<_, String>(i)?);
    Ok(())
}

/// Column `i` as text, NULL read as "" (`Option<String>` unwrapped to its default).
fn or_empty_into(r: &rusqlite::Row<'_>, i: usize, out: &mut String) -> rusqlite::Result<()> {
    if matches!(r.get_ref(i)?, ValueRef::Null) {
        out.clear();
        return Ok(());
    }
    text_into(r, i, out)
}

/// Column `i` as an optional text, reusing the buffer it had.
fn opt_text_into(r: &rusqlite::Row<'_>, i: usize, out: &mut Option<String>) -> rusqlite::Result<()> {
    if matches!(r.get_ref(i)?, ValueRef::Null) {
        *out = None;
        return Ok(());
    }
    text_into(r, i, out.get_or_insert_with(String::new))
}

/// The next posting row into `pending` (its buffers reused), `None` after the last.
fn next_posting(
    rows: &mut rusqlite::Rows<'_>,
    names: &mut AccountNames<'_>,
    pending: &mut Option<(i64, CanonicalPosting)>,
) -> Result<()> {
    let Some(r) = rows.next()? else {
        *pending = None;
        return Ok(());
    };
    let (at, p) = pending.get_or_insert_with(Default::default);
    *at = r.get(0)?;
    p.id = r.get(1)?;
    names.name_into(r.get(2)?, &mut p.account)?;
    p.amount = r.get(3)?;
    Ok(())
}

/// The next coverage row into `pending` (its buffers reused), `None` after the last.
fn next_coverage(rows: &mut rusqlite::Rows<'_>, pending: &mut Option<(i64, CanonicalCoverage)>) -> Result<()> {
    let Some(r) = rows.next()? else {
        *pending = None;
        return Ok(());
    };
    let (at, c) = pending.get_or_insert_with(Default::default);
    *at = r.get(0)?;
    c.id = r.get(1)?;
    or_empty_into(r, 2, &mut c.person)?;
    text_into(r, 3, &mut c.scheme)?;
    c.months = r.get(4)?;
    or_empty_into(r, 5, &mut c.payer)?;
    opt_text_into(r, 6, &mut c.household)?;
    c.position = r.get(7)?;
    c.quote = r.get(8)?;
    c.amount = r.get(9)?;
    opt_text_into(r, 10, &mut c.expected_from)?;
    opt_text_into(r, 11, &mut c.expected_to)?;
    opt_text_into(r, 12, &mut c.card_from)?;
    opt_text_into(r, 13, &mut c.card_to)?;
    opt_text_into(r, 14, &mut c.from_month)?;
    opt_text_into(r, 15, &mut c.to_month)?;
    c.income = r.get(16)?;
    c.supported_months = r.get(17)?;
    Ok(())
}
