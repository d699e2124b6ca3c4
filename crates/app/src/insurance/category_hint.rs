//! What a person's category means for her BHYT and BHXH, with the rates in force on a given
//! day (the person form's date), read from the rate table rather than written into the text:
//! a change of rates (NĐ 159/2025 raised the BHXH support from 01/07/2025) shows at once.

use crate::words;
use chrono::NaiveDate;

use hunvon_core::domain::date::format_vn;
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::rates::RateTable;

use crate::App;
use crate::views::settings::percent;

impl App {
    /// The hint of a category on `on`; `None` for a category this build does not know or a
    /// rate table that lacks one of its rates.
    pub fn category_hint(&self, category: &str, on: NaiveDate) -> Option<String> {
        let rates = self.store.rate_table().ok()?;
        hint(&rates, category, on, self.lang)
    }
}

fn hint(rates: &RateTable, category: &str, on: NaiveDate, lang: Lang) -> Option<String> {
    let rate = |name: &str| rates.text(name, on).ok().map(percent);
    let bhxh = |name: &str| rate(name).or_else(|| rate("bhxh_support_other"));
    let text = match (category, lang) {
        ("other", _) => {
            let ladder = rates.text("bhyt_ladder", on).ok()?.split(',').map(percent).collect::<Vec<_>>();
            let [a, b, c, d, e] = ladder.as_slice() else { return None };
            let support = bhxh("bhxh_support_other")?;
            words::bhyt_by_place_in_household(lang, a, b, c, d, e, support)
        }
        ("poor", _) => words::poor_hint(lang, bhxh("bhxh_support_poor")?),
        ("near_poor", _) => {
            words::near_poor_hint(lang, rate("bhyt_support_near_poor")?, bhxh("bhxh_support_near_poor")?)
        }
        ("ethnic_minority", _) => words::ethnic_minority_hint(lang, bhxh("bhxh_support_ethnic_minority")?),
        ("student", _) => words::student_hint(lang, rate("bhyt_support_student")?),
        ("agri_household", _) => words::agri_household_hint(lang, rate("bhyt_support_agri_household")?),
        _ => return None,
    };
    let when = words::rates_in_force_on(lang, format_vn(on));
    Some(format!("{text}{when}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_support_is_the_one_in_force_on_the_day() {
        let rates = hunvon_core::rules::rates::test_rates::domain_rates();
        let before = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let after = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let poor = |on| hint(&rates, "poor", on, Lang::Vi).unwrap();
        assert!(poor(before).contains("hỗ trợ 30 %"), "{}", poor(before));
        assert!(poor(after).contains("hỗ trợ 50 %"), "{}", poor(after));
        let other = hint(&rates, "other", after, Lang::Vi).unwrap();
        assert!(other.contains("thứ hai 70 %") && other.contains("hỗ trợ 20 %"), "{other}");
        assert!(hint(&rates, "ethnic_minority", before, Lang::Vi).unwrap().contains("hỗ trợ 10 %"));
    }
}
