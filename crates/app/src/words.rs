//! Every sentence the papers, views and use cases show, by area, in Vietnamese and English
//! side by side (like gitui's strings.rs): logic code calls `words::name(lang)` and never
//! holds a sentence of its own. Each sentence is one named function returning the text in
//! the language asked for. The table in each area is written with [`words!`] so that the
//! test below can read every sentence: both languages present, no Vietnamese left in the
//! English, the same placeholders on both sides, and no sentence written twice under two
//! names. (Errors and warnings stay in hunvon-core's `messages`.)

/// The tables are written with hunvon-core's [`hunvon_core::words!`] (re-exported as
/// `hunvon_app::words!` for the command line's and the TUI's tables), forwarded here so that
/// the area modules below see it.
macro_rules! words {
    ($($table:tt)*) => {
        hunvon_core::words!($($table)*);
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
    /// Both languages, no Vietnamese in the English, the same placeholders on both sides,
    /// no sentence written twice (`hunvon_core::messages::sentences::check`).
    #[test]
    fn every_sentence_has_both_languages_once() {
        hunvon_core::messages::sentences::check(&[
            super::books::ALL,
            super::common::ALL,
            super::district::ALL,
            super::insurance::ALL,
            super::paper_frame::ALL,
            super::summary::ALL,
            super::tallies::ALL,
            super::views::ALL,
        ]);
        // The keyed tables (a column's or a field's name by the key the data carries).
        for table in [super::PERSON_FIELDS, super::CSV_HEADERS, super::RATE_PARAMETERS] {
            hunvon_core::messages::sentences::check(&[table]);
        }
    }
}
