//! The PDF's fonts: DejaVu Sans Condensed (every Vietnamese letter and ₫, narrow enough
//! for the book forms' nine columns), measured with skrifa. Each character's glyph and
//! advance are looked up once per font and kept in a table, so measuring and wrapping a
//! line costs one array read per character, and glyphs are written already placed
//! (precomposed NFC letters need no shaping).
//!
//! Widths are `f32` points: like pdf.rs this file may use float arithmetic, and it never
//! touches money (amounts arrive as finished text).
#![allow(clippy::float_arithmetic)]

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::wrap;
use hunvon_core::messages::error::{Error, Result};

/// Characters below this code point are looked up in a table (Latin, Vietnamese,
/// punctuation, currency, box drawing); the rare others in a map, behind a lock since
/// pages are drawn on two threads.
const TABLE: u32 = 0x2800;

/// One font: its bytes and each character's (glyph id, advance in font units).
pub struct Face {
    upem: f32,
    name: &'static str,
    bytes: &'static [u8],
    table: Vec<(u16, u16)>,
    extra: Mutex<HashMap<char, (u16, u16)>>,
}

fn lookup(bytes: &'static [u8], c: char) -> (u16, u16) {
    let Ok(font) = FontRef::new(bytes) else { return (0, 0) };
    let gid = font.charmap().map(c).unwrap_or_default();
    let adv = font.glyph_metrics(Size::unscaled(), LocationRef::default()).advance_width(gid).unwrap_or(0.0);
    (u16::try_from(gid.to_u32()).unwrap_or(0), adv.max(0.0).min(f32::from(u16::MAX)) as u16)
}

impl Face {
    pub fn load(bytes: &'static [u8], name: &'static str) -> Result<Face> {
        let missing = || Error::Pdf("font DejaVu Sans".into());
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
        Ok(Face { upem, name, bytes, table, extra: Mutex::new(HashMap::new()) })
    }

    fn glyph(&self, c: char) -> (u16, u16) {
        let u = c as u32;
        if u < TABLE {
            return self.table[u as usize];
        }
        let mut extra = self.extra.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *extra.entry(c).or_insert_with(|| lookup(self.bytes, c))
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

    /// A character's glyph id (0 when the font lacks it).
    pub fn gid(&self, c: char) -> u16 {
        self.glyph(c).0
    }

    /// The font file, for embedding its subset.
    pub fn bytes(&self) -> &'static [u8] {
        self.bytes
    }

    /// The PostScript name (the embedded subset's name after its tag).
    pub fn postscript_name(&self) -> &'static str {
        self.name
    }

    /// Ascent, descent, bounding box… in font units, for the font descriptor.
    pub fn metrics(&self) -> skrifa::metrics::Metrics {
        FontRef::new(self.bytes).map(|f| f.metrics(Size::unscaled(), LocationRef::default())).unwrap_or_default()
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
            regular: Face::load(dv::regular(), "DejaVuSansCondensed")?,
            bold: Face::load(dv::bold(), "DejaVuSansCondensed-Bold")?,
            italic: Face::load(dv::oblique(), "DejaVuSansCondensed-Oblique")?,
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
