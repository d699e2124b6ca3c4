//! The PDF's fonts: DejaVu Sans Condensed (every Vietnamese letter and ₫, narrow enough
//! for the book forms' nine columns), measured with skrifa. Each character's glyph and
//! advance are looked up once per font and kept in a table, so measuring and wrapping a
//! line costs one array read per character, and glyphs are handed to krilla already
//! placed (precomposed NFC letters need no shaping).
//!
//! Widths are `f32` points: like pdf.rs this file may use float arithmetic, and it never
//! touches money (amounts arrive as finished text).
#![allow(clippy::float_arithmetic)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::wrap;
use crate::messages::error::{Error, Result};

/// Characters below this code point are looked up in a table (Latin, Vietnamese,
/// punctuation, currency, box drawing); the rare others in a map.
const TABLE: u32 = 0x2800;

/// One font: its krilla handle and each character's (glyph id, advance in font units).
pub struct Face {
    pub font: Font,
    upem: f32,
    bytes: &'static [u8],
    table: Vec<(u16, u16)>,
    extra: RefCell<HashMap<char, (u16, u16)>>,
}

fn lookup(bytes: &'static [u8], c: char) -> (u16, u16) {
    let Ok(font) = FontRef::new(bytes) else { return (0, 0) };
    let gid = font.charmap().map(c).unwrap_or_default();
    let adv = font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(gid).unwrap_or(0.0);
    (u16::try_from(gid.to_u32()).unwrap_or(0), adv.max(0.0).min(f32::from(u16::MAX)) as u16)
}

impl Face {
    pub fn load(bytes: &'static [u8]) -> Result<Face> {
        let missing = || Error::Pdf("font DejaVu Sans".into());
        let font = Font::new(bytes.into(), 0).ok_or_else(missing)?;
        let reader = FontRef::new(bytes).map_err(|_| missing())?;
        let upem = f32::from(reader.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        let charmap = reader.charmap();
        let metrics = reader.glyph_metrics(Size::unscaled(), LocationRef::default());
        let table = (0..TABLE)
            .map(|u| {
                char::from_u32(u).map_or((0, 0), |c| {
                    let gid = charmap.map(c).unwrap_or_default();
                    let adv = metrics.advance_width(gid).unwrap_or(0.0);
                    (u16::try_from(gid.to_u32()).unwrap_or(0), adv.max(0.0).min(f32::from(u16::MAX)) as u16)
                })
            })
            .collect();
        Ok(Face { font, upem, bytes, table, extra: RefCell::new(HashMap::new()) })
    }

    fn glyph(&self, c: char) -> (u16, u16) {
        let u = c as u32;
        if u < TABLE {
            return self.table[u as usize];
        }
        *self.extra.borrow_mut().entry(c).or_insert_with(|| lookup(self.bytes, c))
    }

    /// A character's advance in font units (what wrapping counts).
    pub fn units(&self, c: char) -> u32 {
        u32::from(self.glyph(c).1)
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        wrap::measure(text, &|c| self.units(c)) as f32 * size / self.upem
    }

    /// `points` at `size` in font units.
    fn max_units(&self, points: f32, size: f32) -> u32 {
        (points.max(1.0) * self.upem / size) as u32
    }

    /// The lines of `text` in `points` at `size`.
    pub fn wrap<'t>(&self, text: &'t str, points: f32, size: f32) -> Vec<&'t str> {
        wrap::wrap(text, self.max_units(points, size), &|c| self.units(c))
    }

    /// The lines of `text` in `points` at `size`, at most `max` of them: past that the
    /// last one shown ends in "…" (an old book's note longer than a page; nothing is drawn
    /// past the page's edge).
    pub fn wrap_clipped(&self, text: &str, points: f32, size: f32, max: usize) -> Vec<String> {
        let mut lines: Vec<String> = self.wrap(text, points, size).into_iter().map(str::to_string).collect();
        if lines.len() > max.max(1) {
            lines.truncate(max.max(1));
            if let Some(last) = lines.last_mut() {
                let room = points - self.width("…", size);
                while !last.is_empty() && self.width(last, size) > room {
                    last.pop();
                }
                last.push('…');
            }
        }
        lines
    }

    /// How many lines `text` takes in `points` at `size`.
    pub fn lines(&self, text: &str, points: f32, size: f32, scratch: &mut Vec<Range<usize>>) -> usize {
        wrap::count_lines(text, self.max_units(points, size), &|c| self.units(c), scratch)
    }

    /// The widest word of `text` at `size`.
    pub fn widest_word(&self, text: &str, size: f32) -> f32 {
        wrap::widest_word(text, &|c| self.units(c)) as f32 * size / self.upem
    }

    /// `text` as glyphs placed one after the other.
    pub fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(i, c)| {
                let (gid, adv) = self.glyph(c);
                KrillaGlyph {
                    glyph_id: GlyphId::new(u32::from(gid)),
                    text_range: i..i + c.len_utf8(),
                    x_advance: f32::from(adv) / self.upem,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }
}

/// The styles a paper uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
    Italic,
}

pub struct Fonts {
    regular: Face,
    bold: Face,
    italic: Face,
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        use dejavu::sans_condensed as dv;
        Ok(Fonts {
            regular: Face::load(dv::regular())?,
            bold: Face::load(dv::bold())?,
            italic: Face::load(dv::oblique())?,
        })
    }

    pub fn face(&self, style: Style) -> &Face {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
            Style::Italic => &self.italic,
        }
    }
}
