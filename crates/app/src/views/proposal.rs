//! Whom a BHYT purchase for a household proposes: everyone living in it without a card
//! that runs past the warning days, in ladder order (those already numbered this year
//! first, in their order, then the rest in the order they were entered); the state pays
//! the poor's cards, so they are left out.

use chrono::{Datelike, NaiveDate};

use hunvon_core::messages::error::Result;
use hunvon_core::rules::Category;

use super::super::App;
use super::Household;

/// The proposal, and who was left out and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Proposal {
    pub household: Option<Household>,
    pub codes: Vec<String>,
    /// (code, name, card end) of people whose card is still valid on the day.
    pub valid: Vec<(String, String, NaiveDate)>,
}

impl App {
    /// The BHYT purchase to propose for the household of the person `code`, paid on `on`.
    pub fn bhyt_proposal(&self, code: &str, on: NaiveDate) -> Result<Proposal> {
        let person = self.person(code)?;
        let Some(hid) = person.household_id else {
            return Ok(Proposal { household: None, codes: vec![person.fields.code], valid: Vec::new() });
        };
        let household = self.store.household_by_id(hid)?;
        let people = self.store.household_members(hid)?;
        let expiring = self.store.rate_table()?.integer("expiring_days", on).unwrap_or(30);
        let ladder = self.store.ladder(hid, on.year())?;
        let mut ordered: Vec<&hunvon_store::people::Person> = Vec::new();
        for (id, reversed) in &ladder {
            if !reversed
                && !ordered.iter().any(|p| p.id == *id)
                && let Some(p) = people.iter().find(|p| p.id == *id)
            {
                ordered.push(p);
            }
        }
        for p in &people {
            if !ordered.iter().any(|q| q.id == p.id) {
                ordered.push(p);
            }
        }
        let mut out = Proposal { household, ..Proposal::default() };
        for p in ordered {
            if Category::from_code(&p.category) == Some(Category::Poor) {
                continue;
            }
            let end = self
                .store
                .person_coverage(p.id, "bhyt")?
                .iter()
                .filter(|c| !c.is_void())
                .filter_map(|c| c.card_to)
                .max();
            if let Some(end) = end.filter(|e| *e >= on) {
                if (end - on).num_days() > expiring {
                    continue;
                }
                out.valid.push((p.code.clone(), p.full_name.clone(), end));
            }
            out.codes.push(p.code.clone());
        }
        Ok(out)
    }

    /// The card end of each listed person still valid on `on` (for the purchase's warning).
    pub fn valid_cards(&self, codes: &[String], on: NaiveDate) -> Result<Vec<(String, String, NaiveDate)>> {
        let mut out = Vec::new();
        for code in codes {
            let Ok(p) = self.person(code) else { continue };
            let end = self
                .store
                .person_coverage(p.id, "bhyt")?
                .iter()
                .filter(|c| !c.is_void())
                .filter_map(|c| c.card_to)
                .max();
            if let Some(end) = end.filter(|e| *e >= on) {
                out.push((p.fields.code, p.fields.full_name, end));
            }
        }
        Ok(out)
    }
}
