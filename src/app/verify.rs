//! `hunvon verify`: recompute every pool's hash chain and every maintained figure from
//! the postings, and name the first voucher that does not match.

use std::collections::HashMap;

use crate::error::Result;
use crate::i18n::Lang;
use crate::ledger::Account;
use crate::ledger::canonical::{self, GENESIS};
use crate::ledger::identity::Identity;
use crate::money::Dong;
use crate::store::pools::Pool;
use crate::warning::Warning;

use super::App;

/// One thing wrong with a book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A voucher's stored content no longer gives its stored hash.
    HashMismatch {
        voucher: String,
    },
    /// A voucher's previous hash is not the hash of the voucher before it (a voucher was
    /// removed, inserted or moved).
    ChainBroken {
        voucher: String,
    },
    /// A voucher's postings do not sum to zero.
    Unbalanced {
        voucher: String,
        sum: Dong,
    },
    /// A voucher series of a year is not numbered 1..n without gaps.
    NumberGap {
        series: String,
        year: i64,
        count: i64,
        max: i64,
    },
    BalanceMismatch {
        account: String,
        stored: Dong,
        computed: Dong,
    },
    DayMismatch {
        account: String,
        date: String,
    },
    KeptMismatch {
        account: String,
    },
    MissingAccount {
        account: String,
    },
    Orphans {
        table: &'static str,
        count: i64,
    },
    CoverageOutsidePurchase {
        voucher: String,
    },
    IdentityBroken {
        difference: Dong,
    },
}

/// The outcome for one pool.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PoolCheck {
    pub pool: Pool,
    pub vouchers: u64,
    pub head: String,
    pub identity: Identity,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Warning>,
}

impl Problem {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::HashMismatch { voucher }, Lang::Vi) => {
                format!("Chứng từ {voucher} đã bị sửa: nội dung không còn khớp mã băm đã ghi.")
            }
            (Problem::HashMismatch { voucher }, Lang::En) => {
                format!("Voucher {voucher} was altered: its content no longer matches its recorded hash.")
            }
            (Problem::ChainBroken { voucher }, Lang::Vi) => {
                format!("Chuỗi băm đứt ở chứng từ {voucher}: có chứng từ trước nó bị xóa, chèn hoặc đổi chỗ.")
            }
            (Problem::ChainBroken { voucher }, Lang::En) => format!(
                "The hash chain breaks at voucher {voucher}: a voucher before it was removed, inserted or moved."
            ),
            (Problem::Unbalanced { voucher, sum }, Lang::Vi) => {
                format!("Chứng từ {voucher} không cân: tổng các dòng là {sum}.")
            }
            (Problem::Unbalanced { voucher, sum }, Lang::En) => {
                format!("Voucher {voucher} is unbalanced: its postings sum to {sum}.")
            }
            (Problem::NumberGap { series, year, count, max }, Lang::Vi) => {
                format!("Số chứng từ {series}-{year} không liên tục: có {count} chứng từ nhưng số lớn nhất là {max}.")
            }
            (Problem::NumberGap { series, year, count, max }, Lang::En) => {
                format!("Voucher numbers {series}-{year} have gaps: {count} vouchers but the highest number is {max}.")
            }
            (Problem::BalanceMismatch { account, stored, computed }, Lang::Vi) => {
                format!("Số dư lưu của tài khoản {account} là {stored} nhưng các bút toán cộng lại {computed}.")
            }
            (Problem::BalanceMismatch { account, stored, computed }, Lang::En) => {
                format!("The stored balance of {account} is {stored} but its postings add up to {computed}.")
            }
            (Problem::DayMismatch { account, date }, Lang::Vi) => {
                format!("Phát sinh lưu theo ngày của {account} ngày {date} không khớp các bút toán.")
            }
            (Problem::DayMismatch { account, date }, Lang::En) => {
                format!("The stored daily movement of {account} on {date} does not match its postings.")
            }
            (Problem::KeptMismatch { account }, Lang::Vi) => {
                format!("Tổng đã góp / đã chi lưu của tài khoản {account} không khớp các bút toán.")
            }
            (Problem::KeptMismatch { account }, Lang::En) => {
                format!("The stored paid-in / paid-out sums of {account} do not match its postings.")
            }
            (Problem::MissingAccount { account }, Lang::Vi) => format!("Thiếu tài khoản {account} (đã bị xóa?)."),
            (Problem::MissingAccount { account }, Lang::En) => format!("The account {account} is missing (deleted?)."),
            (Problem::Orphans { table, count }, Lang::Vi) => {
                format!("{count} dòng trong bảng {table} trỏ tới chứng từ không tồn tại.")
            }
            (Problem::Orphans { table, count }, Lang::En) => {
                format!("{count} rows of table {table} point at vouchers that do not exist.")
            }
            (Problem::CoverageOutsidePurchase { voucher }, Lang::Vi) => {
                format!("Chứng từ {voucher} có dòng bảo hiểm nhưng không phải chứng từ mua bảo hiểm.")
            }
            (Problem::CoverageOutsidePurchase { voucher }, Lang::En) => {
                format!("Voucher {voucher} carries coverage rows but is not a purchase.")
            }
            (Problem::IdentityBroken { difference }, Lang::Vi) => {
                format!("Đẳng thức cân đối không đúng: lệch {difference}.")
            }
            (Problem::IdentityBroken { difference }, Lang::En) => {
                format!("The balance identity does not hold: off by {difference}.")
            }
        }
    }
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
}

/// The three lines of `verify --show`: previous hash, canonical JSON, hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownLink {
    pub prev_hash: String,
    pub canonical: String,
    pub hash: String,
}

impl App {
    /// Checks every pool in scope. Problems make the command exit 1; warnings do not.
    pub fn verify(&self) -> Result<Vec<PoolCheck>> {
        let mut out = Vec::new();
        let orphans = self.store.orphans()?;
        for pool in self.pools_in_scope()? {
            let mut check = self.verify_pool(&pool)?;
            check.problems.extend(orphans.iter().map(|(table, count)| Problem::Orphans { table, count: *count }));
            out.push(check);
        }
        Ok(out)
    }

    fn verify_pool(&self, pool: &Pool) -> Result<PoolCheck> {
        let mut problems = Vec::new();
        let mut prev = GENESIS.to_string();
        let mut vouchers = 0u64;
        let mut chain_ok = true;
        // Everything the database maintains is re-derived here from the postings, in the
        // same single pass that checks the chain.
        let mut derived = Derived::default();
        self.store.walk_chain(pool.id, i64::MIN, i64::MAX, |link| {
            vouchers += 1;
            let voucher = link.canonical.voucher.clone();
            let sum: i64 = link.canonical.postings.iter().map(|p| p.amount).sum();
            if chain_ok {
                if link.prev_hash != prev {
                    problems.push(Problem::ChainBroken { voucher: voucher.clone() });
                    chain_ok = false;
                } else if canonical::link_hash(&prev, &link.canonical.json()) != link.hash {
                    problems.push(Problem::HashMismatch { voucher: voucher.clone() });
                    chain_ok = false;
                }
            }
            if sum != 0 || link.canonical.postings.len() < 2 {
                problems.push(Problem::Unbalanced { voucher, sum: Dong(sum) });
            }
            derived.add(&link.canonical);
            prev = link.hash;
            Ok(true)
        })?;
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
        let parsed: Vec<(Account, Dong)> = derived
            .accounts
            .iter()
            .filter_map(|(name, (sum, _, _))| Account::parse(name).map(|a| (a, Dong(*sum))))
            .collect();
        let identity = Identity::from_balances(parsed.iter().map(|(a, d)| (a, *d)));
        if !identity.holds() {
            problems.push(Problem::IdentityBroken { difference: identity.difference() });
        }
        let mut warnings = Vec::new();
        for account in [Account::Cash, Account::Bank] {
            let name = account.name();
            let mut movements: Vec<(&String, i64)> =
                derived.days.iter().filter(|((a, _), _)| *a == name).map(|((_, d), v)| (d, *v)).collect();
            movements.sort();
            let mut running = 0i64;
            for (date, movement) in movements {
                running += movement;
                if running < 0
                    && let Some(date) = crate::date::parse_date(date)
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
        Ok(PoolCheck { pool: pool.clone(), vouchers, head: prev, identity, problems, warnings })
    }

    /// The text an auditor hashes for one voucher (`verify --show`).
    pub fn show_link(&self, voucher: &str) -> Result<ShownLink> {
        let pool = self.pool()?;
        let voucher = voucher.trim().to_ascii_uppercase();
        let row = self
            .store
            .txn_by_voucher(pool.id, &voucher)?
            .ok_or_else(|| crate::error::Error::UnknownVoucher(voucher.clone()))?;
        let mut shown = None;
        self.store.walk_chain(pool.id, row.id, row.id, |link| {
            shown = Some(ShownLink { prev_hash: link.prev_hash, canonical: link.canonical.json(), hash: link.hash });
            Ok(false)
        })?;
        shown.ok_or(crate::error::Error::UnknownVoucher(voucher))
    }
}
