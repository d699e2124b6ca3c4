//! Reading a pool's chain of records back, in order of entry, streaming: the chain's rows
//! (vouchers joined to their transactions) and two more cursors (postings, coverages)
//! walked in step by transaction id, so a million postings never sit in memory at once.
//! The postings may come from another connection on a thread of its own (`verify`:
//! chain_postings.rs).
//! The codes a voucher's text names for the ids in its rows (its pool, person, payer,
//! household, each posting's account) come from maps of the pool's rows read once, not a
//! join per row (chain_codes.rs, docs/design.md §12). The main query's columns and how a
//! row of it fills a link: chain_columns.rs.
//! A book of the first schema (opened read-only, so not migrated) has no `chain` table:
//! its vouchers alone, in id order, are its chain.

use rusqlite::params;

use super::Store;
use super::chain::{Content, Link, has_refs};
use super::chain_codes::Codes;
use super::chain_columns::{fill_link, main_query};
use super::chain_postings::Postings;
use super::chain_rows::RowsOf;
use crate::fault::Result;
use hunvon_core::ledger::canonical::CanonicalTransaction;

impl Store {
    /// `walk_records` lending each link rather than giving it: the one link is refilled
    /// for the next record, so a walk that only looks allocates nothing per record.
    pub fn walk_links(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        mut visit: impl FnMut(&mut Link) -> Result<bool>,
    ) -> Result<()> {
        let mut links = vec![Link::default()];
        self.walk_batches(pool_id, from, to, 1, &mut links, |links, _| visit(&mut links[0]))
    }

    /// The walk filling the first `size` links of `links` in place, in order, and lending
    /// them to `visit` each time they are all filled (and with how many are, once more at
    /// the end): a walk that only looks (`verify`) allocates nothing per record and moves
    /// no voucher from one place to another (docs/design.md §12). `visit` may swap the
    /// vector for one of its own, whose links the walk then refills (and adds to, up to
    /// `size`): `verify` hands batches of links to its checking thread that way.
    pub fn walk_batches(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        size: usize,
        links: &mut Vec<Link>,
        visit: impl FnMut(&mut Vec<Link>, usize) -> Result<bool>,
    ) -> Result<()> {
        self.walk_batches_beside(pool_id, from, to, size, links, &mut None, visit).map(|_| ())
    }

    /// The walk itself, its postings from `postings`; what it met (`WalkTally`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn walk_with(
        &self,
        q: &WalkQueries,
        pool_id: i64,
        (from, to): (i64, i64),
        postings: Postings<'_>,
        size: usize,
        links: &mut Vec<Link>,
        mut visit: impl FnMut(&mut Vec<Link>, usize) -> Result<bool>,
    ) -> Result<WalkTally> {
        let mut txs = self.conn.prepare(&q.main)?;
        let mut covs = self.conn.prepare(&q.coverages)?;
        let (lo, hi) = q.txn_range;
        let mut rows_of = RowsOf::new(
            Codes::of_pool(&self.conn, pool_id, q.origins)?,
            postings,
            covs.query(params![pool_id, lo, hi])?,
        )?;

        // The links' strings are refilled in place from each row: a million vouchers cost
        // no allocation each. A link whose content is of another kind than the row's
        // leaves it in `spare` with its buffers.
        let mut spare = Spare::default();
        let mut tally = WalkTally::default();
        let size = size.max(1);
        let mut filled = 0;
        let mut rows = txs.query(params![pool_id, from, to])?;
        while let Some(r) = rows.next()? {
            if filled == links.len() {
                links.push(Link::default());
            }
            fill_link(r, (pool_id, q.origins), &mut rows_of, &mut spare, &mut tally, &mut links[filled])?;
            filled += 1;
            if filled == size {
                filled = 0;
                if !visit(links, size)? {
                    tally.postings = rows_of.taken;
                    return Ok(tally);
                }
            }
        }
        if filled > 0 {
            visit(links, filled)?;
        }
        tally.postings = rows_of.taken;
        Ok(tally)
    }

    /// The three queries of a walk of `from..=to` and the transactions they cover.
    pub(crate) fn walk_queries(&self, pool_id: i64, from: i64, to: i64) -> Result<WalkQueries> {
        let chained = self.has_chain()?;
        let origins = super::district::has_origins(&self.conn)?;
        let row_id = |table: &str| {
            if origins { format!("COALESCE({table}.origin_id, {table}.id)") } else { format!("{table}.id") }
        };
        let main = main_query(chained, origins, has_refs(&self.conn)?);
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
        // The postings through the covering index postings_walk (schema step 14), which
        // holds them in id order with every column read: no posting row is visited and
        // a million postings need no sort (docs/design.md §12). A pool whose vouchers fill
        // most ids between its first and last (a book hunvon writes; a chapter's first
        // collection) reads them as one range of that index, rows of other pools' vouchers
        // passed over below; a pool spread thin among others (a district's monthly
        // collections) has each of its vouchers' rows sought, its vouchers in id order
        // (the covering index transactions_by_pool; CROSS JOIN keeps that loop order).
        let dense = self.dense(pool_id, from, to, (lo, hi))?;
        let posts_sql = if dense {
            format!(
                "SELECT p.txn_id, {}, p.account_id, p.amount FROM postings p \
                 WHERE p.txn_id BETWEEN ?1 AND ?2 ORDER BY p.txn_id, p.id",
                row_id("p")
            )
        } else {
            format!(
                "SELECT p.txn_id, {}, p.account_id, p.amount \
                 FROM transactions t CROSS JOIN postings p \
                 ON p.txn_id = t.id WHERE t.id BETWEEN ?1 AND ?2 AND t.pool_id = ?3 ORDER BY t.id, p.id",
                row_id("p")
            )
        };
        // Coverage rows are few (one voucher in seven has any): the index by transaction
        // is read in its order rather than searched once for each of the pool's vouchers
        // (0,12 → 0,04 s). A dense pool reads the range whole, as its postings, the rows
        // of other pools' vouchers passed over by the walk (its own thread's critical
        // path: 0,05 → 0,02 s, docs/design.md §12); a pool spread thin has each row's
        // voucher looked up for its pool.
        let pool_filter = if dense {
            "FROM coverages c WHERE ?1 IS NOT NULL AND c.txn_id BETWEEN ?2 AND ?3"
        } else {
            "FROM coverages c CROSS JOIN transactions t ON t.id = c.txn_id \
             WHERE t.pool_id = ?1 AND c.txn_id BETWEEN ?2 AND ?3"
        };
        let coverages = format!(
            "SELECT c.txn_id, {}, c.person_id, c.scheme, c.months, c.payer_account_id, c.household_id, c.position, \
                    c.quote, c.amount, c.expected_from, c.expected_to, c.card_from, c.card_to, c.from_month, \
                    c.to_month, c.income, c.supported_months \
             {pool_filter} ORDER BY c.txn_id, c.id",
            row_id("c")
        );
        Ok(WalkQueries { main, postings: posts_sql, coverages, txn_range: (lo, hi), dense, origins })
    }

    /// Whether the pool's vouchers within `lo..=hi` fill at least half the ids from its
    /// first to its last (counted by the places `from..=to` of its chain, an upper bound).
    fn dense(&self, pool_id: i64, from: i64, to: i64, (lo, hi): (i64, i64)) -> Result<bool> {
        let (first, last): (Option<i64>, Option<i64>) = self.conn.query_row(
            "SELECT (SELECT MIN(id) FROM transactions WHERE pool_id = ?1), \
                    (SELECT MAX(id) FROM transactions WHERE pool_id = ?1)",
            [pool_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (Some(first), Some(last)) = (first, last) else { return Ok(false) };
        let span = i128::from(hi.min(last)) - i128::from(lo.max(first)) + 1;
        let places =
            i128::from(self.chain_length(pool_id)?.min(u64::try_from(to).unwrap_or(0))) - i128::from(from.max(1)) + 1;
        Ok(span <= 2 * places.max(0) + 64)
    }
}

/// What a walk met besides its links, which `verify` holds against counts of the tables
/// instead of reading their rows a second time (docs/design.md §12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WalkTally {
    /// Postings joined to a voucher: each belongs to a transaction that exists, none is
    /// counted twice.
    pub postings: u64,
    /// Vouchers met (places whose transaction row exists).
    pub vouchers: u64,
    /// Every voucher met was the pool's and its row id above the one before: the
    /// vouchers met are `vouchers` distinct rows of the pool's.
    pub rising: bool,
    last: Option<i64>,
}

impl Default for WalkTally {
    /// Nothing met yet: no voucher out of order either.
    fn default() -> WalkTally {
        WalkTally { postings: 0, vouchers: 0, rising: true, last: None }
    }
}

impl WalkTally {
    pub(super) fn voucher(&mut self, id: i64, own: bool) {
        self.rising &= own && self.last.is_none_or(|last| id > last);
        self.last = Some(id);
        self.vouchers += 1;
    }
}

/// The contents a link's place may hold but does not now, with their buffers.
#[derive(Default)]
pub(super) struct Spare {
    voucher: CanonicalTransaction,
    body: String,
}

impl Spare {
    /// Makes `link`'s content the kind `want` names, in place when it already is.
    pub(super) fn make(&mut self, content: &mut Content, want: Kind) {
        let is = match content {
            Content::Voucher(_) => Kind::Voucher,
            Content::Body(_) => Kind::Body,
            Content::Missing => Kind::Missing,
        };
        if is == want {
            return;
        }
        match std::mem::replace(content, Content::Missing) {
            Content::Voucher(t) => self.voucher = t,
            Content::Body(b) => self.body = b,
            Content::Missing => {}
        }
        *content = match want {
            Kind::Voucher => Content::Voucher(std::mem::take(&mut self.voucher)),
            Kind::Body => Content::Body(std::mem::take(&mut self.body)),
            Kind::Missing => Content::Missing,
        };
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Voucher,
    Body,
    Missing,
}

/// What a walk reads: its records' query, its postings' and coverages' (walked in step by
/// transaction id), the transactions they cover, and how the postings are read.
pub(crate) struct WalkQueries {
    main: String,
    pub(crate) postings: String,
    coverages: String,
    pub(crate) txn_range: (i64, i64),
    pub(crate) dense: bool,
    origins: bool,
}
