//! A document whose every block holds one very long text (an old book's 96 KB note, typed
//! before notes were capped). Shared by tests/it/pdf_long_text.rs (what the PDF shows) and
//! benches/papers.rs (how long it takes), which includes this file by path.

use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Header, Table};

/// 96 KB of a Vietnamese name, repeated.
pub fn text_of_96_kb() -> String {
    "Nguyễn Thị Hường ".repeat(96 * 1024 / "Nguyễn Thị Hường ".len())
}

pub fn long_doc(text: &str) -> Document {
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
