//! The two languages a person can read hunvon in. Vietnamese is the default.
//!
//! Every user-visible sentence is written in both languages side by side in its area's
//! sentence table (a `words!` table, see `sentences`, or an exhaustive `match` on the
//! language in the error and warning enums), so the compiler refuses a message that lacks
//! one of them; logic code asks the table and never holds a sentence of its own.

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
    /// The language's code, as `--lang` and HTML's `lang` take it.
    pub fn code(self) -> &'static str {
        self.pick("vi", "en")
    }

    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// A count as people read it: `20.000` in Vietnamese, `20,000` in English.
    pub fn count(self, n: usize) -> String {
        let grouped = crate::domain::money::group(i64::try_from(n).unwrap_or(i64::MAX));
        self.pick(grouped.clone(), grouped.replace('.', ","))
    }

    /// A time taken, to a tenth of a second: `51,1 giây` / `51.1 s`.
    pub fn seconds(self, elapsed: std::time::Duration) -> String {
        let tenths = (elapsed.as_millis() + 50) / 100;
        match self {
            Lang::Vi => format!("{},{} giây", tenths / 10, tenths % 10),
            Lang::En => format!("{}.{} s", tenths / 10, tenths % 10),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use std::time::Duration;

    #[test]
    fn counts_and_seconds_follow_the_language() {
        assert_eq!(Lang::Vi.count(702_080), "702.080");
        assert_eq!(Lang::En.count(702_080), "702,080");
        assert_eq!(Lang::Vi.seconds(Duration::from_millis(51_149)), "51,1 giây");
        assert_eq!(Lang::En.seconds(Duration::from_millis(51_150)), "51.2 s");
    }
}
