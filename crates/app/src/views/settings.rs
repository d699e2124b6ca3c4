//! The settings screen's content: the pool, its dues, and the rule parameters with the
//! names and units a treasurer reads ("Lương cơ sở 2.340.000 đ", "Mức đóng BHYT 4,5 %").

use crate::words;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_core::messages::sentences::keyed;

use super::super::App;
pub use hunvon_store::letterhead::Letterhead;

/// One rate parameter as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLine {
    pub label: String,
    pub value: String,
    pub from: NaiveDate,
    /// The legal basis, when it is a reference a treasurer can look up (NĐ, QĐ, Luật).
    pub basis: String,
}

/// Everything the settings screen shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsView {
    pub pool_code: String,
    pub pool_name: String,
    pub book: String,
    pub dues: Vec<(NaiveDate, Dong)>,
    pub rates: Vec<RateLine>,
    /// What the papers print in their header and under the signatures.
    pub letterhead: Letterhead,
    /// The last day the books are closed to, if ever.
    pub closed_to: Option<NaiveDate>,
    /// The last cash count: its day and what was counted less the book's balance.
    pub last_count: Option<(NaiveDate, i64)>,
}

/// What a rate parameter is called and in which unit its value reads.
enum Unit {
    Money,
    Percent,
    Ladder,
    Days,
    Months,
    Times,
}

fn describe(name: &str, lang: Lang) -> (String, Unit) {
    let unit = match name {
        "base_salary" | "rural_poverty_line" => Unit::Money,
        "bhyt_rate"
        | "bhyt_support_near_poor"
        | "bhyt_support_student"
        | "bhyt_support_agri_household"
        | "bhxh_rate"
        | "bhxh_support_poor"
        | "bhxh_support_near_poor"
        | "bhxh_support_ethnic_minority"
        | "bhxh_support_other" => Unit::Percent,
        "bhyt_ladder" => Unit::Ladder,
        "bhyt_wait_days" | "expiring_days" => Unit::Days,
        "bhyt_gap_months" | "bhxh_support_max_months" => Unit::Months,
        // bhxh_income_max_multiple, and a parameter this build does not know.
        _ => Unit::Times,
    };
    let label = keyed(words::RATE_PARAMETERS, name, lang).unwrap_or_else(|| words::other_parameter(lang));
    (label.to_string(), unit)
}

/// The order the parameters are listed in: the base salary first, then BHYT, BHXH.
const ORDER: &[&str] = &[
    "base_salary",
    "bhyt_rate",
    "bhyt_ladder",
    "bhyt_support_near_poor",
    "bhyt_support_student",
    "bhyt_support_agri_household",
    "bhyt_wait_days",
    "bhyt_gap_months",
    "expiring_days",
    "rural_poverty_line",
    "bhxh_rate",
    "bhxh_income_max_multiple",
    "bhxh_support_poor",
    "bhxh_support_near_poor",
    "bhxh_support_ethnic_minority",
    "bhxh_support_other",
    "bhxh_support_max_months",
];

/// The legal reference of a rate (NĐ, QĐ, Luật, TT) without the notes kept with it.
fn basis(text: &str, lang: Lang) -> String {
    // A figure only announced (the 2026 base salary, rules_text::rate_basis) says so.
    if text.contains("chưa có nghị định") || text.contains("no decree confirmed") {
        return words::announced_no_decree_yet(lang).into();
    }
    if !["NĐ", "QĐ", "Luật", "TT"].iter().any(|p| text.starts_with(p)) {
        return String::new();
    }
    let head = text.split(" (").next().unwrap_or_default().trim();
    // The rate table writes an article as " art. "; Vietnamese reads it " điều ".
    head.replace(" art. ", words::article(lang))
}

/// `4,5 %` from `0.045`.
pub(crate) fn percent(value: &str) -> String {
    match Decimal::from_str(value.trim()) {
        Ok(d) => format!("{} %", (d * Decimal::from(100)).normalize().to_string().replace('.', ",")),
        Err(_) => value.to_string(),
    }
}

fn value_text(value: &str, unit: &Unit, lang: Lang) -> String {
    match unit {
        Unit::Money => value.trim().parse::<i64>().map(|n| Dong(n).to_string()).unwrap_or_else(|_| value.into()),
        Unit::Percent => percent(value),
        Unit::Ladder => value.split(',').map(percent).collect::<Vec<_>>().join(", "),
        Unit::Days => format!("{} {}", value.trim(), words::days(lang)),
        Unit::Months => format!("{} {}", value.trim(), words::months_lower(lang)),
        Unit::Times => words::times_the_base_salary(lang, value.trim()),
    }
}

impl App {
    /// The settings screen's content.
    pub fn settings_view(&self) -> Result<SettingsView> {
        let pool = self.pool()?.clone();
        let lang = self.lang;
        let mut rows = self.rates()?;
        rows.sort_by_key(|r| (ORDER.iter().position(|n| *n == r.name).unwrap_or(ORDER.len()), r.effective_from));
        let mut rates = Vec::new();
        for r in rows {
            let (label, unit) = describe(&r.name, lang);
            rates.push(RateLine {
                value: value_text(&r.value, &unit, lang),
                label,
                from: r.effective_from,
                basis: basis(&r.basis, lang),
            });
        }
        let last_count = self.store.counts(pool.id, None, None)?.last().map(|c| (c.date, c.counted - c.book_balance));
        Ok(SettingsView {
            book: self.store.path.display().to_string(),
            dues: self.store.dues(pool.id)?,
            rates,
            letterhead: self.store.letterhead(pool.id)?,
            closed_to: self.store.closed_to(pool.id)?,
            last_count,
            pool_code: pool.code,
            pool_name: pool.name,
        })
    }

    /// The chosen pool's letterhead (the Cài đặt form starts from it).
    pub fn letterhead(&self) -> Result<Letterhead> {
        self.store.letterhead(self.pool()?.id).map_err(Into::into)
    }

    /// The last day the chosen pool's books are closed to: forms refuse voucher dates
    /// on or before it as they are typed.
    pub fn closed_to(&self) -> Result<Option<NaiveDate>> {
        self.store.closed_to(self.pool()?.id).map_err(Into::into)
    }

    /// The cash book's balance at the end of `day`, as a count compares it.
    pub fn cash_on(&self, day: NaiveDate) -> Result<Dong> {
        self.store.account_balance_on(self.pool()?.id, &hunvon_core::ledger::Account::Cash, day).map_err(Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_a_treasurer_says_them() {
        assert_eq!(percent("0.045"), "4,5 %");
        assert_eq!(value_text("1,0.7,0.6", &Unit::Ladder, Lang::Vi), "100 %, 70 %, 60 %");
        assert_eq!(value_text("2340000", &Unit::Money, Lang::Vi), "2.340.000 đ");
        assert_eq!(describe("base_salary", Lang::Vi).0, "Lương cơ sở");
        assert_eq!(basis("NĐ 188/2025 (this article applies from 01/07/2025)", Lang::Vi), "NĐ 188/2025");
        assert_eq!(basis("Luật BHYT art. 13", Lang::Vi), "Luật BHYT điều 13");
        assert_eq!(basis("days before a first card", Lang::Vi), "");
    }
}
