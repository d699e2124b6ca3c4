//! The summary's movements of cash and bank over a period, grouped by kind, and the
//! first and last voucher number of each series and year, and the months' receipts and
//! payments the summary's PDF and the overview draw (`month_flows`, in the same pass).
//!
//! From schema step 15 the period's days are read from `day_moves` (kept by trigger: a
//! year of a province's pool is a few thousand rows, not a million vouchers), and only
//! the vouchers it leaves out — phiếu kế toán and reversals, grouped by what they correct
//! — are read on their own. A book opened read-only at an older step is walked as before:
//! two walks of covering indexes joined in Rust (see `by_id`), the period's vouchers by
//! date, then the cash and bank postings of their id range. Either way a reversal's
//! original is looked up by id (they are few).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::by_id::{ById, Postings};
use super::month_flows::MonthFlow;
use super::queries::period_bounds;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Series};

/// The schema step that keeps `day_moves` (day_moves.sql).
pub(crate) const DAY_MOVES_STEP: i64 = 15;

/// A group of a period's vouchers that moved cash or bank money: their kind (for a
/// reversal, the kind of what it reverses), whether they are reversals and of a voucher
/// dated before the period, the account, how many and how much.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoneyMove {
    pub kind: String,
    pub reversal: bool,
    pub earlier: bool,
    pub account: Account,
    pub count: i64,
    pub amount: Dong,
    /// False for phiếu kế toán that moved neither cash nor bank (a member's opening, a
    /// difference the common fund absorbed): counted so the summary counts every number
    /// it lists; their account is `Cash` and amount zero by convention.
    pub money: bool,
}

/// The first and last voucher number of one series and year.
pub type VoucherRange = (String, String);

/// One voucher of the period as the grouping needs it; kinds and series are indexes
/// into the short lists of names met, so a row costs no allocation.
struct Voucher {
    kind: u8,
    reversal: bool,
    earlier: bool,
    series: u8,
    year: i32,
    seq: i64,
    /// `year * 12 + month - 1` of its date, and whether its own kind counts in the
    /// months' flows (not a transfer or an opening; a reversal counts, as in `month_flows`).
    month: u32,
    flows: bool,
}

/// `year * 12 + month - 1` of an ISO date's text, without parsing the day.
fn month_key(date: &str) -> u32 {
    let digits = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    digits(date.get(0..4)) * 12 + digits(date.get(5..7)).saturating_sub(1)
}

/// How the summary groups movements: (kind, reversal, earlier, bank, incoming).
type MoveKey = (u8, bool, bool, bool, bool);

/// The index of `name` in `names`, added if new.
fn intern(names: &mut Vec<String>, name: &str) -> u8 {
    let at = names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    });
    u8::try_from(at).unwrap_or(u8::MAX)
}

impl Store {
    /// The ids of the pool's accounts that are not a person's (cash, bank, funds).
    fn pool_account_ids(&self, pool_id: i64) -> Result<HashMap<i64, Account>> {
        let mut st =
            self.conn.prepare_cached("SELECT id, name FROM accounts WHERE pool_id = ?1 AND person_id IS NULL")?;
        let rows = st.query_map([pool_id], |r| {
            let name: String = r.get(1)?;
            Ok((r.get(0)?, Account::parse(&name).unwrap_or(Account::FundCommon)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The period's movements of cash and bank, grouped for the summary, and the first
    /// and last voucher number of each series and year: of phiếu kế toán all of the
    /// period's (a member's opening moves no money), of the others those that moved cash
    /// or bank — every one does.
    pub fn money_moves(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Vec<MoneyMove>, Vec<VoucherRange>)> {
        let (moves, ranges, _) = self.money_moves_by_month(pool_id, from, to)?;
        Ok((moves, ranges))
    }

    /// `money_moves`, and the receipts and payments of each month of the period that
    /// moved money, as `month_flows` finds them (oldest first).
    pub fn money_moves_by_month(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Vec<MoneyMove>, Vec<VoucherRange>, Vec<MonthFlow>)> {
        let (lo, hi) = period_bounds(from, to);
        let accounts = self.pool_account_ids(pool_id)?;
        let id_of = |a: Account| accounts.iter().find(|(_, x)| **x == a).map_or(0, |(id, _)| *id);
        let mut seen = Seen::default();
        let pk = intern(&mut seen.series, Series::Pk.code());
        let kept = self.schema_version()? >= DAY_MOVES_STEP;
        let mut period = if kept {
            self.vouchers_apart(pool_id, &lo, &hi, pk, &mut seen)?
        } else {
            self.period_vouchers(pool_id, &lo, &hi, pk, &mut seen)?
        };
        self.group_reversals(&mut period, &lo, &mut seen.kinds)?;
        // Which kind each phiếu kế toán has, reversals grouped under their original's.
        let pk_kinds: Vec<(i64, u8, bool)> = period
            .pk_ids
            .iter()
            .map(|&(id, at)| (id, period.vouchers[at].1.kind, period.vouchers[at].1.reversal))
            .collect();
        let ids: Vec<i64> = if kept { period.vouchers.iter().map(|(id, _)| *id).collect() } else { Vec::new() };
        let vouchers = ById::new(period.vouchers);
        let mut tally = Tally::new();
        let (cash, bank) = (id_of(Account::Cash), id_of(Account::Bank));
        let mut add = |txn: i64, account: i64, amount: i64| {
            if let Some(v) = vouchers.get(txn) {
                seen.widen(v);
                tally.add(txn, v, v.series == pk, account == bank, amount);
            }
            Ok(())
        };
        if kept {
            for txn in ids {
                self.voucher_cash_bank(txn, cash, bank, &mut add)?;
            }
            self.add_kept_days(pool_id, (&lo, &hi), &mut seen, &mut tally)?;
        } else if let Some(range) = vouchers.range() {
            self.walk_postings(range, Postings::CashBank { cash, bank }, add)?;
        }
        let mut out = tally.moves(&seen.kinds);
        out.extend(unmoved(pk_kinds, &tally.pk_moved, &seen.kinds));
        out.sort_by(|a, b| (&a.kind, a.reversal, a.earlier, a.amount).cmp(&(&b.kind, b.reversal, b.earlier, b.amount)));
        let ranges = seen.voucher_ranges();
        Ok((out, ranges, month_flows(tally.months)))
    }

    /// The period's vouchers in the order read, the phiếu kế toán among them (few; their
    /// numbers count whether or not they moved money) and the reversals among them.
    fn period_vouchers(&self, pool_id: i64, lo: &str, hi: &str, pk: u8, seen: &mut Seen) -> Result<Period> {
        let mut period = Period { vouchers: Vec::new(), pk_ids: Vec::new(), reversals: Vec::new() };
        let mut st = self.conn.prepare_cached(
            "SELECT id, kind, reverses_id, series, year, seq, date FROM transactions \
             WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3",
        )?;
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            period.push(r, pk, seen)?;
        }
        Ok(period)
    }

    /// The period's vouchers `day_moves` leaves out: every phiếu kế toán (through the
    /// numbering index; `year >= 0` takes that way in, the date is checked here) and the
    /// reversals numbered in other series (a book from before step 8).
    fn vouchers_apart(&self, pool_id: i64, lo: &str, hi: &str, pk: u8, seen: &mut Seen) -> Result<Period> {
        let mut period = Period { vouchers: Vec::new(), pk_ids: Vec::new(), reversals: Vec::new() };
        let mut st = self.conn.prepare_cached(
            "SELECT id, kind, reverses_id, series, year, seq, date FROM transactions \
             WHERE pool_id = ?1 AND series = 'PK' AND year >= 0 \
             UNION ALL \
             SELECT id, kind, reverses_id, series, year, seq, date FROM transactions INDEXED BY transactions_by_kind \
             WHERE pool_id = ?1 AND kind = 'reversal' AND date >= ?2 AND date <= ?3 AND series <> 'PK'",
        )?;
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            let date = r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?;
            if date >= lo && date <= hi {
                period.push(r, pk, seen)?;
            }
        }
        Ok(period)
    }

    /// One voucher's cash and bank postings, as (voucher, account, amount), to `f`.
    fn voucher_cash_bank(
        &self,
        txn: i64,
        cash: i64,
        bank: i64,
        f: &mut impl FnMut(i64, i64, i64) -> Result<()>,
    ) -> Result<()> {
        let mut st = self
            .conn
            .prepare_cached("SELECT account_id, amount FROM postings WHERE txn_id = ?1 AND +account_id IN (?2, ?3)")?;
        let mut q = st.query(params![txn, cash, bank])?;
        while let Some(r) = q.next()? {
            f(txn, r.get(0)?, r.get(1)?)?;
        }
        Ok(())
    }

    /// The period's days as `day_moves` keeps them: each row one group of postings of
    /// one kind, series and year, cash or bank, in or out, and its first and last number.
    fn add_kept_days(&self, pool_id: i64, (lo, hi): (&str, &str), seen: &mut Seen, tally: &mut Tally) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT kind, series, year, bank, incoming, postings, amount, first_seq, last_seq, date \
             FROM day_moves WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3",
        )?;
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            let kind = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let flows = kind != "transfer" && kind != "opening";
            let kind = intern(&mut seen.kinds, kind);
            let series = intern(&mut seen.series, r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
            let year: i32 = r.get(2)?;
            seen.widen_to(year, series, (r.get(7)?, r.get(8)?));
            let month = month_key(r.get_ref(9)?.as_str().map_err(rusqlite::Error::from)?);
            let group = (kind, false, false, r.get(3)?, r.get(4)?);
            tally.add_group(group, r.get(5)?, r.get(6)?, flows.then_some(month));
        }
        Ok(())
    }

    /// A reversal is grouped under its original's kind, apart when that is dated
    /// before the period.
    fn group_reversals(&self, period: &mut Period, lo: &str, kinds: &mut Vec<String>) -> Result<()> {
        let mut st = self.conn.prepare_cached("SELECT kind, date < ?2 FROM transactions WHERE id = ?1")?;
        for &(at, original) in &period.reversals {
            let (kind, earlier): (String, bool) =
                st.query_row(params![original, lo], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let v = &mut period.vouchers[at].1;
            (v.kind, v.reversal, v.earlier) = (intern(kinds, &kind), true, earlier);
        }
        Ok(())
    }
}

/// The period's vouchers as read: (id, voucher) in order, the phiếu kế toán's
/// (id, place) and the reversals' (place, original's id).
struct Period {
    vouchers: Vec<(i64, Voucher)>,
    pk_ids: Vec<(i64, usize)>,
    reversals: Vec<(usize, i64)>,
}

impl Period {
    /// One voucher's row: id, kind, reverses_id, series, year, seq, date.
    fn push(&mut self, r: &rusqlite::Row<'_>, pk: u8, seen: &mut Seen) -> Result<()> {
        let id: i64 = r.get(0)?;
        let kind = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
        let v = Voucher {
            flows: kind != "transfer" && kind != "opening",
            month: month_key(r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?),
            kind: intern(&mut seen.kinds, kind),
            reversal: false,
            earlier: false,
            series: intern(&mut seen.series, r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?),
            year: r.get(4)?,
            seq: r.get(5)?,
        };
        if v.series == pk {
            seen.widen(&v);
            self.pk_ids.push((id, self.vouchers.len()));
        }
        if let Some(original) = r.get::<_, Option<i64>>(2)? {
            self.reversals.push((self.vouchers.len(), original));
        }
        self.vouchers.push((id, v));
        Ok(())
    }
}

/// The names met while reading (kinds and series by index) and the lowest and highest
/// number of each series and year the summary lists.
#[derive(Default)]
struct Seen {
    kinds: Vec<String>,
    series: Vec<String>,
    ranges: HashMap<(i32, u8), (i64, i64)>,
}

impl Seen {
    fn widen(&mut self, v: &Voucher) {
        self.widen_to(v.year, v.series, (v.seq, v.seq));
    }

    /// Widens the range of a series and year to take in `first ..= last`.
    fn widen_to(&mut self, year: i32, series: u8, (first, last): (i64, i64)) {
        let range = self.ranges.entry((year, series)).or_insert((first, last));
        *range = (range.0.min(first), range.1.max(last));
    }

    /// The first and last voucher number of each series and year, by year then series.
    fn voucher_ranges(&self) -> Vec<VoucherRange> {
        let ranges: BTreeMap<(i32, &str), (i64, i64)> = self
            .ranges
            .iter()
            .map(|(&(year, s), &range)| ((year, self.series.get(usize::from(s)).map_or("", String::as_str)), range))
            .collect();
        ranges
            .into_iter()
            .map(|((year, code), (lo, hi))| {
                let series = Series::from_code(code).unwrap_or(Series::Pk);
                (series.voucher(year, lo), series.voucher(year, hi))
            })
            .collect()
    }
}

/// What the walk of the period's cash and bank postings adds up.
struct Tally {
    /// (kind, reversal, earlier, bank, incoming) → (postings, amount), in a flat table
    /// rather than a map: a year is 230.000 postings.
    groups: Vec<(i64, i64)>,
    /// Receipts and payments by `month_key`.
    months: HashMap<u32, (i64, i64)>,
    /// The phiếu kế toán that moved cash or bank.
    pk_moved: HashSet<i64>,
}

impl Tally {
    fn new() -> Tally {
        Tally { groups: vec![(0i64, 0i64); 256 << 4], months: HashMap::new(), pk_moved: HashSet::new() }
    }

    fn slot(k: MoveKey) -> usize {
        usize::from(k.0) << 4 | usize::from(k.1) << 3 | usize::from(k.2) << 2 | usize::from(k.3) << 1 | usize::from(k.4)
    }

    /// One cash (or bank) posting of voucher `txn`.
    fn add(&mut self, txn: i64, v: &Voucher, pk: bool, bank: bool, amount: i64) {
        if pk {
            self.pk_moved.insert(txn);
        }
        self.add_group((v.kind, v.reversal, v.earlier, bank, amount > 0), 1, amount, v.flows.then_some(v.month));
    }

    /// `postings` postings of one group adding up to `amount`, counted in `month`'s
    /// receipts or payments when it is given.
    fn add_group(&mut self, group: MoveKey, postings: i64, amount: i64, month: Option<u32>) {
        if let Some(g) = self.groups.get_mut(Tally::slot(group)) {
            g.0 += postings;
            g.1 += amount;
        }
        if let Some(month) = month {
            let m = self.months.entry(month).or_default();
            if group.4 {
                m.0 += amount;
            } else {
                m.1 -= amount;
            }
        }
    }

    /// The groups that moved money, in the table's order.
    fn moves(&self, kinds: &[String]) -> Vec<MoneyMove> {
        self.groups
            .iter()
            .enumerate()
            .filter(|(_, (count, _))| *count > 0)
            .map(|(at, &(count, amount))| MoneyMove {
                kind: kinds.get(at >> 4).cloned().unwrap_or_default(),
                reversal: at & 8 != 0,
                earlier: at & 4 != 0,
                account: if at & 2 != 0 { Account::Bank } else { Account::Cash },
                count,
                amount: Dong(amount),
                money: true,
            })
            .collect()
    }
}

/// The phiếu kế toán that moved neither cash nor bank, counted by kind.
fn unmoved(pk_kinds: Vec<(i64, u8, bool)>, moved: &HashSet<i64>, kinds: &[String]) -> Vec<MoneyMove> {
    let mut unmoved: BTreeMap<(u8, bool), i64> = BTreeMap::new();
    for (id, kind, reversal) in pk_kinds {
        if !moved.contains(&id) {
            *unmoved.entry((kind, reversal)).or_default() += 1;
        }
    }
    unmoved
        .into_iter()
        .map(|((kind, reversal), count)| MoneyMove {
            kind: kinds.get(usize::from(kind)).cloned().unwrap_or_default(),
            reversal,
            earlier: false,
            account: Account::Cash,
            count,
            amount: Dong(0),
            money: false,
        })
        .collect()
}

/// Each month's receipts and payments, oldest first.
fn month_flows(months: HashMap<u32, (i64, i64)>) -> Vec<MonthFlow> {
    let mut months: Vec<(u32, (i64, i64))> = months.into_iter().collect();
    months.sort_unstable();
    months
        .into_iter()
        .map(|(m, (receipts, payments))| MonthFlow {
            month: format!("{:04}-{:02}", m / 12, m % 12 + 1),
            receipts,
            payments,
        })
        .collect()
}
