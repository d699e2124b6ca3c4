//! Every sentence the terminal UI shows, by area, in Vietnamese and English side by side
//! (like gitui's strings.rs): drawing and logic code call `words::cash(lang)` and never
//! hold a sentence of their own. Each sentence is one named function: a plain one returns
//! the text, a formatted one takes its values and returns the sentence with them filled in.
//! The table in each area is written with [`words!`] so that the test below can read
//! every sentence: both languages present, no Vietnamese left in the English, the same
//! placeholders on both sides, and no sentence written twice under two names.

/// The sentence tables are written with hunvon-app's [`hunvon_app::words!`] (the same table
/// the papers' sentences use), forwarded here so that the area modules below see it.
macro_rules! words {
    ($($table:tt)*) => {
        hunvon_app::words!($($table)*);
    };
}

/// A plain sentence, as a value: a table of labels holds these (e.g. the letterhead's fields).
pub type Sentence = fn(hunvon_core::messages::i18n::Lang) -> &'static str;

mod choices;
mod common;
mod forms;
mod popups;
mod screens;
mod status;

pub use choices::*;
pub use common::*;
pub use forms::*;
pub use popups::*;
pub use screens::*;
pub use status::*;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeSet, HashMap};

    fn all() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
        [super::common::ALL, super::forms::ALL, super::popups::ALL, super::screens::ALL, super::status::ALL]
            .into_iter()
            .flatten()
    }

    /// Vietnamese letters beyond ASCII (đ, ư, ơ and every vowel with a tone mark), outside
    /// what English keeps as it is: the BHXH number's name "Mã số BHXH" and the đồng sign.
    fn vietnamese(s: &str) -> bool {
        let kept = s.replace("Mã số BHXH", "");
        kept.split_whitespace().filter(|w| *w != "đ").any(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
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
    fn every_choice_has_both_languages() {
        for c in super::choices::ALL.iter().copied().flatten() {
            assert!(!c.vi.trim().is_empty() && !c.en.trim().is_empty(), "{}: a language is empty", c.code);
            assert!(!vietnamese(c.en) && !vietnamese(c.hint_en), "{}: Vietnamese in the English", c.code);
            assert_eq!(c.hint_vi.is_empty(), c.hint_en.is_empty(), "{}: a hint in one language only", c.code);
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
