//! Rates (effective-dated rule parameters) and the pool's dues.

use std::str::FromStr;

use rust_decimal::Decimal;

use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_core::messages::warning::Warning;
use hunvon_core::rules::rates::RateRow;

use super::App;

impl App {
    /// Every rate row, by name then date.
    pub fn rates(&self) -> Result<Vec<RateRow>> {
        let mut rows = self.store.rate_rows()?;
        for r in &mut rows {
            r.basis = hunvon_core::messages::rules_text::rate_basis(&r.name, &r.basis, self.lang);
        }
        Ok(rows)
    }

    /// Adds a rate row from a date (`rates set NAME VALUE --from D`), recorded in the
    /// file's chain. The name must be one the rules know; the value a decimal (or, for the
    /// ladder, a comma list of them). A value far from the one it replaces is written with
    /// a warning.
    pub fn set_rate(&mut self, name: &str, value: &str, from: &str) -> Result<Vec<Warning>> {
        self.store.ensure_writable()?;
        let name = name.trim();
        let rows = self.store.rate_rows()?;
        let known = rows.iter().any(|r| r.name == name) || name == "bhxh_support_ethnic_minority";
        if !known {
            return Err(Error::BadValue { field: "NAME".into(), value: name.into(), expected: Expected::RateName });
        }
        let value = value.trim();
        let parts: Vec<&str> = if name == "bhyt_ladder" { value.split(',').collect() } else { vec![value] };
        let ok = parts.iter().all(|p| Decimal::from_str(p.trim()).is_ok_and(|d| d >= Decimal::ZERO));
        if !ok {
            return Err(Error::BadValue { field: "VALUE".into(), value: value.into(), expected: Expected::Rate });
        }
        let from = input::date("--from", from)?;
        let basis = format!("hunvon rates set ({})", self.user());
        let before = hunvon_core::rules::rates::RateTable::new(rows).row(name, from).map(|r| r.value.clone());
        let mut warnings = Vec::new();
        if !hunvon_core::rules::plausible::plausible(name, value, before.as_deref()) {
            warnings.push(Warning::RateImplausible { name: name.into(), value: value.into(), before, from });
        }
        self.store.add_rate(name, value, from, &basis, &self.clock.now)?;
        Ok(warnings)
    }

    /// Sets the monthly dues per member from a date; `0` means no fixed dues.
    pub fn set_dues(&mut self, amount: &str, from: &str) -> Result<()> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let amount = if amount.trim() == "0" { Dong(0) } else { input::amount("--amount", amount)? };
        let from = input::date("--from", from)?;
        let now = self.clock.now.clone();
        self.store.set_dues(pool_id, amount, from, &now).map_err(Into::into)
    }
}
