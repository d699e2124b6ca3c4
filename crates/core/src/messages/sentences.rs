//! How a sentence table is written: [`words!`](crate::words) makes one named function per
//! sentence with its Vietnamese and English side by side (like gitui's strings.rs), and
//! [`check`] is the test every table passes. It lives here, the lowest layer, so that every
//! crate with sentences of its own writes them the same way: the renderers (hunvon-report's
//! page numbers), the papers and use cases (hunvon-app's words/), the command line and the
//! terminal UI.

use std::collections::{BTreeSet, HashMap};

use super::i18n::Lang;

/// `name = "vi", "en";` makes `pub fn name(lang: Lang) -> &'static str`;
/// `name(a: T, …) = "vi {a}", "en {a}";` makes `pub fn name(lang: Lang, a: T, …) -> String`
/// that fills the placeholders. Each area also gets `ALL`, its (name, vi, en) rows, for
/// [`check`]. The caller's module imports `Lang`.
#[macro_export]
macro_rules! words {
    ($( $(#[$m:meta])* $name:ident $(($($arg:ident: $ty:ty),+))? = $vi:literal, $en:literal; )*) => {
        $( $crate::words!(@one $(#[$m])* $name [$($($arg: $ty),+)?] $vi, $en); )*
        /// Every sentence of this area: its name, Vietnamese and English.
        #[cfg(test)]
        pub(super) const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $vi, $en)),*];
    };
    (@one $(#[$m:meta])* $name:ident [] $vi:literal, $en:literal) => {
        $(#[$m])*
        pub fn $name(lang: Lang) -> &'static str {
            lang.pick($vi, $en)
        }
    };
    (@one $(#[$m:meta])* $name:ident [$($arg:ident: $ty:ty),+] $vi:literal, $en:literal) => {
        $(#[$m])*
        pub fn $name(lang: Lang, $($arg: $ty),+) -> String {
            match lang {
                Lang::Vi => format!($vi),
                Lang::En => format!($en),
            }
        }
    };
}

/// One sentence table's rows: (name, Vietnamese, English).
pub type Rows<'a> = &'a [(&'a str, &'a str, &'a str)];

/// The sentence a keyed table (a column's or a field's name by its key, where the key
/// comes with the data) holds for `key`, in `lang`; such a table passes [`check`] too.
pub fn keyed(rows: &[(&str, &'static str, &'static str)], key: &str, lang: Lang) -> Option<&'static str> {
    rows.iter().find(|(k, _, _)| *k == key).map(|(_, vi, en)| lang.pick(*vi, *en))
}

/// Panics naming the first sentence that lacks a language, keeps Vietnamese in its
/// English, fills different values in its two languages, or is written twice under two
/// names. A crate's test calls it on all its tables at once.
pub fn check(tables: &[Rows]) {
    let mut seen = HashMap::new();
    for (name, vi, en) in tables.iter().copied().flatten() {
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{name}: a language is empty");
        assert!(!vietnamese(en), "{name}: Vietnamese in the English: {en}");
        assert_eq!(placeholders(vi), placeholders(en), "{name}: the two languages fill different values");
        if let Some(other) = seen.insert((vi, en), name) {
            panic!("{name} and {other} are the same sentence: call one of them");
        }
    }
}

/// Vietnamese letters beyond ASCII (đ, ư, ơ and every vowel with a tone mark: the Latin
/// letters past ASCII, so a Σ is not one), outside what English keeps as it is: the BHXH
/// number's name "mã số BHXH", the currency's name "đồng" and its sign "đ", and the stamp
/// "ĐÃ HỦY" a reversed voucher's slip bears in both languages.
pub fn vietnamese(s: &str) -> bool {
    let kept = s.replace("Mã số BHXH", "").replace("mã số BHXH", "").replace("đồng", "").replace("ĐÃ HỦY", "");
    let latin =
        |c: char| c.is_alphabetic() && (('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c));
    kept.split_whitespace().filter(|w| *w != "đ").any(|w| w.chars().any(latin))
}

/// The `{name}` placeholders of a format string (`{{` is a brace, not a placeholder).
fn placeholders(s: &str) -> BTreeSet<String> {
    let s = s.replace("{{", "").replace("}}", "");
    s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(name, _)| name.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn a_table_with_both_languages_passes() {
        check(&[&[("page", "Trang {n}", "Page {n}"), ("pool", "Quỹ", "Pool")]]);
    }

    #[test]
    #[should_panic(expected = "Vietnamese in the English")]
    fn vietnamese_left_in_the_english_fails() {
        check(&[&[("pool", "Quỹ", "Quỹ")]]);
    }

    #[test]
    #[should_panic(expected = "fill different values")]
    fn a_placeholder_in_one_language_only_fails() {
        check(&[&[("page", "Trang {n}", "Page")]]);
    }

    #[test]
    #[should_panic(expected = "the same sentence")]
    fn a_sentence_written_twice_fails() {
        check(&[&[("a", "Quỹ", "Pool"), ("b", "Quỹ", "Pool")]]);
    }
}
