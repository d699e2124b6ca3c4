//! The two languages a person can read hunvon in. Vietnamese is the default.
//!
//! Every user-visible sentence is written in both languages at the place it is built,
//! through [`Lang::pick`] or an exhaustive `match` on the language, so the compiler
//! refuses a message that lacks one of them.

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en`; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Chooses between the Vietnamese and the English form of one text.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}
