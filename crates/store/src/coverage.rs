//! Coverage rows (BHYT cards, BHXH months) with what voids them: a coverage is void from
//! the date of the reversal that points at its purchase — never by an UPDATE.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::Store;
use super::by_id::ById;
use crate::fault::Result;
use hunvon_core::ledger::CoverageFields;
use hunvon_core::rules::year_month::YearMonth;

/// A coverage as stored: its purchase's id, voucher and dates, its columns
/// ([`CoverageFields`], the one description of a coverage's fields, read through `Deref`:
/// `coverage.card_to`), and for a card from elsewhere where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRecord {
    pub txn_id: i64,
    pub voucher: String,
    pub paid_on: NaiveDate,
    /// The date of the reversal of its purchase, if reversed.
    pub voided_on: Option<NaiveDate>,
    pub fields: CoverageFields,
    /// Where a card from elsewhere came from (`state`, `employer`, `school`, `other`);
    /// `None` for cover the pool bought.
    pub source: Option<String>,
}

impl std::ops::Deref for CoverageRecord {
    type Target = CoverageFields;

    fn deref(&self) -> &CoverageFields {
        &self.fields
    }
}

impl CoverageRecord {
    /// Whether this coverage counted on day `d`: paid by then and not yet voided.
    pub fn in_force_on(&self, d: NaiveDate) -> bool {
        self.paid_on <= d && self.voided_on.is_none_or(|v| v > d)
    }

    /// Whether a reversal exists at all (for pricing and dating new purchases).
    pub fn is_void(&self) -> bool {
        self.voided_on.is_some()
    }
}

const COLUMNS: &str = "c.txn_id, t.voucher, t.date, rv.date, c.person_id, c.scheme, c.months, c.household_id, \
     c.position, c.quote, c.amount, c.expected_from, c.expected_to, c.card_from, c.card_to, c.from_month, \
     c.to_month, c.income, c.supported_months";
const FROM: &str =
    "coverages c JOIN transactions t ON t.id = c.txn_id LEFT JOIN transactions rv ON rv.reverses_id = c.txn_id";

fn record(r: &Row<'_>) -> rusqlite::Result<CoverageRecord> {
    Ok(CoverageRecord {
        txn_id: r.get(0)?,
        voucher: r.get(1)?,
        paid_on: r.get(2)?,
        voided_on: r.get(3)?,
        fields: CoverageFields {
            person_id: r.get(4)?,
            scheme: r.get(5)?,
            months: r.get(6)?,
            household_id: r.get(7)?,
            position: r.get(8)?,
            quote: r.code(9)?,
            amount: r.code(10)?,
            expected_from: r.get(11)?,
            expected_to: r.get(12)?,
            card_from: r.get(13)?,
            card_to: r.get(14)?,
            from_month: r.get(15)?,
            to_month: r.get(16)?,
            income: r.code(17)?,
            supported_months: r.get(18)?,
        },
        source: None,
    })
}

/// One person's coverage rows of a scheme, in order of entry, then her cards from
/// elsewhere (SPEC §10: an outside card counts as the previous card when a renewal is dated).
pub fn person_coverage(conn: crate::Conn<'_>, person_id: i64, scheme: &str) -> Result<Vec<CoverageRecord>> {
    let conn = conn.0;
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE c.person_id = ?1 AND c.scheme = ?2 ORDER BY c.txn_id, c.id");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![person_id, scheme], record)?;
    let mut out: Vec<CoverageRecord> = rows.collect::<rusqlite::Result<_>>()?;
    out.extend(super::outside_cards::person_outside_cover(crate::Conn(conn), person_id, scheme)?);
    Ok(out)
}

/// The BHYT ladder entries of a household in a calendar year, in order of entry:
/// (person, reversed) for every coverage row that took a ladder position.
pub fn ladder_entries(conn: crate::Conn<'_>, household_id: i64, year: i32) -> Result<Vec<(i64, bool)>> {
    let conn = conn.0;
    let mut st = conn.prepare_cached(
        "SELECT c.person_id, rv.id IS NOT NULL FROM coverages c JOIN transactions t ON t.id = c.txn_id \
         LEFT JOIN transactions rv ON rv.reverses_id = c.txn_id \
         WHERE c.household_id = ?1 AND c.scheme = 'bhyt' AND c.position IS NOT NULL \
           AND t.date >= ?2 AND t.date <= ?3 ORDER BY c.txn_id, c.id",
    )?;
    let rows = st.query_map(params![household_id, format!("{year:04}-01-01"), format!("{year:04}-12-31")], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A person as the coverage list names her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverPerson {
    pub id: i64,
    pub code: String,
    pub full_name: String,
    pub bhxh_code: Option<String>,
}

impl Store {
    /// Every person of the pool with what the coverage list shows of her, by code.
    pub fn cover_people(&self, pool_id: i64) -> Result<Vec<CoverPerson>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT id, code, full_name, bhxh_code FROM persons WHERE pool_id = ?1 ORDER BY code")?;
        let rows = st.query_map([pool_id], |r| {
            Ok(CoverPerson { id: r.get(0)?, code: r.get(1)?, full_name: r.get(2)?, bhxh_code: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A household's BHYT ladder entries in a calendar year (see [`ladder_entries`]).
    pub fn ladder(&self, household_id: i64, year: i32) -> Result<Vec<(i64, bool)>> {
        ladder_entries(crate::Conn(&self.conn), household_id, year)
    }

    /// One person's coverage rows of a scheme, in order of entry.
    pub fn person_coverage(&self, person_id: i64, scheme: &str) -> Result<Vec<CoverageRecord>> {
        person_coverage(crate::Conn(&self.conn), person_id, scheme)
    }
}

impl Store {
    /// The coverage rows one purchase created, in order.
    pub fn coverage_of_txn(&self, txn_id: i64) -> Result<Vec<CoverageRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE c.txn_id = ?1 ORDER BY c.id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([txn_id], record)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A coverage row in force at the end of a day — its purchase paid by then and not
/// reversed by then — as the counts of people covered need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverInForce {
    pub person_id: i64,
    pub scheme: Scheme,
    pub months: u32,
    /// The BHYT card's dates in force, when both are set.
    pub card: Option<(NaiveDate, NaiveDate)>,
    /// The BHXH months paid, when both are set and are months.
    pub month_run: Option<(YearMonth, YearMonth)>,
    /// Whether its purchase is dated on or after the day asked (bought in the period).
    pub recent: bool,
    /// A card from elsewhere (SPEC §10), not bought by the pool.
    pub outside: bool,
    /// Where a card from elsewhere comes from (`state`, `school`, …); None when bought.
    pub source: Option<String>,
}

/// A coverage row's scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Bhyt,
    Bhxh,
    Other,
}

impl Store {
    /// How many people the pool has, and every coverage row of theirs in force at the end
    /// of `as_of` (see [`CoverInForce`]), `recent` for a purchase dated on or after
    /// `since`. Walks, no per-row lookup: the pool's purchases and reversals up to
    /// `as_of` (`transactions_by_kind`), its people, and the coverage rows of those purchases.
    /// Coverage rows belong to purchases (schema.sql); a reversal voids them from its date.
    pub fn cover_in_force(
        &self,
        pool_id: i64,
        since: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> Result<(usize, Vec<CoverInForce>)> {
        let (lo, hi) = super::queries::period_bounds(since, Some(as_of));
        let purchases = self.standing_purchases(pool_id, &lo, &hi)?;
        let people = {
            let mut st = self.conn.prepare_cached("SELECT id FROM persons WHERE pool_id = ?1")?;
            let ids = st.query_map([pool_id], |r| Ok((r.get::<_, i64>(0)?, ())))?;
            ById::new(ids.collect::<rusqlite::Result<Vec<_>>>()?)
        };
        let mut out = self.outside_in_force(pool_id, as_of)?;
        if let Some(range) = purchases.range() {
            self.add_bought_cover(range, &purchases, &people, &mut out)?;
        }
        out.sort_by_key(|c| c.person_id);
        Ok((people.len(), out))
    }

    /// The pool's purchases dated up to `hi` that no reversal up to `hi` voids, each
    /// with whether it is dated on or after `lo` (recent).
    fn standing_purchases(&self, pool_id: i64, lo: &str, hi: &str) -> Result<ById<bool>> {
        let mut purchases = Vec::new();
        let mut voided = std::collections::HashSet::new();
        // Both through `transactions_by_kind` (a book older than it, read-only, walks
        // the date index instead). Only `reverse` sets reverses_id, on a reversal.
        let mut st = self.conn.prepare_cached(
            "SELECT id, date >= ?3 FROM transactions \
             WHERE pool_id = ?1 AND kind IN ('purchase_bhyt', 'purchase_bhxh') AND date <= ?2",
        )?;
        let mut q = st.query(params![pool_id, hi, lo])?;
        while let Some(r) = q.next()? {
            purchases.push((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT reverses_id FROM transactions \
             WHERE pool_id = ?1 AND kind = 'reversal' AND date <= ?2 AND reverses_id IS NOT NULL",
        )?;
        let mut q = st.query(params![pool_id, hi])?;
        while let Some(r) = q.next()? {
            voided.insert(r.get::<_, i64>(0)?);
        }
        purchases.retain(|(id, _)| !voided.contains(id));
        Ok(ById::new(purchases))
    }

    /// Cards from elsewhere in force count like bought ones (SPEC §10), never as bought.
    fn outside_in_force(&self, pool_id: i64, as_of: NaiveDate) -> Result<Vec<CoverInForce>> {
        Ok(self
            .outside_cards(pool_id)?
            .iter()
            .filter(|c| c.from <= as_of)
            .map(|c| CoverInForce {
                person_id: c.person_id,
                scheme: if c.scheme == "bhyt" { Scheme::Bhyt } else { Scheme::Bhxh },
                months: 0,
                card: (c.scheme == "bhyt").then_some((c.from, c.to)),
                month_run: (c.scheme == "bhxh").then_some((YearMonth::of(c.from), YearMonth::of(c.to))),
                recent: false,
                outside: true,
                source: Some(c.source.clone()),
            })
            .collect())
    }

    /// The coverage rows of the standing purchases (ids in `range`) of the pool's people.
    fn add_bought_cover(
        &self,
        (first, last): (i64, i64),
        purchases: &ById<bool>,
        people: &ById<()>,
        out: &mut Vec<CoverInForce>,
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT txn_id, person_id, scheme, months, card_from, card_to, from_month, to_month FROM coverages \
             WHERE txn_id >= ?1 AND txn_id <= ?2",
        )?;
        let mut q = st.query(params![first, last])?;
        while let Some(r) = q.next()? {
            let Some(&recent) = purchases.get(r.get(0)?) else { continue };
            let person_id: i64 = r.get(1)?;
            if people.get(person_id).is_none() {
                continue;
            }
            out.push(bought_cover(r, person_id, recent)?);
        }
        Ok(())
    }
}

/// One coverage row of `add_bought_cover`'s walk.
fn bought_cover(r: &Row<'_>, person_id: i64, recent: bool) -> rusqlite::Result<CoverInForce> {
    let month = |i: usize| -> rusqlite::Result<Option<YearMonth>> {
        Ok(r.get_ref(i)?.as_str_or_null()?.and_then(YearMonth::parse))
    };
    let card_from = stored_date(r, 4)?;
    let card_to = stored_date(r, 5)?;
    Ok(CoverInForce {
        person_id,
        scheme: match r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)? {
            "bhyt" => Scheme::Bhyt,
            "bhxh" => Scheme::Bhxh,
            _ => Scheme::Other,
        },
        months: r.get(3)?,
        card: card_from.zip(card_to),
        month_run: month(6)?.zip(month(7)?),
        recent,
        outside: false,
        source: None,
    })
}

/// A stored ISO date (`YYYY-MM-DD` of a real day) read without chrono's format parser:
/// a province's cover is a million of them. Anything else goes through rusqlite as before.
fn stored_date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let rusqlite::types::ValueRef::Text(&[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1]) = r.get_ref(i)? {
        let n =
            |ds: &[u8]| ds.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')));
        let (y, m, d) = (n(&[y0, y1, y2, y3]), n(&[m0, m1]), n(&[d0, d1]));
        if let Some(day) = y.zip(m).zip(d).and_then(|((y, m), d)| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d))
        {
            return Ok(Some(day));
        }
    }
    r.get(i)
}
