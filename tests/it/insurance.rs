//! Insurance (docs/quy-dinh.md §3, §4) through the real binary: household ladder, card dates,
//! coverage status, reversals, refusals. (Every figure of docs/quy-dinh.md §3–§4 is also
//! checked table-driven in the rules' unit tests.)

use crate::common::Book;

/// A household H1 of `n` members (joined, category `other`) named A1…An.
fn household(book: &Book, n: usize) {
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Thị Thu Hương"]);
    for i in 1..=n {
        book.ok(&[
            "person",
            "add",
            "--code",
            &format!("A{i}"),
            "--name",
            &format!("Lê Thị Người {i}"),
            "--household",
            "H1",
            "--joined",
            "2024-01-01",
        ]);
    }
}

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

fn positions_and_amounts(v: &serde_json::Value) -> Vec<(i64, i64)> {
    v["persons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["position"].as_i64().unwrap(), p["amount"].as_i64().unwrap()))
        .collect()
}

#[test]
fn a_household_of_six_in_one_purchase() {
    let book = Book::new();
    household(&book, 6);
    let v = json(&book, &["buy", "bhyt", "--person", "A1,A2,A3,A4,A5,A6", "--months", "12", "--date", "2025-03-01"]);
    assert_eq!(v["total"], 4_548_960);
    assert_eq!(v["voucher"], "PC-2025-0001");
    assert_eq!(
        positions_and_amounts(&v),
        vec![(1, 1_263_600), (2, 884_520), (3, 758_160), (4, 631_800), (5, 505_440), (6, 505_440)]
    );
    assert_eq!(v["persons"][0]["card_from"], "2025-03-31", "first card waits 30 days");
    assert_eq!(v["persons"][0]["card_to"], "2026-03-30");
    let balances = book.balances();
    assert_eq!(balances["A1"], -1_263_600, "the pool advanced her card");
    book.ok(&["verify"]);
}

#[test]
fn the_ladder_through_a_year_renewals_reversals_and_a_new_year() {
    let book = Book::new();
    household(&book, 4);
    book.ok(&[
        "person",
        "add",
        "--code",
        "NP",
        "--name",
        "Lê Văn Cận Nghèo",
        "--household",
        "H1",
        "--category",
        "near_poor",
        "--joined",
        "2024-01-01",
    ]);
    // One at a time through 2025.
    let a1 = json(&book, &["buy", "bhyt", "--person", "A1", "--months", "3", "--date", "2025-01-10"]);
    assert_eq!(positions_and_amounts(&a1), vec![(1, 315_900)]);
    let np = json(&book, &["buy", "bhyt", "--person", "NP", "--months", "12", "--date", "2025-01-11"]);
    assert_eq!(np["persons"][0]["position"], serde_json::Value::Null, "near-poor take no place");
    assert_eq!(np["total"], 379_080);
    let a2 = json(&book, &["buy", "bhyt", "--person", "A2", "--months", "12", "--date", "2025-02-01"]);
    assert_eq!(positions_and_amounts(&a2), vec![(2, 884_520)]);
    let a3 = json(&book, &["buy", "bhyt", "--person", "A3", "--months", "12", "--date", "2025-02-02"]);
    assert_eq!(positions_and_amounts(&a3), vec![(3, 758_160)]);
    // A renewal keeps its position.
    let a1b = json(&book, &["buy", "bhyt", "--person", "A1", "--months", "6", "--date", "2025-04-01"]);
    assert_eq!(positions_and_amounts(&a1b), vec![(1, 631_800)]);
    assert_eq!(a1b["persons"][0]["card_from"], "2025-05-09", "renewed before expiry: the day after the old end");
    // A reversed purchase frees its place: A3 moves up, the newcomer A4 takes the end.
    book.ok(&["reverse", a2["voucher"].as_str().unwrap(), "--reason", "Mua nhầm", "--date", "2025-02-03"]);
    let a3b = json(&book, &["buy", "bhyt", "--person", "A3", "--months", "3", "--date", "2025-03-01"]);
    assert_eq!(positions_and_amounts(&a3b), vec![(2, 221_130)]);
    let a4 = json(&book, &["buy", "bhyt", "--person", "A4", "--months", "3", "--date", "2025-03-02"]);
    assert_eq!(positions_and_amounts(&a4), vec![(3, 189_540)]);
    // A new calendar year starts again at 1 (A3 is first in 2026).
    let a3c = json(&book, &["buy", "bhyt", "--person", "A3", "--months", "3", "--date", "2026-01-05"]);
    assert_eq!(positions_and_amounts(&a3c), vec![(1, 315_900)]);
    book.ok(&["verify"]);
}

#[test]
fn prices_are_fixed_at_the_payment_date() {
    let book = Book::new();
    household(&book, 1);
    book.ok(&["person", "add", "--code", "B1", "--name", "Thạch Thị Sà Phol", "--joined", "2024-01-01"]);
    let old = json(&book, &["quote", "bhyt", "--person", "A1", "--months", "12", "--date", "30/06/2024"]);
    assert_eq!(old["total"], 972_000);
    let new = json(&book, &["quote", "bhyt", "--person", "B1", "--months", "12", "--date", "01/07/2024"]);
    assert_eq!(new["total"], 1_263_600);
    assert_eq!(new["rates"]["base_salary"], "2340000");
    // Quoting writes nothing.
    assert!(!book.ok(&["report", "journal", "--format", "csv"]).contains("PC-"));
}

/// Card dates and statuses through `report coverage --as-of`.
#[test]
fn coverage_statuses_as_of_a_date() {
    let book = Book::new();
    household(&book, 1);
    book.ok(&["person", "add", "--code", "B1", "--name", "Thạch Thị Sà Phol", "--joined", "2024-01-01"]);
    book.ok(&["person", "add", "--code", "C1", "--name", "Kim Thị Sóc", "--joined", "2024-01-01"]);
    // A1: first card paid 10/01/2026, 12 months → 09/02/2026 – 08/02/2027.
    let v = json(&book, &["buy", "bhyt", "--person", "A1", "--months", "12", "--date", "2026-01-10"]);
    assert_eq!(
        (v["persons"][0]["card_from"].as_str(), v["persons"][0]["card_to"].as_str()),
        (Some("2026-02-09"), Some("2027-02-08"))
    );
    // B1: card dates from the agency's receipt win.
    book.ok(&[
        "buy",
        "bhyt",
        "--person",
        "B1",
        "--months",
        "3",
        "--date",
        "2026-01-10",
        "--card-from",
        "15/01/2026",
        "--card-to",
        "14/04/2026",
    ]);
    let status = |as_of: &str| -> Vec<(String, String, String, String)> {
        let csv = book.ok(&["report", "coverage", "--as-of", as_of, "--format", "csv"]);
        let mut r = csv::Reader::from_reader(csv.as_bytes());
        r.records()
            .map(|x| x.unwrap())
            .map(|x| (x[0].to_string(), x[2].to_string(), x[3].to_string(), x[4].to_string()))
            .collect()
    };
    let find =
        |rows: &[(String, String, String, String)], code: &str| rows.iter().find(|r| r.0 == code).unwrap().clone();
    let rows = status("2026-01-20");
    assert_eq!(find(&rows, "A1").3, "waiting");
    assert_eq!(find(&rows, "B1").3, "covered");
    assert_eq!(find(&rows, "B1").1, "2026-01-15");
    assert_eq!(find(&rows, "C1").3, "none");
    assert_eq!(find(&status("2026-03-15"), "B1").3, "expiring", "exactly 30 days left");
    assert_eq!(find(&status("2026-03-14"), "B1").3, "covered", "31 days left");
    assert_eq!(find(&status("2026-04-15"), "B1").3, "lapsed");
    // Expiring people come first.
    assert_eq!(status("2026-03-15")[0].0, "B1");
    // Renewal within 3 months after expiry starts on the payment date; the statuses follow.
    let v = json(&book, &["buy", "bhyt", "--person", "B1", "--months", "3", "--date", "2026-05-01"]);
    assert_eq!(v["persons"][0]["card_from"], "2026-05-01");
    // After a gap of 3 months or more the wait starts again.
    let v = json(&book, &["buy", "bhyt", "--person", "B1", "--months", "3", "--date", "2026-11-01"]);
    assert_eq!(v["persons"][0]["card_from"], "2026-12-01");
}

#[test]
fn reversing_a_purchase_restores_balance_and_cover() {
    let book = Book::new();
    household(&book, 1);
    book.ok(&["contribute", "--person", "A1", "--amount", "2.000.000", "--date", "2026-01-02"]);
    let first = json(&book, &["buy", "bhyt", "--person", "A1", "--months", "3", "--date", "2026-01-10"]);
    let cover = |as_of: &str| book.ok(&["report", "coverage", "--as-of", as_of, "--format", "csv"]);
    assert!(cover("2026-03-01").contains(",covered,"));
    let second = json(&book, &["buy", "bhyt", "--person", "A1", "--months", "3", "--date", "2026-03-01"]);
    assert_eq!(second["persons"][0]["card_from"], "2026-05-09");
    // The earlier purchase cannot be reversed while the later one stands.
    let err = book.refused(&["reverse", first["voucher"].as_str().unwrap(), "--reason", "x", "--date", "2026-03-02"]);
    assert!(err.contains(second["voucher"].as_str().unwrap()), "{err}");
    let before = book.balances()["A1"];
    let rev = book.voucher(&[
        "reverse",
        second["voucher"].as_str().unwrap(),
        "--reason",
        "Trùng thẻ",
        "--date",
        "2026-03-02",
    ]);
    assert!(rev.starts_with("PK-2026-"), "a correction is a phiếu kế toán (docs/quy-dinh.md §6): {rev}");
    assert_eq!(book.balances()["A1"], before + 315_900);
    assert!(cover("2026-05-05").contains(",expiring,"), "back to the first card only: {}", cover("2026-05-05"));
    // As of a day before the reversal, the books showed both cards.
    assert!(cover("2026-03-01").contains(",covered,"));
    book.ok(&["verify"]);
}

#[test]
fn bhxh_months_support_and_bounds() {
    let book = Book::new();
    book.ok(&[
        "person",
        "add",
        "--code",
        "B1",
        "--name",
        "Kim Thị Sóc",
        "--joined",
        "2024-01-01",
        "--category",
        "near_poor",
    ]);
    let v = json(
        &book,
        &["buy", "bhxh", "--person", "B1", "--months", "3", "--income", "1.500.000", "--date", "2026-01-10"],
    );
    assert_eq!(v["total"], 594_000, "near-poor pays 198.000 a month");
    assert_eq!(v["persons"][0]["from_month"], "2026-01");
    assert_eq!(v["persons"][0]["to_month"], "2026-03");
    let v =
        json(&book, &["buy", "bhxh", "--person", "B1", "--months", "1", "--income", "1500000", "--date", "2026-02-10"]);
    assert_eq!(v["persons"][0]["from_month"], "2026-04", "the month after paid-through");
    let err = book.refused(&[
        "buy",
        "bhxh",
        "--person",
        "B1",
        "--months",
        "1",
        "--income",
        "1500000",
        "--date",
        "2026-02-10",
        "--from-month",
        "2026-03",
    ]);
    assert!(err.contains("2026-03"), "{err}");
    let csv = book.ok(&["report", "coverage", "--as-of", "2026-04-15", "--format", "csv"]);
    assert!(csv.contains(",2026-04,4,current"), "{csv}");
    let csv = book.ok(&["report", "coverage", "--as-of", "2026-05-15", "--format", "csv"]);
    assert!(csv.contains(",2026-04,4,behind"), "{csv}");
}

#[test]
fn bad_purchases_are_refused_and_write_nothing() {
    let book = Book::new();
    household(&book, 2);
    book.ok(&[
        "person",
        "add",
        "--code",
        "P1",
        "--name",
        "Thạch Thị Nghèo",
        "--category",
        "poor",
        "--joined",
        "2024-01-01",
    ]);
    book.ok(&["person", "add", "--code", "K1", "--name", "Kim Văn Không Ai Trả"]);
    book.ok(&["household", "add", "--code", "H2", "--name", "Hộ khác"]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "X1",
        "--name",
        "Người Hộ Khác",
        "--household",
        "H2",
        "--joined",
        "2024-01-01",
    ]);
    let cases: Vec<(Vec<&str>, Vec<&str>)> = vec![
        (
            vec!["buy", "bhxh", "--person", "A1", "--months", "1", "--income", "1.000.000", "--date", "2026-01-10"],
            vec!["1.500.000", "46.800.000"],
        ),
        (
            vec!["buy", "bhxh", "--person", "A1", "--months", "1", "--income", "50.000.000", "--date", "2026-01-10"],
            vec!["46.800.000"],
        ),
        (vec!["buy", "bhyt", "--person", "A1", "--months", "5", "--date", "2026-01-10"], vec!["--months", "'5'"]),
        (vec!["buy", "bhyt", "--person", "K1", "--months", "12", "--date", "2026-01-10"], vec!["K1", "--payer"]),
        (vec!["buy", "bhyt", "--person", "ZZ9", "--months", "12", "--date", "2026-01-10"], vec!["ZZ9"]),
        (vec!["buy", "bhyt", "--person", "P1", "--months", "12", "--date", "2026-01-10"], vec!["Nhà nước"]),
        (vec!["buy", "bhyt", "--person", "A1,X1", "--months", "12", "--date", "2026-01-10"], vec!["hộ"]),
    ];
    for (args, needles) in cases {
        let err = book.refused(&args);
        for n in needles {
            assert!(err.contains(n), "{args:?}: {err}");
        }
    }
    assert!(!book.ok(&["report", "journal", "--format", "csv"]).contains("PC-"), "nothing written");
    // With a payer named, the beneficiary can be bought for; the fund can pay too.
    book.ok(&["buy", "bhyt", "--person", "K1", "--months", "3", "--date", "2026-01-10", "--payer", "fund:common"]);
    // A receipt that differs from the quote is posted as printed, and the difference kept.
    let out = book.run(&[
        "buy",
        "bhyt",
        "--person",
        "A1,A2",
        "--months",
        "12",
        "--date",
        "2026-01-10",
        "--amount",
        "2.148.121",
        "--receipt",
        "BL-0042",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let journal = book.ok(&["report", "journal", "--format", "csv"]);
    assert!(journal.contains("cash,-2148121"), "{journal}");
    book.ok(&["verify"]);
}
