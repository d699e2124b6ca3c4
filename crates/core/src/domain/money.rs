//! Money: whole đồng, parsed from what people type and shown as people read it.
//!
//! Storage keeps INTEGER whole đồng; computations that involve rates use `Decimal`
//! and round once, at the end, half away from zero (docs/quy-dinh.md §3–§4).

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// An amount in whole đồng. Debits are positive in postings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dong(pub i64);

impl Dong {
    pub const ZERO: Dong = Dong(0);

    /// The exact decimal value, for arithmetic with rates.
    pub fn to_decimal(self) -> Decimal {
        Decimal::from(self.0)
    }

    /// Rounds an exact figure once to whole đồng, half away from zero.
    /// Returns `None` when the figure does not fit in an i64.
    pub fn round(exact: Decimal) -> Option<Dong> {
        let rounded = exact.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        i64::try_from(rounded).ok().map(Dong)
    }

    pub fn checked_add(self, other: Dong) -> Option<Dong> {
        self.0.checked_add(other.0).map(Dong)
    }

    pub fn checked_sub(self, other: Dong) -> Option<Dong> {
        self.0.checked_sub(other.0).map(Dong)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::Neg for Dong {
    type Output = Dong;
    fn neg(self) -> Dong {
        Dong(-self.0)
    }
}

impl std::ops::Add for Dong {
    type Output = Dong;
    fn add(self, o: Dong) -> Dong {
        Dong(self.0 + o.0)
    }
}

impl std::ops::Sub for Dong {
    type Output = Dong;
    fn sub(self, o: Dong) -> Dong {
        Dong(self.0 - o.0)
    }
}

impl std::ops::AddAssign for Dong {
    fn add_assign(&mut self, o: Dong) {
        self.0 += o.0;
    }
}

impl std::iter::Sum for Dong {
    fn sum<I: Iterator<Item = Dong>>(iter: I) -> Dong {
        Dong(iter.map(|d| d.0).sum())
    }
}

/// Shows `1.263.600 đ` (Vietnamese grouping, the đồng sign after a space).
impl fmt::Display for Dong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} đ", group(self.0))
    }
}

/// A count grouped as people read numbers: `707651` → `707.651`.
pub fn group_count(n: u64) -> String {
    group(i64::try_from(n).unwrap_or(i64::MAX))
}

/// Groups digits with dots: `-1263600` → `-1.263.600`.
pub fn group(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    let first = digits.len() % 3;
    for (i, c) in digits.chars().enumerate() {
        if i != 0 && (i + 3 - first).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Why a typed amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AmountError {
    #[error("empty")]
    Empty,
    #[error("fractional")]
    Fractional,
    #[error("negative")]
    Negative,
    #[error("zero")]
    Zero,
    #[error("malformed")]
    Malformed,
    #[error("too large")]
    TooLarge,
}

/// Parses an amount a person typed: `1263600`, `1.263.600`, `1 263 600`, optionally
/// followed by `đ`/`₫`/`d`. Refuses decimals (`12,5`, `1.5`), misplaced group
/// separators (`12.63.600`), signs, zero and overflow: anything ambiguous is an
/// error, never a guess.
pub fn parse_amount(input: &str) -> Result<Dong, AmountError> {
    let signed = parse_signed_amount(input)?;
    if signed.0 < 0 {
        return Err(AmountError::Negative);
    }
    Ok(signed)
}

/// Like [`parse_amount`] but accepts a leading minus sign (opening balances of
/// people who already owed the pool). Zero is still refused.
pub fn parse_signed_amount(input: &str) -> Result<Dong, AmountError> {
    let mut s = input.trim();
    for suffix in ["đồng", "đ", "₫", "VND", "vnd", "d"] {
        if let Some(rest) = s.strip_suffix(suffix) {
            s = rest.trim_end();
            break;
        }
    }
    if s.is_empty() {
        return Err(AmountError::Empty);
    }
    let (negative, body) = match s.strip_prefix('-').or_else(|| s.strip_prefix('−')) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if body.is_empty() {
        return Err(AmountError::Malformed);
    }
    if body.contains(',') {
        return Err(AmountError::Fractional);
    }
    let separators: Vec<char> = body.chars().filter(|c| *c == '.' || *c == ' ').collect();
    let digits: String = if separators.is_empty() {
        if !body.chars().all(|c| c.is_ascii_digit()) {
            return Err(AmountError::Malformed);
        }
        body.to_string()
    } else {
        // One kind of separator, groups of exactly three after a first group of 1–3.
        let sep = separators[0];
        if separators.iter().any(|c| *c != sep) {
            return Err(AmountError::Malformed);
        }
        let groups: Vec<&str> = body.split(sep).collect();
        let well_formed = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
            && (1..=3).contains(&groups[0].len())
            && groups[1..].iter().all(|g| g.len() == 3);
        if !well_formed {
            // `1.5` and `12.5` read as decimals to most people: say so.
            if sep == '.' && groups.len() == 2 && groups[1].len() < 3 {
                return Err(AmountError::Fractional);
            }
            return Err(AmountError::Malformed);
        }
        groups.concat()
    };
    let value: i64 = digits.parse().map_err(|_| AmountError::TooLarge)?;
    // A bound well below i64::MAX keeps every sum of a district's ledger exact.
    if value > MAX_AMOUNT {
        return Err(AmountError::TooLarge);
    }
    if value == 0 {
        return Err(AmountError::Zero);
    }
    Ok(Dong(if negative { -value } else { value }))
}

/// The largest single amount accepted: one trillion đồng, far above any pool's
/// yearly turnover, so that sums over millions of postings cannot overflow.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn groups_like_a_vietnamese_book() {
        assert_eq!(Dong(1_263_600).to_string(), "1.263.600 đ");
        assert_eq!(Dong(0).to_string(), "0 đ");
        assert_eq!(Dong(999).to_string(), "999 đ");
        assert_eq!(Dong(1000).to_string(), "1.000 đ");
        assert_eq!(Dong(-250_000).to_string(), "-250.000 đ");
        assert_eq!(group_count(707_651), "707.651");
        assert_eq!(group_count(u64::MAX), group(i64::MAX));
    }

    #[test]
    fn accepts_the_forms_people_type() {
        for s in ["1263600", "1.263.600", "1 263 600", "1 263 600 đ", "1.263.600đ", "1263600 ₫"] {
            assert_eq!(parse_amount(s), Ok(Dong(1_263_600)), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_ambiguous() {
        assert_eq!(parse_amount("12,5"), Err(AmountError::Fractional));
        assert_eq!(parse_amount("1263600,5"), Err(AmountError::Fractional));
        assert_eq!(parse_amount("1.5"), Err(AmountError::Fractional));
        assert_eq!(parse_amount("-5000"), Err(AmountError::Negative));
        assert_eq!(parse_amount("0"), Err(AmountError::Zero));
        assert_eq!(parse_amount("12.63.600"), Err(AmountError::Malformed));
        assert_eq!(parse_amount("1.263 600"), Err(AmountError::Malformed));
        assert_eq!(parse_amount("abc"), Err(AmountError::Malformed));
        assert_eq!(parse_amount(""), Err(AmountError::Empty));
        assert_eq!(parse_amount("99999999999999999999"), Err(AmountError::TooLarge));
        assert_eq!(parse_amount("1000000000001"), Err(AmountError::TooLarge));
        assert_eq!(parse_signed_amount("-250.000"), Ok(Dong(-250_000)));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(Dong::round(Decimal::new(5, 1)), Some(Dong(1)));
        assert_eq!(Dong::round(Decimal::new(-5, 1)), Some(Dong(-1)));
        assert_eq!(Dong::round(Decimal::new(14999, 4)), Some(Dong(1)));
    }

    proptest! {
        #[test]
        fn format_then_parse_round_trips(n in 1i64..=MAX_AMOUNT) {
            let shown = Dong(n).to_string();
            prop_assert_eq!(parse_amount(&shown), Ok(Dong(n)));
            prop_assert_eq!(parse_amount(&n.to_string()), Ok(Dong(n)));
            prop_assert_eq!(parse_amount(&group(n).replace('.', " ")), Ok(Dong(n)));
        }

        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = parse_amount(&s);
        }
    }
}
