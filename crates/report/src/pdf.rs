//! Documents as A4 PDF with real, searchable text in embedded DejaVu Sans Condensed,
//! laid out here, drawn by pdf_painter.rs on pdf_canvas.rs on two threads and written by
//! pdf_file.rs: a 25 mm binding margin on the left and 15 mm elsewhere, ruled
//! tables whose names and notes wrap inside their column, amounts right-aligned,
//! headers and carried-forward lines on every page, and on every page the footer (pool,
//! printed-at, head) and its number. Slips put two pages on one sheet.
//!
//! PDF coordinates are `f32`: the PDF's files and fonts.rs are the only ones where float
//! arithmetic is allowed, and they never touch money (amounts arrive as finished text).
#![allow(clippy::float_arithmetic)]

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::document::{Block, Document};
use super::fonts::{Fonts, Style};
use super::layout::{Item, Page, paginate_counted, paginate_each};
use super::pdf_canvas::Canvas;
use super::pdf_deflate::Deflater;
use super::pdf_file::PdfFile;
use super::pdf_font::Used;
use super::pdf_layout::{FOOTER_LINES, Layout, layout_columns};
use super::pdf_painter::Painter;
use hunvon_core::messages::error::Result;

pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const LEFT: f32 = 25.0 * MM;
pub const RIGHT: f32 = 15.0 * MM;
pub const TOP: f32 = 15.0 * MM;
pub const BOTTOM: f32 = 15.0 * MM;
/// The width between the margins.
pub const WIDTH: f32 = PAGE_W - LEFT - RIGHT;
pub const TITLE: f32 = 13.0;
pub const BODY: f32 = 8.5;
pub const CELL: f32 = 7.5;
pub const SMALL: f32 = 6.5;
/// Line height as a multiple of the font size.
pub const LEAD: f32 = 1.22;
/// Space between a cell's text and its rules.
pub const PAD: f32 = 2.0;
pub const VPAD: f32 = 1.6;
/// The blank left for a signature.
pub const SIGN_GAP: f32 = 34.0;
/// The letterhead's left part (organisation, address); the right holds the form number.
pub const HEAD_LEFT: f32 = WIDTH * 0.58;

/// Renders a document as PDF bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    render_to(doc, &mut out)?;
    Ok(out)
}

/// [`render`] written to `out` page by page: the pages are counted first (each footer's
/// "Trang n/N"), then laid out here and drawn and compressed on two other threads, a
/// batch at a time, and written in order as they come back, so a year's book never sits
/// in memory as pages.
pub fn render_to(doc: &Document, out: &mut dyn std::io::Write) -> Result<()> {
    let fonts = Fonts::load()?;
    let mut cols = HashMap::new();
    for b in &doc.blocks {
        if let Block::Table(t) = b {
            cols.insert(std::ptr::from_ref(t) as usize, layout_columns(t, &fonts));
        }
    }
    // Room at the foot of every page for the longest footer (the page number beside it).
    let footer_lines = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Footer(f) => Some(fonts.face(Style::Regular).wrap(f, WIDTH - 50.0, SMALL).len().min(FOOTER_LINES)),
            _ => None,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let footer_h = footer_lines as f32 * SMALL * LEAD + 6.0;
    let layout = Layout { fonts: &fonts, cols, footer_h };
    let height = |item: &Item<'_>| (layout.height(item) * 10.0).ceil() as u32;
    let capacity = |sheet_h: f32| ((sheet_h - TOP - BOTTOM - footer_h) * 10.0) as u32;
    let pages = |sheet_h: f32| {
        let mut n = 0;
        paginate_each(doc, capacity(sheet_h), height, &mut |_| n += 1);
        n
    };
    // Half sheets only when each section (a slip's copy) fits on one; else one per page.
    let sections = 1 + doc.blocks.iter().filter(|b| matches!(b, Block::PageBreak)).count();
    let half = doc.half_page && pages(PAGE_H / 2.0) <= sections;
    let sheet_h = if half { PAGE_H / 2.0 } else { PAGE_H };
    let sheet = Sheet { h: sheet_h, per: if half { 2 } else { 1 } };
    let mut file = PdfFile::new(&fonts, PAGE_H, out);
    let used = draw_pages(doc, &layout, sheet, capacity(sheet_h), height, &mut file);
    file.finish(used)
}

/// Pages handed to a drawing thread at a time: enough that handing over costs nothing
/// against drawing, few enough that a year's book keeps only a few dozen in memory.
const BATCH: usize = 16;

/// The sheet a page is drawn on: its height, and how many pages it holds (two half
/// sheets for a slip's copies).
#[derive(Clone, Copy)]
struct Sheet {
    h: f32,
    per: usize,
}

/// Pages for a drawing thread, each with its number in the document and their count.
type Batch<'a> = Vec<(usize, usize, Page<'a>)>;

/// The drawing thread's two ends of the line: batches to draw, and their sheets' streams
/// back, compressed.
struct Drawer<'a> {
    give: SyncSender<Batch<'a>>,
    drawn: Receiver<Vec<Vec<u8>>>,
}

/// Lays `doc` out into pages on this thread and draws them on two others, a batch of
/// pages each in turn, writing each sheet to `file` in order as its batch comes back.
/// Returns the glyphs drawn, by face.
fn draw_pages<'a>(
    doc: &'a Document,
    layout: &Layout<'_>,
    sheet: Sheet,
    capacity: u32,
    height: impl Fn(&Item<'_>) -> u32,
    file: &mut PdfFile<'_, '_>,
) -> [Used; 3] {
    std::thread::scope(|scope| {
        let mut threads = Vec::new();
        let mut drawers = Vec::new();
        for _ in 0..2 {
            let (give, batches) = sync_channel::<Batch<'a>>(1);
            let (done, drawn) = sync_channel(1);
            threads.push(scope.spawn(move || draw_batches(doc, layout, sheet, &batches, &done)));
            drawers.push(Drawer { give, drawn });
        }
        // Batches handed over and written; a batch is written before the one two after
        // it is handed to the same thread, so at most four are on their way.
        let (mut given, mut written) = (0, 0);
        let write_next = |file: &mut PdfFile<'_, '_>, written: &mut usize| {
            // A thread that failed has no batch to give back: its panic is raised below.
            for packed in drawers[*written % 2].drawn.recv().unwrap_or_default() {
                file.page(&packed, PAGE_W);
            }
            *written += 1;
        };
        let mut batch = Vec::with_capacity(BATCH);
        let mut n = 0;
        paginate_counted(doc, capacity, height, &mut |p, count| {
            batch.push((n, count, p));
            n += 1;
            if n == count || (batch.len() >= BATCH && n % sheet.per == 0) {
                if given >= 2 {
                    write_next(file, &mut written);
                }
                let _ = drawers[given % 2].give.send(std::mem::take(&mut batch));
                given += 1;
            }
        });
        while written < given {
            write_next(file, &mut written);
        }
        drop(drawers);
        let mut used: [Used; 3] = Default::default();
        for thread in threads {
            let drawn = thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (all, more) in used.iter_mut().zip(drawn) {
                all.merge(more);
            }
        }
        used
    })
}

/// One drawing thread: each batch's pages drawn and each sheet's stream compressed, sent
/// back as the batch's; then the glyphs it drew, by face.
fn draw_batches(
    doc: &Document,
    layout: &Layout<'_>,
    sheet: Sheet,
    batches: &Receiver<Batch<'_>>,
    done: &SyncSender<Vec<Vec<u8>>>,
) -> [Used; 3] {
    let mut canvas = Canvas::new(layout.fonts, PAGE_H);
    let mut deflater = Deflater::fast();
    for batch in batches {
        let mut packed = Vec::new();
        for (n, count, p) in batch {
            let k = n % sheet.per;
            if k == 0 {
                canvas.start_page();
            }
            let mut painter = Painter::new(&mut canvas, layout.fonts, k as f32 * sheet.h);
            painter.page(layout, doc, &p.items, p.section_pages);
            // Each section (a pool's paper in a district printout) numbers its own pages,
            // as its book says ("đánh số từ trang 01 đến trang N").
            painter.footer(doc, p.footer, p.section_page.saturating_sub(1), p.section_pages, sheet.h - layout.footer_h);
            painter.flush_rules();
            if sheet.per == 2 && k == 0 {
                painter.colour_grey();
                painter.line(LEFT, sheet.h, PAGE_W - RIGHT, sheet.h, 0.3);
                painter.colour(false);
            }
            if k + 1 == sheet.per || n + 1 == count {
                let mut out = Vec::new();
                deflater.pack(canvas.finish_page(), &mut out);
                packed.push(out);
            }
        }
        if done.send(packed).is_err() {
            break;
        }
    }
    canvas.into_used()
}
