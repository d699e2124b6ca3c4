//! Vouchers as Vietnamese cash practice has them (docs/quy-dinh.md §6), the papers an auditor
//! signs: openings in "Đầu kỳ" on every range, the journal's vouchers kept whole on a page, the
//! district's cash books and summary, the district table adding up, the forms' legal-basis line
//! and headers, the base salary's source.

use crate::common::Book;

fn json(book: &Book, args: &[&str]) -> serde_json::Value {
    let mut full = args.to_vec();
    full.extend(["--format", "json"]);
    serde_json::from_str(&book.ok(&full)).expect("json")
}

/// `report balances --format csv` rows as (code → [opening, paid_in, paid_out, balance]).
fn balance_rows(book: &Book, range: &[&str]) -> std::collections::BTreeMap<String, [i64; 4]> {
    let mut args = vec!["report", "balances", "--format", "csv"];
    args.extend(range);
    let csv = book.ok(&args);
    csv.lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let n = |i: usize| cells[i].parse::<i64>().expect("integer");
            (cells[0].to_string(), [n(2), n(3), n(4), n(5)])
        })
        .collect()
}

#[test]
fn openings_stand_in_the_opening_column_on_every_range() {
    let book = Book::new();
    for code in ["TV0001", "TV0004"] {
        book.ok(&["person", "add", "--code", code, "--name", "Thạch Thị Sa Ren", "--joined", "2023-01-01"]);
    }
    book.ok(&["opening", "--cash", "150.000", "--date", "2022-12-31"]);
    book.ok(&["opening", "--person", "TV0001", "--amount", "450.000", "--date", "2022-12-31"]);
    book.ok(&["opening", "--person", "TV0004", "--amount", "-300.000", "--date", "2022-12-31"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "150.000", "--date", "2023-01-05"]);
    book.ok(&["contribute", "--person", "TV0004", "--amount", "100.000", "--date", "2023-02-05"]);
    let whole = [450_000, 150_000, 0, 600_000];
    let owed = [-300_000, 100_000, 0, -200_000];
    // No range, a range from before the openings, a range ending before today.
    for range in [&[][..], &["--from", "2022-01-01"][..], &["--from", "2022-12-01", "--to", "2023-06-30"][..]] {
        let rows = balance_rows(&book, range);
        assert_eq!(rows["TV0001"], whole, "{range:?}");
        assert_eq!(rows["TV0004"], owed, "{range:?}");
    }
    // The opening day alone: nothing paid in or out, only the openings.
    let rows = balance_rows(&book, &["--to", "2022-12-31"]);
    assert_eq!(rows["TV0001"], [450_000, 0, 0, 450_000]);
    assert_eq!(rows["TV0004"], [-300_000, 0, 0, -300_000]);
    let text = book.ok(&["report", "balances"]);
    let line = text.lines().find(|l| l.contains("TV0001")).expect("TV0001's line");
    assert!(line.contains("450.000") && line.contains("150.000") && line.contains("600.000"), "{line}");
    let total = json(&book, &["report", "balances"]);
    assert_eq!(total["total"]["opening"], 150_000);
    assert_eq!(total["total"]["paid_in"], 250_000);
    assert_eq!(total["total"]["paid_out"], 0);
}

/// A file of the repository's examples folder.
fn example(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    p.to_str().expect("utf-8 path").to_string()
}

/// The README's example chapter (ấp Bưng Tróp): its people, openings and two years of
/// contributions, then January 2025 as the walkthrough writes it.
pub fn example_chapter() -> Book {
    let book = Book::empty();
    book.ok(&["init", "--pool", "BT1", "--name", "Tổ hùn vốn ấp Bưng Tróp"]);
    book.ok(&[
        "pool",
        "set",
        "--org",
        "Chi hội Phụ nữ ấp Bưng Tróp",
        "--address",
        "Ấp Bưng Tróp, xã Hiếu Tử, huyện Tiểu Cần, tỉnh Trà Vinh",
        "--bank",
        "Agribank chi nhánh Tiểu Cần",
        "--account",
        "7306205123456",
        "--treasurer",
        "Lê Thị Thu Hương",
        "--accountant",
        "Nguyễn Thị Mai",
        "--leader",
        "Thạch Thị Sà Phol",
    ]);
    book.ok(&["import", "people", &example("people.csv")]);
    book.ok(&["opening", "--cash", "1.200.000", "--date", "31/12/2022"]);
    book.ok(&["opening", "--bank", "2.500.000", "--date", "31/12/2022"]);
    book.ok(&["import", "openings", &example("openings.csv")]);
    book.ok(&["import", "contributions", &example("contributions.csv")]);
    book.ok(&["contribute", "--person", "TV0004", "--amount", "150.000", "--date", "06/01/2025"]);
    book.ok(&["reverse", "PT-2025-0001", "--reason", "Ghi nhầm người", "--date", "07/01/2025"]);
    book.ok(&["contribute", "--person", "TV0009", "--amount", "150.000", "--date", "07/01/2025"]);
    book.ok(&["transfer", "--from", "cash", "--to", "bank", "--amount", "3.000.000", "--date", "08/01/2025"]);
    book.ok(&["receive", "--fund", "common", "--amount", "185.000", "--date", "10/01/2025", "--note", "Lãi tiết kiệm"]);
    let six = "TV0011,TV0012,TV0013,TV0014,TV0015,TV0016";
    let args = ["--months", "12", "--date", "15/01/2025", "--payer", "TV0011", "--receipt", "0012345"];
    book.ok(&[&["buy", "bhyt", "--person", six][..], &args[..]].concat());
    book.ok(&["buy", "bhxh", "--person", "TV0019", "--months", "6", "--income", "1.500.000", "--date", "20/01/2025"]);
    book
}

/// pdftotext's reading of each page of a PDF, runs of white space as one space.
fn pdf_pages(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut pages: Vec<String> =
        text.split('\u{c}').map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    while pages.last().is_some_and(|p| p.is_empty()) {
        pages.pop();
    }
    pages
}

fn pdf(book: &Book, name: &str, args: &[&str]) -> std::path::PathBuf {
    let file = book.path(name);
    let mut full = args.to_vec();
    full.extend(["--format", "pdf", "--output", file.to_str().unwrap()]);
    book.ok(&full);
    file
}

/// The two amounts after `label` on a page ("Số chuyển sang trang sau 46.850.000 46.700.000").
fn carried(page: &str, label: &str) -> Option<(String, String)> {
    let (_, after) = page.split_once(label)?;
    let mut words = after.split_whitespace();
    Some((words.next()?.to_string(), words.next()?.to_string()))
}

#[test]
fn the_journal_keeps_a_vouchers_lines_on_one_page() {
    let book = example_chapter();
    let pages = pdf_pages(&pdf(&book, "nhat-ky.pdf", &["report", "journal"]));
    assert!(pages.len() > 5, "a journal of several pages: {}", pages.len());
    let date = |w: &str| w.len() == 10 && w.as_bytes()[2] == b'/' && w.as_bytes()[5] == b'/';
    for (n, page) in pages.iter().enumerate().skip(1) {
        let Some((debit, credit)) = carried(page, "Số trang trước chuyển sang") else { continue };
        assert_eq!(debit, credit, "page {}: the carried Nợ and Có balance: {page}", n + 1);
        // The first line after the carried one is a voucher's first line: date, number.
        let (_, after) = page.split_once(&format!("Số trang trước chuyển sang {debit} {credit} ")).unwrap();
        let first = after.split_whitespace().next().unwrap();
        assert!(date(first), "page {} opens on a line without its date: {after:.120}", n + 1);
    }
    for (n, page) in pages.iter().enumerate() {
        if let Some((debit, credit)) = carried(page, "Số chuyển sang trang sau") {
            assert_eq!(debit, credit, "page {}: {page}", n + 1);
        }
    }
}

/// Two pools in one file, TO1 with `a` and TO2 with `b` cash contributions in 2026.
fn two_pools(a: usize, b: usize) -> Book {
    let book = Book::new();
    book.ok(&["--pool", "TO2", "init", "--name", "Tổ hùn vốn ấp Đại Mong"]);
    for (pool, n) in [("TO1", a), ("TO2", b)] {
        book.ok(&["--pool", pool, "opening", "--cash", "1.000.000", "--date", "2025-12-31"]);
        let mut people = String::from("code,full_name,joined\n");
        let mut money = String::from("date,person_code,amount,method,note\n");
        for k in 0..n {
            people.push_str(&format!("TV{k:04},Nguyễn Thị Thu Hương {k},2025-01-01\n"));
            money.push_str(&format!("2026-{:02}-{:02},TV{k:04},150000,cash,\n", 1 + k % 10, 1 + k % 28));
        }
        let p = book.write(&format!("{pool}-people.csv"), &people);
        let m = book.write(&format!("{pool}-money.csv"), &money);
        book.ok(&["--pool", pool, "import", "people", p.to_str().unwrap()]);
        book.ok(&["--pool", pool, "import", "contributions", m.to_str().unwrap()]);
    }
    book
}

#[test]
fn each_pools_cash_book_counts_its_own_pages_and_the_district_page_is_signed() {
    let book = two_pools(40, 110);
    let pages = pdf_pages(&pdf(&book, "so-quy.pdf", &["--pool", "all", "report", "cashbook"]));
    let of = |pool: &str| pages.iter().filter(|p| p.contains(&format!("{pool} — Tổ hùn vốn"))).count();
    let (one, two) = (of("TO1"), of("TO2"));
    assert!(one >= 2 && two > one, "{one} and {two} pages");
    for (pool, n) in [("TO1", one), ("TO2", two)] {
        let closing = pages
            .iter()
            .find(|p| p.contains(&format!("{pool} — Tổ hùn vốn")) && p.contains("Sổ này có"))
            .expect("the book's closing line");
        let said = format!("Sổ này có {n} trang, đánh số từ trang 01 đến trang {n:02}");
        assert!(closing.contains(&said), "{said} in {closing}");
    }
    let district = pages.last().unwrap();
    assert!(district.contains("TỔNG HỢP SỔ QUỸ TIỀN MẶT TOÀN HUYỆN"), "{district}");
    assert!(district.contains("Người lập biểu") && district.contains("(Ký, họ tên)"), "{district}");
    let summary = pdf_pages(&pdf(&book, "tong-hop.pdf", &["--pool", "all", "report", "summary"]));
    let last = summary.last().unwrap();
    assert!(last.contains("TOÀN HUYỆN") && last.contains("Người lập biểu"), "{last}");
    let balances = book.ok(&["--pool", "all", "report", "balances"]);
    assert!(balances.contains("150 người"), "{balances}");
}

#[test]
fn each_pools_book_numbers_its_own_pages() {
    let book = two_pools(40, 40);
    let pages = pdf_pages(&pdf(&book, "so-quy.pdf", &["--pool", "all", "report", "cashbook"]));
    let first_of_two = pages.iter().find(|p| p.contains("TO2 — Tổ hùn vốn")).expect("TO2's first page");
    let n = pages.iter().filter(|p| p.contains("TO2 — Tổ hùn vốn")).count();
    assert!(first_of_two.contains(&format!("Trang 1/{n}")), "{first_of_two}");
}

#[test]
fn every_row_of_the_district_report_adds_up() {
    let book = two_pools(3, 5);
    book.ok(&[
        "--pool",
        "TO1",
        "receive",
        "--fund",
        "common",
        "--amount",
        "185.000",
        "--date",
        "2026-03-10",
        "--note",
        "Lãi",
    ]);
    book.ok(&[
        "--pool",
        "TO2",
        "pay",
        "--fund",
        "common",
        "--amount",
        "50.000",
        "--date",
        "2026-03-11",
        "--note",
        "Nước",
    ]);
    book.ok(&[
        "--pool",
        "TO2",
        "transfer",
        "--from",
        "cash",
        "--to",
        "bank",
        "--amount",
        "500.000",
        "--date",
        "2026-03-12",
    ]);
    // TO2's count finds 100.000 đ missing: it waits in pending.
    let cash = json(&book, &["--pool", "TO2", "report", "summary", "--to", "2026-03-31"])["cash"].as_i64().unwrap();
    book.ok(&["--pool", "TO2", "count", "--date", "2026-03-31", "--total", &(cash - 100_000).to_string()]);
    let report = json(&book, &["report", "district"]);
    let n = |v: &serde_json::Value, k: &str| v[k].as_i64().unwrap_or_else(|| panic!("{k} in {v}"));
    let rows = report["pools"].as_array().unwrap();
    for row in rows.iter().chain([&report["totals"]]) {
        let pending = row.get("pending").and_then(|p| p.as_i64()).unwrap_or(0);
        assert_eq!(
            n(row, "cash") + n(row, "bank"),
            n(row, "held") + n(row, "common") + n(row, "opening") + pending,
            "{row}"
        );
    }
    assert_eq!(n(&rows[0], "common"), 185_000);
    assert_eq!(n(&rows[1], "common"), -50_000);
    let csv = book.ok(&["report", "district", "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",head,common,pending"), "{header}");
    let to1 = csv.lines().find(|l| l.starts_with("TO1,")).unwrap();
    assert!(to1.ends_with(",185000,0"), "{to1}");
    let to2 = csv.lines().find(|l| l.starts_with("TO2,")).unwrap();
    assert!(to2.ends_with(",-50000,-100000"), "{to2}");
    assert_eq!(n(&report["totals"], "pending"), -100_000);
    let text = book.ok(&["report", "district"]);
    assert!(text.contains("Quỹ chung") && text.contains("185.000") && text.contains("Chờ xử lý"), "{text}");
}

#[test]
fn the_2026_base_salary_names_only_what_can_be_checked() {
    let book = Book::new();
    let list = book.ok(&["rates", "list"]);
    let line = list.lines().find(|l| l.starts_with("base_salary") && l.contains("01/07/2026")).expect("the 2026 line");
    assert!(line.contains("2530000") && line.contains("chưa có nghị định") && !line.contains("161/2026"), "{line}");
    let doc =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/quy-dinh.md")).unwrap();
    assert!(!doc.contains("161/2026") && doc.contains("09/03/2026"), "docs/quy-dinh.md cites what can be checked");
    // The figure stays changeable as before.
    book.ok(&["rates", "set", "base_salary", "2600000", "--from", "2026-07-02"]);
    assert!(book.ok(&["rates", "list"]).contains("2600000"));
}

/// The example chapter with a count on 31/01/2025 that finds 50.000 đ missing.
fn counted_short() -> (Book, String) {
    let book = example_chapter();
    let out = book.ok(&[
        "count",
        "--date",
        "2025-01-31",
        "--time",
        "16:30",
        "--total",
        "100.000",
        "--counted-by",
        "Lê Thị Thu Hương, Thạch Thị Sà Phol",
        "--reason",
        "Chưa rõ",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    (book, v["number"].as_str().unwrap().to_string())
}

#[test]
fn a_count_is_numbered_dated_to_the_hour_and_its_difference_is_booked() {
    let book = example_chapter();
    let cash = |b: &Book| json(b, &["report", "summary", "--to", "2025-01-31"])["cash"].as_i64().unwrap();
    let before = cash(&book);
    let counted = (before - 50_000).to_string();
    let args = ["count", "--date", "2025-01-31", "--time", "16:30", "--total", &counted];
    let line = book
        .ok(&[&args[..], &["--counted-by", "Lê Thị Thu Hương, Thạch Thị Sà Phol", "--reason", "Đếm nhầm"]].concat());
    assert!(line.starts_with("KK-2025-0001 "), "{line}");
    // The book's cash is now what was counted; the shortage waits in fund:pending.
    assert_eq!(cash(&book), before - 50_000);
    let s = json(&book, &["report", "summary", "--to", "2025-01-31"]);
    assert_eq!(s["pending"], -50_000);
    assert_eq!(s["identity_holds"], true);
    let text = book.ok(&["report", "summary", "--to", "2025-01-31"]);
    assert!(text.contains("chênh lệch kiểm kê chờ xử lý -50.000 đ ✓"), "{text}");
    let verify = book.ok(&["verify"]);
    assert!(verify.contains("chờ xử lý -50.000 đ ✓"), "{verify}");
    // The paper: 08a-TT as the form reads.
    let pages = pdf_pages(&pdf(&book, "kiem-ke.pdf", &["report", "counts"]));
    let paper = pages.join(" ");
    for needle in [
        "BẢNG KIỂM KÊ QUỸ",
        "(Dùng cho VND)",
        "Số: KK-2025-0001",
        "Hôm nay, vào 16 giờ 30 phút ngày 31 tháng 01 năm 2025",
        "Chúng tôi gồm:",
        "Ông/Bà: Lê Thị Thu Hương",
        "Ông/Bà: Thạch Thị Sà Phol",
        "I Số dư theo sổ quỹ",
        "II Số kiểm kê thực tế",
        "III Chênh lệch (III = I – II) (Thiếu 50.000 đ) 50.000",
        "Lý do thừa, thiếu: Đếm nhầm",
        "Kết luận sau khi kiểm kê quỹ",
        "Kế toán trưởng",
        "Thủ quỹ",
        "Người chịu trách nhiệm kiểm kê quỹ",
    ] {
        assert!(paper.contains(needle), "{needle} in {paper}");
    }
    // The CSV keeps counted − book.
    let csv = book.ok(&["report", "counts", "--format", "csv"]);
    assert!(csv.lines().nth(1).unwrap().contains(",-50000,"), "{csv}");
    // The difference's phiếu kế toán cannot be reversed.
    let journal = json(&book, &["report", "journal", "--from", "2025-01-31", "--to", "2025-01-31"]);
    let pk = journal["vouchers"].as_array().unwrap().iter().find(|v| v["kind"] == "count_difference").unwrap();
    let pk = pk["voucher"].as_str().unwrap();
    assert!(pk.starts_with("PK-2025-"), "{pk}");
    let err = book.refused(&["reverse", pk, "--reason", "thử", "--date", "2025-02-01"]);
    assert!(err.contains("settle --count"), "{err}");
    // A count without --time takes the hour of entry; the next count is number 2.
    let again = book.ok(&["count", "--date", "2025-02-01", "--total", &(before - 50_000).to_string()]);
    assert!(again.starts_with("KK-2025-0002 ") && again.contains("Khớp"), "{again}");
    let v = json(&book, &["report", "counts"]);
    // HUNVON_TODAY's entry stamp is midnight UTC; the hour is the machine's local one
    // (docs/design.md §6), and the tests run at TZ=Asia/Ho_Chi_Minh (.cargo/config.toml).
    assert_eq!(v["counts"][1]["time"], "07:00", "{v}");
}

#[test]
fn settle_clears_a_pending_difference_and_close_warns_when_one_is_left() {
    let (book, kk) = counted_short();
    let pending = |b: &Book| json(b, &["report", "summary"])["pending"].as_i64().unwrap_or(0);
    let short = pending(&book);
    assert!(short < 0, "{short}");
    // A close while it is pending: written, with a warning; a count inside it is refused.
    let out = book.run(&["close", "--to", "2025-01-31"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("chênh lệch kiểm kê chưa xử lý") && err.contains("settle --count"), "{err}");
    let refused = book.refused(&["count", "--date", "2025-01-31", "--total", "100.000"]);
    assert!(refused.contains("Sổ đã khóa đến ngày 31/01/2025"), "{refused}");
    // Beyond what is pending: refused. Part paid in by the treasurer (PT), the rest
    // absorbed by the common fund (PK).
    let too_much = (-short + 1).to_string();
    let err =
        book.refused(&["settle", "--count", &kk, "--amount", &too_much, "--person", "TV0001", "--date", "2025-02-03"]);
    assert!(err.contains("--amount"), "{err}");
    let part = (-short / 2).to_string();
    let pt = book.voucher(&["settle", "--count", &kk, "--amount", &part, "--person", "TV0001", "--date", "2025-02-03"]);
    assert!(pt.starts_with("PT-2025-"), "{pt}");
    let rest = (-short - (-short / 2)).to_string();
    let pk = book.voucher(&["settle", "--count", &kk, "--amount", &rest, "--fund", "common", "--date", "2025-02-04"]);
    assert!(pk.starts_with("PK-2025-"), "{pk}");
    assert_eq!(pending(&book), 0);
    let s = json(&book, &["report", "summary"]);
    assert!(s.get("pending").is_none(), "printed only when not zero: {s}");
    assert_eq!(s["identity_holds"], true);
    let err = book.refused(&["settle", "--count", &kk, "--amount", "1", "--fund", "common", "--date", "2025-02-05"]);
    assert!(err.contains("không còn chênh lệch"), "{err}");
    book.ok(&["verify"]);
}

/// pdftotext's lines of a PDF as they are (not joined).
fn pdf_lines(path: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext").args(["-raw", path.to_str().unwrap(), "-"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap().lines().map(str::to_string).collect()
}

#[test]
fn the_forms_carry_their_legal_basis_place_and_the_circulars_headers() {
    let book = example_chapter();
    let jan = ["--from", "2025-01-01", "--to", "2025-01-31"];
    let cash = pdf(&book, "s07.pdf", &[&["report", "cashbook"][..], &jan[..]].concat());
    let text = pdf_pages(&cash).join(" ");
    for needle in [
        "Mẫu số S07-DN",
        "Ban hành theo Thông tư số 99/2025/TT-BTC ngày",
        "27/10/2025 của Bộ Tài chính)",
        "Tiểu Cần, ngày 24 tháng 11 năm 2026",
        "Số hiệu chứng từ",
        "Số tiền",
        "A B C D E 1 2 3 F",
        "Đơn vị tính: đồng",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let bank = pdf(&book, "s08.pdf", &[&["report", "cashbook", "--method", "bank"][..], &jan[..]].concat());
    let text = pdf_pages(&bank).join(" ");
    for needle in ["Mẫu số S08-DN", "Tài khoản", "đối ứng", "Chứng từ", "Nộp tiền mặt vào ngân hàng Tiền mặt 3.000.000"]
    {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    // The carry-forward labels stay on one line of their cell.
    let year = pdf(&book, "s07-2023.pdf", &["report", "cashbook", "--from", "2023-01-01", "--to", "2023-12-31"]);
    let lines = pdf_lines(&year);
    for label in ["Số trang trước chuyển sang", "Số chuyển sang trang sau", "Cộng số phát sinh trong kỳ"]
    {
        assert!(lines.iter().any(|l| l.contains(label)), "{label} whole on a line");
        // Wrapped, the label's last word would start a line of its own.
        let (head, _) = label.rsplit_once(' ').unwrap();
        assert!(!lines.iter().any(|l| l.trim_end().ends_with(head)), "{label} wrapped");
    }
    // A paper with no money states no unit; the count's form has its legal basis too.
    let cover = pdf_pages(&pdf(&book, "the.pdf", &["report", "coverage"])).join(" ");
    assert!(!cover.contains("Đơn vị tính"), "{cover}");
    book.ok(&["count", "--date", "2025-01-31", "--total", "1.000.000"]);
    let count = pdf_pages(&pdf(&book, "kk.pdf", &["report", "counts"])).join(" ");
    assert!(count.contains("Mẫu số 08a-TT") && count.contains("Ban hành theo Thông tư số 99/2025/TT-BTC"), "{count}");
    assert!(count.contains("Tiểu Cần, ngày 31 tháng 01 năm 2025"), "{count}");
}

/// The text of the pool's last `pool` record, as `verify --show` prints it.
fn last_pool_record(book: &Book) -> String {
    let pos: i64 = book
        .sqlite()
        .query_row("SELECT MAX(pos) FROM chain WHERE kind = 'pool'", [], |r| r.get(0))
        .expect("a pool record");
    book.ok(&["verify", "--show", &format!("#{pos}")]).lines().nth(1).unwrap().to_string()
}

/// docs/quy-dinh.md §7: `pool set --forms` chooses the circular whose legal-basis line and
/// book numbers the papers print; the default is Thông tư 99/2025; the choice is the last
/// key of the pool record, there only once made.
#[test]
fn pool_set_forms_chooses_the_circular_every_paper_prints() {
    let book = example_chapter();
    let jan = ["--from", "2025-01-01", "--to", "2025-01-31"];
    let cash_book =
        |name: &str| pdf_pages(&pdf(&book, name, &[&["report", "cashbook"][..], &jan[..]].concat())).join(" ");
    let bank_book = |name: &str| {
        pdf_pages(&pdf(&book, name, &[&["report", "cashbook", "--method", "bank"][..], &jan[..]].concat())).join(" ")
    };
    // The default: TT 99, and no `forms` key in the record.
    let text = cash_book("tt99.pdf");
    assert!(text.contains("Mẫu số S07-DN") && text.contains("Thông tư số 99/2025/TT-BTC"), "{text}");
    assert!(!last_pool_record(&book).contains("\"forms\""));
    assert!(book.ok(&["pool", "show"]).contains("Thông tư 99/2025/TT-BTC (hiện hành)"));

    // A bad value: one sentence naming --forms and the codes taken; nothing written.
    let records: i64 = book.sqlite().query_row("SELECT COUNT(*) FROM chain", [], |r| r.get(0)).unwrap();
    let err = book.refused(&["pool", "set", "--forms", "TT48"]);
    assert!(err.contains("--forms") && err.contains("TT99, TT200, TT133"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let after: i64 = book.sqlite().query_row("SELECT COUNT(*) FROM chain", [], |r| r.get(0)).unwrap();
    assert_eq!(after, records, "nothing written");

    // TT 133: the small enterprises' book numbers and line; the slips keep 01-TT.
    book.ok(&["pool", "set", "--forms", "tt133"]);
    let text = cash_book("tt133.pdf");
    assert!(text.contains("Mẫu số S04a-DNN") && !text.contains("S07-DN"), "{text}");
    assert!(text.contains("Thông tư số 133/2016/TT-BTC ngày 26/08/2016"), "{text}");
    assert!(!text.contains("99/2025"), "{text}");
    assert!(bank_book("tt133-bank.pdf").contains("Mẫu số S05-DNN"));
    let record = last_pool_record(&book);
    assert!(record.contains(r#""forms":"TT133"},"entered_at""#), "forms is the letterhead's last key: {record}");

    // TT 200: S07-DN with TT 200's line.
    book.ok(&["pool", "set", "--forms", "TT200"]);
    let text = cash_book("tt200.pdf");
    assert!(text.contains("Mẫu số S07-DN") && text.contains("Thông tư số 200/2014/TT-BTC ngày 22/12/2014"), "{text}");
    assert!(last_pool_record(&book).contains(r#""forms":"TT200"}"#));
    assert!(book.ok(&["pool", "show"]).contains("Thông tư 200/2014/TT-BTC"));

    // Back to the default: the key leaves the record again.
    book.ok(&["pool", "set", "--forms", ""]);
    assert!(cash_book("back.pdf").contains("Thông tư số 99/2025/TT-BTC"));
    assert!(!last_pool_record(&book).contains("\"forms\""));
    book.ok(&["verify"]);
}

/// The months from December 2022 to the end of `last` (YYYY-MM) as (first, last day).
fn months(last: &str) -> Vec<(String, String)> {
    use chrono::{Datelike, NaiveDate};
    let mut out = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(2022, 12, 1).unwrap();
    while d.format("%Y-%m").to_string().as_str() <= last {
        let next = if d.month() == 12 {
            NaiveDate::from_ymd_opt(d.year() + 1, 1, 1).unwrap()
        } else {
            NaiveDate::from_ymd_opt(d.year(), d.month() + 1, 1).unwrap()
        };
        out.push((d.to_string(), next.pred_opt().unwrap().to_string()));
        d = next;
    }
    out
}

#[test]
fn the_summary_adds_up_to_the_books_and_counts_the_numbers_it_lists_every_month() {
    let book = example_chapter();
    // February 2025: a count that finds 50.000 đ missing, half paid in, half absorbed.
    let cash = json(&book, &["report", "summary", "--to", "2025-02-10"])["cash"].as_i64().unwrap();
    let kk = book.ok(&["count", "--date", "2025-02-10", "--total", &(cash - 50_000).to_string()]);
    let kk = kk.split_whitespace().next().unwrap().to_string();
    book.ok(&["settle", "--count", &kk, "--amount", "20.000", "--person", "TV0001", "--date", "2025-02-11"]);
    book.ok(&["settle", "--count", &kk, "--amount", "30.000", "--fund", "common", "--date", "2025-02-12"]);
    for (from, to) in months("2025-02") {
        let range = ["--from", from.as_str(), "--to", to.as_str()];
        let s = json(&book, &[&["report", "summary"][..], &range[..]].concat());
        let books = |method: &str| json(&book, &[&["report", "cashbook", "--method", method][..], &range[..]].concat());
        let (cash, bank) = (books("cash"), books("bank"));
        let pair = |v: &serde_json::Value, a: &str, b: &str| (v[a].as_i64().unwrap(), v[b].as_i64().unwrap());
        assert_eq!(pair(&s, "receipts_cash", "payments_cash"), pair(&cash, "total_in", "total_out"), "{from}: {s}");
        assert_eq!(pair(&s, "receipts_bank", "payments_bank"), pair(&bank, "total_in", "total_out"), "{from}: {s}");
        assert_eq!(s["check_holds"], true, "{from}: {s}");
        let listed: i64 = s["vouchers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let seq =
                    |v: &serde_json::Value| v.as_str().unwrap().rsplit('-').next().unwrap().parse::<i64>().unwrap();
                seq(&r[1]) - seq(&r[0]) + 1
            })
            .sum();
        assert_eq!(s["voucher_count"].as_i64().unwrap(), listed, "{from}: {s}");
    }
    // January 2025 as the example chapter has it: PT-2025-0001 and its correction are both there.
    let jan = json(&book, &["report", "summary", "--from", "2025-01-01", "--to", "2025-01-31"]);
    assert_eq!((jan["contributions"].as_i64(), jan["contribution_vouchers"].as_i64()), (Some(300_000), Some(2)));
    assert_eq!(
        (jan["corrections_in_cash"].as_i64(), jan["corrections_in_vouchers"].as_i64()),
        (Some(-150_000), Some(1))
    );
    assert_eq!(jan["voucher_count"], 7);
    let text = book.ok(&["report", "summary", "--from", "2025-01-01", "--to", "2025-01-31"]);
    assert!(text.contains("Điều chỉnh giảm thu (ghi số âm)"), "{text}");
    assert!(text.contains("Chuyển giữa tiền mặt và ngân hàng"), "{text}");
}
