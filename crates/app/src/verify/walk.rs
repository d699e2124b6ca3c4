//! One pool's chain as `verify` walks it (docs/design.md §12): each record's link and hash,
//! each voucher's balance, the records of people and papers, and the figures the database
//! maintains re-derived from the postings. The store reads the links on one thread and
//! they are checked on a second, in order; links are refilled in place from the rows and
//! travel between the two in batches that come back, so the walk allocates nothing per
//! record.
//!
//! Further checks of each record belong in [`ChainWalk::visit`] (or a function it calls),
//! so they run in the same single pass.

use std::sync::mpsc;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::record::Record;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::warning::Warning;
use hunvon_store::Store;
use hunvon_store::chain::{Content, Head, Link, WalkTally};
use hunvon_store::pools::Pool;

use crate::verify::anchors::AnchorCheck;
use crate::verify::chain_problem::ChainProblem;
use crate::verify::chain_rules::ChainRules;
use crate::verify::derived::Derived;
use crate::verify::numbering::Numbering;
use crate::verify::papers::ChainedPapers;
use crate::verify::people::Latest;
use crate::verify::problem::Problem;

/// Records whose hash or link is wrong that are named one by one; the rest are counted.
pub const NAMED: u64 = 20;
/// Links in a batch handed to the checking thread, and batches waiting for it.
const BATCH: usize = 256;
const BATCHES: usize = 2;
/// `entered_at` going backwards: warnings named per pool.
const BACKWARDS_NAMED: usize = 10;

/// Everything one walk of a pool's chain found.
pub struct ChainWalk<'a> {
    pool: &'a Pool,
    anchors: &'a mut AnchorCheck,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
    /// The hash the next record must name as its previous: unknown after a voucher
    /// whose row is gone.
    prev: Option<String>,
    pub head: Head,
    pub vouchers: u64,
    pub records: u64,
    altered: u64,
    gone: Option<(i64, Option<String>)>,
    entered: String,
    pub latest: Latest,
    pub papers: ChainedPapers,
    /// The input rules and the closes, imports and audit log held to the chain (SPEC §9).
    pub rules: ChainRules,
    /// Everything the database maintains, re-derived from the postings in the same pass.
    pub derived: Derived,
    /// The canonical text of the record in hand (one buffer for the whole walk).
    text: Vec<u8>,
    /// The reference of a record in hand that is not a voucher (one buffer too).
    reference: String,
    /// What the store met besides the links: the postings it joined to a voucher, and
    /// whether the vouchers were the pool's, each once.
    pub tally: WalkTally,
    /// The vouchers' numbers, per series and year.
    pub numbering: Numbering,
}

impl<'a> ChainWalk<'a> {
    pub fn new(pool: &'a Pool, anchors: &'a mut AnchorCheck) -> ChainWalk<'a> {
        ChainWalk {
            pool,
            anchors,
            problems: Vec::new(),
            warnings: Vec::new(),
            prev: Some(GENESIS.to_string()),
            head: Head { reference: None, hash: GENESIS.to_string() },
            vouchers: 0,
            records: 0,
            altered: 0,
            gone: None,
            entered: String::new(),
            latest: Latest::default(),
            papers: ChainedPapers::default(),
            rules: ChainRules::default(),
            derived: Derived::default(),
            text: Vec::with_capacity(4096),
            reference: String::new(),
            tally: WalkTally::default(),
            numbering: Numbering::default(),
        }
    }

    /// Walks the pool's whole chain out of `store`, in one pass; `progress` is told how
    /// many records are done now and then.
    ///
    /// Two threads (docs/design.md §12): this one reads the rows into links, a second one
    /// checks them ([`ChainWalk::visit`]: canonical text, hash, sums, rules) in the same
    /// order. With `postings` (a third reader of the same snapshot, lent and given back)
    /// the postings are read on a third thread and joined to their vouchers here. Links travel in batches and come back to be refilled, their buffers with
    /// them, so nothing is allocated on one thread and freed on the other.
    pub fn run(
        self,
        store: &Store,
        postings: &mut Option<Store>,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ChainWalk<'a>> {
        let pool_id = self.pool.id;
        let (to_check, checking) = mpsc::sync_channel::<(Vec<Link>, usize)>(BATCHES);
        let (to_refill, refills) = mpsc::channel::<(Vec<Link>, usize)>();
        std::thread::scope(|scope| {
            let checker = scope.spawn(move || {
                let mut walk = self;
                for (batch, filled) in checking {
                    for link in batch.iter().take(filled) {
                        walk.visit(link);
                    }
                    // The reader stopping early is its own error, told there.
                    let _ = to_refill.send((batch, filled));
                }
                walk.finish();
                walk
            });
            let mut done = 0u64;
            let mut batch: Vec<Link> = Vec::with_capacity(BATCH);
            let read = store.walk_batches_beside(pool_id, 1, i64::MAX, BATCH, &mut batch, postings, |batch, filled| {
                // The walk refills the links it gets back: checked ones, with their buffers.
                let next = refills.try_recv().map(|(b, _)| b).unwrap_or_else(|_| Vec::with_capacity(BATCH));
                // Only a panic of the checking thread closes it: told by the join below.
                if to_check.send((std::mem::replace(batch, next), filled)).is_err() {
                    return Ok(false);
                }
                let before = done;
                done += u64::try_from(filled).unwrap_or(0);
                if done / 4096 != before / 4096 {
                    progress(done);
                }
                Ok(true)
            });
            drop(to_check);
            let mut walk = match checker.join() {
                Ok(walk) => walk,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            walk.tally = read?;
            progress(done);
            Ok(walk)
        })
    }

    /// One record of the chain, in order.
    pub fn visit(&mut self, link: &Link) {
        // A voucher's number is borrowed from it, not copied (a million times).
        let reference: &str = match &link.content {
            Content::Voucher(t) => &t.voucher,
            _ => {
                link.reference_into(&mut self.reference);
                &self.reference
            }
        };
        if let Some((pos, after)) = self.gone.take() {
            self.problems.push(Problem::VoucherGone { pos, after, before: Some(reference.to_string()) });
        }
        if matches!(link.content, Content::Missing) {
            self.gone = Some((link.pos, self.head.reference.clone()));
            self.prev = None;
            return;
        }
        link.text_into(&mut self.text);
        let mut wrong = link_problems(self.prev.as_deref(), link, &self.text, reference);
        match &link.content {
            Content::Voucher(t) => {
                self.vouchers += 1;
                // A voucher's chain row is its place only: its kind is `voucher` and its
                // time the voucher's own (the walk copies it when the row has none).
                if link.kind != VOUCHER_KIND || link.entered_at != t.entered_at {
                    wrong.push(Problem::Chain(ChainProblem::VoucherRow {
                        voucher: reference.to_string(),
                        pos: link.pos,
                    }));
                }
                let sum = t.postings.iter().try_fold(0i64, |s, p| s.checked_add(p.amount));
                if sum != Some(0) || t.postings.len() < 2 {
                    // An overflowing sum is named by the amounts' own rule (ChainRules).
                    self.problems
                        .push(Problem::Unbalanced { voucher: reference.to_string(), sum: Dong(sum.unwrap_or(0)) });
                }
                self.derived.add(t, &link.account_ids);
                self.rules.voucher(t);
                self.numbering.add(&t.series, t.year, t.seq);
            }
            Content::Body(body) => {
                self.records += 1;
                match Record::parse(body) {
                    Some(r) => {
                        self.papers.add(link.pos, &r);
                        // Before `latest` takes it: the audit log compares it with the one before.
                        self.rules.record(link.pos, &r, &self.latest);
                        self.latest.add(r);
                    }
                    None => wrong.push(Problem::NotARecord { reference: reference.to_string() }),
                }
            }
            Content::Missing => {}
        }
        for w in wrong {
            self.altered += 1;
            if self.altered <= NAMED {
                self.problems.push(w);
            }
        }
        if link.entered_at < self.entered && self.warnings.len() < BACKWARDS_NAMED {
            self.warnings.push(Warning::EnteredBackwards {
                pool: self.pool.code.clone(),
                reference: reference.to_string(),
                at: link.entered_at.clone(),
                previous: self.entered.clone(),
            });
        }
        self.entered.clone_from(&link.entered_at);
        self.anchors.visit(|| reference.to_string(), &link.hash);
        match &mut self.prev {
            Some(p) => p.clone_from(&link.hash),
            None => self.prev = Some(link.hash.clone()),
        }
        self.head.hash.clone_from(&link.hash);
        match &mut self.head.reference {
            Some(r) => {
                r.clear();
                r.push_str(reference);
            }
            None => self.head.reference = Some(reference.to_string()),
        }
    }

    /// After the last record: a voucher gone at the end, and how many more were altered.
    fn finish(&mut self) {
        if let Some((pos, after)) = self.gone.take() {
            self.problems.push(Problem::VoucherGone { pos, after, before: None });
        }
        if self.altered > NAMED {
            self.problems.push(Problem::MoreAltered { count: self.altered - NAMED });
        }
    }
}

/// What is wrong with a record's place in the chain: the previous hash it names is not
/// the hash before it (`prev`, unknown after a voucher gone), or its own hash is not that
/// of its text (`text`, the canonical text just built).
/// The kind of a voucher's place in the chain (the only kind with no body or time).
const VOUCHER_KIND: &str = "voucher";

fn link_problems(prev: Option<&str>, link: &Link, text: &[u8], reference: &str) -> Vec<Problem> {
    let mut wrong = Vec::new();
    if prev.is_some_and(|p| p != link.prev_hash) {
        wrong.push(Problem::ChainBroken { voucher: reference.to_string() });
    }
    if !canonical::link_hash_is(&link.prev_hash, text, &link.hash) {
        wrong.push(match &link.content {
            Content::Voucher(_) => Problem::HashMismatch { voucher: reference.to_string() },
            _ => Problem::RecordAltered { reference: reference.to_string(), kind: link.kind.clone() },
        });
    }
    wrong
}
