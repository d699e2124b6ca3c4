//! The command line's stdout and stderr (docs/design.md §10 "Pipes").
//!
//! `println!` panics when its reader has gone (`hunvon contribute … | true`): after a
//! commit, that turned a recorded contribution into exit 101, and a script that retried
//! counted it twice. Here a reader that left is not an error at all — the command's work
//! is done whether or not anyone reads the line. Any other failure of stdout (a full
//! disk behind `> file`) is remembered, so `cli` can fail a read that lost its output and
//! warn, with exit 0, after a write that committed.

use crate::words;
use std::io::{self, ErrorKind, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Mutex;

use hunvon_core::messages::error::Error;
use hunvon_core::messages::i18n::Lang;

/// The first failure of stdout other than a reader leaving.
static STDOUT_FAILURE: Mutex<Option<ErrorKind>> = Mutex::new(None);

/// Whether an error only means the reader is gone: a broken pipe, or a closed stdout.
pub fn reader_gone(e: &io::Error) -> bool {
    e.kind() == ErrorKind::BrokenPipe
}

fn remember(e: &io::Error) {
    if !reader_gone(e)
        && let Ok(mut first) = STDOUT_FAILURE.lock()
    {
        first.get_or_insert(e.kind());
    }
}

/// Writes text to stdout as it is.
pub fn out_text(text: &str) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        remember(&e);
    }
}

/// Writes one line to stdout (see [`outln!`]).
pub fn out(args: std::fmt::Arguments) {
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.write_all(b"\n")).and_then(|()| stdout.flush()) {
        remember(&e);
    }
}

/// Writes one line to stderr. There is nowhere left to report a failure of stderr
/// itself, so it is dropped.
pub fn err(args: std::fmt::Arguments) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_fmt(args).and_then(|()| stderr.write_all(b"\n"));
}

/// How stdout failed, if it did other than by its reader leaving.
pub fn stdout_failure() -> Option<ErrorKind> {
    STDOUT_FAILURE.lock().ok().and_then(|f| *f)
}

/// The exit code once a command is done, given how stdout fared. A reader that left
/// (`| head -1`) changes nothing. Any other failure fails a read, whose output is lost;
/// after a write (`committed`) it is only a warning: what was committed stays committed,
/// and exit 1 would make a script retry and record it twice.
pub fn settle(code: ExitCode, committed: bool, lang: Lang) -> ExitCode {
    let Some(kind) = stdout_failure() else { return code };
    let e = Error::os(Path::new("stdout"), &io::Error::from(kind));
    if committed {
        let lost = words::warning_written_to_the_book(lang);
        err(format_args!("{lost} {}", e.text(lang)));
        code
    } else {
        err(format_args!("{}", e.text(lang)));
        ExitCode::from(1)
    }
}

/// `println!` that never panics.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => { $crate::output::console::out(format_args!($($arg)*)) };
}

/// `eprintln!` that never panics.
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => { $crate::output::console::err(format_args!($($arg)*)) };
}

pub use crate::{errln, outln};
