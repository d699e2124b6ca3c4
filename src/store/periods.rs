//! A period's sums for the papers: per member (balances, contributions for the arrears)
//! and per kind of movement of cash and bank (the summary). They read only what the
//! period needs — its postings through covering indexes, and the kept balances and daily
//! movements for the rest — and add up in Rust rather than in a sorting GROUP BY, so a
//! year of a 20.000-person pool stays within a fraction of a second.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::queries::period_bounds;
use crate::domain::money::Dong;
use crate::ledger::{Account, Series};
use crate::messages::error::Result;

/// One person's line of `report balances`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberRow {
    pub code: String,
    pub full_name: String,
    pub opening: Dong,
    pub paid_in: Dong,
    pub paid_out: Dong,
    pub balance: Dong,
}

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
}

/// The first and last voucher number of one series and year.
pub type VoucherRange = (String, String);

/// How the summary groups movements: (kind, reversal, earlier, bank, incoming).
type MoveKey = (String, bool, bool, bool, bool);

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

    /// Per person of the pool, by code: her balance at the period's start, what came into
    /// and went out of her account in it, and her balance at its end (docs/design.md §6: each voucher
    /// in the period of its own date, a reversal negated in the column of what it
    /// reverses, so `opening + paid_in − paid_out = balance` on every row).
    pub fn member_rows(&self, pool_id: i64, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<MemberRow>> {
        self.member_rows_with(pool_id, from, to, true)
    }

    /// The same rows under their earlier name (callers written before the opening column).
    pub fn balance_rows(&self, pool_id: i64, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<MemberRow>> {
        self.member_rows(pool_id, from, to)
    }

    /// Each person's balance at the end of `to` (the other columns left at zero), without
    /// reading the postings: for the summary and the arrears.
    pub fn member_balances(&self, pool_id: i64, to: NaiveDate) -> Result<Vec<MemberRow>> {
        self.member_rows_with(pool_id, None, Some(to), false)
    }

    fn member_rows_with(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        movements: bool,
    ) -> Result<Vec<MemberRow>> {
        let mut rows = Vec::new();
        let mut index = HashMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT a.id, pe.code, pe.full_name, -a.balance, a.kept_credits, a.kept_debits \
                 FROM persons pe JOIN accounts a ON a.person_id = pe.id WHERE pe.pool_id = ?1 ORDER BY pe.code",
            )?;
            let mut q = st.query([pool_id])?;
            while let Some(r) = q.next()? {
                index.insert(r.get::<_, i64>(0)?, rows.len());
                rows.push(MemberRow {
                    code: r.get(1)?,
                    full_name: r.get(2)?,
                    opening: Dong(0),
                    paid_in: Dong(r.get(4)?),
                    paid_out: Dong(r.get(5)?),
                    balance: Dong(r.get(3)?),
                });
            }
        }
        let (lo, hi) = period_bounds(from, to);
        let later: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM transactions WHERE pool_id = ?1 AND date > ?2)")?
            .query_row(params![pool_id, hi], |r| r.get(0))?;
        if from.is_none() && !later {
            // The whole book: the kept sums are exactly the columns.
            return Ok(rows);
        }
        if later {
            // Balances at the period's end: today's, less the daily movements after it.
            let mut st = self.conn.prepare_cached(
                "SELECT d.account_id, SUM(d.amount) FROM account_days d WHERE d.date > ?1 GROUP BY d.account_id",
            )?;
            let mut q = st.query([&hi])?;
            while let Some(r) = q.next()? {
                if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                    rows[i].balance += Dong(r.get(1)?);
                }
            }
        }
        for row in &mut rows {
            row.paid_in = Dong(0);
            row.paid_out = Dong(0);
        }
        if !movements {
            return Ok(rows);
        }
        let mut st = self.conn.prepare_cached(
            "SELECT p.account_id, p.amount, t.reverses_id IS NOT NULL FROM transactions t \
             JOIN postings p ON p.txn_id = t.id WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3",
        )?;
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            let (amount, reversal): (i64, bool) = (r.get(1)?, r.get(2)?);
            let row = &mut rows[i];
            match (reversal, amount > 0) {
                (false, false) => row.paid_in += Dong(-amount),
                (false, true) => row.paid_out += Dong(amount),
                (true, true) => row.paid_in += Dong(-amount),
                (true, false) => row.paid_out += Dong(amount),
            }
        }
        for row in &mut rows {
            row.opening = row.balance - row.paid_in + row.paid_out;
        }
        Ok(rows)
    }

    /// What each person contributed (kind `contribution`, reversals netted) up to the end
    /// of `to`: from the kept credits (contributions and openings, reversed pairs left
    /// out), less the openings, corrected by what was entered after `to`.
    pub fn contributions_upto(&self, pool_id: i64, to: NaiveDate) -> Result<HashMap<i64, Dong>> {
        let mut out: HashMap<i64, Dong> = HashMap::new();
        let mut by_account: HashMap<i64, i64> = HashMap::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT id, person_id, kept_credits FROM accounts WHERE pool_id = ?1 AND person_id IS NOT NULL",
            )?;
            let mut q = st.query([pool_id])?;
            while let Some(r) = q.next()? {
                let (account, person): (i64, i64) = (r.get(0)?, r.get(1)?);
                by_account.insert(account, person);
                out.insert(person, Dong(r.get(2)?));
            }
        }
        let mut adjust = |sql: &str, args: &[&dyn rusqlite::ToSql], sign: i64| -> Result<()> {
            let mut st = self.conn.prepare_cached(sql)?;
            let mut q = st.query(args)?;
            while let Some(r) = q.next()? {
                if let Some(person) = by_account.get(&r.get::<_, i64>(0)?)
                    && let Some(total) = out.get_mut(person)
                {
                    *total += Dong(sign * r.get::<_, i64>(1)?);
                }
            }
            Ok(())
        };
        // Openings credited to members (phiếu kế toán, never reversed) are not contributions.
        adjust(
            "SELECT p.account_id, -p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
             WHERE t.pool_id = ?1 AND t.series = 'PK' AND t.kind = 'opening' AND p.amount < 0 \
               AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id)",
            &[&pool_id],
            -1,
        )?;
        // Contributions dated after `to` and never reversed were counted in the kept sums.
        adjust(
            "SELECT p.account_id, -p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
             WHERE t.pool_id = ?1 AND t.date > ?2 AND t.kind = 'contribution' AND p.amount < 0 \
               AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id)",
            &[&pool_id, &to],
            -1,
        )?;
        // A contribution reversed after `to` still stood on that day.
        adjust(
            "SELECT p.account_id, -p.amount FROM transactions r JOIN transactions t ON t.id = r.reverses_id \
             JOIN postings p ON p.txn_id = t.id \
             WHERE r.pool_id = ?1 AND r.date > ?2 AND t.date <= ?2 AND t.kind = 'contribution' AND p.amount < 0",
            &[&pool_id, &to],
            1,
        )?;
        Ok(out)
    }

    /// The period's movements of cash and bank, grouped for the summary, and the first
    /// and last voucher number of each series and year (one pass over the period).
    pub fn money_moves(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<(Vec<MoneyMove>, Vec<VoucherRange>)> {
        let (lo, hi) = period_bounds(from, to);
        let accounts = self.pool_account_ids(pool_id)?;
        let id_of = |a: Account| accounts.iter().find(|(_, x)| **x == a).map_or(0, |(id, _)| *id);
        // Only the cash and bank postings: every voucher but a member's opening has one.
        let mut st = self.conn.prepare_cached(
            "SELECT t.id, p.account_id, p.amount, t.kind, o.kind, o.date < ?2, t.series, t.year, t.seq \
             FROM transactions t \
             JOIN postings p ON p.txn_id = t.id AND p.account_id IN (?4, ?5) \
             LEFT JOIN transactions o ON o.id = t.reverses_id \
             WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3",
        )?;
        let mut ranges: BTreeMap<(i32, String), (i64, i64)> = BTreeMap::new();
        // Phiếu kế toán may move no money (a member's opening): their numbers from the index.
        {
            let mut pk = self.conn.prepare_cached(
                "SELECT year, MIN(seq), MAX(seq) FROM transactions \
                 WHERE pool_id = ?1 AND series = 'PK' AND date >= ?2 AND date <= ?3 GROUP BY year",
            )?;
            let mut q = pk.query(params![pool_id, lo, hi])?;
            while let Some(r) = q.next()? {
                ranges.insert((r.get(0)?, "PK".to_string()), (r.get(1)?, r.get(2)?));
            }
        }
        // (kind, reversal, earlier, account, incoming) → (vouchers, amount)
        let mut groups: HashMap<MoveKey, (i64, i64)> = HashMap::new();
        let mut q = st.query(params![pool_id, lo, hi, id_of(Account::Cash), id_of(Account::Bank)])?;
        while let Some(r) = q.next()? {
            let seq: i64 = r.get(8)?;
            let range = ranges.entry((r.get(7)?, r.get(6)?)).or_insert((seq, seq));
            *range = (range.0.min(seq), range.1.max(seq));
            let bank = match accounts.get(&r.get::<_, i64>(1)?) {
                Some(Account::Cash) => false,
                Some(Account::Bank) => true,
                _ => continue,
            };
            let amount: i64 = r.get(2)?;
            let original: Option<String> = r.get(4)?;
            let reversal = original.is_some();
            let kind = original.unwrap_or(r.get(3)?);
            let earlier: bool = r.get::<_, Option<bool>>(5)?.unwrap_or(false);
            let g = groups.entry((kind, reversal, earlier, bank, amount > 0)).or_default();
            g.0 += 1;
            g.1 += amount;
        }
        let mut out: Vec<MoneyMove> = groups
            .into_iter()
            .map(|((kind, reversal, earlier, bank, _), (count, amount))| MoneyMove {
                kind,
                reversal,
                earlier,
                account: if bank { Account::Bank } else { Account::Cash },
                count,
                amount: Dong(amount),
            })
            .collect();
        out.sort_by(|a, b| (&a.kind, a.reversal, a.earlier, a.amount).cmp(&(&b.kind, b.reversal, b.earlier, b.amount)));
        let ranges = ranges
            .into_iter()
            .map(|((year, series), (lo, hi))| {
                let series = Series::from_code(&series).unwrap_or(Series::Pk);
                (series.voucher(year, lo), series.voucher(year, hi))
            })
            .collect();
        Ok((out, ranges))
    }
}
