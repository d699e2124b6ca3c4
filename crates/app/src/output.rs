//! Where hunvon's words and files go: stdout/stderr lines that a closed pipe cannot turn
//! into a panic after a commit (`console`), and output files written beside their target
//! and renamed into place, never onto a book (`outfile`); a progress bar on stderr for
//! long work (`progress`); the sink a report is written to (`sink`).

pub mod console;
pub mod outfile;
pub mod progress;
pub mod sink;
