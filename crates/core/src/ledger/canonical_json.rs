//! A voucher's canonical JSON written by hand, byte for byte what serde_json writes for
//! [`CanonicalTransaction`] (compact, fields in declaration order, its string escaping),
//! without serde's per-field machinery: `verify` writes a million of them and serde_json
//! was a quarter of its checking thread (docs/design.md §12). The tests hold it to
//! serde_json's own output, on every kind of character.

use super::canonical::{CanonicalCoverage, CanonicalPosting, CanonicalTransaction};

/// Writes `t`'s canonical JSON at the end of `out`.
pub(crate) fn write_transaction(t: &CanonicalTransaction, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"id\":");
    int(out, t.id);
    key_str(out, b",\"pool\":", &t.pool);
    key_str(out, b",\"voucher\":", &t.voucher);
    key_str(out, b",\"series\":", &t.series);
    out.extend_from_slice(b",\"year\":");
    int(out, t.year);
    out.extend_from_slice(b",\"seq\":");
    int(out, t.seq);
    key_str(out, b",\"date\":", &t.date);
    key_str(out, b",\"kind\":", &t.kind);
    key_opt_str(out, b",\"method\":", t.method.as_deref());
    key_opt_str(out, b",\"person\":", t.person.as_deref());
    key_str(out, b",\"note\":", &t.note);
    key_opt_str(out, b",\"reverses\":", t.reverses.as_deref());
    key_str(out, b",\"receipt_no\":", &t.receipt_no);
    key_str(out, b",\"entered_at\":", &t.entered_at);
    out.extend_from_slice(b",\"postings\":[");
    for (i, p) in t.postings.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        posting(out, p);
    }
    out.extend_from_slice(b"],\"coverages\":[");
    for (i, c) in t.coverages.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        coverage(out, c);
    }
    out.push(b']');
    // As `#[serde(skip_serializing_if = "String::is_empty")]` does.
    if !t.bank_ref.is_empty() {
        key_str(out, b",\"bank_ref\":", &t.bank_ref);
    }
    if !t.count_ref.is_empty() {
        key_str(out, b",\"count_ref\":", &t.count_ref);
    }
    out.push(b'}');
}

fn posting(out: &mut Vec<u8>, p: &CanonicalPosting) {
    out.extend_from_slice(b"{\"id\":");
    int(out, p.id);
    key_str(out, b",\"account\":", &p.account);
    out.extend_from_slice(b",\"amount\":");
    int(out, p.amount);
    out.push(b'}');
}

fn coverage(out: &mut Vec<u8>, c: &CanonicalCoverage) {
    out.extend_from_slice(b"{\"id\":");
    int(out, c.id);
    key_str(out, b",\"person\":", &c.person);
    key_str(out, b",\"scheme\":", &c.scheme);
    out.extend_from_slice(b",\"months\":");
    int(out, c.months);
    key_str(out, b",\"payer\":", &c.payer);
    key_opt_str(out, b",\"household\":", c.household.as_deref());
    key_opt_int(out, b",\"position\":", c.position);
    out.extend_from_slice(b",\"quote\":");
    int(out, c.quote);
    out.extend_from_slice(b",\"amount\":");
    int(out, c.amount);
    key_opt_str(out, b",\"expected_from\":", c.expected_from.as_deref());
    key_opt_str(out, b",\"expected_to\":", c.expected_to.as_deref());
    key_opt_str(out, b",\"card_from\":", c.card_from.as_deref());
    key_opt_str(out, b",\"card_to\":", c.card_to.as_deref());
    key_opt_str(out, b",\"from_month\":", c.from_month.as_deref());
    key_opt_str(out, b",\"to_month\":", c.to_month.as_deref());
    key_opt_int(out, b",\"income\":", c.income);
    key_opt_int(out, b",\"supported_months\":", c.supported_months);
    out.push(b'}');
}

fn key_str(out: &mut Vec<u8>, key: &[u8], s: &str) {
    out.extend_from_slice(key);
    string(out, s);
}

fn key_opt_str(out: &mut Vec<u8>, key: &[u8], s: Option<&str>) {
    out.extend_from_slice(key);
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

fn key_opt_int(out: &mut Vec<u8>, key: &[u8], n: Option<i64>) {
    out.extend_from_slice(key);
    match n {
        Some(n) => int(out, n),
        None => out.extend_from_slice(b"null"),
    }
}

/// An integer in decimal, as serde_json (itoa) writes it.
fn int(out: &mut Vec<u8>, n: i64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n.unsigned_abs();
    loop {
        at -= 1;
        // `rest % 10` is below 10: the cast keeps it whole.
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if n < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

/// What serde_json writes for a byte of a string: itself (0), a two-character escape
/// (the letter), or `\u00XX` (`u`). Bytes of non-ASCII characters, DEL, U+2028 and U+2029
/// are written as they are, as serde_json does.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// A string in quotes, escaped as serde_json escapes it; the runs between escapes copied
/// whole.
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.push(b'"');
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        match escape {
            b'u' => {
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0x0f)]])
            }
            letter => out.extend_from_slice(&[b'\\', letter]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(t: &CanonicalTransaction) -> String {
        let mut out = Vec::new();
        write_transaction(t, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    fn serde(t: &CanonicalTransaction) -> String {
        serde_json::to_string(t).unwrap_or_default()
    }

    fn full(s: &str, n: i64) -> CanonicalTransaction {
        CanonicalTransaction {
            id: n,
            pool: s.into(),
            voucher: s.into(),
            series: s.into(),
            year: n,
            seq: n.wrapping_neg(),
            date: s.into(),
            kind: s.into(),
            method: Some(s.into()),
            person: None,
            note: s.into(),
            reverses: Some(s.into()),
            receipt_no: s.into(),
            entered_at: s.into(),
            postings: vec![
                CanonicalPosting { id: n, account: s.into(), amount: n.wrapping_neg() },
                CanonicalPosting { id: 0, account: String::new(), amount: i64::MIN },
            ],
            coverages: vec![
                CanonicalCoverage {
                    id: n,
                    person: s.into(),
                    scheme: s.into(),
                    months: n,
                    payer: s.into(),
                    household: Some(s.into()),
                    position: Some(n),
                    quote: i64::MAX,
                    amount: n,
                    expected_from: Some(s.into()),
                    expected_to: None,
                    card_from: Some(s.into()),
                    card_to: None,
                    from_month: Some(s.into()),
                    to_month: Some(s.into()),
                    income: Some(n.wrapping_neg()),
                    supported_months: Some(n),
                },
                CanonicalCoverage::default(),
            ],
            bank_ref: s.into(),
            count_ref: String::new(),
        }
    }

    #[test]
    fn tricky_strings_are_escaped_as_serde_json_escapes_them() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for s in [
            "",
            "plain",
            "\"quoted\" \\back\\slash\\",
            &every_control,
            "\u{7f} DEL, \u{2028} and \u{2029}, \u{ad}, \u{202e}RLO, \u{1b}[31m",
            "góp quỹ Nguyễn Thị Ánh — 😀 ﷽",
            "\\u0000 written out, /slash/, '\t'\r\n",
        ] {
            for n in [0, 1, -1, 7, 10, 2025, 999_999_999_999, i64::MAX, i64::MIN] {
                let t = full(s, n);
                assert_eq!(written(&t), serde(&t), "{s:?} {n}");
            }
        }
        // Empty references are left out, as serde's skip_serializing_if does.
        let none = CanonicalTransaction::default();
        assert_eq!(written(&none), serde(&none));
        let count = CanonicalTransaction { count_ref: "KK-1".into(), ..none };
        assert_eq!(written(&count), serde(&count));
    }

    proptest! {
        #[test]
        fn any_text_and_number_is_written_as_serde_json_writes_it(s in any::<String>(), n in any::<i64>()) {
            let t = full(&s, n);
            prop_assert_eq!(written(&t), serde(&t));
        }
    }
}
