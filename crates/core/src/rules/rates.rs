//! The rates table (docs/quy-dinh.md §2): each name has effective-dated rows; a computation for
//! day D uses the row with the latest `effective_from ≤ D`.

use std::collections::HashMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::error::RuleError;

/// One stored row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateRow {
    pub name: String,
    pub value: String,
    pub effective_from: NaiveDate,
    pub basis: String,
}

/// Every row, indexed by name, each name's rows by date.
#[derive(Clone, Debug, Default)]
pub struct RateTable {
    by_name: HashMap<String, Vec<RateRow>>,
}

impl RateTable {
    pub fn new(rows: Vec<RateRow>) -> RateTable {
        let mut by_name: HashMap<String, Vec<RateRow>> = HashMap::new();
        for r in rows {
            by_name.entry(r.name.clone()).or_default().push(r);
        }
        for rows in by_name.values_mut() {
            rows.sort_by_key(|r| r.effective_from);
        }
        RateTable { by_name }
    }

    /// The row in force for `name` on `on`, if any.
    pub fn row(&self, name: &str, on: NaiveDate) -> Option<&RateRow> {
        self.by_name.get(name)?.iter().rev().find(|r| r.effective_from <= on)
    }

    /// The value text in force, or an error naming the rate and the date.
    pub fn text(&self, name: &str, on: NaiveDate) -> Result<&str, RuleError> {
        self.row(name, on)
            .map(|r| r.value.as_str())
            .ok_or_else(|| RuleError::MissingRate { name: name.into(), date: on })
    }

    /// A decimal rate in force on `on`.
    pub fn decimal(&self, name: &str, on: NaiveDate) -> Result<Decimal, RuleError> {
        let v = self.text(name, on)?;
        Decimal::from_str(v.trim()).map_err(|_| RuleError::BadRateValue { name: name.into(), value: v.into() })
    }

    /// A decimal rate, or `None` when no row is in force (for fallbacks the rules name).
    pub fn decimal_opt(&self, name: &str, on: NaiveDate) -> Option<Result<Decimal, RuleError>> {
        self.row(name, on).map(|_| self.decimal(name, on))
    }

    /// A whole number (days, months).
    pub fn integer(&self, name: &str, on: NaiveDate) -> Result<i64, RuleError> {
        let d = self.decimal(name, on)?;
        if d.fract() != Decimal::ZERO {
            return Err(RuleError::BadRateValue { name: name.into(), value: d.to_string() });
        }
        i64::try_from(d).map_err(|_| RuleError::BadRateValue { name: name.into(), value: d.to_string() })
    }

    /// The household ladder `1,0.7,0.6,0.5,0.4` as shares.
    pub fn ladder(&self, on: NaiveDate) -> Result<Vec<Decimal>, RuleError> {
        let v = self.text("bhyt_ladder", on)?;
        let steps: Result<Vec<Decimal>, _> = v.split(',').map(|s| Decimal::from_str(s.trim())).collect();
        match steps {
            Ok(s) if !s.is_empty() => Ok(s),
            _ => Err(RuleError::BadRateValue { name: "bhyt_ladder".into(), value: v.into() }),
        }
    }
}

#[cfg(any(test, feature = "test-support"))]
pub mod test_rates {
    use super::*;

    /// Every row of docs/quy-dinh.md §2, exactly as the schema seeds them.
    pub fn domain_rates() -> RateTable {
        let sql = include_str!("../../../store/src/initial.sql");
        let mut rows = Vec::new();
        for line in sql.lines() {
            let l = line.trim();
            if !l.starts_with("('") {
                continue;
            }
            let cells: Vec<&str> = l.trim_start_matches('(').split("', '").collect();
            let name = cells[0].trim_start_matches('\'');
            rows.push(RateRow {
                name: name.into(),
                value: cells[1].into(),
                effective_from: NaiveDate::parse_from_str(cells[2], "%Y-%m-%d").unwrap(),
                basis: String::new(),
            });
        }
        assert_eq!(rows.len(), 29, "every row of docs/quy-dinh.md §2");
        RateTable::new(rows)
    }

    #[test]
    fn picks_the_row_in_force() {
        let r = domain_rates();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(r.integer("base_salary", d("2024-06-30")).unwrap(), 1_800_000);
        assert_eq!(r.integer("base_salary", d("2024-07-01")).unwrap(), 2_340_000);
        assert_eq!(r.integer("base_salary", d("2026-07-01")).unwrap(), 2_530_000);
        assert!(r.decimal_opt("bhxh_support_ethnic_minority", d("2025-06-30")).is_none());
        assert!(matches!(r.decimal("base_salary", d("2010-01-01")), Err(RuleError::MissingRate { .. })));
        assert_eq!(r.ladder(d("2025-01-01")).unwrap().len(), 5);
    }
}
