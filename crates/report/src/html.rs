//! Documents as one self-contained HTML file with print CSS (A4 with a 25 mm binding
//! margin, table headers repeated on every printed page, page breaks, the signature
//! places with names). No scripts, nothing loaded from elsewhere. The browser paginates,
//! so the carried-forward lines of the book forms are the text and PDF papers' business;
//! HTML shows the period's totals.

use std::fmt::Write;

use super::document::{Align, BarLine, Block, Cell, Document, Header, Signatures, Table};

/// Escapes text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = "@page { size: A4; margin: 15mm 15mm 15mm 25mm }
html { font-family: \"DejaVu Sans Condensed\", \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif; font-size: 9.5pt }
h1 { font-size: 14pt; text-align: center; margin: 8pt 0 2pt }
h2 { font-size: 10.5pt; margin: 10pt 0 4pt }
.head { display: flex; justify-content: space-between; gap: 12pt }
.head .left { flex: 0 1 58% } .head .right { flex: 0 1 40%; text-align: center }
.head p { margin: 0 } .head p:first-child { font-weight: bold }
.sub { text-align: center; font-style: italic; margin: 0 }
.unit { text-align: right; font-style: italic; margin: 4pt 0 0 }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt }
th, td { border: 0.5pt solid #444; padding: 2pt 3pt; vertical-align: top; overflow-wrap: anywhere }
th { background: #eee }
thead { display: table-header-group }
tr { break-inside: avoid }
td.money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums }
td.warn { color: #b00000 }
tr.total td { font-weight: bold }
dl { display: grid; grid-template-columns: max-content auto; gap: 2pt 12pt; margin: 4pt 0 }
dd { margin: 0; font-weight: bold }
.stamp { border: 2pt solid #b00000; color: #b00000; font-weight: bold; padding: 4pt 8pt; margin: 6pt 0 }
.sign { display: grid; text-align: center; margin-top: 14pt; break-inside: avoid }
.sign .date { grid-column: 1 / -1; text-align: right; font-style: italic; margin-bottom: 4pt }
.sign small { display: block; font-style: italic; margin-bottom: 44pt }
.pagebreak { break-after: page }
footer { margin-top: 10pt; font-size: 7.5pt; color: #444; overflow-wrap: anywhere }
@media screen { body { max-width: 200mm; margin: auto } }";

fn cells(out: &mut String, t: &Table, row: &[Cell], class: &str) {
    let _ = write!(out, "<tr{class}>");
    for (c, cell) in t.columns.iter().zip(row) {
        let mut classes = Vec::new();
        if c.align == Align::Right {
            classes.push("money");
        }
        if cell.warn() {
            classes.push("warn");
        }
        let attr = if classes.is_empty() { String::new() } else { format!(" class=\"{}\"", classes.join(" ")) };
        let _ = write!(out, "<td{attr}>{}</td>", esc(&cell.shown()));
    }
    out.push_str("</tr>\n");
}

/// Renders a document as a complete HTML page.
pub fn render(doc: &Document) -> String {
    let lang = doc.lang.code();
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n",
        esc(doc.title()),
    );
    // A page's footer is written where its page ends (at the break or at the end), so that
    // it stands under what it describes.
    let mut footer = String::new();
    let money = doc.money_sections();
    let mut section = 0;
    for block in &doc.blocks {
        match block {
            Block::Letterhead(h) => letterhead(&mut out, h),
            Block::Title(t) => {
                let _ = writeln!(out, "<h1>{}</h1>", esc(t));
            }
            Block::Subtitle(s) => {
                let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(s));
            }
            Block::Unit(u) => {
                if money.get(section).copied().unwrap_or(true) {
                    let _ = writeln!(out, "<p class=\"unit\">{}</p>", esc(u));
                }
            }
            Block::Heading(h) => {
                let _ = writeln!(out, "<h2>{}</h2>", esc(h));
            }
            Block::Pairs(pairs) => definitions(&mut out, pairs),
            Block::Text(t) => {
                let _ = writeln!(out, "<p>{}</p>", esc(t));
            }
            Block::Stamp(s) => {
                let _ = writeln!(out, "<div class=\"stamp\">{}</div>", esc(s));
            }
            Block::Bars(bars) => bar_table(&mut out, bars),
            Block::Table(t) => table(&mut out, t),
            Block::Signatures(s) => signatures(&mut out, s),
            Block::BookPages(rest) => {
                // The browser numbers the printed pages; the opening date still belongs here.
                if !rest.is_empty() {
                    let _ = writeln!(out, "<p><i>{}</i></p>", esc(rest.trim_start_matches([' ', '—'])));
                }
            }
            Block::Footer(f) => {
                if !footer.is_empty() && footer != *f {
                    let _ = writeln!(out, "<footer>{}</footer>", esc(&footer));
                }
                footer = f.clone();
            }
            Block::PageBreak => {
                section += 1;
                if !footer.is_empty() {
                    let _ = writeln!(out, "<footer>{}</footer>", esc(&std::mem::take(&mut footer)));
                }
                out.push_str("<div class=\"pagebreak\"></div>\n");
            }
        }
    }
    let _ = writeln!(out, "<footer>{}</footer>\n</body>\n</html>", esc(&footer));
    out
}

/// The letterhead: two columns of lines, the organisation left and the form's number right.
fn letterhead(out: &mut String, h: &Header) {
    out.push_str("<div class=\"head\"><div class=\"left\">");
    for l in &h.left {
        let _ = write!(out, "<p>{}</p>", esc(l));
    }
    out.push_str("</div><div class=\"right\">");
    for l in &h.right {
        let _ = write!(out, "<p>{}</p>", esc(l));
    }
    out.push_str("</div></div>\n");
}

/// Label–value lines as a definition list.
fn definitions(out: &mut String, pairs: &[(String, String)]) {
    out.push_str("<dl>\n");
    for (k, v) in pairs {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
    }
    out.push_str("</dl>\n");
}

/// One bar a line, drawn as a coloured box whose width is the share filled.
fn bar_table(out: &mut String, bars: &[BarLine]) {
    out.push_str("<table class=\"bars\">\n");
    for b in bars {
        let colour = if b.warn { "#b00000" } else { "#2e7d32" };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td style=\"width:60%\"><div style=\"background:{colour};height:0.8em;width:{}%\"></div></td><td>{}</td></tr>",
            esc(&b.label),
            b.filled(100),
            esc(&b.figure)
        );
    }
    out.push_str("</table>\n");
}

/// A table: its head (repeated on every printed page by the CSS), its rows, its totals.
fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n<thead><tr>");
    if t.head_groups.is_empty() {
        for c in &t.columns {
            let _ = write!(out, "<th>{}</th>", esc(&c.title));
        }
    } else {
        grouped_head(out, t);
    }
    if !t.marks.is_empty() {
        out.push_str("</tr>\n<tr class=\"marks\">");
        for m in &t.marks {
            let _ = write!(out, "<th>{}</th>", esc(m));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    t.each_row(|row| cells(out, t, row, ""));
    for row in &t.totals {
        cells(out, t, row, " class=\"total\"");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The head of a table whose columns are grouped: a group's title over its columns, the
/// others' titles spanning both lines; then the grouped columns' own titles.
fn grouped_head(out: &mut String, t: &Table) {
    let mut k = 0;
    while k < t.columns.len() {
        if let Some(g) = t.head_groups.iter().find(|g| g.first == k && g.span > 0) {
            let _ = write!(out, "<th colspan=\"{}\">{}</th>", g.span, esc(&g.title));
            k += g.span;
        } else {
            let _ = write!(out, "<th rowspan=\"2\">{}</th>", esc(&t.columns[k].title));
            k += 1;
        }
    }
    out.push_str("</tr>\n<tr>");
    for (k, c) in t.columns.iter().enumerate() {
        if t.head_group(k).is_some() {
            let _ = write!(out, "<th>{}</th>", esc(&c.title));
        }
    }
}

/// The place and date, then a column for each signer: role, note, room to sign, name.
fn signatures(out: &mut String, s: &Signatures) {
    let _ = writeln!(
        out,
        "<div class=\"sign\" style=\"grid-template-columns: repeat({}, 1fr)\"><div class=\"date\">{}</div>",
        s.roles.len().max(1),
        esc(&s.place_date)
    );
    for (role, name) in &s.roles {
        let name = if name.is_empty() { "…………………" } else { name.as_str() };
        let _ = writeln!(out, "<div><b>{}</b><small>{}</small><b>{}</b></div>", esc(role), esc(&s.note), esc(name));
    }
    out.push_str("</div>\n");
}
