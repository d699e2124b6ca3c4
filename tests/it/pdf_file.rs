//! The PDF writer (crates/report/src/pdf_canvas.rs) and the cash book written page by page
//! (docs/design.md §9, §6): a well-formed file whose
//! cross-reference table points at every object, whose text reads back with its
//! diacritics, and the same paper whether it streams to a file or to stdout.

use std::process::Command;

use crate::common::{Book, path_str};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Table};

/// Every entry of the cross-reference table points at its object's first byte.
fn assert_well_formed(pdf: &[u8]) {
    assert!(pdf.starts_with(b"%PDF-1.7") && pdf.ends_with(b"%%EOF\n"));
    let tail = pdf.len() - pdf.iter().rev().take(64).position(|b| *b == b'f').unwrap() - 1;
    let tail = String::from_utf8(pdf[tail.saturating_sub(40)..].to_vec()).unwrap();
    let start: usize = tail.split("startxref\n").nth(1).unwrap().lines().next().unwrap().parse().unwrap();
    // The table and the trailer are ASCII.
    let table = String::from_utf8(pdf[start..].to_vec()).unwrap();
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("xref"));
    let size: usize = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(lines.next().unwrap().ends_with(" f"), "object 0 is free");
    for n in 1..size {
        let offset: usize = lines.next().unwrap().split_whitespace().next().unwrap().parse().unwrap();
        assert!(pdf[offset..].starts_with(format!("{n} 0 obj").as_bytes()), "object {n} at {offset}");
    }
}

fn pdftotext(file: &std::path::Path) -> String {
    let out =
        Command::new("pdftotext").args(["-raw", path_str(file), "-"]).output().expect("pdftotext (poppler-utils)");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap().split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_pdf_reads_back_with_every_vietnamese_letter() {
    let mut doc = Document::new(Lang::Vi);
    doc.push(Block::Title("SỔ QUỸ TIỀN MẶT".into()));
    doc.push(Block::Text("Nguyễn Thị Hường (ấp Cây Gòn) \\ 1.263.600 ₫ — Đặng Ỷ Ửng".into()));
    let mut t = Table::new(vec![Column::wrap("Diễn giải", 3), Column::money("Thu", 11, true)]);
    for k in 0..300 {
        t.row(vec![Cell::text(format!("Thu tiền góp — Trần Văn Ước {k}")), Cell::money(1000 * k)]);
    }
    doc.push(Block::Table(t));
    let pdf = hunvon_report::pdf::render(&doc).unwrap();
    assert_well_formed(&pdf);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let text = pdftotext(&file);
    assert!(text.contains("Nguyễn Thị Hường (ấp Cây Gòn) \\ 1.263.600 ₫ — Đặng Ỷ Ửng"), "{text}");
    assert!(text.contains("Thu tiền góp — Trần Văn Ước 299 299.000"), "{text}");
    assert!(text.contains("SỔ QUỸ TIỀN MẶT"));
}

#[test]
fn the_cash_book_streams_the_same_paper_to_a_file_and_to_stdout() {
    let book = Book::new();
    book.ok(&["opening", "--cash", "1.000.000", "--date", "2025-12-31"]);
    for k in 1..=40 {
        let code = format!("TV{k:04}");
        book.ok(&["person", "add", "--code", &code, "--name", &format!("Lê Thị Ánh {k}"), "--joined", "2025-01-01"]);
        book.ok(&["contribute", "--person", &code, "--amount", "150.000", "--date", "2026-01-05"]);
    }
    let paid = book.voucher(&[
        "pay",
        "--fund",
        "common",
        "--amount",
        "2.500.000",
        "--date",
        "2026-01-06",
        "--note",
        "Chi mua văn phòng phẩm",
    ]);
    book.ok(&["reverse", &paid, "--reason", "Ghi nhầm", "--date", "2026-01-07"]);
    let period = ["report", "cashbook", "--from", "2026-01-01", "--to", "2026-01-31"];
    for format in ["text", "pdf"] {
        let file = book.path(&format!("so-quy.{format}"));
        let mut args = period.to_vec();
        args.extend(["--format", format, "--output", path_str(&file)]);
        book.ok(&args);
        let mut args = period.to_vec();
        args.extend(["--format", format]);
        let piped = book.run(&args);
        assert!(piped.status.success());
        assert_eq!(std::fs::read(&file).unwrap(), piped.stdout, "{format}: the file and stdout hold the same paper");
    }
    let pdf = std::fs::read(book.path("so-quy.pdf")).unwrap();
    assert_well_formed(&pdf);
    let text = pdftotext(&book.path("so-quy.pdf"));
    assert!(text.contains("Thu tiền góp — Lê Thị Ánh 40"), "{text}");
    assert!(text.contains("Đã hủy bởi") && text.contains("Cộng số phát sinh trong kỳ"), "{text}");
    let plain = std::fs::read_to_string(book.path("so-quy.text")).unwrap();
    assert!(plain.contains("Lê Thị Ánh") && plain.contains("Số tồn quỹ cuối kỳ"), "{plain}");
}
