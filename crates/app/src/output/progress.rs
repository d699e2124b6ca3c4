//! A progress bar on stderr for long work (`collect` of a large chapter). It appears only
//! once the work has run for a second, only on a terminal (a script's log gets no
//! carriage returns), is redrawn at most ten times a second, and is wiped when done.
//! Hand-written: forty lines do not earn a dependency and its own terminal handling.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const AFTER: Duration = Duration::from_secs(1);
const EVERY: Duration = Duration::from_millis(100);
const WIDTH: u64 = 30;

pub struct Bar {
    label: String,
    started: Instant,
    drawn: Option<Instant>,
    terminal: bool,
}

impl Bar {
    /// A bar for work called `label` ("bản ghi", "records").
    pub fn new(label: &str) -> Bar {
        Bar {
            label: label.to_string(),
            started: Instant::now(),
            drawn: None,
            terminal: std::io::stderr().is_terminal(),
        }
    }

    /// `done` of `total` units are done.
    pub fn update(&mut self, done: u64, total: u64) {
        if !self.terminal || self.started.elapsed() < AFTER || self.drawn.is_some_and(|d| d.elapsed() < EVERY) {
            return;
        }
        let total = total.max(1);
        let filled = (done.min(total) * WIDTH / total) as usize;
        let line = format!(
            "\r[{}{}] {:>3}% {}/{} {}",
            "#".repeat(filled),
            "-".repeat(WIDTH as usize - filled),
            done.min(total) * 100 / total,
            hunvon_core::domain::money::group(i64::try_from(done).unwrap_or(i64::MAX)),
            hunvon_core::domain::money::group(i64::try_from(total).unwrap_or(i64::MAX)),
            self.label
        );
        // Nowhere to report a failing stderr: the bar is only a courtesy.
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes()).and_then(|()| err.flush());
        self.drawn = Some(Instant::now());
    }

    /// Wipes the bar, if it was drawn, so the outcome's lines start clean.
    pub fn finish(&mut self) {
        if self.drawn.take().is_some() {
            let mut err = std::io::stderr().lock();
            let _ =
                err.write_all(format!("\r{}\r", " ".repeat(WIDTH as usize + 40)).as_bytes()).and_then(|()| err.flush());
        }
    }
}
