//! The chain's non-voucher records (docs/hash.md, docs/design.md §5): the
//! pool itself, households, persons and the dues schedule. Each is one line of compact
//! JSON that starts with `"record": TYPE` and then has a fixed key order; it is hashed
//! exactly like a voucher's canonical text (`canonical::link_hash`).
//!
//! The text is built only from values stored with the record — codes, never row ids —
//! so a copy collected into a district file (where row ids differ) hashes the same, and
//! it is stored verbatim in `chain.body` so `verify` recomputes it without lookups.

use serde::{Deserialize, Serialize};

/// One non-voucher record, tagged by its type; serde writes the tag first.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(tag = "record", rename_all = "lowercase")]
// A person is the largest record; records are made and hashed one at a time, so boxing
// it would only add an allocation per record.
#[allow(clippy::large_enum_variant)]
pub enum Record {
    Pool(PoolRecord),
    Household(HouseholdRecord),
    Person(PersonRecord),
    Dues(DuesRecord),
    Count(CountRecord),
    Close(CloseRecord),
    Import(ImportRecord),
    Card(CardRecord),
    Target(TargetRecord),
}

/// A card the pool did not buy (SPEC §10): a poor household's state card, a pupil's card
/// through school, an employee's compulsory BHXH. No money moves. A record that cancels an
/// earlier one repeats its fields and adds `cancels` (its place `#pos`) and the reason;
/// those two keys appear only then, so a plain card's text has neither.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CardRecord {
    pub pool: String,
    /// The person's code.
    pub person: String,
    /// `bhyt` or `bhxh`.
    pub scheme: String,
    /// `state`, `employer`, `school` or `other`.
    pub source: String,
    pub from: String,
    pub to: String,
    pub card_no: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancels: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub entered_at: String,
}

/// The year's plan (chỉ tiêu): people with BHYT, BHXH participants and, when set, new BHXH
/// participants. In a district's own chain it also names the chapter's book (`book_id`),
/// and overrides the chapter's own target.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TargetRecord {
    pub pool: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub book_id: Option<String>,
    pub year: i32,
    pub bhyt: i64,
    pub bhxh: i64,
    pub new_bhxh: Option<i64>,
    pub entered_at: String,
}

/// A CSV file imported into the pool (`hunvon import`): its SHA-256, kind and rows, as the
/// `imports` row that keeps it from being imported twice. `imported_at` is when the import
/// was made; `entered_at` when the record was (the same, except for the records a
/// migration wrote for the imports made before records existed).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ImportRecord {
    pub pool: String,
    pub kind: String,
    pub sha256: String,
    pub file_name: String,
    pub rows: i64,
    pub imported_on: String,
    pub imported_at: String,
    pub entered_at: String,
}

/// A cash count (biên bản kiểm kê quỹ, form 08a-TT): the day, the cash book's balance at
/// that moment, the notes counted by denomination (đồng, pieces) or only their total,
/// who counted and the reason given for a difference.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CountRecord {
    pub pool: String,
    pub date: String,
    pub book_balance: i64,
    pub notes: Vec<(i64, i64)>,
    pub counted: i64,
    pub counted_by: String,
    pub reason: String,
    pub entered_at: String,
    /// The count's number in the year of its date (schema step 8); absent from the
    /// counts written before, whose text and hash stay as they were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
    /// The hour of the count, `HH:MM` (`count --time`); absent when not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
}

/// A close (khóa sổ): no voucher dated on or before `to` can be written afterwards. It
/// holds the chain head at the close and the cash and bank balances at `to`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CloseRecord {
    pub pool: String,
    pub to: String,
    pub head: String,
    pub cash: i64,
    pub bank: i64,
    pub entered_at: String,
    /// The close's number in the year of its last day (schema step 8); absent before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<i64>,
}

/// The pool: its book id (a UUID fixed at `init`) and its name; after `pool set`, also
/// the letterhead its papers print (absent from the records written before, whose text
/// and hash stay as they were).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PoolRecord {
    pub pool: String,
    pub book_id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<LetterheadRecord>,
    pub entered_at: String,
}

/// The letterhead of a pool record: what every paper prints in its header block and
/// under its signature places.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LetterheadRecord {
    pub org: String,
    pub address: String,
    pub bank: String,
    pub account: String,
    pub treasurer: String,
    pub accountant: String,
    pub leader: String,
    /// The district's age recipient (`age1…`) the book is handed in to: written only once
    /// set, so the letterheads recorded before keep their text and their hashes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub district_key: String,
    /// The form set the papers follow (`TT99`, `TT200`, `TT133`; `pool set --forms`):
    /// written only once chosen, last, for the same reason.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub forms: String,
}

/// A household as stored after an add or edit.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct HouseholdRecord {
    pub pool: String,
    pub code: String,
    pub name: String,
    pub address: String,
    pub entered_at: String,
}

/// A person as stored after an add or edit: every column of `persons` (the folded name
/// aside, which is derived), with the household and sponsor by code.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct PersonRecord {
    pub pool: String,
    pub code: String,
    pub full_name: String,
    pub date_of_birth: Option<String>,
    pub gender: Option<String>,
    pub cccd: Option<String>,
    pub bhxh_code: Option<String>,
    pub household: Option<String>,
    pub category: String,
    pub phone: Option<String>,
    pub joined: Option<String>,
    pub sponsor: Option<String>,
    /// The day she left the group. Written only once set, so the records made before
    /// members could leave keep their text and their hashes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_on: Option<String>,
    pub entered_at: String,
}

/// One line of the dues schedule: the monthly amount from a date (0 = no fixed dues).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct DuesRecord {
    pub pool: String,
    pub amount: i64,
    pub effective_from: String,
    pub entered_at: String,
}

impl Record {
    /// The one-line JSON that is stored and hashed.
    pub fn json(&self) -> String {
        // Serialising plain strings, integers and options cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored body back; `None` for text hunvon did not write.
    pub fn parse(body: &str) -> Option<Record> {
        serde_json::from_str(body).ok()
    }

    /// The value of `chain.kind` for this record.
    pub fn kind(&self) -> &'static str {
        match self {
            Record::Pool(_) => "pool",
            Record::Household(_) => "household",
            Record::Person(_) => "person",
            Record::Dues(_) => "dues",
            Record::Count(_) => "count",
            Record::Close(_) => "close",
            Record::Import(_) => "import",
            Record::Card(_) => "card",
            Record::Target(_) => "target",
        }
    }

    /// Sets when it was entered (a migration's records, and a write's stamp taken inside
    /// its transaction).
    pub fn set_entered_at(&mut self, at: &str) {
        let field = match self {
            Record::Pool(r) => &mut r.entered_at,
            Record::Household(r) => &mut r.entered_at,
            Record::Person(r) => &mut r.entered_at,
            Record::Dues(r) => &mut r.entered_at,
            Record::Count(r) => &mut r.entered_at,
            Record::Close(r) => &mut r.entered_at,
            Record::Import(r) => &mut r.entered_at,
            Record::Card(r) => &mut r.entered_at,
            Record::Target(r) => &mut r.entered_at,
        };
        at.clone_into(field);
    }

    /// When it was entered.
    pub fn entered_at(&self) -> &str {
        match self {
            Record::Pool(r) => &r.entered_at,
            Record::Household(r) => &r.entered_at,
            Record::Person(r) => &r.entered_at,
            Record::Dues(r) => &r.entered_at,
            Record::Count(r) => &r.entered_at,
            Record::Close(r) => &r.entered_at,
            Record::Import(r) => &r.entered_at,
            Record::Card(r) => &r.entered_at,
            Record::Target(r) => &r.entered_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_first_and_keys_keep_their_order() {
        let r = Record::Person(PersonRecord {
            pool: "TO1".into(),
            code: "TV0001".into(),
            full_name: "Lê Thị Thu Hương".into(),
            household: Some("H1".into()),
            category: "other".into(),
            entered_at: "2026-01-05T00:00:00Z".into(),
            ..PersonRecord::default()
        });
        assert_eq!(
            r.json(),
            r#"{"record":"person","pool":"TO1","code":"TV0001","full_name":"Lê Thị Thu Hương","date_of_birth":null,"gender":null,"cccd":null,"bhxh_code":null,"household":"H1","category":"other","phone":null,"joined":null,"sponsor":null,"entered_at":"2026-01-05T00:00:00Z"}"#
        );
        assert_eq!(Record::parse(&r.json()), Some(r.clone()));
        assert_eq!(Record::parse(r#"{"record":"person","x":1}"#), None);
        // A member who left: the day comes after the sponsor.
        let Record::Person(mut p) = r else { return };
        p.left_on = Some("2026-06-30".into());
        assert!(Record::Person(p.clone()).json().contains(r#""sponsor":null,"left_on":"2026-06-30","entered_at""#));
        assert_eq!(Record::parse(&Record::Person(p.clone()).json()), Some(Record::Person(p)));
    }
}
