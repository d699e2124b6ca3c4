//! The postings of a chain walk read on a connection of their own, on a thread of their
//! own (docs/design.md §12): stepping through SQLite's rows and reading their columns was
//! about a quarter of the reading thread's work, and that thread is what `verify` waits
//! for. The other connection reads the same snapshot (`Store::another_reader`); its rows
//! come in the same order, in batches that go back to be refilled (their buffers with
//! them), so nothing is allocated per posting and no more than a few batches are held.
//! Without another connection the walk reads them itself, as before.

use std::sync::mpsc::{Receiver, Sender, SyncSender, TryRecvError};

use rusqlite::params;

use super::Store;
use super::chain::Link;
use super::chain_codes::{ById, Codes};
use super::chain_walk::WalkTally;
use crate::fault::Result;
use hunvon_core::ledger::canonical::CanonicalPosting;

/// A posting as the walk takes it: its transaction's row id, the posting (its account as
/// a code), its account's row id.
pub(crate) type PostingRow = (i64, CanonicalPosting, Option<i64>);

/// Postings in a batch, and batches on their way.
const BATCH: usize = 1024;
const BATCHES: usize = 2;
/// SQLite's page cache of the postings' connection, in KiB: it reads one index once.
const CACHE_KIB: i64 = 256;

/// Where a walk's postings come from.
pub(crate) enum Postings<'s> {
    /// The walk's own connection.
    Here(rusqlite::Rows<'s>),
    /// Another thread's connection, in batches.
    Beside(Batches),
}

/// The receiving end of the postings' thread.
pub(crate) struct Batches {
    batches: Receiver<Vec<PostingRow>>,
    back: Sender<Vec<PostingRow>>,
    batch: Vec<PostingRow>,
    at: usize,
}

impl Postings<'_> {
    /// The next posting into `pending` (its buffers reused), `None` after the last.
    pub(crate) fn next(&mut self, accounts: &mut ById<'_>, pending: &mut Option<PostingRow>) -> Result<()> {
        match self {
            Postings::Here(rows) => match rows.next()? {
                Some(r) => posting_from(r, accounts, pending.get_or_insert_with(Default::default)),
                None => {
                    *pending = None;
                    Ok(())
                }
            },
            Postings::Beside(b) => {
                if b.at == b.batch.len() {
                    // The thread stopping early is its own error, told when it is joined.
                    let spent = std::mem::take(&mut b.batch);
                    let _ = b.back.send(spent);
                    b.at = 0;
                    match b.batches.recv() {
                        Ok(batch) => b.batch = batch,
                        Err(_) => {
                            *pending = None;
                            return Ok(());
                        }
                    }
                }
                // Swapped, not copied: the posting the walk is done with goes back with
                // the batch to be refilled.
                std::mem::swap(pending.get_or_insert_with(Default::default), &mut b.batch[b.at]);
                b.at += 1;
                Ok(())
            }
        }
    }
}

/// One posting row (transaction id, row id, account id, amount) into `slot`.
fn posting_from(r: &rusqlite::Row<'_>, accounts: &mut ById<'_>, slot: &mut PostingRow) -> Result<()> {
    let (at, p, account) = slot;
    *at = r.get(0)?;
    p.id = r.get(1)?;
    *account = r.get(2)?;
    let code = accounts.get(*account)?;
    p.account.clear();
    p.account.push_str(code.unwrap_or_default());
    p.amount = r.get(3)?;
    Ok(())
}

impl Store {
    /// `walk_batches` with the postings read on `other`, on a thread of its own, when
    /// given one: a reader of the same snapshot (`Store::another_reader`), given back
    /// after the walk (chain_postings.rs, docs/design.md §12). Says what the walk met
    /// besides its links (`WalkTally`).
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
        let query = PostingsQuery { sql: &q.postings, range: q.txn_range, dense: q.dense, pool_id };
        match other.take() {
            Some(store) => {
                let (store, walked) = Store::postings_beside(store, query, |postings| {
                    self.walk_with(&q, pool_id, (from, to), postings, size, links, visit)
                });
                *other = Some(store);
                walked
            }
            None => {
                let mut posts = self.conn.prepare(&q.postings)?;
                let (lo, hi) = q.txn_range;
                let rows =
                    if q.dense { posts.query(params![lo, hi])? } else { posts.query(params![lo, hi, pool_id])? };
                self.walk_with(&q, pool_id, (from, to), Postings::Here(rows), size, links, visit)
            }
        }
    }

    /// Runs `walk` with the postings of `query` read on `other`'s connection on a thread of
    /// its own, and gives `other` back. The thread's error is told before the walk's:
    /// without its postings the walk would name what is not wrong.
    pub(crate) fn postings_beside<T>(
        other: Store,
        query: PostingsQuery<'_>,
        walk: impl FnOnce(Postings<'_>) -> Result<T>,
    ) -> (Store, Result<T>) {
        let (to_walk, batches) = std::sync::mpsc::sync_channel(BATCHES);
        let (back, refills) = std::sync::mpsc::channel();
        std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let read = other.with_cache(CACHE_KIB, || read_postings(&other, query, &to_walk, &refills));
                // Its pages given back while the walk still grows: not part of the peak.
                let read = read.and_then(|()| other.release_memory());
                (other, read)
            });
            let walked = walk(Postings::Beside(Batches { batches, back, batch: Vec::new(), at: 0 }));
            let (other, read) = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (other, read.and(walked))
        })
    }
}

/// The postings query of a walk and its parameters.
#[derive(Clone, Copy)]
pub(crate) struct PostingsQuery<'q> {
    pub(crate) sql: &'q str,
    pub(crate) range: (i64, i64),
    pub(crate) dense: bool,
    pub(crate) pool_id: i64,
}

/// The postings' thread: rows into batches, sent in order until the last or until the
/// walk stops taking them.
fn read_postings(
    store: &Store,
    q: PostingsQuery<'_>,
    to_walk: &SyncSender<Vec<PostingRow>>,
    refills: &Receiver<Vec<PostingRow>>,
) -> Result<()> {
    let mut accounts = Codes::accounts_of(&store.conn, q.pool_id)?;
    let mut st = store.conn.prepare(q.sql)?;
    let (lo, hi) = q.range;
    let mut rows = if q.dense { st.query(params![lo, hi])? } else { st.query(params![lo, hi, q.pool_id])? };
    let mut batch: Vec<PostingRow> = Vec::with_capacity(BATCH);
    let mut n = 0;
    while let Some(r) = rows.next()? {
        if n == batch.len() {
            batch.push(Default::default());
        }
        posting_from(r, &mut accounts, &mut batch[n])?;
        n += 1;
        if n == BATCH {
            let next = match refills.try_recv() {
                Ok(b) => b,
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => Vec::with_capacity(BATCH),
            };
            // The walk stopped (it ended early or failed): nothing more to read.
            if to_walk.send(std::mem::replace(&mut batch, next)).is_err() {
                return Ok(());
            }
            n = 0;
        }
    }
    batch.truncate(n);
    if n > 0 {
        let _ = to_walk.send(batch);
    }
    Ok(())
}
