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
    use hunvon_core::messages::sentences::{check, vietnamese};

    /// Both languages, no Vietnamese in the English, the same placeholders on both sides,
    /// no sentence written twice (`hunvon_core::messages::sentences::check`).
    #[test]
    fn every_sentence_has_both_languages_once() {
        check(&[super::common::ALL, super::forms::ALL, super::popups::ALL, super::screens::ALL, super::status::ALL]);
    }

    #[test]
    fn every_choice_has_both_languages() {
        for c in super::choices::ALL.iter().copied().flatten() {
            assert!(!c.vi.trim().is_empty() && !c.en.trim().is_empty(), "{}: a language is empty", c.code);
            assert!(!vietnamese(c.en) && !vietnamese(c.hint_en), "{}: Vietnamese in the English", c.code);
            assert_eq!(c.hint_vi.is_empty(), c.hint_en.is_empty(), "{}: a hint in one language only", c.code);
        }
    }
}
