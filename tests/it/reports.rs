//! The reports an auditor signs (docs/design.md §6): every report in every format on a demo ledger,
//! figures that agree across reports, PDFs read back with pdftotext, the cash book's
//! arithmetic over many pages, and the member's slip.

use std::process::Command;

use crate::common::{Book, path_str};

const REPORTS: [&str; 7] = ["summary", "cashbook", "balances", "coverage", "arrears", "journal", "sponsors"];
const FORMATS: [&str; 5] = ["text", "csv", "json", "html", "pdf"];

fn demo() -> Book {
    let book = Book::empty();
    let out = book.run(&["demo", "--people", "40", "--months", "14", "--seed", "5", "--db", path_str(&book.db)]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    book.ok(&["dues", "set", "--amount", "400.000", "--from", "2026-01-01"]);
    book
}

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

fn pdftotext(path: &std::path::Path) -> String {
    let out =
        Command::new("pdftotext").args(["-layout", path_str(path), "-"]).output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_report_in_every_format() {
    let book = demo();
    for report in REPORTS {
        for format in FORMATS {
            let file = book.path(&format!("{report}.{format}"));
            book.ok(&["report", report, "--format", format, "--output", path_str(&file)]);
            let bytes = std::fs::read(&file).unwrap();
            assert!(bytes.len() > 100, "{report} {format} is empty");
            match format {
                "csv" => {
                    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM in a CSV file");
                    let mut r = csv::Reader::from_reader(&bytes[3..]);
                    assert!(r.records().all(|x| x.is_ok()), "{report} csv parses");
                }
                "json" => {
                    serde_json::from_slice::<serde_json::Value>(&bytes)
                        .unwrap_or_else(|e| panic!("{report} json: {e}"));
                }
                "pdf" => assert!(bytes.starts_with(b"%PDF")),
                "html" => assert!(String::from_utf8_lossy(&bytes).contains("<meta charset=\"utf-8\">")),
                _ => {}
            }
        }
    }
}

#[test]
fn figures_agree_across_reports() {
    let book = demo();
    let summary = json(&book, &["report", "summary"]);
    let balances = json(&book, &["report", "balances"]);
    assert_eq!(summary["members"], balances["total"]["balance"], "Σ members");
    assert_eq!(summary["identity_holds"], true);
    let csv = book.ok(&["report", "balances", "--format", "csv"]);
    let sum: i64 = csv.lines().skip(1).map(|l| l.rsplit(',').next().unwrap().parse::<i64>().unwrap()).sum();
    assert_eq!(serde_json::json!(sum), summary["members"]);
    for (method, key) in [("cash", "cash"), ("bank", "bank")] {
        let book_json = json(&book, &["report", "cashbook", "--method", method]);
        assert_eq!(book_json["closing"], summary[key], "{method} book closes at the summary's figure");
        let opening = book_json["opening"].as_i64().unwrap();
        let (i, o) = (book_json["total_in"].as_i64().unwrap(), book_json["total_out"].as_i64().unwrap());
        assert_eq!(opening + i - o, book_json["closing"].as_i64().unwrap());
        let lines = book_json["lines"].as_array().unwrap();
        assert_eq!(lines.iter().map(|l| l["in"].as_i64().unwrap()).sum::<i64>(), i);
    }
    let coverage = json(&book, &["report", "coverage"]);
    let covered = coverage["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| matches!(r["bhyt_status"].as_str(), Some("covered" | "expiring")))
        .count();
    assert_eq!(serde_json::json!(covered), summary["covered"]);
    let arrears = json(&book, &["report", "arrears"]);
    assert_eq!(arrears["total_dues"], summary["arrears"]);
    assert!(arrears["total_dues"].as_i64().unwrap() > 0, "dues of 400.000 leave some members behind");
}

#[test]
fn pdfs_read_back_with_their_vietnamese_text() {
    let book = demo();
    let head = book
        .ok(&["verify"])
        .split_whitespace()
        .find(|w| w.split_once('=').is_some_and(|(_, h)| h.len() == 64))
        .map(String::from)
        .expect("head as REF=HASH");
    let summary_pdf = book.path("tong-hop.pdf");
    book.ok(&["report", "summary", "--format", "pdf", "--output", path_str(&summary_pdf)]);
    let text = pdftotext(&summary_pdf);
    assert!(text.contains("Tổ hùn vốn mua BHYT ấp Cây Gòn"), "{text}");
    assert!(text.contains(&head), "head {head} on the paper copy, as typed into verify --anchor");
    assert!(text.contains("Người lập") && text.contains("Ban kiểm tra") && text.contains("Ký, họ tên"));
    let cash = json(&book, &["report", "cashbook"])["closing"].as_i64().unwrap();
    assert!(text.contains(&hunvon_core::domain::money::group(cash)), "cash {cash} as 1.263.600-style text");
    let cashbook_pdf = book.path("so-quy.pdf");
    book.ok(&["report", "cashbook", "--format", "pdf", "--output", path_str(&cashbook_pdf)]);
    let text = pdftotext(&cashbook_pdf);
    assert!(text.contains("SỔ QUỸ TIỀN MẶT") && text.contains("Số tồn quỹ cuối kỳ") && text.contains("Sổ này có"));
    assert!(text.contains(&hunvon_core::domain::money::group(cash)), "closing balance");
    let names = book.ok(&["report", "balances", "--format", "csv"]);
    let accented = names
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(1).unwrap().to_string())
        .find(|n| n.chars().any(|c| "ịơưầễộ".contains(c)))
        .unwrap();
    let balances_pdf = book.path("so-du.pdf");
    book.ok(&["report", "balances", "--format", "pdf", "--output", path_str(&balances_pdf)]);
    assert!(pdftotext(&balances_pdf).contains(&accented), "{accented} with its diacritics");
}

/// Page totals of a long cash book add up to the period's totals, and what each page
/// carries forward is what the next one brings forward (form S07-DN).
#[test]
fn cashbook_page_totals_add_up() {
    let book = demo();
    let text = book.ok(&["report", "cashbook"]);
    let pages: Vec<&str> = text.split('\u{c}').collect();
    assert!(pages.len() > 2, "a long book spans pages ({})", pages.len());
    let amounts = |line: &str| -> Vec<i64> {
        line.split_whitespace()
            .filter(|w| w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') && w.contains('.'))
            .map(|w| w.replace('.', "").parse().unwrap())
            .collect()
    };
    let find = |page: &str, label: &str| page.lines().find(|l| l.contains(label)).map(amounts);
    let page_totals: Vec<Vec<i64>> = pages.iter().filter_map(|p| find(p, "Cộng trang")).collect();
    let with_rows = pages.iter().filter(|p| p.contains("PT-20")).count();
    assert_eq!(page_totals.len(), with_rows, "one page total per page of the book");
    for pair in pages.windows(2) {
        if let (Some(out), Some(back)) =
            (find(pair[0], "Số chuyển sang trang sau"), find(pair[1], "Số trang trước chuyển sang"))
        {
            assert_eq!(out, back, "carried = brought forward");
        }
    }
    let period = text.lines().find(|l| l.contains("Cộng số phát sinh")).map(amounts).unwrap();
    let summed_in: i64 = page_totals.iter().map(|p| p[0]).sum();
    assert_eq!(summed_in, period[0], "Σ page Thu = period Thu");
    let j = json(&book, &["report", "cashbook"]);
    assert_eq!(period, vec![j["total_in"].as_i64().unwrap(), j["total_out"].as_i64().unwrap()]);
    let n = pages.len();
    assert!(text.contains(&format!("Sổ này có {n} trang, đánh số từ trang 01 đến trang {n:02}")));
}

/// docs/design.md §10 "Privacy": text, HTML and PDF mask the mã số BHXH by default (`--full-ids`
/// shows it); CSV and JSON keep it unless `--redact`, which masks it everywhere.
#[test]
fn redacted_coverage_hides_the_numbers() {
    let book = Book::new();
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0001",
        "--name",
        "Lê Thị Thu Hương",
        "--bhxh-code",
        "8494664290",
        "--cccd",
        "084183543339",
        "--phone",
        "0955347047",
    ]);
    for format in ["text", "html"] {
        let paper = book.ok(&["report", "coverage", "--format", format]);
        assert!(!paper.contains("8494664290") && paper.contains("849*****90"), "masked by default: {paper}");
        let full = book.ok(&["report", "coverage", "--full-ids", "--format", format]);
        assert!(full.contains("8494664290"), "{format}: {full}");
    }
    let pdf = book.path("ds.pdf");
    book.ok(&["report", "coverage", "--format", "pdf", "--output", path_str(&pdf)]);
    let text = pdftotext(&pdf);
    assert!(!text.contains("8494664290") && text.contains("849*****90"), "{text}");
    let json = book.ok(&["report", "coverage", "--format", "json"]);
    assert!(json.contains("8494664290"), "machine formats keep it: {json}");
    for format in ["text", "html", "json"] {
        let redacted = book.ok(&["report", "coverage", "--redact", "--format", format]);
        assert!(!redacted.contains("8494664290") && redacted.contains("849*****90"), "{format}: {redacted}");
        assert!(!redacted.contains("084183543339") && !redacted.contains("0955347047"));
    }
}

#[test]
fn the_members_slip() {
    let book = Book::new();
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
        "2024-01-01",
        "--bhxh-code",
        "8494664290",
    ]);
    let v = book.voucher(&[
        "buy",
        "bhyt",
        "--person",
        "TV0001",
        "--months",
        "12",
        "--date",
        "2026-01-10",
        "--card-from",
        "15/01/2026",
        "--card-to",
        "14/01/2027",
    ]);
    let slip = book.ok(&["slip", &v]);
    assert!(!slip.contains("8494664290"), "masked on paper: {slip}");
    assert!(book.ok(&["slip", &v, "--full-ids"]).contains("8494664290"));
    assert!(book.ok(&["slip", &v, "--format", "json"]).contains("8494664290"), "machine formats keep it");
    for needle in [
        "PHIẾU CHI",
        "Lê Thị Thu Hương",
        "849*****90",
        "Thẻ có giá trị từ 15/01/2026 đến 14/01/2027",
        "Một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng",
        &v,
        "OTP",
    ] {
        assert!(slip.contains(needle), "{needle} in {slip}");
    }
    let pdf = book.path("phieu.pdf");
    book.ok(&["slip", &v, "--format", "pdf", "--output", path_str(&pdf)]);
    assert!(pdftotext(&pdf).contains("Một triệu hai trăm sáu mươi ba nghìn sáu trăm đồng"));
}
