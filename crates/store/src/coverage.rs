//! Coverage rows (BHYT cards, BHXH months) with what voids them: a coverage is void from
//! the date of the reversal that points at its purchase — never by an UPDATE.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::CoverageFields;

pub use super::cover_in_force::{CoverInForce, Scheme};

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
