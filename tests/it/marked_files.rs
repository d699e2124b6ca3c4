//! docs/design.md §10 "Marked files": hunvon's files are marked (`application_id` "HVN1") and
//! recognised from their header; another program's file, an empty file or a missing path is
//! refused by every command without a byte changed or a file created; a new book appears at its
//! path only whole; books made before the mark are read and marked on their next write.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{Book, path_str};
use sha2::{Digest, Sha256};

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

fn sha256(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

/// The commands a treasurer or an auditor might point at a wrong file: reads, writes,
/// `init`, read-only runs. `backup` names a file in `dir`.
fn every_kind_of_command(dir: &Path) -> Vec<Vec<String>> {
    let backup = dir.join("sao-luu.db").display().to_string();
    let lists: &[&[&str]] = &[
        &["verify"],
        &["report", "balances"],
        &["report", "journal", "--format", "csv"],
        &["export", "hledger"],
        &["slip", "PT-2026-0001"],
        &["quote", "bhyt", "--person", "TV0001", "--months", "12"],
        &["rates", "list"],
        &["backup", &backup],
        &["init", "--pool", "TO1", "--name", "Tổ hùn vốn ấp Cây Gòn"],
        &["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"],
        &["contribute", "--person", "TV0001", "--amount", "1000"],
        &["--read-only", "report", "balances"],
        &["--read-only", "verify"],
    ];
    lists.iter().map(|l| l.iter().map(|s| s.to_string()).collect()).collect()
}

/// Refused (exit 1, one sentence naming the file), not a byte changed, nothing created.
fn assert_refused_untouched(book: &Book, file: &Path, needle: &str) {
    let before = sha256(file);
    let files = listing(book.dir.path());
    for args in every_kind_of_command(book.dir.path()) {
        let out = book.cmd().arg("--db").arg(file).args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?} on {}: {err}", file.display());
        assert!(err.contains(path_str(file)) && err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert_eq!(sha256(file), before, "{args:?} changed {}", file.display());
        assert_eq!(listing(book.dir.path()), files, "{args:?} created a file");
    }
}

#[test]
fn new_books_are_marked_and_appear_whole() {
    let book = Book::new();
    let head = std::fs::read(&book.db).unwrap();
    assert_eq!(&head[..16], b"SQLite format 3\0");
    assert_eq!(&head[68..72], b"HVN1", "application_id");
    let version = i32::from_be_bytes([head[60], head[61], head[62], head[63]]);
    assert_eq!(i64::from(version), hunvon_store::open::SCHEMA_VERSION, "user_version");
    let id: i32 = book.sqlite().query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
    assert_eq!(id, 0x4856_4E31);
    assert_eq!(listing(book.dir.path()), BTreeSet::from(["so.db".to_string()]), "no temporary file left");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&book.db).unwrap().permissions().mode() & 0o777, 0o600);
}

#[test]
fn other_files_are_refused_by_every_command_without_a_byte_changed() {
    let book = Book::empty();
    let sqlite = |name: &str, sql: &str| {
        let p = book.path(name);
        let conn = rusqlite::Connection::open(&p).unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        p
    };
    let notes = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('chợ');";
    // Another program's file, with and without its own schema version; in WAL mode; with
    // its own application id; an SQLite file with nothing in it.
    let others = [
        sqlite("notes.db", notes),
        sqlite("versioned.db", &format!("{notes} PRAGMA user_version = 1;")),
        sqlite("wal.db", &format!("PRAGMA journal_mode = WAL; {notes} PRAGMA user_version = 1;")),
        sqlite("app.db", &format!("{notes} PRAGMA application_id = 1234; PRAGMA user_version = 1;")),
        sqlite("blank.db", "CREATE TABLE t (x); DROP TABLE t;"),
    ];
    for file in &others {
        assert_refused_untouched(&book, file, "không phải sổ hunvon");
    }
    // An empty file, and a file that is not SQLite at all.
    let empty = book.write("trong.db", "");
    assert_refused_untouched(&book, &empty, "0 byte");
    let text = book.write("ghi-chu.db", &"Sổ quỹ viết tay, không phải SQLite.\n".repeat(20));
    assert_refused_untouched(&book, &text, "không phải sổ hunvon");
    // English too.
    let out = book.cmd().args(["--lang", "en", "--db", path_str(&others[0]), "verify"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("another program's SQLite database"));
}

#[test]
fn a_command_on_a_missing_path_creates_nothing() {
    let book = Book::empty();
    for path in [book.path("so.db"), book.path("thu-muc-go-nham/so.db")] {
        for args in every_kind_of_command(book.dir.path()) {
            if args[0] == "init" {
                continue;
            }
            let out = book.cmd().arg("--db").arg(&path).args(&args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert!(err.contains(path_str(&path)) && err.contains("hunvon init"), "{args:?}: {err}");
            assert!(listing(book.dir.path()).is_empty(), "{args:?} created {:?}", listing(book.dir.path()));
        }
    }
    // `init` makes the book (and its folder).
    let path = book.path("thu-muc-moi/so.db");
    book.cmd().arg("--db").arg(&path).args(["init", "--pool", "TO1", "--name", "Tổ 1"]).assert().success();
    assert_eq!(listing(&book.path("thu-muc-moi")), BTreeSet::from(["so.db".to_string()]));
}

#[test]
fn books_made_before_the_mark_are_read_and_marked_on_their_next_write() {
    let book = Book::new();
    book.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "100.000"]);
    book.sqlite().execute_batch("PRAGMA application_id = 0;").unwrap();
    let before = sha256(&book.db);
    assert!(book.ok(&["--read-only", "report", "journal"]).contains("PT-2026-0001"));
    book.ok(&["--read-only", "verify"]);
    assert_eq!(sha256(&book.db), before, "a read-only open marks nothing");
    book.ok(&["contribute", "--person", "TV0001", "--amount", "200.000"]);
    assert_eq!(&std::fs::read(&book.db).unwrap()[68..72], b"HVN1", "marked by the write");
    book.ok(&["verify"]);
}

/// `demo --db` killed half-way leaves no book at the path (today's demo wrote straight into
/// it); run to the end it leaves a whole, marked book.
#[test]
fn an_interrupted_demo_leaves_no_book() {
    let book = Book::empty();
    let path = book.path("mau.db");
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("hunvon"))
        .args(["demo", "--people", "20000", "--months", "24", "--db", path_str(&path)])
        .env("HUNVON_TODAY", &book.today)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Ready when the book under construction (inside the demo's hidden folder beside the
    // target) holds pages: the demo is writing, not merely starting.
    let start = std::time::Instant::now();
    while !writing_beside(book.dir.path()) {
        assert!(child.try_wait().unwrap().is_none(), "the demo ended before it was seen writing");
        assert!(start.elapsed() < Duration::from_secs(60), "the demo never started writing");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(child.try_wait().unwrap().is_none(), "the demo should still be writing");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!path.exists(), "a half-made book at {}", path.display());
    let err = book.refused(&["--db", path_str(&path), "report", "balances"]);
    assert!(err.contains("hunvon init"), "{err}");

    book.ok(&["demo", "--people", "30", "--months", "3", "--db", path_str(&path)]);
    assert_eq!(&std::fs::read(&path).unwrap()[68..72], b"HVN1");
    book.ok(&["--db", path_str(&path), "--read-only", "verify"]);
    assert!(!listing(book.dir.path()).iter().any(|f| f.ends_with("-journal")));
}

/// Whether a hidden temporary folder in `dir` holds a non-empty file (the book being built,
/// under a temporary name of its own until it is whole).
fn writing_beside(dir: &std::path::Path) -> bool {
    let non_empty = |folder: &std::path::Path| {
        std::fs::read_dir(folder).is_ok_and(|files| files.flatten().any(|f| f.metadata().is_ok_and(|m| m.len() > 0)))
    };
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(".hunvon-") && non_empty(&e.path()))
}
