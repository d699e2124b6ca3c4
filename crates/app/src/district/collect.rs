//! `hunvon collect FILE`: a chapter's book comes into the district's book (docs/design.md
//! §11). The chapter's file is opened read-only (a USB stick with its switch on is fine),
//! each of its pools is planned (`collect_plan.rs`), then every record that is new is
//! checked — its place, its link, its hash, its balance — and copied, and the collection
//! is written to the district's own chain. All of it is one SQLite transaction: a
//! refusal anywhere leaves the district's book as it was.
//!
//! Checking and copying overlap: one thread walks the chapter's chain and checks each
//! record (reading, canonical text, SHA-256 — what `verify` does), the other writes the
//! records it has been handed, so a first collection costs little more than its writes.

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::district::{CollectRecord, DistrictRecord, RewriteRecord};
use hunvon_core::ledger::record::Record;
use hunvon_core::ledger::record_rules::{Breach, record_breaches, voucher_breaches};
use hunvon_core::messages::error::{Broken, DistrictError, Error, Result};
use hunvon_store::chain::{Content, Link};
use hunvon_store::collect::Collector;
use hunvon_store::{Access, Store};

use crate::App;
use crate::district::plan::{Plan, Source, archived_code, plan};

/// What was asked: `--as`, and `--accept-rewrite --reason`.
#[derive(Clone, Debug, Default)]
pub struct CollectRequest {
    pub alias: Option<String>,
    pub accept_rewrite: Option<String>,
    /// `--identity`: the district's key file, for an encrypted hand-in (`hunvon handin`).
    pub identity: Option<std::path::PathBuf>,
}

/// What came in for one pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intake {
    /// The code the district shows it under.
    pub code: String,
    pub first_time: bool,
    pub vouchers: u64,
    pub records: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    /// The new head, `REF=HASH`.
    pub head: String,
    /// The code the earlier copy was archived under, when a rewrite was accepted.
    pub archived_as: Option<String>,
}

/// Reports how far the copy has got: (records done, records to do).
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);

/// What the checking thread hands the writing one.
enum Msg {
    /// Records checked, in chain order (handed over in batches: one hand-over per record
    /// cost more in waking threads than it saved).
    Links(Vec<Link>),
    /// The pool's records are all handed over.
    End,
    /// A record failed its check (or the chapter's file could not be read): stop.
    Failed(Error),
}

/// Records per hand-over, and hand-overs waiting for the writer.
const BATCH: usize = 512;
const AHEAD: usize = 8;

impl App {
    /// Collects every pool of the chapter's book at `file` into this (the district's) book.
    pub fn collect(&mut self, file: &Path, req: &CollectRequest, progress: Progress<'_>) -> Result<Vec<Intake>> {
        self.store.ensure_writable()?;
        let shown = file.display().to_string();
        if crate::output::outfile::same_file(file, &self.store.path) {
            return Err(DistrictError::SameBook { file: shown }.into());
        }
        let (alias, reason) = checked_options(req)?;
        let chapter = open_chapter(file, req)?;
        let sources = sources(&chapter, &shown)?;
        if alias.is_some() && sources.len() > 1 {
            let pools = sources.iter().map(|s| s.pool.code.clone()).collect();
            return Err(DistrictError::AliasNeedsOnePool { file: shown, pools }.into());
        }
        let mut plans = Vec::new();
        for s in &sources {
            let p = plan(&self.store, &chapter, &shown, s, alias.as_deref(), reason.is_some())?;
            let archived = match &p {
                Plan::Replace { copy, .. } => Some(archived_code(&self.store, &copy.code, self.clock.today)?),
                _ => None,
            };
            plans.push((p, archived));
        }
        let starts: Vec<(i64, String)> = plans
            .iter()
            .map(|(p, _)| match p {
                Plan::Follow { from, prev, .. } => (*from, prev.clone()),
                _ => (1, GENESIS.to_string()),
            })
            .collect();
        let total: u64 =
            sources.iter().zip(&starts).map(|(s, (from, _))| u64::try_from(s.end.0 - from + 1).unwrap_or(0)).sum();
        let source_name = file.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let (tx, rx) = sync_channel::<Msg>(AHEAD);
        let work: Vec<(Source, i64, String)> =
            sources.iter().cloned().zip(starts).map(|(s, (from, prev))| (s, from, prev)).collect();
        let file_shown = shown.clone();
        let now = self.clock.now.clone();
        let intakes = std::thread::scope(|scope| {
            // The receiver lives in this closure: returning early drops it, which stops
            // the checker before the scope waits for it.
            let rx = rx;
            scope.spawn(move || check_chains(&chapter, &file_shown, &work, &tx));
            let mut col = self.store.collector(total)?;
            // Stamped once the district's write lock is held (store/stamp.rs).
            let now = hunvon_store::stamp::inside(&now);
            let now = now.as_str();
            let mut out = Vec::new();
            let mut done = 0u64;
            for (s, (p, archived_as)) in sources.iter().zip(plans) {
                let ctx = PoolCopy { source: s, source_name: &source_name, now, reason: reason.as_deref() };
                out.push(ctx.run(&mut col, p, archived_as, &rx, &mut |n| {
                    done += n;
                    progress(done, total);
                })?);
            }
            col.commit()?;
            Ok::<_, Error>(out)
        });
        // Dropping the receiver on a failure stops the checking thread; the scope joined it.
        let intakes = intakes?;
        self.refresh_pools()?;
        Ok(intakes)
    }
}

/// `--as` and `--accept-rewrite`'s reason, checked.
fn checked_options(req: &CollectRequest) -> Result<(Option<String>, Option<String>)> {
    let alias =
        hunvon_core::domain::input::optional(req.alias.as_deref(), |a| hunvon_core::domain::input::code("--as", a))?;
    let reason = match &req.accept_rewrite {
        Some(r) => {
            let r = hunvon_core::domain::input::note("--reason", r)?;
            if r.is_empty() {
                return Err(Error::Empty { field: "--reason".into() });
            }
            Some(r)
        }
        None => None,
    };
    Ok((alias, reason))
}

/// The chapter's book, read-only: decrypted in memory with `--identity`, refused with one
/// sentence when it is a hand-in and no key was given.
fn open_chapter(file: &Path, req: &CollectRequest) -> Result<Store> {
    match &req.identity {
        Some(key) => crate::district::handin::open_handin(file, key),
        None if crate::district::handin::is_encrypted(file) => {
            Err(hunvon_core::messages::error::HandinError::NeedsIdentity { file: file.display().to_string() }.into())
        }
        None => Ok(Store::open(file, Access::ReadOnly)?),
    }
}

/// Every pool of the chapter's book with its book id; a book made before book ids is
/// refused with the sentence that says how to mark it.
fn sources(chapter: &Store, file: &str) -> Result<Vec<Source>> {
    let no_id = || Error::from(DistrictError::NoBookId { file: file.to_string() });
    if !chapter.has_chain()? {
        return Err(no_id());
    }
    let pools = chapter.pools()?;
    if pools.is_empty() {
        return Err(DistrictError::NothingToCollect { file: file.to_string() }.into());
    }
    let mut out = Vec::new();
    for pool in pools {
        let opening = chapter.opening_record(pool.id)?.ok_or_else(no_id)?;
        let end = chapter.chain_end(pool.id)?;
        let head = chapter.head(pool.id)?.reference.unwrap_or_default();
        out.push(Source { pool, book_id: opening.book_id, origin: opening.pool, end, head });
    }
    Ok(out)
}

/// The checking thread: walks each pool's chain from its start place and hands every
/// record whose place, link, hash and balance are right to the writer. A wrong one is
/// handed over as the refusal that names it, and the walk stops.
fn check_chains(chapter: &Store, file: &str, work: &[(Source, i64, String)], tx: &SyncSender<Msg>) {
    for (s, from, prev) in work {
        let mut expected = *from;
        let mut prev = prev.clone();
        let mut batch = Vec::with_capacity(BATCH);
        let walked = chapter.walk_records(s.pool.id, *from, i64::MAX, |link| {
            let broken = |why| DistrictError::Broken {
                pool: s.pool.code.clone(),
                file: file.to_string(),
                reference: link.reference(),
                why,
            };
            let wrong = if matches!(link.content, Content::Missing) {
                Some(Broken::Missing)
            } else if link.pos != expected || link.prev_hash != prev {
                Some(Broken::Link)
            } else if canonical::link_hash(&prev, &link.text()) != link.hash {
                Some(Broken::Hash)
            } else {
                // Every value is held to the input rules (SPEC §9): an amount past the
                // bound or a hidden character is refused, whatever its hash says.
                let refused = |breaches: Vec<Breach>| breaches.into_iter().find(Breach::refused).map(Broken::Rule);
                match &link.content {
                    Content::Voucher(t) => refused(voucher_breaches(t)).or_else(|| {
                        let sum = t.postings.iter().try_fold(0i64, |s, p| s.checked_add(p.amount));
                        (t.postings.len() < 2 || sum != Some(0)).then_some(Broken::Unbalanced)
                    }),
                    Content::Body(body) => match Record::parse(body) {
                        None => Some(Broken::NotARecord),
                        Some(r) => refused(record_breaches(&r)),
                    },
                    Content::Missing => None,
                }
            };
            if let Some(why) = wrong {
                return Err(broken(why).into());
            }
            prev.clone_from(&link.hash);
            expected += 1;
            batch.push(link);
            if batch.len() < BATCH {
                return Ok(true);
            }
            // A writer that stopped (its own failure) has dropped the receiver.
            Ok(tx.send(Msg::Links(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)))).is_ok())
        });
        if walked.is_ok() && !batch.is_empty() && tx.send(Msg::Links(batch)).is_err() {
            return;
        }
        let last = match walked {
            Ok(()) => Msg::End,
            Err(e) => Msg::Failed(e.into()),
        };
        let failed = matches!(last, Msg::Failed(_));
        if tx.send(last).is_err() || failed {
            return;
        }
    }
}

/// Copying one pool: its setup as planned, its records as the checker hands them over,
/// its maintained sums, and its record in the district's chain.
struct PoolCopy<'a> {
    source: &'a Source,
    source_name: &'a str,
    now: &'a str,
    reason: Option<&'a str>,
}

impl PoolCopy<'_> {
    fn run(
        &self,
        col: &mut Collector<'_>,
        plan: Plan,
        archived_as: Option<String>,
        rx: &Receiver<Msg>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Intake> {
        let (pool_id, code, from, first_time) = self.set_up(col, plan, archived_as.clone())?;
        let mut intake = Intake {
            code: code.clone(),
            first_time,
            vouchers: 0,
            records: 0,
            first: None,
            last: None,
            head: String::new(),
            archived_as,
        };
        loop {
            let links = match rx.recv() {
                Ok(Msg::Links(links)) => links,
                Ok(Msg::End) => break,
                Ok(Msg::Failed(e)) => return Err(e),
                Err(_) => return Err(DistrictError::CopyShort { pool: self.source.pool.code.clone() }.into()),
            };
            progress(links.len() as u64);
            for link in links {
                self.copy(col, link, &mut intake)?;
            }
        }
        self.finish(col, pool_id, from, intake)
    }

    /// The pool in the district as planned: a new pool, the copy to follow (still ending
    /// where it did when planned), or the copy archived with a rewrite record and a new
    /// pool in its place. Its id, code, first place to copy, and whether it is new.
    fn set_up(
        &self,
        col: &mut Collector<'_>,
        plan: Plan,
        archived_as: Option<String>,
    ) -> Result<(i64, String, i64, bool)> {
        let s = self.source;
        let now = self.now;
        Ok(match plan {
            Plan::First { code } => {
                let id = col.new_pool(&code, &s.origin, &s.pool.name, &s.book_id, now)?;
                (id, code, 1, true)
            }
            Plan::Follow { copy, from, prev } => {
                // Planned outside this transaction: the copy must still end where it did.
                col.enter_pool(copy.pool_id)?;
                if col.chain_end()? != (from - 1, prev) {
                    return Err(Error::Busy);
                }
                (copy.pool_id, copy.code, from, false)
            }
            Plan::Replace { copy, differs_at, old_head } => {
                let archived = archived_as.clone().unwrap_or_default();
                col.archive(copy.pool_id, &archived, now)?;
                let rewrite = RewriteRecord {
                    pool: copy.code.clone(),
                    book_id: s.book_id.clone(),
                    archived_as: archived,
                    differs_at,
                    old_head,
                    new_head: format!("{}={}", s.head, s.end.1),
                    reason: self.reason.unwrap_or_default().to_string(),
                    entered_at: now.to_string(),
                };
                col.record(copy.pool_id, &DistrictRecord::Rewrite(rewrite))?;
                let id = col.new_pool(&copy.code, &s.origin, &s.pool.name, &s.book_id, now)?;
                (id, copy.code, 1, true)
            }
        })
    }

    /// After the last record: the sums kept, the copy checked to end where the chapter's
    /// chain does, and the collection recorded in the district's chain.
    fn finish(&self, col: &mut Collector<'_>, pool_id: i64, from: i64, mut intake: Intake) -> Result<Intake> {
        let s = self.source;
        col.finish_pool()?;
        let (end, hash) = col.chain_end()?;
        if (end, hash.as_str()) != (s.end.0, s.end.1.as_str()) {
            return Err(DistrictError::CopyShort { pool: s.pool.code.clone() }.into());
        }
        intake.head = format!("{}={hash}", s.head);
        let record = CollectRecord {
            pool: intake.code.clone(),
            origin: s.origin.clone(),
            book_id: s.book_id.clone(),
            name: s.pool.name.clone(),
            source: self.source_name.to_string(),
            from,
            to: end,
            vouchers: intake.vouchers,
            first: intake.first.clone(),
            last: intake.last.clone(),
            head: s.head.clone(),
            hash,
            entered_at: self.now.to_string(),
        };
        col.record(pool_id, &DistrictRecord::Collect(record))?;
        Ok(intake)
    }

    /// Copies one checked record and counts it.
    fn copy(&self, col: &mut Collector<'_>, link: Link, intake: &mut Intake) -> Result<()> {
        match link.content {
            Content::Voucher(t) => {
                intake.vouchers += 1;
                if intake.first.is_none() {
                    intake.first = Some(t.voucher.clone());
                }
                intake.last = Some(t.voucher.clone());
                col.copy_voucher(t, link.prev_hash, link.hash)?;
            }
            Content::Body(body) => {
                col.copy_record(link.pos, &link.kind, &body, (&link.prev_hash, &link.hash), &link.entered_at)?;
                intake.records += 1;
            }
            Content::Missing => {}
        }
        Ok(())
    }
}

/// Removes a district book that a refused collection made at a path where there was none:
/// it holds no pool, so nothing is lost, and the folder is left as it was. A book with a
/// pool in it is never touched.
pub fn discard_if_empty(db: &Path) {
    let empty = Store::open(db, Access::ReadOnly).and_then(|s| s.pools()).is_ok_and(|p| p.is_empty());
    if empty {
        hunvon_store::create::discard(db);
    }
}
