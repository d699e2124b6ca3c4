//! Documents as plain text for terminals and plain printers: columns sized to their
//! content, long names and notes wrapped inside their column, amounts right-aligned, a
//! form feed between pages, page numbers and the carried-forward lines of the forms.

use std::collections::HashMap;

use super::document::{Align, Cell, Document, Header, Signatures, Table};
use super::layout::{Item, Page, paginate_counted};
use super::wrap::{count_lines, widest_word, wrap};
use crate::{pad_left, pad_right};
// A name stored before hidden characters were refused prints as `\u{1b}`.
use hunvon_core::domain::text::escape_hidden as shown;

/// Lines on one printed page.
pub const LINES_PER_PAGE: u32 = 60;
/// Characters on one line.
pub const WIDTH: usize = 120;
/// Lines kept at the foot of every page for the footer.
const FOOTER_LINES: u32 = 3;

fn one(_: char) -> u32 {
    1
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn centre(s: &str, width: usize) -> String {
    let n = chars(s);
    if n >= width { s.to_string() } else { format!("{}{s}", " ".repeat((width - n) / 2)) }
}

/// Each table's column widths in characters: columns that do not wrap are as wide as
/// their widest cell (page sums included); wrapping columns share the rest by weight.
fn widths(t: &Table) -> Vec<usize> {
    let n = t.columns.len();
    // A short title stays on one line; a long one wraps by words.
    let mut w: Vec<usize> =
        t.columns.iter().map(|c| (widest_word(&c.title, &one) as usize).max(chars(&c.title).min(12))).collect();
    let mut abs = vec![0i64; n];
    // The longest text of each wrapping column: it is never made wider than that.
    let mut natural = w.clone();
    let mut measure = |row: &[Cell]| {
        for (i, cell) in row.iter().enumerate().take(n) {
            let len = chars(&cell.shown());
            if t.columns[i].wrap {
                natural[i] = natural[i].max(len);
            } else {
                w[i] = w[i].max(len);
            }
            if let Some(v) = cell.value() {
                abs[i] = abs[i].saturating_add(v.saturating_abs());
            }
        }
    };
    t.each_row(&mut measure);
    t.totals.iter().for_each(|r| measure(r));
    for (i, c) in t.columns.iter().enumerate() {
        if c.sum == super::document::Sum::Summed {
            w[i] = w[i].max(chars(&hunvon_core::domain::money::group(-abs[i])));
        }
    }
    // The carried lines' labels ("Số trang trước chuyển sang") stay on one line.
    if let super::document::Paging::Carry { page, to_next, from_prev } = &t.paging
        && let Some(at) = w.get_mut(t.label_col)
    {
        *at = (*at).max(chars(page)).max(chars(to_next)).max(chars(from_prev));
    }
    let fixed: usize = t.columns.iter().zip(&w).filter(|(c, _)| !c.wrap).map(|(_, w)| *w).sum::<usize>() + n - 1;
    let weights: usize = t.columns.iter().filter(|c| c.wrap).map(|c| c.weight.max(1)).sum();
    if weights > 0 {
        let room = WIDTH.saturating_sub(fixed);
        for (i, c) in t.columns.iter().enumerate().filter(|(_, c)| c.wrap) {
            let share = (room * c.weight.max(1)).checked_div(weights).unwrap_or(0);
            w[i] = w[i].max(share.min(natural[i])).max(8);
        }
    }
    w
}

/// The lines of one row: each cell wrapped in its column, amounts on the right.
fn row_lines(t: &Table, w: &[usize], cells: &[Cell]) -> Vec<String> {
    let wrapped: Vec<Vec<String>> = t
        .columns
        .iter()
        .zip(w)
        .zip(cells)
        .map(|((_, width), cell)| {
            let text = shown(&cell.shown());
            wrap(&text, *width as u32, &one).into_iter().map(str::to_string).collect()
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    let mut lines = Vec::with_capacity(height);
    for k in 0..height {
        let parts: Vec<String> = t
            .columns
            .iter()
            .zip(w)
            .zip(&wrapped)
            .map(|((c, width), lines)| {
                let s = lines.get(k).map_or("", String::as_str);
                match c.align {
                    Align::Left => pad_right(s, *width),
                    Align::Right => pad_left(s, *width),
                }
            })
            .collect();
        let mut line = parts.join(" ").trim_end().to_string();
        if k == 0 && cells.iter().any(Cell::warn) {
            line.push_str(" (!)");
        }
        lines.push(line);
    }
    lines
}

fn row_height(w: &[usize], cells: &[Cell], scratch: &mut Vec<std::ops::Range<usize>>) -> u32 {
    cells
        .iter()
        .zip(w)
        .map(|(cell, width)| count_lines(&shown(&cell.shown()), *width as u32, &one, scratch))
        .max()
        .unwrap_or(1)
        .max(1) as u32
}

/// The line above a header's titles: each group's title centred over its columns.
fn group_line(t: &Table, w: &[usize]) -> String {
    let mut parts = Vec::new();
    let mut k = 0;
    while k < w.len() {
        match t.head_groups.iter().find(|g| g.first == k && g.span > 0) {
            Some(g) => {
                let end = (k + g.span).min(w.len());
                let width = w[k..end].iter().sum::<usize>() + (end - k - 1);
                parts.push(pad_right(&centre(&g.title, width), width));
                k = end;
            }
            None => {
                parts.push(" ".repeat(w[k]));
                k += 1;
            }
        }
    }
    parts.join(" ")
}

fn rule(w: &[usize]) -> String {
    "─".repeat((w.iter().map(|x| x + 1).sum::<usize>()).saturating_sub(1))
}

/// Renders a document as text pages separated by form feeds.
pub fn render(doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = render_to(doc, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`] written to `out` page by page: the pages are counted first (each page's
/// "Trang n/N"), then each is written as it is laid out, so a year's book never sits in
/// memory as text.
pub fn render_to(doc: &Document, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut table_widths: HashMap<*const Table, Vec<usize>> = HashMap::new();
    for b in &doc.blocks {
        if let super::document::Block::Table(t) = b {
            table_widths.insert(t as *const Table, widths(t));
        }
    }
    let w_of = |t: &Table| table_widths.get(&(t as *const Table)).cloned().unwrap_or_default();
    let scratch = std::cell::RefCell::new(Vec::new());
    let text_lines = |s: &str, width: usize| count_lines(s, width as u32, &one, &mut scratch.borrow_mut()) as u32;
    let height = |item: &Item<'_>| -> u32 {
        match item {
            Item::Letterhead(h) => {
                let left: u32 = h.left.iter().map(|l| text_lines(l, WIDTH * 3 / 5)).sum();
                let right: u32 = h.right.iter().map(|l| text_lines(l, WIDTH * 2 / 5 - 2)).sum();
                left.max(right)
            }
            Item::Title(t) | Item::Subtitle(t) | Item::Text(t) => text_lines(t, WIDTH),
            Item::Stamp(s) => text_lines(s, WIDTH - 4) + 2,
            Item::Pair(k, v) => text_lines(v, WIDTH.saturating_sub(chars(k) + 4).max(20)),
            Item::Header(t) => {
                let extra = u32::from(!t.head_groups.is_empty()) + u32::from(!t.marks.is_empty());
                row_height(&w_of(t), &t.title_cells(), &mut scratch.borrow_mut()) + 2 + extra
            }
            Item::Row(t, cells) => row_height(&w_of(t), cells, &mut scratch.borrow_mut()),
            Item::Total(t, cells) => row_height(&w_of(t), cells, &mut scratch.borrow_mut()) + 1,
            Item::Sums(t, label, sums) => 1 + row_height(&w_of(t), &t.labelled(label, sums), &mut scratch.borrow_mut()),
            Item::Signatures(_) => 9,
            Item::Bar(_) => 1,
            Item::BookPages(_) => 2,
            _ => 1,
        }
    };
    let mut n = 0;
    let mut result = Ok(());
    let mut text = String::new();
    paginate_counted(doc, LINES_PER_PAGE - FOOTER_LINES, height, &mut |page, _| {
        if result.is_err() {
            return;
        }
        text.clear();
        if n > 0 {
            text.push('\u{c}');
        }
        draw_page(&mut text, doc, &page, page.section_pages, &w_of);
        text.push_str(&format!("\n{}\n", doc.page_label(page.section_page, page.section_pages)));
        if !page.footer.is_empty() {
            text.push_str(&format!("{}\n", shown(page.footer)));
        }
        n += 1;
        result = out.write_all(text.as_bytes());
    });
    result
}

/// Draws one page's items; `count` is the number of pages of its section (the book's
/// closing line names it).
fn draw_page(out: &mut String, doc: &Document, page: &Page<'_>, count: usize, w_of: &dyn Fn(&Table) -> Vec<usize>) {
    for item in &page.items {
        match item {
            Item::Letterhead(h) => letterhead(out, h),
            Item::Title(t) => centred(out, &shown(t).to_uppercase()),
            Item::Subtitle(s) => centred(out, &shown(s)),
            Item::Unit(u) => out.push_str(&format!("{}\n", pad_left(u, WIDTH))),
            Item::Spacer => out.push('\n'),
            Item::Bar(b) => {
                // Label, the bar in 40 columns, the figure.
                let filled = usize::try_from(b.filled(40)).unwrap_or(0);
                let bar = format!("{}{}", "█".repeat(filled), "·".repeat(40 - filled.min(40)));
                out.push_str(&format!("  {} {bar} {}\n", pad_right(&shown(&b.label), 22), b.figure));
            }
            Item::Heading(h) => out.push_str(&format!("{}\n", shown(h))),
            Item::Pair(k, v) => pair(out, k, v),
            Item::Text(t) => push_lines(out, wrap(&shown(t), WIDTH as u32, &one)),
            Item::Stamp(s) => stamp(out, s),
            Item::Header(t) => table_head(out, t, &w_of(t)),
            Item::Row(t, cells) => push_lines(out, row_lines(t, &w_of(t), cells)),
            Item::Total(t, cells) => ruled_row(out, t, &w_of(t), cells),
            Item::Sums(t, label, sums) => ruled_row(out, t, &w_of(t), &t.labelled(label, sums)),
            Item::Signatures(s) => signatures(out, s),
            Item::BookPages(rest) => out.push_str(&format!("\n{}\n", doc.book_pages_text(count, rest))),
        }
    }
}

/// Writes each line and its line end.
fn push_lines<S: AsRef<str>>(out: &mut String, lines: impl IntoIterator<Item = S>) {
    for l in lines {
        out.push_str(l.as_ref());
        out.push('\n');
    }
}

/// A title's lines, each centred on the page.
fn centred(out: &mut String, s: &str) {
    push_lines(out, wrap(s, WIDTH as u32, &one).into_iter().map(|l| centre(l, WIDTH)));
}

/// The letterhead's two columns side by side: the left one in three fifths of the line.
fn letterhead(out: &mut String, h: &Header) {
    let left: Vec<&str> = h.left.iter().flat_map(|l| wrap(l, (WIDTH * 3 / 5) as u32, &one)).collect();
    let right: Vec<&str> = h.right.iter().flat_map(|l| wrap(l, (WIDTH * 2 / 5 - 2) as u32, &one)).collect();
    for k in 0..left.len().max(right.len()) {
        let l = left.get(k).copied().unwrap_or("");
        let r = right.get(k).copied().unwrap_or("");
        out.push_str(pad_right(l, WIDTH * 3 / 5).trim_end());
        if !r.is_empty() {
            let pad = (WIDTH * 3 / 5).saturating_sub(chars(l)) + 2;
            out.push_str(&" ".repeat(pad.min(WIDTH)));
            out.push_str(r);
        }
        out.push('\n');
    }
}

/// "  label: value", the value wrapped under itself.
fn pair(out: &mut String, k: &str, v: &str) {
    let label = format!("  {k}: ");
    let indent = chars(&label);
    let width = WIDTH.saturating_sub(indent).max(20);
    let v = shown(v);
    for (i, l) in wrap(&v, width as u32, &one).into_iter().enumerate() {
        let lead = if i == 0 { label.clone() } else { " ".repeat(indent) };
        out.push_str(&format!("{lead}{l}\n"));
    }
}

/// A warning framed in a double box as wide as its longest line.
fn stamp(out: &mut String, s: &str) {
    let s = shown(s);
    let lines = wrap(&s, (WIDTH - 4) as u32, &one);
    let inner = lines.iter().map(|l| chars(l)).max().unwrap_or(0);
    out.push_str(&format!("╔{}╗\n", "═".repeat(inner + 2)));
    for l in lines {
        out.push_str(&format!("║ {} ║\n", pad_right(l, inner)));
    }
    out.push_str(&format!("╚{}╝\n", "═".repeat(inner + 2)));
}

/// A table's head between two rules: the groups' line, the columns' titles, the marks.
fn table_head(out: &mut String, t: &Table, w: &[usize]) {
    out.push_str(&format!("{}\n", rule(w)));
    if !t.head_groups.is_empty() {
        out.push_str(&format!("{}\n", group_line(t, w).trim_end()));
    }
    push_lines(out, row_lines(t, w, &t.title_cells()));
    if let Some(marks) = t.mark_cells() {
        push_lines(out, row_lines(t, w, &marks));
    }
    out.push_str(&format!("{}\n", rule(w)));
}

/// A row set off by a rule above it: the totals, a page's sums, the carried lines.
fn ruled_row(out: &mut String, t: &Table, w: &[usize], cells: &[Cell]) {
    out.push_str(&format!("{}\n", rule(w)));
    push_lines(out, row_lines(t, w, cells));
}

/// The place and date on the right, then each signer's column: role, note, four blank
/// lines to sign in, name (dots where none is known).
fn signatures(out: &mut String, s: &Signatures) {
    let col = WIDTH / s.roles.len().max(1);
    out.push_str(&format!("{}\n", pad_left(&s.place_date, WIDTH)));
    let line = |f: &dyn Fn(&(String, String)) -> String| -> String {
        s.roles.iter().map(|r| pad_right(&centre(&f(r), col - 1), col)).collect::<String>()
    };
    out.push_str(&format!("{}\n", line(&|r| r.0.clone()).trim_end()));
    out.push_str(&format!("{}\n", line(&|_| s.note.clone()).trim_end()));
    out.push_str("\n\n\n\n");
    out.push_str(&format!("{}\n", line(&|r| if r.1.is_empty() { "…………………".into() } else { shown(&r.1) }).trim_end()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measure_counts_characters() {
        assert_eq!(super::super::wrap::measure("Hương", &one), 5);
    }
}
