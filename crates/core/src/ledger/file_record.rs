//! The file's own chain (docs/hash.md, docs/design.md §5): records of what belongs to the
//! whole file rather than to one pool — today every rate row added with `rates set`. Each
//! is one line of compact JSON that starts with `"record": TYPE`, hashed like every other
//! record (`canonical::link_hash`), stored verbatim in `file_chain.body`.

use serde::{Deserialize, Serialize};

/// One record of the file's chain.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum FileRecord {
    Rate(RateRecord),
}

/// A rate row added from a date (`rates set NAME VALUE --from D`), every column of it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RateRecord {
    pub name: String,
    pub value: String,
    pub effective_from: String,
    pub basis: String,
    pub entered_at: String,
}

impl FileRecord {
    /// The one-line JSON that is stored and hashed.
    pub fn json(&self) -> String {
        // Serialising plain strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored body back; `None` for text hunvon did not write.
    pub fn parse(body: &str) -> Option<FileRecord> {
        serde_json::from_str(body).ok()
    }

    /// The value of `file_chain.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            FileRecord::Rate(_) => "rate",
        }
    }

    pub fn entered_at(&self) -> &str {
        match self {
            FileRecord::Rate(r) => &r.entered_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_first() {
        let r = FileRecord::Rate(RateRecord {
            name: "bhyt_rate".into(),
            value: "0.045".into(),
            effective_from: "2026-01-01".into(),
            basis: "hunvon rates set (thu quy)".into(),
            entered_at: "2026-01-05T00:00:00Z".into(),
        });
        assert!(r.json().starts_with(r#"{"record":"rate","name":"bhyt_rate","value":"0.045","#));
        assert_eq!(FileRecord::parse(&r.json()), Some(r));
    }
}
