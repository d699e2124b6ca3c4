//! docs/quy-dinh.md §6: vouchers as Vietnamese cash practice
//! has them. Cash moves on a phiếu thu / phiếu chi and only cash does; money only in the
//! bank is a BC / BN with the bank's reference; a correction is a phiếu kế toán printed in
//! the original's column as a negative figure; the slips an auditor signs.

use std::process::Command;

use crate::common::{Book, path_str};

/// pdftotext's reading of a PDF, white space runs as one space.
fn pdf_text(path: &std::path::Path) -> String {
    let out = Command::new("pdftotext").args(["-raw", path_str(path), "-"]).output().expect("pdftotext");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_pages(path: &std::path::Path) -> usize {
    let out = Command::new("pdfinfo").arg(path_str(path)).output().expect("pdfinfo");
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}

fn pdf(book: &Book, name: &str, args: &[&str]) -> std::path::PathBuf {
    let file = book.path(name);
    let mut full = args.to_vec();
    full.extend(["--format", "pdf", "--output", path_str(&file)]);
    book.ok(&full);
    file
}

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

/// A pool with its letterhead and two members of one household.
fn pool() -> Book {
    let book = Book::new();
    book.ok(&[
        "pool",
        "set",
        "--org",
        "Chi hội Nông dân ấp Cây Gòn",
        "--address",
        "Tiểu Cần, Trà Vinh",
        "--bank",
        "Agribank chi nhánh Tiểu Cần",
        "--account",
        "7306205123456",
        "--treasurer",
        "Trần Thị Bé",
        "--accountant",
        "Lê Văn Kế",
        "--leader",
        "Nguyễn Văn Tổ",
    ]);
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Văn Hai", "--address", "Số 12, ấp Cây Gòn"]);
    for (code, name, dob) in [("TV0001", "Lê Thị Thu Hương", "1983-05-12"), ("TV0002", "Lê Văn Hai", "1980-02-02")]
    {
        book.ok(&[
            "person",
            "add",
            "--code",
            code,
            "--name",
            name,
            "--dob",
            dob,
            "--household",
            "H1",
            "--joined",
            "2025-01-01",
        ]);
    }
    book
}

/// The cash (or bank) book of January 2026 as JSON lines: (voucher, in, out).
fn book_lines(book: &Book, method: &str, to: &str) -> (Vec<(String, i64, i64)>, serde_json::Value) {
    let v = json(book, &["report", "cashbook", "--method", method, "--from", "2026-01-01", "--to", to]);
    let lines = v["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["voucher"].as_str().unwrap().to_string(), l["in"].as_i64().unwrap(), l["out"].as_i64().unwrap()))
        .collect();
    (lines, v)
}

/// Rule 1: cash into the bank leaves the safe on a phiếu chi with the bank's deposit slip;
/// cash drawn from the bank comes in on a phiếu thu. Both books show them.
#[test]
fn cash_to_and_from_the_bank_is_a_phieu_chi_and_a_phieu_thu() {
    let book = pool();
    book.ok(&["opening", "--cash", "2.000.000", "--date", "2025-12-31"]);
    let pc = book.voucher(&[
        "transfer",
        "--from",
        "cash",
        "--to",
        "bank",
        "--amount",
        "1.500.000",
        "--date",
        "2026-01-07",
        "--bank-ref",
        "GNT 0815",
    ]);
    assert_eq!(pc, "PC-2026-0001", "cash paid into the bank is a phiếu chi");
    let pt =
        book.voucher(&["transfer", "--from", "bank", "--to", "cash", "--amount", "300.000", "--date", "2026-01-20"]);
    assert_eq!(pt, "PT-2026-0001", "cash drawn from the bank is a phiếu thu");
    let (cash, _) = book_lines(&book, "cash", "2026-01-31");
    assert_eq!(cash, vec![(pc.clone(), 0, 1_500_000), (pt.clone(), 300_000, 0)], "every cash movement on a PT or PC");
    let (bank, v) = book_lines(&book, "bank", "2026-01-31");
    assert_eq!(bank, vec![(pc.clone(), 1_500_000, 0), (pt.clone(), 0, 300_000)]);
    assert!(v["lines"][0]["note"].as_str().unwrap().contains("GNT 0815"), "the S08 names the bank's reference: {v}");
    let slip = book.ok(&["slip", &pc]);
    assert!(slip.contains("PHIẾU CHI") && slip.contains("Nộp tiền mặt vào ngân hàng"), "{slip}");
    assert!(slip.contains("chứng từ ngân hàng số GNT 0815"), "the deposit slip is its evidence: {slip}");
    book.ok(&["verify"]);
}

/// Rule 2: money only in the bank is a BC (in) or BN (out), with the bank's reference;
/// its slip is an accounting slip with no cash-form wording; the S08 shows the numbers.
#[test]
fn money_only_in_the_bank_is_bc_or_bn_with_an_accounting_slip() {
    let book = pool();
    let bc = book.voucher(&[
        "contribute",
        "--person",
        "TV0001",
        "--amount",
        "2.000.000",
        "--date",
        "2026-01-05",
        "--method",
        "bank",
        "--bank-ref",
        "FT26005123",
    ]);
    assert_eq!(bc, "BC-2026-0001");
    let common_in = book.voucher(&[
        "receive",
        "--fund",
        "common",
        "--amount",
        "50.000",
        "--method",
        "bank",
        "--note",
        "Lãi tiền gửi",
        "--date",
        "2026-01-31",
    ]);
    assert_eq!(common_in, "BC-2026-0002");
    let bn = book.voucher(&[
        "buy",
        "bhyt",
        "--person",
        "TV0001",
        "--months",
        "12",
        "--date",
        "2026-01-10",
        "--method",
        "bank",
        "--bank-ref",
        "UNC 42",
    ]);
    assert_eq!(bn, "BN-2026-0001");
    let fee =
        ["pay", "--fund", "common", "--amount", "11.000", "--method", "bank", "--note", "Phí", "--date", "2026-01-31"];
    assert_eq!(book.voucher(&fee), "BN-2026-0002");
    let back = ["withdraw", "--person", "TV0001", "--amount", "100.000", "--method", "bank", "--date", "2026-01-31"];
    assert_eq!(book.voucher(&back), "BN-2026-0003");
    // A cash contribution keeps its phiếu thu; a bank reference on cash is refused, nothing written.
    let cash = ["contribute", "--person", "TV0002", "--amount", "100.000", "--date", "2026-01-06"];
    let before = book.ok(&["report", "journal", "--format", "csv"]);
    let mut with_ref = cash.to_vec();
    with_ref.extend(["--bank-ref", "FT1"]);
    let err = book.refused(&with_ref);
    assert!(err.contains("--bank-ref") && err.contains("FT1"), "{err}");
    assert_eq!(book.ok(&["report", "journal", "--format", "csv"]), before, "nothing written");
    assert_eq!(book.voucher(&cash), "PT-2026-0001");

    // The S08 lists them by number; the cash book does not.
    let (bank, _) = book_lines(&book, "bank", "2026-01-31");
    let numbers: Vec<&str> = bank.iter().map(|(v, _, _)| v.as_str()).collect();
    assert_eq!(numbers, ["BC-2026-0001", "BN-2026-0001", "BC-2026-0002", "BN-2026-0002", "BN-2026-0003"]);
    let (cash, _) = book_lines(&book, "cash", "2026-01-31");
    assert_eq!(cash.len(), 1);
    let s08 = pdf_text(&pdf(&book, "s08.pdf", &["report", "cashbook", "--method", "bank"]));
    assert!(s08.contains("BC-2026-0001") && s08.contains("BN-2026-0001"), "{s08}");

    // The slip: one page, what and whose account and the bank's reference, two signers.
    let file = pdf(&book, "bc.pdf", &["slip", &bc]);
    assert_eq!(pdf_pages(&file), 1, "one accounting slip");
    let text = pdf_text(&file);
    for needle in [
        "PHIẾU KẾ TOÁN",
        "Số: BC-2026-0001",
        "Nợ: Tiền gửi ngân hàng",
        "Tài khoản của: Lê Thị Thu Hương (TV0001)",
        "Agribank chi nhánh Tiểu Cần — 7306205123456",
        "Giấy báo Có số: FT26005123",
        "Số tiền: 2.000.000 đ",
        "Người lập",
        "Kế toán",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    for absent in ["PHIẾU THU", "01-TT", "Thủ quỹ", "Đã nhận đủ số tiền", "Người nộp tiền", "Liên"]
    {
        assert!(!text.contains(absent), "{absent} on a bank slip: {text}");
    }
    let text = book.ok(&["slip", &bn]);
    assert!(text.contains("Giấy báo Nợ / ủy nhiệm chi số: UNC 42") && !text.contains("PHIẾU CHI"), "{text}");
    assert!(!text.contains("Thủ quỹ") && !text.contains("Đã nhận đủ số tiền"), "{text}");
    let v = json(&book, &["slip", &bc]);
    assert_eq!((v["series"].as_str(), v["bank_ref"].as_str()), (Some("BC"), Some("FT26005123")), "{v}");
    // The reference is hashed: the chain still verifies, and the text shows it last.
    let shown = book.ok(&["verify", "--show", &bc]);
    assert!(shown.contains(r#""coverages":[],"bank_ref":"FT26005123"}"#), "{shown}");
    book.ok(&["verify"]);
}

/// Rule 3: a correction is a PK negating the original, printed in the original's column
/// as a negative figure, so the period's Thu is what really came in; its slip has no payee.
#[test]
fn a_correction_is_a_pk_written_as_a_negative_figure_in_the_originals_column() {
    let book = pool();
    book.ok(&["opening", "--cash", "1.000.000", "--date", "2025-12-31"]);
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "150.000", "--date", "2026-01-06"]);
    let pk = book.voucher(&["reverse", &pt, "--reason", "Ghi nhầm người", "--date", "2026-01-07"]);
    assert_eq!(pk, "PK-2026-0001", "a correction moves no money: a phiếu kế toán");
    let right = book.voucher(&["contribute", "--person", "TV0002", "--amount", "150.000", "--date", "2026-01-07"]);
    let (cash, v) = book_lines(&book, "cash", "2026-01-31");
    assert_eq!(cash, vec![(pt.clone(), 150_000, 0), (pk.clone(), -150_000, 0), (right.clone(), 150_000, 0)]);
    assert_eq!((v["total_in"].as_i64(), v["total_out"].as_i64()), (Some(150_000), Some(0)), "what really came in");
    assert_eq!(v["closing"], 1_150_000);
    let text = book.ok(&["report", "cashbook", "--from", "2026-01-01", "--to", "2026-01-31"]);
    assert!(text.contains("−150.000"), "ghi số âm: {text}");
    let s07 = pdf_text(&pdf(&book, "s07.pdf", &["report", "cashbook", "--from", "2026-01-01", "--to", "2026-01-31"]));
    // The purpose now fits on one line of the wider Diễn giải (S07's grouped header), so
    // it reads between the number and the figures.
    assert!(
        s07.contains(&format!("{pk} Hủy {pt}: Ghi nhầm người 1.000.000 −150.000")),
        "in Thu, the balance back to 1.000.000: {s07}"
    );
    assert!(s07.contains("Cộng số phát sinh trong kỳ 150.000 0"), "{s07}");

    let file = pdf(&book, "pk.pdf", &["slip", &pk]);
    assert_eq!(pdf_pages(&file), 1);
    let slip = pdf_text(&file);
    assert!(slip.contains("PHIẾU KẾ TOÁN") && slip.contains(&format!("Chứng từ này hủy {pt}")), "{slip}");
    for absent in ["PHIẾU CHI", "Người nhận tiền", "Người nộp tiền", "Thủ quỹ", "Đã nhận đủ số tiền"]
    {
        assert!(!slip.contains(absent), "{absent} on a correction: {slip}");
    }
    // The hledger export takes the new series and agrees to the đồng.
    let journal = book.path("so.journal");
    book.ok(&["export", "hledger", "--output", path_str(&journal)]);
    let exported = std::fs::read_to_string(&journal).unwrap();
    assert!(exported.contains(&format!("({pk})")), "{exported}");
    let out = Command::new("hledger")
        .args(["-f", path_str(&journal), "balance", "assets:cash", "--flat", "--no-total"])
        .output()
        .expect("hledger installed");
    assert!(String::from_utf8_lossy(&out.stdout).contains("1150000 VND"), "{}", String::from_utf8_lossy(&out.stdout));
}

/// Point 13: a paper of a closed period is reprinted as it was signed: the later reversal
/// of one of its vouchers is not on it, unless the paper runs to that day.
#[test]
fn a_closed_periods_paper_shows_only_reversals_dated_up_to_its_end() {
    let mut book = pool();
    book.today = "2026-02-20".into();
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "150.000", "--date", "2026-01-06"]);
    book.ok(&["close", "--to", "2026-01-31"]);
    let pk = book.voucher(&["reverse", &pt, "--reason", "Ghi nhầm người", "--date", "2026-02-03"]);
    // HTML keeps each cell whole (the text paper wraps a narrow column).
    let html = |args: &[&str]| {
        let mut full = args.to_vec();
        full.extend(["--format", "html"]);
        book.ok(&full).to_lowercase()
    };
    for report in ["cashbook", "journal"] {
        let text = html(&["report", report, "--from", "2026-01-01", "--to", "2026-01-31"]);
        assert!(!text.contains("đã hủy bởi"), "{report} of January as signed: {text}");
        let text = html(&["report", report, "--from", "2026-01-01", "--to", "2026-02-20"]);
        assert!(text.contains(&format!("đã hủy bởi {}", pk.to_lowercase())), "{report}: {text}");
    }
    let text = html(&["report", "cashbook", "--as-of", "2026-01-31"]);
    assert!(!text.contains("đã hủy bởi"), "{text}");
}

/// Point 12: the slips. A household's BHYT has a total row; an advance is stated when
/// the payer's balance goes below zero; three marked copies, each its own sheet; a bad
/// --format names the slip's formats; --pool all is refused in a sentence.
#[test]
fn slips_total_the_household_state_the_advance_and_print_three_copies() {
    let book = pool();
    book.ok(&["contribute", "--person", "TV0002", "--amount", "1.000.000", "--date", "2026-01-05"]);
    let buy = book.voucher(&[
        "buy",
        "bhyt",
        "--person",
        "TV0002,TV0001",
        "--months",
        "12",
        "--date",
        "2026-01-10",
        "--payer",
        "TV0002",
    ]);
    let v = json(&book, &["slip", &buy]);
    let total = v["amount"].as_i64().unwrap();
    let advance = total - 1_000_000;
    assert!(advance > 0, "{v}");
    assert_eq!(v["advances"][0]["amount"], advance, "{v}");
    let file = pdf(&book, "buy.pdf", &["slip", &buy]);
    assert_eq!(pdf_pages(&file), 3, "three copies, each its own sheet");
    let text = pdf_text(&file);
    let group = |n: i64| hunvon_core::domain::money::group(n);
    assert!(text.contains(&format!("Cộng 2 người {}", group(total))), "a total row: {text}");
    assert!(text.contains(&format!("tạm ứng {} đ cho Lê Văn Hai", group(advance))), "the advance: {text}");
    assert_eq!(text.matches("tạm ứng").count(), 3, "once a copy, for the payer's whole share: {text}");
    for copy in ["Liên 1: lưu tại tổ", "Liên 2: giao người nhận tiền", "Liên 3: thủ quỹ giữ để ghi sổ quỹ"]
    {
        assert_eq!(text.matches(copy).count(), 1, "{copy} once: {text}");
    }
    assert!(!text.contains("Trang "), "no 'Trang 1/2' on a copy: {text}");
    // A contribution moves nobody below zero: no advance.
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "100.000", "--date", "2026-01-11"]);
    assert!(!book.ok(&["slip", &pt]).contains("tạm ứng"));

    let err = book.refused(&["slip", &buy, "--format", "xlsx"]);
    assert!(err.contains("xlsx") && err.contains("pdf") && err.contains("json") && !err.contains("csv"), "{err}");
    let err = book.refused(&["--pool", "all", "slip", &buy]);
    assert!(err.contains("--pool all") && !err.contains("Không có quỹ mã ALL"), "{err}");
}
