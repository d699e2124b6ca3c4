//! A chain walk's vouchers read on a connection of their own, on a thread of their own,
//! with their postings (docs/design.md §12): reading a voucher's seventeen columns and its
//! postings was most of the walk's reading thread, the one `verify` waits for, while the
//! thread beside it (then reading the postings alone) was mostly idle. The other
//! connection reads the same snapshot (`Store::another_reader`). It reads the pool's
//! vouchers in id order, each with its postings, and hands them over in batches that go
//! back to be refilled (their buffers with them), so nothing is allocated per voucher;
//! the walk reads the chain's own rows and takes, for each voucher's place, the voucher
//! handed over next when it is the one named there. Any other (the chain's order and the
//! ids disagree, a voucher of another pool, a row the CHECKs forbid) is looked up on its
//! own, as the walk's join did, with the postings the join-walk would have found for it:
//! none, as they were passed over.
//! Without another connection the walk joins and reads them itself, as before.

use std::sync::mpsc::{Receiver, Sender, SyncSender, TryRecvError};

use rusqlite::params;
use rusqlite::types::ValueRef;

use super::Store;
use super::chain::{Content, Link};
use super::chain_codes::Codes;
use super::chain_columns::{id_at, or_empty_into, text_into, text_value_into};
use super::chain_postings::PostingsAhead;
use super::chain_tally::{Numbering, WalkTally};
use super::chain_walk::{Kind, RowsOf, Spare, Vouchers, voucher_fields};
use crate::fault::Result;
use hunvon_core::ledger::canonical::CanonicalTransaction;

/// Vouchers in a batch, and batches on their way.
const BATCH: usize = 256;
const BATCHES: usize = 2;
/// SQLite's page cache of the vouchers' connection, in KiB: it reads each table once.
const CACHE_KIB: i64 = 256;

/// A voucher as the vouchers' thread reads it: its transaction's row id, its previous and
/// own hash, the voucher with its postings (its coverage rows are the walk's), and its
/// postings' account ids.
#[derive(Default)]
pub(crate) struct VoucherRow {
    id: i64,
    prev_hash: String,
    hash: String,
    voucher: CanonicalTransaction,
    account_ids: Vec<Option<i64>>,
}

/// The receiving end of the vouchers' thread.
pub(crate) struct Batches {
    batches: Receiver<Vec<VoucherRow>>,
    back: Sender<Vec<VoucherRow>>,
    batch: Vec<VoucherRow>,
    at: usize,
    ended: bool,
}

impl Batches {
    /// The voucher handed over next, `None` after the last.
    fn head(&mut self) -> Option<&mut VoucherRow> {
        while self.at == self.batch.len() {
            if self.ended {
                return None;
            }
            // The thread stopping early is its own error, told when it is joined.
            let _ = self.back.send(std::mem::take(&mut self.batch));
            self.at = 0;
            match self.batches.recv() {
                Ok(batch) => self.batch = batch,
                Err(_) => self.ended = true,
            }
        }
        self.batch.get_mut(self.at)
    }

    /// Whether the voucher handed over next is transaction `id`, those of earlier ids
    /// passed over (`skip`) or not.
    fn next_is(&mut self, id: i64, skip: bool) -> bool {
        while let Some(head) = self.head() {
            if head.id == id {
                return true;
            }
            if head.id > id || !skip {
                return false;
            }
            self.at += 1;
        }
        false
    }
}

/// One row of the chain's own query (`pos, kind, body, prev_hash, hash, entered_at,
/// txn_id`) into `link`: what `fill_link` does with the joined row, the voucher taken
/// from the vouchers' thread.
pub(crate) fn fill_link_beside(
    r: &rusqlite::Row<'_>,
    rows_of: &mut RowsOf<'_, '_>,
    spare: &mut Spare,
    link: &mut Link,
) -> Result<()> {
    link.pos = r.get(0)?;
    text_into(r, 1, &mut link.kind)?;
    let txn = id_at(r, 6)?;
    let body_null = matches!(r.get_ref(2)?, ValueRef::Null);
    let voucher = match txn {
        Some(id) if body_null => take_voucher(rows_of, id, spare, link)?,
        _ => false,
    };
    if voucher {
        // The chain row's own hashes and time, were they set (its CHECK forbids them).
        if !matches!(r.get_ref(3)?, ValueRef::Null) {
            or_empty_into(r, 3, &mut link.prev_hash)?;
        }
        if !matches!(r.get_ref(4)?, ValueRef::Null) {
            or_empty_into(r, 4, &mut link.hash)?;
        }
        match (r.get_ref(5)?, &link.content) {
            (ValueRef::Null, Content::Voucher(t)) => link.entered_at.clone_from(&t.entered_at),
            (v, _) => text_value_into(r, 5, v, &mut link.entered_at)?,
        }
        return Ok(());
    }
    link.account_ids.clear();
    // A record, or a voucher's place whose transaction is gone: the joined transaction's
    // hashes and time stand in for the chain row's missing ones (which its CHECK forbids
    // for a record), so it is looked up only then.
    let any_null = [3, 4, 5].into_iter().map(|i| r.get_ref(i)).any(|v| matches!(v, Ok(ValueRef::Null)));
    let joined = match (txn, body_null) {
        (Some(id), false) if any_null => joined_of(rows_of, id)?,
        _ => None,
    };
    if body_null {
        spare.make(&mut link.content, Kind::Missing);
    } else {
        spare.make(&mut link.content, Kind::Body);
        if let Content::Body(b) = &mut link.content {
            text_into(r, 2, b)?;
        }
    }
    let (prev, hash, entered) = joined.map_or((None, None, None), |(p, h, e)| (Some(p), Some(h), Some(e)));
    for (i, out, stand_in) in
        [(3, &mut link.prev_hash, prev), (4, &mut link.hash, hash), (5, &mut link.entered_at, entered)]
    {
        match r.get_ref(i)? {
            ValueRef::Null => {
                out.clear();
                out.push_str(stand_in.as_deref().unwrap_or_default());
            }
            v => text_value_into(r, i, v, out)?,
        }
    }
    Ok(())
}

/// The voucher of transaction `id` into `link` with its coverage rows: the one handed over
/// next when it is that one (those of earlier ids passed over, as the join-walk passes
/// their postings over), else looked up on its own, without postings. `false`: there is
/// no such transaction.
fn take_voucher(rows_of: &mut RowsOf<'_, '_>, id: i64, spare: &mut Spare, link: &mut Link) -> Result<bool> {
    let Vouchers::Beside { batches, one } = &mut rows_of.vouchers else { return Ok(false) };
    spare.make(&mut link.content, Kind::Voucher);
    let Content::Voucher(t) = &mut link.content else { return Ok(false) };
    if batches.next_is(id, false) {
        swap_in(batches, t, link_parts(&mut link.prev_hash, &mut link.hash, &mut link.account_ids));
    } else {
        let mut rows = one.query(params![id])?;
        let Some(row) = rows.next()? else {
            return Ok(false);
        };
        if batches.next_is(id, true) {
            swap_in(batches, t, link_parts(&mut link.prev_hash, &mut link.hash, &mut link.account_ids));
        } else {
            t.postings.clear();
            link.account_ids.clear();
            voucher_fields(row, &mut rows_of.codes, t)?;
            or_empty_into(row, 3, &mut link.prev_hash)?;
            or_empty_into(row, 4, &mut link.hash)?;
        }
    }
    rows_of.take_coverages(id, t)?;
    Ok(true)
}

type LinkParts<'l> = (&'l mut String, &'l mut String, &'l mut Vec<Option<i64>>);

fn link_parts<'l>(prev: &'l mut String, hash: &'l mut String, ids: &'l mut Vec<Option<i64>>) -> LinkParts<'l> {
    (prev, hash, ids)
}

/// The voucher handed over next swapped into a link's place (the place's old buffers go
/// back with the batch to be refilled).
fn swap_in(batches: &mut Batches, t: &mut CanonicalTransaction, (prev, hash, ids): LinkParts<'_>) {
    if let Some(v) = batches.head() {
        std::mem::swap(t, &mut v.voucher);
        std::mem::swap(prev, &mut v.prev_hash);
        std::mem::swap(hash, &mut v.hash);
        std::mem::swap(ids, &mut v.account_ids);
        batches.at += 1;
    }
}

/// Transaction `id`'s previous hash, hash and time ("" for NULL), as the join-walk read
/// them for a chain row that is not a voucher's; `None` when there is no such transaction.
fn joined_of(rows_of: &mut RowsOf<'_, '_>, id: i64) -> Result<Option<(String, String, String)>> {
    let Vouchers::Beside { one, .. } = &mut rows_of.vouchers else { return Ok(None) };
    let mut rows = one.query(params![id])?;
    let Some(row) = rows.next()? else { return Ok(None) };
    let (mut prev, mut hash, mut entered) = (String::new(), String::new(), String::new());
    or_empty_into(row, 3, &mut prev)?;
    or_empty_into(row, 4, &mut hash)?;
    or_empty_into(row, 19, &mut entered)?;
    Ok(Some((prev, hash, entered)))
}

impl Store {
    /// `walk_batches` with the vouchers read on `other`, on a thread of its own, when
    /// given one and the book has a chain: a reader of the same snapshot
    /// (`Store::another_reader`), given back after the walk (docs/design.md §12). Says
    /// what the walk counted on its way (chain_tally.rs).
    #[allow(clippy::too_many_arguments)]
    pub fn walk_batches_beside(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        size: usize,
        links: &mut Vec<Link>,
        other: &mut Option<Store>,
        visit: impl FnMut(&mut Vec<Link>, usize) -> Result<bool>,
    ) -> Result<WalkTally> {
        let q = self.walk_queries(pool_id, from, to)?;
        match other.take() {
            Some(store) if q.chained => {
                let query = VouchersQuery {
                    vouchers: &q.vouchers,
                    postings: &q.postings,
                    range: q.txn_range,
                    dense: q.dense,
                    origins: q.origins,
                    pool_id,
                    whole: from <= 1 && to == i64::MAX,
                };
                let (store, walked) = Store::vouchers_beside(store, query, |batches| {
                    self.walk_with(&q, pool_id, (from, to), Some(batches), size, links, visit)
                });
                *other = Some(store);
                walked.map(|(tally, _)| tally)
            }
            store => {
                *other = store;
                let postings = self.walk_with(&q, pool_id, (from, to), None, size, links, visit)?;
                Ok(WalkTally { postings, vouchers: None })
            }
        }
    }

    /// Runs `walk` with the vouchers of `query` read on `other`'s connection on a thread
    /// of its own, and gives `other` back. The thread's error is told before the walk's:
    /// without its vouchers the walk would name what is not wrong.
    fn vouchers_beside<T>(
        other: Store,
        query: VouchersQuery<'_>,
        walk: impl FnOnce(Batches) -> Result<T>,
    ) -> (Store, Result<(WalkTally, T)>) {
        let (to_walk, batches) = std::sync::mpsc::sync_channel(BATCHES);
        let (back, refills) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let read = other.with_cache(CACHE_KIB, || read_vouchers(&other, query, &to_walk, &refills));
                // Its pages given back while the walk still grows: not part of the peak.
                let read = read.and_then(|tally| other.release_memory().map(|()| tally));
                (other, read)
            });
            let walked = walk(Batches { batches, back, batch: Vec::new(), at: 0, ended: false });
            let (other, read) = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (other, read.and_then(|tally| walked.map(|w| (tally, w))))
        })
    }
}

/// The vouchers' and postings' queries of a walk and their parameters.
#[derive(Clone, Copy)]
struct VouchersQuery<'q> {
    vouchers: &'q str,
    postings: &'q str,
    range: (i64, i64),
    dense: bool,
    origins: bool,
    pool_id: i64,
    /// The whole chain is walked: every voucher of the pool is read.
    whole: bool,
}

/// The vouchers' thread: the pool's vouchers in id order, each with its postings, into
/// batches sent in order until the last or until the walk stops taking them; what it
/// counted (their numbering only when it read them all: a walk of the whole chain).
fn read_vouchers(
    store: &Store,
    q: VouchersQuery<'_>,
    to_walk: &SyncSender<Vec<VoucherRow>>,
    refills: &Receiver<Vec<VoucherRow>>,
) -> Result<WalkTally> {
    let mut codes = Codes::of_pool(&store.conn, q.pool_id, q.origins)?;
    let (lo, hi) = q.range;
    let mut posts = store.conn.prepare(q.postings)?;
    let rows = if q.dense { posts.query(params![lo, hi])? } else { posts.query(params![lo, hi, q.pool_id])? };
    let mut postings = PostingsAhead::new(rows, &mut codes.accounts)?;
    let mut st = store.conn.prepare(q.vouchers)?;
    let mut rows = st.query(params![lo, hi, q.pool_id])?;
    let mut batch: Vec<VoucherRow> = Vec::with_capacity(BATCH);
    let mut n = 0;
    let mut numbering = Numbering::default();
    while let Some(r) = rows.next()? {
        if n == batch.len() {
            batch.push(VoucherRow::default());
        }
        let v = &mut batch[n];
        v.id = r.get(6)?;
        or_empty_into(r, 3, &mut v.prev_hash)?;
        or_empty_into(r, 4, &mut v.hash)?;
        v.account_ids.clear();
        // Every voucher read here is the pool's (the query says so): its postings are its.
        postings.take(v.id, true, &mut codes.accounts, &mut v.voucher, &mut v.account_ids)?;
        voucher_fields(r, &mut codes, &mut v.voucher)?;
        numbering.add(&v.voucher.series, v.voucher.year, v.voucher.seq);
        n += 1;
        if n == BATCH {
            let next = match refills.try_recv() {
                Ok(b) => b,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => Vec::with_capacity(BATCH),
            };
            // The walk stopped (it ended early or failed): nothing more to read.
            if to_walk.send(std::mem::replace(&mut batch, next)).is_err() {
                return Ok(WalkTally { postings: postings.taken, vouchers: None });
            }
            n = 0;
        }
    }
    batch.truncate(n);
    if n > 0 {
        let _ = to_walk.send(batch);
    }
    Ok(WalkTally { postings: postings.taken, vouchers: q.whole.then(|| numbering.finish()) })
}
