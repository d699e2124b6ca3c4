//! A calendar month, `YYYY-MM`: BHXH is paid by the month.

use std::fmt;

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// `2026-03`; anything else (or month 13) is `None`.
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 || !y.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let ym = YearMonth { year: y.parse().ok()?, month: m.parse().ok()? };
        (1..=12).contains(&ym.month).then_some(ym)
    }

    /// The month a day falls in.
    pub fn of(d: NaiveDate) -> YearMonth {
        YearMonth { year: d.year(), month: d.month() }
    }

    /// Months since year 0, for counting.
    fn index(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }

    fn from_index(i: i64) -> YearMonth {
        YearMonth {
            year: i32::try_from(i.div_euclid(12)).unwrap_or(0),
            month: u32::try_from(i.rem_euclid(12)).unwrap_or(0) + 1,
        }
    }

    /// `n` months later (earlier when negative).
    pub fn plus(self, n: i64) -> YearMonth {
        YearMonth::from_index(self.index() + n)
    }

    /// The month's first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    pub fn next(self) -> YearMonth {
        self.plus(1)
    }

    /// How many months from `self` to `other` inclusive (0 when `other` is before).
    pub fn count_to(self, other: YearMonth) -> i64 {
        (other.index() - self.index() + 1).max(0)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_count_across_years() {
        let m = YearMonth::parse("2025-11").unwrap();
        assert_eq!(m.plus(3).to_string(), "2026-02");
        assert_eq!(m.plus(-11).to_string(), "2024-12");
        assert_eq!(m.count_to(YearMonth::parse("2026-02").unwrap()), 4);
        assert_eq!(YearMonth::parse("2025-13"), None);
        assert_eq!(YearMonth::parse("2025-1"), None);
    }
}
