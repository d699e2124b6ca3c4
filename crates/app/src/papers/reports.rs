//! The period a report covers (`--from`, `--to`, `--as-of`).

use chrono::NaiveDate;

use hunvon_core::messages::error::{Bound, Result};
use hunvon_core::messages::warning::Warning;

use crate::{App, ReportKind};

/// A period as asked: `--from`, `--to`, or `--as-of` (the same as `--to`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl App {
    /// Reads `--from/--to/--as-of` into a money report's period, ending today at the latest
    /// (a later end is cut silently here; the command line says so through
    /// [`App::report_period`]).
    pub fn period(&self, from: Option<&str>, to: Option<&str>, as_of: Option<&str>) -> Result<Period> {
        Ok(self.report_period(Some(ReportKind::Balances), from, to, as_of)?.0)
    }

    /// Reads the period of `report` (`None`: a report that is not known, refused once the
    /// period and format are read): `--from` after `--to` is refused naming both; a money
    /// report asked past today is cut to today with a warning; a coverage report asked for
    /// a day ahead is a forecast, said in a warning and on the report itself.
    pub fn report_period(
        &self,
        report: Option<ReportKind>,
        from: Option<&str>,
        to: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<(Period, Vec<Warning>)> {
        let today = self.clock.today;
        let from = hunvon_core::domain::input::optional(from, |s| hunvon_core::domain::input::date("--from", s))?;
        let (field, to) = match (to, as_of) {
            (Some(t), _) => (
                "--to",
                hunvon_core::domain::input::optional(Some(t), |s| hunvon_core::domain::input::date("--to", s))?,
            ),
            (None, Some(a)) => (
                "--as-of",
                hunvon_core::domain::input::optional(Some(a), |s| hunvon_core::domain::input::date("--as-of", s))?,
            ),
            (None, None) => ("--to", None),
        };
        let mut to = to.unwrap_or(today);
        if let Some(from) = from
            && from > to
        {
            return Err(Bound::PeriodReversed { from, to }.into());
        }
        let mut warnings = Vec::new();
        if to > today {
            if report.is_some_and(ReportKind::counts_money) {
                warnings.push(Warning::PeriodCut { field: field.into(), date: to, today });
                to = today;
                if let Some(from) = from
                    && from > to
                {
                    return Err(Bound::PeriodReversed { from, to }.into());
                }
            } else if report == Some(ReportKind::Coverage) {
                warnings.push(Warning::Forecast { date: to, today });
            }
        }
        Ok((Period { from, to: Some(to) }, warnings))
    }
}
