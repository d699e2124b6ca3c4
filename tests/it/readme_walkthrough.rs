//! The README's front door stays true: the walkthrough between `<!-- walkthrough -->` and
//! `<!-- /walkthrough -->` is run with bash exactly as written, the built binary standing in
//! for the `hunvon` alias, in a temporary folder holding the repository files it names. Every
//! file it names, and every file the README links to, exists in the repository; the lines the
//! README shows as output (`#   …`) are what hunvon prints. Needs hledger (scripts/test
//! installs it), because the walkthrough shows the export read by hledger.

use std::path::{Path, PathBuf};
use std::process::Command;

const README: &str = include_str!("../../README.md");
const START: &str = "<!-- walkthrough -->";
const END: &str = "<!-- /walkthrough -->";

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The shell text of the walkthrough: the fenced block between the two markers.
fn walkthrough() -> String {
    let (_, after) = README.split_once(START).expect("README has <!-- walkthrough -->");
    let (fenced, _) = after.split_once(END).expect("README has <!-- /walkthrough -->");
    let body = fenced.trim().strip_prefix("```sh").expect("the walkthrough is a ```sh block");
    body.strip_suffix("```").expect("the block closes before the end marker").trim().to_string()
}

/// The repository files the walkthrough names: every word with a `/` in it that is not a
/// flag, an assignment or a variable (`HUNVON_DB=$PWD/…`), a date (`31/12/2022`) or an
/// account.
fn named_files(script: &str) -> Vec<String> {
    let mut files: Vec<String> = script
        .lines()
        .flat_map(|line| line.split_whitespace())
        .map(|w| w.trim_matches(|c| matches!(c, '"' | '\'' | '`' | ',' | ';' | '(' | ')')))
        .filter(|w| w.contains('/'))
        .filter(|w| !w.starts_with('-') && !w.contains(['$', '=', ':', '|']))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '/'))
        .map(String::from)
        .collect();
    files.sort();
    files.dedup();
    files
}

#[test]
fn every_file_the_walkthrough_names_is_in_the_repository() {
    let script = walkthrough();
    let files = named_files(&script);
    assert!(files.iter().any(|f| f.starts_with("examples/")), "the walkthrough imports the example files: {files:?}");
    for f in &files {
        assert!(!f.starts_with("..") && !f.starts_with('/'), "{f} points outside the repository");
        assert!(repo().join(f).is_file(), "the walkthrough names {f}, which is not in the repository");
    }
    assert!(!README.contains("../shared") && !README.contains("/work/"), "README points outside the repository");
}

#[test]
fn every_file_the_readme_links_to_exists() {
    let mut links = 0;
    // Each piece after a `](` starts with a link target, up to its `)`.
    for piece in README.split("](").skip(1) {
        let (target, _) = piece.split_once(')').expect("link closes");
        if target.contains("://") || target.starts_with('#') {
            continue;
        }
        let path = target.split('#').next().unwrap_or(target);
        assert!(repo().join(path).exists(), "README links to {path}, which is not in the repository");
        links += 1;
    }
    assert!(links >= 3, "README links to its documents ({links} links found)");
}

/// The lines the README shows as hunvon's output, without their `#   ` prefix.
fn expected_lines(script: &str) -> Vec<&str> {
    script.lines().filter_map(|l| l.strip_prefix("#   ")).map(str::trim).collect()
}

#[test]
fn the_walkthrough_runs_as_written() {
    let script = walkthrough();
    let dir = tempfile::tempdir().expect("temp dir");
    // The repository files it names, at the same relative paths, as in a fresh clone.
    for f in named_files(&script) {
        let to = dir.path().join(&f);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
        std::fs::copy(repo().join(&f), &to).expect("copy an example file");
    }
    // Non-interactive bash does not expand aliases, so the README's `alias hunvon=…` line
    // stays as written and this function is what `hunvon` runs.
    let prelude = "set -euo pipefail\nhunvon() { \"$HUNVON_BIN\" \"$@\"; }\n";
    let path: PathBuf = dir.path().join("walkthrough.sh");
    std::fs::write(&path, format!("{prelude}{script}\n")).expect("write the script");

    let out = Command::new("bash")
        .arg(&path)
        .current_dir(dir.path())
        .env("HUNVON_BIN", env!("CARGO_BIN_EXE_hunvon"))
        .env("HUNVON_TODAY", "2026-11-24")
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env_remove("HUNVON_DB")
        .env_remove("HUNVON_LANG")
        .env_remove("HUNVON_USER")
        .env_remove("HUNVON_POOL")
        .output()
        .expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the README walkthrough failed ({:?}):\n{stdout}\n{stderr}", out.status.code());

    let printed = format!("{stdout}\n{stderr}");
    let expected = expected_lines(&script);
    assert!(expected.len() >= 5, "the README shows hunvon's output ({} lines)", expected.len());
    for line in expected {
        assert!(printed.contains(line), "the README says hunvon prints\n  {line}\nbut it printed:\n{printed}");
    }
    for made in ["bung-trop.db", "so.journal", "sao-luu-2025-01.db"] {
        assert!(dir.path().join(made).is_file(), "the walkthrough should leave {made}");
    }
    assert!(stdout.contains("refused, exit 1"), "the bad import is refused with exit 1:\n{stdout}");
}
