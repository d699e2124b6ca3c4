//! Checking what a person typed, field by field, for the command line, CSV rows and the
//! TUI's forms alike. Every refusal names the field and the value.

use chrono::{Months, NaiveDate};

use crate::domain::ident::{self, Gender};
use crate::domain::money::{self, Dong};
use crate::ledger::Method;
use crate::messages::error::{Bound, Error, Expected, Result};
use crate::rules::Category;
use crate::rules::year_month::YearMonth;

/// A positive amount of whole đồng.
pub fn amount(field: &str, value: &str) -> Result<Dong> {
    money::parse_amount(value).map_err(|why| Error::BadAmount { field: field.into(), value: value.into(), why })
}

/// An amount that may be negative (an opening balance of someone who owed the pool).
pub fn signed_amount(field: &str, value: &str) -> Result<Dong> {
    money::parse_signed_amount(value).map_err(|why| Error::BadAmount { field: field.into(), value: value.into(), why })
}

/// A date, ISO or dd/mm/yyyy.
pub fn date(field: &str, value: &str) -> Result<NaiveDate> {
    crate::domain::date::parse_date(value).ok_or_else(|| Error::BadDate { field: field.into(), value: value.into() })
}

/// The earliest voucher (and card) date: no group kept books in hunvon before 2000, and
/// a year 0001 is a slip of the keyboard.
pub const FIRST_VOUCHER_DAY: NaiveDate = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a real day");
/// The earliest date of birth.
pub const FIRST_BIRTH_DAY: NaiveDate = NaiveDate::from_ymd_opt(1900, 1, 1).expect("a real day");
/// Voluntary BHXH began in January 2008 (Luật BHXH 2006).
pub const FIRST_BHXH_MONTH: YearMonth = YearMonth { year: 2008, month: 1 };
/// How far ahead a card may run, and BHXH may be paid: twelve months.
pub const MAX_MONTHS_AHEAD: u32 = 12;
/// Longest name (person, household, pool), in characters.
pub const NAME_MAX: usize = 100;
/// Longest note, reason or receipt number, in characters.
pub const NOTE_MAX: usize = 500;
/// Longest address, in characters.
pub const ADDRESS_MAX: usize = 200;

/// A date within `earliest ..= today`.
fn date_between(field: &str, value: &str, earliest: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    let d = date(field, value)?;
    if d > today {
        return Err(Error::FutureDate { field: field.into(), date: d, today });
    }
    if d < earliest {
        return Err(Bound::TooEarly { field: field.into(), date: d, earliest }.into());
    }
    Ok(d)
}

/// A voucher's date: a real date from 01/01/2000, not after today (a future date is a
/// typo far more often than a plan).
pub fn voucher_date(field: &str, value: &str, today: NaiveDate) -> Result<NaiveDate> {
    date_between(field, value, FIRST_VOUCHER_DAY, today)
}

/// A date of birth: from 01/01/1900, not after today.
pub fn birth_date(field: &str, value: &str, today: NaiveDate) -> Result<NaiveDate> {
    date_between(field, value, FIRST_BIRTH_DAY, today)
}

/// A date printed on a card (`--card-from`, `--card-to`): from 01/01/2000; may be ahead.
pub fn card_date(field: &str, value: &str) -> Result<NaiveDate> {
    let d = date(field, value)?;
    if d < FIRST_VOUCHER_DAY {
        return Err(Bound::TooEarly { field: field.into(), date: d, earliest: FIRST_VOUCHER_DAY }.into());
    }
    Ok(d)
}

/// A card's validity: it ends after it starts, and at most twelve months later. A printed
/// date given alone is checked against the expected other one (the card as it is stored).
pub fn card_period(from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to <= from {
        return Err(Bound::CardBackwards { from, to }.into());
    }
    if from.checked_add_months(Months::new(MAX_MONTHS_AHEAD)).is_none_or(|last| to > last) {
        return Err(Bound::CardTooLong { from, to }.into());
    }
    Ok(())
}

/// The first BHXH month paid (`--from-month`): from 2008-01 to twelve months after today.
pub fn from_month(field: &str, value: &str, today: NaiveDate) -> Result<YearMonth> {
    let month = year_month(field, value)?;
    let latest = YearMonth::of(today).plus(i64::from(MAX_MONTHS_AHEAD));
    if month < FIRST_BHXH_MONTH || month > latest {
        return Err(Bound::Month { field: field.into(), month, earliest: FIRST_BHXH_MONTH, latest }.into());
    }
    Ok(month)
}

/// A pool, household or person code.
pub fn code(field: &str, value: &str) -> Result<String> {
    crate::domain::text::parse_code(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Code,
    })
}

/// Text a person typed, refused with the field named when it hides characters (terminal
/// escapes, bidi overrides, zero-width spaces) or is longer than `max` characters.
fn checked(field: &str, raw: &str, tidy: String, max: usize) -> Result<String> {
    // Hidden characters are looked for in what was typed: tidying would turn a tab or a
    // line break into a space, and trimming drops a NEL (U+0085), hiding the problem.
    let problem =
        crate::domain::text::check_text(raw, usize::MAX).and_then(|()| crate::domain::text::check_text(&tidy, max));
    match problem {
        Ok(()) => Ok(tidy),
        Err(problem) => Err(Bound::Text { field: field.into(), value: raw.into(), problem }.into()),
    }
}

/// A non-empty name (person, household, pool), NFC-normalised, at most 100 characters.
pub fn name(field: &str, value: &str) -> Result<String> {
    let n = checked(field, value, crate::domain::text::normalize_name(value), NAME_MAX)?;
    if n.is_empty() {
        return Err(Error::Empty { field: field.into() });
    }
    Ok(n)
}

/// Free text, NFC-normalised and trimmed; may be empty.
fn free_text(field: &str, value: &str, max: usize) -> Result<String> {
    use unicode_normalization::UnicodeNormalization;
    checked(field, value, value.trim().nfc().collect(), max)
}

/// A note, a reason or a receipt number: at most 500 characters; may be empty.
pub fn note(field: &str, value: &str) -> Result<String> {
    free_text(field, value, NOTE_MAX)
}

/// An address: at most 200 characters; may be empty.
pub fn address(field: &str, value: &str) -> Result<String> {
    free_text(field, value, ADDRESS_MAX)
}

pub fn cccd(field: &str, value: &str) -> Result<String> {
    ident::parse_cccd(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Cccd,
    })
}

pub fn bhxh_code(field: &str, value: &str) -> Result<String> {
    ident::parse_bhxh_code(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::BhxhCode,
    })
}

pub fn gender(field: &str, value: &str) -> Result<Gender> {
    ident::parse_gender(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Gender,
    })
}

pub fn category(field: &str, value: &str) -> Result<Category> {
    Category::from_code(value.trim()).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Category,
    })
}

pub fn method(field: &str, value: &str) -> Result<Method> {
    Method::from_code(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Method,
    })
}

/// A month count from an allowed list (BHYT 3/6/12, BHXH 1/3/6/12).
pub fn months(field: &str, value: &str, allowed: &'static [u32]) -> Result<u32> {
    value.trim().parse::<u32>().ok().filter(|m| allowed.contains(m)).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Months(allowed),
    })
}

pub fn year_month(field: &str, value: &str) -> Result<YearMonth> {
    YearMonth::parse(value.trim()).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::YearMonth,
    })
}

/// A digits-only phone number (spaces, dots and dashes dropped), 8–15 digits.
pub fn phone(field: &str, value: &str) -> Result<String> {
    let digits: String = value.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
    let plus = digits.strip_prefix('+').unwrap_or(&digits);
    if (8..=15).contains(&plus.len()) && plus.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        // The value itself is private: name the field only.
        Err(Error::BadValue { field: field.into(), value: "…".into(), expected: Expected::Format(&["0912345678"]) })
    }
}

/// An optional value: empty means "not known".
pub fn optional<T>(value: Option<&str>, parse: impl FnOnce(&str) -> Result<T>) -> Result<Option<T>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => parse(v).map(Some),
    }
}
