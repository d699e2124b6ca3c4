//! One page of a PDF drawn as its content stream: text in the three DejaVu faces and
//! ruled lines. The file around the pages is `pdf_file.rs`.
//!
//! A year's cash book is some fourteen thousand pages, so the per-glyph cost decides the
//! speed: each character costs one table read, and each glyph is two printable bytes in
//! the content stream (the codes are chosen so that no byte needs escaping), so a page's
//! stream is a third of what a general-purpose PDF library writes, and compresses fast.
//! Pages are drawn on two threads, each with a canvas of its own (pdf.rs).
//!
//! Coordinates arrive top-down in points (as the painter lays out) and are flipped here.
#![allow(clippy::float_arithmetic)]

use super::fonts::{Fonts, Style};
use super::pdf_font::Used;

fn style_index(style: Style) -> usize {
    match style {
        Style::Regular => 0,
        Style::Bold => 1,
        Style::Italic => 2,
    }
}

pub struct Canvas<'f> {
    fonts: &'f Fonts,
    page_h: f32,
    /// The glyphs drawn on this canvas's pages, by face (regular, bold, italic).
    used: [Used; 3],
    /// The page being drawn.
    content: Vec<u8>,
    // The state of the page being drawn, so each operator is written only when it changes.
    in_text: bool,
    /// The start of the current text line in hundredths of a point (Td moves from it).
    at: (i64, i64),
    font: Option<(usize, i64)>,
    fill: (u8, u8, u8),
    stroke: (u8, u8, u8),
    width: i64,
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f Fonts, page_h: f32) -> Canvas<'f> {
        Canvas {
            fonts,
            page_h,
            used: Default::default(),
            content: Vec::new(),
            in_text: false,
            at: (0, 0),
            font: None,
            fill: (0, 0, 0),
            stroke: (0, 0, 0),
            width: 100,
        }
    }

    /// Starts a page: the graphics state is the PDF's initial one.
    pub fn start_page(&mut self) {
        self.content.clear();
        self.in_text = false;
        self.font = None;
        self.fill = (0, 0, 0);
        self.stroke = (0, 0, 0);
        self.width = 100;
    }

    fn num(&mut self, hundredths: i64) {
        let out = &mut self.content;
        if hundredths < 0 {
            out.push(b'-');
        }
        let v = hundredths.unsigned_abs();
        let (int, frac) = (v / 100, v % 100);
        out.extend_from_slice(int.to_string().as_bytes());
        if frac != 0 {
            out.push(b'.');
            out.push(b'0' + (frac / 10) as u8);
            if frac % 10 != 0 {
                out.push(b'0' + (frac % 10) as u8);
            }
        }
        out.push(b' ');
    }

    fn op(&mut self, op: &[u8]) {
        self.content.extend_from_slice(op);
        self.content.push(b'\n');
    }

    fn colour(&mut self, (r, g, b): (u8, u8, u8), op: &[u8]) {
        for c in [r, g, b] {
            // Two decimals of 0..1, as hundredths.
            self.num((i64::from(c) * 100 + 127) / 255);
        }
        self.op(op);
    }

    fn end_text(&mut self) {
        if self.in_text {
            self.op(b"ET");
            self.in_text = false;
        }
    }

    /// `text` with its baseline's left end at (`x`, `y`) in `ink`.
    pub fn text(&mut self, x: f32, y: f32, size: f32, style: Style, text: &str, ink: (u8, u8, u8)) {
        if text.is_empty() {
            return;
        }
        if !self.in_text {
            self.op(b"BT");
            self.in_text = true;
            self.at = (0, 0);
        }
        let s = style_index(style);
        let size_h = (size * 100.0).round() as i64;
        if self.font != Some((s, size_h)) {
            self.content.extend_from_slice(format!("/F{s} ").as_bytes());
            self.num(size_h);
            self.op(b"Tf");
            self.font = Some((s, size_h));
        }
        if self.fill != ink {
            self.colour(ink, b"rg");
            self.fill = ink;
        }
        let to = ((x * 100.0).round() as i64, ((self.page_h - y) * 100.0).round() as i64);
        self.num(to.0 - self.at.0);
        self.num(to.1 - self.at.1);
        self.content.extend_from_slice(b"Td(");
        self.at = to;
        let face = self.fonts.face(style);
        let used = &mut self.used[s];
        for c in text.chars() {
            let code = used.code(face.gid(c), c);
            self.content.extend_from_slice(&code);
        }
        self.op(b")Tj");
    }

    /// Straight lines (x1, y1, x2, y2) stroked `width` wide in `ink`, as one path.
    pub fn lines(&mut self, segments: &[(f32, f32, f32, f32)], width: f32, ink: (u8, u8, u8)) {
        if segments.is_empty() {
            return;
        }
        self.end_text();
        let w = (width * 100.0).round() as i64;
        if self.width != w {
            self.num(w);
            self.op(b"w");
            self.width = w;
        }
        if self.stroke != ink {
            self.colour(ink, b"RG");
            self.stroke = ink;
        }
        let h = |v: f32| (v * 100.0).round() as i64;
        for &(x1, y1, x2, y2) in segments {
            self.num(h(x1));
            self.num(h(self.page_h - y1));
            self.op(b"m");
            self.num(h(x2));
            self.num(h(self.page_h - y2));
            self.op(b"l");
        }
        self.op(b"S");
    }

    /// The page drawn: its content stream.
    pub fn finish_page(&mut self) -> &[u8] {
        self.end_text();
        &self.content
    }

    /// The glyphs drawn, by face (regular, bold, italic).
    pub fn into_used(self) -> [Used; 3] {
        self.used
    }
}
