//! `hunvon verify`: recompute every pool's chain of records and every maintained figure
//! from the postings in one streaming walk per pool (`verify_walk.rs`), compare people with
//! their records and
//! the file's guards with the schema, check the anchors, and name what does not match.

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::ledger::record::{CardRecord, LetterheadRecord, TargetRecord};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::warning::Warning;
use hunvon_store::chain::{Content, Head};
use hunvon_store::closing::StoredPapers;
use hunvon_store::pools::Pool;
use hunvon_store::verify::MaintainedAccount;

use crate::App;
use crate::verify::anchors::{Anchor, AnchorCheck};
use crate::verify::chain_rules::Stored;
use crate::verify::derived::{DayMovesCheck, DaysCheck, Derived};
use crate::verify::papers::ChainedPapers;
use crate::verify::people::Latest;
pub use crate::verify::problem::Problem;
use crate::verify::rows::{PoolRows, Rows, Wanted};
use crate::verify::walk::{ChainWalk, NAMED};

/// Everything `verify` found: per pool, and for the file as a whole (its guards, the
/// anchors). Problems make the command exit 1; warnings do not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub pools: Vec<PoolCheck>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
    /// How many anchors were given (all found when `problems` names none of them).
    pub anchors: usize,
    /// The file's chain (rates set): `#N=HASH`, when it holds any record.
    pub file_head: Option<String>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty() && self.pools.iter().all(|p| p.problems.is_empty())
    }
}

/// The outcome for one pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolCheck {
    pub pool: Pool,
    pub vouchers: u64,
    /// Records that are not vouchers (pool, households, persons, dues).
    pub records: u64,
    pub head: Head,
    pub identity: Identity,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
}

/// The three lines of `verify --show`: previous hash, canonical JSON, hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownLink {
    pub prev_hash: String,
    pub canonical: String,
    pub hash: String,
}

impl App {
    /// Checks every pool in scope, the file's guards, and the anchors given.
    pub fn verify(&self, anchors: &[Anchor]) -> Result<VerifyReport> {
        self.verify_with(anchors, &mut |_, _| {})
    }

    /// `verify`, telling `progress` (records done, records in all) as the chains are walked.
    pub fn verify_with(&self, anchors: &[Anchor], progress: &mut dyn FnMut(u64, u64)) -> Result<VerifyReport> {
        self.store.with_cache(4 * 1024, || self.verify_all(anchors, progress).map_err(Into::into)).map_err(Into::into)
    }

    fn verify_all(&self, anchors: &[Anchor], progress: &mut dyn FnMut(u64, u64)) -> Result<VerifyReport> {
        // The rows the walk is compared with are read on a second connection while it
        // runs (`verify_rows.rs`), on the same snapshot.
        self.store
            .with_second_reader(|second| {
                self.verify_all_with(&mut Rows::new(&self.store, second), anchors, progress).map_err(Into::into)
            })
            .map_err(Into::into)
    }

    fn verify_all_with(
        &self,
        rows: &mut Rows<'_>,
        anchors: &[Anchor],
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<VerifyReport> {
        let mut report = VerifyReport {
            pools: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
            anchors: anchors.len(),
            file_head: self.store.file_head()?,
        };
        let version = self.store.schema_version()?;
        if version < hunvon_store::open::SCHEMA_VERSION {
            report.warnings.push(Warning::OlderSchema { found: version, known: hunvon_store::open::SCHEMA_VERSION });
        }
        let mut anchor_check = AnchorCheck::new(anchors.to_vec());
        let pools = self.pools_to_check()?;
        let mut total = 0u64;
        for pool in &pools {
            total += self.store.chain_length(pool.id)?;
        }
        let mut before = 0u64;
        let mut checks = Vec::new();
        let mut taken = 0u64;
        for pool in pools {
            let (check, joined) =
                self.verify_pool(&pool, rows, &mut anchor_check, &mut |done| progress(before + done, total))?;
            before += check.vouchers + check.records;
            taken = taken.saturating_add(joined);
            checks.push(check);
        }
        // Checked with the first pool, reported after the pools: a dropped trigger is
        // named, and so is the voucher that was changed once it was gone.
        let orphans = rows.orphans(taken)?;
        for mut check in checks {
            check.problems.extend(orphans.iter().map(|(table, count)| Problem::Orphans { table, count: *count }));
            report.pools.push(check);
        }
        let file = rows.file()?;
        report.problems.extend(crate::verify::problem::guard_problems(file.guards.clone()));
        let (rates, rate_warnings) = self.verify_rates()?;
        report.problems.extend(rates.into_iter().map(Problem::Chain));
        report.warnings.extend(rate_warnings);
        report.problems.extend(self.verify_district()?.into_iter().map(Problem::District));
        report.problems.extend(anchor_check.problems());
        Ok(report)
    }

    /// One pool's check, and how many postings its walk joined to a voucher.
    fn verify_pool(
        &self,
        pool: &Pool,
        rows: &mut Rows<'_>,
        anchors: &mut AnchorCheck,
        progress: &mut dyn FnMut(u64),
    ) -> Result<(PoolCheck, u64)> {
        let chained = self.store.has_chain()?;
        let collected = self.is_collected(pool.id);
        let own = chained && !collected;
        // Import records came with the file's chain (schema step 9): an older book read
        // without migrating has rows but no records yet.
        let wanted = Wanted { chained, own, imports: own && self.store.has_file_chain()? };
        let mut postings = rows.postings.take();
        let beside =
            rows.beside(pool.id, wanted, || ChainWalk::new(pool, anchors).run(&self.store, &mut postings, progress));
        rows.postings = postings;
        let (walk, stored_rows) = beside?;
        let ChainWalk {
            mut problems,
            mut warnings,
            head,
            vouchers,
            records,
            latest,
            papers,
            mut derived,
            rules,
            tally,
            numbering,
            ..
        } = walk;
        let PoolRows {
            vouchers_at_most,
            letterheads,
            papers: stored_papers,
            cards,
            targets,
            imports,
            audit,
            codes,
            missing,
            accounts,
            outside_purchases,
        } = stored_rows;
        // The walk met every voucher of the pool, each once (their row ids rising, all
        // the pool's, as many as the table holds at most): its numbering is the table's.
        // Else the table's is read now (docs/design.md §12).
        let (voucher_count, gaps) = if tally.rising && tally.vouchers == vouchers_at_most {
            (if chained { tally.vouchers } else { 0 }, numbering.gaps())
        } else {
            rows.numbering(pool.id, chained)?
        };
        // The accounts first; then at once (docs/design.md §12) the stored days in two
        // halves on the second and third connection, and here the people's rows and
        // `day_moves`, named in the same order as ever. The days are sorted (their slack
        // given back) before the people's rows are read: both at once passed 100 MB.
        let mut maintained = check_accounts(&accounts, &derived);
        let day_moves = derived.take_day_moves();
        let days_check = derived.days_check();
        let papers_rows = (letterheads, stored_papers.unwrap_or_default(), cards, targets);
        let (here, days) = rows.both_parts(
            || -> Result<(Vec<Problem>, Vec<Problem>)> {
                let found = if chained {
                    self.people_rows(pool, voucher_count > vouchers, (latest, papers), papers_rows)?
                } else {
                    Vec::new()
                };
                Ok((found, day_moves_problems(&self.store, pool.id, day_moves)?))
            },
            |store, part| check_days(store, pool.id, part, &accounts, &days_check),
        )?;
        drop(accounts);
        let (found, kept_moves) = here;
        problems.extend(found);
        let days = days_check.finish(days).into_iter().take(10);
        maintained.extend(days.map(|(date, account)| Problem::DayMismatch { account, date }));
        maintained.extend(kept_moves);
        let stored = Stored { imports, audit, codes, collected };
        let (found, newer) = rules.finish(&pool.code, stored);
        problems.extend(found.into_iter().map(Problem::Chain));
        warnings.extend(newer);
        for (series, year, count, max) in gaps {
            problems.push(Problem::NumberGap { series, year, count, max });
        }
        problems.extend(missing.into_iter().map(|account| Problem::MissingAccount { account }));
        problems.extend(maintained);
        problems.extend(outside_purchases.into_iter().map(|voucher| Problem::CoverageOutsidePurchase { voucher }));
        problems.extend(
            derived.overflowed.iter().map(|a| {
                Problem::Chain(crate::verify::chain_problem::ChainProblem::SumOverflow { account: a.clone() })
            }),
        );
        let identity = identity_and_days(pool, &mut derived, &mut problems, &mut warnings);
        Ok((PoolCheck { pool: pool.clone(), vouchers, records, head, identity, problems, warnings }, tally.postings))
    }

    /// After the walk, here while the stored days are compared beside it: the vouchers
    /// left out of the chain (`unchained`: the table holds more than the walk met), then
    /// the people's and papers' rows against their records (read now, not beside the
    /// walk: 20.000 people's rows held during it would take the peak past 100 MB).
    fn people_rows(
        &self,
        pool: &Pool,
        unchained: bool,
        (latest, papers): (Latest, ChainedPapers),
        (letterheads, stored, cards, targets): PapersRows,
    ) -> Result<Vec<Problem>> {
        let mut found = Vec::new();
        if unchained {
            for voucher in self.store.unchained_vouchers(pool.id, 10)? {
                found.push(Problem::Unchained { voucher });
            }
        }
        let current = self.store.current_records(pool.id)?;
        let rows =
            latest.compare(pool, current).into_iter().chain(papers.compare(&letterheads, stored, cards, targets));
        found.extend(rows.take(usize::try_from(NAMED).unwrap_or(20)));
        Ok(found)
    }

    /// The text an auditor hashes for one record (`verify --show`): a voucher number or
    /// `#pos`, any kind of record.
    pub fn show_link(&self, reference: &str) -> Result<ShownLink> {
        let pool = self.pool()?;
        let reference = reference.trim().to_ascii_uppercase();
        let unknown = || {
            if reference.starts_with('#') {
                Error::UnknownRecord(reference.clone())
            } else {
                Error::UnknownVoucher(reference.clone())
            }
        };
        let pos = self.store.record_pos(pool.id, &reference)?.ok_or_else(unknown)?;
        let mut shown = None;
        self.store.walk_records(pool.id, pos, pos, |link| {
            if !matches!(link.content, Content::Missing) {
                shown = Some(ShownLink { prev_hash: link.prev_hash.clone(), canonical: link.text(), hash: link.hash });
            }
            Ok(false)
        })?;
        shown.ok_or_else(unknown)
    }
}

/// The balance identity from the derived sums, and the days cash or bank ended below
/// zero. Sums past any real book are named already; the identity is not summed from them.
fn identity_and_days(
    pool: &Pool,
    derived: &mut Derived,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Warning>,
) -> Identity {
    let identity = if derived.real() { derived.identity() } else { Derived::default().identity() };
    if !identity.holds() {
        problems.push(Problem::IdentityBroken { difference: identity.difference() });
    }
    if derived.real() {
        warnings.extend(derived.negative_days(pool));
    }
    identity
}

/// A pool's papers as stored: letterheads, papers, cards, targets.
type PapersRows = (Vec<LetterheadRecord>, StoredPapers, Vec<(i64, CardRecord)>, Vec<(i64, TargetRecord)>);

/// The stored `day_moves` rows against the derived ones (none before schema step 15).
fn day_moves_problems(store: &hunvon_store::Store, pool_id: i64, day_moves: DayMovesCheck) -> Result<Vec<Problem>> {
    let Some(kept) = store.kept_day_moves(pool_id)? else { return Ok(Vec::new()) };
    let differ = day_moves.compare(&kept).into_iter().take(10);
    Ok(differ.map(|(date, kind)| Problem::DayMovesMismatch { kind, date }).collect())
}

/// The accounts' maintained figures against what the walk derived.
fn check_accounts(accounts: &[MaintainedAccount], derived: &Derived) -> Vec<Problem> {
    let mut problems = Vec::new();
    for a in accounts {
        let s = derived.sums(&a.name);
        if a.balance.0 != s.sum {
            problems.push(Problem::BalanceMismatch {
                account: a.name.clone(),
                stored: a.balance,
                computed: Dong(s.sum),
            });
        } else if a.debits.0 != s.debits || a.credits.0 != s.credits {
            problems.push(Problem::KeptMismatch { account: a.name.clone() });
        }
    }
    problems
}

/// The stored daily movements of `part` of the pool's accounts against the derived ones,
/// read on `store` (a connection beside this one after the walk, with a small page
/// cache, given back after).
fn check_days(
    store: &hunvon_store::Store,
    pool_id: i64,
    part: (usize, usize),
    accounts: &[MaintainedAccount],
    check: &DaysCheck<'_>,
) -> Result<Vec<(String, String)>> {
    let names = |id: i64| accounts.binary_search_by_key(&id, |a| a.id).ok().map(|i| accounts[i].name.as_str());
    let compared = store.with_cache(crate::verify::rows::CACHE_KIB, || {
        Ok(check.compare(names, |visit| store.maintained_days(pool_id, part, visit).map_err(Into::into)))
    });
    store.release_memory()?;
    compared?
}
