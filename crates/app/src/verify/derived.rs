//! What the database maintains, re-derived by `verify` from the postings met on the walk:
//! each account's sum and kept debits and credits, and each account's net movement per
//! day. Held compactly (docs/design.md §12): the movements of every account as (account,
//! day, amount) in one vector, appended in the walk's order — no hashing per posting, a
//! day merged into its account's last movement when it is the same — then sorted and
//! merged once, and compared with the stored rows by binary search. A pool of 20.000
//! people (three quarters of a million account-days) takes 12 MB: a vector per account had
//! taken three times that at the walk's end (each grown by doubling), and two strings per
//! day in a hash map hundreds.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::Account;
use hunvon_core::ledger::canonical::CanonicalTransaction;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::warning::Warning;
use hunvon_store::pools::Pool;

/// Per account: the sum of its postings, its kept debits and its kept credits (vouchers
/// neither reversed nor reversals: a reversal takes its original's back out).
#[derive(Clone, Copy, Default)]
pub struct Sums {
    pub sum: i64,
    pub debits: i64,
    pub credits: i64,
}

pub(crate) use crate::fx::FxMap;

#[derive(Default)]
pub struct Derived {
    /// Account name → index into `accounts`.
    names: FxMap<String, u32>,
    /// Account row id → index into `accounts` ([`NO_SLOT`]: not met yet): a posting's
    /// account found by an index, its name hashed only the first time its id is met.
    by_id: Vec<u32>,
    accounts: Vec<Derivation>,
    /// Every account's movements: appended in the walk's order, then (`settle`) sorted by
    /// account and day, one per day, each account's in `Derivation::span`.
    moves: Vec<Move>,
    /// Dates that are not `YYYY-MM-DD` (only in a book changed behind hunvon's back),
    /// numbered from [`ODD`] up.
    odd_dates: Vec<String>,
    odd_index: HashMap<String, u32>,
    /// Whether each account's days are sorted and merged (`settle`).
    settled: bool,
    /// Accounts whose sums went past 64 bits (amounts no input gives; SPEC §9): named, and
    /// their sums left where they stood rather than wrapped.
    pub overflowed: std::collections::BTreeSet<String>,
    /// Where cash and bank stand in `accounts` once met: a hint checked by name, so any
    /// start (0) is right.
    recent: [u32; 2],
    /// Each day's cash and bank movements by kind (`day_moves`).
    pub day_moves: crate::verify::day_moves::DayMoves,
}

/// One account: its name, sums, the day and place in `Derived::moves` of its last
/// movement while the walk runs, and where its movements lie once settled.
#[derive(Default)]
struct Derivation {
    name: String,
    sums: Sums,
    last: Option<(u32, usize)>,
    span: std::ops::Range<usize>,
}

/// A movement of an account on a day (16 bytes; the account is its index in `accounts`).
#[derive(Clone, Copy)]
struct Move {
    account: u32,
    day: u32,
    amount: i64,
}

/// An account id not met yet in `by_id`.
const NO_SLOT: u32 = u32::MAX;
/// Account ids at or above this (never in a book hunvon wrote) are found by name.
const MAX_ID: usize = 1 << 24;

/// Days at or above this are not dates but `odd_dates` entries (YYYYMMDD ends at 99991231).
const ODD: u32 = 100_000_000;

/// `YYYY-MM-DD` as YYYYMMDD, which sorts as the text does.
fn day_number(date: &str) -> Option<u32> {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let mut n = 0u32;
    for (i, c) in b.iter().enumerate() {
        if i == 4 || i == 7 {
            continue;
        }
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn date_text(odd_dates: &[String], day: u32) -> String {
    if day >= ODD {
        return odd_dates.get((day - ODD) as usize).cloned().unwrap_or_default();
    }
    format!("{:04}-{:02}-{:02}", day / 10_000, day / 100 % 100, day % 100)
}

/// The derived `day_moves` and the dates the walk numbered, apart from the rest.
pub struct DayMovesCheck {
    moves: crate::verify::day_moves::DayMoves,
    odd_dates: Vec<String>,
    odd_index: HashMap<String, u32>,
}

impl DayMovesCheck {
    /// Compares the stored `day_moves` rows with the derived ones: the (date, kind) of
    /// every group that differs, sorted.
    pub fn compare(mut self, stored: &[hunvon_store::verify::KeptDayMove]) -> Vec<(String, String)> {
        let odd_index = &self.odd_index;
        let differ = self.moves.compare(stored, |date| day_number(date).or_else(|| odd_index.get(date).copied()));
        differ.into_iter().map(|(day, kind)| (date_text(&self.odd_dates, day), kind)).collect()
    }
}

impl Derived {
    fn account(&mut self, name: &str) -> usize {
        // Nearly every voucher moves cash or bank: those two are found without hashing.
        for &i in &self.recent {
            if let Some(d) = self.accounts.get(i as usize)
                && d.name == name
            {
                return i as usize;
            }
        }
        if let Some(i) = self.names.get(name) {
            if name == Account::Cash.name() || name == Account::Bank.name() {
                self.recent[usize::from(name == Account::Bank.name())] = *i;
            }
            return *i as usize;
        }
        let i = self.accounts.len();
        self.names.insert(name.to_string(), u32::try_from(i).unwrap_or(u32::MAX));
        self.accounts.push(Derivation { name: name.to_string(), ..Derivation::default() });
        i
    }

    /// The account of a posting: by its row id when the walk gave one (the same id always
    /// names the same account in one walk), else by name.
    fn account_of(&mut self, id: Option<i64>, name: &str) -> usize {
        let Some(i) = id.and_then(|id| usize::try_from(id).ok()).filter(|i| *i < MAX_ID) else {
            return self.account(name);
        };
        if let Some(&slot) = self.by_id.get(i)
            && slot != NO_SLOT
        {
            return slot as usize;
        }
        let slot = self.account(name);
        if self.by_id.len() <= i {
            self.by_id.resize(i + 1, NO_SLOT);
        }
        self.by_id[i] = u32::try_from(slot).unwrap_or(NO_SLOT);
        slot
    }

    fn day(&mut self, date: &str) -> u32 {
        if let Some(n) = day_number(date) {
            return n;
        }
        if let Some(i) = self.odd_index.get(date) {
            return *i;
        }
        let i = ODD + u32::try_from(self.odd_dates.len()).unwrap_or(0);
        self.odd_dates.push(date.to_string());
        self.odd_index.insert(date.to_string(), i);
        i
    }

    /// The derived `day_moves` taken out, with the odd dates the walk met, to be compared
    /// with the stored rows while the daily movements are compared elsewhere.
    pub fn take_day_moves(&mut self) -> DayMovesCheck {
        DayMovesCheck {
            moves: std::mem::take(&mut self.day_moves),
            odd_dates: self.odd_dates.clone(),
            odd_index: self.odd_index.clone(),
        }
    }

    fn date_text(&self, day: u32) -> String {
        date_text(&self.odd_dates, day)
    }

    /// Takes one voucher's postings, in checked arithmetic: a posting that would take a
    /// sum past 64 bits is not added, and its account is named in `overflowed`.
    /// `account_ids`: each posting's account row id, as the walk read it (may be empty).
    pub fn add(&mut self, t: &CanonicalTransaction, account_ids: &[Option<i64>]) {
        let reversal = t.reverses.is_some();
        let day = self.day(&t.date);
        self.day_moves.add(day, t);
        for (k, p) in t.postings.iter().enumerate() {
            let a = self.account_of(account_ids.get(k).copied().flatten(), &p.account);
            let d = &mut self.accounts[a];
            let s = &mut d.sums;
            // Kept debits take the amount, kept credits its opposite (a reversal's the other way).
            let debit = reversal != (p.amount > 0);
            let kept = if debit { s.debits.checked_add(p.amount) } else { s.credits.checked_sub(p.amount) };
            // Vouchers come mostly in date order: cash and bank, in nearly every voucher,
            // stay one movement per day instead of one per posting.
            let same_day = d.last.and_then(|(last, at)| (last == day).then_some(at));
            let on_day = match same_day {
                Some(at) => self.moves.get(at).and_then(|m| m.amount.checked_add(p.amount)),
                None => Some(p.amount),
            };
            match (s.sum.checked_add(p.amount), kept, on_day) {
                (Some(sum), Some(k), Some(moved)) => {
                    s.sum = sum;
                    *(if debit { &mut s.debits } else { &mut s.credits }) = k;
                    match same_day.and_then(|at| self.moves.get_mut(at)) {
                        Some(m) => m.amount = moved,
                        None => {
                            d.last = Some((day, self.moves.len()));
                            self.moves.push(Move { account: u32::try_from(a).unwrap_or(u32::MAX), day, amount: moved });
                        }
                    }
                }
                _ => {
                    self.overflowed.insert(p.account.clone());
                }
            }
        }
        self.settled = false;
    }

    /// Whether the sums are those of a real book: nothing overflowed and no account past
    /// 10^17 đ, so the identity's and the running balances' sums cannot overflow either.
    pub fn real(&self) -> bool {
        self.overflowed.is_empty() && self.accounts.iter().all(|d| d.sums.sum.unsigned_abs() <= 100_000_000_000_000_000)
    }

    /// Sorts each account's movements by day and merges each day into one. (A date that
    /// is not `YYYY-MM-DD` sorts after the real ones; only a book changed behind hunvon's
    /// back has one, and its voucher no longer matches its hash.)
    fn settle(&mut self) {
        if self.settled {
            return;
        }
        // In place: no second copy of three quarters of a million movements.
        // By one 64-bit key, not a pair: a third of the time after the walk was this sort.
        self.moves.sort_unstable_by_key(|m| (u64::from(m.account) << 32) | u64::from(m.day));
        self.moves.dedup_by(|later, kept| {
            if (later.account, later.day) == (kept.account, kept.day) {
                // Within 64 bits: `real()` bounds every account's sum before this runs
                // on the figures that are compared.
                kept.amount = kept.amount.saturating_add(later.amount);
                true
            } else {
                false
            }
        });
        self.moves.shrink_to_fit();
        let mut at = 0;
        for (a, d) in self.accounts.iter_mut().enumerate() {
            let start = at;
            while self.moves.get(at).is_some_and(|m| m.account as usize == a) {
                at += 1;
            }
            d.span = start..at;
            // A movement added after this (none in `verify`) starts its day anew.
            d.last = None;
        }
        self.settled = true;
    }

    /// An account's settled movements.
    fn days_of(&self, a: usize) -> &[Move] {
        self.accounts.get(a).and_then(|d| self.moves.get(d.span.clone())).unwrap_or_default()
    }

    /// The derived figures of an account (zero when it has no postings).
    pub fn sums(&self, account: &str) -> Sums {
        self.names.get(account).map(|i| self.accounts[*i as usize].sums).unwrap_or_default()
    }

    /// The balance identity from the derived balances.
    pub fn identity(&self) -> Identity {
        let parsed: Vec<(Account, Dong)> =
            self.accounts.iter().filter_map(|d| Account::parse(&d.name).map(|a| (a, Dong(d.sums.sum)))).collect();
        Identity::from_balances(parsed.iter().map(|(a, d)| (a, *d)))
    }

    /// The settled movements, to be compared with the stored rows by one thread or by
    /// several at once, each reading its part of them ([`DaysCheck`]).
    pub fn days_check(&mut self) -> DaysCheck<'_> {
        self.settle();
        let words = self.moves.len().div_ceil(64);
        DaysCheck { derived: self, matched: (0..words).map(|_| AtomicU64::new(0)).collect() }
    }

    /// Days that ended with cash or bank below zero (written with a warning, not wrong).
    pub fn negative_days(&mut self, pool: &Pool) -> Vec<Warning> {
        self.settle();
        let mut warnings = Vec::new();
        for account in [Account::Cash, Account::Bank] {
            let Some(&a) = self.names.get(&account.name()) else { continue };
            let mut running = 0i64;
            for m in self.days_of(a as usize) {
                running += m.amount;
                if running < 0
                    && let Some(date) = hunvon_core::domain::date::parse_date(&self.date_text(m.day))
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

/// The stored daily movements compared with the settled derived ones, by one thread or by
/// several at once (docs/design.md §12): each derived movement a stored row matched is
/// marked in a shared bitset, so the parts need no `&mut` of their own.
pub struct DaysCheck<'d> {
    derived: &'d Derived,
    matched: Vec<AtomicU64>,
}

impl DaysCheck<'_> {
    /// Compares some stored rows: `stored` calls its visitor with (account id, date,
    /// amount) for each of them, account by account; `names` names an account id of the
    /// pool. Returns the (date, account) of every stored row that differs.
    pub fn compare<'n>(
        &self,
        names: impl Fn(i64) -> Option<&'n str>,
        stored: impl FnOnce(&mut dyn FnMut(i64, &str, i64)) -> hunvon_core::messages::error::Result<()>,
    ) -> hunvon_core::messages::error::Result<Vec<(String, String)>> {
        let d = self.derived;
        let mut differ = Vec::new();
        // The rows come account by account: the last account's name and index are kept.
        // An id the walk met is the account it summed (the same name, read from the same
        // rows); any other is found by its name, as the days were matched before.
        let mut last: Option<(i64, &str, Option<usize>)> = None;
        stored(&mut |id, date, amount| {
            if last.is_none_or(|(at, _, _)| at != id) {
                let name = names(id).unwrap_or_default();
                let met = usize::try_from(id)
                    .ok()
                    .and_then(|i| d.by_id.get(i))
                    .filter(|slot| **slot != NO_SLOT)
                    .map(|slot| *slot as usize)
                    .or_else(|| d.names.get(name).map(|i| *i as usize));
                last = Some((id, name, met));
            }
            let Some((_, name, met)) = last else { return };
            let found = met.and_then(|a| {
                let day = day_number(date).or_else(|| d.odd_index.get(date).copied())?;
                let span = d.accounts.get(a)?.span.clone();
                let at = span.start + d.moves.get(span)?.binary_search_by_key(&day, |m| m.day).ok()?;
                self.matched.get(at / 64)?.fetch_or(1 << (at % 64), Ordering::Relaxed);
                Some(d.moves.get(at)?.amount)
            });
            if found.unwrap_or(0) != amount {
                differ.push((date.to_string(), name.to_string()));
            }
        })?;
        Ok(differ)
    }

    /// What every part found, with the derived days no stored row had: the (date,
    /// account) of every day that differs, sorted.
    pub fn finish(self, found: impl IntoIterator<Item = Vec<(String, String)>>) -> Vec<(String, String)> {
        let d = self.derived;
        let mut differ: Vec<(String, String)> = found.into_iter().flatten().collect();
        for (at, m) in d.moves.iter().enumerate() {
            let matched = self.matched.get(at / 64).is_some_and(|w| w.load(Ordering::Relaxed) & (1 << (at % 64)) != 0);
            if !matched && m.amount != 0 {
                differ.push((
                    d.date_text(m.day),
                    d.accounts.get(m.account as usize).map(|a| a.name.clone()).unwrap_or_default(),
                ));
            }
        }
        differ.sort();
        differ
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_sort_as_their_text() {
        assert_eq!(day_number("2026-11-24"), Some(20_261_124));
        assert_eq!(day_number("2026-1-24"), None);
        assert_eq!(day_number("2026-11-2x"), None);
        let mut d = Derived::default();
        let odd = d.day("24/11/2026");
        assert!(odd >= ODD);
        assert_eq!(d.date_text(odd), "24/11/2026");
        assert_eq!(d.date_text(20_261_124), "2026-11-24");
    }
}
