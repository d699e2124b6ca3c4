//! Pagination shared by the text and PDF renderers: a document becomes pages of items,
//! table headers repeat on every page a table spans, and tables that ask for it get a
//! "Cộng trang" line of page totals before each page break. Heights are whole units
//! (text lines, or tenths of a point), so no float arithmetic is needed here.

use super::document::{Block, Cell, Document, Signatures, Table};

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item<'a> {
    Title(&'a str),
    Subtitle(&'a str),
    Spacer,
    Heading(&'a str),
    Pair(&'a str, &'a str),
    Text(&'a str),
    Header(&'a Table),
    Row(&'a Table, &'a [Cell]),
    Total(&'a Table, &'a [Cell]),
    /// Sums of the table's summed columns over the rows of this page.
    PageTotal(&'a Table, Vec<Option<i64>>),
    Signatures(&'a Signatures),
}

/// Splits a document into pages of at most `capacity` units, `height` giving each
/// item's size.
pub fn paginate<'a>(doc: &'a Document, capacity: u32, height: impl Fn(&Item<'_>) -> u32) -> Vec<Vec<Item<'a>>> {
    let mut pager = Pager { pages: vec![Vec::new()], used: 0, capacity, height: &height };
    pager.push(Item::Title(&doc.title));
    for s in &doc.subtitle {
        pager.push(Item::Subtitle(s));
    }
    pager.push(Item::Spacer);
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                pager.push(Item::Spacer);
                pager.push(Item::Heading(h));
            }
            Block::Pairs(pairs) => {
                for (k, v) in pairs {
                    pager.push(Item::Pair(k, v));
                }
            }
            Block::Text(t) => pager.push(Item::Text(t)),
            Block::Table(t) => pager.table(t),
        }
    }
    if let Some(s) = &doc.signatures {
        pager.push(Item::Spacer);
        pager.push(Item::Signatures(s));
    }
    pager.pages
}

struct Pager<'a, 'h> {
    pages: Vec<Vec<Item<'a>>>,
    used: u32,
    capacity: u32,
    height: &'h dyn Fn(&Item<'_>) -> u32,
}

impl<'a> Pager<'a, '_> {
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.used = 0;
    }

    fn push(&mut self, item: Item<'a>) {
        let h = (self.height)(&item);
        if self.used + h > self.capacity && self.used > 0 {
            self.new_page();
        }
        self.used += h;
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }

    fn table(&mut self, t: &'a Table) {
        let sums_empty = || t.columns.iter().map(|c| c.summed.then_some(0i64)).collect::<Vec<_>>();
        let reserve = if t.page_total_label.is_some() { (self.height)(&Item::PageTotal(t, sums_empty())) } else { 0 };
        let header = (self.height)(&Item::Header(t));
        // Keep the header with at least one row.
        if self.used + header + (self.height)(&Item::Spacer) + reserve > self.capacity {
            self.new_page();
        }
        self.push(Item::Header(t));
        let mut sums = sums_empty();
        let mut rows_here = 0usize;
        for row in &t.rows {
            let h = (self.height)(&Item::Row(t, row));
            if self.used + h + reserve > self.capacity {
                if t.page_total_label.is_some() && rows_here > 0 {
                    self.force(Item::PageTotal(t, std::mem::replace(&mut sums, sums_empty())));
                }
                self.new_page();
                self.push(Item::Header(t));
                rows_here = 0;
            }
            for (sum, cell) in sums.iter_mut().zip(row) {
                if let (Some(s), Some(v)) = (sum.as_mut(), cell.value) {
                    *s += v;
                }
            }
            rows_here += 1;
            self.push(Item::Row(t, row));
        }
        // Page totals close the last page of a table that spanned several.
        let spanned = self.pages.last().is_some_and(|p| !matches!(p.first(), Some(Item::Title(_))));
        if t.page_total_label.is_some() && rows_here > 0 && spanned {
            self.force(Item::PageTotal(t, sums));
        }
        for total in &t.totals {
            self.push(Item::Total(t, total));
        }
    }

    /// Adds an item to the current page even past capacity (the space was reserved).
    fn force(&mut self, item: Item<'a>) {
        self.used += (self.height)(&item);
        if let Some(page) = self.pages.last_mut() {
            page.push(item);
        }
    }
}
