//! `hunvon verify`: recompute every pool's chain of records and every maintained figure
//! from the postings in one streaming walk per pool, compare people with their records and
//! the file's guards with the schema, check the anchors, and name what does not match.

use std::collections::HashMap;

use crate::domain::money::Dong;
use crate::ledger::Account;
use crate::ledger::canonical::{self, GENESIS};
use crate::ledger::identity::Identity;
use crate::ledger::record::Record;
use crate::messages::error::{Error, Result};
use crate::messages::warning::Warning;
use crate::store::chain::{Content, Head};
use crate::store::pools::Pool;

use super::App;
use super::anchors::{Anchor, AnchorCheck};
use super::verify_papers::ChainedPapers;
use super::verify_people::Latest;
pub use super::verify_problem::Problem;

/// Records whose hash or link is wrong that are named one by one; the rest are counted.
const NAMED: u64 = 20;
/// `entered_at` going backwards: warnings named per pool.
const BACKWARDS_NAMED: usize = 10;

/// Everything `verify` found: per pool, and for the file as a whole (its guards, the
/// anchors). Problems make the command exit 1; warnings do not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyReport {
    pub pools: Vec<PoolCheck>,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
    /// How many anchors were given (all found when `problems` names none of them).
    pub anchors: usize,
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

/// What the database maintains, re-derived from the postings.
#[derive(Default)]
struct Derived {
    /// Per account: the sum of its postings, and its kept debits and credits (vouchers
    /// neither reversed nor reversals: a reversal takes its original's back out).
    accounts: HashMap<String, (i64, i64, i64)>,
    /// Per account and day: the net movement.
    days: HashMap<(String, String), i64>,
}

impl Derived {
    fn add(&mut self, t: &canonical::CanonicalTransaction) {
        let reversal = t.reverses.is_some();
        for p in &t.postings {
            let entry = self.accounts.entry(p.account.clone()).or_default();
            entry.0 += p.amount;
            match (reversal, p.amount > 0) {
                (false, true) => entry.1 += p.amount,
                (false, false) => entry.2 -= p.amount,
                (true, true) => entry.2 -= p.amount,
                (true, false) => entry.1 += p.amount,
            }
            *self.days.entry((p.account.clone(), t.date.clone())).or_default() += p.amount;
        }
    }

    /// The balance identity from the derived balances.
    fn identity(&self) -> Identity {
        let parsed: Vec<(Account, Dong)> = self
            .accounts
            .iter()
            .filter_map(|(name, (sum, _, _))| Account::parse(name).map(|a| (a, Dong(*sum))))
            .collect();
        Identity::from_balances(parsed.iter().map(|(a, d)| (a, *d)))
    }

    /// Days that ended with cash or bank below zero (written with a warning, not wrong).
    fn negative_days(&self, pool: &Pool) -> Vec<Warning> {
        let mut warnings = Vec::new();
        for account in [Account::Cash, Account::Bank] {
            let name = account.name();
            let mut movements: Vec<(&String, i64)> =
                self.days.iter().filter(|((a, _), _)| *a == name).map(|((_, d), v)| (d, *v)).collect();
            movements.sort();
            let mut running = 0i64;
            for (date, movement) in movements {
                running += movement;
                if running < 0
                    && let Some(date) = crate::domain::date::parse_date(date)
                {
                    warnings.push(Warning::NegativeDay {
                        pool: pool.code.clone(),
                        account: account.clone(),
                        date,
                        balance: Dong(running),
                    });
                }
            }
        }
        warnings
    }
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
        let mut report =
            VerifyReport { pools: Vec::new(), problems: Vec::new(), warnings: Vec::new(), anchors: anchors.len() };
        let version = self.store.schema_version()?;
        if version < crate::store::open::SCHEMA_VERSION {
            report.warnings.push(Warning::OlderSchema { found: version, known: crate::store::open::SCHEMA_VERSION });
        }
        // Checked first, reported after the pools: a dropped trigger is named, and so is
        // the voucher that was changed once it was gone.
        let guards = super::verify_problem::guard_problems(self.store.guard_differences()?);
        let orphans = self.store.orphans()?;
        let mut anchor_check = AnchorCheck::new(anchors.to_vec());
        for pool in self.pools_to_check()? {
            let mut check = self.verify_pool(&pool, &mut anchor_check)?;
            check.problems.extend(orphans.iter().map(|(table, count)| Problem::Orphans { table, count: *count }));
            report.pools.push(check);
        }
        report.problems.extend(guards);
        report.problems.extend(self.verify_district()?.into_iter().map(Problem::District));
        report.problems.extend(anchor_check.problems());
        Ok(report)
    }

    fn verify_pool(&self, pool: &Pool, anchors: &mut AnchorCheck) -> Result<PoolCheck> {
        let chained = self.store.has_chain()?;
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        // The hash the next record must name as its previous: unknown after a voucher
        // whose row is gone.
        let mut prev = Some(GENESIS.to_string());
        let mut head = Head { reference: None, hash: GENESIS.to_string() };
        let (mut vouchers, mut records, mut altered) = (0u64, 0u64, 0u64);
        let mut gone: Option<(i64, Option<String>)> = None;
        let mut entered = String::new();
        let mut latest = Latest::default();
        let mut papers = ChainedPapers::default();
        // Everything the database maintains is re-derived here from the postings, in the
        // same single pass that checks the chain.
        let mut derived = Derived::default();
        self.store.walk_records(pool.id, 1, i64::MAX, |link| {
            let reference = link.reference();
            if let Some((pos, after)) = gone.take() {
                problems.push(Problem::VoucherGone { pos, after, before: Some(reference.clone()) });
            }
            if matches!(link.content, Content::Missing) {
                gone = Some((link.pos, head.reference.clone()));
                prev = None;
                return Ok(true);
            }
            let text = link.text();
            let mut wrong = Vec::new();
            if prev.as_ref().is_some_and(|p| *p != link.prev_hash) {
                wrong.push(Problem::ChainBroken { voucher: reference.clone() });
            }
            if canonical::link_hash(&link.prev_hash, &text) != link.hash {
                wrong.push(match &link.content {
                    Content::Voucher(_) => Problem::HashMismatch { voucher: reference.clone() },
                    _ => Problem::RecordAltered { reference: reference.clone(), kind: link.kind.clone() },
                });
            }
            match link.content {
                Content::Voucher(t) => {
                    vouchers += 1;
                    let sum: i64 = t.postings.iter().map(|p| p.amount).sum();
                    if sum != 0 || t.postings.len() < 2 {
                        problems.push(Problem::Unbalanced { voucher: reference.clone(), sum: Dong(sum) });
                    }
                    derived.add(&t);
                }
                Content::Body(body) => {
                    records += 1;
                    match Record::parse(&body) {
                        Some(r) => {
                            papers.add(link.pos, &r);
                            latest.add(r);
                        }
                        None => wrong.push(Problem::NotARecord { reference: reference.clone() }),
                    }
                }
                Content::Missing => {}
            }
            for w in wrong {
                altered += 1;
                if altered <= NAMED {
                    problems.push(w);
                }
            }
            if link.entered_at < entered && warnings.len() < BACKWARDS_NAMED {
                warnings.push(Warning::EnteredBackwards {
                    pool: pool.code.clone(),
                    reference: reference.clone(),
                    at: link.entered_at.clone(),
                    previous: entered.clone(),
                });
            }
            entered = link.entered_at;
            anchors.visit(|| reference.clone(), &link.hash);
            prev = Some(link.hash.clone());
            head = Head { reference: Some(reference), hash: link.hash };
            Ok(true)
        })?;
        if let Some((pos, after)) = gone {
            problems.push(Problem::VoucherGone { pos, after, before: None });
        }
        if altered > NAMED {
            problems.push(Problem::MoreAltered { count: altered - NAMED });
        }
        if chained {
            if self.store.voucher_count(pool.id)? > vouchers {
                for voucher in self.store.unchained_vouchers(pool.id, 10)? {
                    problems.push(Problem::Unchained { voucher });
                }
            }
            let current = self.store.current_records(pool.id)?;
            let rows = latest.compare(pool, current).into_iter().chain(papers.compare(
                &self.store.letterhead_history(pool.id)?,
                self.store.stored_papers(pool.id)?,
                self.store.stored_cards(pool.id)?,
                self.store.stored_targets(pool.id)?,
            ));
            problems.extend(rows.take(usize::try_from(NAMED).unwrap_or(20)));
        }
        self.check_maintained(pool, &derived, &mut problems)?;
        let identity = derived.identity();
        if !identity.holds() {
            problems.push(Problem::IdentityBroken { difference: identity.difference() });
        }
        warnings.extend(derived.negative_days(pool));
        Ok(PoolCheck { pool: pool.clone(), vouchers, records, head, identity, problems, warnings })
    }

    /// Numbering, accounts, daily movements and coverage rows against what the walk derived.
    fn check_maintained(&self, pool: &Pool, derived: &Derived, problems: &mut Vec<Problem>) -> Result<()> {
        for (series, year, count, max) in self.store.numbering_gaps(pool.id)? {
            problems.push(Problem::NumberGap { series, year, count, max });
        }
        for account in self.store.missing_accounts(pool.id)? {
            problems.push(Problem::MissingAccount { account });
        }
        let accounts = self.store.maintained_accounts(pool.id)?;
        for (account, balance, debits, credits) in &accounts {
            let (sum, kept_d, kept_c) = derived.accounts.get(account).copied().unwrap_or_default();
            if balance.0 != sum {
                problems.push(Problem::BalanceMismatch {
                    account: account.clone(),
                    stored: *balance,
                    computed: Dong(sum),
                });
            } else if debits.0 != kept_d || credits.0 != kept_c {
                problems.push(Problem::KeptMismatch { account: account.clone() });
            }
        }
        let mut days = derived.days.clone();
        let mut day_problems = Vec::new();
        self.store.maintained_days(pool.id, |account, date, amount| {
            let real = days.remove(&(account.clone(), date.clone())).unwrap_or(0);
            if real != amount.0 {
                day_problems.push((date, account));
            }
        })?;
        day_problems.extend(days.into_iter().filter(|(_, v)| *v != 0).map(|((a, d), _)| (d, a)));
        day_problems.sort();
        for (date, account) in day_problems.into_iter().take(10) {
            problems.push(Problem::DayMismatch { account, date });
        }
        for voucher in self.store.coverage_outside_purchases(pool.id)? {
            problems.push(Problem::CoverageOutsidePurchase { voucher });
        }
        Ok(())
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
