//! Cards from elsewhere (SPEC §10): cover the pool did not buy. Each is a `card` record of
//! the pool's chain and a row of `outside_cards`, written in one SQLite transaction; a
//! cancellation is another `card` record and a row of `outside_card_cancels`. The rows let
//! every count of "covered" find them without reading the chain.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Store;
use super::coverage::CoverageRecord;
use super::records::ChainPlace;
use crate::fault::Result;
use hunvon_core::ledger::CoverageFields;
use hunvon_core::ledger::record::{CardRecord, Record};
use hunvon_core::rules::year_month::YearMonth;

/// A card from elsewhere as the reports read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideCard {
    /// Its place in the pool's chain (`#pos` names it).
    pub pos: i64,
    pub person_id: i64,
    pub person_code: String,
    pub scheme: String,
    pub source: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub card_no: String,
    /// The place of the record that cancelled it, if any.
    pub cancelled_by: Option<i64>,
}

impl OutsideCard {
    /// The card as a coverage row, so every count of "covered" and the dating of a renewal
    /// take it like a card the pool bought: no voucher (`#pos` instead), no money, no ladder
    /// place; a BHXH card from elsewhere covers the months from its first to its last day.
    pub fn as_coverage(&self) -> CoverageRecord {
        let bhyt = self.scheme == "bhyt";
        let months = YearMonth::of(self.from).count_to(YearMonth::of(self.to));
        CoverageRecord {
            txn_id: 0,
            voucher: format!("#{}", self.pos),
            paid_on: self.from,
            voided_on: None,
            // Nothing paid and no ladder place: the pool bought none of it.
            fields: CoverageFields {
                person_id: self.person_id,
                scheme: self.scheme.clone(),
                months: u32::try_from(months).unwrap_or(0),
                card_from: bhyt.then_some(self.from),
                card_to: bhyt.then_some(self.to),
                from_month: (!bhyt).then(|| YearMonth::of(self.from).to_string()),
                to_month: (!bhyt).then(|| YearMonth::of(self.to).to_string()),
                ..CoverageFields::default()
            },
            source: Some(self.source.clone()),
        }
    }
}

const SELECT: &str = "SELECT o.chain_pos, o.person_id, p.code, o.scheme, o.source, o.card_from, o.card_to, o.card_no, \
     x.chain_pos FROM outside_cards o JOIN persons p ON p.id = o.person_id \
     LEFT JOIN outside_card_cancels x ON x.pool_id = o.pool_id AND x.card_pos = o.chain_pos";

fn card_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<OutsideCard> {
    Ok(OutsideCard {
        pos: r.get(0)?,
        person_id: r.get(1)?,
        person_code: r.get(2)?,
        scheme: r.get(3)?,
        source: r.get(4)?,
        from: r.get(5)?,
        to: r.get(6)?,
        card_no: r.get(7)?,
        cancelled_by: r.get(8)?,
    })
}

/// Whether this book has the tables (an older book opened read-only has not).
pub fn has_outside_cards(conn: crate::Conn<'_>) -> Result<bool> {
    let conn = conn.0;
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outside_cards')")?
        .query_row([], |r| r.get(0))?)
}

/// One person's cards from elsewhere of a scheme that stand (not cancelled), as coverage rows.
pub fn person_outside_cover(conn: crate::Conn<'_>, person_id: i64, scheme: &str) -> Result<Vec<CoverageRecord>> {
    let conn = conn.0;
    if !has_outside_cards(crate::Conn(conn))? {
        return Ok(Vec::new());
    }
    let sql = format!("{SELECT} WHERE o.person_id = ?1 AND o.scheme = ?2 AND x.chain_pos IS NULL ORDER BY o.chain_pos");
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![person_id, scheme], card_row)?;
    Ok(rows.map(|c| c.map(|c| c.as_coverage())).collect::<rusqlite::Result<_>>()?)
}

/// Writes a card's row at its chain place (a command, and `collect` copying a chapter's).
pub fn insert_card(conn: crate::Conn<'_>, pool_id: i64, pos: i64, person_id: i64, c: &CardRecord) -> Result<()> {
    let conn = conn.0;
    conn.prepare_cached(
        "INSERT INTO outside_cards (pool_id, chain_pos, person_id, scheme, source, card_from, card_to, card_no, \
         entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![pool_id, pos, person_id, c.scheme, c.source, c.from, c.to, c.card_no, c.entered_at])?;
    Ok(())
}

/// Writes a cancellation's row at its chain place.
pub fn insert_cancel(conn: crate::Conn<'_>, pool_id: i64, pos: i64, card_pos: i64, c: &CardRecord) -> Result<()> {
    let conn = conn.0;
    conn.prepare_cached(
        "INSERT INTO outside_card_cancels (pool_id, chain_pos, card_pos, reason, entered_at) \
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![pool_id, pos, card_pos, c.reason.clone().unwrap_or_default(), c.entered_at])?;
    Ok(())
}

impl Store {
    /// Records a card from elsewhere: its chain record and its row.
    pub fn record_card(&mut self, pool_id: i64, person_id: i64, record: &CardRecord) -> Result<ChainPlace> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let place = super::records::append(crate::Conn(&tx), pool_id, &Record::Card(record.clone()))?;
        match record.cancels {
            None => insert_card(crate::Conn(&tx), pool_id, place.pos, person_id, record)?,
            Some(card_pos) => insert_cancel(crate::Conn(&tx), pool_id, place.pos, card_pos, record)?,
        }
        tx.commit()?;
        Ok(place)
    }

    /// The card from elsewhere recorded at `pos` of the pool's chain, if one is there.
    pub fn outside_card(&self, pool_id: i64, pos: i64) -> Result<Option<OutsideCard>> {
        if !has_outside_cards(crate::Conn(&self.conn))? {
            return Ok(None);
        }
        let sql = format!("{SELECT} WHERE o.pool_id = ?1 AND o.chain_pos = ?2");
        Ok(self.conn.prepare_cached(&sql)?.query_row(params![pool_id, pos], card_row).optional()?)
    }

    /// Every card from elsewhere of the pool that stands (not cancelled), by person.
    pub fn outside_cards(&self, pool_id: i64) -> Result<Vec<OutsideCard>> {
        if !has_outside_cards(crate::Conn(&self.conn))? {
            return Ok(Vec::new());
        }
        let sql = format!("{SELECT} WHERE o.pool_id = ?1 AND x.chain_pos IS NULL ORDER BY o.person_id, o.chain_pos");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([pool_id], card_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The rows of both tables in record form (`pool` and the repeated fields of a
    /// cancellation left empty), by chain place: what `verify` compares with the chain.
    pub fn stored_cards(&self, pool_id: i64) -> Result<Vec<(i64, CardRecord)>> {
        if !has_outside_cards(crate::Conn(&self.conn))? {
            return Ok(Vec::new());
        }
        let mut out: Vec<(i64, CardRecord)> = Vec::new();
        let mut st = self.conn.prepare(
            "SELECT o.chain_pos, p.code, o.scheme, o.source, o.card_from, o.card_to, o.card_no, o.entered_at \
             FROM outside_cards o JOIN persons p ON p.id = o.person_id WHERE o.pool_id = ?1",
        )?;
        let rows = st.query_map([pool_id], |r| {
            Ok((
                r.get(0)?,
                CardRecord {
                    person: r.get(1)?,
                    scheme: r.get(2)?,
                    source: r.get(3)?,
                    from: r.get(4)?,
                    to: r.get(5)?,
                    card_no: r.get(6)?,
                    entered_at: r.get(7)?,
                    ..CardRecord::default()
                },
            ))
        })?;
        out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        let mut st = self
            .conn
            .prepare("SELECT chain_pos, card_pos, reason, entered_at FROM outside_card_cancels WHERE pool_id = ?1")?;
        let rows = st.query_map([pool_id], |r| {
            Ok((
                r.get(0)?,
                CardRecord {
                    cancels: Some(r.get(1)?),
                    reason: Some(r.get(2)?),
                    entered_at: r.get(3)?,
                    ..CardRecord::default()
                },
            ))
        })?;
        out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        out.sort_by_key(|(pos, _)| *pos);
        Ok(out)
    }
}
