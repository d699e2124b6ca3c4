//! Whether a rate value someone sets is plausible (SPEC §9): rates change by decree, a
//! few percent or a step of the base salary at a time, so a value less than half or more
//! than twice the one it replaces is far more often a typo (`bhyt_rate 0.001` for 0.045:
//! a quote fell from 1.366.200 đ to 30.360 đ) than a new law. Shares must lie in 0..=1.
//! A warning, never a refusal: the treasurer may know better.

use std::str::FromStr;

use rust_decimal::Decimal;

/// The decimal parts of a value (the ladder is a comma list).
fn parts(value: &str) -> Option<Vec<Decimal>> {
    value.split(',').map(|p| Decimal::from_str(p.trim()).ok()).collect()
}

/// Whether the rate is a share of something (a percentage written as a fraction).
fn is_share(name: &str) -> bool {
    name.ends_with("_rate") || name == "bhyt_ladder" || (name.contains("_support_") && !name.ends_with("_months"))
}

/// Whether `value` is plausible for `name`, given the value in force before it.
pub fn plausible(name: &str, value: &str, before: Option<&str>) -> bool {
    let Some(new) = parts(value) else { return false };
    if is_share(name) && new.iter().any(|d| *d < Decimal::ZERO || *d > Decimal::ONE) {
        return false;
    }
    if name.ends_with("_rate") && new.iter().any(|d| d.is_zero()) {
        return false;
    }
    let Some(old) = before.and_then(parts) else { return true };
    if old.len() != new.len() {
        return true;
    }
    let two = Decimal::TWO;
    new.iter().zip(&old).all(|(n, o)| o.is_zero() || (*n * two >= *o && *n <= *o * two))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_is_implausible_a_decree_is_not() {
        assert!(!plausible("bhyt_rate", "0.001", Some("0.045")));
        assert!(!plausible("bhyt_rate", "4.5", None));
        assert!(plausible("bhyt_rate", "0.05", Some("0.045")));
        assert!(plausible("base_salary", "2530000", Some("2340000")));
        assert!(!plausible("base_salary", "253000", Some("2340000")));
        assert!(!plausible("bhyt_ladder", "1,0.7,0.6,0.5,4", Some("1,0.7,0.6,0.5,0.4")));
        assert!(plausible("bhxh_support_max_months", "120", None));
        assert!(plausible("bhxh_support_poor", "0.5", Some("0.3")));
    }
}
