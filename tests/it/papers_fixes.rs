//! The month-end papers (docs/quy-dinh.md §6), the fixes: reversals of earlier periods
//! in the summary and the balances, the journal in words, `--pool all` everywhere, the
//! arrears "since" date, no partial file from a failed report, the import summary.

use crate::common::{Book, path_str};

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

fn members(book: &Book, people: &[(&str, &str)]) {
    for (code, name) in people {
        book.ok(&["person", "add", "--code", code, "--name", name, "--joined", "2023-12-01"]);
    }
}

/// A reversal is a correction on its own line inside Thu, as a negative figure (docs/quy-dinh.md
/// §6 "Sửa sai": the summary's Thu is the cash book's), whether its original is of an earlier
/// month or of the same period; the original keeps its place in its own month.
#[test]
fn a_reversal_of_an_earlier_month_has_its_own_line() {
    let book = Book::new();
    members(&book, &[("TV0001", "Lê Thị Thu Hương")]);
    book.ok(&["opening", "--cash", "1.000.000", "--date", "2025-12-31"]);
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "200.000", "--date", "2026-01-10"]);
    book.ok(&["reverse", &pt, "--reason", "Ghi nhầm", "--date", "2026-02-05"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "300.000", "--date", "2026-02-06"]);
    let feb = ["report", "summary", "--from", "2026-02-01", "--to", "2026-02-28"];
    let s = json(&book, &feb);
    assert_eq!(s["contributions"], 300_000);
    assert_eq!(s["contribution_vouchers"], 1);
    assert_eq!(s["corrections_in_cash"], -200_000);
    assert_eq!(s["corrections_in_vouchers"], 1);
    assert_eq!((s["cash_start"].as_i64(), s["cash"].as_i64()), (Some(1_200_000), Some(1_300_000)));
    assert_eq!((s["receipts"].as_i64(), s["payments"].as_i64()), (Some(100_000), Some(0)));
    assert_eq!(s["check_holds"], true);
    let text = book.ok(&feb);
    assert!(text.contains("Điều chỉnh giảm thu (ghi số âm)"), "{text}");
    assert!(!text.contains("(0 phiếu)"), "{text}");
    assert!(text.contains("Cộng: đầu kỳ 1.200.000 đ + thu 100.000 đ − chi 0 đ = cuối kỳ 1.300.000 đ ✓"), "{text}");
    assert!(text.contains("Nguồn vốn khi bắt đầu dùng sổ"), "the opening fund named for what it is");
    // January alone, and both months together: the original stays, the correction beside it.
    let jan = json(&book, &["report", "summary", "--from", "2026-01-01", "--to", "2026-01-31"]);
    assert_eq!((jan["contributions"].as_i64(), jan["contribution_vouchers"].as_i64()), (Some(200_000), Some(1)));
    let both = json(&book, &["report", "summary", "--from", "2026-01-01", "--to", "2026-02-28"]);
    assert_eq!((both["contributions"].as_i64(), both["contribution_vouchers"].as_i64()), (Some(500_000), Some(2)));
    assert_eq!((both["corrections_in_cash"].as_i64(), both["receipts"].as_i64()), (Some(-200_000), Some(300_000)));
}

#[test]
fn balances_add_across_when_a_reversal_falls_in_a_later_period() {
    let book = Book::new();
    members(&book, &[("TV0001", "Lê Thị Thu Hương")]);
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "2.000.000", "--date", "2026-01-10"]);
    let pc = book.voucher(&["buy", "bhyt", "--person", "TV0001", "--months", "12", "--date", "2026-01-20"]);
    book.ok(&["reverse", &pt, "--reason", "Ghi nhầm", "--date", "2026-02-05"]);
    book.ok(&["reverse", &pc, "--reason", "Mua trùng", "--date", "2026-02-06"]);
    let csv = |from: &str, to: &str| book.ok(&["report", "balances", "--from", from, "--to", to, "--format", "csv"]);
    let header = "code,full_name,opening,paid_in,paid_out,balance";
    assert_eq!(
        csv("2026-01-01", "2026-01-31"),
        format!("{header}\nTV0001,Lê Thị Thu Hương,0,2000000,1263600,736400\n")
    );
    assert_eq!(
        csv("2026-02-01", "2026-02-28"),
        format!("{header}\nTV0001,Lê Thị Thu Hương,736400,-2000000,-1263600,0\n")
    );
    assert_eq!(csv("2026-01-01", "2026-02-28"), format!("{header}\nTV0001,Lê Thị Thu Hương,0,0,0,0\n"));
    let text = book.ok(&["report", "balances", "--from", "2026-02-01", "--to", "2026-02-28"]);
    for word in ["Đầu kỳ", "Góp", "Chi", "Cuối kỳ", "736.400"] {
        assert!(text.contains(word), "{word} in {text}");
    }
}

#[test]
fn the_journal_names_accounts_and_the_insured_in_words() {
    let book = Book::new();
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Thị Thu Hương"]);
    for (code, name) in [("TV0001", "Lê Thị Thu Hương"), ("TV0002", "Trương Thị Kiều Hoa")] {
        book.ok(&["person", "add", "--code", code, "--name", name, "--household", "H1", "--joined", "2024-01-01"]);
    }
    book.ok(&["person", "add", "--code", "NT0001", "--name", "Lê Văn Tèo", "--sponsor", "TV0001", "--household", "H1"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "3.000.000", "--date", "2026-01-05", "--method", "bank"]);
    book.ok(&["buy", "bhyt", "--person", "TV0001,NT0001", "--months", "12", "--date", "2026-01-10"]);
    let text = book.ok(&["report", "journal"]);
    for needle in [
        "Tiền gửi ngân hàng",
        "Thành viên TV0001 — Lê Thị Thu Hương",
        "bảo hiểm cho Lê Văn Tèo",
        "Tổng cộng",
        "Người lập (Thủ quỹ)",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let j = json(&book, &["report", "journal"]);
    assert_eq!(j["total_debit"], j["total_credit"]);
    let total = hunvon_core::domain::money::group(j["total_debit"].as_i64().unwrap());
    let line = text.lines().find(|l| l.contains("Tổng cộng")).unwrap();
    assert_eq!(line.matches(&total).count(), 2, "Nợ = Có on the grand total: {line}");
}

/// Two pools in one file: every report and the hledger export cover both.
#[test]
fn every_report_takes_pool_all() {
    let book = Book::new();
    book.ok(&["--pool", "TO2", "init", "--name", "Tổ hùn vốn ấp Đại Mong"]);
    for pool in ["TO1", "TO2"] {
        book.ok(&[
            "--pool",
            pool,
            "person",
            "add",
            "--code",
            "TV0001",
            "--name",
            "Thạch Thị Sà Phol",
            "--joined",
            "2025-01-01",
        ]);
        book.ok(&["--pool", pool, "contribute", "--person", "TV0001", "--amount", "2.000.000", "--date", "2026-01-05"]);
        book.ok(&["--pool", pool, "buy", "bhyt", "--person", "TV0001", "--months", "12", "--date", "2026-01-06"]);
        book.ok(&["--pool", pool, "dues", "set", "--amount", "300.000", "--from", "2025-01-01"]);
    }
    let heads: Vec<String> = ["TO1", "TO2"]
        .iter()
        .map(|p| json(&book, &["--pool", p, "report", "summary"])["head"].as_str().unwrap().to_string())
        .collect();
    for report in ["summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors"] {
        let csv = book.ok(&["--pool", "all", "report", report, "--format", "csv"]);
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().starts_with("pool,"), "{report}: pool column first");
        for line in lines {
            assert!(line.starts_with("TO1,") || line.starts_with("TO2,"), "{report}: no total row: {line}");
        }
        let v = json(&book, &["--pool", "all", "report", report]);
        assert!(v["district"].is_object() && v["pools"].as_array().is_some_and(|p| p.len() == 2), "{report}: {v}");
        let text = book.ok(&["--pool", "all", "report", report]);
        assert!(text.contains("TOÀN HUYỆN"), "{report}: a district section");
        for head in &heads {
            assert!(text.contains(head.as_str()), "{report}: each pool's head {head}");
        }
        let pdf = book.path(&format!("{report}.pdf"));
        book.ok(&["--pool", "all", "report", report, "--format", "pdf", "--output", path_str(&pdf)]);
    }
    let summary = json(&book, &["--pool", "all", "report", "summary"]);
    assert_eq!(summary["district"]["cash"], 2 * summary["pools"][0]["cash"].as_i64().unwrap());
    let balances = json(&book, &["--pool", "all", "report", "balances"]);
    assert_eq!(balances["district"]["total"]["balance"], 2 * 736_400);
    let journal = book.path("all.journal");
    book.ok(&["--pool", "all", "export", "hledger", "--output", path_str(&journal)]);
    let text = std::fs::read_to_string(&journal).unwrap();
    assert!(text.contains("TO1:assets:cash") && text.contains("TO2:liabilities:members:TV0001"));
    let out = std::process::Command::new("hledger")
        .args(["-f", path_str(&journal), "balance", "--flat", "--no-total", "TO2:liabilities"])
        .output()
        .expect("hledger installed");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("-736400 VND"), "{}", String::from_utf8_lossy(&out.stdout));
}

/// "Nợ từ ngày" is the day the balance last went below zero: TV00011 went negative on
/// 11/01/2024, was back above zero in June, and owes again since 19/01/2025.
#[test]
fn arrears_since_is_when_the_balance_last_went_below_zero() {
    let book = Book::new();
    members(&book, &[("TV00011", "Nguyễn Thị Thanh Tâm")]);
    book.ok(&["contribute", "--person", "TV00011", "--amount", "100.000", "--date", "2024-01-05"]);
    book.ok(&["buy", "bhyt", "--person", "TV00011", "--months", "12", "--date", "2024-01-11"]);
    book.ok(&["contribute", "--person", "TV00011", "--amount", "1.000.000", "--date", "2024-06-01"]);
    book.ok(&["buy", "bhyt", "--person", "TV00011", "--months", "12", "--date", "2025-01-19"]);
    book.ok(&["contribute", "--person", "TV00011", "--amount", "500.000", "--date", "2025-03-01"]);
    let v = json(&book, &["report", "arrears"]);
    let row = &v["advances"][0];
    assert_eq!((row["code"].as_str(), row["since"].as_str()), (Some("TV00011"), Some("2025-01-19")));
    assert_eq!(row["owed"], 972_000 + 1_263_600 - 100_000 - 1_000_000 - 500_000);
    let text = book.ok(&["report", "arrears"]);
    assert!(text.contains("19/01/2025") && !text.contains("11/01/2024"), "{text}");
    assert!(text.contains("Nợ từ ngày"));
}

#[test]
fn a_refused_report_leaves_no_file() {
    let book = Book::new();
    for (args, name) in [
        (vec!["--pool", "TO9", "report", "journal", "--format", "csv"], "j.csv"),
        (vec!["--pool", "TO9", "report", "summary", "--format", "pdf"], "s.pdf"),
        (vec!["report", "cashbook", "--method", "vàng", "--format", "csv"], "c.csv"),
        (vec!["report", "balances", "--format", "docx"], "b.docx"),
    ] {
        let file = book.path(name);
        let mut full = args.clone();
        full.extend(["--output", path_str(&file)]);
        book.refused(&full);
        assert!(!file.exists(), "{args:?} left {name} behind");
    }
}

#[test]
fn the_import_summary_gives_the_net_sum_and_the_real_range() {
    let book = Book::new();
    members(&book, &[("TV0001", "Lê Thị Thu Hương"), ("TV0002", "Thạch Thị Sà Phol")]);
    let file =
        book.write("dau-ky.csv", "person_code,amount,date\nTV0001,500000,2025-12-31\nTV0002,-250000,2025-12-31\n");
    let out = book.ok(&["import", "openings", path_str(&file)]);
    assert!(out.contains("tổng 250.000 đ"), "{out}");
    let file = book.write(
        "gop.csv",
        "date,person_code,amount,method,note\n2026-01-02,TV0001,100000,cash,\n2025-12-30,TV0002,200000,cash,\n2025-12-31,TV0001,300000,cash,\n",
    );
    let out = book.ok(&["import", "contributions", path_str(&file)]);
    assert!(out.contains("(PT-2025-0001 … PT-2026-0001)") && out.contains("tổng 600.000 đ"), "{out}");
}
