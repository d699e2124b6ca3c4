//! Books a group brings with it (docs/design.md §3, docs/hash.md): openings, transfers, the
//! hash chain as text an auditor recomputes with sha256sum, HUNVON_TODAY, and flag values
//! checked by hunvon.

use crate::common;

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::{Book, data, path_str};

fn sha256sum(text: &str) -> String {
    let mut child = Command::new("sha256sum").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("sha256sum");
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8(out.stdout).unwrap().split_whitespace().next().unwrap().to_string()
}

fn identity_line(book: &Book) -> String {
    let out = book.ok(&["verify"]);
    out.lines().find(|l| l.contains("tiền mặt")).expect("identity line").trim().to_string()
}

#[test]
fn a_chapter_opens_its_books_and_moves_cash_to_the_bank() {
    let book = Book::new();
    book.ok(&["import", "people", path_str(&data("people.csv"))]);
    assert_eq!(book.voucher(&["opening", "--cash", "5.000.000", "--date", "28/02/2022"]), "PK-2022-0001");
    assert_eq!(book.voucher(&["opening", "--bank", "2.000.000", "--date", "2022-02-28"]), "PK-2022-0002");
    book.ok(&["import", "openings", path_str(&data("openings.csv"))]);
    let members: i64 = book.balances().values().sum();
    // 600.000 − 250.000 + 1.200.000 − 250.000 + 600.000 + 350.000 + 1.200.000 − 250.000 + 350.000 + 350.000
    assert_eq!(members, 3_900_000);
    assert_eq!(book.balances()["TV0008"], -250_000, "what she already owed");
    let pc =
        book.voucher(&["transfer", "--from", "cash", "--to", "bank", "--amount", "1.000.000", "--date", "01/03/2022"]);
    assert_eq!(pc, "PC-2022-0001", "cash paid into the bank leaves the safe on a phiếu chi (docs/quy-dinh.md §6)");
    // cash 4.000.000 + bank 3.000.000 = members 3.900.000 + common 0 + opening 3.100.000
    assert_eq!(
        identity_line(&book),
        "tiền mặt 4.000.000 đ + ngân hàng 3.000.000 đ = thành viên 3.900.000 đ + quỹ chung 0 đ + đầu kỳ 3.100.000 đ ✓"
    );
    let journal = book.ok(&["export", "hledger"]);
    assert!(journal.contains("assets:cash"));

    // Reversing the transfer is a PK voucher and puts both balances back.
    let rev = book.voucher(&["reverse", &pc, "--reason", "Chưa nộp", "--date", "02/03/2022"]);
    assert_eq!(rev, "PK-2022-0013");
    assert_eq!(
        identity_line(&book),
        "tiền mặt 5.000.000 đ + ngân hàng 2.000.000 đ = thành viên 3.900.000 đ + quỹ chung 0 đ + đầu kỳ 3.100.000 đ ✓"
    );
}

#[test]
fn paying_more_than_the_cash_warns_and_verify_lists_the_day() {
    let book = Book::new();
    book.ok(&["opening", "--cash", "100.000", "--date", "2026-01-01"]);
    let out = book.run(&["pay", "--fund", "common", "--amount", "150.000", "--date", "2026-01-02", "--note", "Mua sổ"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cảnh báo") && err.contains("50.000 đ") && err.contains("02/01/2026"), "{err}");
    let out = book.run(&["verify"]);
    assert_eq!(out.status.code(), Some(0), "negative days are warnings");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("02/01/2026") && err.contains("50.000 đ"), "{err}");
}

/// For every voucher of a mixed ledger, `verify --show` prints text whose SHA-256 (by
/// sha256sum) is the printed hash and whose first line is the previous voucher's hash.
#[test]
fn every_link_recomputes_with_sha256sum() {
    let book = Book::new();
    book.ok(&["import", "people", path_str(&data("people.csv"))]);
    book.ok(&["opening", "--cash", "5.000.000", "--date", "2022-02-28"]);
    book.ok(&["import", "openings", path_str(&data("openings.csv"))]);
    let contributions = std::fs::read_to_string(data("contributions.csv")).unwrap();
    let first_rows: String = contributions.lines().take(25).collect::<Vec<_>>().join("\n");
    let file = book.write("c.csv", &first_rows);
    book.ok(&["import", "contributions", path_str(&file)]);
    book.ok(&[
        "receive",
        "--fund",
        "common",
        "--amount",
        "70.000",
        "--date",
        "2023-01-03",
        "--note",
        // Quotes and a backslash the canonical JSON must escape (line breaks are refused
        // in notes, docs/design.md §10 "Bounds").
        "Lãi \"tiết kiệm\" quý 4 \\ 2022",
    ]);
    book.ok(&["transfer", "--from", "cash", "--to", "bank", "--amount", "300000", "--date", "2023-01-04"]);
    book.ok(&["reverse", "PT-2022-0003", "--reason", "nhầm", "--date", "2023-01-05"]);
    book.ok(&["person", "edit", "TV0001", "--phone", "0912345678"]);
    book.ok(&["dues", "set", "--amount", "50.000", "--from", "2023-01-01"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "50.000", "--date", "2023-01-06"]);
    // Every record of the chain, by place: each recomputes with sha256sum and starts from
    // the hash of the one before (the first, the pool record, from 64 zeros).
    let mut links: Vec<[String; 3]> = Vec::new();
    loop {
        let out = book.run(&["verify", "--show", &format!("#{}", links.len() + 1)]);
        if !out.status.success() {
            assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("#{}", links.len() + 1)));
            break;
        }
        let shown = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<&str> = shown.lines().collect();
        assert_eq!(lines.len(), 3, "#{}: {shown}", links.len() + 1);
        assert_eq!(sha256sum(&format!("{}\n{}", lines[0], lines[1])), lines[2], "#{}", links.len() + 1);
        let expected_prev = links.last().map_or("0".repeat(64), |l| l[2].clone());
        assert_eq!(lines[0], expected_prev, "#{} continues the chain", links.len() + 1);
        links.push([lines[0].into(), lines[1].into(), lines[2].into()]);
    }
    let kinds: Vec<&str> =
        links.iter().filter_map(|l| l[1].strip_prefix("{\"record\":\"")?.split('"').next()).collect();
    assert_eq!(kinds.first(), Some(&"pool"));
    assert!(kinds.contains(&"person") && kinds.contains(&"dues"), "{kinds:?}");
    // A voucher shown by its number is the same link as by its place.
    let csv = book.ok(&["report", "journal", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut vouchers: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
    vouchers.dedup();
    assert_eq!(links.len(), vouchers.len() + kinds.len());
    for v in &vouchers {
        let shown = book.ok(&["verify", "--show", v]);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(links.iter().any(|l| l[..] == lines[..]), "{v}");
    }
}

/// The documented test vectors: each block of docs/hash.md recomputes with sha256sum.
fn documented_vectors() -> Vec<Vec<String>> {
    let doc = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/hash.md")).unwrap();
    let blocks: Vec<Vec<String>> = doc
        .split("```text\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().lines().map(String::from).collect())
        .collect();
    for lines in &blocks {
        assert_eq!(lines.len(), 3);
        assert_eq!(sha256sum(&format!("{}\n{}", lines[0], lines[1])), lines[2]);
    }
    blocks
}

/// The book the documented vectors describe, made by hunvon.
fn documented_book() -> Book {
    let fresh = Book { today: "2026-01-05".into(), ..Book::empty() };
    let init = ["init", "--pool", "TO1", "--name", "Tổ hùn vốn ấp Cây Gòn"];
    fresh.cmd().env("HUNVON_BOOK_ID", "6f1c0b8e-3d2a-4c1f-9a57-2b8e4d6c9f10").args(init).assert().success();
    fresh.ok(&[
        "person",
        "add",
        "--code",
        "TV0001",
        "--name",
        "Lê Thị Thu Hương",
        "--dob",
        "12/05/1983",
        "--gender",
        "nữ",
        "--cccd",
        "084183543339",
        "--joined",
        "2026-01-01",
    ]);
    fresh.ok(&[
        "contribute",
        "--person",
        "TV0001",
        "--amount",
        "1.263.600",
        "--date",
        "05/01/2026",
        "--note",
        "góp tháng 1",
    ]);
    fresh
}

/// The voucher's vector: hunvon makes the same three lines, its canonical text as before
/// records joined the chain (only its previous hash is now the person record's).
#[test]
fn the_documented_test_vector_holds() {
    let blocks = documented_vectors();
    let voucher = blocks.iter().find(|b| b[1].contains("\"voucher\":\"PT-2026-0001\"")).expect("voucher vector");
    let shown = documented_book().ok(&["verify", "--show", "PT-2026-0001"]);
    assert_eq!(shown.lines().collect::<Vec<_>>(), *voucher);
    assert!(voucher[1].starts_with(r#"{"id":1,"pool":"TO1","voucher":"PT-2026-0001","series":"PT""#));
}

/// The person record's vector (and the pool record's before it): hunvon makes the same
/// lines, CCCD included, and the chain runs pool → person → voucher.
#[test]
fn the_documented_person_record_recomputes() {
    let blocks = documented_vectors();
    assert_eq!(blocks.len(), 6);
    let book = documented_book();
    // docs/quy-dinh.md §6: money only through the bank is a BC, its reference hashed last.
    book.ok(&[
        "contribute",
        "--person",
        "TV0001",
        "--amount",
        "500.000",
        "--date",
        "05/01/2026",
        "--method",
        "bank",
        "--bank-ref",
        "FT26005123",
    ]);
    for (i, block) in blocks.iter().take(4).enumerate() {
        let shown = book.ok(&["verify", "--show", &format!("#{}", i + 1)]);
        assert_eq!(shown.lines().collect::<Vec<_>>(), *block, "#{}", i + 1);
    }
    assert!(blocks[1][1].starts_with(r#"{"record":"person","pool":"TO1","code":"TV0001""#));
    assert!(blocks[1][1].contains(r#""cccd":"084183543339""#), "the record holds the CCCD");
    assert_eq!(blocks[1][0], blocks[0][2]);
    assert_eq!(blocks[2][0], blocks[1][2]);
    assert_eq!(blocks[3][0], blocks[2][2]);
    assert!(blocks[3][1].ends_with(r#""coverages":[],"bank_ref":"FT26005123"}"#), "{}", blocks[3][1]);
}

/// docs/hash.md "Ví dụ kiểm tra": the import record's vector (`#6`, after the bank receipt of
/// the block before and the import's voucher) and the rate record's, the first of the file's
/// chain: hunvon makes the same lines.
#[test]
fn the_documented_import_and_rate_records_recompute() {
    let blocks = documented_vectors();
    let book = documented_book();
    let bank = ["--method", "bank", "--bank-ref", "FT26005123"];
    book.ok(&[&["contribute", "--person", "TV0001", "--amount", "500.000", "--date", "05/01/2026"][..], &bank].concat());
    let csv = book.write("gop-thang-1.csv", "date,person_code,amount\n2026-01-05,TV0001,100000\n");
    book.ok(&["import", "contributions", common::path_str(&csv)]);
    let shown = book.ok(&["verify", "--show", "#6"]);
    assert_eq!(shown.lines().collect::<Vec<_>>(), blocks[4]);
    assert!(blocks[4][1].starts_with(r#"{"record":"import","pool":"TO1","kind":"contributions""#));
    book.ok(&["rates", "set", "bhyt_rate", "0.05", "--from", "01/07/2026"]);
    let rate: (String, String, String) = book
        .sqlite()
        .query_row("SELECT prev_hash, body, hash FROM file_chain WHERE pos = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!(vec![rate.0, rate.1, rate.2], blocks[5]);
    let verified = book.ok(&["verify"]);
    assert!(verified.contains(&format!("#1={}", blocks[5][2])), "the rates' head beside the pool's: {verified}");
}

#[test]
fn tomorrow_is_refused_unless_today_moves() {
    let mut book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    let err = book.refused(&["contribute", "--person", "TV0001", "--amount", "100000", "--date", "25/11/2026"]);
    assert!(err.contains("25/11/2026") && err.contains("--date"), "{err}");
    book.today = "2026-12-01".into();
    assert_eq!(
        book.voucher(&["contribute", "--person", "TV0001", "--amount", "100000", "--date", "25/11/2026"]),
        "PT-2026-0001"
    );
}

#[test]
fn bad_flag_values_are_refused_by_hunvon_in_both_languages() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (vec!["contribute", "--person", "TV0001", "--amount", "12,5"], "--amount", "'12,5'"),
        (
            vec!["contribute", "--person", "TV0001", "--amount", "1000", "--date", "31/02/2025"],
            "--date",
            "'31/02/2025'",
        ),
        (vec!["person", "add", "--code", "TV0002", "--name", "B", "--category", "rich"], "--category", "'rich'"),
        (vec!["contribute", "--person", "TV0001", "--amount", "-5000"], "--amount", "'-5000'"),
        (vec!["contribute", "--person", "TV0001", "--amount", "0"], "--amount", "'0'"),
        (vec!["contribute", "--person", "TV0001", "--amount", "12.63.600"], "--amount", "'12.63.600'"),
        (vec!["contribute", "--person", "TV0001", "--amount", "1000", "--method", "gold"], "--method", "'gold'"),
    ];
    for (args, flag, value) in &cases {
        let vi = book.refused(args);
        assert!(vi.contains(flag) && vi.contains(value) && vi.contains("không hợp lệ"), "{args:?}: {vi}");
        assert_eq!(vi.trim().lines().count(), 1, "one sentence: {vi}");
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(args.iter());
        let en = book.refused(&en_args);
        assert!(en.contains(flag) && en.contains(value) && en.contains("not valid"), "{args:?}: {en}");
    }
    // Unknown commands and flags, and missing required flags, are usage errors: exit 2.
    for args in [vec!["frobnicate"], vec!["contribute", "--person", "TV0001"], vec!["contribute", "--bogus", "1"]] {
        assert_eq!(book.run(&args).status.code(), Some(2), "{args:?}");
    }
}
