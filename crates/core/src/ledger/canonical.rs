//! The hash chain's text form (docs/hash.md), so that an auditor can recompute any link with
//! `sha256sum` and no program of ours:
//!
//! ```text
//! hash = SHA-256( prev_hash_hex + "\n" + canonical_json )
//! ```
//!
//! `prev_hash_hex` is the hash of the pool's previous record — a voucher or any other
//! record of the chain (`record.rs`) — in 64 lowercase hex digits (64 zeros for the pool's
//! first). For a voucher, `canonical_json` is one line of compact JSON (no
//! spaces, UTF-8 as is, serde_json escaping) holding every stored column of the
//! transaction in this fixed key order:
//!
//! `id, pool, voucher, series, year, seq, date, kind, method, person, note, reverses,
//! receipt_no, entered_at, postings, coverages, bank_ref, count_ref`
//!
//! where the last two (schema step 8, SPEC §8) are written only when not empty, so the
//! vouchers written before them keep their text and hash;
//! and `pool` is the pool's code, `person` the person's code (or null), `reverses` the
//! reversed voucher's number (or null); then `postings`, in id order, each
//! `{id, account, amount}` with the account's name (`cash`, `member:TV0001`…) and the
//! amount in whole đồng (debit positive); then `coverages`, in id order, each
//! `{id, person, scheme, months, payer, household, position, quote, amount,
//! expected_from, expected_to, card_from, card_to, from_month, to_month, income,
//! supported_months}`. Ids and codes stand in for the foreign keys, so changing a row,
//! moving a posting to another account or swapping rows all change the text.
//! `prev_hash` and `hash` are the chain itself and are not inside the JSON.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash of "nothing before": the previous hash of a pool's first record.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One transaction as stored, with its postings and coverage rows, in canonical order.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct CanonicalTransaction {
    pub id: i64,
    pub pool: String,
    pub voucher: String,
    pub series: String,
    pub year: i64,
    pub seq: i64,
    pub date: String,
    pub kind: String,
    pub method: Option<String>,
    pub person: Option<String>,
    pub note: String,
    pub reverses: Option<String>,
    pub receipt_no: String,
    pub entered_at: String,
    pub postings: Vec<CanonicalPosting>,
    pub coverages: Vec<CanonicalCoverage>,
    /// The bank's reference; absent from the text when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bank_ref: String,
    /// The cash count's number a difference or settlement belongs to; absent when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub count_ref: String,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct CanonicalPosting {
    pub id: i64,
    pub account: String,
    pub amount: i64,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct CanonicalCoverage {
    pub id: i64,
    pub person: String,
    pub scheme: String,
    pub months: i64,
    pub payer: String,
    pub household: Option<String>,
    pub position: Option<i64>,
    pub quote: i64,
    pub amount: i64,
    pub expected_from: Option<String>,
    pub expected_to: Option<String>,
    pub card_from: Option<String>,
    pub card_to: Option<String>,
    pub from_month: Option<String>,
    pub to_month: Option<String>,
    pub income: Option<i64>,
    pub supported_months: Option<i64>,
}

impl CanonicalTransaction {
    /// The one-line JSON that is hashed.
    pub fn json(&self) -> String {
        let mut out = Vec::with_capacity(512);
        self.json_into(&mut out);
        // Written from strings and ASCII only: always UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }
}

impl CanonicalTransaction {
    /// The same JSON appended to `out`: what serde_json writes for this type, byte for
    /// byte, written by hand (`canonical_json.rs`).
    pub fn json_into(&self, out: &mut Vec<u8>) {
        super::canonical_json::write_transaction(self, out);
    }
}

/// The exact text that is hashed: previous hash, a newline, the canonical JSON.
pub fn chain_text(prev_hash: &str, canonical_json: &str) -> String {
    format!("{prev_hash}\n{canonical_json}")
}

/// SHA-256 of the chain text, as 64 lowercase hex digits.
pub fn link_hash(prev_hash: &str, canonical_json: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical_json.as_bytes());
    hex(&hasher.finalize())
}

/// Whether `expected` is the hash of the chain text, compared digit by digit without
/// writing the hex out (`verify` checks a million links).
/// The text is taken as bytes: `verify` writes it into a byte buffer and need not check
/// that it is UTF-8 again.
pub fn link_hash_is(prev_hash: &str, canonical_json: &[u8], expected: &str) -> bool {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(canonical_json);
    let digest = hasher.finalize();
    let e = expected.as_bytes();
    e.len() == 2 * digest.len()
        && digest
            .iter()
            .zip(e.chunks(2))
            .all(|(b, pair)| pair[0] == DIGITS[usize::from(b >> 4)] && pair[1] == DIGITS[usize::from(b & 0x0f)])
}

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// Lowercase hex of bytes (sha2 0.11's digest has no `{:x}`; `format!` per byte is slow
/// over a million links).
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_text() {
        // printf '%s\n%s' "$(printf '0%.0s' {1..64})" '{}' | sha256sum
        let h = link_hash(GENESIS, "{}");
        assert_eq!(h.len(), 64);
        let direct: String =
            Sha256::digest(format!("{GENESIS}\n{{}}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(h, direct);
        assert!(link_hash_is(GENESIS, b"{}", &h));
        assert!(!link_hash_is(GENESIS, b"{}", &h.to_uppercase()));
        assert!(!link_hash_is(GENESIS, b"{}", h.get(..63).unwrap_or_default()));
    }

    #[test]
    fn key_order_is_fixed() {
        let t = CanonicalTransaction {
            id: 1,
            pool: "TO1".into(),
            voucher: "PT-2025-0001".into(),
            series: "PT".into(),
            year: 2025,
            seq: 1,
            date: "2025-01-05".into(),
            kind: "contribution".into(),
            method: Some("cash".into()),
            person: Some("TV0001".into()),
            note: "góp".into(),
            reverses: None,
            receipt_no: String::new(),
            entered_at: "2025-01-05T00:00:00Z".into(),
            postings: vec![CanonicalPosting { id: 1, account: "cash".into(), amount: 200000 }],
            coverages: vec![],
            bank_ref: String::new(),
            count_ref: String::new(),
        };
        assert_eq!(
            t.json(),
            r#"{"id":1,"pool":"TO1","voucher":"PT-2025-0001","series":"PT","year":2025,"seq":1,"date":"2025-01-05","kind":"contribution","method":"cash","person":"TV0001","note":"góp","reverses":null,"receipt_no":"","entered_at":"2025-01-05T00:00:00Z","postings":[{"id":1,"account":"cash","amount":200000}],"coverages":[]}"#
        );
        // The bank's reference comes last, and only when there is one.
        let with_ref = CanonicalTransaction { bank_ref: "GNT 0815".into(), ..t };
        assert!(with_ref.json().ends_with(r#""coverages":[],"bank_ref":"GNT 0815"}"#));
    }
}
