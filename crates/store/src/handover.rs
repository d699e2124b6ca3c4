//! The period's purchases for the collection agent (`report handover`, SPEC §10): one line
//! per person and purchase, with the identifiers the agency needs.

use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use crate::fault::Result;

/// One person of one purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoverLine {
    pub voucher: String,
    pub date: NaiveDate,
    pub code: String,
    pub full_name: String,
    pub dob: Option<NaiveDate>,
    pub cccd: Option<String>,
    pub bhxh_code: Option<String>,
    pub household: Option<String>,
    pub scheme: String,
    pub months: u32,
    pub amount: i64,
    pub card_from: Option<NaiveDate>,
    pub card_to: Option<NaiveDate>,
    pub from_month: Option<String>,
    pub to_month: Option<String>,
    pub receipt_no: String,
}

impl Store {
    /// Every purchase of the pool dated in `from ..= to` and not reversed by `to`, by
    /// scheme, date and entry. Through `transactions_by_kind`: the period's purchases only.
    pub fn handover_lines(&self, pool_id: i64, from: NaiveDate, to: NaiveDate) -> Result<Vec<HandoverLine>> {
        let mut st = self.conn.prepare_cached(
            "SELECT t.voucher, t.date, p.code, p.full_name, p.date_of_birth, p.cccd, p.bhxh_code, h.code, c.scheme, \
             c.months, c.amount, c.card_from, c.card_to, c.from_month, c.to_month, t.receipt_no \
             FROM transactions t JOIN coverages c ON c.txn_id = t.id JOIN persons p ON p.id = c.person_id \
             LEFT JOIN households h ON h.id = p.household_id \
             WHERE t.pool_id = ?1 AND t.kind IN ('purchase_bhyt', 'purchase_bhxh') AND t.date >= ?2 AND t.date <= ?3 \
               AND NOT EXISTS (SELECT 1 FROM transactions rv WHERE rv.reverses_id = t.id AND rv.date <= ?3) \
             ORDER BY c.scheme DESC, t.date, t.id, c.id",
        )?;
        let rows = st.query_map(params![pool_id, from, to], |r| {
            Ok(HandoverLine {
                voucher: r.get(0)?,
                date: r.get(1)?,
                code: r.get(2)?,
                full_name: r.get(3)?,
                dob: r.get(4)?,
                cccd: r.get(5)?,
                bhxh_code: r.get(6)?,
                household: r.get(7)?,
                scheme: r.get(8)?,
                months: r.get(9)?,
                amount: r.get(10)?,
                card_from: r.get(11)?,
                card_to: r.get(12)?,
                from_month: r.get(13)?,
                to_month: r.get(14)?,
                receipt_no: r.get(15)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
