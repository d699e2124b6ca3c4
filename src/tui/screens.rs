//! The six screens, one module each: what each holds, how it reloads from `app`, how it
//! is drawn.

pub mod book;
pub mod insurance;
pub mod outreach_list;
pub mod overview;
pub mod people;
pub mod plan_pictures;
pub mod reports;
pub mod settings;

use crate::tui::words;
use hunvon_core::messages::i18n::Lang;

/// The six screens, by number key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Dashboard,
    Members,
    CashBook,
    Insurance,
    Reports,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; 6] =
        [Screen::Dashboard, Screen::Members, Screen::CashBook, Screen::Insurance, Screen::Reports, Screen::Settings];

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            Screen::Dashboard => words::overview(lang),
            Screen::Members => words::members(lang),
            Screen::CashBook => words::cash_book(lang),
            Screen::Insurance => words::insurance(lang),
            Screen::Reports => words::reports(lang),
            Screen::Settings => words::settings(lang),
        }
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1) % 6]
    }

    pub fn prev(self) -> Screen {
        Screen::ALL[(self.index() + 5) % 6]
    }
}
