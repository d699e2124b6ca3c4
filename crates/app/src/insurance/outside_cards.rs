//! Cards from elsewhere (`hunvon card`, SPEC §10): cover the pool did not buy — a poor
//! household's state card, a pupil's card through school, an employee's compulsory BHXH.
//! No money moves; the card is a record of the pool's chain, counted as cover everywhere,
//! and cancelled (never edited) by a later record.

use chrono::{Months, NaiveDate};

use hunvon_core::domain::input;
use hunvon_core::ledger::record::CardRecord;
use hunvon_core::messages::error::{Error, Expected, MAX_OUTSIDE_CARD_MONTHS, OutreachError, Result};
use hunvon_store::outside_cards::OutsideCard;

use crate::App;

/// The sources a card from elsewhere may have.
pub const SOURCES: &[&str] = &["state", "employer", "school", "other"];

/// What `card` was given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardInput {
    pub person: String,
    pub from: Option<String>,
    pub to: String,
    pub source: String,
    pub scheme: Option<String>,
    pub card_no: Option<String>,
}

/// A card recorded or cancelled: its place, the card, and the person's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardWritten {
    pub reference: String,
    pub hash: String,
    pub record: CardRecord,
    pub full_name: String,
}

pub use hunvon_core::messages::card_source::{source_label, source_short};

/// The source's code in CSV (`pool` for a card the pool bought).
pub fn source_code(source: Option<&str>) -> &str {
    source.unwrap_or("pool")
}

impl App {
    /// Records a card from elsewhere for a person of the chosen pool.
    pub fn record_card(&mut self, given: &CardInput) -> Result<CardWritten> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let person = self.person(&given.person)?;
        let source = given.source.trim().to_ascii_lowercase();
        if !SOURCES.contains(&source.as_str()) {
            return Err(Error::BadValue {
                field: "--source".into(),
                value: given.source.clone(),
                expected: Expected::Format(SOURCES),
            });
        }
        let scheme = given.scheme.as_deref().unwrap_or("bhyt").trim().to_ascii_lowercase();
        if scheme != "bhyt" && scheme != "bhxh" {
            return Err(Error::BadValue {
                field: "--scheme".into(),
                value: given.scheme.clone().unwrap_or_default(),
                expected: Expected::Format(&["bhyt", "bhxh"]),
            });
        }
        let from = match &given.from {
            Some(f) => input::card_date("--from", f)?,
            None => self.clock.today,
        };
        let to = input::card_date("--to", &given.to)?;
        check_period(from, to)?;
        let card_no = input::optional(given.card_no.as_deref(), |s| input::note("--card-no", s))?.unwrap_or_default();
        let record = CardRecord {
            pool: pool.code.clone(),
            person: person.code.clone(),
            scheme,
            source,
            from: hunvon_core::domain::date::format_iso(from),
            to: hunvon_core::domain::date::format_iso(to),
            card_no,
            cancels: None,
            reason: None,
            entered_at: self.clock.now.clone(),
        };
        let place = self.store.record_card(pool.id, person.id, &record)?;
        Ok(CardWritten {
            reference: format!("#{}", place.pos),
            hash: place.hash,
            record,
            full_name: person.fields.full_name,
        })
    }

    /// Cancels a card from elsewhere entered by mistake (`card --cancel #57 --reason R`).
    pub fn cancel_card(&mut self, reference: &str, reason: &str) -> Result<CardWritten> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let not_a_card = || OutreachError::NotACard { reference: reference.to_string() };
        let pos: i64 = reference.trim().trim_start_matches('#').parse().map_err(|_| not_a_card())?;
        let card: OutsideCard = self.store.outside_card(pool.id, pos)?.ok_or_else(not_a_card)?;
        if let Some(by) = card.cancelled_by {
            return Err(OutreachError::AlreadyCancelled { reference: format!("#{pos}"), by: format!("#{by}") }.into());
        }
        let reason = input::note("--reason", reason)?;
        if reason.is_empty() {
            return Err(Error::Empty { field: "--reason".into() });
        }
        let record = CardRecord {
            pool: pool.code.clone(),
            person: card.person_code.clone(),
            scheme: card.scheme.clone(),
            source: card.source.clone(),
            from: hunvon_core::domain::date::format_iso(card.from),
            to: hunvon_core::domain::date::format_iso(card.to),
            card_no: card.card_no.clone(),
            cancels: Some(pos),
            reason: Some(reason),
            entered_at: self.clock.now.clone(),
        };
        let place = self.store.record_card(pool.id, card.person_id, &record)?;
        let full_name = self.person(&card.person_code).map(|p| p.fields.full_name).unwrap_or_default();
        Ok(CardWritten { reference: format!("#{}", place.pos), hash: place.hash, record, full_name })
    }

    /// The card from elsewhere of this person and scheme in force on `on`, if any (for the
    /// warning a purchase gives: the card she already has from elsewhere).
    pub fn outside_card_on(&self, person_id: i64, scheme: &str, on: NaiveDate) -> Result<Option<(String, NaiveDate)>> {
        let pool = self.pool()?;
        Ok(self
            .store
            .outside_cards(pool.id)?
            .into_iter()
            .filter(|c| c.person_id == person_id && c.scheme == scheme && c.from <= on && on <= c.to)
            .max_by_key(|c| c.to)
            .map(|c| (c.source, c.to)))
    }
}

/// A card ends after it starts and runs at most 72 months (a child's card until six).
fn check_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to <= from {
        return Err(OutreachError::CardBackwards { from, to }.into());
    }
    if from.checked_add_months(Months::new(MAX_OUTSIDE_CARD_MONTHS)).is_none_or(|last| to > last) {
        return Err(OutreachError::CardTooLong { from, to }.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_runs_forwards_and_at_most_six_years() {
        let d = |s: &str| input::date("d", s).unwrap();
        assert!(check_period(d("2026-01-01"), d("2031-12-31")).is_ok());
        assert!(check_period(d("2026-01-01"), d("2032-01-01")).is_ok());
        assert!(check_period(d("2026-01-01"), d("2032-01-02")).is_err());
        assert!(check_period(d("2026-01-01"), d("2026-01-01")).is_err());
    }
}
