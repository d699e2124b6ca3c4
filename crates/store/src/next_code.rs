//! The next free code an add form offers: the pattern of the code added last (its
//! letters and the width of its number, "TV0030" → "TV0031", "H12" → "H13"), one past
//! the highest number written that way.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;

/// Which codes: people's or households'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coded {
    Person,
    Household,
}

impl Coded {
    fn table(self) -> &'static str {
        match self {
            Coded::Person => "persons",
            Coded::Household => "households",
        }
    }

    /// What a pool's first code looks like.
    fn first(self) -> &'static str {
        match self {
            Coded::Person => "TV0001",
            Coded::Household => "H01",
        }
    }
}

/// A code's letters and its number's digits ("TV0030" → ("TV", "0030")).
fn split(code: &str) -> (&str, &str) {
    let at = code.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    code.split_at(at)
}

impl Store {
    /// The next free code of the pool's people or households.
    pub fn next_code(&self, pool_id: i64, what: Coded) -> Result<String> {
        let table = what.table();
        let last: Option<String> = self
            .conn
            .prepare_cached(&format!("SELECT code FROM {table} WHERE pool_id = ?1 ORDER BY id DESC LIMIT 1"))?
            .query_row([pool_id], |r| r.get(0))
            .optional()?;
        let last = last.unwrap_or_else(|| what.first().to_string());
        let (letters, digits) = split(&last);
        let (letters, width) = if digits.is_empty() { (last.as_str(), 1) } else { (letters, digits.len()) };
        // The highest number written after these letters (digits only), computed by SQLite
        // so a pool of 100.000 people is not read into memory.
        let highest: Option<i64> = self
            .conn
            .prepare_cached(&format!(
                "SELECT MAX(CAST(substr(code, ?3) AS INTEGER)) FROM {table} \
                 WHERE pool_id = ?1 AND code GLOB ?2 AND substr(code, ?3) NOT GLOB '*[^0-9]*'"
            ))?
            .query_row(params![pool_id, format!("{letters}[0-9]*"), letters.len() as i64 + 1], |r| r.get(0))?;
        let mut n = highest.map_or(1, |h| h + 1);
        loop {
            let code = format!("{letters}{n:0width$}");
            let taken: bool = self
                .conn
                .prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE pool_id = ?1 AND code = ?2)"))?
                .query_row(params![pool_id, code], |r| r.get(0))?;
            if !taken {
                return Ok(code);
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn a_code_splits_into_letters_and_number() {
        assert_eq!(split("TV0030"), ("TV", "0030"));
        assert_eq!(split("H12"), ("H", "12"));
        assert_eq!(split("TO-A"), ("TO-A", ""));
    }
}
