//! The layers (docs/design.md §2) are crates, so the compiler holds them: cli/ and tui/
//! cannot name the store, and a lower crate cannot use a higher one. What the compiler
//! cannot hold is checked here: which crate depends on which (`cargo metadata`), that
//! only hunvon-store depends on rusqlite, and that no SQL text is written outside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each workspace package's normal (not dev, not build) dependencies, by name.
fn normal_dependencies() -> BTreeMap<String, Vec<String>> {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps", "--offline"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut graph = BTreeMap::new();
    for p in meta["packages"].as_array().expect("packages") {
        let deps = p["dependencies"]
            .as_array()
            .expect("dependencies")
            .iter()
            .filter(|d| d["kind"].is_null())
            .map(|d| d["name"].as_str().expect("name").to_string())
            .collect();
        graph.insert(p["name"].as_str().expect("name").to_string(), deps);
    }
    graph
}

fn ours(deps: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = deps.iter().map(String::as_str).filter(|d| d.starts_with("hunvon")).collect();
    v.sort_unstable();
    v
}

#[test]
fn the_crates_depend_on_each_other_as_the_layers_do() {
    let g = normal_dependencies();
    let of = |name: &str| ours(g.get(name).unwrap_or_else(|| panic!("package {name}")));
    assert_eq!(of("hunvon-core"), Vec::<&str>::new(), "the core stands alone");
    assert_eq!(of("hunvon-store"), ["hunvon-core"]);
    assert_eq!(of("hunvon-report"), ["hunvon-core"]);
    assert_eq!(of("hunvon-app"), ["hunvon-core", "hunvon-report", "hunvon-store"]);
    assert_eq!(of("hunvon"), ["hunvon-app", "hunvon-core", "hunvon-report"], "the binary never reaches the store");
}

#[test]
fn only_the_store_depends_on_rusqlite() {
    let g = normal_dependencies();
    let users: Vec<&String> = g.iter().filter(|(_, d)| d.iter().any(|d| d == "rusqlite")).map(|(p, _)| p).collect();
    assert_eq!(users, ["hunvon-store"]);
}

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

/// Whether a line holds the start of an SQL statement: a keyword in capitals opening a
/// string, or in lower case with the words a statement has (so an English sentence that
/// begins "Select a row…" is not taken for SQL).
fn has_sql(code: &str) -> bool {
    const OPENINGS: [&str; 9] = [
        "\"select ",
        "\"insert ",
        "\"update ",
        "\"delete ",
        "\"pragma ",
        "\"begin",
        "\"create ",
        "\"drop ",
        "\"alter ",
    ];
    const WORDS: [&str; 7] = [" from ", " into ", " set ", " table ", " index ", " trigger ", " where "];
    let upper = OPENINGS.iter().any(|s| code.contains(s.to_uppercase().as_str()));
    let lower = code.to_lowercase();
    upper || (OPENINGS.iter().any(|s| lower.contains(s)) && WORDS.iter().any(|w| lower.contains(w)))
}

#[test]
fn no_sql_outside_the_store() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates/core/src", "crates/report/src", "crates/app/src"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "the crates' files are found");
    let found = offending(&files, has_sql);
    assert!(found.is_empty(), "SQL lives in hunvon-store only:\n{}", found.join("\n"));
}

#[test]
fn the_checks_themselves_see_what_they_look_for() {
    assert!(has_sql("conn.execute(\"update pools set code = 'X'\", [])"));
    assert!(has_sql("let q = \"SELECT 1\";"));
    assert!(!has_sql("let s = \"selected\";"));
    assert!(!has_sql("pick(\"…\", \"Select a row of the list first.\")"));
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.rs");
    std::fs::write(&f, "// \"select code from pools\nlet q = \"select code from pools\";\n").unwrap();
    assert_eq!(offending(&[f], has_sql).len(), 1);
}
