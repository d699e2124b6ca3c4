//! A printable document: what the human renderers (text, html, pdf) draw. Each report
//! builds its rows, then a `Document` from them; the renderers know nothing of reports.
//!
//! A document is a list of blocks: the letterhead, the title, tables, the signature
//! places… Several documents (the pools of a district) are joined by concatenating their
//! blocks with a page break between them, each section keeping its own footer.

use std::borrow::Cow;

use chrono::NaiveDate;

use hunvon_core::messages::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// What a table column adds up across pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sum {
    /// Nothing (text, dates, running figures that are not carried).
    No,
    /// Page totals and, with carry-forward, the running sum from the first row.
    Summed,
    /// A running balance (Tồn): carried forward as its last value.
    Running,
}

/// A table column: its title, alignment, how it adds up, and whether its text wraps.
/// Columns that do not wrap are as wide as their widest cell; wrapping columns share
/// what is left of the line by their `weight`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub weight: usize,
    pub align: Align,
    pub sum: Sum,
    pub wrap: bool,
}

impl Column {
    /// Short text that never wraps (codes, dates, voucher numbers).
    pub fn left(title: &str, weight: usize) -> Column {
        Column { title: title.into(), weight, align: Align::Left, sum: Sum::No, wrap: false }
    }

    /// Text that wraps inside the column (names, purposes, notes): every word printed.
    pub fn wrap(title: &str, weight: usize) -> Column {
        Column { title: title.into(), weight, align: Align::Left, sum: Sum::No, wrap: true }
    }

    /// Money, right-aligned; `summed` columns get page totals and carry-forward.
    pub fn money(title: &str, weight: usize, summed: bool) -> Column {
        Column {
            title: title.into(),
            weight,
            align: Align::Right,
            sum: if summed { Sum::Summed } else { Sum::No },
            wrap: false,
        }
    }

    /// A running balance, right-aligned, carried to the next page as its last value.
    pub fn running(title: &str, weight: usize) -> Column {
        Column { title: title.into(), weight, align: Align::Right, sum: Sum::Running, wrap: false }
    }

    /// A right-aligned count or figure that is not money.
    pub fn number(title: &str, weight: usize) -> Column {
        Column { title: title.into(), weight, align: Align::Right, sum: Sum::No, wrap: false }
    }
}

/// One cell. Kept small (a year's cash book holds hundreds of thousands of them):
/// money and dates are stored as values and formatted when drawn.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Cell {
    #[default]
    Empty,
    Text(Box<str>),
    /// Text shown as a warning (a card about to end).
    Warning(Box<str>),
    /// `1.263.600` (no currency sign inside tables); negative amounts are marked.
    Money(i64),
    /// An amount that may be negative without being a warning (a movement cancelled by
    /// a reversal).
    Figure(i64),
    /// `dd/mm/yyyy`.
    Date(NaiveDate),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        let s: String = s.into();
        if s.is_empty() { Cell::Empty } else { Cell::Text(s.into_boxed_str()) }
    }

    pub fn warning(s: impl Into<String>) -> Cell {
        Cell::Warning(s.into().into_boxed_str())
    }

    pub fn money(v: i64) -> Cell {
        Cell::Money(v)
    }

    pub fn figure(v: i64) -> Cell {
        Cell::Figure(v)
    }

    pub fn date(d: NaiveDate) -> Cell {
        Cell::Date(d)
    }

    pub fn empty() -> Cell {
        Cell::Empty
    }

    /// Its amount in đồng when it is money (page totals add these).
    pub fn value(&self) -> Option<i64> {
        match self {
            Cell::Money(v) | Cell::Figure(v) => Some(*v),
            _ => None,
        }
    }

    /// Shown as a warning (red in colour, marked in plain text): a negative balance.
    pub fn warn(&self) -> bool {
        matches!(self, Cell::Money(v) if *v < 0) || matches!(self, Cell::Warning(_))
    }

    /// The text drawn.
    pub fn shown(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) | Cell::Warning(s) => Cow::Borrowed(s),
            // Papers print a negative figure with the minus sign (U+2212), as a correction
            // is written in the books (ghi số âm: "−150.000").
            Cell::Money(v) | Cell::Figure(v) if *v < 0 => {
                Cow::Owned(hunvon_core::domain::money::group(*v).replacen('-', "\u{2212}", 1))
            }
            Cell::Money(v) | Cell::Figure(v) => Cow::Owned(hunvon_core::domain::money::group(*v)),
            Cell::Date(d) => Cow::Owned(hunvon_core::domain::date::format_vn(*d)),
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }
}

/// How a table that spans pages closes and opens them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Paging {
    #[default]
    None,
    /// "Cộng trang" at the foot of each page of a table that spans several.
    PageTotals(String),
    /// The book forms' carry-forward: "Cộng trang" and "Số chuyển sang trang sau" at the
    /// foot of a page, "Số trang trước chuyển sang" at the head of the next.
    Carry { page: String, to_next: String, from_prev: String },
}

/// Body rows made when they are drawn, for the longest tables (a year's cash book is a
/// quarter of a million rows): the table keeps its source's compact form, and each pass
/// of a renderer over the table (measuring, paginating, drawing) makes each row's cells
/// again and lets them go, so no pass holds the whole table as cells.
pub trait Rows {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The cells of row `i` (below `len`).
    fn row(&self, i: usize) -> Vec<Cell>;
}

/// A table's made-when-drawn rows (see [`Rows`]), shared by the passes of a renderer
/// and its drawing threads.
#[derive(Clone)]
pub struct LazyRows(pub std::sync::Arc<dyn Rows + Send + Sync>);

impl std::fmt::Debug for LazyRows {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LazyRows({})", self.0.len())
    }
}

impl PartialEq for LazyRows {
    fn eq(&self, other: &LazyRows) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for LazyRows {}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Box<[Cell]>>,
    /// Rows made when drawn, after `rows` (see [`Rows`]).
    pub lazy: Option<LazyRows>,
    /// Closing rows (totals), drawn after the body in bold.
    pub totals: Vec<Vec<Cell>>,
    pub paging: Paging,
    /// The column that holds the labels of page totals and carried lines.
    pub label_col: usize,
    /// The body rows (by index, ascending) that start a group kept on one page — a
    /// voucher's lines in the journal — when empty, every row stands alone. A group
    /// taller than a page is split where it must be.
    pub group_starts: Vec<usize>,
    /// Titles over several adjacent columns, drawn above theirs ("Số hiệu chứng từ" over
    /// Thu and Chi in form S07); the other columns' titles span both lines.
    pub head_groups: Vec<HeadGroup>,
    /// The form's column letters under the titles (A B C D 1 2 3 …); empty for none.
    pub marks: Vec<String>,
}

/// A title over `span` columns from `first`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HeadGroup {
    pub first: usize,
    pub span: usize,
    pub title: String,
}

impl Table {
    pub fn new(columns: Vec<Column>) -> Table {
        Table { columns, ..Table::default() }
    }

    /// Adds a body row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells.into_boxed_slice());
    }

    /// The group whose title stands over column `col`, if any.
    pub fn head_group(&self, col: usize) -> Option<&HeadGroup> {
        self.head_groups.iter().find(|g| (g.first..g.first + g.span).contains(&col))
    }

    /// The titles row of the header: a grouped column's own title; the others' too (in
    /// a grouped header they span the group line above as well).
    pub fn title_cells(&self) -> Vec<Cell> {
        self.columns.iter().map(|c| Cell::text(c.title.clone())).collect()
    }

    /// The column-letters row, when the form has one.
    pub fn mark_cells(&self) -> Option<Vec<Cell>> {
        (!self.marks.is_empty()).then(|| self.marks.iter().map(|m| Cell::text(m.clone())).collect())
    }

    /// Marks the next row added as the start of a group kept on one page.
    pub fn start_group(&mut self) {
        self.group_starts.push(self.row_count());
    }

    /// Where the group starting at row `i` ends (exclusive), or `None` when `i` starts
    /// no group of several rows.
    pub fn group_end(&self, i: usize) -> Option<usize> {
        let k = self.group_starts.binary_search(&i).ok()?;
        let end = self.group_starts.get(k + 1).copied().unwrap_or_else(|| self.row_count());
        (end > i + 1).then_some(end)
    }

    /// Every body row in order, stored or made (see [`Rows`]).
    pub fn each_row(&self, mut f: impl FnMut(&[Cell])) {
        for row in &self.rows {
            f(row);
        }
        if let Some(lazy) = &self.lazy {
            for i in 0..lazy.0.len() {
                f(&lazy.0.row(i));
            }
        }
    }

    /// How many body rows the table has.
    pub fn row_count(&self) -> usize {
        self.rows.len() + self.lazy.as_ref().map_or(0, |l| l.0.len())
    }

    /// Body row `i`, borrowed when stored, made when lazy.
    pub fn row_at(&self, i: usize) -> Cow<'_, [Cell]> {
        match self.rows.get(i) {
            Some(r) => Cow::Borrowed(&r[..]),
            None => Cow::Owned(self.lazy.as_ref().map(|l| l.0.row(i - self.rows.len())).unwrap_or_default()),
        }
    }

    /// The cells of a page-total or carried line: the label in `label_col`, the sums in
    /// their columns.
    pub fn labelled(&self, label: &str, sums: &[Option<i64>]) -> Vec<Cell> {
        let mut cells: Vec<Cell> = sums.iter().map(|s| s.map(Cell::Money).unwrap_or_default()).collect();
        if let Some(c) = cells.get_mut(self.label_col) {
            *c = Cell::text(label);
        }
        cells
    }
}

/// The letterhead block at the top of a paper: the organisation and its address on the
/// left, the form's number (and, on a slip, its book and number) on the right.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub left: Vec<String>,
    pub right: Vec<String>,
}

/// The signature places: place and date above, each role with "(Ký, họ tên)" and the
/// name of the person who signs under the space left for the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signatures {
    pub place_date: String,
    /// (role, name): the name may be empty (printed as a blank line to fill in).
    pub roles: Vec<(String, String)>,
    pub note: String,
}

/// One horizontal bar of a picture (the plan reached, a month's receipts): its label, its
/// length as `value` of `scale`, and the figure written after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarLine {
    pub label: String,
    pub value: i64,
    pub scale: i64,
    pub figure: String,
    /// Drawn in the warning colour (payments beside receipts).
    pub warn: bool,
}

impl BarLine {
    /// The filled part of `width` units, in whole units (never more than the width).
    pub fn filled(&self, width: i64) -> i64 {
        if self.scale <= 0 { 0 } else { (self.value.max(0).min(self.scale) * width) / self.scale }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Letterhead(Header),
    Title(String),
    Subtitle(String),
    /// A right-aligned line above a table: "Đơn vị tính: đồng".
    Unit(String),
    Heading(String),
    /// Label–value lines ("Tiền mặt: 4.000.000 đ"); values wrap.
    Pairs(Vec<(String, String)>),
    /// A paragraph; wraps.
    Text(String),
    /// A framed warning in red: "ĐÃ HỦY — bởi PC-…".
    Stamp(String),
    Table(Table),
    /// A picture of bars, one per line (SPEC §10: people look rather than read).
    Bars(Vec<BarLine>),
    Signatures(Signatures),
    /// The book's closing line: "Sổ này có N trang, đánh số từ trang 01 đến trang N", then
    /// this text (e.g. " — Ngày mở sổ: 01/01/2024"). N is known only once paginated.
    BookPages(String),
    /// The footer printed at the foot of every page from here on (pool, date, head).
    Footer(String),
    PageBreak,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Two pages per A4 sheet (slips: two copies of a phiếu on one page).
    pub half_page: bool,
    /// Each page is a whole paper of its own (a slip's copy, liên): no "Trang n/N", which
    /// would read as one paper of several pages.
    pub copies: bool,
    pub lang: Lang,
}

impl Document {
    pub fn new(lang: Lang) -> Document {
        Document { blocks: Vec::new(), half_page: false, copies: false, lang }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The title (the first `Title` block), for HTML's `<title>`.
    pub fn title(&self) -> &str {
        self.blocks
            .iter()
            .find_map(|b| match b {
                Block::Title(t) => Some(t.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// Whether each section (the blocks between page breaks) shows money: only those
    /// print "Đơn vị tính: đồng" (a list of people and their cards has no unit to state).
    pub fn money_sections(&self) -> Vec<bool> {
        let mut out = vec![false];
        for b in &self.blocks {
            let money = match b {
                Block::PageBreak => {
                    out.push(false);
                    continue;
                }
                Block::Table(t) => {
                    let money = |row: &[Cell]| row.iter().any(|c| c.value().is_some());
                    t.lazy.is_some() || t.rows.iter().any(|r| money(r)) || t.totals.iter().any(|r| money(r))
                }
                Block::Pairs(pairs) => pairs.iter().any(|(_, v)| v.ends_with(" đ")),
                Block::Text(t) => t.contains(" đ"),
                _ => false,
            };
            if money && let Some(last) = out.last_mut() {
                *last = true;
            }
        }
        out
    }

    /// Appends another document's blocks on a new page.
    pub fn append(&mut self, other: Document) {
        if !self.blocks.is_empty() {
            self.blocks.push(Block::PageBreak);
        }
        self.blocks.extend(other.blocks);
    }

    /// "Trang 3/12".
    pub fn page_label(&self, n: usize, of: usize) -> String {
        if self.copies {
            return String::new();
        }
        crate::sentences::page_of(self.lang, n, of)
    }

    /// "Sổ này có 12 trang, đánh số từ trang 01 đến trang 12".
    pub fn book_pages_text(&self, pages: usize, rest: &str) -> String {
        crate::sentences::book_pages(self.lang, pages, rest)
    }
}
