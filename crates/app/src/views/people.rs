//! Pages of people and households, and the completions a form offers as a code or a
//! name is typed.

use hunvon_core::messages::error::Result;

use super::super::App;
use super::{Dir, HouseholdLine, PersonLine, Search};

impl App {
    /// Up to `limit` people matching `search`, by code, after or before `anchor`.
    pub fn people_page(
        &self,
        search: &Search,
        anchor: Option<&str>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<PersonLine>> {
        self.store.people_page(self.pool()?.id, search, anchor, dir, limit).map_err(Into::into)
    }

    /// How many people match `search`.
    pub fn people_count(&self, search: &Search) -> Result<i64> {
        self.store.people_count(self.pool()?.id, search).map_err(Into::into)
    }

    /// How many people match `search` with a code after `code` (the rest of a list
    /// whose first page ends there).
    pub fn people_count_after(&self, search: &Search, code: &str) -> Result<i64> {
        self.store.people_count_after(self.pool()?.id, search, code).map_err(Into::into)
    }

    /// One person's list line (her balance now), if the code exists.
    pub fn person_line(&self, code: &str) -> Result<Option<PersonLine>> {
        let Some(code) = hunvon_core::domain::text::parse_code(code) else { return Ok(None) };
        self.store.person_line(self.pool()?.id, &code).map_err(Into::into)
    }

    /// Up to `limit` households matching `search`, by code.
    pub fn households_page(
        &self,
        search: &Search,
        anchor: Option<&str>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<HouseholdLine>> {
        self.store.households_page(self.pool()?.id, search, anchor, dir, limit).map_err(Into::into)
    }

    /// How many households match `search`.
    pub fn households_count(&self, search: &Search) -> Result<i64> {
        self.store.households_count(self.pool()?.id, search).map_err(Into::into)
    }

    /// A household's line, if the code exists.
    pub fn household_line(&self, code: &str) -> Result<Option<HouseholdLine>> {
        let Some(code) = hunvon_core::domain::text::parse_code(code) else { return Ok(None) };
        let lines = self.store.households_page(self.pool()?.id, &Search::new(&code), None, Dir::Forward, 5)?;
        Ok(lines.into_iter().find(|h| h.code == code))
    }

    /// People whose name (without accents), code or number matches what is typed, the
    /// best match first (the code exactly, a word starting with it, then inside a word;
    /// members before relatives): the completion list of a person field.
    pub fn complete_person(&self, typed: &str, limit: usize) -> Result<Vec<PersonLine>> {
        if typed.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.store.people_ranked(self.pool()?.id, &Search::new(typed), limit).map_err(Into::into)
    }

    /// The next free person code (an add form offers it): "TV0031" after "TV0030".
    pub fn next_person_code(&self) -> Result<String> {
        self.store.next_code(self.pool()?.id, hunvon_store::next_code::Coded::Person).map_err(Into::into)
    }

    /// The next free household code: "H13" after "H12".
    pub fn next_household_code(&self) -> Result<String> {
        self.store.next_code(self.pool()?.id, hunvon_store::next_code::Coded::Household).map_err(Into::into)
    }

    /// Households matching what is typed: the completion list of a household field.
    pub fn complete_household(&self, typed: &str, limit: usize) -> Result<Vec<HouseholdLine>> {
        if typed.trim().is_empty() {
            return Ok(Vec::new());
        }
        self.households_page(&Search::new(typed), None, Dir::Forward, limit)
    }
}
