//! The rows `verify` compares the walk's findings with — the file's guards and orphans,
//! each pool's papers, imports, audit log, voucher count and accounts — read on a second
//! connection on its own thread while the walk runs (docs/design.md §12). Read on the
//! calling thread, before and after the walk, they had kept one core idle for about a
//! quarter of the command. The people's rows and the daily movements are still read after
//! the walk, on the calling thread: held during it, or beside each other, they took the
//! peak past 100 MB. The numbering is the walk's own when it met every voucher of the
//! pool, each once (`Rows::numbering` reads it after the walk otherwise). The second
//! connection reads the same snapshot (`Store::with_second_reader`); without one (a WAL
//! book, a transaction already open, a copy in memory) the rows are read on the first,
//! after the walk, as before. The postings are only counted beside the walk; they are
//! looked up against their transactions after it only when the walks joined fewer of them
//! to a voucher.

use hunvon_core::ledger::record::{CardRecord, ImportRecord, LetterheadRecord, TargetRecord};
use hunvon_core::messages::error::Result;
use hunvon_store::Store;
use hunvon_store::closing::StoredPapers;
use hunvon_store::guards::GuardDiff;
use hunvon_store::people::AuditRow;
use hunvon_store::verify::{MaintainedAccount, Orphans};

use crate::verify::numbering::Gap;

/// SQLite's page cache of the second connection, in KiB: it reads each table once.
pub const CACHE_KIB: i64 = 1024;

/// The file's rows checked once, whatever the pools. The postings are only counted: the
/// walks say how many of them they joined to a voucher, and only when that is fewer are
/// they looked up against their transactions (`Rows::orphans`, docs/design.md §12).
pub struct FileRows {
    pub guards: Vec<GuardDiff>,
    pub postings: u64,
    pub coverage_orphans: i64,
}

impl FileRows {
    pub fn read(store: &Store) -> hunvon_store::Result<FileRows> {
        Ok(FileRows {
            guards: store.guard_differences()?,
            postings: store.posting_count()?,
            coverage_orphans: store.orphans(Orphans::Coverages)?,
        })
    }
}

/// Which of a pool's rows its check needs.
#[derive(Clone, Copy)]
pub struct Wanted {
    /// The book has a chain of records: people and papers are compared with it.
    pub chained: bool,
    /// A pool of this book (not collected): its audit log is held to the chain.
    pub own: bool,
    /// ... and its imports too (the file's chain exists, schema step 9).
    pub imports: bool,
}

/// One pool's rows as stored.
pub struct PoolRows {
    /// At least as many vouchers as the pool has (`Store::vouchers_at_most`): the walk that
    /// met as many, each once, read the numbering (docs/design.md §12).
    pub vouchers_at_most: u64,
    pub letterheads: Vec<LetterheadRecord>,
    pub papers: Option<StoredPapers>,
    pub cards: Vec<(i64, CardRecord)>,
    pub targets: Vec<(i64, TargetRecord)>,
    pub imports: Option<Vec<ImportRecord>>,
    pub audit: Option<Vec<AuditRow>>,
    /// `pools.code` and `pools.origin_code`.
    pub codes: (String, Option<String>),
    pub missing: Vec<String>,
    pub accounts: Vec<MaintainedAccount>,
    pub outside_purchases: Vec<String>,
}

impl PoolRows {
    pub fn read(store: &Store, pool_id: i64, wanted: Wanted) -> hunvon_store::Result<PoolRows> {
        let chained = wanted.chained;
        Ok(PoolRows {
            vouchers_at_most: store.vouchers_at_most(pool_id)?,
            letterheads: if chained { store.letterhead_history(pool_id)? } else { Vec::new() },
            papers: if chained { Some(store.stored_papers(pool_id)?) } else { None },
            cards: if chained { store.stored_cards(pool_id)? } else { Vec::new() },
            targets: if chained { store.stored_targets(pool_id)? } else { Vec::new() },
            imports: if wanted.own && wanted.imports { Some(store.stored_imports(pool_id)?) } else { None },
            audit: if wanted.own { Some(store.audit_rows(pool_id)?) } else { None },
            codes: store.pool_codes(pool_id)?,
            missing: store.missing_accounts(pool_id)?,
            accounts: store.maintained_accounts(pool_id)?,
            outside_purchases: store.coverage_outside_purchases(pool_id)?,
        })
    }
}

/// Where the rows are read: the second connection, moved to the reading thread and back,
/// or the first.
pub struct Rows<'s> {
    first: &'s Store,
    second: Option<Store>,
    /// A third reader of the same snapshot, for the walk's postings (lent to it).
    pub postings: Option<Store>,
    /// The file's rows, once read.
    pub file: Option<FileRows>,
}

impl<'s> Rows<'s> {
    /// With a second reader, a third is sought for the walk's postings: never without one
    /// (`first` may then be inside a transaction of its own, whose writes a reader would
    /// not see).
    pub fn new(first: &'s Store, second: Option<Store>) -> Rows<'s> {
        let postings = if second.is_some() { first.another_reader().ok().flatten() } else { None };
        Rows { first, second, postings, file: None }
    }

    /// Runs `beside` (the walk) on this thread while a pool's rows (and the file's, the
    /// first time) are read on another, and gives both results.
    pub fn beside<T>(
        &mut self,
        pool_id: i64,
        wanted: Wanted,
        beside: impl FnOnce() -> Result<T>,
    ) -> Result<(T, PoolRows)> {
        let want_file = self.file.is_none();
        let (out, (file, rows)) = self.both(beside, move |store: &Store| {
            let read = || -> hunvon_store::Result<(Option<FileRows>, PoolRows)> {
                let file = if want_file { Some(FileRows::read(store)?) } else { None };
                Ok((file, PoolRows::read(store, pool_id, wanted)?))
            };
            let rows = store.with_cache(CACHE_KIB, read);
            // Its pages given back while the walk still grows: not part of the peak.
            Ok(rows.and_then(|r| store.release_memory().map(|()| r))?)
        })?;
        if file.is_some() {
            self.file = file;
        }
        Ok((out, rows))
    }

    /// Runs `here` on this thread and `there` with the second connection on another, at
    /// once; without a second connection, `there` with the first after `here`.
    pub fn both<A, B: Send>(
        &mut self,
        here: impl FnOnce() -> Result<A>,
        there: impl FnOnce(&Store) -> Result<B> + Send,
    ) -> Result<(A, B)> {
        match self.second.take() {
            Some(second) => {
                let (a, b) = std::thread::scope(|scope| {
                    let reader = scope.spawn(move || {
                        let b = there(&second);
                        (second, b)
                    });
                    let a = here();
                    let (second, b) = reader.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                    self.second = Some(second);
                    (a, b)
                });
                Ok((a?, b?))
            }
            None => {
                let a = here()?;
                Ok((a, there(self.first)?))
            }
        }
    }

    /// Runs `here` on this thread and `there` on the second and the third connection at
    /// once, each given its part (which, of how many); with no third, `both` with one
    /// part.
    pub fn both_parts<A, B: Send>(
        &mut self,
        here: impl FnOnce() -> Result<A>,
        there: impl Fn(&Store, (usize, usize)) -> Result<B> + Sync,
    ) -> Result<(A, Vec<B>)> {
        let (second, third) = match (self.second.take(), self.postings.take()) {
            (Some(second), Some(third)) => (second, third),
            (second, third) => {
                (self.second, self.postings) = (second, third);
                let (a, b) = self.both(here, |store| there(store, (0, 1)))?;
                return Ok((a, vec![b]));
            }
        };
        let there = &there;
        let (a, one, two) = std::thread::scope(|scope| {
            let one = scope.spawn(move || {
                let b = there(&second, (0, 2));
                (second, b)
            });
            let two = scope.spawn(move || {
                let b = there(&third, (1, 2));
                (third, b)
            });
            let a = here();
            let (second, one) = one.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (third, two) = two.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            self.second = Some(second);
            self.postings = Some(third);
            (a, one, two)
        });
        Ok((a?, vec![one?, two?]))
    }

    /// The file's rows when no pool was checked.
    pub fn file(&mut self) -> hunvon_store::Result<&FileRows> {
        if self.file.is_none() {
            self.file = Some(FileRows::read(self.second.as_ref().unwrap_or(self.first))?);
        }
        Ok(self.file.get_or_insert_with(|| FileRows { guards: Vec::new(), postings: 0, coverage_orphans: 0 }))
    }

    /// The pool's vouchers counted (for a book with a chain) and its numbering read from
    /// the table: when the walk did not provably meet them all, each once. On the second
    /// connection, idle by now.
    pub fn numbering(&mut self, pool_id: i64, chained: bool) -> hunvon_store::Result<(u64, Vec<Gap>)> {
        let store = self.second.as_ref().unwrap_or(self.first);
        let read = store.with_cache(CACHE_KIB, || {
            let count = if chained { store.voucher_count(pool_id)? } else { 0 };
            Ok((count, store.numbering_gaps(pool_id)?))
        });
        store.release_memory()?;
        read
    }

    /// The rows that point at a transaction that does not exist: (table, count). The
    /// postings are looked up only when the walks joined fewer of them to a voucher
    /// (`taken`) than the file holds; on the second connection, idle by now.
    pub fn orphans(&mut self, taken: u64) -> hunvon_store::Result<Vec<(&'static str, i64)>> {
        let (postings, coverages) = {
            let file = self.file()?;
            (file.postings, file.coverage_orphans)
        };
        let posting_orphans = if taken == postings {
            0
        } else {
            let store = self.second.as_ref().unwrap_or(self.first);
            let n = store.with_cache(CACHE_KIB, || store.orphans(Orphans::Postings));
            store.release_memory()?;
            n?
        };
        Ok([("postings", posting_orphans), ("coverages", coverages)].into_iter().filter(|(_, n)| *n > 0).collect())
    }
}
