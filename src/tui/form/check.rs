//! A field's value checked as it is typed, with the same `input` functions as the command
//! line (a refusal names the field by its label): the note shown after it (the grouped
//! amount, the date in full) or the refusal under it.

use crate::tui::words;
use hunvon_app::App;
use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, OsProblem, Result};

use super::{Field, Kind};

impl Field {
    /// Checks the value as it stands, fills in its note and completions. `complete`
    /// asks for completions (only the focused field does).
    pub fn check(&mut self, app: &App, complete: bool) {
        let lang = app.lang;
        self.note = None;
        self.error = None;
        if !complete {
            self.completions.clear();
        }
        match self.check_value(app, complete) {
            // A date already written dd/mm/yyyy needs no second copy.
            Ok(note) if note.as_deref() == Some(self.value.trim()) => {}
            Ok(note) => self.note = note,
            Err(e) => self.error = Some(e.text(lang)),
        }
        if self.pick >= self.completions.len() {
            self.pick = 0;
        }
    }

    fn check_value(&mut self, app: &App, complete: bool) -> Result<Option<String>> {
        let (lang, today) = (app.lang, app.clock.today);
        let v = self.value.trim().to_string();
        let label = self.label.clone();
        if v.is_empty() {
            self.completions.clear();
            return Ok(match self.kind {
                Kind::Payer => Some(words::by_the_rules_see_below(lang).into()),
                _ => None,
            });
        }
        match self.kind {
            // Notes are checked as the command line checks them (hidden characters,
            // length) while they are typed.
            Kind::Text | Kind::Required => input::note(&label, &v).map(|_| None),
            Kind::Choice(_) => Ok(None),
            Kind::Name => input::name(&label, &v).map(|_| None),
            Kind::Code => input::code(&label, &v).map(|_| None),
            Kind::Money | Kind::OptMoney => input::amount(&label, &v).map(|d| Some(d.to_string())),
            Kind::SignedMoney => input::signed_amount(&label, &v).map(|d| Some(d.to_string())),
            Kind::Date => input::voucher_date(&label, &v, today).map(|d| Some(hunvon_core::domain::date::format_vn(d))),
            Kind::VoucherDate => {
                let d = input::voucher_date(&label, &v, today)?;
                match app.closed_to()? {
                    Some(closed_to) if d <= closed_to => {
                        Err(hunvon_core::messages::error::Bound::PeriodClosed { date: d, closed_to }.into())
                    }
                    _ => Ok(Some(hunvon_core::domain::date::format_vn(d))),
                }
            }
            Kind::Pieces(denomination) => match v.parse::<i64>() {
                Ok(n) if (0..=1_000_000).contains(&n) => Ok(Some(format!("= {}", Dong(denomination * n)))),
                _ => Err(Error::BadValue {
                    field: label,
                    value: v,
                    expected: hunvon_core::messages::error::Expected::Format(&["0, 1, 2, …"]),
                }),
            },
            Kind::BirthDate => {
                input::birth_date(&label, &v, today).map(|d| Some(hunvon_core::domain::date::format_vn(d)))
            }
            Kind::OptDate => {
                input::voucher_date(&label, &v, today).map(|d| Some(hunvon_core::domain::date::format_vn(d)))
            }
            Kind::AnyDate => input::date(&label, &v).map(|d| Some(hunvon_core::domain::date::format_vn(d))),
            Kind::Months(allowed) => input::months(&label, &v, allowed).map(|_| None),
            Kind::Cccd => input::cccd(&label, &v).map(|_| None),
            Kind::BhxhCode => input::bhxh_code(&label, &v).map(|_| None),
            Kind::Phone => input::phone(&label, &v).map(|_| None),
            Kind::Month => parse_month(&label, &v).map(|m| Some(hunvon_app::views::month_text(m))),
            Kind::Folder => {
                if std::path::Path::new(&v).is_dir() {
                    Ok(None)
                } else {
                    Err(Error::Os { path: v, problem: OsProblem::NotFound })
                }
            }
            Kind::Person | Kind::OptPerson => self.check_person(app, &v, complete),
            Kind::Payer if is_common_fund(&v) => {
                self.completions.clear();
                Ok(Some(words::the_common_fund_pays(lang).into()))
            }
            Kind::Payer => self.check_person(app, &v, complete),
            Kind::Household => self.check_household(app, &v, complete),
        }
    }
}

/// "quỹ chung", "qc", "common" or "fund:common".
pub fn is_common_fund(v: &str) -> bool {
    let f = hunvon_core::domain::text::fold(v.trim());
    matches!(f.as_str(), "quy chung" | "qc" | "common" | "fund:common" | "quy")
}

/// A month written `11/2026` or `2026-11`.
pub fn parse_month(label: &str, v: &str) -> Result<hunvon_app::views::YearMonth> {
    let iso = match v.split_once('/') {
        Some((m, y)) if m.len() <= 2 && y.len() == 4 => format!("{y}-{m:0>2}"),
        _ => v.to_string(),
    };
    input::year_month(label, &iso)
}
