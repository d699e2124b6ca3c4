//! Schema step 8 (docs/quy-dinh.md §6, vouchers by kind): a book written at step 7 opens, keeps
//! every hash (the new hashed keys are last and absent when empty), and takes the new series,
//! kinds, references and numbers.

use crate::common;

use crate::common::Book;

/// The step-7 book of tests/data/step7_book.sql, in a fresh file.
fn step7_book() -> Book {
    Book::at_step7()
}

/// The head printed by main's binary (schema step 7) for this book.
const HEAD_AT_STEP7: &str = "#8=72c54b0358d7e87170e8b50cf6d573f06b508b143348ca06038b0f39ec6b1103";

#[test]
fn a_step7_book_is_migrated_and_keeps_every_hash() {
    let b = step7_book();
    // A write open migrates; verify then finds the chain and the structure whole.
    b.ok(&["--pool", "TO1", "pool", "set", "--org", "Hội Nông dân xã"]);
    let version: i64 = b.sqlite().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert!(version >= 8, "migrated past step 8: {version}");
    let out = b.ok(&["verify"]);
    assert!(out.contains("sổ nguyên vẹn"), "{out}");
    // The records written at step 7 are unchanged: the old head is still a record of the chain.
    b.ok(&["verify", "--anchor", HEAD_AT_STEP7]);
    let shown = b.ok(&["verify", "--show", "PT-2026-0001"]);
    assert!(shown.contains(r#""coverages":[]}"#), "no new key on an old voucher: {shown}");
    let count = b.ok(&["verify", "--show", "#7"]);
    assert!(count.contains(r#""entered_at":"#) && !count.contains("number"), "{count}");
}

#[test]
fn step8_admits_the_new_series_kinds_and_columns() {
    let b = step7_book();
    b.ok(&["--pool", "TO1", "pool", "set", "--org", "Hội Nông dân xã"]);
    let db = b.sqlite();
    let table: String = db
        .query_row("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'transactions'", [], |r| r.get(0))
        .unwrap();
    for wanted in ["'BC', 'BN'", "'count_difference', 'settlement'", "bank_ref", "count_ref"] {
        assert!(table.contains(wanted), "{wanted} in {table}");
    }
    for (table, column) in [("cash_counts", "seq"), ("cash_counts", "counted_time"), ("closes", "seq")] {
        let found: bool = db
            .query_row(
                &format!("SELECT EXISTS (SELECT 1 FROM pragma_table_info('{table}') WHERE name = '{column}')"),
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(found, "{table}.{column}");
    }
}

#[test]
fn counts_and_closes_get_their_own_yearly_numbers_hashed_last() {
    let mut b = step7_book();
    b.today = "2026-02-20".into();
    b.ok(&["count", "--date", "2026-02-01", "--total", "963.600"]);
    b.ok(&["count", "--date", "2026-02-02", "--total", "963.600"]);
    b.ok(&["close", "--to", "2026-02-10"]);
    // Records #9 and #10 are the counts, #11 the close.
    let first = b.ok(&["verify", "--show", "#9"]);
    // `count` without --time records the local hour of entry (docs/design.md §6; the tests run at
    // TZ=Asia/Ho_Chi_Minh), hashed after the number.
    assert!(first.contains(r#""number":1,"time":"07:00"}"#), "{first}");
    let second = b.ok(&["verify", "--show", "#10"]);
    assert!(second.contains(r#""number":2,"time":"07:00"}"#), "{second}");
    let close = b.ok(&["verify", "--show", "#11"]);
    assert!(close.contains(r#""entered_at":"#) && close.contains(r#""number":1}"#), "{close}");
    b.ok(&["verify"]);
    // A number out of turn is refused by the book itself.
    let db = b.sqlite();
    let err = db
        .execute_batch(
            "INSERT INTO cash_counts (pool_id, chain_pos, counted_on, book_balance, counted, notes, entered_at, seq) \
             VALUES (1, 99, '2026-03-01', 0, 0, '[]', 'x', 5)",
        )
        .unwrap_err();
    assert!(err.to_string().contains("count number is not the next"), "{err}");
}

/// Vouchers written before the kinds of docs/quy-dinh.md §6 keep their numbers; the papers
/// place them by kind: the old reversal PC-2026-0001 (of the bank receipt PT-2026-0002) stands
/// in the bank book's "Gửi vào" as a negative figure, and its slip is a phiếu kế toán with
/// nobody signing for cash.
#[test]
fn old_vouchers_keep_their_numbers_and_papers_place_them_by_kind() {
    let mut b = step7_book();
    b.today = "2026-01-20".into();
    let v: serde_json::Value = serde_json::from_str(&b.ok(&[
        "report",
        "cashbook",
        "--method",
        "bank",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-20",
        "--format",
        "json",
    ]))
    .unwrap();
    let lines: Vec<(String, i64, i64)> = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["voucher"].as_str().unwrap().into(), l["in"].as_i64().unwrap(), l["out"].as_i64().unwrap()))
        .collect();
    let expected: Vec<(String, i64, i64)> = vec![
        ("PT-2026-0002".into(), 500_000, 0),
        ("PK-2026-0001".into(), 300_000, 0),
        ("PC-2026-0001".into(), -500_000, 0),
    ];
    assert_eq!(lines, expected);
    assert_eq!(v["total_in"], 300_000, "what really came in");
    let slip = b.ok(&["slip", "PC-2026-0001"]);
    assert!(slip.contains("PHIẾU KẾ TOÁN") && slip.contains("Số: PC-2026-0001"), "{slip}");
    assert!(!slip.contains("Thủ quỹ") && !slip.contains("Đã nhận đủ số tiền"), "{slip}");
}

/// A district's copy keeps the new keys: a BC with its bank reference, a numbered count
/// and close come into the district file and hash the same there.
#[test]
fn a_district_copy_keeps_bank_references_and_numbers() {
    use common::district::{chapter, collect, district};
    let mut to1 = chapter("TO1", None);
    to1.today = "2026-02-20".into();
    let bc = to1.voucher(&[
        "contribute",
        "--person",
        "TV0002",
        "--amount",
        "250.000",
        "--date",
        "2026-02-02",
        "--method",
        "bank",
        "--bank-ref",
        "FT26033",
    ]);
    assert!(bc.starts_with("BC-2026-"), "{bc}");
    to1.ok(&["count", "--date", "2026-02-03", "--total", "100.000"]);
    to1.ok(&["close", "--to", "2026-02-05"]);
    let d = district();
    collect(&d, &to1.db);
    d.ok(&["verify"]);
    let here = d.ok(&["--pool", "TO1", "verify", "--show", &bc]);
    assert_eq!(here, to1.ok(&["verify", "--show", &bc]));
    assert!(here.contains(r#""bank_ref":"FT26033"}"#), "{here}");
    let counted: (Option<i64>, Option<i64>) = d
        .sqlite()
        .query_row("SELECT (SELECT MAX(seq) FROM cash_counts), (SELECT MAX(seq) FROM closes)", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(counted, (Some(1), Some(1)));
}
