//! The renderers of built papers: the formats, text, CSV, HTML and PDF, and small helpers
//! shared by them. Nothing here opens a file or a terminal: renderers write to an
//! `io::Write` the caller gives (where output goes is `hunvon_app::output::sink`).

pub mod document;
pub mod fonts;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod pdf_canvas;
mod pdf_deflate;
mod pdf_file;
mod pdf_font;
pub mod pdf_layout;
mod pdf_painter;
pub mod sentences;
pub mod text;
pub mod words;
pub mod wrap;

use std::io::Write;
use std::path::Path;

use hunvon_core::messages::error::{Error, Expected, Result};

/// An output format of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Csv,
    Json,
    Html,
    Pdf,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["text", "csv", "json", "html", "pdf"];

    pub fn parse(field: &str, value: &str) -> Result<Format> {
        match value.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            "html" => Ok(Format::Html),
            "pdf" => Ok(Format::Pdf),
            _ => Err(Error::BadValue {
                field: field.into(),
                value: value.into(),
                expected: Expected::Format(Self::NAMES),
            }),
        }
    }

    /// The file name extension a file in this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }
}

/// Renders a document in a human format (text, html or pdf).
pub fn render_document(doc: &document::Document, format: Format) -> Result<Vec<u8>> {
    match format {
        Format::Html => Ok(html::render(doc).into_bytes()),
        Format::Pdf => pdf::render(doc),
        _ => Ok(text::render(doc).into_bytes()),
    }
}

/// [`render_document`] written to `out`: text and PDF page by page as each is laid out.
pub fn render_document_to(doc: &document::Document, format: Format, out: &mut dyn Write) -> Result<()> {
    // A failed write names the output where the caller knows it (`Output::failed`).
    let io = |e: std::io::Error| Error::os(Path::new("output"), &e);
    match format {
        Format::Html => out.write_all(html::render(doc).as_bytes()).map_err(io),
        Format::Pdf => pdf::render_to(doc, out),
        _ => text::render_to(doc, out).map_err(io),
    }
}

/// Pads `s` to `width` characters on the right (text columns; Vietnamese NFC letters are
/// one column each).
pub fn pad_right(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width { s.to_string() } else { format!("{s}{}", " ".repeat(width - n)) }
}

/// Pads `s` to `width` characters on the left (amounts).
pub fn pad_left(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width { s.to_string() } else { format!("{}{s}", " ".repeat(width - n)) }
}

/// A CSV writer into memory.
pub fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().from_writer(Vec::new())
}

/// The bytes of a finished CSV writer.
pub fn csv_bytes(w: csv::Writer<Vec<u8>>) -> Result<Vec<u8>> {
    w.into_inner().map_err(|e| Error::Csv(e.into_error().into()))
}

/// Neutralises a cell a spreadsheet would run as a formula (`=cmd|…`, `+`, `-`, `@`):
/// a leading apostrophe makes it text. Amounts are written as integers, not through here.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}
