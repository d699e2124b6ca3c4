//! Pagination shared by the text and PDF renderers: a document becomes pages of items;
//! table headers repeat on every page a table spans; tables that ask for it close each
//! page with "Cộng trang" (and, for the book forms, "Số chuyển sang trang sau") and open
//! the next with "Số trang trước chuyển sang". Heights are whole units (text lines, or
//! tenths of a point) given by the renderer, so no float arithmetic is needed here.
//!
//! Pages are handed out one at a time as they fill, so a renderer can draw and let go of
//! each page of a year's book before the next is laid out.

use std::borrow::Cow;

use super::document::{BarLine, Block, Cell, Document, Header, Paging, Signatures, Sum, Table};

/// One thing drawn on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item<'a> {
    Letterhead(&'a Header),
    Title(&'a str),
    Subtitle(&'a str),
    Unit(&'a str),
    Spacer,
    Heading(&'a str),
    Pair(&'a str, &'a str),
    Text(&'a str),
    Stamp(&'a str),
    Header(&'a Table),
    /// A body row: borrowed from the table, or made for this page (lazy rows).
    Row(&'a Table, Cow<'a, [Cell]>),
    Total(&'a Table, &'a [Cell]),
    /// A line of sums in bold under `label` (page totals and carried lines).
    Sums(&'a Table, &'a str, Vec<Option<i64>>),
    Signatures(&'a Signatures),
    /// One bar of a picture.
    Bar(&'a BarLine),
    /// "Sổ này có N trang…" followed by this text.
    BookPages(&'a str),
}

/// One page: its items and the footer in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<'a> {
    pub items: Vec<Item<'a>>,
    pub footer: &'a str,
    /// Which section of the document it belongs to (sections are separated by page
    /// breaks: each pool's paper in a district's printout).
    pub section: usize,
    /// How many pages its section has, known on the second pass of
    /// [`paginate_counted`] (0 before): a book's "Sổ này có N trang" counts its own.
    pub section_pages: usize,
    /// Its number within its section, from 1 (set with `section_pages`).
    pub section_page: usize,
}

impl<'a> Page<'a> {
    fn empty(footer: &'a str, section: usize) -> Page<'a> {
        Page { items: Vec::new(), footer, section, section_pages: 0, section_page: 0 }
    }
}

/// Splits a document into pages of at most `capacity` units, `height` giving each
/// item's size.
pub fn paginate<'a>(doc: &'a Document, capacity: u32, height: impl Fn(&Item<'_>) -> u32) -> Vec<Page<'a>> {
    let mut pages = Vec::new();
    paginate_each(doc, capacity, height, &mut |p| pages.push(p));
    pages
}

/// [`paginate`], handing each page to `emit` as soon as it is full (the same pages, in
/// order, every time it runs).
pub fn paginate_each<'a>(
    doc: &'a Document,
    capacity: u32,
    height: impl Fn(&Item<'_>) -> u32,
    emit: &mut dyn FnMut(Page<'a>),
) {
    let mut pager = Pager { page: Page::empty("", 0), used: 0, capacity, height: &height, emit };
    let money = doc.money_sections();
    for block in &doc.blocks {
        match block {
            Block::Letterhead(h) => pager.push(Item::Letterhead(h)),
            Block::Title(t) => {
                pager.push(Item::Spacer);
                pager.push(Item::Title(t));
            }
            Block::Subtitle(s) => pager.push(Item::Subtitle(s)),
            Block::Unit(u) => {
                if money.get(pager.page.section).copied().unwrap_or(true) {
                    pager.push(Item::Unit(u));
                }
            }
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
            Block::Stamp(s) => pager.push(Item::Stamp(s)),
            Block::Table(t) => pager.table(t),
            Block::Bars(bars) => {
                for b in bars {
                    pager.push(Item::Bar(b));
                }
            }
            Block::Signatures(s) => {
                pager.push(Item::Spacer);
                pager.push(Item::Signatures(s));
            }
            Block::BookPages(rest) => pager.push(Item::BookPages(rest)),
            Block::Footer(f) => {
                // A footer set before anything is drawn on the page is that page's footer.
                let page = &mut pager.page;
                if page.items.is_empty() || page.footer.is_empty() {
                    page.footer = f;
                }
            }
            Block::PageBreak => {
                pager.new_page();
                pager.page.section += 1;
            }
        }
    }
    let last = std::mem::replace(&mut pager.page, Page::empty("", 0));
    (pager.emit)(last);
}

/// Lays the document out twice — once to count its pages, once handing each page to
/// `emit` with that count ("Trang n/N") — measuring each item once: the pager asks for
/// heights in the same order both times, so the first pass's are replayed in the second.
pub fn paginate_counted<'a>(
    doc: &'a Document,
    capacity: u32,
    height: impl Fn(&Item<'_>) -> u32,
    emit: &mut dyn FnMut(Page<'a>, usize),
) {
    let log = std::cell::RefCell::new(Vec::new());
    let mut count = 0;
    let mut sections: Vec<usize> = Vec::new();
    let measure = |item: &Item<'_>| {
        let h = height(item);
        log.borrow_mut().push(h);
        h
    };
    paginate_each(doc, capacity, measure, &mut |p| {
        count += 1;
        if sections.len() <= p.section {
            sections.resize(p.section + 1, 0);
        }
        sections[p.section] += 1;
    });
    let log = log.into_inner();
    let at = std::cell::Cell::new(0);
    let replay = |item: &Item<'_>| {
        let k = at.get();
        at.set(k + 1);
        log.get(k).copied().unwrap_or_else(|| height(item))
    };
    // Pages emitted so far, and those of the sections before this page's.
    let (mut emitted, mut before, mut section) = (0, 0, 0);
    paginate_each(doc, capacity, replay, &mut |mut p| {
        if p.section != section {
            before += sections.get(section..p.section).map_or(0, |s| s.iter().sum::<usize>());
            section = p.section;
        }
        p.section_pages = sections.get(p.section).copied().unwrap_or(count);
        emitted += 1;
        p.section_page = emitted - before;
        emit(p, count)
    });
}

struct Pager<'a, 'h, 'e> {
    /// The page being filled.
    page: Page<'a>,
    used: u32,
    capacity: u32,
    height: &'h dyn Fn(&Item<'_>) -> u32,
    emit: &'e mut dyn FnMut(Page<'a>),
}

impl<'a> Pager<'a, '_, '_> {
    fn new_page(&mut self) {
        let (footer, section) = (self.page.footer, self.page.section);
        let full = std::mem::replace(&mut self.page, Page::empty(footer, section));
        (self.emit)(full);
        self.used = 0;
    }

    fn h(&self, item: &Item<'_>) -> u32 {
        (self.height)(item)
    }

    fn push(&mut self, item: Item<'a>) {
        let h = self.h(&item);
        if self.used + h > self.capacity && self.used > 0 {
            self.new_page();
        }
        if matches!(item, Item::Spacer) && self.used == 0 {
            return;
        }
        self.force(item);
    }

    /// Adds an item to the current page even past capacity (the space was reserved).
    fn force(&mut self, item: Item<'a>) {
        let h = self.h(&item);
        self.force_h(item, h);
    }

    /// [`Pager::force`] of an item whose height is known.
    fn force_h(&mut self, item: Item<'a>, h: u32) {
        self.used += h;
        self.page.items.push(item);
    }

    fn table(&mut self, t: &'a Table) {
        let none = || t.columns.iter().map(|c| (c.sum == Sum::Summed).then_some(0i64)).collect::<Vec<_>>();
        let sums_h = self.h(&Item::Sums(t, "", none()));
        let (reserve, labels) = match &t.paging {
            Paging::None => (0, None),
            Paging::PageTotals(page) => (sums_h, Some((page.as_str(), None))),
            Paging::Carry { page, to_next, from_prev } => {
                (2 * sums_h, Some((page.as_str(), Some((to_next.as_str(), from_prev.as_str())))))
            }
        };
        let header = self.h(&Item::Header(t));
        let first = if t.row_count() > 0 { self.h(&Item::Row(t, t.row_at(0))) } else { 0 };
        if self.used > 0 && self.used + header + first + reserve > self.capacity {
            self.new_page();
        }
        self.force(Item::Header(t));
        let mut page_sums = none();
        let mut carried = none();
        let mut running: Vec<Option<i64>> = vec![None; t.columns.len()];
        let mut rows_here = 0usize;
        let mut spanned = false;
        // The heights of the rest of a group kept on one page, measured at its start.
        let mut group: std::collections::VecDeque<u32> = std::collections::VecDeque::new();
        for i in 0..t.row_count() {
            let row = Item::Row(t, t.row_at(i));
            let h = match group.pop_front() {
                Some(h) => h,
                None => self.h(&row),
            };
            let mut needed = h;
            if let Some(end) = t.group_end(i) {
                // A voucher's lines stay together: the page closes before its first line
                // when the whole group does not fit, so no page opens on a line without
                // its date and number and the carried Nợ equals the carried Có.
                group = (i + 1..end).map(|k| self.h(&Item::Row(t, t.row_at(k)))).collect();
                needed += group.iter().sum::<u32>();
                if needed + reserve + self.h(&Item::Header(t)) > self.capacity {
                    needed = h;
                }
            }
            if self.used + needed + reserve > self.capacity && rows_here > 0 {
                self.close_page(t, labels, &mut page_sums, &carried, &running);
                spanned = true;
                rows_here = 0;
            }
            let Item::Row(_, cells) = &row else { continue };
            for (i, cell) in cells.iter().enumerate() {
                let Some(v) = cell.value() else { continue };
                match t.columns.get(i).map(|c| c.sum) {
                    Some(Sum::Summed) => {
                        if let (Some(Some(p)), Some(Some(c))) = (page_sums.get_mut(i), carried.get_mut(i)) {
                            *p += v;
                            *c += v;
                        }
                    }
                    Some(Sum::Running) => running[i] = Some(v),
                    _ => {}
                }
            }
            rows_here += 1;
            self.force_h(row, h);
        }
        let totals_h: u32 = t.totals.iter().map(|r| self.h(&Item::Total(t, r))).sum();
        if labels.is_some() && rows_here > 0 && self.used + totals_h + sums_h > self.capacity {
            self.close_page(t, labels, &mut page_sums, &carried, &running);
            spanned = true;
        }
        if let Some((page, _)) = labels
            && spanned
        {
            self.force(Item::Sums(t, page, page_sums));
        }
        for total in &t.totals {
            self.push(Item::Total(t, total));
        }
    }

    /// Closes a page of a table (page total, carried line), opens the next (header,
    /// brought-forward line).
    fn close_page(
        &mut self,
        t: &'a Table,
        labels: Option<(&'a str, Option<(&'a str, &'a str)>)>,
        page_sums: &mut Vec<Option<i64>>,
        carried: &[Option<i64>],
        running: &[Option<i64>],
    ) {
        let carry: Vec<Option<i64>> = carried.iter().zip(running).map(|(c, r)| c.or(*r)).collect();
        if let Some((page, carry_labels)) = labels {
            let fresh: Vec<Option<i64>> = page_sums.iter().map(|s| s.map(|_| 0)).collect();
            self.force(Item::Sums(t, page, std::mem::replace(page_sums, fresh)));
            if let Some((to_next, _)) = carry_labels {
                self.force(Item::Sums(t, to_next, carry.clone()));
            }
        }
        self.new_page();
        self.force(Item::Header(t));
        if let Some((_, Some((_, from_prev)))) = labels {
            self.force(Item::Sums(t, from_prev, carry));
        }
    }
}
