//! A printable document: what the human renderers (text, html, pdf) draw. Each report
//! builds its rows, then a `Document` from them; the renderers know nothing of reports.

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table column: its title, its relative width (in characters) and alignment.
/// `summed` columns get page totals when the table spans pages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub width: usize,
    pub align: Align,
    pub summed: bool,
}

impl Column {
    pub fn left(title: &str, width: usize) -> Column {
        Column { title: title.into(), width, align: Align::Left, summed: false }
    }

    pub fn money(title: &str, width: usize, summed: bool) -> Column {
        Column { title: title.into(), width, align: Align::Right, summed }
    }
}

/// One cell: its text, and its amount in đồng when it is money (for page totals).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub value: Option<i64>,
    /// Shown as a warning (red in colour, marked in plain text): a negative balance.
    pub warn: bool,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell { text: s.into(), value: None, warn: false }
    }

    /// `1.263.600` (no currency sign inside tables), negative marked.
    pub fn money(v: i64) -> Cell {
        Cell { text: crate::money::group(v), value: Some(v), warn: v < 0 }
    }

    pub fn empty() -> Cell {
        Cell::default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Closing rows (totals), drawn after the body in bold.
    pub totals: Vec<Vec<Cell>>,
    /// The label of per-page totals ("Cộng trang"), when the table wants them.
    pub page_total_label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    /// Label–value lines ("Tiền mặt: 4.000.000 đ").
    Pairs(Vec<(String, String)>),
    Text(String),
    Table(Table),
}

/// The signature block of docs/quy-dinh.md §6, with place and date above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatures {
    pub place_date: String,
    pub roles: Vec<String>,
    pub note: String,
}

impl Signatures {
    pub fn standard(place_date: String, lang: Lang) -> Signatures {
        Signatures {
            place_date,
            roles: vec![
                lang.pick("Người lập (Thủ quỹ)", "Prepared by (Treasurer)").into(),
                lang.pick("Kế toán", "Accountant").into(),
                lang.pick("Tổ trưởng / Trưởng ban", "Group leader").into(),
                lang.pick("Ban kiểm tra", "Control board").into(),
            ],
            note: lang.pick("(Ký, ghi rõ họ tên)", "(Signature, full name)").into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub subtitle: Vec<String>,
    pub blocks: Vec<Block>,
    /// Printed at the foot of every page (pool, printed-at, head hash).
    pub footer: String,
    pub signatures: Option<Signatures>,
    /// The S07 book footer: "Sổ này có … trang, đánh số từ trang 01 đến trang …".
    pub book_footer: bool,
    pub lang: Lang,
}

impl Document {
    pub fn new(title: String, lang: Lang) -> Document {
        Document {
            title,
            subtitle: Vec::new(),
            blocks: Vec::new(),
            footer: String::new(),
            signatures: None,
            book_footer: false,
            lang,
        }
    }

    /// "Trang 3/12".
    pub fn page_label(&self, n: usize, of: usize) -> String {
        format!("{} {n}/{of}", self.lang.pick("Trang", "Page"))
    }

    /// "Sổ này có 12 trang, đánh số từ trang 01 đến trang 12".
    pub fn book_footer_text(&self, pages: usize) -> String {
        match self.lang {
            Lang::Vi => format!("Sổ này có {pages} trang, đánh số từ trang 01 đến trang {pages:02}"),
            Lang::En => format!("This book has {pages} pages, numbered from page 01 to page {pages:02}"),
        }
    }
}
