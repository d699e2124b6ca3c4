//! Rate parameters (docs/quy-dinh.md §2) and the pool's dues schedule, both effective-dated.

use crate::codes::RowExt;
use chrono::NaiveDate;
use rusqlite::params;

use super::Store;
use super::records::ChainPlace;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, Unique};
use hunvon_core::rules::rates::{RateRow, RateTable};

impl Store {
    /// Every rate row, by name then effective date.
    pub fn rate_rows(&self) -> Result<Vec<RateRow>> {
        super::file_chain::rate_rows(&self.conn)
    }

    /// The rates table, ready for the pricing rules.
    pub fn rate_table(&self) -> Result<RateTable> {
        Ok(RateTable::new(self.rate_rows()?))
    }

    /// Adds a rate row (old rows are never edited) with its record in the file's chain, in
    /// one transaction; returns the record's place and hash.
    pub fn add_rate(
        &mut self,
        name: &str,
        value: &str,
        from: NaiveDate,
        basis: &str,
        entered_at: &str,
    ) -> Result<ChainPlace> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO rates (name, value, effective_from, basis) VALUES (?1, ?2, ?3, ?4)",
            params![name, value, from, basis],
        )?;
        if n == 0 {
            return Err(Error::Duplicate { what: Unique::Rate, value: format!("{name} {from}") }.into());
        }
        let row = RateRow { name: name.into(), value: value.into(), effective_from: from, basis: basis.into() };
        let place = super::file_chain::append(
            crate::Conn(&tx),
            &super::file_chain::rate_record(&row, &super::stamp::inside(entered_at)),
        )?;
        tx.commit()?;
        Ok(place)
    }

    /// Sets the pool's monthly dues from a date, with its record in the pool's chain.
    pub fn set_dues(&mut self, pool_id: i64, amount: Dong, from: NaiveDate, entered_at: &str) -> Result<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let entered_at = &super::stamp::inside(entered_at);
        let n = tx.execute(
            "INSERT OR IGNORE INTO dues (pool_id, amount, effective_from) VALUES (?1, ?2, ?3)",
            params![pool_id, amount.0, from],
        )?;
        if n == 0 {
            return Err(
                Error::Duplicate { what: Unique::Dues, value: hunvon_core::domain::date::format_vn(from) }.into()
            );
        }
        super::records::record_dues(crate::Conn(&tx), pool_id, tx.last_insert_rowid(), entered_at)?;
        tx.commit()?;
        Ok(())
    }

    /// The dues schedule of the pool: (from, monthly amount), oldest first.
    pub fn dues(&self, pool_id: i64) -> Result<Vec<(NaiveDate, Dong)>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT effective_from, amount FROM dues WHERE pool_id = ?1 ORDER BY effective_from")?;
        let rows = st.query_map([pool_id], |r| Ok((r.get(0)?, r.code(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
