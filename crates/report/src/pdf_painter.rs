//! The painter: a laid-out page's items drawn on a canvas — the letterhead, titles, ruled
//! tables (single-line cells first, line by line, so a text extractor reads a row as one
//! line), signatures and the footer.
#![allow(clippy::float_arithmetic)]

use super::document::{Align, BarLine, Cell, Document, Signatures, Table};
use super::fonts::{Fonts, Style};
use super::layout::Item;
use super::pdf::{
    BODY, BOTTOM, CELL, HEAD_LEFT, LEAD, LEFT, PAD, PAGE_W, RIGHT, SIGN_GAP, SMALL, TITLE, TOP, VPAD, WIDTH,
};
use super::pdf_canvas::Canvas;
use super::pdf_layout::{Cols, FOOTER_LINES, Layout, MAX_LINES};

pub struct Painter<'a, 'c, 'f> {
    canvas: &'a mut Canvas<'c>,
    fonts: &'f Fonts,
    /// The top of the half sheet drawn on.
    dy: f32,
    /// The colour in use (rgb).
    ink: (u8, u8, u8),
    /// Thin table rules of the page, drawn as one path at its end: horizontal (x1, x2,
    /// y) and vertical (x, y1, y2), a column edge's segments joined from row to row.
    hrules: Vec<(f32, f32, f32)>,
    vrules: Vec<(f32, f32, f32)>,
}

impl<'a, 'c, 'f> Painter<'a, 'c, 'f> {
    /// A painter of the half sheet `dy` points down `canvas`'s page (0: the whole page).
    pub fn new(canvas: &'a mut Canvas<'c>, fonts: &'f Fonts, dy: f32) -> Painter<'a, 'c, 'f> {
        Painter { canvas, fonts, dy, ink: (0, 0, 0), hrules: Vec::new(), vrules: Vec::new() }
    }
}

impl Painter<'_, '_, '_> {
    fn text(&mut self, x: f32, y: f32, size: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        self.canvas.text(x, y + self.dy, size, style, text, self.ink);
    }

    fn right(&mut self, right_x: f32, y: f32, size: f32, style: Style, text: &str) {
        let w = self.fonts.face(style).width(text, size);
        self.text(right_x - w, y, size, style, text);
    }

    fn center(&mut self, mid_x: f32, y: f32, size: f32, style: Style, text: &str) {
        let w = self.fonts.face(style).width(text, size);
        self.text(mid_x - w / 2.0, y, size, style, text);
    }

    /// Wrapped lines from `y` (their top), `align` in `x..x + width`; returns the height.
    fn para(&mut self, x: f32, y: f32, width: f32, (size, style): (f32, Style), text: &str, centred: bool) -> f32 {
        let lines = self.fonts.face(style).wrap_clipped(text, width, size, MAX_LINES);
        for (k, l) in lines.iter().enumerate() {
            let base = y + size + k as f32 * size * LEAD;
            if centred {
                self.center(x + width / 2.0, base, size, style, l);
            } else {
                self.text(x, base, size, style, l);
            }
        }
        lines.len() as f32 * size * LEAD
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        self.canvas.lines(&[(x1, y1 + self.dy, x2, y2 + self.dy)], width, self.ink);
    }

    /// Red for warnings (negative balances, the ĐÃ HỦY stamp), else black.
    pub fn colour(&mut self, warn: bool) {
        self.ink = if warn { (176, 0, 0) } else { (0, 0, 0) };
    }

    pub fn colour_grey(&mut self) {
        self.flush_rules();
        self.ink = (150, 150, 150);
    }

    /// One table row, top at `y`: each cell's lines in its column, rules around. The
    /// cells that fit on one line are drawn first, line by line and per colour, left to
    /// right, so a text extractor reads the row as one line; a wrapped cell's lines then
    /// follow each other, so a name cut over two lines still reads whole.
    fn row(&mut self, layout: &Layout<'_>, t: &Table, cells: &[Cell], (y, h): (f32, f32), style: Style, header: bool) {
        let cols = layout.cols(t);
        let face = self.fonts.face(style);
        // (line, x, text, warn) of every single-line cell of the row.
        let mut pieces: Vec<(usize, f32, String, bool)> = Vec::new();
        let mut wrapped: Vec<(usize, f32, String, bool)> = Vec::new();
        let mut x = LEFT;
        for ((c, w), cell) in t.columns.iter().zip(&cols.widths).zip(cells) {
            if !cell.is_empty() {
                let shown = cell.shown();
                let lines = if c.wrap || cols.all_wrap || header {
                    face.wrap_clipped(&shown, w - 2.0 * PAD, CELL, MAX_LINES)
                } else {
                    vec![shown.into_owned()]
                };
                let into = if lines.len() > 1 { &mut wrapped } else { &mut pieces };
                for (k, l) in lines.into_iter().enumerate() {
                    let at = match c.align {
                        Align::Left => x + PAD,
                        Align::Right => x + w - PAD - face.width(&l, CELL),
                    };
                    into.push((k, at, l, cell.warn()));
                }
            }
            x += w;
        }
        pieces.sort_by(|a, b| (a.0, a.3).cmp(&(b.0, b.3)).then(a.1.total_cmp(&b.1)));
        let mut i = 0;
        while i < pieces.len() {
            let (k, warn) = (pieces[i].0, pieces[i].3);
            let mut j = i;
            while j < pieces.len() && pieces[j].0 == k && pieces[j].3 == warn {
                j += 1;
            }
            self.colour(warn);
            let base = y + VPAD + CELL * 0.93 + k as f32 * CELL * LEAD;
            self.run(base, style, &pieces[i..j]);
            i = j;
        }
        for piece in &wrapped {
            self.colour(piece.3);
            let base = y + VPAD + CELL * 0.93 + piece.0 as f32 * CELL * LEAD;
            self.run(base, style, std::slice::from_ref(piece));
        }
        self.colour(false);
        self.rules(cols, y, h);
    }

    /// A table's header, top at `y`, `h` tall: the group line (each group's title centred
    /// over its columns, a rule under it; the other columns' titles below span it), the
    /// titles, and the column letters of the form when it has them.
    fn header(&mut self, layout: &Layout<'_>, t: &Table, y: f32, h: f32) {
        let (group_h, marks_h) = layout.header_extra(t);
        let title_h = h - group_h - marks_h;
        if group_h > 0.0 {
            let widths = &layout.cols(t).widths;
            let edge = |k: usize| LEFT + widths.iter().take(k).sum::<f32>();
            for g in &t.head_groups {
                let (x1, x2) = (edge(g.first), edge(g.first + g.span));
                self.center((x1 + x2) / 2.0, y + VPAD + CELL * 0.93, CELL, Style::Bold, &g.title);
                self.line(x1, y + group_h, x2, y + group_h, 0.3);
            }
            // Column edges through the group line, except inside a group.
            for k in 0..=widths.len() {
                let inside = t.head_groups.iter().any(|g| k > g.first && k < g.first + g.span);
                if !inside {
                    self.line(edge(k), y, edge(k), y + group_h, 0.3);
                }
            }
        }
        self.row(layout, t, &t.title_cells(), (y + group_h, title_h), Style::Bold, true);
        if let Some(marks) = t.mark_cells() {
            self.row(layout, t, &marks, (y + group_h + title_h, marks_h), Style::Italic, true);
        }
    }

    /// Pieces of text on one baseline, each at its own x, one after the other.
    fn run(&mut self, y: f32, style: Style, pieces: &[(usize, f32, String, bool)]) {
        for (_, at, piece, _) in pieces {
            self.text(*at, y, CELL, style, piece);
        }
    }

    /// The vertical rules of a row and the line under it.
    fn rules(&mut self, cols: &Cols, y: f32, h: f32) {
        let n = cols.widths.len() + 1;
        // The row below the previous one continues its column edges.
        let start = self.vrules.len().saturating_sub(n);
        let continues = self.vrules.len() >= n
            && self.vrules[start..].iter().all(|(_, _, y2)| (*y2 - y).abs() < 0.01)
            && self.vrules[start].0 == LEFT;
        let mut x = LEFT;
        for k in 0..n {
            if k > 0 {
                x += cols.widths[k - 1];
            }
            if continues && (self.vrules[start + k].0 - x).abs() < 0.01 {
                self.vrules[start + k].2 = y + h;
            } else {
                self.vrules.push((x, y, y + h));
            }
        }
        self.hrules.push((LEFT, x, y + h));
    }

    /// Draws the page's thin rules as one path.
    pub fn flush_rules(&mut self) {
        let dy = self.dy;
        let mut segments: Vec<(f32, f32, f32, f32)> = Vec::with_capacity(self.hrules.len() + self.vrules.len());
        segments.extend(self.hrules.drain(..).map(|(x1, x2, y)| (x1, y + dy, x2, y + dy)));
        segments.extend(self.vrules.drain(..).map(|(x, y1, y2)| (x, y1 + dy, x, y2 + dy)));
        self.canvas.lines(&segments, 0.3, (0, 0, 0));
        self.ink = (0, 0, 0);
    }

    /// Draws one page's items from the top margin down; `book_pages` is the number of
    /// pages of its section (the book's closing line names it).
    pub fn page(&mut self, layout: &Layout<'_>, doc: &Document, items: &[Item<'_>], book_pages: usize) {
        let mut y = TOP;
        for item in items {
            let h = layout.height(item);
            match item {
                Item::Letterhead(head) => {
                    self.head_column(LEFT, y, HEAD_LEFT - 6.0, &head.left, false);
                    self.head_column(LEFT + HEAD_LEFT, y, WIDTH - HEAD_LEFT, &head.right, true);
                }
                Item::Title(t) => {
                    let lines = self.fonts.face(Style::Bold).wrap_clipped(t, WIDTH, TITLE, MAX_LINES);
                    for (k, l) in lines.iter().enumerate() {
                        self.center(LEFT + WIDTH / 2.0, y + TITLE + k as f32 * TITLE * 1.3, TITLE, Style::Bold, l);
                    }
                }
                Item::Subtitle(s) => {
                    self.para(LEFT, y, WIDTH, (BODY, Style::Italic), s, true);
                }
                Item::Unit(u) => self.right(PAGE_W - RIGHT, y + BODY, BODY, Style::Italic, u),
                Item::Spacer => {}
                Item::Heading(text) => {
                    self.para(LEFT, y + 2.0, WIDTH, (BODY + 1.0, Style::Bold), text, false);
                }
                Item::Pair(k, v) => self.pair(y, k, v),
                Item::Text(t) => {
                    self.para(LEFT, y, WIDTH, (BODY, Style::Regular), t, false);
                }
                Item::Bar(b) => self.bar(y, b),
                Item::Stamp(s) => {
                    self.colour(true);
                    let inner = self.para(LEFT + 8.0, y + 6.0, WIDTH - 16.0, (BODY + 1.0, Style::Bold), s, false);
                    self.frame(LEFT + 2.0, y + 2.0, WIDTH - 4.0, inner + 8.0);
                    self.colour(false);
                }
                Item::Header(t) => {
                    self.line(LEFT, y, PAGE_W - RIGHT, y, 0.8);
                    self.header(layout, t, y, h);
                    self.line(LEFT, y + h, PAGE_W - RIGHT, y + h, 0.8);
                }
                Item::Row(t, cells) => self.row(layout, t, cells, (y, h), Style::Regular, false),
                Item::Total(t, cells) => self.row(layout, t, cells, (y, h), Style::Bold, false),
                Item::Sums(t, label, sums) => {
                    let cells = t.labelled(label, sums);
                    self.row(layout, t, &cells, (y, h), Style::Bold, false);
                }
                Item::Signatures(s) => self.signatures(layout, s, y),
                Item::BookPages(rest) => {
                    let text = doc.book_pages_text(book_pages, rest);
                    self.para(LEFT, y + 2.0, WIDTH, (BODY, Style::Italic), &text, false);
                }
            }
            y += h;
        }
    }

    /// One column of the letterhead from `y` down: its first line (the organisation, the
    /// form's number) in bold.
    fn head_column(&mut self, x: f32, y: f32, width: f32, lines: &[String], centred: bool) {
        let mut at = y;
        for (k, l) in lines.iter().enumerate() {
            let style = if k == 0 { Style::Bold } else { Style::Regular };
            at += self.para(x, at, width, (BODY, style), l, centred);
        }
    }

    /// "label: value", the value in bold wrapped beside the label.
    fn pair(&mut self, y: f32, k: &str, v: &str) {
        let label = format!("{k}: ");
        self.text(LEFT + 6.0, y + BODY, BODY, Style::Regular, &label);
        let lw = self.fonts.face(Style::Regular).width(&label, BODY);
        self.para(LEFT + 6.0 + lw, y, (WIDTH - 12.0 - lw).max(60.0), (BODY, Style::Bold), v, false);
    }

    /// One bar of a picture: the label in the first quarter, the bar (a grey track, the
    /// filled part in colour) in the next half, the figure after it.
    fn bar(&mut self, y: f32, b: &BarLine) {
        let label_w = WIDTH / 4.0;
        self.text(LEFT + 6.0, y + BODY, BODY, Style::Regular, &b.label);
        let full = WIDTH / 2.0;
        let filled = full * b.filled(1000) as f32 / 1000.0;
        let mid = y + BODY * 0.65;
        self.ink = (210, 210, 210);
        self.line(LEFT + label_w, mid, LEFT + label_w + full, mid, BODY * 0.8);
        self.ink = if b.warn { (176, 0, 0) } else { (46, 125, 50) };
        if filled > 0.0 {
            self.line(LEFT + label_w, mid, LEFT + label_w + filled, mid, BODY * 0.8);
        }
        self.colour(false);
        self.text(LEFT + label_w + full + 6.0, y + BODY, BODY, Style::Regular, &b.figure);
    }

    fn frame(&mut self, x: f32, y: f32, w: f32, h: f32) {
        self.line(x, y, x + w, y, 1.2);
        self.line(x + w, y, x + w, y + h, 1.2);
        self.line(x + w, y + h, x, y + h, 1.2);
        self.line(x, y + h, x, y, 1.2);
    }

    fn signatures(&mut self, layout: &Layout<'_>, s: &Signatures, y: f32) {
        let line = BODY * LEAD;
        let n = s.roles.len().max(1);
        let col = WIDTH / n as f32;
        self.right(PAGE_W - RIGHT, y + BODY, BODY, Style::Italic, &s.place_date);
        let (roles, _) = layout.signature_lines(s);
        let top = y + line + 2.0;
        for (i, (role, name)) in s.roles.iter().enumerate() {
            let x = LEFT + col * i as f32;
            self.para(x + 2.0, top, col - 4.0, (BODY, Style::Bold), role, true);
            let note_y = top + roles as f32 * line;
            self.center(x + col / 2.0, note_y + SMALL, SMALL, Style::Italic, &s.note);
            let name_y = note_y + SMALL * LEAD + SIGN_GAP;
            let name = if name.is_empty() { "…………………" } else { name.as_str() };
            self.para(x + 2.0, name_y, col - 4.0, (BODY, Style::Bold), name, true);
        }
    }

    /// The foot of a page: the page number on the right, the footer text (pool, date,
    /// head) wrapped on the left.
    pub fn footer(&mut self, doc: &Document, footer: &str, n: usize, count: usize, top: f32) {
        let top = top - BOTTOM + 4.0;
        self.line(LEFT, top, PAGE_W - RIGHT, top, 0.3);
        let label = doc.page_label(n + 1, count);
        let lw = self.fonts.face(Style::Regular).width(&label, SMALL);
        self.right(PAGE_W - RIGHT, top + SMALL + 2.0, SMALL, Style::Regular, &label);
        let lines =
            self.fonts.face(Style::Regular).wrap_clipped(footer, WIDTH - lw.max(40.0) - 10.0, SMALL, FOOTER_LINES);
        for (k, l) in lines.iter().enumerate() {
            self.text(LEFT, top + SMALL + 2.0 + k as f32 * SMALL * LEAD, SMALL, Style::Regular, l);
        }
    }
}
