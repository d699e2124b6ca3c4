//! The PDF file itself, written with pdf-writer: pages of text and ruled lines in the three
//! DejaVu faces, each face embedded once, at the end, as a subset (pdf_font.rs) with a
//! ToUnicode map so the text stays searchable and copyable.
//!
//! A year's cash book is some fourteen thousand pages, so the per-glyph cost decides the
//! speed: each character costs one table read, and each glyph is two printable bytes in
//! the content stream (the codes are chosen so that no byte needs escaping), so a page's
//! stream is a third of what a general-purpose PDF library writes, and compresses fast.
//! Each page is compressed and written to the output as soon as it is drawn; only the
//! objects' offsets (for the cross-reference table) and the glyphs used stay in memory.
//!
//! Coordinates arrive top-down in points (as the painter lays out) and are flipped here.
#![allow(clippy::float_arithmetic)]

use std::io::Write;

use miniz_oxide::deflate::core::{
    CompressorOxide, TDEFLFlush, TDEFLStatus, compress, create_comp_flags_from_zip_params,
};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref};

use super::fonts::{Fonts, Style};
use super::pdf_font::{Used, font_objects};
use hunvon_core::messages::error::{Error, Result};

const STYLES: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];
/// How hard page streams are compressed: the fast end of deflate keeps a year's book
/// quick to write and still shrinks the text several times.
const LEVEL: u8 = 1;

fn style_index(style: Style) -> usize {
    match style {
        Style::Regular => 0,
        Style::Bold => 1,
        Style::Italic => 2,
    }
}

/// Deflate (zlib) with one compressor for every stream: setting one up clears tens of
/// kilobytes of tables, which per page would cost a year's book more than compressing.
struct Deflater {
    compressor: Box<CompressorOxide>,
    out: Vec<u8>,
}

impl Deflater {
    fn new(level: u8) -> Deflater {
        let flags = create_comp_flags_from_zip_params(level.into(), 1, 0);
        Deflater { compressor: Box::new(CompressorOxide::new(flags)), out: Vec::new() }
    }

    /// `input` compressed; the bytes are valid until the next call.
    fn pack(&mut self, mut input: &[u8]) -> &[u8] {
        self.compressor.reset();
        // The buffer only grows: what it held is overwritten, never read.
        let want = (input.len() / 2).max(64);
        if self.out.len() < want {
            self.out.resize(want, 0);
        }
        let mut at = 0;
        loop {
            let (status, read, written) =
                compress(&mut self.compressor, input, &mut self.out[at..], TDEFLFlush::Finish);
            at += written;
            match status {
                TDEFLStatus::Done => break,
                TDEFLStatus::Okay if read <= input.len() => {
                    input = &input[read..];
                    if self.out.len() - at < 64 {
                        let grown = self.out.len() * 2;
                        self.out.resize(grown, 0);
                    }
                }
                // miniz reports nothing else for a well-formed call; an empty stream is
                // still a valid (if wrong) page rather than a crash.
                _ => break,
            }
        }
        &self.out[..at]
    }
}

pub struct Canvas<'f, 'o> {
    fonts: &'f Fonts,
    page_h: f32,
    out: &'o mut dyn Write,
    /// Bytes written so far, and where each object starts (by its number).
    pos: usize,
    offsets: Vec<usize>,
    /// The first write that failed; nothing more is written after it.
    failed: Option<std::io::Error>,
    next: i32,
    pages_ref: Ref,
    font_refs: [Ref; 3],
    page_refs: Vec<Ref>,
    used: [Used; 3],
    content: Vec<u8>,
    deflater: Deflater,
    // The state of the page being drawn, so each operator is written only when it changes.
    in_text: bool,
    /// The start of the current text line in hundredths of a point (Td moves from it).
    at: (i64, i64),
    font: Option<(usize, i64)>,
    fill: (u8, u8, u8),
    stroke: (u8, u8, u8),
    width: i64,
}

impl<'f, 'o> Canvas<'f, 'o> {
    pub fn new(fonts: &'f Fonts, page_h: f32, out: &'o mut dyn Write) -> Canvas<'f, 'o> {
        let mut canvas = Canvas {
            fonts,
            page_h,
            out,
            pos: 0,
            offsets: Vec::new(),
            failed: None,
            next: 5,
            pages_ref: Ref::new(1),
            font_refs: [Ref::new(2), Ref::new(3), Ref::new(4)],
            page_refs: Vec::new(),
            used: Default::default(),
            content: Vec::new(),
            deflater: Deflater::new(LEVEL),
            in_text: false,
            at: (0, 0),
            font: None,
            fill: (0, 0, 0),
            stroke: (0, 0, 0),
            width: 100,
        };
        canvas.write(b"%PDF-1.7\n%\x80\x80\x80\x80\n\n");
        canvas
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.failed.is_none() {
            match self.out.write_all(bytes) {
                Ok(()) => self.pos += bytes.len(),
                Err(e) => self.failed = Some(e),
            }
        }
    }

    /// Writes one indirect object, `id`, that `f` puts into a chunk.
    fn object(&mut self, id: Ref, f: impl FnOnce(&mut Chunk)) {
        let mut chunk = Chunk::new();
        f(&mut chunk);
        let slot = usize::try_from(id.get()).unwrap_or(0);
        if self.offsets.len() <= slot {
            self.offsets.resize(slot + 1, 0);
        }
        self.offsets[slot] = self.pos;
        self.write(chunk.as_bytes());
    }

    fn new_ref(&mut self) -> Ref {
        let r = Ref::new(self.next);
        self.next += 1;
        r
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

    /// Compresses the page drawn and writes it out.
    pub fn finish_page(&mut self, width: f32) {
        self.end_text();
        let (page_ref, content_ref) = (self.new_ref(), self.new_ref());
        let content = std::mem::take(&mut self.content);
        let mut chunk = Chunk::new();
        chunk.stream(content_ref, self.deflater.pack(&content)).filter(Filter::FlateDecode);
        self.content = content;
        self.object(content_ref, |c| c.extend(&chunk));
        let (pages_ref, font_refs, page_h) = (self.pages_ref, self.font_refs, self.page_h);
        self.object(page_ref, |c| {
            let mut page = c.page(page_ref);
            page.media_box(Rect::new(0.0, 0.0, width, page_h)).parent(pages_ref).contents(content_ref);
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            for (k, r) in font_refs.iter().enumerate() {
                fonts.pair(Name(format!("F{k}").as_bytes()), *r);
            }
            fonts.finish();
            resources.finish();
            page.finish();
        });
        self.page_refs.push(page_ref);
    }

    /// Embeds the fonts' subsets and closes the file: the page tree, the catalog, the
    /// cross-reference table.
    pub fn finish(mut self) -> Result<()> {
        for (k, style) in STYLES.iter().enumerate() {
            self.write_font(k, *style)?;
        }
        let catalog = self.new_ref();
        let count = i32::try_from(self.page_refs.len()).unwrap_or(i32::MAX);
        let (pages_ref, kids) = (self.pages_ref, std::mem::take(&mut self.page_refs));
        self.object(pages_ref, |c| {
            c.pages(pages_ref).kids(kids.iter().copied()).count(count);
        });
        self.object(catalog, |c| {
            c.indirect(catalog).start::<pdf_writer::writers::Catalog>().pages(pages_ref);
        });
        let xref = self.pos;
        let size = self.offsets.len().max(1);
        let mut table = format!("xref\n0 {size}\n0000000000 65535 f\r\n");
        for at in self.offsets.iter().skip(1) {
            table.push_str(&format!("{at:010} 00000 n\r\n"));
        }
        table.push_str(&format!("trailer\n<< /Size {size} /Root {} 0 R >>\nstartxref\n{xref}\n%%EOF\n", catalog.get()));
        self.write(table.as_bytes());
        match self.failed.take() {
            Some(e) => Err(Error::Pdf(e.to_string())),
            None => Ok(()),
        }
    }

    fn write_font(&mut self, k: usize, style: Style) -> Result<()> {
        let used = std::mem::take(&mut self.used[k]);
        let refs = [self.new_ref(), self.new_ref(), self.new_ref(), self.new_ref(), self.new_ref()];
        for (id, chunk) in font_objects(self.fonts.face(style), style, &used, self.font_refs[k], refs)? {
            self.object(id, |c| c.extend(&chunk));
        }
        Ok(())
    }
}
