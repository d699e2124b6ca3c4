//! The month-end papers an auditor signs (docs/design.md §6, docs/quy-dinh.md §6–§7): every
//! paper rendered to PDF and read back with pdftotext — the letterhead block, the signature
//! names, the book forms' carried lines on page 2, every payer's full name, the slips (ĐÃ HỦY,
//! two copies per sheet).

use std::process::Command;

use crate::common::{Book, path_str};

const ORG: &str = "Chi hội Phụ nữ ấp Cây Gòn — Hội LHPN xã Hiếu Tử";
const ADDRESS: &str = "Ấp Cây Gòn, xã Hiếu Tử, huyện Tiểu Cần, tỉnh Trà Vinh";
const BANK: &str = "Agribank chi nhánh Tiểu Cần";
const TREASURER: &str = "Lê Thị Thu Hương";
const ACCOUNTANT: &str = "Nguyễn Thị Mai";
const LEADER: &str = "Thạch Thị Sà Phol";

/// Names longer than the old cash book's 25 characters.
const PAYERS: [&str; 4] = [
    "Nguyễn Thị Ngọc Bích Phương Thảo",
    "Thạch Thị Sà Phol Chanh Thu Rinh",
    "Trương Thị Kiều Hoa Minh Nguyệt",
    "Huỳnh Văn Tấn Lộc Quốc Bảo Minh",
];

/// pdftotext's reading of a PDF, in drawing order, with runs of white space as one
/// space: a name wrapped over two lines of its cell reads whole.
pub fn pdf_text(path: &std::path::Path) -> String {
    let out =
        Command::new("pdftotext").args(["-raw", path_str(path), "-"]).output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One page of a PDF as text (pages from 1).
fn pdf_page(path: &std::path::Path, page: usize) -> String {
    let n = page.to_string();
    let out =
        Command::new("pdftotext").args(["-raw", "-f", &n, "-l", &n, path_str(path), "-"]).output().expect("pdftotext");
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_pages(path: &std::path::Path) -> usize {
    let out = Command::new("pdfinfo").arg(path_str(path)).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8(out.stdout).unwrap();
    info.lines().find_map(|l| l.strip_prefix("Pages:")).map(|n| n.trim().parse().unwrap()).unwrap()
}

/// A pool with its letterhead, four members with long names in one household, a month
/// of contributions, a BHYT purchase and a reversal.
fn chapter() -> Book {
    let book = Book::new();
    book.ok(&[
        "pool",
        "set",
        "--org",
        ORG,
        "--address",
        ADDRESS,
        "--bank",
        BANK,
        "--account",
        "7306205123456",
        "--treasurer",
        TREASURER,
        "--accountant",
        ACCOUNTANT,
        "--leader",
        LEADER,
    ]);
    book.ok(&[
        "household",
        "add",
        "--code",
        "H1",
        "--name",
        "Hộ Nguyễn Thị Ngọc Bích",
        "--address",
        "Số 12, ấp Cây Gòn",
    ]);
    for (i, name) in PAYERS.iter().enumerate() {
        let code = format!("TV000{}", i + 1);
        book.ok(&["person", "add", "--code", &code, "--name", name, "--household", "H1", "--joined", "2025-01-01"]);
    }
    book.ok(&["opening", "--cash", "1.000.000", "--date", "2025-12-31"]);
    book
}

fn pdf(book: &Book, name: &str, args: &[&str]) -> std::path::PathBuf {
    let file = book.path(name);
    let mut full = args.to_vec();
    full.extend(["--format", "pdf", "--output", path_str(&file)]);
    book.ok(&full);
    file
}

#[test]
fn every_paper_prints_the_letterhead_and_the_signers() {
    let book = chapter();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "500.000", "--date", "2026-01-05"]);
    book.ok(&["buy", "bhyt", "--person", "TV0001", "--months", "12", "--date", "2026-01-10"]);
    book.ok(&["transfer", "--from", "cash", "--to", "bank", "--amount", "200.000", "--date", "2026-01-11"]);
    let reports: [&[&str]; 8] = [
        &["report", "summary"],
        &["report", "cashbook"],
        &["report", "cashbook", "--method", "bank"],
        &["report", "balances"],
        &["report", "journal"],
        &["report", "arrears"],
        &["report", "coverage"],
        &["report", "sponsors"],
    ];
    for (i, args) in reports.iter().enumerate() {
        let text = pdf_text(&pdf(&book, &format!("p{i}.pdf"), args));
        // 'Đơn vị tính: đồng' only on papers with money (docs/quy-dinh.md §7).
        let money = !matches!(args[1], "coverage" | "sponsors");
        assert_eq!(text.contains("Đơn vị tính: đồng"), money, "{args:?}: {text}");
        for needle in [
            format!("Đơn vị: {ORG}"),
            format!("Địa chỉ: {ADDRESS}"),
            "(Ký, họ tên)".into(),
            TREASURER.into(),
            ACCOUNTANT.into(),
            LEADER.into(),
            "Mã băm đầu chuỗi:".into(),
        ] {
            assert!(text.contains(&needle), "{args:?}: {needle} in {text}");
        }
        // The head as `verify --anchor` takes it back: REF=64 hex.
        let head = text.split("Mã băm đầu chuỗi: ").nth(1).unwrap().split_whitespace().next().unwrap();
        let (reference, hash) = head.split_once('=').unwrap();
        // The last voucher, cash paid into the bank: a phiếu chi (docs/quy-dinh.md §6).
        assert!(reference.starts_with("PC-2026-") && hash.len() == 64, "{head}");
    }
    let cash = pdf_text(&book.path("p1.pdf"));
    assert!(cash.contains("SỔ QUỸ TIỀN MẶT") && cash.contains("Mẫu số S07-DN") && cash.contains("Người ghi sổ"));
    let bank = pdf_text(&book.path("p2.pdf"));
    for needle in ["SỔ TIỀN GỬI NGÂN HÀNG", "Mẫu số S08-DN", BANK, "7306205123456", "gửi vào", "rút ra", "Còn lại"]
    {
        assert!(bank.contains(needle), "{needle} in {bank}");
    }
    // Text and HTML carry the same block.
    for format in ["text", "html"] {
        let out = book.ok(&["report", "summary", "--format", format]);
        assert!(out.contains(ORG) && out.contains(ADDRESS) && out.contains(LEADER), "{format}");
    }
}

#[test]
fn the_cash_book_carries_forward_and_prints_every_name_whole() {
    let book = chapter();
    for day in 1..=28 {
        for (i, _) in PAYERS.iter().enumerate() {
            let date = format!("2026-02-{day:02}");
            let code = format!("TV000{}", i + 1);
            book.ok(&["contribute", "--person", &code, "--amount", "50.000", "--date", &date, "--note", "góp tuần"]);
        }
    }
    let file = pdf(&book, "so-quy.pdf", &["report", "cashbook", "--from", "2026-02-01", "--to", "2026-02-28"]);
    let pages = pdf_pages(&file);
    assert!(pages >= 3, "112 lines span pages ({pages})");
    let first = pdf_page(&file, 1);
    assert!(first.contains("Số tồn quỹ đầu kỳ") && first.contains("Cộng trang"), "{first}");
    assert!(first.contains("Số chuyển sang trang sau"), "{first}");
    let second = pdf_page(&file, 2);
    assert!(second.contains("Số trang trước chuyển sang"), "{second}");
    // What page 1 carries is what page 2 brings: Thu, Chi and Tồn.
    let figures = |text: &str, label: &str| -> String {
        text.split(label).nth(1).unwrap().split_whitespace().take(2).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(figures(&first, "Số chuyển sang trang sau"), figures(&second, "Số trang trước chuyển sang"));
    let all = pdf_text(&file);
    for name in PAYERS {
        assert!(all.contains(&format!("Thu tiền góp — {name} (góp tuần)")), "{name} whole in the book");
    }
    // Dotted blanks (……) are places to write by hand; a lone "…" would be a cut name.
    assert!(!all.replace("……", "").contains('…'), "nothing cut short");
    assert!(all.contains("Cộng số phát sinh trong kỳ 5.600.000") && all.contains("Số tồn quỹ cuối kỳ"), "{all}");
    assert!(all.contains(&format!(
        "Sổ này có {pages} trang, đánh số từ trang 01 đến trang {pages:02} — Ngày mở sổ: 31/12/2025"
    )));
    // Text wraps the same names inside the column, never with "…".
    let text = book.ok(&["report", "cashbook", "--from", "2026-02-01", "--to", "2026-02-28"]);
    assert!(!text.replace("……", "").contains('…') && text.contains("Số trang trước chuyển sang"));
}

/// Every word drawn lies between the 25 mm left margin and the 15 mm right one.
#[test]
fn nothing_is_drawn_past_the_margins() {
    let book = chapter();
    let long = "Ghi chú rất dài: ".to_string() + &"đóng góp tiền quỹ hằng tháng theo thỏa thuận của tổ ".repeat(8);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "123.456.789", "--date", "2026-01-05", "--note", &long]);
    for (i, args) in [["report", "cashbook"], ["report", "journal"], ["report", "summary"], ["report", "balances"]]
        .iter()
        .enumerate()
    {
        let file = pdf(&book, &format!("m{i}.pdf"), args);
        let out = Command::new("pdftotext").args(["-bbox", path_str(&file), "-"]).output().expect("pdftotext -bbox");
        let html = String::from_utf8(out.stdout).unwrap();
        let attr = |w: &str, name: &str| -> f64 {
            w.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
        };
        let mm = 72.0 / 25.4;
        for word in html.split("<word ").skip(1) {
            let (x0, x1) = (attr(word, "xMin"), attr(word, "xMax"));
            assert!(x0 >= 25.0 * mm - 0.5, "{args:?}: word at {x0} left of the binding margin: {word}");
            assert!(x1 <= 595.28 - 15.0 * mm + 0.5, "{args:?}: word ends at {x1} past the right margin: {word}");
        }
    }
}

#[test]
fn slips_in_the_forms_with_a_stamp_when_cancelled() {
    let book = chapter();
    let pt = book.voucher(&["contribute", "--person", "TV0002", "--amount", "250.000", "--date", "2026-01-05"]);
    let text = pdf_text(&pdf(&book, "pt.pdf", &["slip", &pt]));
    for needle in [
        "PHIẾU THU",
        "Mẫu số 01-TT",
        "Quyển số: 2026",
        &format!("Số: {pt}"),
        "Nợ: Tiền mặt",
        &format!("Có: Thành viên TV0002 — {}", PAYERS[1]),
        &format!("Họ và tên người nộp tiền: {}", PAYERS[1]),
        "Địa chỉ: Số 12, ấp Cây Gòn",
        "Lý do nộp:",
        "Số tiền: 250.000 đ",
        "Hai trăm năm mươi nghìn đồng",
        "Kèm theo:",
        "Tổ trưởng",
        "Người nộp tiền",
        "Người lập phiếu",
        "Thủ quỹ",
        "Đã nhận đủ số tiền (viết bằng chữ): Hai trăm năm mươi nghìn đồng",
        "Liên 1: lưu tại tổ",
        "Liên 2: giao người nộp tiền",
        "Liên 3: thủ quỹ giữ",
        LEADER,
        TREASURER,
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    assert!(!text.contains("ĐÃ HỦY"));
    // Three copies (liên), each a sheet of its own in the same layout, none "Trang 1/2".
    assert_eq!(pdf_pages(&book.path("pt.pdf")), 3, "three copies, one a sheet");
    assert!(!text.contains("Trang "), "{text}");
    let pc = book.voucher(&["reverse", &pt, "--reason", "Ghi nhầm người góp", "--date", "2026-01-07"]);
    let text = pdf_text(&pdf(&book, "pt2.pdf", &["slip", &pt]));
    assert!(text.contains(&format!("ĐÃ HỦY — bởi {pc}, ngày 07/01/2026, lý do: Ghi nhầm người góp")), "{text}");
    // The correction is a phiếu kế toán: one page, no payee, no treasurer, no cash taken.
    let text = pdf_text(&pdf(&book, "pc.pdf", &["slip", &pc]));
    assert!(pc.starts_with("PK-2026-") && text.contains("PHIẾU KẾ TOÁN"), "{text}");
    for absent in ["PHIẾU CHI", "02-TT", "Người nhận tiền", "Thủ quỹ", "Đã nhận đủ số tiền"] {
        assert!(!text.contains(absent), "{absent} on a correction: {text}");
    }
    assert!(text.contains("Người lập") && text.contains("Kế toán"), "{text}");
    assert_eq!(pdf_pages(&book.path("pc.pdf")), 1);
    assert!(text.contains(&format!("Chứng từ này hủy {pt} ngày 05/01/2026 — lý do: Ghi nhầm người góp")), "{text}");
    // A reversed purchase no longer shows its card as valid.
    let buy = book.voucher(&["buy", "bhyt", "--person", "TV0001", "--months", "12", "--date", "2026-01-10"]);
    assert!(book.ok(&["slip", &buy]).contains("Thẻ có giá trị từ"));
    book.ok(&["reverse", &buy, "--reason", "Mua trùng", "--date", "2026-01-12"]);
    let slip = book.ok(&["slip", &buy]);
    assert!(
        slip.contains("ĐÃ HỦY") && !slip.contains("Thẻ có giá trị từ") && slip.contains("KHÔNG CÒN GIÁ TRỊ"),
        "{slip}"
    );
    // A member who starts owing the pool: "nợ quỹ", the amount in words without a sign.
    let pk = book.voucher(&["opening", "--person", "TV0003", "--amount", "-250000", "--date", "2025-12-31"]);
    let slip = book.ok(&["slip", &pk]);
    assert!(slip.contains("nợ quỹ") && slip.contains("Hai trăm năm mươi nghìn đồng") && !slip.contains("Âm"), "{slip}");
    // JSON carries the same fields; other formats are refused.
    let v: serde_json::Value = serde_json::from_str(&book.ok(&["slip", &pt, "--format", "json"])).unwrap();
    assert_eq!(v["amount"], 250_000);
    assert_eq!(v["amount_in_words"], "Hai trăm năm mươi nghìn đồng");
    assert_eq!(v["reversed_by"]["voucher"], pc);
    assert_eq!(v["form"], "01-TT");
    let err = book.refused(&["slip", &pt, "--format", "csv"]);
    assert!(err.contains("--format") && err.contains("json"), "{err}");
    assert!(book.ok(&["slip", &pt, "--format", "html"]).contains("<div class=\"stamp\">ĐÃ HỦY"));
}

#[test]
fn months_print_as_month_slash_year() {
    let book = chapter();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "5.000.000", "--date", "2026-01-05"]);
    let args = [
        "bhxh",
        "--person",
        "TV0001",
        "--months",
        "12",
        "--income",
        "1.500.000",
        "--date",
        "2026-01-06",
        "--from-month",
        "2026-01",
    ];
    let quote = book.ok(&[&["quote"], &args[..]].concat());
    assert!(quote.contains("tháng 01/2026 đến 12/2026") && !quote.contains("2026-01"), "{quote}");
    let v = book.voucher(&[&["buy"], &args[..]].concat());
    assert!(book.ok(&["slip", &v]).contains("Đóng BHXH các tháng 01/2026 – 12/2026"));
    let cover = book.ok(&["report", "coverage", "--as-of", "2026-02-01"]);
    assert!(cover.contains("12/2026") && !cover.contains("2026-12"), "{cover}");
}

#[test]
fn a_cash_count_is_a_form_08a_and_a_record_of_the_chain() {
    let book = chapter();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "350.000", "--date", "2026-01-05"]);
    let out = book.ok(&[
        "count",
        "--date",
        "2026-01-31",
        "--notes",
        "500000x2,200.000x1,100000x1",
        "--counted-by",
        "Lê Thị Thu Hương, Thạch Thị Sà Phol",
        "--reason",
        "Đếm nhầm tờ 50.000 đ",
    ]);
    assert!(out.contains("theo sổ 1.350.000 đ, đếm được 1.300.000 đ — Thiếu 50.000 đ"), "{out}");
    // The first count booked its shortage: the book now holds what was counted.
    book.ok(&["count", "--date", "2026-02-01", "--total", "1.300.000"]);
    let err = book.refused(&["count", "--date", "2026-02-01", "--notes", "300000x1"]);
    assert!(err.contains("--notes"), "{err}");
    let text = pdf_text(&pdf(&book, "kiem-ke.pdf", &["report", "counts"]));
    for needle in [
        "BẢNG KIỂM KÊ QUỸ",
        "Mẫu số 08a-TT",
        "Số dư theo sổ quỹ 1.350.000",
        "Loại 500.000 đ 2 1.000.000",
        "Loại 200.000 đ 1 200.000",
        "Thiếu 50.000 đ",
        "Đếm nhầm tờ 50.000 đ",
        "Người chịu trách nhiệm kiểm kê quỹ",
        "Khớp (không chênh lệch)",
        TREASURER,
        LEADER,
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let v: serde_json::Value = serde_json::from_str(&book.ok(&["report", "counts", "--format", "json"])).unwrap();
    assert_eq!(v["counts"][0]["difference"], -50_000);
    let reference = v["counts"][0]["record"].as_str().unwrap().to_string();
    assert!(book.ok(&["verify", "--show", &reference]).contains("\"record\":\"count\""));
    book.ok(&["verify"]);
}

#[test]
fn after_a_close_nothing_dated_in_it_is_written_and_its_papers_say_so() {
    let book = chapter();
    let pt = book.voucher(&["contribute", "--person", "TV0001", "--amount", "350.000", "--date", "2026-01-05"]);
    let out = book.ok(&["close", "--to", "2026-01-31"]);
    assert!(out.contains("Đã khóa sổ đến 31/01/2026: tiền mặt 1.350.000 đ, tiền gửi 0 đ"), "{out}");
    let err = book.refused(&["contribute", "--person", "TV0001", "--amount", "1000", "--date", "2026-01-20"]);
    assert!(err.contains("Sổ đã khóa đến ngày 31/01/2026"), "{err}");
    let err = book.refused(&["reverse", &pt, "--reason", "Ghi nhầm", "--date", "2026-01-31"]);
    assert!(err.contains("Sổ đã khóa"), "{err}");
    book.ok(&["reverse", &pt, "--reason", "Ghi nhầm", "--date", "2026-02-02"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "1000", "--date", "2026-02-03"]);
    let csv = book.write("gop.csv", "date,person_code,amount,method,note\n2026-01-30,TV0002,100000,cash,\n");
    assert!(book.refused(&["import", "contributions", path_str(&csv)]).contains("Sổ đã khóa"));
    assert!(book.refused(&["close", "--to", "2026-01-15"]).contains("không sau lần khóa sổ trước"));
    for (report, closed) in [("summary", true), ("cashbook", true), ("journal", true), ("balances", true)] {
        let text = pdf_text(&pdf(
            &book,
            &format!("{report}.pdf"),
            &["report", report, "--from", "2026-01-01", "--to", "2026-01-31"],
        ));
        assert_eq!(text.contains("Đã khóa sổ đến 31/01/2026 — mã băm"), closed, "{report}: {text}");
    }
    let later = pdf_text(&pdf(&book, "feb.pdf", &["report", "summary", "--from", "2026-02-01", "--to", "2026-02-28"]));
    assert!(!later.contains("Đã khóa sổ"), "February is open");
    book.ok(&["verify"]);
    // Behind hunvon's back, the database itself refuses a voucher in the closed period.
    let conn = book.sqlite();
    let refused = conn.execute(
        "INSERT INTO transactions (id, pool_id, voucher, series, year, seq, date, kind, entered_at, prev_hash, hash) \
         VALUES (999, 1, 'PT-2026-0999', 'PT', 2026, 999, '2026-01-10', 'contribution', 'x', 'x', 'x')",
        [],
    );
    assert!(refused.is_err_and(|e| e.to_string().contains("closed")));
}

#[test]
fn the_letterhead_is_a_record_of_the_chain() {
    let book = chapter();
    let head: serde_json::Value = serde_json::from_str(&book.ok(&["report", "summary", "--format", "json"])).unwrap();
    let out = book.ok(&["pool", "set", "--leader", "Trương Thị Kiều Hoa"]);
    assert!(out.contains("Trương Thị Kiều Hoa") && out.contains(TREASURER), "{out}");
    let v: serde_json::Value = serde_json::from_str(&book.ok(&["report", "summary", "--format", "json"])).unwrap();
    let reference = v["head"].as_str().unwrap().split('=').next().unwrap().to_string();
    assert_ne!(v["head"], head["head"]);
    let shown = book.ok(&["verify", "--show", &reference]);
    assert!(shown.contains("\"record\":\"pool\"") && shown.contains("\"leader\":\"Trương Thị Kiều Hoa\""), "{shown}");
    book.ok(&["verify"]);
}
