//! Checking what a person typed, field by field, for the command line, CSV rows and the
//! TUI's forms alike. Every refusal names the field and the value.

use chrono::NaiveDate;

use crate::error::{Error, Expected, Result};
use crate::ident::{self, Gender};
use crate::ledger::Method;
use crate::money::{self, Dong};
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
    crate::date::parse_date(value).ok_or_else(|| Error::BadDate { field: field.into(), value: value.into() })
}

/// A voucher's date: a real date, not after today (a typo far more often than a plan).
pub fn voucher_date(field: &str, value: &str, today: NaiveDate) -> Result<NaiveDate> {
    let d = date(field, value)?;
    if d > today {
        return Err(Error::FutureDate { field: field.into(), date: d, today });
    }
    Ok(d)
}

/// A pool, household or person code.
pub fn code(field: &str, value: &str) -> Result<String> {
    crate::text::parse_code(value).ok_or_else(|| Error::BadValue {
        field: field.into(),
        value: value.into(),
        expected: Expected::Code,
    })
}

/// A non-empty name, NFC-normalised.
pub fn name(field: &str, value: &str) -> Result<String> {
    let n = crate::text::normalize_name(value);
    if n.is_empty() {
        return Err(Error::Empty { field: field.into() });
    }
    Ok(n)
}

/// Free text (a note, an address), NFC-normalised; may be empty.
pub fn note(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    value.trim().nfc().collect()
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
