//! Report output: the formats, where output goes, and small helpers shared by renderers.

pub mod document;
pub mod html;
pub mod layout;
pub mod pdf;
pub mod text;
pub mod words;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Expected, Result};

/// An output format of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
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
}

/// Where a report goes: `--output` (created 0600, with a UTF-8 BOM for CSV so Excel
/// shows the diacritics) or stdout (no BOM, so pipes see plain text). Reports that
/// stream write through it row by row, so a district's journal never sits in memory.
pub struct Output {
    sink: Box<dyn Write>,
    file: Option<std::fs::File>,
    shown: String,
}

impl Output {
    pub fn open(output: Option<&Path>, bom: bool) -> Result<Output> {
        match output {
            Some(path) => {
                let shown = path.display().to_string();
                let io = |e: std::io::Error| Error::File { path: shown.clone(), detail: e.to_string() };
                let mut options = std::fs::OpenOptions::new();
                options.write(true).create(true).truncate(true);
                #[cfg(unix)]
                {
                    use std::os::unix::fs::OpenOptionsExt;
                    options.mode(0o600);
                }
                let file = options.open(path).map_err(io)?;
                let mut sink = std::io::BufWriter::new(file.try_clone().map_err(io)?);
                if bom {
                    sink.write_all("\u{feff}".as_bytes()).map_err(io)?;
                }
                Ok(Output { sink: Box::new(sink), file: Some(file), shown })
            }
            None => Ok(Output {
                sink: Box::new(std::io::BufWriter::new(std::io::stdout())),
                file: None,
                shown: "stdout".into(),
            }),
        }
    }

    /// Flushes and, for a file, makes it durable. A closed pipe (`| head`) is the
    /// reader's choice, not an error.
    pub fn finish(mut self) -> Result<()> {
        let result = self.sink.flush().and_then(|()| match &self.file {
            Some(f) => f.sync_all(),
            None => Ok(()),
        });
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Error::File { path: self.shown.clone(), detail: e.to_string() }),
        }
    }

    /// The error for a failed write, unless the reader closed the pipe.
    pub fn failed(&self, e: std::io::Error) -> Option<Error> {
        (e.kind() != std::io::ErrorKind::BrokenPipe)
            .then(|| Error::File { path: self.shown.clone(), detail: e.to_string() })
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.sink.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.sink.flush()
    }
}

/// Writes a finished report to `--output` or stdout (see [`Output`]).
pub fn emit(bytes: &[u8], output: Option<&Path>, bom: bool) -> Result<()> {
    let mut out = Output::open(output, bom)?;
    if let Err(e) = out.write_all(bytes)
        && let Some(err) = out.failed(e)
    {
        return Err(err);
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
    w.into_inner().map_err(|e| Error::Csv(e.to_string()))
}

/// Neutralises a cell a spreadsheet would run as a formula (`=cmd|…`, `+`, `-`, `@`):
/// a leading apostrophe makes it text. Amounts are written as integers, not through here.
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}
