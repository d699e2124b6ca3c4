//! Documents as plain text for terminals and plain printers: fixed columns, a form feed
//! between pages, page numbers and page totals.

use super::document::{Align, Cell, Document, Table};
use super::layout::{Item, paginate};
use crate::report::{pad_left, pad_right};
use crate::text::escape_hidden as shown;

/// Lines on one printed page.
pub const LINES_PER_PAGE: u32 = 60;

fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn row_line(t: &Table, cells: &[Cell]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < t.columns.len().min(cells.len()) {
        let c = &t.columns[i];
        // Left-aligned text may run on into the empty cells that follow it.
        let mut width = c.width;
        let mut end = i + 1;
        while c.align == Align::Left
            && end < cells.len()
            && cells[end].text.is_empty()
            && cells[i].text.chars().count() > width
        {
            width += t.columns[end].width + 1;
            end += 1;
        }
        // A name stored before hidden characters were refused prints as `\u{1b}`.
        let text = fit(&shown(&cells[i].text), width);
        parts.push(match c.align {
            Align::Left => pad_right(&text, width),
            Align::Right => pad_left(&text, width),
        });
        i = end;
    }
    parts.join(" ").trim_end().to_string()
}

fn rule(t: &Table) -> String {
    let width: usize = t.columns.iter().map(|c| c.width + 1).sum();
    "─".repeat(width.saturating_sub(1))
}

/// Renders a document as text pages separated by form feeds.
pub fn render(doc: &Document) -> String {
    let height = |item: &Item<'_>| match item {
        Item::Header(_) => 3,
        Item::Signatures(_) => 7,
        Item::PageTotal(..) => 2,
        _ => 1,
    };
    // Two lines of every page are the footer.
    let pages = paginate(doc, LINES_PER_PAGE - 2, height);
    let count = pages.len();
    let mut out = String::new();
    for (n, page) in pages.iter().enumerate() {
        if n > 0 {
            out.push('\u{c}');
        }
        for item in page {
            match item {
                Item::Title(t) => out.push_str(&format!("{}\n", shown(t).to_uppercase())),
                Item::Subtitle(s) => out.push_str(&format!("{}\n", shown(s))),
                Item::Spacer => out.push('\n'),
                Item::Heading(h) => out.push_str(&format!("{}\n", shown(h))),
                Item::Pair(k, v) => out.push_str(&format!("  {}{}\n", pad_right(&format!("{k}:"), 34), shown(v))),
                Item::Text(t) => out.push_str(&format!("{}\n", shown(t))),
                Item::Header(t) => {
                    let titles: Vec<Cell> = t.columns.iter().map(|c| Cell::text(c.title.clone())).collect();
                    out.push_str(&format!("{}\n{}\n{}\n", rule(t), row_line(t, &titles), rule(t)));
                }
                Item::Row(t, cells) => {
                    let warn = cells.iter().any(|c| c.warn);
                    out.push_str(&row_line(t, cells));
                    if warn {
                        out.push_str(" (!)");
                    }
                    out.push('\n');
                }
                Item::Total(t, cells) => out.push_str(&format!("{}\n{}\n", rule(t), row_line(t, cells))),
                Item::PageTotal(t, sums) => {
                    let mut cells: Vec<Cell> = sums.iter().map(|s| s.map(Cell::money).unwrap_or_default()).collect();
                    if let (Some(first), Some(label)) =
                        (cells.iter_mut().position(|c| c.value.is_none()), &t.page_total_label)
                    {
                        cells[first] = Cell::text(label.clone());
                    }
                    out.push_str(&format!("{}\n{}\n", rule(t), row_line(t, &cells)));
                }
                Item::Signatures(s) => {
                    let w = 24;
                    out.push_str(&format!(
                        "{}{}\n",
                        " ".repeat(w * s.roles.len() - s.place_date.chars().count().min(w * 4)),
                        s.place_date
                    ));
                    out.push_str(&s.roles.iter().map(|r| pad_right(&fit(r, w - 1), w)).collect::<String>());
                    out.push('\n');
                    out.push_str(&s.roles.iter().map(|_| pad_right(&s.note, w)).collect::<String>());
                    out.push_str("\n\n\n\n");
                }
            }
        }
        out.push_str(&format!("\n{}   {}\n", shown(&doc.footer), doc.page_label(n + 1, count)));
    }
    if doc.book_footer {
        out.push_str(&format!("{}\n", doc.book_footer_text(count)));
    }
    out
}
