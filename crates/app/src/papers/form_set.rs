//! Which circular the treasurer's forms follow, and what every paper prints from it: the
//! legal-basis line under the form's number, and the book forms' codes. A savings group is
//! not itself an accounting unit under any circular, so this is the form set's source, not
//! a claim about the group (docs/quy-dinh.md §7).
//!
//! Thông tư 99/2025/TT-BTC (27/10/2025) replaces Thông tư 200/2014/TT-BTC from 01/01/2026
//! (its Điều 31) and keeps the -TT voucher and the S..-DN book codes; Thông tư
//! 133/2016/TT-BTC (small enterprises) numbers the cash and bank books S04a-DNN and S05-DNN.

use crate::words;
use hunvon_core::messages::error::{Error, Expected, Result};
use hunvon_core::messages::i18n::Lang;

/// A circular whose forms the papers follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormSet {
    /// Thông tư 99/2025/TT-BTC, in force from 01/01/2026: the default.
    #[default]
    Tt99,
    Tt200,
    Tt133,
}

/// The codes `pool set --forms` takes, as the letterhead stores them.
pub const CODES: &[&str] = &["TT99", "TT200", "TT133"];

impl FormSet {
    /// The code the letterhead stores and `pool set --forms` takes.
    pub const fn code(self) -> &'static str {
        match self {
            FormSet::Tt99 => "TT99",
            FormSet::Tt200 => "TT200",
            FormSet::Tt133 => "TT133",
        }
    }

    /// The form set a letterhead stored: empty (never chosen) is the default; a code this
    /// build does not know (none is written but by `pool set --forms`) too.
    pub fn stored(code: &str) -> FormSet {
        FormSet::parse("--forms", code).unwrap_or_default()
    }

    /// `pool set --forms`'s value: TT99, TT200 or TT133 (case and spaces aside, so
    /// "tt 133" is TT133). Anything else is refused naming `field` and the codes taken.
    pub fn parse(field: &str, value: &str) -> Result<FormSet> {
        let folded: String = value.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        [FormSet::Tt99, FormSet::Tt200, FormSet::Tt133].into_iter().find(|f| f.code() == folded).ok_or_else(|| {
            Error::BadValue { field: field.into(), value: value.into(), expected: Expected::Format(CODES) }
        })
    }

    /// The form set in words, as `pool show` names it.
    pub fn words(self, lang: Lang) -> &'static str {
        let (vi, en) = self.words_vi_en();
        lang.pick(vi, en)
    }

    /// The words in Vietnamese and in English (const: the TUI's choices are built from them).
    pub const fn words_vi_en(self) -> (&'static str, &'static str) {
        match self {
            FormSet::Tt99 => ("Thông tư 99/2025/TT-BTC (hiện hành)", "Circular 99/2025/TT-BTC (in force)"),
            FormSet::Tt200 => ("Thông tư 200/2014/TT-BTC (cũ)", "Circular 200/2014/TT-BTC (former)"),
            FormSet::Tt133 => {
                ("Thông tư 133/2016/TT-BTC (doanh nghiệp nhỏ)", "Circular 133/2016/TT-BTC (small enterprises)")
            }
        }
    }

    /// "(Ban hành theo Thông tư số 99/2025/TT-BTC ngày 27/10/2025 của Bộ Tài chính)".
    pub fn basis(self, lang: Lang) -> String {
        let (number, day) = match self {
            FormSet::Tt99 => ("99/2025/TT-BTC", "27/10/2025"),
            FormSet::Tt200 => ("200/2014/TT-BTC", "22/12/2014"),
            FormSet::Tt133 => ("133/2016/TT-BTC", "26/08/2016"),
        };
        words::issued_under_circular(lang, number, day)
    }

    /// The cash book's form number (sổ quỹ tiền mặt).
    pub fn cash_book(self) -> &'static str {
        match self {
            FormSet::Tt133 => "S04a-DNN",
            _ => "S07-DN",
        }
    }

    /// The bank book's form number (sổ tiền gửi ngân hàng).
    pub fn bank_book(self) -> &'static str {
        match self {
            FormSet::Tt133 => "S05-DNN",
            _ => "S08-DN",
        }
    }
}

/// The place a paper is signed at, from the letterhead's address: the district (huyện,
/// quận, thị xã, thành phố), else the commune (xã, phường, thị trấn), else the province —
/// "Ấp Cây Gòn, xã Hiếu Tử, huyện Tiểu Cần, tỉnh Trà Vinh" gives "Tiểu Cần". An address
/// written without those words ("ấp Bưng Tróp, Tiểu Cần, Trà Vinh", as people often write
/// it) names the district second to last.
pub fn place_of(address: &str) -> Option<String> {
    let parts: Vec<&str> = address.split([',', ';']).map(str::trim).collect();
    let tiers: [&[&str]; 3] = [
        &["huyện ", "quận ", "thị xã ", "thành phố ", "tp. ", "tp "],
        &["xã ", "phường ", "thị trấn ", "đặc khu "],
        &["tỉnh "],
    ];
    for prefixes in tiers {
        for part in &parts {
            let lower = part.to_lowercase();
            if let Some(p) = prefixes.iter().find(|p| lower.starts_with(*p)) {
                // The prefixes are ASCII or whole Vietnamese letters: the same length in
                // the original and in lower case, so cutting by character count is safe.
                let name: String = part.chars().skip(p.chars().count()).collect();
                let name = name.trim();
                if !name.is_empty() {
                    return Some(name.to_string());
                }
            }
        }
    }
    let unnamed = |p: &&str| {
        let lower = p.to_lowercase();
        !p.is_empty() && !["ấp ", "tổ ", "số ", "khóm ", "thôn ", "xóm "].iter().any(|w| lower.starts_with(w))
    };
    match parts.as_slice() {
        [.., district, _province] if parts.len() >= 3 && unnamed(district) => Some((*district).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_is_the_district_then_the_commune() {
        assert_eq!(place_of("Ấp Cây Gòn, xã Hiếu Tử, huyện Tiểu Cần, tỉnh Trà Vinh").as_deref(), Some("Tiểu Cần"));
        assert_eq!(place_of("Ấp Bưng Tróp, Xã Hiếu Tử, tỉnh Vĩnh Long").as_deref(), Some("Hiếu Tử"));
        assert_eq!(place_of("Tổ 5, Phường 3, TP. Sóc Trăng").as_deref(), Some("Sóc Trăng"));
        assert_eq!(place_of("Số 12, ấp Cây Gòn"), None);
        assert_eq!(place_of("ấp Bưng Tróp, Tiểu Cần, Trà Vinh").as_deref(), Some("Tiểu Cần"));
        assert_eq!(place_of("Số 12, ấp Cây Gòn, Trà Vinh"), None);
        assert_eq!(place_of(""), None);
    }

    #[test]
    fn the_codes_are_read_whatever_their_case_and_spaces() {
        assert_eq!(FormSet::parse("--forms", "tt 133").unwrap(), FormSet::Tt133);
        assert_eq!(FormSet::parse("--forms", "TT200").unwrap(), FormSet::Tt200);
        assert!(FormSet::parse("--forms", "TT48").is_err());
        assert_eq!(FormSet::stored(""), FormSet::Tt99);
        assert!(CODES.iter().all(|c| FormSet::parse("--forms", c).unwrap().code() == *c));
    }

    #[test]
    fn the_default_is_the_circular_in_force() {
        assert!(FormSet::default().basis(Lang::Vi).contains("99/2025/TT-BTC ngày 27/10/2025"));
        assert_eq!((FormSet::Tt133.cash_book(), FormSet::Tt133.bank_book()), ("S04a-DNN", "S05-DNN"));
        assert_eq!((FormSet::Tt99.cash_book(), FormSet::Tt200.bank_book()), ("S07-DN", "S08-DN"));
    }
}
