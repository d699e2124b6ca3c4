//! The ledger's core (docs/design.md §3), through the real binary on a real SQLite file.

use std::collections::BTreeMap;

use crate::common::{Book, data, path_str, props};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// A random pool of 120 people and 1.200 contributions made through `import` and
/// `contribute`: every balance in `report balances` equals an independent sum, and the
/// hledger export, read by the real hledger, agrees to the đồng.
#[test]
fn balances_match_an_independent_sum_and_hledger() {
    let book = Book::new();
    // Random rows from the tests' fixed seed: the same 1.150 rows on every run.
    let mut runner = props::runner();
    let people = 120usize;
    let mut csv = String::from("code,full_name,joined\n");
    for i in 0..people {
        csv.push_str(&format!("P{i:04},Người Thứ {i},2024-01-01\n"));
    }
    let people_csv = book.write("people.csv", &csv);
    book.ok(&["import", "people", path_str(&people_csv)]);

    let mut expected: BTreeMap<String, i64> = (0..people).map(|i| (format!("P{i:04}"), 0)).collect();
    let strategy = proptest::collection::vec((0..people, 1i64..2_000_000, 0u32..300), 1150);
    let rows = strategy.new_tree(&mut runner).expect("rows").current();
    let mut contributions = String::from("date,person_code,amount,method,note\n");
    for (who, amount, day) in &rows {
        let date = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Duration::days(i64::from(*day));
        // Mix the accepted forms: plain digits and Vietnamese grouping.
        let shown = if amount % 2 == 0 { amount.to_string() } else { hunvon_core::domain::money::group(*amount) };
        let method = if day % 3 == 0 { "bank" } else { "cash" };
        contributions.push_str(&format!("{date},P{who:04},\"{shown}\",{method},góp\n"));
        *expected.get_mut(&format!("P{who:04}")).unwrap() += amount;
    }
    let file = book.write("contributions.csv", &contributions);
    book.ok(&["import", "contributions", path_str(&file)]);
    for i in 0..60 {
        let who = format!("P{:04}", (i * 7) % people);
        let amount = 10_000 + i as i64 * 1_234;
        book.ok(&[
            "contribute",
            "--person",
            &who,
            "--amount",
            &hunvon_core::domain::money::group(amount),
            "--date",
            "20/11/2026",
        ]);
        *expected.get_mut(&who).unwrap() += amount;
    }

    assert_eq!(book.balances(), expected);

    let journal = book.path("so.journal");
    book.ok(&["export", "hledger", "--output", path_str(&journal)]);
    let check = std::process::Command::new("hledger")
        .args(["-f", path_str(&journal), "check"])
        .output()
        .expect("hledger installed");
    assert!(check.status.success(), "hledger check: {}", String::from_utf8_lossy(&check.stderr));
    let out = std::process::Command::new("hledger")
        .args(["-f", path_str(&journal), "balance", "liabilities:members", "--flat", "--no-total", "-O", "csv"])
        .output()
        .expect("hledger installed");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut from_hledger: BTreeMap<String, i64> = expected.keys().map(|k| (k.clone(), 0)).collect();
    for line in String::from_utf8(out.stdout).unwrap().lines().skip(1) {
        let cells: Vec<String> = line.split("\",\"").map(|c| c.trim_matches('"').to_string()).collect();
        let code = cells[0].trim_start_matches("liabilities:members:").to_string();
        let amount: i64 = cells[1].trim_end_matches(" VND").replace(',', "").parse().expect("hledger amount");
        from_hledger.insert(code, -amount);
    }
    assert_eq!(from_hledger, expected);
}

/// Lines 3, 4 and 5 are bad: nothing is written and all three are named.
#[test]
fn import_with_bad_rows_writes_nothing_and_names_every_line() {
    let book = Book::new();
    book.ok(&["import", "people", path_str(&data("people.csv"))]);
    let before = book.ok(&["report", "journal", "--format", "csv"]);
    let err = book.refused(&["import", "contributions", path_str(&data("contributions-bad.csv"))]);
    assert!(err.contains("Dòng 3:") && err.contains("TV9999"), "{err}");
    assert!(err.contains("Dòng 4:") && err.contains("31/02/2024"), "{err}");
    assert!(err.contains("Dòng 5:") && err.contains("200000,5"), "{err}");
    assert!(!err.contains("Dòng 2:") && !err.contains("Dòng 6:"), "{err}");
    assert_eq!(book.ok(&["report", "journal", "--format", "csv"]), before);
    // --dry-run on a good file checks and writes nothing either.
    let out = book.ok(&["import", "contributions", path_str(&data("contributions.csv")), "--dry-run"]);
    assert!(out.contains("234"), "{out}");
    assert_eq!(book.ok(&["report", "journal", "--format", "csv"]), before);
}

#[test]
fn reverse_makes_a_new_voucher_and_restores_balances() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Trương Thị Kiều Hoa", "--joined", "2024-01-01"]);
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "200.000", "--date", "2026-01-05"]);
    assert_eq!(pt, "PT-2026-0001");
    assert_eq!(book.balances()["TV0001"], 200_000);
    let rev = book.voucher(&["reverse", &pt, "--reason", "Ghi nhầm", "--date", "2026-01-06"]);
    assert_eq!(rev, "PK-2026-0001", "a correction moves no money: a phiếu kế toán (docs/quy-dinh.md §6)");
    assert_eq!(book.balances()["TV0001"], 0);
    let journal = book.ok(&["report", "journal", "--format", "csv"]);
    assert!(journal.contains("PT-2026-0001,2026-01-05,contribution"), "original stays visible: {journal}");
    assert!(journal.contains("PK-2026-0001,2026-01-06,reversal,Ghi nhầm,PT-2026-0001"), "{journal}");
    let text = book.ok(&["report", "journal"]);
    assert!(text.contains("đã hủy bởi PK-2026-0001"), "linked both ways: {text}");
    // The maintained sums (whole book) and the scan of the postings (a period) agree.
    book.ok(&["contribute", "--person", "TV0001", "--amount", "50.000", "--date", "2026-01-07"]);
    let kept = book.ok(&["report", "balances", "--format", "csv"]);
    assert_eq!(kept, book.ok(&["report", "balances", "--format", "csv", "--from", "2000-01-01"]));
    assert!(kept.contains("TV0001,Trương Thị Kiều Hoa,0,50000,0,50000"), "{kept}");

    let err = book.refused(&["reverse", &rev, "--reason", "x", "--date", "2026-01-07"]);
    assert!(err.contains("PK-2026-0001") && err.contains("chứng từ hủy"), "{err}");
    let err = book.refused(&["reverse", &pt, "--reason", "x", "--date", "2026-01-07"]);
    assert!(err.contains("đã được hủy bằng PK-2026-0001"), "{err}");
    let err = book.refused(&["reverse", "PT-2026-0099", "--reason", "x", "--date", "2026-01-07"]);
    assert!(err.contains("PT-2026-0099"), "{err}");
    book.ok(&["verify"]);
}

/// Changing an amount behind the program's back (triggers dropped) is caught and named.
#[test]
fn verify_names_a_voucher_changed_behind_its_back() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    for day in 1..=5 {
        book.ok(&["contribute", "--person", "TV0001", "--amount", "100000", "--date", &format!("2026-02-0{day}")]);
    }
    assert!(book.ok(&["verify"]).contains("sổ nguyên vẹn"));
    let db = book.sqlite();
    db.execute_batch(
        "DROP TRIGGER postings_no_update;
         UPDATE postings SET amount = 900000 WHERE id = (SELECT MIN(p.id) FROM postings p JOIN transactions t ON t.id = p.txn_id WHERE t.voucher = 'PT-2026-0003');",
    )
    .unwrap();
    drop(db);
    let err = book.refused(&["verify"]);
    assert!(err.contains("PT-2026-0003"), "{err}");
    assert!(err.lines().next().unwrap().contains("PT-2026-0003"), "first problem names the voucher: {err}");
    assert!(err.contains("postings_no_update"), "the dropped guard is named too: {err}");
}

/// `--read-only` refuses every write command (exit 1) and leaves the file's bytes alone.
#[test]
fn read_only_refuses_every_write_and_changes_no_byte() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương", "--joined", "2024-01-01"]);
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "100000", "--date", "2026-02-01"]);
    // Fold the WAL into the main file so that "unchanged" means the whole book.
    book.sqlite().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let bytes = std::fs::read(&book.db).unwrap();
    let people = path_str(&data("people.csv")).to_string();
    let contributions = path_str(&data("contributions.csv")).to_string();
    let openings = path_str(&data("openings.csv")).to_string();
    let backup = book.path("b.db");
    let writes: Vec<Vec<&str>> = vec![
        vec!["init", "--pool", "TO2", "--name", "Khác"],
        vec!["household", "add", "--code", "H1", "--name", "Hộ A"],
        vec!["person", "add", "--code", "TV0002", "--name", "B"],
        vec!["person", "edit", "TV0001", "--phone", "0912345678"],
        vec!["dues", "set", "--amount", "100000", "--from", "2026-01-01"],
        vec!["contribute", "--person", "TV0001", "--amount", "1000", "--date", "2026-02-02"],
        vec!["receive", "--fund", "common", "--amount", "1000", "--date", "2026-02-02", "--note", "x"],
        vec!["pay", "--fund", "common", "--amount", "1000", "--date", "2026-02-02", "--note", "x"],
        vec!["opening", "--cash", "1000", "--date", "2026-02-02"],
        vec!["transfer", "--from", "cash", "--to", "bank", "--amount", "1000", "--date", "2026-02-02"],
        vec!["reverse", &pt, "--reason", "x", "--date", "2026-02-02"],
        vec!["import", "people", &people],
        vec!["import", "contributions", &contributions],
        vec!["import", "openings", &openings],
        vec!["rates", "set", "base_salary", "3000000", "--from", "2027-01-01"],
    ];
    for args in writes {
        let mut full = vec!["--read-only"];
        full.extend(args.iter());
        let err = book.refused(&full);
        assert!(err.contains("chỉ xem"), "{args:?}: {err}");
    }
    // Reading works, and a backup of a read-only book is a read.
    book.ok(&["--read-only", "report", "balances"]);
    book.ok(&["--read-only", "verify"]);
    book.ok(&["--read-only", "backup", path_str(&backup)]);
    assert_eq!(std::fs::read(&book.db).unwrap(), bytes, "the book's bytes changed");
}

/// Two pools in one file keep separate numbering and balances.
#[test]
fn two_pools_keep_separate_books() {
    let book = Book::new();
    book.ok(&["--pool", "TO2", "init", "--name", "Tổ hùn vốn ấp Đại Mong"]);
    let err = book.refused(&["contribute", "--person", "A", "--amount", "1000"]);
    assert!(err.contains("TO1") && err.contains("TO2") && err.contains("--pool"), "{err}");
    for pool in ["TO1", "TO2"] {
        book.ok(&["--pool", pool, "person", "add", "--code", "TV0001", "--name", "Thạch Thị Sà Phol"]);
    }
    assert_eq!(
        book.voucher(&["--pool", "TO1", "contribute", "--person", "TV0001", "--amount", "100000"]),
        "PT-2026-0001"
    );
    assert_eq!(
        book.voucher(&["contribute", "--person", "TV0001", "--amount", "100000", "--pool", "TO1"]),
        "PT-2026-0002"
    );
    assert_eq!(
        book.voucher(&["--pool", "TO2", "contribute", "--person", "TV0001", "--amount", "55000"]),
        "PT-2026-0001"
    );
    let to1 = book.ok(&["--pool", "TO1", "report", "balances", "--format", "csv"]);
    let to2 = book.ok(&["--pool", "to2", "report", "balances", "--format", "csv"]);
    assert!(to1.contains("TV0001,Thạch Thị Sà Phol,0,200000,0,200000"), "{to1}");
    assert!(to2.contains("TV0001,Thạch Thị Sà Phol,0,55000,0,55000"), "{to2}");
    let err = book.refused(&["--pool", "TO9", "report", "balances"]);
    assert!(err.contains("TO9"), "{err}");
    assert!(book.ok(&["verify"]).contains("TO2"));
}

#[test]
fn person_rules_from_the_domain() {
    let book = Book::new();
    // CCCD digits disagreeing with the birth year: a warning, accepted.
    let out = book.run(&[
        "person",
        "add",
        "--code",
        "TV0003",
        "--name",
        "  Trương  Thị Trinh ",
        "--dob",
        "10/06/1990",
        "--cccd",
        "084304425211",
        "--gender",
        "nữ",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2004") && err.contains("1990"), "{err}");
    let csv = book.ok(&["report", "balances", "--format", "csv"]);
    assert!(csv.contains("TV0003,Trương Thị Trinh,"), "name tidied: {csv}");
    // Same CCCD twice in one pool: refused. Bad codes: named.
    let err = book.refused(&["person", "add", "--code", "TV0004", "--name", "B", "--cccd", "084304425211"]);
    assert!(err.contains("084*******11") && !err.contains("084304425211"), "named, masked: {err}");
    for (flag, value) in
        [("--cccd", "12345"), ("--bhxh-code", "12"), ("--gender", "khác"), ("--dob", "30/02/2000"), ("--code", "TV 1")]
    {
        let mut args = vec!["person", "add", "--name", "C"];
        if flag != "--code" {
            args.extend(["--code", "TV0005"]);
        }
        args.extend([flag, value]);
        let err = book.refused(&args);
        // Identity numbers are masked even when malformed (short ones entirely).
        let shown = if matches!(flag, "--cccd" | "--bhxh-code") {
            format!("'{}'", "*".repeat(value.len()))
        } else {
            value.to_string()
        };
        assert!(err.contains(flag) && err.contains(&shown), "{flag}: {err}");
    }
    // Edits are kept in the audit log.
    book.ok(&["person", "edit", "TV0003", "--name", "Trương Thị Trinh B", "--phone", "0912 345 678"]);
    let log: Vec<(String, Option<String>, Option<String>)> = book
        .sqlite()
        .prepare("SELECT field, old_value, new_value FROM audit_log ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(log[0], ("full_name".into(), Some("Trương Thị Trinh".into()), Some("Trương Thị Trinh B".into())));
    assert_eq!(log[1].0, "phone");
    assert!(!format!("{log:?}").contains("0912345678"), "phone numbers stay out of the log");
}
