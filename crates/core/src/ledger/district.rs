//! The district's own chain (docs/design.md §11, docs/hash.md): one record per collection
//! of a chapter's pool and one per accepted rewrite, each one line of compact JSON that
//! starts with `"record": TYPE` and is hashed like every other record
//! (`canonical::link_hash`), so the district's history of what it received is as
//! tamper-evident as the chapters' books.

use serde::{Deserialize, Serialize};

/// One record of the district's chain.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "record", rename_all = "lowercase")]
pub enum DistrictRecord {
    Collect(CollectRecord),
    Rewrite(RewriteRecord),
    /// A district's target for a collected chapter (SPEC §10), keyed by its book id.
    Target(crate::ledger::record::TargetRecord),
}

/// A chapter's pool collected: which book, which of its records came in, and the head
/// they ended on.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CollectRecord {
    /// The code the district shows the pool under (`--as`, or the chapter's own).
    pub pool: String,
    /// The chapter's own pool code (its hashes are built with it).
    pub origin: String,
    pub book_id: String,
    pub name: String,
    /// The file's name as handed in (no folder: folders name people's computers).
    pub source: String,
    /// The places copied: `from..=to` of the chapter's chain (`from = to + 1` when nothing
    /// was new).
    pub from: i64,
    pub to: i64,
    pub vouchers: u64,
    pub first: Option<String>,
    pub last: Option<String>,
    /// The chain's last record after this collection: its reference and hash.
    pub head: String,
    pub hash: String,
    pub entered_at: String,
}

/// A chapter's book taken again after it stopped continuing the copy collected
/// (`--accept-rewrite`): the earlier copy stays, archived under another code.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct RewriteRecord {
    pub pool: String,
    pub book_id: String,
    pub archived_as: String,
    /// The first record of the earlier copy the new book no longer holds as it was.
    pub differs_at: String,
    /// Both heads as `REF=HASH`: the earlier copy's and the new book's.
    pub old_head: String,
    pub new_head: String,
    pub reason: String,
    pub entered_at: String,
}

impl DistrictRecord {
    /// The one-line JSON that is stored and hashed.
    pub fn json(&self) -> String {
        // Serialising plain strings, integers and options cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored body back; `None` for text hunvon did not write.
    pub fn parse(body: &str) -> Option<DistrictRecord> {
        serde_json::from_str(body).ok()
    }

    /// The value of `district_chain.kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            DistrictRecord::Collect(_) => "collect",
            DistrictRecord::Rewrite(_) => "rewrite",
            DistrictRecord::Target(_) => "target",
        }
    }

    pub fn entered_at(&self) -> &str {
        match self {
            DistrictRecord::Collect(r) => &r.entered_at,
            DistrictRecord::Rewrite(r) => &r.entered_at,
            DistrictRecord::Target(r) => &r.entered_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_first() {
        let r = DistrictRecord::Rewrite(RewriteRecord {
            pool: "TO3".into(),
            book_id: "b".into(),
            archived_as: "TO3-20260105".into(),
            differs_at: "PT-2026-0042".into(),
            old_head: "PT-2026-0183=aa".into(),
            new_head: "PT-2026-0190=bb".into(),
            reason: "khôi phục bản sao lưu".into(),
            entered_at: "2026-01-05T00:00:00Z".into(),
        });
        assert!(r.json().starts_with(r#"{"record":"rewrite","pool":"TO3","#));
        assert_eq!(DistrictRecord::parse(&r.json()), Some(r));
    }
}
