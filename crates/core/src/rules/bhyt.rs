//! BHYT hộ gia đình (docs/quy-dinh.md §3): price by household ladder or state support, card
//! dates, and status as of a day.

use chrono::{Duration, Months, NaiveDate};
use rust_decimal::Decimal;

use super::category::Category;
use super::error::RuleError;
use super::rates::RateTable;
use crate::domain::money::Dong;

/// Whether the category takes a place on the household ladder. Households the state
/// subsidises get no ladder reduction and take no position; the poor are not sold one.
pub fn takes_ladder(c: Category) -> bool {
    matches!(c, Category::Other | Category::EthnicMinority)
}

/// The price of one person's card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BhytPrice {
    /// The share of the full 4,5 % the person pays (ladder step or 1 − support).
    pub share: Decimal,
    pub monthly_exact: Decimal,
    /// The monthly figure rounded for display.
    pub monthly: Dong,
    /// Rounded once from the exact monthly figure × months.
    pub amount: Dong,
    pub rates_used: Vec<(String, String)>,
}

/// Prices one person's card paid on `paid_on` for `months` (3, 6 or 12).
pub fn bhyt_quote(
    rates: &RateTable,
    category: Category,
    position: Option<u32>,
    months: u32,
    paid_on: NaiveDate,
) -> Result<BhytPrice, RuleError> {
    if ![3, 6, 12].contains(&months) {
        return Err(RuleError::BhytMonths(months));
    }
    let base = rates.decimal("base_salary", paid_on)?;
    let rate = rates.decimal("bhyt_rate", paid_on)?;
    let mut used = vec![("base_salary".to_string(), base.to_string()), ("bhyt_rate".to_string(), rate.to_string())];
    let share = match category {
        Category::Poor => return Err(RuleError::PoorStatePays),
        Category::Other | Category::EthnicMinority => {
            let ladder = rates.ladder(paid_on)?;
            let n = position.filter(|p| *p >= 1).ok_or(RuleError::NoLadderPosition)?;
            let step = usize::try_from(n - 1).unwrap_or(usize::MAX).min(ladder.len() - 1);
            used.push(("bhyt_ladder".to_string(), rates.text("bhyt_ladder", paid_on)?.to_string()));
            ladder[step]
        }
        Category::NearPoor | Category::Student | Category::AgriHousehold => {
            let name = format!("bhyt_support_{}", category.code());
            let support = rates.decimal(&name, paid_on)?;
            used.push((name, support.to_string()));
            Decimal::ONE - support
        }
    };
    let monthly_exact = base * rate * share;
    let amount = Dong::round(monthly_exact * Decimal::from(months))
        .ok_or_else(|| RuleError::BadRateValue { name: "base_salary".into(), value: base.to_string() })?;
    let monthly = Dong::round(monthly_exact).unwrap_or_default();
    Ok(BhytPrice { share, monthly_exact, monthly, amount, rates_used: used })
}

/// A BHYT ladder entry of a household's year: one person's purchase, in order of entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LadderEntry {
    pub person: i64,
    pub reversed: bool,
}

/// Ladder positions for `persons` (in the order listed) given the household's earlier
/// purchases this calendar year. Persons are numbered by their first non-reversed
/// purchase; a listed person already numbered keeps her place (a renewal); newcomers
/// follow all existing places in the order listed. A reversed purchase drops out of the
/// numbering, so whoever stood behind it moves up at her next purchase.
pub fn ladder_positions(prior: &[LadderEntry], persons: &[i64]) -> Vec<u32> {
    let mut order: Vec<i64> = Vec::new();
    for e in prior.iter().filter(|e| !e.reversed) {
        if !order.contains(&e.person) {
            order.push(e.person);
        }
    }
    persons
        .iter()
        .map(|p| {
            let at = match order.iter().position(|q| q == p) {
                Some(i) => i,
                None => {
                    order.push(*p);
                    order.len() - 1
                }
            };
            u32::try_from(at + 1).unwrap_or(u32::MAX)
        })
        .collect()
}

/// The day `months` calendar months after `d`, clamped to the month's end (chrono).
fn add_months(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months)).unwrap_or(d)
}

/// The card's dates (docs/quy-dinh.md §3, chosen): renewed before expiry → from the day after
/// the old end; paid within `gap_months` after the old end → from the payment date;
/// first card or a longer gap → after `wait_days`. Ends the day before start + months.
pub fn bhyt_card_dates(
    prev_end: Option<NaiveDate>,
    paid_on: NaiveDate,
    months: u32,
    wait_days: i64,
    gap_months: u32,
) -> (NaiveDate, NaiveDate) {
    let start = match prev_end {
        Some(end) if paid_on <= end => end + Duration::days(1),
        Some(end) if paid_on < add_months(end, gap_months) => paid_on,
        _ => paid_on + Duration::days(wait_days),
    };
    let end = add_months(start, months) - Duration::days(1);
    (start, end)
}

/// BHYT status of a person as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BhytStatus {
    Covered,
    Expiring,
    Waiting,
    Lapsed,
    None,
}

impl BhytStatus {
    pub fn code(self) -> &'static str {
        match self {
            BhytStatus::Covered => "covered",
            BhytStatus::Expiring => "expiring",
            BhytStatus::Waiting => "waiting",
            BhytStatus::Lapsed => "lapsed",
            BhytStatus::None => "none",
        }
    }
}

/// Status as of `as_of` from the cards that count that day (the caller filters out cards
/// not yet paid or already voided). Cards that follow each other without a gap count as
/// one cover, so a person whose renewal is paid is `Covered`, not `Expiring`.
pub fn bhyt_status(cards: &[(NaiveDate, NaiveDate)], as_of: NaiveDate, expiring_days: i64) -> BhytStatus {
    if cards.is_empty() {
        return BhytStatus::None;
    }
    let covering = cards.iter().any(|(f, t)| *f <= as_of && as_of <= *t);
    if covering {
        // Follow the chain of cards from today to the end of the continuous cover.
        let mut end = as_of;
        loop {
            let next = cards.iter().filter(|(f, t)| *f <= end + Duration::days(1) && *t > end).map(|(_, t)| *t).max();
            match next {
                Some(t) => end = t,
                None => break,
            }
        }
        return if (end - as_of).num_days() <= expiring_days { BhytStatus::Expiring } else { BhytStatus::Covered };
    }
    if cards.iter().any(|(f, _)| *f > as_of) { BhytStatus::Waiting } else { BhytStatus::Lapsed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::rates::test_rates::domain_rates;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date(s).unwrap()
    }

    fn price(cat: Category, position: Option<u32>, months: u32, on: &str) -> i64 {
        bhyt_quote(&domain_rates(), cat, position, months, d(on)).unwrap().amount.0
    }

    /// docs/quy-dinh.md §3, the worked table at base 2.340.000 đ.
    #[test]
    fn ladder_steps_by_months() {
        let table: [(u32, i64, [i64; 3]); 6] = [
            (1, 105_300, [315_900, 631_800, 1_263_600]),
            (2, 73_710, [221_130, 442_260, 884_520]),
            (3, 63_180, [189_540, 379_080, 758_160]),
            (4, 52_650, [157_950, 315_900, 631_800]),
            (5, 42_120, [126_360, 252_720, 505_440]),
            (6, 42_120, [126_360, 252_720, 505_440]),
        ];
        for (position, monthly, by_months) in table {
            let p = bhyt_quote(&domain_rates(), Category::Other, Some(position), 12, d("2025-03-01")).unwrap();
            assert_eq!(p.monthly.0, monthly, "position {position}");
            for (months, expected) in [3, 6, 12].into_iter().zip(by_months) {
                assert_eq!(
                    price(Category::Other, Some(position), months, "2025-03-01"),
                    expected,
                    "{position} × {months}"
                );
                assert_eq!(price(Category::EthnicMinority, Some(position), months, "2025-03-01"), expected);
            }
        }
    }

    #[test]
    fn household_totals() {
        let twelve = [1_263_600, 2_148_120, 2_906_280, 3_538_080, 4_043_520, 4_548_960];
        let three = [315_900, 537_030, 726_570, 884_520, 1_010_880, 1_137_240];
        for n in 1..=6u32 {
            let total = |months| (1..=n).map(|p| price(Category::Other, Some(p), months, "2025-03-01")).sum::<i64>();
            assert_eq!(total(12), twelve[n as usize - 1], "household of {n}, 12 months");
            assert_eq!(total(3), three[n as usize - 1], "household of {n}, 3 months");
        }
    }

    #[test]
    fn supported_categories_take_no_ladder() {
        assert_eq!(price(Category::NearPoor, None, 12, "2025-03-01"), 379_080);
        assert_eq!(price(Category::Student, None, 12, "2025-07-01"), 631_800);
        assert_eq!(price(Category::Student, None, 12, "2025-06-30"), 884_520, "30 % support before 01/07/2025");
        assert_eq!(price(Category::AgriHousehold, None, 12, "2025-03-01"), 884_520);
        assert!(!takes_ladder(Category::NearPoor) && takes_ladder(Category::EthnicMinority));
        assert_eq!(
            bhyt_quote(&domain_rates(), Category::Poor, None, 12, d("2025-03-01")),
            Err(RuleError::PoorStatePays)
        );
        assert_eq!(
            bhyt_quote(&domain_rates(), Category::Other, Some(1), 5, d("2025-03-01")),
            Err(RuleError::BhytMonths(5))
        );
    }

    #[test]
    fn other_bases() {
        assert_eq!(price(Category::Other, Some(1), 12, "2020-01-10"), 804_600, "base 1.490.000");
        assert_eq!(price(Category::Other, Some(1), 12, "2024-01-10"), 972_000, "base 1.800.000");
        let monthly: Vec<i64> = (1..=5)
            .map(|p| bhyt_quote(&domain_rates(), Category::Other, Some(p), 12, d("2026-07-01")).unwrap().monthly.0)
            .collect();
        assert_eq!(monthly, vec![113_850, 79_695, 68_310, 56_925, 45_540]);
        assert_eq!(price(Category::Other, Some(1), 12, "2026-07-01"), 1_366_200);
    }

    /// A purchase spanning a base-salary change is priced at the payment date's base.
    #[test]
    fn price_fixed_at_payment_date() {
        assert_eq!(price(Category::Other, Some(1), 12, "2024-06-30"), 972_000);
        assert_eq!(price(Category::Other, Some(1), 12, "2024-07-01"), 1_263_600);
    }

    #[test]
    fn card_dates() {
        let dates = |prev: Option<&str>, paid: &str, months| {
            let (f, t) = bhyt_card_dates(prev.map(d), d(paid), months, 30, 3);
            (crate::domain::date::format_iso(f), crate::domain::date::format_iso(t))
        };
        assert_eq!(dates(None, "2026-01-10", 12), ("2026-02-09".into(), "2027-02-08".into()), "first: wait 30 days");
        assert_eq!(dates(Some("2026-03-31"), "2026-03-20", 12), ("2026-04-01".into(), "2027-03-31".into()), "renewal");
        assert_eq!(
            dates(Some("2026-03-31"), "2026-05-15", 6),
            ("2026-05-15".into(), "2026-11-14".into()),
            "within 3 months"
        );
        assert_eq!(
            dates(Some("2026-03-31"), "2026-07-01", 3),
            ("2026-07-31".into(), "2026-10-30".into()),
            "gap ≥ 3 months"
        );
        assert_eq!(
            dates(Some("2026-03-31"), "2026-06-29", 3),
            ("2026-06-29".into(), "2026-09-28".into()),
            "just under 3 months"
        );
        assert_eq!(
            dates(Some("2026-03-31"), "2026-06-30", 3),
            ("2026-07-30".into(), "2026-10-29".into()),
            "3 months: wait again"
        );
        // Month ends, clamped like chrono: from the renewal rule so the start is exact.
        assert_eq!(dates(Some("2026-01-14"), "2026-01-01", 12), ("2026-01-15".into(), "2027-01-14".into()));
        assert_eq!(dates(Some("2025-02-28"), "2025-02-01", 12), ("2025-03-01".into(), "2026-02-28".into()));
        assert_eq!(dates(Some("2024-03-30"), "2024-03-01", 3), ("2024-03-31".into(), "2024-06-29".into()));
    }

    #[test]
    fn statuses() {
        let card = [(d("2026-01-15"), d("2026-04-14"))];
        assert_eq!(bhyt_status(&[], d("2026-02-01"), 30), BhytStatus::None);
        assert_eq!(bhyt_status(&card, d("2026-01-14"), 30), BhytStatus::Waiting);
        assert_eq!(bhyt_status(&card, d("2026-03-14"), 30), BhytStatus::Covered, "31 days left");
        assert_eq!(bhyt_status(&card, d("2026-03-15"), 30), BhytStatus::Expiring, "exactly 30 days left");
        assert_eq!(bhyt_status(&card, d("2026-04-14"), 30), BhytStatus::Expiring);
        assert_eq!(bhyt_status(&card, d("2026-04-15"), 30), BhytStatus::Lapsed);
        let renewed = [card[0], (d("2026-04-15"), d("2027-04-14"))];
        assert_eq!(bhyt_status(&renewed, d("2026-04-01"), 30), BhytStatus::Covered, "renewal already paid");
        let later = [card[0], (d("2026-06-01"), d("2026-08-31"))];
        assert_eq!(bhyt_status(&later, d("2026-05-01"), 30), BhytStatus::Waiting);
    }

    #[test]
    fn ladder_positions_follow_the_chosen_rule() {
        let e = |person, reversed| LadderEntry { person, reversed };
        assert_eq!(ladder_positions(&[], &[1, 2, 3, 4, 5, 6]), vec![1, 2, 3, 4, 5, 6], "six in one purchase");
        assert_eq!(ladder_positions(&[e(1, false)], &[2]), vec![2], "one at a time");
        assert_eq!(ladder_positions(&[e(1, false), e(2, false)], &[3]), vec![3]);
        assert_eq!(ladder_positions(&[e(1, false), e(2, false)], &[1]), vec![1], "renewal keeps its place");
        assert_eq!(ladder_positions(&[e(1, false), e(2, false), e(2, false)], &[2]), vec![2]);
        // 2 reversed: 3 moves up at her next purchase, a newcomer takes the end.
        let prior = [e(1, false), e(2, true), e(3, false)];
        assert_eq!(ladder_positions(&prior, &[3]), vec![2]);
        assert_eq!(ladder_positions(&prior, &[4]), vec![3]);
        assert_eq!(ladder_positions(&prior, &[2]), vec![3], "the reversed person comes back at the end");
    }

    proptest! {
        #[test]
        fn amount_is_rounded_once_and_never_negative(position in 1u32..9, m in 0usize..3, days in 0i64..4000) {
            let months = [3, 6, 12][m];
            let on = d("2016-06-01") + Duration::days(days);
            let p = bhyt_quote(&domain_rates(), Category::Other, Some(position), months, on).unwrap();
            prop_assert_eq!(Some(p.amount), Dong::round(p.monthly_exact * Decimal::from(months)));
            prop_assert!(p.amount.0 > 0);
        }
    }
}
