//! docs/design.md §11, at a district's size: a collection of more than a thousand records sets
//! indexes and re-checking triggers aside while it copies (crates/store/src/collect_indexes.rs). The
//! book it commits has exactly the schema the migrations build (`verify` compares them), its
//! copy and sums are the chapter's, and one refused half-way is left as it was.

use std::path::{Path, PathBuf};

use crate::common::district::{bytes, chapter, collect, district, json, row};
use crate::common::{Book, path_str};
use rusqlite::Connection;
use serde_json::Value;

/// A chapter's book of 60 people over 24 months (over a thousand vouchers).
fn large_chapter(dir: &Path) -> PathBuf {
    let d = district();
    d.ok(&["demo", "--chapters", "1", "--people", "60", "--months", "24", "--out", path_str(dir)]);
    let file = dir.join("to01.db");
    let vouchers: i64 =
        Connection::open(&file).unwrap().query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap();
    assert!(vouchers > 1_000, "{vouchers} vouchers: too few to take the large path");
    file
}

/// Every table, index and trigger of a book with its definition.
fn schema(db: &Path) -> Vec<(String, String, String)> {
    let c = Connection::open(db).unwrap();
    let mut st = c.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name").unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(Result::unwrap).collect()
}

fn summary(db: &Path, pool: Option<&str>) -> Value {
    let book = Book::empty();
    let mut args = vec!["--db", path_str(db)];
    if let Some(p) = pool {
        args.extend(["--pool", p]);
    }
    args.extend(["report", "summary", "--format", "json"]);
    json(&book, &args)
}

#[test]
fn a_large_first_collection_commits_the_migrations_schema_and_the_chapters_sums() {
    let dir = tempfile::tempdir().unwrap();
    let file = large_chapter(dir.path());
    let small = chapter("TO9", None);
    let d = district();
    collect(&d, &small.db);
    let before = schema(&d.db);
    let printed = collect(&d, &file);
    assert!(printed.contains("TO01 (nhận lần đầu)"), "{printed}");
    assert_eq!(schema(&d.db), before, "every index and trigger set aside is back, word for word");
    let checked = d.ok(&["verify"]);
    assert!(checked.contains("TO01") && checked.contains("TO9"), "{checked}");
    // Over a thousand vouchers, counted as people read numbers (1.234, not 1234).
    let vouchers: i64 =
        Connection::open(&file).unwrap().query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap();
    let grouped = format!("{}.{:03} chứng từ", vouchers / 1000, vouchers % 1000);
    assert!(checked.contains(&grouped), "{grouped}: {checked}");
    let own = summary(&file, None);
    let report = json(&d, &["report", "district", "--format", "json"]);
    let r = row(&report, "TO01");
    for (k, sk) in [("cash", "cash"), ("bank", "bank"), ("held", "members"), ("head", "head")] {
        assert_eq!(r[k], own[sk], "{k}");
    }
    // The indexes were built again: the papers read the copy through them.
    assert_eq!(summary(&d.db, Some("TO01"))["members"], own["members"]);
    // Later vouchers come in the ordinary way, onto the rebuilt indexes.
    let on_file = ["--db", path_str(&file)];
    Book::empty().ok(&[&on_file[..], &["contribute", "--person", "TV00001", "--amount", "100.000"]].concat());
    assert!(collect(&d, &file).contains("TO01: 1 chứng từ"));
    d.ok(&["verify"]);
}

#[test]
fn a_large_collection_refused_half_way_leaves_the_book_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = large_chapter(dir.path());
    // A voucher near the end altered, its hash not recomputed: found after a thousand
    // records are written, indexes and triggers dropped.
    let c = Connection::open(&file).unwrap();
    let last: i64 = c.query_row("SELECT MAX(txn_id) FROM postings", [], |r| r.get(0)).unwrap();
    c.execute_batch(&format!(
        "DROP TRIGGER postings_no_update; UPDATE postings SET amount = amount * 2 WHERE txn_id = {last};"
    ))
    .unwrap();
    drop(c);
    let d = district();
    collect(&d, &chapter("TO9", None).db);
    let before = bytes(&d);
    let err = d.refused(&["collect", path_str(&file)]);
    assert!(err.contains("không nguyên vẹn"), "{err}");
    assert_eq!(bytes(&d), before);
    d.ok(&["verify"]);
}
