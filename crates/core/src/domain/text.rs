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
    is_code(&code).then_some(code)
}

/// Whether `s` is a code as `parse_code` gives it (so `parse_code(s) == Some(s)`), checked
/// without allocating: `verify` holds every voucher's codes to it.
pub fn is_code(s: &str) -> bool {
    (1..=20).contains(&s.len())
        && s.bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
}

/// Why a typed text cannot be stored: a character that hides or reorders what a reader
/// sees (a terminal escape, a bidi override, a zero-width space), or too many characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// C0, DEL or C1: `char::is_control`. `at` counts characters from 1.
    Control {
        c: char,
        at: usize,
    },
    /// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks.
    Bidi {
        c: char,
        at: usize,
    },
    /// U+200B–U+200D, U+2060, U+FEFF; since SPEC §9 also U+00AD, U+2028, U+2029.
    ZeroWidth {
        c: char,
        at: usize,
    },
    TooLong {
        len: usize,
        max: usize,
    },
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}') || is_newly_hidden(c)
}

/// Refused since SPEC §9: the soft hyphen (U+00AD, invisible on most screens, a break on
/// some) and the line and paragraph separators (U+2028, U+2029: a line break in some
/// programs, nothing in others). A record written before may hold them honestly, so
/// `verify` only warns about them there (ledger/record_rules.rs).
pub fn is_newly_hidden(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{2028}' | '\u{2029}')
}

/// A character a terminal or a printed page would not show as itself.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi(c) || is_zero_width(c)
}

/// Checks a typed text: no hidden characters, at most `max` characters.
pub fn check_text(s: &str, max: usize) -> Result<(), TextProblem> {
    for (i, c) in s.chars().enumerate() {
        let at = i + 1;
        if c.is_control() {
            return Err(TextProblem::Control { c, at });
        }
        if is_bidi(c) {
            return Err(TextProblem::Bidi { c, at });
        }
        if is_zero_width(c) {
            return Err(TextProblem::ZeroWidth { c, at });
        }
    }
    let len = s.chars().count();
    if len > max {
        return Err(TextProblem::TooLong { len, max });
    }
    Ok(())
}

/// `s` with every hidden character written as `\u{1b}`, so a message that echoes what
/// someone typed cannot move the cursor, recolour the terminal or reverse a line.
pub fn escape_hidden(s: &str) -> String {
    if !s.chars().any(is_hidden) {
        return s.to_string();
    }
    s.chars().map(|c| if is_hidden(c) { format!("\\u{{{:x}}}", u32::from(c)) } else { c.to_string() }).collect()
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

    #[test]
    fn hidden_characters() {
        assert_eq!(check_text("Lê Thị Hường", 100), Ok(()));
        assert_eq!(check_text("a\u{1b}[31m", 100), Err(TextProblem::Control { c: '\u{1b}', at: 2 }));
        assert_eq!(check_text("a\u{85}", 100), Err(TextProblem::Control { c: '\u{85}', at: 2 }));
        assert_eq!(check_text("\u{7f}", 100), Err(TextProblem::Control { c: '\u{7f}', at: 1 }));
        assert_eq!(check_text("ab\u{202e}", 100), Err(TextProblem::Bidi { c: '\u{202e}', at: 3 }));
        assert_eq!(check_text("\u{2068}x", 100), Err(TextProblem::Bidi { c: '\u{2068}', at: 1 }));
        assert_eq!(check_text("x\u{200b}", 100), Err(TextProblem::ZeroWidth { c: '\u{200b}', at: 2 }));
        assert_eq!(check_text("\u{feff}", 100), Err(TextProblem::ZeroWidth { c: '\u{feff}', at: 1 }));
        assert_eq!(check_text(&"ư".repeat(101), 100), Err(TextProblem::TooLong { len: 101, max: 100 }));
        assert_eq!(check_text(&"ư".repeat(100), 100), Ok(()));
        assert_eq!(escape_hidden("a\u{1b}[2Jb\u{202e}"), "a\\u{1b}[2Jb\\u{202e}");
        assert_eq!(escape_hidden("Hường"), "Hường");
    }
}
