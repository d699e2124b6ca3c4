//! Every sentence the papers, views and use cases show, by area, in Vietnamese and English
//! side by side (like gitui's strings.rs): logic code calls `words::name(lang)` and never
//! holds a sentence of its own. Each sentence is one named function returning the text in
//! the language asked for. The table in each area is written with [`words!`] so that the
//! test below can read every sentence: both languages present, no Vietnamese left in the
//! English, the same placeholders on both sides, and no sentence written twice under two
//! names. (Errors and warnings stay in hunvon-core's `messages`.)

/// `name = "vi", "en";` makes `pub fn name(lang: Lang) -> &'static str`;
/// `name(a: T, …) = "vi {a}", "en {a}";` makes `pub fn name(lang: Lang, a: T, …) -> String`
/// that fills the placeholders. Each area also gets `ALL`, its (name, vi, en) rows.
/// Exported so that the TUI's own sentence tables (src/tui/words) are written the same way;
/// the caller's module imports `Lang`.
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

mod books;
mod common;
mod district;
mod insurance;
mod paper_frame;
mod summary;
mod tallies;
mod views;

pub use books::*;
pub use common::*;
pub use district::*;
pub use insurance::*;
pub use paper_frame::*;
pub use summary::*;
pub use tallies::*;
pub use views::*;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap};

    fn all() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
        [
            super::books::ALL,
            super::common::ALL,
            super::district::ALL,
            super::insurance::ALL,
            super::paper_frame::ALL,
            super::summary::ALL,
            super::tallies::ALL,
            super::views::ALL,
        ]
        .into_iter()
        .flatten()
    }

    /// Vietnamese letters beyond ASCII (đ, ư, ơ and every vowel with a tone mark: the Latin
    /// letters past ASCII, so a Σ is not one), outside what English keeps as it is: the BHXH
    /// number's name "mã số BHXH", the currency's name "đồng" and its sign "đ".
    fn vietnamese(s: &str) -> bool {
        let kept = s.replace("Mã số BHXH", "").replace("mã số BHXH", "").replace("đồng", "");
        let latin = |c: char| {
            c.is_alphabetic() && (('\u{c0}'..='\u{24f}').contains(&c) || ('\u{1e00}'..='\u{1eff}').contains(&c))
        };
        kept.split_whitespace().filter(|w| *w != "đ").any(|w| w.chars().any(latin))
    }

    /// The `{name}` placeholders of a format string (`{{` is a brace, not a placeholder).
    fn placeholders(s: &str) -> BTreeSet<String> {
        let s = s.replace("{{", "").replace("}}", "");
        s.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(name, _)| name.to_string()).collect()
    }

    #[test]
    fn every_sentence_has_both_languages() {
        for (name, vi, en) in all() {
            assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{name}: a language is empty");
            assert!(!vietnamese(en), "{name}: Vietnamese in the English: {en}");
            assert_eq!(placeholders(vi), placeholders(en), "{name}: the two languages fill different values");
        }
    }

    #[test]
    fn no_sentence_is_written_twice() {
        let mut seen = HashMap::new();
        for (name, vi, en) in all() {
            if let Some(other) = seen.insert((vi, en), name) {
                panic!("{name} and {other} are the same sentence: call one of them");
            }
        }
    }
}
