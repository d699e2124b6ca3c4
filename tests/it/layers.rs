//! The layers the compiler cannot hold, held by a test: the TUI and the command line reach
//! the book only through `app` (no file under src/tui/ or src/cli/ names rusqlite or the
//! store), only the store speaks SQL, and only the store (and the error type that
//! classifies SQLite's failures) names rusqlite.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether `text` names `word` as a whole identifier path segment.
fn names(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text.get(..i).and_then(|t| t.chars().next_back());
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every line of `files` (comments left out) for which `bad` holds, as `file:line: text`.
fn offending(files: &[PathBuf], bad: impl Fn(&str) -> bool) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if bad(code) {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    found
}

/// Whether a line of a front end reaches past `app` into the store or SQLite.
fn reaches_the_store(code: &str) -> bool {
    names(code, "rusqlite") || names(code, "store::") || code.contains("crate::store") || code.contains(".store.")
}

#[test]
fn the_tui_never_names_the_store_or_sql() {
    let mut files = vec![src().join("tui.rs")];
    rust_files(&src().join("tui"), &mut files);
    assert!(files.len() > 10, "the TUI's files are found");
    let found = offending(&files, reaches_the_store);
    assert!(found.is_empty(), "the TUI must go through app:\n{}", found.join("\n"));
}

#[test]
fn the_command_line_never_names_the_store_or_sql() {
    let mut files = vec![src().join("cli.rs")];
    rust_files(&src().join("cli"), &mut files);
    assert!(files.len() > 8, "the command line's files are found");
    let found = offending(&files, reaches_the_store);
    assert!(found.is_empty(), "the command line must go through app:\n{}", found.join("\n"));
}

#[test]
fn only_the_store_names_rusqlite() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    // error turns SQLite's failures into sentences, by their result code.
    let allowed = |f: &Path| {
        f.starts_with(src().join("store"))
            || f.starts_with(src().join("messages/error"))
            || f == src().join("messages/error.rs")
    };
    let others: Vec<PathBuf> = files.into_iter().filter(|f| !allowed(f)).collect();
    let found = offending(&others, |code| names(code, "rusqlite"));
    assert!(found.is_empty(), "only store/ speaks to SQLite:\n{}", found.join("\n"));
}

#[test]
fn no_sql_outside_the_store() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let others: Vec<PathBuf> = files.into_iter().filter(|f| !f.starts_with(src().join("store"))).collect();
    let sql = ["\"SELECT ", "\"INSERT ", "\"UPDATE ", "\"DELETE ", "\"PRAGMA ", "\"BEGIN", "\"CREATE "];
    let found = offending(&others, |code| sql.iter().any(|s| code.contains(s)));
    assert!(found.is_empty(), "SQL lives in store/ only:\n{}", found.join("\n"));
}

#[test]
fn the_checks_themselves_see_what_they_look_for() {
    assert!(names("use crate::store::pages;", "store::"));
    assert!(names("let x = store::Store::open(p);", "store::"));
    assert!(!names("ratatui::restore();", "store::"));
    assert!(names("use rusqlite::Connection;", "rusqlite"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.rs");
    std::fs::write(&f, "// rusqlite in a comment\nlet c = rusqlite::Connection::open(p);\n").unwrap();
    assert_eq!(offending(&[f], |code| names(code, "rusqlite")).len(), 1);
}
