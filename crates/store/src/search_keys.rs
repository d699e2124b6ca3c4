//! What a search matches of a person, kept for lists filtered in memory. The overview
//! hands each person's keys to up to three lists (cover, outreach, dues) of a province's
//! 100.000 people, so the five columns live in one shared text: a copy is a count, not
//! five allocations, and a list of them is freed as fast as it was made.

use std::sync::Arc;

use crate::browse::Search;

/// A person's search columns: code, folded name, phone, CCCD, mã số BHXH (empty where
/// unknown), in one shared text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchKeys {
    text: Arc<str>,
    /// Where the code, the folded name, the phone and the CCCD end; mã số BHXH is the rest.
    ends: [u32; 4],
}

impl SearchKeys {
    /// The keys of one person, in one allocation. Each column is far below 4 GB (the input
    /// rules bound them), so its end fits in 32 bits.
    pub fn new(code: &str, folded: &str, phone: &str, cccd: &str, bhxh_code: &str) -> SearchKeys {
        let mut text = String::with_capacity(code.len() + folded.len() + phone.len() + cccd.len() + bhxh_code.len());
        let mut ends = [0u32; 4];
        for (end, column) in ends.iter_mut().zip([code, folded, phone, cccd]) {
            text.push_str(column);
            *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
        }
        text.push_str(bhxh_code);
        SearchKeys { text: Arc::from(text), ends }
    }

    fn column(&self, at: usize) -> &str {
        let from = if at == 0 { 0 } else { self.ends[at - 1] as usize };
        let to = self.ends.get(at).map_or(self.text.len(), |&e| e as usize);
        self.text.get(from..to).unwrap_or("")
    }

    pub fn code(&self) -> &str {
        self.column(0)
    }

    pub fn folded(&self) -> &str {
        self.column(1)
    }

    pub fn phone(&self) -> &str {
        self.column(2)
    }

    pub fn cccd(&self) -> &str {
        self.column(3)
    }

    pub fn bhxh_code(&self) -> &str {
        self.column(4)
    }

    /// The same test as the SQL one (`browse::MATCHES`), for a list already in memory.
    pub fn matches(&self, s: &Search) -> bool {
        if s.is_empty() {
            return true;
        }
        let text = s.like.trim_matches('%');
        self.folded().contains(text)
            || self.code().starts_with(s.code_typed())
            || (!s.digits.is_empty()
                && (self.phone().contains(&s.digits)
                    || self.cccd().starts_with(&s.digits)
                    || self.bhxh_code().starts_with(&s.digits)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_column_reads_back_as_given() {
        let k = SearchKeys::new("TV0012", "do thi hanh", "0912345678", "", "7912345678");
        assert_eq!(
            (k.code(), k.folded(), k.phone(), k.cccd(), k.bhxh_code()),
            ("TV0012", "do thi hanh", "0912345678", "", "7912345678")
        );
        let empty = SearchKeys::default();
        assert_eq!((empty.code(), empty.folded(), empty.bhxh_code()), ("", "", ""));
        assert_eq!(k.clone(), k);
    }

    #[test]
    fn matches_as_the_sql_does() {
        let k = SearchKeys::new("TV0012", "do thi hanh", "0912345678", "079185001234", "7912345678");
        for (typed, expected) in [
            ("", true),
            ("hạnh", true),
            ("thi ha", true),
            ("chanh", false),
            ("tv00", true),
            ("TV0012", true),
            ("TV0013", false),
            ("0791", true),
            ("7912", true),
            ("345", true),
            ("999", false),
            ("8500", false),
        ] {
            assert_eq!(k.matches(&Search::new(typed)), expected, "{typed}");
        }
    }
}
