//! Identity numbers (docs/quy-dinh.md §5): CCCD, mã số BHXH, gender.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// The stored form, `M` or `F`.
    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "M",
            Gender::Female => "F",
        }
    }

    pub fn from_code(code: &str) -> Option<Gender> {
        match code {
            "M" => Some(Gender::Male),
            "F" => Some(Gender::Female),
            _ => None,
        }
    }

    /// `nam`/`nữ` as shown to people.
    pub fn label_vi(self) -> &'static str {
        match self {
            Gender::Male => "nam",
            Gender::Female => "nữ",
        }
    }
}

/// `nam`, `nữ` (also `nu`, `male`, `female`, `M`, `F`), any case.
pub fn parse_gender(input: &str) -> Option<Gender> {
    match crate::domain::text::normalize_name(input).to_lowercase().as_str() {
        "nam" | "male" | "m" => Some(Gender::Male),
        "nữ" | "nu" | "female" | "f" => Some(Gender::Female),
        _ => None,
    }
}

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.chars().all(|c| c.is_ascii_digit())
}

/// A CCCD (số định danh cá nhân): exactly 12 digits.
pub fn parse_cccd(input: &str) -> Option<String> {
    let s = input.trim();
    all_digits(s, 12).then(|| s.to_string())
}

/// A mã số BHXH: exactly 10 digits, no check digit.
pub fn parse_bhxh_code(input: &str) -> Option<String> {
    let s = input.trim();
    all_digits(s, 10).then(|| s.to_string())
}

/// What the CCCD's 4th–6th digits say: century/sex digit then the last two digits of
/// the birth year. Returns a reason when they disagree with the given facts (a warning,
/// never a refusal: the card is the authority, the roll may be wrong).
pub fn cccd_mismatch(cccd: &str, dob: Option<NaiveDate>, gender: Option<Gender>) -> Option<CccdMismatch> {
    let digits: Vec<u32> = cccd.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 12 {
        return None;
    }
    let code = digits[3];
    let (century, sex) = match code {
        0 => (1900, Gender::Male),
        1 => (1900, Gender::Female),
        2 => (2000, Gender::Male),
        3 => (2000, Gender::Female),
        4 => (2100, Gender::Male),
        5 => (2100, Gender::Female),
        _ => (1800, if code.is_multiple_of(2) { Gender::Male } else { Gender::Female }),
    };
    let year = century + (digits[4] * 10 + digits[5]) as i32;
    if let Some(d) = dob
        && d.year() != year
    {
        return Some(CccdMismatch::Year { cccd_year: year, dob_year: d.year() });
    }
    if let Some(g) = gender
        && g != sex
    {
        return Some(CccdMismatch::Gender { cccd_gender: sex });
    }
    None
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CccdMismatch {
    Year { cccd_year: i32, dob_year: i32 },
    Gender { cccd_gender: Gender },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cccd_digits_agree_with_birth() {
        let dob = NaiveDate::from_ymd_opt(1983, 10, 2);
        assert_eq!(cccd_mismatch("084183543339", dob, Some(Gender::Female)), None);
        assert_eq!(
            cccd_mismatch("084183543339", dob, Some(Gender::Male)),
            Some(CccdMismatch::Gender { cccd_gender: Gender::Female })
        );
        assert_eq!(
            cccd_mismatch("084304425211", dob, None),
            Some(CccdMismatch::Year { cccd_year: 2004, dob_year: 1983 })
        );
    }

    #[test]
    fn formats() {
        assert!(parse_cccd("084183543339").is_some());
        assert!(parse_cccd("08418354333").is_none());
        assert!(parse_cccd("08418354333a").is_none());
        assert!(parse_bhxh_code("8494664290").is_some());
        assert!(parse_bhxh_code("849466429").is_none());
        assert_eq!(parse_gender("Nữ"), Some(Gender::Female));
        assert_eq!(parse_gender("nu"), Some(Gender::Female));
        assert_eq!(parse_gender("NAM"), Some(Gender::Male));
        assert_eq!(parse_gender("khác"), None);
    }
}
