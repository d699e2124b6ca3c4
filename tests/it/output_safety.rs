//! docs/design.md §10 "No output onto a book", "Pipes", "No terminal", "Privacy" (OS errors): every
//! file hunvon writes besides the book, what happens when nobody reads its output, and
//! the sentence a person gets when the operating system says no.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{Book, book, path_str};

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("hunvon").display().to_string()
}

/// A book with one member and one contribution (PT-2026-0001).
fn with_voucher() -> Book {
    book().joined("2026-01-01").person("TV0001", "Lê Thị Thu Hương").contribute("TV0001", "200.000", None).done()
}

/// Every file in the book's folder with its bytes, except SQLite's own side files.
fn folder(book: &Book) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(book.dir.path())
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            !n.ends_with("-wal") && !n.ends_with("-shm") && !n.ends_with("-journal")
        })
        .map(|e| {
            let bytes = if e.file_type().unwrap().is_file() { std::fs::read(e.path()).unwrap() } else { Vec::new() };
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Letters only Vietnamese uses here (any non-ASCII letter in an English sentence).
fn has_vietnamese(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// How many receipts (PT-…) the book holds.
fn contributions(book: &Book) -> usize {
    let csv = book.ok(&["report", "journal", "--format", "csv"]);
    let vouchers: std::collections::BTreeSet<&str> =
        csv.lines().filter_map(|l| l.split(',').next()).filter(|v| v.starts_with("PT-")).collect();
    vouchers.len()
}

#[test]
fn an_output_is_never_the_book_nor_an_sqlite_file() {
    let book = with_voucher();
    let db = book.db.clone();
    let link = book.path("lien-ket.db");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    let hard = book.path("cung-tep.db");
    std::fs::hard_link(&db, &hard).unwrap();
    let other = book.path("chuong-trinh-khac.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    let side = |s: &str| PathBuf::from(format!("{}{s}", db.display()));
    let relative = PathBuf::from(format!("./{}", db.file_name().unwrap().to_string_lossy()));
    let targets =
        [db.clone(), side("-journal"), side("-wal"), side("-shm"), link.clone(), hard.clone(), other, relative];
    let before = folder(&book);
    for target in &targets {
        let t = path_str(target);
        let commands: Vec<Vec<&str>> = vec![
            vec!["--read-only", "report", "summary", "--output", t],
            vec!["report", "balances", "--format", "csv", "--output", t],
            vec!["report", "journal", "--format", "csv", "--output", t],
            vec!["export", "hledger", "--output", t],
            vec!["slip", "PT-2026-0001", "--output", t],
            vec!["backup", t],
            vec!["demo", "--people", "3", "--months", "1", "--db", t],
        ];
        for args in commands {
            let out = book.cmd().current_dir(book.dir.path()).args(&args).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{args:?} must be refused: {err}");
            assert!(err.trim().lines().count() == 1 && !err.contains("panicked"), "{args:?}: {err}");
            assert_eq!(folder(&book), before, "{args:?} wrote something");
        }
    }
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    let verify = book.run(&["verify"]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    assert_eq!(contributions(&book), 1);
}

#[test]
fn a_failed_output_leaves_no_file_and_keeps_the_old_one() {
    let book = with_voucher();
    book.ok(&["--pool", "TO2", "init", "--name", "Tổ hai"]);
    // Two pools and no --pool: the journal is refused after its output was opened.
    let partial = book.path("nhat-ky.csv");
    let err = book.refused(&["report", "journal", "--format", "csv", "--output", path_str(&partial)]);
    assert!(err.contains("--pool"), "{err}");
    assert!(!partial.exists(), "a failed report left {} bytes", std::fs::read(&partial).unwrap_or_default().len());
    let old = book.write("cu.csv", "bản cũ\n");
    book.refused(&["report", "journal", "--format", "csv", "--output", path_str(&old)]);
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "bản cũ\n");
    let names: Vec<String> = folder(&book).into_keys().collect();
    assert!(names.iter().all(|n| !n.starts_with(".hunvon-")), "temporary files left: {names:?}");
}

#[test]
fn outputs_are_0600_even_when_they_replace_a_looser_file() {
    let book = with_voucher();
    let csv = book.write("so-du.csv", "cũ");
    let journal = book.write("so.journal", "cũ");
    for f in [&csv, &journal] {
        std::fs::set_permissions(f, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    book.ok(&["report", "balances", "--format", "csv", "--output", path_str(&csv)]);
    book.ok(&["export", "hledger", "--output", path_str(&journal)]);
    for f in [&csv, &journal] {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    assert!(std::fs::read(&csv).unwrap().starts_with("\u{feff}code".as_bytes()));
    // A link to a real file is followed: the file is replaced, the link stays.
    let real = book.write("that.txt", "cũ");
    let link = book.path("link.txt");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    book.ok(&["report", "summary", "--output", path_str(&link)]);
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().contains("TO1"));
    assert_eq!(mode(&real), 0o600);
}

#[test]
fn backup_makes_no_folders_and_never_writes_through_a_link() {
    let book = with_voucher();
    let deep = book.path("chua-co/sao-luu.db");
    let err = book.refused(&["backup", path_str(&deep)]);
    assert!(err.contains("chua-co") && err.trim().lines().count() == 1, "{err}");
    assert!(!book.path("chua-co").exists(), "backup made a folder");

    // A link to nothing: refused, and nothing appears where it points.
    let dangling = book.path("usb.db");
    let pointee = book.path("noi-khac.db");
    std::os::unix::fs::symlink(&pointee, &dangling).unwrap();
    let out = Command::new("sh")
        .args(["-c", r#"umask 000; exec "$0" backup "$1""#, &bin(), path_str(&dangling)])
        .env("HUNVON_DB", &book.db)
        .env("HUNVON_TODAY", &book.today)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!pointee.exists(), "backup wrote through a dangling link");

    // Even with umask 000 the copy is the owner's only, and whole.
    let copy = book.path("sao-luu.db");
    let out = Command::new("sh")
        .args(["-c", r#"umask 000; exec "$0" backup "$1""#, &bin(), path_str(&copy)])
        .env("HUNVON_DB", &book.db)
        .env("HUNVON_TODAY", &book.today)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(mode(&copy), 0o600);
    let verify = book.cmd().args(["--db", path_str(&copy), "verify"]).output().unwrap();
    assert!(verify.status.success(), "{}", stderr(&verify));
    // An existing file is never replaced.
    let before = std::fs::read(&copy).unwrap();
    book.refused(&["backup", path_str(&copy)]);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn a_book_readable_by_others_is_made_private_with_a_warning() {
    let book = with_voucher();
    std::fs::set_permissions(&book.db, std::fs::Permissions::from_mode(0o644)).unwrap();
    // An auditor's read-only look changes nothing, not even the mode.
    book.ok(&["--read-only", "report", "balances"]);
    assert_eq!(mode(&book.db), 0o644);
    let out = book.run(&["contribute", "--person", "TV0001", "--amount", "200.000"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Cảnh báo") && stderr(&out).contains("644"), "{}", stderr(&out));
    assert_eq!(mode(&book.db), 0o600);
    let out = book.run(&["contribute", "--person", "TV0001", "--amount", "200.000"]);
    assert!(stderr(&out).is_empty(), "warned twice: {}", stderr(&out));
    // A file that is not a book is refused and left exactly as it was, mode included.
    let notes = book.write("ghi-chu.txt", "không phải sổ\n");
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    book.refused(&["--db", path_str(&notes), "contribute", "--person", "TV0001", "--amount", "1"]);
    assert_eq!(mode(&notes), 0o644);
}

/// Runs `script` with the binary as $0 and the book's environment.
fn sh(book: &Book, script: &str) -> std::process::Output {
    Command::new("sh")
        .args(["-c", script, &bin()])
        .current_dir(book.dir.path())
        .env("HUNVON_DB", &book.db)
        .env("HUNVON_TODAY", &book.today)
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap()
}

#[test]
fn a_committed_write_exits_0_when_nobody_reads_its_line() {
    let book = with_voucher();
    // The reader is gone before hunvon writes a byte: a broken pipe, deterministically.
    let mut child = Command::new(bin())
        .args(["contribute", "--person", "TV0001", "--amount", "200.000"])
        .env("HUNVON_DB", &book.db)
        .env("HUNVON_TODAY", &book.today)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    assert_eq!(contributions(&book), 2);

    // The same through a shell: `| true`, a closed stdout, a closed stderr too.
    let out = sh(&book, r#"{ "$0" contribute --person TV0001 --amount 200.000; echo $? > code; } | true"#);
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(book.path("code")).unwrap().trim(), "0");
    assert_eq!(contributions(&book), 3);
    let out = sh(&book, r#""$0" contribute --person TV0001 --amount 200.000 >&-"#);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = sh(&book, r#""$0" contribute --person TV0001 --amount 200.000 >&- 2>&-"#);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(contributions(&book), 5, "each write is in the book exactly once");

    // A warning into a broken stderr: still exit 0, still once.
    let out = sh(
        &book,
        r#"{ "$0" buy bhyt --person TV0001 --months 12 --amount 1 2>&1 >/dev/null; echo $? > code; } | true"#,
    );
    assert!(!stderr(&out).contains("panicked"));
    assert_eq!(std::fs::read_to_string(book.path("code")).unwrap().trim(), "0");

    // A stdout that fails for another reason (a full disk): the write stands, exit 0,
    // and a warning says the line was lost.
    let out = sh(&book, r#""$0" contribute --person TV0001 --amount 200.000 > /dev/full"#);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Cảnh báo") && stderr(&out).contains("stdout"), "{}", stderr(&out));
    assert_eq!(contributions(&book), 6);
}

#[test]
fn a_read_whose_reader_left_exits_0_quietly() {
    let book = with_voucher();
    for script in [
        r#"{ "$0" verify; echo $? > code; } | head -1 > /dev/null"#,
        r#"{ "$0" report journal --format csv; echo $? > code; } | true"#,
        r#"{ "$0" report summary; echo $? > code; } | true"#,
        r#"{ "$0" quote bhyt --person TV0001 --months 12; echo $? > code; } | true"#,
        r#"{ "$0" rates list; echo $? > code; } | true"#,
        r#"{ "$0" verify >&-; echo $? > code; }"#,
    ] {
        let out = sh(&book, script);
        assert!(stderr(&out).is_empty(), "{script}: {}", stderr(&out));
        assert_eq!(std::fs::read_to_string(book.path("code")).unwrap().trim(), "0", "{script}");
    }
    // A report that could not be written is a failure, named in one sentence.
    let out = sh(&book, r#""$0" --lang en verify > /dev/full"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("disk is full") && !has_vietnamese(&stderr(&out)), "{}", stderr(&out));
}

#[test]
fn the_tui_without_a_terminal_is_one_sentence() {
    let book = Book::empty();
    for (args, lang_en) in [(vec![], false), (vec!["--lang", "en"], true), (vec!["--demo"], false)] {
        let out = book.cmd().args(&args).env_remove("RUST_BACKTRACE").output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("terminal") && err.contains("hunvon report"), "{err}");
        assert!(!err.contains("panicked") && out.stdout.is_empty(), "{err}");
        assert_eq!(has_vietnamese(&err), !lang_en, "{err}");
    }
    assert!(!book.db.exists(), "no book is made for a TUI that cannot start");
}

#[test]
fn errors_from_the_os_are_one_sentence_naming_the_path() {
    let book = with_voucher();
    let folder = book.path("thu-muc");
    std::fs::create_dir(&folder).unwrap();
    let missing = book.path("khong-co.csv");
    let cases: [(&str, Vec<&str>, &str); 5] = [
        ("not found", vec!["import", "people", path_str(&missing)], path_str(&missing)),
        ("a folder", vec!["report", "summary", "--output", path_str(&folder)], path_str(&folder)),
        ("a folder to read", vec!["import", "people", path_str(&folder)], path_str(&folder)),
        // Even root may not make files in sysfs.
        (
            "permission",
            vec!["export", "hledger", "--output", "/sys/kernel/hunvon.journal"],
            "/sys/kernel/hunvon.journal",
        ),
        ("disk full", vec!["report", "balances", "--output", "/dev/full"], "/dev/full"),
    ];
    for (what, args, path) in cases {
        for lang in ["vi", "en"] {
            let out = book.cmd().args(["--lang", lang]).args(&args).output().unwrap();
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{what}: {err}");
            assert_eq!(err.trim().lines().count(), 1, "{what}: {err}");
            assert!(err.contains(path), "{what}: the path is named: {err}");
            assert!(!err.contains("os error") && !err.contains("(os"), "{what}: {err}");
            assert_eq!(has_vietnamese(&err), lang == "vi", "{what} in {lang}: {err}");
        }
    }
}

#[test]
fn a_pipe_or_device_is_written_as_it_is_never_replaced() {
    let book = with_voucher();
    let fifo = book.path("ong.fifo");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    book.ok(&["report", "summary", "--output", path_str(&fifo)]);
    assert!(reader.join().unwrap().contains("TO1"));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    book.ok(&["export", "hledger", "--output", "/dev/null"]);
    assert!(std::fs::symlink_metadata("/dev/null").unwrap().file_type().is_char_device());
}
