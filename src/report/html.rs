//! Documents as one self-contained HTML file with print CSS (A4, table headers repeated
//! on every printed page, page breaks, the signature block). No scripts, nothing loaded
//! from elsewhere.

use std::fmt::Write;

use super::document::{Align, Block, Cell, Document, Table};

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

const CSS: &str = "@page { size: A4; margin: 15mm }
html { font-family: \"DejaVu Sans\", \"Noto Sans\", Arial, sans-serif; font-size: 10pt }
h1 { font-size: 14pt; text-align: center; margin: 0 0 4pt }
.sub { text-align: center; margin: 0 }
table { border-collapse: collapse; width: 100%; margin: 6pt 0 }
th, td { border: 0.5pt solid #444; padding: 2pt 4pt; vertical-align: top }
th { background: #eee }
thead { display: table-header-group }
tr { break-inside: avoid }
td.money { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums }
td.warn { color: #b00000 }
tr.total td { font-weight: bold }
dl { display: grid; grid-template-columns: max-content auto; gap: 2pt 12pt }
dt { font-weight: bold }
.sign { display: grid; grid-template-columns: repeat(4, 1fr); text-align: center; margin-top: 24pt; break-inside: avoid }
.sign .date { grid-column: 3 / 5; font-style: italic; margin-bottom: 6pt }
.sign small { display: block; margin-bottom: 48pt }
footer { margin-top: 12pt; font-size: 8pt; color: #444; word-break: break-all }
@media screen { body { max-width: 210mm; margin: auto } }";

fn cells(out: &mut String, t: &Table, row: &[Cell], class: &str) {
    let _ = write!(out, "<tr{class}>");
    for (c, cell) in t.columns.iter().zip(row) {
        let mut classes = Vec::new();
        if c.align == Align::Right {
            classes.push("money");
        }
        if cell.warn {
            classes.push("warn");
        }
        let attr = if classes.is_empty() { String::new() } else { format!(" class=\"{}\"", classes.join(" ")) };
        let _ = write!(out, "<td{attr}>{}</td>", esc(&cell.text));
    }
    out.push_str("</tr>\n");
}

/// Renders a document as a complete HTML page.
pub fn render(doc: &Document) -> String {
    let lang = doc.lang.pick("vi", "en");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(&doc.title),
        esc(&doc.title)
    );
    for s in &doc.subtitle {
        let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(s));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading(h) => {
                let _ = writeln!(out, "<h2>{}</h2>", esc(h));
            }
            Block::Pairs(pairs) => {
                out.push_str("<dl>\n");
                for (k, v) in pairs {
                    let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(v));
                }
                out.push_str("</dl>\n");
            }
            Block::Text(t) => {
                let _ = writeln!(out, "<p>{}</p>", esc(t));
            }
            Block::Table(t) => {
                out.push_str("<table>\n<thead><tr>");
                for c in &t.columns {
                    let _ = write!(out, "<th>{}</th>", esc(&c.title));
                }
                out.push_str("</tr></thead>\n<tbody>\n");
                for row in &t.rows {
                    cells(&mut out, t, row, "");
                }
                for row in &t.totals {
                    cells(&mut out, t, row, " class=\"total\"");
                }
                out.push_str("</tbody>\n</table>\n");
            }
        }
    }
    if let Some(s) = &doc.signatures {
        let _ = writeln!(out, "<div class=\"sign\"><div class=\"date\">{}</div>", esc(&s.place_date));
        for r in &s.roles {
            let _ = writeln!(out, "<div><b>{}</b><small>{}</small></div>", esc(r), esc(&s.note));
        }
        out.push_str("</div>\n");
    }
    let _ = writeln!(out, "<footer>{}</footer>\n</body>\n</html>", esc(&doc.footer));
    out
}
