//! A period's sums for the papers per member: balances, and contributions for the
//! arrears (the summary's movements of cash and bank are in `money_moves`). They read
//! only what the period needs — its postings through covering indexes, and the kept balances and daily
//! movements for the rest — and add up in Rust rather than in a sorting GROUP BY, so a
//! year of a 20.000-person pool stays within a fraction of a second.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::by_id::{ById, Postings};
use super::queries::period_bounds;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;

/// The member lines of the pool's standing openings (account, amount): what each member
/// brought into the books, never paid in or out. `year >= 0` takes the way in by series
/// (openings are phiếu kế toán): a few dozen vouchers, not the ledger.
const OPENING_LINES: &str = "SELECT p.account_id, p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
     WHERE t.pool_id = ?1 AND t.series = 'PK' AND t.year >= 0 AND t.kind = 'opening' \
       AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id)";

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

impl Store {
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

    /// The sum of the members' balances at the end of `to`, and of those below zero (as a
    /// positive figure): the balance identity's two member lines, added up by SQLite.
    pub fn member_totals(&self, pool_id: i64, to: NaiveDate) -> Result<(Dong, Dong)> {
        let (_, hi) = period_bounds(None, Some(to));
        let mut st = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(b), 0), COALESCE(SUM(CASE WHEN b < 0 THEN -b ELSE 0 END), 0) FROM ( \
               SELECT -a.balance + CASE WHEN ?3 THEN (SELECT COALESCE(SUM(d.amount), 0) FROM account_days d \
                                                      WHERE d.account_id = a.id AND d.date > ?2) ELSE 0 END AS b \
               FROM accounts a WHERE a.pool_id = ?1 AND a.person_id IS NOT NULL)",
        )?;
        let later = self.has_vouchers_after(pool_id, &hi)?;
        Ok(st.query_row(params![pool_id, hi, later], |r| Ok((Dong(r.get(0)?), Dong(r.get(1)?))))?)
    }

    /// Whether the pool has a voucher dated after `day` (ISO).
    fn has_vouchers_after(&self, pool_id: i64, day: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM transactions WHERE pool_id = ?1 AND date > ?2)")?
            .query_row(params![pool_id, day], |r| r.get(0))?)
    }

    fn member_rows_with(
        &self,
        pool_id: i64,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        movements: bool,
    ) -> Result<Vec<MemberRow>> {
        let (mut rows, index) = self.kept_member_rows(pool_id)?;
        let (lo, hi) = period_bounds(from, to);
        let later = self.has_vouchers_after(pool_id, &hi)?;
        if from.is_none() && !later {
            self.whole_book_columns(pool_id, &mut rows, &index)?;
            return Ok(rows);
        }
        if later {
            self.take_back_later_days(pool_id, &hi, &mut rows, &index)?;
        }
        for row in &mut rows {
            row.paid_in = Dong(0);
            row.paid_out = Dong(0);
        }
        if !movements {
            return Ok(rows);
        }
        self.add_period_movements(pool_id, (&lo, &hi), &mut rows, &index)?;
        set_openings(&mut rows);
        Ok(rows)
    }

    /// Each person's row by code with the kept sums (today's balance, all credits and
    /// debits), and each row's place by account id.
    fn kept_member_rows(&self, pool_id: i64) -> Result<(Vec<MemberRow>, HashMap<i64, usize>)> {
        let mut rows = Vec::new();
        let mut index = HashMap::new();
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
        Ok((rows, index))
    }

    /// The whole book: the kept sums are the columns, less the openings, which stand in
    /// `opening` whatever the range (SPEC §3).
    fn whole_book_columns(&self, pool_id: i64, rows: &mut [MemberRow], index: &HashMap<i64, usize>) -> Result<()> {
        let mut st = self.conn.prepare_cached(OPENING_LINES)?;
        let mut q = st.query([pool_id])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            let amount: i64 = r.get(1)?;
            let row = &mut rows[i];
            if amount < 0 {
                row.paid_in += Dong(amount);
            } else {
                row.paid_out += Dong(-amount);
            }
        }
        set_openings(rows);
        Ok(())
    }

    /// Balances at the period's end (`hi`): today's, less the daily movements after it —
    /// one short range of account_days per member account, not the whole table.
    fn take_back_later_days(
        &self,
        pool_id: i64,
        hi: &str,
        rows: &mut [MemberRow],
        index: &HashMap<i64, usize>,
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, (SELECT COALESCE(SUM(d.amount), 0) FROM account_days d \
                           WHERE d.account_id = a.id AND d.date > ?2) \
             FROM accounts a WHERE a.pool_id = ?1 AND a.person_id IS NOT NULL",
        )?;
        let mut q = st.query(params![pool_id, hi])?;
        while let Some(r) = q.next()? {
            if let Some(&i) = index.get(&r.get::<_, i64>(0)?) {
                rows[i].balance += Dong(r.get(1)?);
            }
        }
        Ok(())
    }

    /// What came in and went out of each member's account in the period, a reversal in
    /// the column of what it reverses.
    fn add_period_movements(
        &self,
        pool_id: i64,
        (lo, hi): (&str, &str),
        rows: &mut [MemberRow],
        index: &HashMap<i64, usize>,
    ) -> Result<()> {
        // An opening (and the reversal of one) moves nothing in the period: it is part of
        // what she held at its start, so it falls through to `opening`.
        let mut st = self.conn.prepare_cached(
            "SELECT p.account_id, p.amount, t.reverses_id IS NOT NULL, \
                    t.kind = 'opening' OR (t.reverses_id IS NOT NULL \
                      AND (SELECT o.kind FROM transactions o WHERE o.id = t.reverses_id) = 'opening') \
             FROM transactions t \
             JOIN postings p ON p.txn_id = t.id WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3",
        )?;
        let mut q = st.query(params![pool_id, lo, hi])?;
        while let Some(r) = q.next()? {
            let Some(&i) = index.get(&r.get::<_, i64>(0)?) else { continue };
            let (amount, reversal, opening): (i64, bool, bool) = (r.get(1)?, r.get(2)?, r.get(3)?);
            if opening {
                continue;
            }
            let row = &mut rows[i];
            match (reversal, amount > 0) {
                (false, false) => row.paid_in += Dong(-amount),
                (false, true) => row.paid_out += Dong(amount),
                (true, true) => row.paid_in += Dong(-amount),
                (true, false) => row.paid_out += Dong(amount),
            }
        }
        Ok(())
    }

    /// What each person contributed (kind `contribution`, reversals netted) up to the end
    /// of `to`: from the kept credits (contributions and openings, reversed pairs left
    /// out), less the openings, corrected by what was entered after `to`.
    pub fn contributions_upto(&self, pool_id: i64, to: NaiveDate) -> Result<HashMap<i64, Dong>> {
        let mut totals = self.kept_credits(pool_id)?;
        self.less_openings(pool_id, &mut totals)?;
        let (later, reversed_later) = self.entered_after(pool_id, to)?;
        self.less_later_contributions(later, &mut totals)?;
        self.add_reversed_later(reversed_later, to, &mut totals)?;
        Ok(totals.totals.into_iter().map(|(person, total)| (person, Dong(total))).collect())
    }

    /// Each member account's kept credits, by person.
    fn kept_credits(&self, pool_id: i64) -> Result<Totals> {
        let mut totals: Vec<(i64, i64)> = Vec::new();
        let mut places = Vec::new();
        let mut st = self.conn.prepare_cached(
            "SELECT id, person_id, kept_credits FROM accounts WHERE pool_id = ?1 AND person_id IS NOT NULL",
        )?;
        let mut q = st.query([pool_id])?;
        while let Some(r) = q.next()? {
            places.push((r.get::<_, i64>(0)?, totals.len()));
            totals.push((r.get(1)?, r.get(2)?));
        }
        Ok(Totals { places: ById::new(places), totals })
    }

    /// Openings credited to members (phiếu kế toán, never reversed) are not
    /// contributions. `year >= 0` takes the way in by series: a few dozen vouchers.
    fn less_openings(&self, pool_id: i64, totals: &mut Totals) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT p.account_id, -p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
             WHERE t.pool_id = ?1 AND t.series = 'PK' AND t.year >= 0 AND t.kind = 'opening' AND p.amount < 0 \
               AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id)",
        )?;
        let mut q = st.query(params![pool_id])?;
        while let Some(r) = q.next()? {
            totals.add(r.get(0)?, -r.get::<_, i64>(1)?);
        }
        Ok(())
    }

    /// After `to`: the contributions (ids), and the originals of the reversals. Each is a
    /// range of `transactions_by_kind` (only `reverse` sets reverses_id, on a reversal): a
    /// closed year of a province's pool has a million vouchers after it, and the kinds'
    /// ranges pass over the purchases and transfers among them.
    fn entered_after(&self, pool_id: i64, to: NaiveDate) -> Result<(VoucherIds, Vec<i64>)> {
        let mut later = Vec::new();
        let mut st = self
            .conn
            .prepare_cached("SELECT id FROM transactions WHERE pool_id = ?1 AND kind = 'contribution' AND date > ?2")?;
        let mut q = st.query(params![pool_id, to])?;
        while let Some(r) = q.next()? {
            later.push((r.get::<_, i64>(0)?, ()));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT reverses_id FROM transactions \
             WHERE pool_id = ?1 AND kind = 'reversal' AND date > ?2 AND reverses_id IS NOT NULL",
        )?;
        let reversed_later = st.query_map(params![pool_id, to], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok((later, reversed_later))
    }

    /// Contributions dated after `to` and never reversed were counted in the kept sums.
    fn less_later_contributions(&self, mut later: VoucherIds, totals: &mut Totals) -> Result<()> {
        if later.is_empty() {
            return Ok(());
        }
        let reversed: std::collections::HashSet<i64> = self
            .conn
            .prepare_cached("SELECT reverses_id FROM transactions WHERE reverses_id IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        later.retain(|(id, ())| !reversed.contains(id));
        let later = ById::new(later);
        if let Some(range) = later.range() {
            self.walk_postings(range, Postings::Credits, |txn, account, amount| {
                if later.get(txn).is_some() {
                    totals.add(account, amount);
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// A contribution reversed after `to` still stood on that day.
    fn add_reversed_later(&self, reversed_later: Vec<i64>, to: NaiveDate, totals: &mut Totals) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT p.account_id, -p.amount FROM transactions t JOIN postings p ON p.txn_id = t.id \
             WHERE t.id = ?1 AND t.date <= ?2 AND t.kind = 'contribution' AND p.amount < 0",
        )?;
        for original in reversed_later {
            let mut q = st.query(params![original, to])?;
            while let Some(r) = q.next()? {
                totals.add(r.get(0)?, r.get(1)?);
            }
        }
        Ok(())
    }

    /// The members (by person id) with any money movement before their dues span, which
    /// starts at the later of `dues_start` and the first day of the month they joined: only
    /// they can have contributions to leave out of the dues behind. One statement, an index
    /// probe per member inside SQLite.
    pub fn moved_before_span(&self, pool_id: i64, dues_start: NaiveDate) -> Result<std::collections::HashSet<i64>> {
        // With no voucher of the pool dated before the dues began, only those who joined
        // in a later month can have moved money before their span: on a pool whose
        // members mostly joined with the dues that is a few people, not a search of
        // every member's days.
        let early: bool = self
            .conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM transactions WHERE pool_id = ?1 AND date < ?2)")?
            .query_row(params![pool_id, dues_start], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT p.id FROM persons p JOIN accounts a ON a.person_id = p.id \
             WHERE p.pool_id = ?1 AND p.joined IS NOT NULL AND (?3 OR date(p.joined, 'start of month') > ?2) \
               AND EXISTS (SELECT 1 FROM account_days d WHERE d.account_id = a.id \
                             AND d.date < max(?2, date(p.joined, 'start of month')))",
        )?;
        let rows = st.query_map(params![pool_id, dues_start, early], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What a person contributed before `before` (contributions standing on `to`: a
    /// reversal dated after `to` does not take one back). The dues behind count only the
    /// contributions of their own span (SPEC §8), so the arrears take this off
    /// [`Store::contributions_upto`] for the members [`Store::moved_before_span`] names.
    pub fn contributions_before(&self, person_id: i64, before: NaiveDate, to: NaiveDate) -> Result<Dong> {
        let total: i64 = self
            .conn
            .prepare_cached(
                "SELECT COALESCE(SUM(-p.amount), 0) FROM accounts a JOIN postings p ON p.account_id = a.id \
                 JOIN transactions t ON t.id = p.txn_id \
                 WHERE a.person_id = ?1 AND t.kind = 'contribution' AND t.date < ?2 AND t.date <= ?3 \
                   AND p.amount < 0 \
                   AND NOT EXISTS (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id AND r.date <= ?3)",
            )?
            .query_row(params![person_id, before, to], |r| r.get(0))?;
        Ok(Dong(total))
    }
}

/// What a member held at the period's start: her balance at its end, less what came in,
/// plus what went out.
fn set_openings(rows: &mut [MemberRow]) {
    for row in rows {
        row.opening = row.balance - row.paid_in + row.paid_out;
    }
}

/// Vouchers by id, as `ById` takes them (nothing kept but the id).
type VoucherIds = Vec<(i64, ())>;

/// Each member account's running total (person id, đồng), found by account id without
/// hashing.
struct Totals {
    places: ById<usize>,
    totals: Vec<(i64, i64)>,
}

impl Totals {
    fn add(&mut self, account: i64, amount: i64) {
        if let Some(total) = self.places.get(account).and_then(|&at| self.totals.get_mut(at)) {
            total.1 += amount;
        }
    }
}
