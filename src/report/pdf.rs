//! Documents as A4 PDF with real, searchable text in an embedded DejaVu Sans (every
//! Vietnamese letter and ₫), drawn with krilla. Columns sit at fixed x positions,
//! amounts are right-aligned by measuring their width with skrifa, headers repeat on
//! every page, and every page carries the footer (pool, printed-at, head hash) and its
//! number.
//!
//! PDF coordinates are `f32`: this is the one file where float arithmetic is allowed,
//! and it never touches money (amounts arrive here as finished text).
#![allow(clippy::float_arithmetic)]

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::document::{Align, Cell, Document, Table};
use super::layout::{Item, paginate};
use crate::error::{Error, Result};

const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 36.0;
const BODY: f32 = 7.5;
const SMALL: f32 = 7.0;
const TITLE: f32 = 13.0;
const ROW: f32 = 12.0;

/// Item heights in tenths of a point, for the shared paginator.
fn height(item: &Item<'_>) -> u32 {
    match item {
        Item::Title(_) => 200,
        Item::Subtitle(_) | Item::Pair(..) | Item::Text(_) => 125,
        Item::Spacer => 60,
        Item::Heading(_) => 160,
        Item::Header(_) | Item::Row(..) | Item::Total(..) | Item::PageTotal(..) => 120,
        Item::Signatures(_) => 900,
    }
}

struct Fonts {
    regular: Font,
    bold: Font,
    regular_bytes: &'static [u8],
    bold_bytes: &'static [u8],
}

impl Fonts {
    fn load() -> Result<Fonts> {
        let regular_bytes = dejavu::sans::regular();
        let bold_bytes = dejavu::sans::bold();
        let missing = || Error::Store("font DejaVu Sans".into());
        Ok(Fonts {
            regular: Font::new(regular_bytes.into(), 0).ok_or_else(missing)?,
            bold: Font::new(bold_bytes.into(), 0).ok_or_else(missing)?,
            regular_bytes,
            bold_bytes,
        })
    }

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.advances(text, size, bold).map(|(_, w)| w).sum()
    }

    /// Each character of `text` with its byte offset and its advance at `size` points,
    /// measured once.
    fn advances<'t>(&self, text: &'t str, size: f32, bold: bool) -> impl Iterator<Item = (usize, f32)> + 't {
        let bytes = if bold { self.bold_bytes } else { self.regular_bytes };
        let font = FontRef::new(bytes).ok();
        let charmap = font.as_ref().map(MetadataProvider::charmap);
        let metrics = font.as_ref().map(|f| f.glyph_metrics(Size::new(size), LocationRef::default()));
        text.char_indices().map(move |(i, c)| {
            let glyph = charmap.as_ref().and_then(|m| m.map(c)).unwrap_or_default();
            (i, metrics.as_ref().and_then(|m| m.advance_width(glyph)).unwrap_or(0.0))
        })
    }

    /// `text` cut with "…" to fit `max` points. One pass over the characters, stopping
    /// once the width is past `max`: an old book's 96 KB note costs no more than a line.
    fn fit(&self, text: &str, size: f32, bold: bool, max: f32) -> String {
        let ellipsis = self.width("…", size, bold);
        let mut width = 0.0;
        // The longest prefix that still leaves room for the ellipsis, as a byte offset.
        let mut keep = None;
        for (i, advance) in self.advances(text, size, bold) {
            if width + ellipsis <= max {
                keep = Some(i);
            }
            width += advance;
            if width > max {
                return match keep {
                    Some(end) => format!("{}…", text.get(..end).unwrap_or_default()),
                    None => String::new(),
                };
            }
        }
        text.to_string()
    }
}

struct Painter<'a, 's, 'f> {
    surface: &'a mut Surface<'s>,
    fonts: &'f Fonts,
}

impl Painter<'_, '_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let font = if bold { self.fonts.bold.clone() } else { self.fonts.regular.clone() };
        self.surface.draw_text(Point::from_xy(x, y), font, size, text, false, TextDirection::Auto);
    }

    fn right(&mut self, right_x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let w = self.fonts.width(text, size, bold);
        self.text(right_x - w, y, size, bold, text);
    }

    fn center(&mut self, mid_x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let w = self.fonts.width(text, size, bold);
        self.text(mid_x - w / 2.0, y, size, bold, text);
    }

    fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let mut pb = PathBuilder::new();
        pb.move_to(x1, y1);
        pb.line_to(x2, y2);
        if let Some(path) = pb.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke { width, ..Stroke::default() }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
            self.surface.set_fill(Some(Fill::default()));
        }
    }

    fn colour(&mut self, warn: bool) {
        let fill =
            if warn { Fill { paint: rgb::Color::new(176, 0, 0).into(), ..Fill::default() } } else { Fill::default() };
        self.surface.set_fill(Some(fill));
    }

    /// One table row: cells at the table's column positions, top at `y`.
    fn row(&mut self, t: &Table, cells: &[Cell], y: f32, bold: bool) {
        let xs = column_edges(t);
        let base = y + ROW - 3.5;
        for (i, (c, cell)) in t.columns.iter().zip(cells).enumerate() {
            // Left-aligned text may run on into the empty cells that follow it.
            let mut end = i + 1;
            while c.align == Align::Left && end < cells.len() && cells[end].text.is_empty() {
                end += 1;
            }
            let (left, right) = (xs[i] + 2.5, xs[end] - 2.5);
            let text = self.fonts.fit(&cell.text, BODY, bold, right - left);
            self.colour(cell.warn);
            match c.align {
                Align::Left => self.text(left, base, BODY, bold, &text),
                Align::Right => self.right(right, base, BODY, bold, &text),
            }
        }
        self.colour(false);
        self.line(MARGIN, y + ROW, PAGE_W - MARGIN, y + ROW, 0.3);
    }
}

/// x positions of the column edges, proportional to the columns' widths.
fn column_edges(t: &Table) -> Vec<f32> {
    let total: usize = t.columns.iter().map(|c| c.width).sum::<usize>().max(1);
    let usable = PAGE_W - 2.0 * MARGIN;
    let mut x = MARGIN;
    let mut edges = vec![x];
    for c in &t.columns {
        x += usable * c.width as f32 / total as f32;
        edges.push(x);
    }
    edges
}

/// Renders a document as PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let footer_space = 30.0;
    let capacity = ((PAGE_H - 2.0 * MARGIN - footer_space) * 10.0) as u32;
    let pages = paginate(doc, capacity, height);
    let count = pages.len();
    let mut pdf = PdfDocument::new();
    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| Error::Store("page size".into()))?;
    for (n, items) in pages.iter().enumerate() {
        let mut page = pdf.start_page_with(settings.clone());
        let mut surface = page.surface();
        draw_page(&mut Painter { surface: &mut surface, fonts: &fonts }, doc, items, n, count, &fonts);
        surface.finish();
        page.finish();
    }
    pdf.finish().map_err(|e| Error::Store(format!("pdf: {e:?}")))
}

/// Draws one page's items and its footer.
fn draw_page(p: &mut Painter<'_, '_, '_>, doc: &Document, items: &[Item<'_>], n: usize, count: usize, fonts: &Fonts) {
    let mut y = MARGIN;
    for item in items {
        let h = height(item) as f32 / 10.0;
        // Every line is cut to the page (the paginator gives each item one line).
        let line = PAGE_W - 2.0 * MARGIN;
        match item {
            Item::Title(t) => p.center(PAGE_W / 2.0, y + 14.0, TITLE, true, &fonts.fit(t, TITLE, true, line)),
            Item::Subtitle(s) => {
                p.center(PAGE_W / 2.0, y + 9.0, BODY + 0.5, false, &fonts.fit(s, BODY + 0.5, false, line))
            }
            Item::Spacer => {}
            Item::Heading(h) => p.text(MARGIN, y + 12.0, BODY + 2.0, true, &fonts.fit(h, BODY + 2.0, true, line)),
            Item::Pair(k, v) => {
                p.text(MARGIN + 6.0, y + 9.0, BODY + 0.5, false, &fonts.fit(k, BODY + 0.5, false, 190.0));
                p.text(MARGIN + 200.0, y + 9.0, BODY + 0.5, true, &fonts.fit(v, BODY + 0.5, true, line - 200.0));
            }
            Item::Text(t) => p.text(MARGIN, y + 9.0, BODY, false, &fonts.fit(t, BODY, false, line)),
            Item::Header(t) => {
                let titles: Vec<Cell> = t.columns.iter().map(|c| Cell::text(c.title.clone())).collect();
                p.line(MARGIN, y, PAGE_W - MARGIN, y, 0.8);
                p.row(t, &titles, y, true);
                p.line(MARGIN, y + ROW, PAGE_W - MARGIN, y + ROW, 0.8);
            }
            Item::Row(t, cells) => p.row(t, cells, y, false),
            Item::Total(t, cells) => p.row(t, cells, y, true),
            Item::PageTotal(t, sums) => {
                let mut cells: Vec<Cell> = sums.iter().map(|s| s.map(Cell::money).unwrap_or_default()).collect();
                if let (Some(first), Some(label)) = (cells.iter().position(|c| c.value.is_none()), &t.page_total_label)
                {
                    cells[first] = Cell::text(label.clone());
                }
                p.row(t, &cells, y, true);
            }
            Item::Signatures(s) => {
                let col = (PAGE_W - 2.0 * MARGIN) / s.roles.len().max(1) as f32;
                p.right(PAGE_W - MARGIN, y + 10.0, BODY, false, &s.place_date);
                for (i, role) in s.roles.iter().enumerate() {
                    let mid = MARGIN + col * (i as f32 + 0.5);
                    p.center(mid, y + 28.0, BODY, true, role);
                    p.center(mid, y + 39.0, SMALL, false, &s.note);
                }
            }
        }
        y += h;
    }
    // Footer: the pool and the chain head on the left, the page on the right.
    let foot_y = PAGE_H - MARGIN + 8.0;
    p.line(MARGIN, foot_y - 10.0, PAGE_W - MARGIN, foot_y - 10.0, 0.3);
    let label = doc.page_label(n + 1, count);
    let room = PAGE_W - 2.0 * MARGIN - fonts.width(&label, SMALL, false) - 12.0;
    let footer = fonts.fit(&doc.footer, SMALL, false, room);
    p.text(MARGIN, foot_y, SMALL, false, &footer);
    p.right(PAGE_W - MARGIN, foot_y, SMALL, false, &label);
    if doc.book_footer && n + 1 == count {
        p.text(MARGIN, foot_y + 10.0, SMALL, false, &doc.book_footer_text(count));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cut the renderer made before it measured once: drop a character, measure again.
    fn fit_by_popping(fonts: &Fonts, text: &str, max: f32) -> String {
        if fonts.width(text, BODY, false) <= max {
            return text.to_string();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while chars.pop().is_some() {
            let candidate: String = chars.iter().collect::<String>() + "…";
            if fonts.width(&candidate, BODY, false) <= max {
                return candidate;
            }
        }
        String::new()
    }

    #[test]
    fn one_pass_fit_cuts_where_popping_did() {
        let fonts = Fonts::load().unwrap();
        for text in ["", "A", "Nguyễn Thị Hường", "Đóng BHXH các tháng 2026-01 – 2026-12, ₫ 1.263.600"] {
            for max in [0.0, 3.0, 5.0, 20.0, 60.0, 120.0, 400.0] {
                assert_eq!(fonts.fit(text, BODY, false, max), fit_by_popping(&fonts, text, max), "{text:?} in {max}");
            }
        }
    }
}
