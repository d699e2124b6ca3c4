//! Point 18 of issue 14: the PDF renderer measures a text once, so a very long one (an old
//! book's 96 KB note, typed before notes were capped) renders in time linear in its length;
//! wrapped inside its column, it is cut with "…" where a page ends, never drawn past it.

use hunvon::messages::i18n::Lang;
use hunvon::report::document::{Block, Cell, Column, Document, Header, Table};

fn long_doc(text: &str) -> Document {
    let mut doc = Document::new(Lang::Vi);
    doc.push(Block::Footer(text.to_string()));
    doc.push(Block::Letterhead(Header { left: vec![text.to_string()], right: vec![text.to_string()] }));
    doc.push(Block::Title(text.to_string()));
    doc.push(Block::Subtitle(text.to_string()));
    doc.push(Block::Pairs(vec![("Họ và tên".into(), text.to_string())]));
    doc.push(Block::Text(text.to_string()));
    doc.push(Block::Heading(text.to_string()));
    let mut t =
        Table::new(vec![Column::wrap("Tên", 3), Column::wrap("Ghi chú", 4), Column::money("Số tiền", 14, true)]);
    t.row(vec![Cell::text(text), Cell::text(text), Cell::money(1000)]);
    t.row(vec![Cell::text(text), Cell::empty(), Cell::money(2000)]);
    doc.push(Block::Table(t));
    doc
}

#[test]
fn a_96_kb_text_renders() {
    let text = "Nguyễn Thị Hường ".repeat(96 * 1024 / "Nguyễn Thị Hường ".len());
    let started = std::time::Instant::now();
    let pdf = hunvon::report::pdf::render(&long_doc(&text)).unwrap();
    eprintln!("96 KB: {:?}", started.elapsed());
    assert!(pdf.starts_with(b"%PDF"));
    // Each of the long texts is cut where a page ends: a handful of pages, not hundreds.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let info = std::process::Command::new("pdfinfo").arg(&file).output().expect("pdfinfo (poppler-utils)");
    let info = String::from_utf8_lossy(&info.stdout).to_string();
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((2..40).contains(&pages), "{pages} pages");
}
