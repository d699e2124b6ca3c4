//! Point 18 of issue 14: the PDF renderer measures a text once, so a very long one (an old
//! book's 96 KB note, typed before notes were capped) renders in time linear in its length.

use hunvon::i18n::Lang;
use hunvon::report::document::{Block, Cell, Column, Document, Table};

fn long_doc(text: &str) -> Document {
    let mut doc = Document::new(text.to_string(), Lang::Vi);
    doc.subtitle.push(text.to_string());
    doc.footer = text.to_string();
    doc.blocks.push(Block::Pairs(vec![("Họ và tên".into(), text.to_string())]));
    doc.blocks.push(Block::Text(text.to_string()));
    doc.blocks.push(Block::Heading(text.to_string()));
    let mut t = Table {
        columns: vec![Column::left("Tên", 30), Column::left("Ghi chú", 40), Column::money("Số tiền", 14, true)],
        ..Table::default()
    };
    t.rows.push(vec![Cell::text(text), Cell::text(text), Cell::money(1000)]);
    t.rows.push(vec![Cell::text(text), Cell::empty(), Cell::money(2000)]);
    doc.blocks.push(Block::Table(t));
    doc
}

#[test]
fn a_96_kb_text_renders() {
    let text = "Nguyễn Thị Hường ".repeat(96 * 1024 / "Nguyễn Thị Hường ".len());
    let started = std::time::Instant::now();
    let pdf = hunvon::report::pdf::render(&long_doc(&text)).unwrap();
    eprintln!("96 KB: {:?}", started.elapsed());
    assert!(pdf.starts_with(b"%PDF"));
}
