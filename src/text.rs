//! Text as the BHXH agency wants it: names NFC-normalised with full diacritics, codes in
//! upper case, and a folded form for accent-insensitive search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// NFC, trimmed, inner whitespace collapsed to one space: "  Lê  Thị " → "Lê Thị".
pub fn normalize_name(input: &str) -> String {
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without diacritics, `đ` → `d`: "Đào Thị Hường" → "dao thi huong".
pub fn fold(input: &str) -> String {
    input
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `query` finds `name`: folded comparison, unless the query itself carries
/// diacritics, in which case the person meant them ("Hường" does not find "Hương").
pub fn matches(name: &str, query: &str) -> bool {
    let query = normalize_name(query);
    if query.is_empty() {
        return true;
    }
    if fold(&query) == query.to_lowercase() {
        fold(name).contains(&fold(&query))
    } else {
        name.to_lowercase().contains(&query.to_lowercase())
    }
}

/// A pool, household or person code: 1–20 of `A–Z 0–9 _ -`, lower case taken as upper.
pub fn parse_code(input: &str) -> Option<String> {
    let code = input.trim().to_ascii_uppercase();
    let ok = (1..=20).contains(&code.len())
        && code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-');
    ok.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_nfc_and_tidy() {
        let nfd = "Nguye\u{302}\u{303}n  Thi\u{323}   Hu\u{31b}o\u{31b}\u{300}ng ";
        assert_eq!(normalize_name(nfd), "Nguyễn Thị Hường");
    }

    #[test]
    fn folding_finds_without_accents() {
        assert_eq!(fold("Đào Thị Hường"), "dao thi huong");
        assert!(matches("Nguyễn Văn A", "nguyen"));
        assert!(matches("Đào Thị B", "dao"));
        assert!(matches("Thạch Thị Sà Phol", "SA PHOL"));
        assert!(!matches("Lê Thị Hương", "Hường"));
        assert!(matches("Lê Thị Hường", "Hường"));
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("tv0001"), Some("TV0001".into()));
        assert_eq!(parse_code("A_B-9"), Some("A_B-9".into()));
        assert_eq!(parse_code(""), None);
        assert_eq!(parse_code("TV 01"), None);
        assert_eq!(parse_code("Đ1"), None);
        assert_eq!(parse_code(&"X".repeat(21)), None);
    }
}
