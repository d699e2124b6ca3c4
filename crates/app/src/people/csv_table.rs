//! A CSV file read for an import: the header checked (required columns present, none
//! twice, unknown ones noted), rows as named cells with the line number a treasurer's
//! editor shows, and the file's SHA-256 so a second import of it can be caught.

use std::collections::HashMap;
use std::path::Path;

use hunvon_core::messages::error::{Error, Result, RowError};

/// A CSV file read into rows of named cells, each with its line number.
pub(super) struct Table {
    pub rows: Vec<(u64, HashMap<String, String>)>,
    /// Header names no field reads, as written in the file.
    pub unknown: Vec<String>,
    /// Hex SHA-256 of the file's bytes.
    pub sha256: String,
    /// Lines that could not be read as rows (not UTF-8, the wrong width): the import
    /// lists them with every other bad row, so one unreadable line hides none.
    pub unreadable: Vec<RowError>,
}

/// Reads and checks the header: every required column present, none twice.
fn header_of(raw: &csv::ByteRecord, columns: &[&str], required: &[&str]) -> Result<(Vec<String>, Vec<String>)> {
    let original: Vec<String> = raw.iter().map(|h| String::from_utf8_lossy(h).trim().to_string()).collect();
    let header: Vec<String> = original.iter().map(|h| h.to_ascii_lowercase()).collect();
    let refuse = |error| Error::Import { rows: vec![RowError { line: 1, error }] };
    for (i, h) in header.iter().enumerate() {
        // Empty names (a spreadsheet's trailing commas) are not columns, so never twins.
        if !h.is_empty() && header[..i].contains(h) {
            let expected = columns.join(",");
            return Err(refuse(Error::DuplicateColumn { column: original[i].clone(), expected }));
        }
    }
    for column in required {
        if !header.iter().any(|h| h == column) {
            return Err(refuse(Error::MissingColumn((*column).into())));
        }
    }
    let unknown =
        header.iter().zip(&original).filter(|(h, _)| !columns.contains(&h.as_str())).map(|(_, o)| o.clone()).collect();
    Ok((header, unknown))
}

/// Reads a CSV file (UTF-8, a BOM allowed) whose header has every `required` column and
/// none twice; `columns` are all those a field reads.
pub(super) fn read_table(path: &Path, columns: &[&str], required: &[&str]) -> Result<Table> {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).map_err(|e| Error::os(path, &e))?;
    let sha256 = hunvon_core::ledger::canonical::hex(&Sha256::digest(&bytes));
    let body = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    // Line numbers are counted here from byte offsets: the csv crate's own line count
    // drifts on CRLF files, and a treasurer must find the line her editor shows.
    let mut lines = LineCounter { body, offset: 0, line: 1 };
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let (header, unknown) = header_of(reader.byte_headers().map_err(Error::Csv)?, columns, required)?;
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for record in reader.byte_records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.at(p.byte())).unwrap_or(0);
                bad.push(RowError { line, error: Error::Csv(e) });
                continue;
            }
        };
        let line = record.position().map(|p| lines.at(p.byte())).unwrap_or(0);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue; // a blank line at the end of a spreadsheet export
        }
        if record.len() != header.len() {
            bad.push(RowError { line, error: Error::CsvWidth { found: record.len(), expected: header.len() } });
            continue;
        }
        let mut cells = HashMap::new();
        let mut utf8_ok = true;
        for (name, value) in header.iter().zip(record.iter()) {
            match std::str::from_utf8(value) {
                Ok(v) => {
                    cells.insert(name.clone(), v.to_string());
                }
                Err(_) => {
                    bad.push(RowError { line, error: Error::CsvNotUtf8(name.clone()) });
                    utf8_ok = false;
                    break;
                }
            }
        }
        if utf8_ok {
            rows.push((line, cells));
        }
    }
    Ok(Table { rows, unknown, sha256, unreadable: bad })
}

/// Turns byte offsets (increasing) into 1-based line numbers without rescanning.
struct LineCounter<'a> {
    body: &'a [u8],
    offset: usize,
    line: u64,
}

impl LineCounter<'_> {
    /// The line of the record starting at `byte`. On CRLF files the csv crate reports a
    /// record as starting at the `\n` of the previous line's end, so that byte is
    /// counted too.
    fn at(&mut self, byte: u64) -> u64 {
        let target = usize::try_from(byte).unwrap_or(usize::MAX).saturating_add(1).min(self.body.len());
        if target > self.offset {
            self.line += self.body[self.offset..target].iter().filter(|b| **b == b'\n').count() as u64;
            self.offset = target;
        }
        self.line
    }
}

pub(super) fn cell<'a>(row: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    row.get(name).map(String::as_str).map(str::trim).filter(|s| !s.is_empty())
}
