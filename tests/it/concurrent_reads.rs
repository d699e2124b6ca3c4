//! An auditor prints while the treasurer writes: every paper read from one moment of the
//! book (the summary reads its movements on a second connection beside the first, both in
//! one snapshot), never failing and never mixing a voucher into half of its figures.

use crate::common::{Book, TODAY};

#[test]
fn summaries_read_while_another_process_writes_hold_their_checks() {
    let book = Book::new();
    for (code, name) in [("TV0001", "Nguyễn Thị Ngọc Bích"), ("TV0002", "Thạch Thị Sà Phol")] {
        book.ok(&["person", "add", "--code", code, "--name", name]);
    }
    book.ok(&["opening", "--cash", "1.200.000", "--date", "2026-01-01"]);
    let (db, writes) = (book.db.clone(), 60);
    let writer = std::thread::spawn(move || {
        for i in 0..writes {
            let person = if i % 2 == 0 { "TV0001" } else { "TV0002" };
            let out = assert_cmd::Command::cargo_bin("hunvon")
                .expect("binary")
                .env("HUNVON_DB", &db)
                .env("HUNVON_TODAY", TODAY)
                .args(["contribute", "--person", person, "--amount", "150.000"])
                .output()
                .expect("run");
            assert!(out.status.success(), "write {i}: {}", String::from_utf8_lossy(&out.stderr));
        }
    });
    let mut read = 0;
    while !writer.is_finished() || read < 10 {
        let out = book.ok(&["--read-only", "report", "summary", "--from", "2026-01-01", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&out).expect("json");
        assert_eq!(v["check_holds"], true, "đầu kỳ + thu − chi = cuối kỳ from one moment: {out}");
        assert_eq!(v["identity_holds"], true, "{out}");
        let contributions = v["contributions"].as_i64().unwrap_or(0);
        assert_eq!(v["cash"].as_i64(), Some(1_200_000 + contributions), "{out}");
        read += 1;
    }
    writer.join().expect("writer");
    book.ok(&["verify"]);
}
