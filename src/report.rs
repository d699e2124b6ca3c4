//! Report output: the formats, where output goes, and small helpers shared by renderers.

pub mod document;
pub mod fonts;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod pdf_canvas;
mod pdf_font;
pub mod pdf_layout;
pub mod text;
pub mod words;
pub mod wrap;

use std::io::Write;
use std::path::Path;

use crate::messages::error::{Error, Expected, Result};
use crate::output::outfile::OutFile;

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

/// Where a report goes: `--output` (through [`OutFile`]: never the book, written beside
/// its target and renamed into place, 0600, with a UTF-8 BOM for CSV so Excel shows the
/// diacritics) or stdout (no BOM, so pipes see plain text). Reports that stream write
/// through it row by row, so a district's journal never sits in memory.
pub struct Output {
    sink: Sink,
    /// The first write error, kept so a caller whose writer wrapped it (the CSV writer)
    /// can still tell a reader that left from a real failure, by kind.
    failure: Option<std::io::ErrorKind>,
}

enum Sink {
    File(OutFile),
    Stdout(std::io::BufWriter<std::io::Stdout>),
}

impl Output {
    /// `book` is the open book, which an output may never be.
    pub fn open(output: Option<&Path>, book: &Path, bom: bool) -> Result<Output> {
        let sink = match output {
            Some(path) => {
                let mut file = OutFile::create(path, Some(book))?;
                if bom {
                    file.write_all("\u{feff}".as_bytes()).map_err(|e| file.error(&e))?;
                }
                Sink::File(file)
            }
            None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout())),
        };
        Ok(Output { sink, failure: None })
    }

    /// Flushes and, for a file, puts it in place. A closed pipe (`| head`) is the
    /// reader's choice, not an error.
    pub fn finish(self) -> Result<()> {
        match self.sink {
            Sink::File(file) => file.commit(),
            Sink::Stdout(mut out) => match out.flush() {
                Err(e) if !crate::output::console::reader_gone(&e) => Err(stdout_error(&e)),
                _ => Ok(()),
            },
        }
    }

    /// The error for a failed write, unless the reader closed the pipe.
    pub fn failed(&self, e: &std::io::Error) -> Option<Error> {
        match &self.sink {
            Sink::File(file) => Some(file.error(e)),
            Sink::Stdout(_) if crate::output::console::reader_gone(e) => None,
            Sink::Stdout(_) => Some(stdout_error(e)),
        }
    }

    /// The first write that failed, if one did.
    pub fn failure(&self) -> Option<std::io::Error> {
        self.failure.map(std::io::Error::from)
    }
}

/// stdout named for a person.
fn stdout_error(e: &std::io::Error) -> Error {
    Error::os(Path::new("stdout"), e)
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = match &mut self.sink {
            Sink::File(f) => f.write(buf),
            Sink::Stdout(o) => o.write(buf),
        };
        if let Err(e) = &result {
            self.failure.get_or_insert(e.kind());
        }
        result
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = match &mut self.sink {
            Sink::File(f) => f.flush(),
            Sink::Stdout(o) => o.flush(),
        };
        if let Err(e) = &result {
            self.failure.get_or_insert(e.kind());
        }
        result
    }
}

/// Writes a finished report to `--output` or stdout (see [`Output`]).
pub fn emit(bytes: &[u8], output: Option<&Path>, book: &Path, bom: bool) -> Result<()> {
    let mut out = Output::open(output, book, bom)?;
    if let Err(e) = out.write_all(bytes) {
        return out.failed(&e).map_or(Ok(()), Err);
    }
    out.finish()
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
