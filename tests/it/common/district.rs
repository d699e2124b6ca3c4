//! Helpers of the district's tests (tests/district.rs, tests/district_refusals.rs): chapter
//! books and a district book driven through the real binary.

use std::path::Path;

use serde_json::Value;

use super::{Book, path_str};

/// A chapter's book: pool `code`, a household, two members, three receipts
/// (PT-2026-0001 … 0003). `book_id` fixes the book id (the same id twice is the same book).
pub fn chapter(code: &str, book_id: Option<&str>) -> Book {
    let book = Book::empty();
    let mut init = book.cmd();
    if let Some(id) = book_id {
        init.env("HUNVON_BOOK_ID", id);
    }
    let out = init.args(["init", "--pool", code, "--name", &format!("Chi hội {code}")]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Thị Thu Hương"]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0001",
        "--name",
        "Lê Thị Thu Hương",
        "--household",
        "H1",
        "--joined",
        "2026-01-01",
    ]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0002",
        "--name",
        "Thạch Thị Sà Phol",
        "--household",
        "H1",
        "--sponsor",
        "TV0001",
    ]);
    for (who, amount, day) in
        [("TV0001", "200.000", "02/11/2026"), ("TV0002", "150.000", "03/11/2026"), ("TV0001", "250.000", "04/11/2026")]
    {
        book.ok(&["contribute", "--person", who, "--amount", amount, "--date", day]);
    }
    book
}

/// The district's book: a path in its own folder where no book is yet.
pub fn district() -> Book {
    Book::empty()
}

pub fn collect(district: &Book, file: &Path) -> String {
    district.ok(&["collect", path_str(file)])
}

pub fn json(book: &Book, args: &[&str]) -> Value {
    serde_json::from_str(&book.ok(args)).expect("json")
}

pub fn hash_of(book: &Book, reference: &str) -> String {
    book.ok(&["verify", "--show", reference]).lines().nth(2).unwrap().to_string()
}

/// The district's file, byte for byte (a refusal must leave it so).
pub fn bytes(book: &Book) -> Vec<u8> {
    std::fs::read(&book.db).unwrap()
}

/// `report district --format json` row of a pool.
pub fn row<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["pools"].as_array().unwrap().iter().find(|r| r["pool"] == code).unwrap_or_else(|| panic!("{code}: {report}"))
}
