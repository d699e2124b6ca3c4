//! The layers the compiler cannot hold, held by a test: the TUI reads the book only
//! through `app`'s read models and use cases — no file under src/tui/ names rusqlite or
//! the store.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
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

#[test]
fn the_tui_never_names_the_store_or_sql() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join("tui.rs")];
    rust_files(&root.join("tui"), &mut files);
    assert!(files.len() > 10, "the TUI's files are found");
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if names(code, "rusqlite")
                || names(code, "store::")
                || code.contains("crate::store")
                || code.contains(".store.")
            {
                found.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "the TUI must go through app:\n{}", found.join("\n"));
}

#[test]
fn the_check_itself_sees_a_store_path() {
    assert!(names("use crate::store::pages;", "store::"));
    assert!(names("let x = store::Store::open(p);", "store::"));
    assert!(!names("ratatui::restore();", "store::"));
    assert!(names("use rusqlite::Connection;", "rusqlite"));
}
