//! The PDF's measurements: each table's column widths (columns that do not wrap as wide
//! as their widest cell, wrapping columns sharing the rest) and every item's height, so
//! the paginator and the painter agree on where each page ends.
#![allow(clippy::float_arithmetic)]

use std::collections::HashMap;

use super::document::{Cell, Paging, Signatures, Sum, Table};
use super::fonts::{Face, Fonts, Style};
use super::layout::Item;
use super::pdf::{BODY, CELL, HEAD_LEFT, LEAD, PAD, SIGN_GAP, SMALL, TITLE, VPAD, WIDTH};

/// The most lines one paragraph, cell or footer may take: a text longer than a page
/// (an old book's note, typed before notes were capped) is cut there with "…".
pub const MAX_LINES: usize = 50;
/// The most lines of a page's footer.
pub const FOOTER_LINES: usize = 4;

/// A table's column widths in points, and whether every cell must wrap (the columns
/// did not fit side by side at their natural widths).
pub struct Cols {
    pub widths: Vec<f32>,
    pub all_wrap: bool,
}

/// Lays out a table's columns across the page: each as wide as its content and its
/// title wish, the carried lines' label whole, then fitted to the page's width.
pub fn layout_columns(t: &Table, fonts: &Fonts) -> Cols {
    let bold = fonts.face(Style::Bold);
    let mut w = content_widths(t, fonts);
    let least = add_wishes(t, bold, &mut w);
    // The carried lines' labels ("Số trang trước chuyển sang") stay on one line.
    let labels: Vec<&String> = match &t.paging {
        Paging::Carry { page, to_next, from_prev } => vec![page, to_next, from_prev],
        Paging::PageTotals(page) => vec![page],
        Paging::None => Vec::new(),
    };
    if let Some(at) = w.get_mut(t.label_col) {
        let widest = labels.iter().map(|l| bold.width(l, CELL)).fold(0.0, f32::max);
        *at = at.max(widest + 2.0 * PAD);
    }
    fit(t, w, &least)
}

/// What the cells need, without padding: the titles' widest words, the widest cell of
/// every column that does not wrap (totals in bold), and a summed column's widest sum.
fn content_widths(t: &Table, fonts: &Fonts) -> Vec<f32> {
    let (reg, bold) = (fonts.face(Style::Regular), fonts.face(Style::Bold));
    let n = t.columns.len();
    let mut w: Vec<f32> = t.columns.iter().map(|c| bold.widest_word(&c.title, CELL)).collect();
    // The sum of a column's amounts without their signs: no page's sum is wider.
    let mut abs = vec![0i64; n];
    let mut measure = |row: &[Cell], face: &Face| {
        for (i, cell) in row.iter().enumerate().take(n) {
            if !t.columns[i].wrap && !cell.is_empty() {
                w[i] = w[i].max(face.width(&cell.shown(), CELL));
            }
            if let Some(v) = cell.value() {
                abs[i] = abs[i].saturating_add(v.saturating_abs());
            }
        }
    };
    t.each_row(|row| measure(row, reg));
    for row in &t.totals {
        measure(row, bold);
    }
    for (i, c) in t.columns.iter().enumerate() {
        if c.sum == Sum::Summed {
            w[i] = w[i].max(bold.width(&hunvon_core::domain::money::group(-abs[i]), CELL));
        }
    }
    w
}

/// Widens the columns to what the form wishes (money as wide as millions, short titles
/// whole) and pads them; returns each column's least width, without the title wishes.
fn add_wishes(t: &Table, bold: &Face, w: &mut [f32]) -> Vec<f32> {
    let mut least = vec![0.0f32; w.len()];
    for (i, c) in t.columns.iter().enumerate() {
        if c.sum != Sum::No {
            // Money columns as wide as millions whatever the period holds, so a
            // column with nothing in it (Chi in a month without payments) keeps the form's
            // grid instead of shrinking to its title.
            w[i] = w[i].max(bold.width("9.999.999", CELL));
        }
        // Without the wish below: what the cells and the title's widest word need.
        least[i] = w[i] + 2.0 * PAD;
        if !c.wrap {
            // A short title stays on one line when it can.
            w[i] = w[i].max(bold.width(&c.title, CELL).min(56.0));
        }
        w[i] += 2.0 * PAD;
        if c.wrap {
            // A short title ("Ghi chú") stays on one line.
            w[i] = w[i].max(30.0).max((bold.width(&c.title, CELL) + 2.0 * PAD).min(44.0));
        }
    }
    least
}

/// Fits the widths to the page: short titles give up their wish first; a table still too
/// wide shrinks whole and wraps every cell; else the room left goes to the wrapping
/// columns by weight, or to the first column when none wraps.
fn fit(t: &Table, mut w: Vec<f32>, least: &[f32]) -> Cols {
    let fixed_of = |w: &[f32]| -> f32 { t.columns.iter().zip(w).filter(|(c, _)| !c.wrap).map(|(_, w)| *w).sum() };
    let wrap_min: f32 = t.columns.iter().zip(&w).filter(|(c, _)| c.wrap).map(|(_, w)| *w).sum();
    if fixed_of(&w) + wrap_min > WIDTH {
        // Short titles wrap (a header may take two lines) before any cell must.
        for (i, c) in t.columns.iter().enumerate() {
            if !c.wrap {
                w[i] = least[i];
            }
        }
    }
    let fixed: f32 = fixed_of(&w);
    let wrap_min: f32 = t.columns.iter().zip(&w).filter(|(c, _)| c.wrap).map(|(_, w)| *w).sum();
    let weights: usize = t.columns.iter().filter(|c| c.wrap).map(|c| c.weight.max(1)).sum();
    if fixed + wrap_min > WIDTH || (weights == 0 && fixed > WIDTH) {
        // Too wide side by side: every column shrinks in proportion and every cell wraps,
        // so nothing is drawn past the page edge.
        let total: f32 = w.iter().sum();
        return Cols { widths: w.iter().map(|x| x * WIDTH / total).collect(), all_wrap: true };
    }
    if weights > 0 {
        share_by_weight(t, &mut w, WIDTH - fixed);
    } else if let Some(first) = w.first_mut() {
        // No wrapping column: the spare width goes to the first column.
        *first += WIDTH - fixed;
    }
    Cols { widths: w, all_wrap: false }
}

/// Shares `room` among the wrapping columns by weight; a column whose share is below its
/// least width (its title's widest word, a short title whole) keeps that width and the
/// others share the rest.
fn share_by_weight(t: &Table, w: &mut [f32], mut room: f32) {
    let mut open: Vec<usize> = (0..w.len()).filter(|&i| t.columns[i].wrap).collect();
    loop {
        let weights: usize = open.iter().map(|&i| t.columns[i].weight.max(1)).sum();
        let share = |i: usize| room * t.columns[i].weight.max(1) as f32 / weights as f32;
        let Some(pos) = open.iter().position(|&i| share(i) < w[i]) else {
            for &i in &open {
                w[i] = share(i);
            }
            break;
        };
        room -= w[open.remove(pos)];
        if open.is_empty() {
            break;
        }
    }
}

pub struct Layout<'f> {
    pub fonts: &'f Fonts,
    /// Each table's columns, by the table's address.
    pub cols: HashMap<usize, Cols>,
    pub footer_h: f32,
}

impl Layout<'_> {
    pub fn cols(&self, t: &Table) -> &Cols {
        static EMPTY: Cols = Cols { widths: Vec::new(), all_wrap: false };
        self.cols.get(&(std::ptr::from_ref(t) as usize)).unwrap_or(&EMPTY)
    }

    fn text_lines(&self, text: &str, width: f32, size: f32, style: Style) -> usize {
        self.fonts.face(style).lines(text, width, size, &mut Vec::new()).min(MAX_LINES)
    }

    /// How many lines each cell of a row takes; the row is as tall as its tallest cell.
    fn row_lines(&self, t: &Table, cells: &[Cell], style: Style, header: bool) -> usize {
        let cols = self.cols(t);
        let mut scratch = Vec::new();
        let face = self.fonts.face(style);
        let mut lines = 1;
        for ((c, w), cell) in t.columns.iter().zip(&cols.widths).zip(cells) {
            if (c.wrap || cols.all_wrap || header) && !cell.is_empty() {
                lines = lines.max(face.lines(&cell.shown(), w - 2.0 * PAD, CELL, &mut scratch));
            }
        }
        lines.min(MAX_LINES)
    }

    pub fn row_height(&self, lines: usize) -> f32 {
        lines as f32 * CELL * LEAD + 2.0 * VPAD
    }

    /// The heights of a header's group line (titles over several columns) and of its
    /// column-letters line; zero for a table without them.
    pub fn header_extra(&self, t: &Table) -> (f32, f32) {
        let group = if t.head_groups.is_empty() { 0.0 } else { self.row_height(1) };
        let marks = if t.marks.is_empty() { 0.0 } else { self.row_height(1) };
        (group, marks)
    }

    pub fn signature_lines(&self, s: &Signatures) -> (usize, usize) {
        let col = WIDTH / s.roles.len().max(1) as f32 - 4.0;
        let roles = s.roles.iter().map(|r| self.text_lines(&r.0, col, BODY, Style::Bold)).max().unwrap_or(1);
        let names = s.roles.iter().map(|r| self.text_lines(&r.1, col, BODY, Style::Bold)).max().unwrap_or(1);
        (roles, names)
    }

    /// An item's height in points.
    pub fn height(&self, item: &Item<'_>) -> f32 {
        let line = BODY * LEAD;
        match item {
            Item::Letterhead(h) => {
                let left: usize = h.left.iter().map(|l| self.text_lines(l, HEAD_LEFT - 6.0, BODY, Style::Bold)).sum();
                let right: usize =
                    h.right.iter().map(|l| self.text_lines(l, WIDTH - HEAD_LEFT, BODY, Style::Regular)).sum();
                left.max(right) as f32 * line + 4.0
            }
            Item::Title(t) => self.text_lines(t, WIDTH, TITLE, Style::Bold) as f32 * TITLE * 1.3 + 2.0,
            Item::Subtitle(t) => self.text_lines(t, WIDTH, BODY, Style::Italic) as f32 * line,
            Item::Unit(_) => line,
            Item::Spacer => 6.0,
            Item::Heading(h) => self.text_lines(h, WIDTH, BODY + 1.0, Style::Bold) as f32 * (BODY + 1.0) * LEAD + 4.0,
            Item::Pair(k, v) => {
                let label = self.fonts.face(Style::Regular).width(&format!("{k}: "), BODY);
                self.text_lines(v, (WIDTH - 12.0 - label).max(60.0), BODY, Style::Bold) as f32 * line
            }
            Item::Text(t) => self.text_lines(t, WIDTH, BODY, Style::Regular) as f32 * line,
            Item::Bar(_) => line + 2.0,
            Item::Stamp(s) => {
                self.text_lines(s, WIDTH - 16.0, BODY + 1.0, Style::Bold) as f32 * (BODY + 1.0) * LEAD + 14.0
            }
            Item::Header(t) => {
                let (group, marks) = self.header_extra(t);
                group + self.row_height(self.row_lines(t, &t.title_cells(), Style::Bold, true)) + marks
            }
            Item::Row(t, cells) => self.row_height(self.row_lines(t, cells, Style::Regular, false)),
            Item::Total(t, cells) => self.row_height(self.row_lines(t, cells, Style::Bold, false)),
            Item::Sums(t, label, sums) => {
                self.row_height(self.row_lines(t, &t.labelled(label, sums), Style::Bold, false))
            }
            Item::Signatures(s) => {
                let (roles, names) = self.signature_lines(s);
                line + 2.0 + roles as f32 * line + SMALL * LEAD + SIGN_GAP + names as f32 * line + 4.0
            }
            Item::BookPages(_) => line + 4.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Table};

    /// The cash book's grid (form S07): a month without payments keeps a Chi column as wide
    /// as Thu, and the short "Ghi chú" stays on one line.
    #[test]
    fn an_empty_money_column_keeps_the_forms_grid() {
        let fonts = Fonts::load().expect("fonts");
        let mut t = Table::new(vec![
            Column::left("Ngày chứng từ", 10),
            Column::wrap("Diễn giải", 7),
            Column::money("Thu", 11, true),
            Column::money("Chi", 11, true),
            Column::running("Tồn", 12),
            Column::wrap("Ghi chú", 2),
        ]);
        t.row(vec![
            Cell::text("02/01/2024"),
            Cell::text("Thu tiền góp — Trịnh Thị Thu Ba (góp tháng 01/2024)"),
            Cell::money(100_000),
            Cell::empty(),
            Cell::money(18_350_000),
            Cell::empty(),
        ]);
        let cols = layout_columns(&t, &fonts);
        let bold = fonts.face(Style::Bold);
        assert!(!cols.all_wrap);
        assert!(cols.widths[3] >= bold.width("9.999.999", CELL), "{:?}", cols.widths);
        assert!((cols.widths[2] - cols.widths[3]).abs() < 0.5, "{:?}", cols.widths);
        assert!(cols.widths[5] >= bold.width("Ghi chú", CELL) + 2.0 * PAD - 0.01, "{:?}", cols.widths);
        assert!((cols.widths.iter().sum::<f32>() - WIDTH).abs() < 0.5, "{:?}", cols.widths);
    }
}
