//! One DejaVu face embedded in a PDF: the subset of the glyphs drawn (subsetter), a
//! CIDFontType2 whose codes are two printable bytes (see `Used`), its widths, the map from
//! codes to the subset's glyphs and the ToUnicode map that makes the text searchable.
#![allow(clippy::float_arithmetic)]

use pdf_writer::types::{FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Chunk, Filter, Finish, Name, Rect, Ref, Str, Stream};

use super::fonts::{Face, Style};
use hunvon_core::messages::error::{Error, Result};

/// The bytes a glyph code is made of: printable ASCII without `(`, `)` and `\`, so a code
/// string is written as is.
const ALPHABET: &[u8] = b"!\"#$%&'*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// The glyphs of one face drawn so far, each with the character it was drawn for (the
/// smallest, when several share a glyph). A glyph's code follows from its id alone
/// ([`code`]), so pages drawn on two threads agree on it and their glyphs merge.
#[derive(Default)]
pub struct Used {
    /// Indexed by glyph id.
    chars: Vec<Option<char>>,
}

impl Used {
    /// The code of glyph `gid`, drawn for `c`.
    pub fn code(&mut self, gid: u16, c: char) -> [u8; 2] {
        let slot = gid as usize;
        if slot >= self.chars.len() {
            self.chars.resize(slot + 1, None);
        }
        let seen = &mut self.chars[slot];
        if seen.is_none_or(|s| c < s) {
            *seen = Some(c);
        }
        code(gid)
    }

    /// Adds the glyphs another page drawer used.
    pub fn merge(&mut self, other: Used) {
        for (gid, c) in other.glyphs() {
            self.code(gid, c);
        }
    }

    /// (glyph id, character) of every glyph used, by id.
    fn glyphs(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.chars.iter().enumerate().filter_map(|(gid, c)| Some((u16::try_from(gid).ok()?, (*c)?)))
    }
}

/// Glyph `gid`'s code: its id in base 91 written in `ALPHABET`. 91 × 91 codes: more
/// than DejaVu's 6.253 glyphs, so two glyphs never share one.
fn code(gid: u16) -> [u8; 2] {
    let (k, n) = (usize::from(gid), ALPHABET.len());
    [ALPHABET[(k / n).min(n - 1)], ALPHABET[k % n]]
}

fn cid(code: [u8; 2]) -> u16 {
    u16::from_be_bytes(code)
}

/// The objects that embed `face` as drawn in `style` (the glyphs in `used`) under the
/// font `type0`, numbered from `refs`: (number, object), each its own chunk.
pub fn font_objects(face: &Face, style: Style, used: &Used, type0: Ref, refs: [Ref; 5]) -> Result<Vec<(Ref, Chunk)>> {
    let mut remapper = subsetter::GlyphRemapper::new();
    for (gid, _) in used.glyphs() {
        remapper.remap(gid);
    }
    let subset = subsetter::subset(face.bytes(), 0, &remapper).map_err(|e| Error::Pdf(format!("font: {e}")))?;
    let base = format!("{}+{}", subset_tag(used), face.postscript_name());
    let [cid_ref, descriptor_ref, cmap_ref, map_ref, file_ref] = refs;
    let info = SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 };
    let mut top = Chunk::new();
    top.type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);
    let (map, cmap) = glyph_maps(used, &remapper, info);
    // The font file says how long the font is unpacked.
    let length = i32::try_from(subset.len()).unwrap_or(i32::MAX);
    let file = deflated(file_ref, &subset, |s| {
        s.pair(Name(b"Length1"), length);
    });
    Ok(vec![
        (type0, top),
        (cid_ref, cid_font(face, used, &base, info, [cid_ref, descriptor_ref, map_ref])),
        (map_ref, deflated(map_ref, &map, |_| {})),
        (cmap_ref, deflated(cmap_ref, &cmap, |_| {})),
        (descriptor_ref, descriptor(face, style, &base, descriptor_ref, file_ref)),
        (file_ref, file),
    ])
}

/// The subset's name: six capitals that change with the glyphs it holds (PDF wants a
/// subset's fonts told apart by a tag before the face's name).
fn subset_tag(used: &Used) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (gid, _) in used.glyphs() {
        h = (h ^ u64::from(gid)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6).map(|i| char::from(b'A' + ((h >> (i * 8)) % 26) as u8)).collect()
}

/// Font units to the thousandths of an em that PDF's font dictionaries count in.
fn per_mille(face: &Face) -> impl Fn(f32) -> f32 {
    let upem = f32::from(face.metrics().units_per_em.max(1));
    move |v| v * 1000.0 / upem
}

/// The CIDFont (`refs`: itself, its descriptor, its CID → glyph map) with the width of
/// every code used.
fn cid_font(face: &Face, used: &Used, base: &str, info: SystemInfo, refs: [Ref; 3]) -> Chunk {
    let [cid_ref, descriptor_ref, map_ref] = refs;
    let to1000 = per_mille(face);
    let mut chunk = Chunk::new();
    let mut cid_font = chunk.cid_font(cid_ref);
    cid_font
        .subtype(pdf_writer::types::CidFontType::Type2)
        .base_font(Name(base.as_bytes()))
        .system_info(info)
        .font_descriptor(descriptor_ref)
        .default_width(0.0)
        .cid_to_gid_map_stream(map_ref);
    let mut widths = cid_font.widths();
    for (gid, c) in used.glyphs() {
        widths.consecutive(cid(code(gid)), [to1000(face.units(c) as f32)]);
    }
    widths.finish();
    cid_font.finish();
    chunk
}

/// The two maps from a code: to the subset's glyph (CIDToGIDMap: two bytes a code, the
/// remapper's order, .notdef first) and to the character it was drawn for (ToUnicode,
/// which makes the text searchable and copyable).
fn glyph_maps(used: &Used, remapper: &subsetter::GlyphRemapper, info: SystemInfo) -> (Vec<u8>, Vec<u8>) {
    let max = used.glyphs().map(|(gid, _)| cid(code(gid))).max();
    let mut map = vec![0u8; 2 * (usize::from(max.unwrap_or(0)) + 1)];
    let mut cmap = UnicodeCmap::<u16>::new(Name(b"Custom"), info);
    for (gid, c) in used.glyphs() {
        let Some(new) = remapper.get(gid) else { continue };
        let code = cid(code(gid));
        let at = 2 * usize::from(code);
        map[at..at + 2].copy_from_slice(&new.to_be_bytes());
        if gid != 0 {
            cmap.pair(code, c);
        }
    }
    (map, cmap.finish().into_vec())
}

/// The font descriptor: the face's box and metrics, its style's flags and stem, and the
/// embedded font file `file_ref`.
fn descriptor(face: &Face, style: Style, base: &str, id: Ref, file_ref: Ref) -> Chunk {
    let m = face.metrics();
    let to1000 = per_mille(face);
    let bbox = m.bounds.map_or(Rect::new(0.0, 0.0, 1000.0, 1000.0), |b| {
        Rect::new(to1000(b.x_min), to1000(b.y_min), to1000(b.x_max), to1000(b.y_max))
    });
    let mut flags = FontFlags::SYMBOLIC;
    if style == Style::Italic {
        flags |= FontFlags::ITALIC;
    }
    let mut chunk = Chunk::new();
    chunk
        .font_descriptor(id)
        .name(Name(base.as_bytes()))
        .flags(flags)
        .bbox(bbox)
        .italic_angle(m.italic_angle)
        .ascent(to1000(m.ascent))
        .descent(to1000(m.descent))
        .cap_height(to1000(m.cap_height.unwrap_or(m.ascent)))
        .stem_v(if style == Style::Bold { 120.0 } else { 80.0 })
        .font_file2(file_ref);
    chunk
}

/// A stream object holding `data` deflated; `extra` adds entries to its dictionary.
fn deflated(id: Ref, data: &[u8], extra: impl FnOnce(&mut Stream<'_>)) -> Chunk {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, 6);
    let mut chunk = Chunk::new();
    let mut stream = chunk.stream(id, &packed);
    stream.filter(Filter::FlateDecode);
    extra(&mut stream);
    stream.finish();
    chunk
}
