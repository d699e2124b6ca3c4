//! BHXH tự nguyện (docs/quy-dinh.md §4): monthly price with state support, the months a
//! purchase covers, and status as of a day.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::category::Category;
use super::error::RuleError;
use super::rates::RateTable;
use super::year_month::YearMonth;
use crate::domain::money::Dong;

/// Month counts the rules price; a longer lump sum comes from the agency's receipt.
pub fn bhxh_months_allowed(m: u32) -> bool {
    [1, 3, 6, 12].contains(&m)
}

/// The price of a BHXH purchase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BhxhPrice {
    /// The first month's figure, rounded for display.
    pub monthly: Dong,
    /// Σ of the exact monthly figures, rounded once.
    pub amount: Dong,
    /// Months of this purchase that carry state support.
    pub supported_months: u32,
    pub gross_monthly: Dong,
    pub income_min: Dong,
    pub income_max: Dong,
    pub rates_used: Vec<(String, String)>,
}

/// The support rate for a category on a day: poor, near-poor and ethnic minority have
/// their own rows; everyone else (and ethnic minority before its row exists) uses
/// `bhxh_support_other`.
fn support_rate(rates: &RateTable, category: Category, on: NaiveDate) -> Result<(String, Decimal), RuleError> {
    let own = match category {
        Category::Poor => Some("bhxh_support_poor"),
        Category::NearPoor => Some("bhxh_support_near_poor"),
        Category::EthnicMinority => Some("bhxh_support_ethnic_minority"),
        _ => None,
    };
    if let Some(name) = own
        && let Some(rate) = rates.decimal_opt(name, on)
    {
        return Ok((name.to_string(), rate?));
    }
    Ok(("bhxh_support_other".to_string(), rates.decimal("bhxh_support_other", on)?))
}

/// Prices `months` of BHXH at monthly income `income`, paid on `paid_on`, for a person who
/// has already had `supported_before` supported months.
pub fn bhxh_quote(
    rates: &RateTable,
    category: Category,
    income: Dong,
    months: u32,
    paid_on: NaiveDate,
    supported_before: u32,
) -> Result<BhxhPrice, RuleError> {
    if !bhxh_months_allowed(months) {
        return Err(RuleError::BhxhMonths(months));
    }
    let poverty = rates.decimal("rural_poverty_line", paid_on)?;
    let base = rates.decimal("base_salary", paid_on)?;
    let multiple = rates.decimal("bhxh_income_max_multiple", paid_on)?;
    let rate = rates.decimal("bhxh_rate", paid_on)?;
    let cap = u32::try_from(rates.integer("bhxh_support_max_months", paid_on)?).unwrap_or(0);
    let min = Dong::round(poverty).unwrap_or_default();
    let max = Dong::round(base * multiple).unwrap_or_default();
    if income < min || income > max {
        return Err(RuleError::IncomeOutOfRange { income, min, max });
    }
    let (support_name, support) = support_rate(rates, category, paid_on)?;
    let gross = rate * income.to_decimal();
    let support_amount = support * rate * poverty;
    let mut total = Decimal::ZERO;
    let mut supported = 0u32;
    let mut first = None;
    for k in 0..months {
        let month = if supported_before + k < cap {
            supported += 1;
            gross - support_amount
        } else {
            gross
        };
        first.get_or_insert(month);
        total += month;
    }
    let rates_used = vec![
        ("bhxh_rate".to_string(), rate.to_string()),
        ("rural_poverty_line".to_string(), poverty.to_string()),
        ("base_salary".to_string(), base.to_string()),
        ("bhxh_income_max_multiple".to_string(), multiple.to_string()),
        (support_name, support.to_string()),
        ("bhxh_support_max_months".to_string(), cap.to_string()),
    ];
    Ok(BhxhPrice {
        monthly: Dong::round(first.unwrap_or_default()).unwrap_or_default(),
        amount: Dong::round(total).unwrap_or_default(),
        supported_months: supported,
        gross_monthly: Dong::round(gross).unwrap_or_default(),
        income_min: min,
        income_max: max,
        rates_used,
    })
}

/// The months a purchase covers: from `from_month` if given (refused when it overlaps a
/// paid month, naming them), else the month after the latest paid month, or the payment
/// month for a first purchase.
pub fn bhxh_months(
    paid: &[(YearMonth, YearMonth)],
    from_month: Option<YearMonth>,
    paid_on: NaiveDate,
    months: u32,
) -> Result<(YearMonth, YearMonth), RuleError> {
    let start = match from_month {
        Some(m) => m,
        None => paid.iter().map(|r| r.1).max().map_or(YearMonth::of(paid_on), YearMonth::next),
    };
    let end = start.plus(i64::from(months) - 1);
    let overlaps: Vec<(YearMonth, YearMonth)> =
        paid.iter().filter(|(f, t)| *f <= end && start <= *t).map(|(f, t)| ((*f).max(start), (*t).min(end))).collect();
    if let (Some(first), Some(last)) = (overlaps.iter().map(|o| o.0).min(), overlaps.iter().map(|o| o.1).max()) {
        return Err(RuleError::MonthsOverlap { first, last });
    }
    Ok((start, end))
}

/// BHXH status as of a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BhxhStatus {
    Current,
    Behind,
    None,
}

impl BhxhStatus {
    pub fn code(self) -> &'static str {
        match self {
            BhxhStatus::Current => "current",
            BhxhStatus::Behind => "behind",
            BhxhStatus::None => "none",
        }
    }
}

/// `Current` when the month of `as_of` is paid, `Behind` when some month is paid but not
/// this one, `None` when nothing is.
pub fn bhxh_status(paid: &[(YearMonth, YearMonth)], as_of: NaiveDate) -> BhxhStatus {
    let now = YearMonth::of(as_of);
    if paid.is_empty() {
        BhxhStatus::None
    } else if paid.iter().any(|(f, t)| *f <= now && now <= *t) {
        BhxhStatus::Current
    } else {
        BhxhStatus::Behind
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::rates::test_rates::domain_rates;

    fn d(s: &str) -> NaiveDate {
        crate::domain::date::parse_date(s).unwrap()
    }

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    fn monthly(cat: Category, income: i64, on: &str, before: u32) -> i64 {
        bhxh_quote(&domain_rates(), cat, Dong(income), 1, d(on), before).unwrap().amount.0
    }

    /// docs/quy-dinh.md §4 worked figures.
    #[test]
    fn support_by_category_and_date() {
        let after = [
            (Category::Poor, 165_000),
            (Category::NearPoor, 198_000),
            (Category::EthnicMinority, 231_000),
            (Category::Other, 264_000),
            (Category::Student, 264_000),
            (Category::AgriHousehold, 264_000),
        ];
        for (cat, figure) in after {
            assert_eq!(monthly(cat, 1_500_000, "2025-07-01", 0), figure, "{cat:?} after 01/07/2025");
        }
        assert_eq!(monthly(Category::Other, 1_500_000, "2025-07-01", 120), 330_000, "after 120 supported months");
        let p = bhxh_quote(&domain_rates(), Category::Other, Dong(3_000_000), 12, d("2025-08-01"), 0).unwrap();
        assert_eq!((p.monthly.0, p.amount.0), (594_000, 7_128_000));
        let before = [
            (Category::Poor, 231_000),
            (Category::NearPoor, 247_500),
            (Category::Other, 297_000),
            (Category::EthnicMinority, 297_000),
        ];
        for (cat, figure) in before {
            assert_eq!(monthly(cat, 1_500_000, "2025-06-30", 0), figure, "{cat:?} before 01/07/2025");
        }
        let p = bhxh_quote(&domain_rates(), Category::Other, Dong(2_200_000), 1, d("2027-01-01"), 0).unwrap();
        assert_eq!((p.gross_monthly.0, p.amount.0), (484_000, 387_200), "2027 poverty line");
    }

    #[test]
    fn the_cap_can_fall_inside_a_purchase() {
        let p = bhxh_quote(&domain_rates(), Category::Other, Dong(1_500_000), 6, d("2026-01-10"), 118).unwrap();
        assert_eq!(p.supported_months, 2);
        assert_eq!(p.amount.0, 2 * 264_000 + 4 * 330_000);
    }

    #[test]
    fn income_bounds() {
        let q = |income, on| bhxh_quote(&domain_rates(), Category::Other, Dong(income), 1, d(on), 0);
        assert_eq!(
            q(1_499_999, "2026-01-10"),
            Err(RuleError::IncomeOutOfRange { income: Dong(1_499_999), min: Dong(1_500_000), max: Dong(46_800_000) })
        );
        assert!(q(46_800_000, "2026-06-30").is_ok());
        assert!(matches!(q(46_800_001, "2026-06-30"), Err(RuleError::IncomeOutOfRange { .. })));
        assert!(q(50_600_000, "2026-07-01").is_ok());
        assert_eq!(
            bhxh_quote(&domain_rates(), Category::Other, Dong(1_500_000), 5, d("2026-01-10"), 0),
            Err(RuleError::BhxhMonths(5))
        );
    }

    #[test]
    fn months_covered() {
        assert_eq!(bhxh_months(&[], None, d("2026-01-10"), 3), Ok((ym("2026-01"), ym("2026-03"))));
        let paid = [(ym("2026-01"), ym("2026-03"))];
        assert_eq!(bhxh_months(&paid, None, d("2026-02-10"), 12), Ok((ym("2026-04"), ym("2027-03"))));
        assert_eq!(
            bhxh_months(&paid, Some(ym("2025-12")), d("2026-02-10"), 3),
            Err(RuleError::MonthsOverlap { first: ym("2026-01"), last: ym("2026-02") })
        );
        assert_eq!(
            bhxh_months(&paid, Some(ym("2026-06")), d("2026-02-10"), 1),
            Ok((ym("2026-06"), ym("2026-06"))),
            "after a gap"
        );
    }

    #[test]
    fn statuses() {
        let paid = [(ym("2026-01"), ym("2026-03"))];
        assert_eq!(bhxh_status(&[], d("2026-02-01")), BhxhStatus::None);
        assert_eq!(bhxh_status(&paid, d("2026-03-31")), BhxhStatus::Current);
        assert_eq!(bhxh_status(&paid, d("2026-04-01")), BhxhStatus::Behind);
    }
}
