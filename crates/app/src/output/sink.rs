//! Where a report goes (`--output` or stdout), kept out of the renderers so they stay free of
//! I/O: they write to this sink through `io::Write`.

use std::io::Write;
use std::path::Path;

use hunvon_core::messages::error::{Error, Result};

use super::outfile::OutFile;

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
                Err(e) if !super::console::reader_gone(&e) => Err(stdout_error(&e)),
                _ => Ok(()),
            },
        }
    }

    /// The error for a failed write, unless the reader closed the pipe.
    pub fn failed(&self, e: &std::io::Error) -> Option<Error> {
        match &self.sink {
            Sink::File(file) => Some(file.error(e)),
            Sink::Stdout(_) if super::console::reader_gone(e) => None,
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
