//! The PDF file itself, written with pdf-writer: the pages' streams as they come, then
//! each face embedded once, at the end, as a subset (pdf_font.rs) with a ToUnicode map so
//! the text stays searchable and copyable, the page tree and the cross-reference table.
//! Each page is written to the output as soon as it is drawn and compressed; only the
//! objects' offsets (for the cross-reference table) stay in memory.

use std::io::Write;

use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref};

use super::fonts::{Fonts, Style};
use super::pdf_font::{Used, font_objects};
use hunvon_core::messages::error::{Error, Result};

const STYLES: [Style; 3] = [Style::Regular, Style::Bold, Style::Italic];

pub struct PdfFile<'f, 'o> {
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
}

impl<'f, 'o> PdfFile<'f, 'o> {
    pub fn new(fonts: &'f Fonts, page_h: f32, out: &'o mut dyn Write) -> PdfFile<'f, 'o> {
        let mut file = PdfFile {
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
        };
        file.write(b"%PDF-1.7\n%\x80\x80\x80\x80\n\n");
        file
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

    /// Writes a page `width` wide whose content stream, deflated, is `packed`.
    pub fn page(&mut self, packed: &[u8], width: f32) {
        let (page_ref, content_ref) = (self.new_ref(), self.new_ref());
        let mut chunk = Chunk::new();
        chunk.stream(content_ref, packed).filter(Filter::FlateDecode);
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
    /// `used`: the glyphs the pages drew, by face (regular, bold, italic).
    pub fn finish(mut self, used: [Used; 3]) -> Result<()> {
        for ((k, style), used) in STYLES.iter().enumerate().zip(used) {
            self.write_font(k, *style, &used)?;
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

    fn write_font(&mut self, k: usize, style: Style, used: &Used) -> Result<()> {
        let refs = [self.new_ref(), self.new_ref(), self.new_ref(), self.new_ref(), self.new_ref()];
        for (id, chunk) in font_objects(self.fonts.face(style), style, used, self.font_refs[k], refs)? {
            self.object(id, |c| c.extend(&chunk));
        }
        Ok(())
    }
}
