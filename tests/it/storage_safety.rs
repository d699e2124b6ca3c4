//! docs/design.md §4 "Rollback journal, not WAL", §10 "Read-only media": the rollback journal.
//! `--read-only` reads a book on read-only media (a mount, a folder or a file it cannot write)
//! and creates nothing beside it; after every acknowledged write the `.db` file alone holds
//! every voucher. Books made before (WAL, no id) are read the same way and switched on their
//! next write.
//!
//! The mount needs root (CI runs as root); as root the folder and file cases run as the
//! user `nobody` through setpriv, since root may write anywhere.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{Book, book, path_str};

/// A book with a pool, one person and three contributions (PT-2026-0001 … 0003).
fn prepared() -> Book {
    let mut b = book().person("TV0001", "Lê Thị Thu Hương");
    for amount in ["100.000", "200.000", "300.000"] {
        b = b.contribute("TV0001", amount, None);
    }
    b.done()
}

fn expected(n: usize) -> BTreeSet<String> {
    (1..=n).map(|i| format!("PT-2026-{i:04}")).collect()
}

/// Makes `db` look like a book from before this change: no id, and in WAL mode.
fn make_old_wal(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch("PRAGMA application_id = 0;").unwrap();
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

/// The names in a folder.
fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

/// hunvon on the book at `db`, optionally as another user (`nobody` when we are root).
fn run_on(book: &Book, db: &Path, as_other: bool, args: &[&str]) -> Output {
    let mut cmd = if as_other && is_root() {
        let mut c = Command::new("setpriv");
        c.args(["--reuid", "65534", "--regid", "65534", "--clear-groups"]).arg(assert_cmd::cargo::cargo_bin("hunvon"));
        c
    } else {
        Command::new(assert_cmd::cargo::cargo_bin("hunvon"))
    };
    cmd.env("HUNVON_TODAY", &book.today).env_remove("HUNVON_DB").arg("--db").arg(db).args(args);
    cmd.output().unwrap()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// The vouchers a read-only `report journal` lists, or the one-line refusal.
fn read_vouchers(book: &Book, db: &Path, as_other: bool) -> Result<BTreeSet<String>, String> {
    let out = run_on(book, db, as_other, &["--read-only", "report", "journal", "--format", "csv"]);
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    Ok(r.records().map(|x| x.unwrap()[0].to_string()).collect())
}

fn assert_verifies_read_only(book: &Book, db: &Path, as_other: bool) {
    let out = run_on(book, db, as_other, &["--read-only", "verify"]);
    assert!(out.status.success(), "verify: {}", String::from_utf8_lossy(&out.stderr));
}

/// A tmpfs mounted at `dir`, unmounted on drop.
struct Mount(PathBuf);

impl Mount {
    /// Mounts a small tmpfs at `dir`, copies `files` into it and makes it read-only.
    fn read_only_with(dir: PathBuf, files: &[(PathBuf, &str)]) -> Mount {
        std::fs::create_dir_all(&dir).unwrap();
        let ok = Command::new("mount").args(["-t", "tmpfs", "-o", "size=4m", "tmpfs", path_str(&dir)]).status();
        assert!(matches!(ok, Ok(s) if s.success()), "this test mounts a tmpfs and needs root");
        let mount = Mount(dir);
        for (from, name) in files {
            std::fs::copy(from, mount.0.join(name)).unwrap();
        }
        let ok = Command::new("mount").args(["-o", "remount,ro", path_str(&mount.0)]).status().unwrap();
        assert!(ok.success());
        mount
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// An old WAL book whose `-wal` holds vouchers never folded into the file: another
/// connection stays open while hunvon writes, so nothing is checkpointed. Returns the
/// copies of the three files, taken while that connection is still open.
fn old_book_with_pending_wal(book: &Book, into: &Path) -> [PathBuf; 3] {
    make_old_wal(&book.db);
    let holder = rusqlite::Connection::open(&book.db).unwrap();
    let _: i64 = holder.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "400.000"]);
    let copies = ["", "-wal", "-shm"].map(|s| into.join(format!("so.db{s}")));
    std::fs::create_dir_all(into).unwrap();
    for (suffix, copy) in ["", "-wal", "-shm"].iter().zip(&copies) {
        std::fs::copy(format!("{}{suffix}", book.db.display()), copy).unwrap();
    }
    assert!(std::fs::metadata(&copies[1]).unwrap().len() > 0, "the -wal holds the last voucher");
    drop(holder);
    copies
}

/// Point 4: a book on a read-only mount — in the rollback journal, an old WAL book alone,
/// with its `-wal` and `-shm`, and with only its `-wal` — is read whole or refused with a
/// sentence saying what to do; nothing is created; a write is refused in one sentence.
#[test]
fn read_only_reads_a_book_on_a_read_only_mount_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let book = prepared();

    let plain = Mount::read_only_with(dir.path().join("plain"), &[(book.db.clone(), "so.db")]);
    let old = prepared();
    make_old_wal(&old.db);
    let old_alone = Mount::read_only_with(dir.path().join("old"), &[(old.db.clone(), "so.db")]);
    for mount in [&plain, &old_alone] {
        let db = mount.0.join("so.db");
        let before = listing(&mount.0);
        assert_eq!(read_vouchers(&book, &db, false), Ok(expected(3)), "{}", db.display());
        assert_verifies_read_only(&book, &db, false);
        assert_eq!(listing(&mount.0), before);
        let out = run_on(&book, &db, false, &["contribute", "--person", "TV0001", "--amount", "1000"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1));
        assert!(err.contains("--read-only") && err.trim().lines().count() == 1, "{err}");
    }

    let pending = prepared();
    let [db, wal, shm] = old_book_with_pending_wal(&pending, &dir.path().join("copies"));
    let whole = Mount::read_only_with(
        dir.path().join("whole"),
        &[(db.clone(), "so.db"), (wal.clone(), "so.db-wal"), (shm, "so.db-shm")],
    );
    let before = listing(&whole.0);
    assert_eq!(read_vouchers(&book, &whole.0.join("so.db"), false), Ok(expected(4)));
    assert_verifies_read_only(&book, &whole.0.join("so.db"), false);
    assert_eq!(listing(&whole.0), before);

    let no_shm = Mount::read_only_with(dir.path().join("no-shm"), &[(db, "so.db"), (wal, "so.db-wal")]);
    let err = read_vouchers(&book, &no_shm.0.join("so.db"), false).unwrap_err();
    assert!(err.contains("so.db-wal") && err.contains("--read-only") && !err.contains("unable to open"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(listing(&no_shm.0), BTreeSet::from(["so.db".to_string(), "so.db-wal".to_string()]));
}

/// docs/design.md §10 "Read-only media": an auditor's `--read-only` run in a shared, writable
/// folder leaves nothing behind — also on an old WAL book, where SQLite itself would leave
/// `-wal`/`-shm` — and the treasurer's next write goes through.
#[test]
fn read_only_in_a_shared_folder_leaves_no_files_behind() {
    for old in [false, true] {
        let book = prepared();
        if old {
            make_old_wal(&book.db);
        }
        let before = listing(book.dir.path());
        let sum = std::fs::read(&book.db).unwrap();
        assert_eq!(read_vouchers(&book, &book.db, false), Ok(expected(3)));
        book.ok(&["--read-only", "report", "balances"]);
        assert_verifies_read_only(&book, &book.db, false);
        assert_eq!(listing(book.dir.path()), before, "old WAL book: {old}");
        assert_eq!(std::fs::read(&book.db).unwrap(), sum, "not a byte changed");
        book.ok(&["contribute", "--person", "TV0001", "--amount", "1000"]);
        assert_eq!(listing(book.dir.path()), before);
    }
}

/// Point 4: a folder and a file the reader may not write (another user, so that
/// permissions count): read whole, nothing created.
#[test]
fn read_only_works_in_a_folder_or_on_a_file_it_cannot_write() {
    use std::os::unix::fs::PermissionsExt;
    let other = if is_root() { Some(65534) } else { None };
    for old in [false, true] {
        // A folder it cannot write, holding a book it may read.
        let book = prepared();
        if old {
            make_old_wal(&book.db);
        }
        std::fs::set_permissions(book.dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
        if let Some(uid) = other {
            std::os::unix::fs::chown(&book.db, Some(uid), None).unwrap();
        }
        let before = listing(book.dir.path());
        assert_eq!(read_vouchers(&book, &book.db, true), Ok(expected(3)), "read-only folder, old: {old}");
        assert_verifies_read_only(&book, &book.db, true);
        assert_eq!(listing(book.dir.path()), before);
        std::fs::set_permissions(book.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();

        // A writable folder, a book it may only read.
        let book = prepared();
        if old {
            make_old_wal(&book.db);
        }
        std::fs::set_permissions(&book.db, std::fs::Permissions::from_mode(0o444)).unwrap();
        if let Some(uid) = other {
            std::os::unix::fs::chown(book.dir.path(), Some(uid), None).unwrap();
        }
        std::fs::set_permissions(book.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let before = listing(book.dir.path());
        assert_eq!(read_vouchers(&book, &book.db, true), Ok(expected(3)), "read-only file, old: {old}");
        assert_verifies_read_only(&book, &book.db, true);
        assert_eq!(listing(book.dir.path()), before);
    }
}

/// Point 4: a copy taken while a write was half-way (its `-journal` beside it) cannot be
/// read without undoing that write: `--read-only` says so in one sentence and changes
/// nothing; a normal open undoes it and every voucher is there.
#[test]
fn read_only_on_a_book_with_a_cut_off_write_says_what_to_do() {
    let book = prepared();
    let mut writer = rusqlite::Connection::open(&book.db).unwrap();
    // A small cache makes SQLite write pages (and so the journal) before the commit.
    writer.execute_batch("PRAGMA cache_size = 1;").unwrap();
    let tx = writer.transaction().unwrap();
    tx.execute_batch(
        "CREATE TABLE scratch (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) \
         INSERT INTO scratch SELECT randomblob(500) FROM n;",
    )
    .unwrap();
    let cut = tempfile::tempdir().unwrap();
    for suffix in ["", "-journal"] {
        std::fs::copy(format!("{}{suffix}", book.db.display()), cut.path().join(format!("so.db{suffix}"))).unwrap();
    }
    drop(tx);
    let db = cut.path().join("so.db");
    let before = (listing(cut.path()), std::fs::read(&db).unwrap());
    let err = read_vouchers(&book, &db, false).unwrap_err();
    assert!(err.contains("so.db-journal") && err.contains("--read-only"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!((listing(cut.path()), std::fs::read(&db).unwrap()), before, "nothing changed");
    let out = run_on(&book, &db, false, &["verify"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read_vouchers(&book, &db, false), Ok(expected(3)));
}

/// Point 5: while the TUI holds the book open (in this process, every screen drawn), a
/// write through the binary neither waits for it nor stays outside the `.db` file: a copy
/// of that one file has the voucher and verifies.
#[test]
fn the_book_file_alone_holds_every_acknowledged_write() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let book = prepared();
    let clock = hunvon_app::Clock::fixed(chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let app = hunvon_app::App::open(&book.db, false, None, hunvon_core::messages::i18n::Lang::Vi, clock).unwrap();
    let mut tui = hunvon::tui::state::Tui::new(app);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    for key in ['1', '2', '3', '4', '5', '6', '3'] {
        if let Some(a) = tui.action_for(KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE)) {
            tui.update(a);
        }
        term.draw(|f| hunvon::tui::view::render(&tui, f)).unwrap();
    }
    // The write lands while the TUI holds the book open (were it locked out, the command
    // would fail when its busy timeout ran out). How long it takes is a benchmark's
    // question: benches/tui.rs `a_write_while_the_tui_is_open`.
    let voucher = book.voucher(&["contribute", "--person", "TV0001", "--amount", "400.000"]);
    assert_eq!(voucher, "PT-2026-0004");

    let stick = tempfile::tempdir().unwrap();
    let copy = stick.path().join("so.db");
    std::fs::copy(&book.db, &copy).unwrap();
    assert_eq!(read_vouchers(&book, &copy, false), Ok(expected(4)));
    assert_verifies_read_only(&book, &copy, false);
    drop(tui);
}

/// Point 5: a book made before the rollback journal (WAL, no id) is switched on its next
/// write open: the header says rollback journal, `-wal`/`-shm` are gone, the id is set.
#[test]
fn an_old_wal_book_switches_to_the_rollback_journal_on_its_next_write() {
    let book = prepared();
    make_old_wal(&book.db);
    let head = std::fs::read(&book.db).unwrap();
    assert_eq!((head[18], head[19]), (2, 2), "WAL before");
    book.ok(&["contribute", "--person", "TV0001", "--amount", "400.000"]);
    let head = std::fs::read(&book.db).unwrap();
    assert_eq!((head[18], head[19]), (1, 1), "rollback journal after");
    assert_eq!(&head[68..72], b"HVN1");
    assert_eq!(listing(book.dir.path()), BTreeSet::from(["so.db".to_string()]));
    let stick = tempfile::tempdir().unwrap();
    let copy = stick.path().join("so.db");
    std::fs::copy(&book.db, &copy).unwrap();
    assert_eq!(read_vouchers(&book, &copy, false), Ok(expected(4)));
}

/// docs/design.md §10 "Rates in the file's chain": rates belong to the file's chain. `rates
/// set` is recorded (its head printed beside the pool's), a typo warns, and a rate changed with
/// sqlite3 — a seeded one or one set by hunvon — is named by `verify`.
#[test]
fn rates_are_held_to_the_schema_and_the_files_chain() {
    let book = prepared();
    let out = book.run(&["rates", "set", "bhyt_rate", "0.001", "--from", "01/11/2026"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Cảnh báo") && err.contains("bhyt_rate") && err.contains("0.045"), "implausible: {err}");
    let verified = book.ok(&["verify"]);
    assert!(verified.contains("Biểu phí (chuỗi của tệp): đầu chuỗi #1="), "{verified}");
    let paper = book.ok(&["report", "summary"]);
    assert!(paper.contains("Biểu phí: #1="), "the papers print the rates' head too: {paper}");
    let db = book.sqlite();
    let guard: String =
        db.query_row("SELECT sql FROM sqlite_master WHERE name = 'rates_no_update'", [], |r| r.get(0)).unwrap();
    db.execute_batch(&format!(
        "DROP TRIGGER rates_no_update;
         UPDATE rates SET value = '0.001' WHERE name = 'bhyt_rate' AND effective_from = '2015-01-01';
         {guard}"
    ))
    .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("Mức bhyt_rate từ 01/01/2015 khác với mức gốc"), "a seeded rate: {err}");
    db.execute_batch(&format!(
        "DROP TRIGGER rates_no_update;
         UPDATE rates SET value = '0.045' WHERE name = 'bhyt_rate' AND effective_from = '2015-01-01';
         UPDATE rates SET value = '0.05' WHERE name = 'bhyt_rate' AND effective_from = '2026-11-01';
         {guard}"
    ))
    .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("Mức bhyt_rate từ 01/11/2026 khác"), "a rate hunvon set: {err}");
    db.execute_batch(
        "INSERT INTO rates (name, value, effective_from, basis) VALUES ('base_salary', '1', '2026-10-01', '');",
    )
    .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("Mức base_salary từ 01/10/2026 không phải mức gốc"), "a rate added behind: {err}");
}

/// docs/design.md §10 "Imports in the chain": each import is a record of its pool's chain, so
/// an `imports` row deleted (after which the same file would import twice) is named.
#[test]
fn a_deleted_import_row_is_named() {
    let book = prepared();
    let csv = book.write("gop.csv", "date,person_code,amount\n2026-11-02,TV0001,50000\n");
    book.ok(&["import", "contributions", path_str(&csv)]);
    book.ok(&["verify"]);
    let shown = book.ok(&["verify", "--show", "#7"]);
    assert!(shown.contains(r#"{"record":"import","pool":"TO1","kind":"contributions","sha256":""#), "{shown}");
    let db = book.sqlite();
    let guard: String =
        db.query_row("SELECT sql FROM sqlite_master WHERE name = 'imports_no_delete'", [], |r| r.get(0)).unwrap();
    db.execute_batch(&format!("DROP TRIGGER imports_no_delete; DELETE FROM imports; {guard}")).unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("Lần nhập tệp gop.csv ngày 24/11/2026 có trong chuỗi băm nhưng đã bị xóa"), "{err}");
}

/// docs/design.md §10 "CSV", "Structure changed behind hunvon's back": smaller holes. One
/// invalid-UTF-8 line hides no other bad line; a `user_version` set back or a `chain` made a
/// view is one sentence, never SQL; a pool's code and the audit log changed with sqlite3 are
/// named.
#[test]
fn an_unreadable_csv_line_hides_no_other_bad_line() {
    let book = prepared();
    let csv = book.path("nguoi.csv");
    std::fs::write(&csv, b"code,full_name\nTV0101,\nTV0102,L\xff\xfe\nTV0103,\n").unwrap();
    let err = book.refused(&["import", "people", path_str(&csv)]);
    for line in ["Dòng 2:", "Dòng 3:", "Dòng 4:"] {
        assert!(err.contains(line), "{line}: {err}");
    }
}

#[test]
fn a_structure_changed_behind_hunvons_back_is_one_sentence() {
    let book = prepared();
    let copy = book.path("lui.db");
    std::fs::copy(&book.db, &copy).unwrap();
    rusqlite::Connection::open(&copy).unwrap().execute_batch("PRAGMA user_version = 1;").unwrap();
    let err = book.refused(&["--db", path_str(&copy), "verify"]);
    assert!(err.contains("đã bị sửa bằng chương trình khác") && !err.contains("CREATE"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let view = book.path("view.db");
    std::fs::copy(&book.db, &view).unwrap();
    rusqlite::Connection::open(&view)
        .unwrap()
        .execute_batch("ALTER TABLE chain RENAME TO chain_real; CREATE VIEW chain AS SELECT * FROM chain_real;")
        .unwrap();
    let err = book.refused(&["--db", path_str(&view), "verify"]);
    assert!(err.contains("đã bị sửa bằng chương trình khác"), "{err}");
    let district = Book::empty();
    let err = district.refused(&["collect", path_str(&view)]);
    assert!(err.contains("đã bị sửa bằng chương trình khác") && !err.contains("mã sổ"), "{err}");
}

#[test]
fn a_pool_code_and_the_audit_log_changed_with_sqlite_are_named() {
    let book = prepared();
    book.ok(&["person", "edit", "TV0001", "--name", "Lê Thị Thu Hà"]);
    book.ok(&["verify"]);
    let db = book.sqlite();
    let guard: String =
        db.query_row("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'", [], |r| r.get(0)).unwrap();
    db.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_value = 'Lê Thị X'; {guard}"
    ))
    .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("Nhật ký sửa đổi (audit_log) ghi một thay đổi full_name của TV0001"), "{err}");
    db.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET new_value = 'Lê Thị Thu Hà'; {guard}"
    ))
    .unwrap();
    book.ok(&["verify"]);
    let guard: String =
        db.query_row("SELECT sql FROM sqlite_master WHERE name = 'pools_origin_fixed'", [], |r| r.get(0)).unwrap();
    db.execute_batch(&format!(
        "DROP TRIGGER pools_origin_fixed; UPDATE pools SET code = 'TO2', origin_code = 'TO1'; {guard}"
    ))
    .unwrap();
    let err = book.refused(&["--pool", "TO2", "verify"]);
    assert!(err.contains("Mã quỹ TO2 khác với mã trong bản ghi quỹ"), "{err}");
}

/// docs/design.md §10 "Imports in the chain": the records a migration writes for the imports
/// made before import records existed carry the migration's time, so no clock seems set back.
#[test]
fn records_a_migration_writes_carry_its_time() {
    // A book written before the file chain and import records (main's binary at step 7),
    // with a CSV it had imported on 05/01/2026.
    let mut book = Book::at_step7();
    let db = book.sqlite();
    db.execute(
        "INSERT INTO imports (pool_id, kind, sha256, file_name, rows, imported_on, imported_at)
         VALUES (1, 'contributions', ?1, 'gop.csv', 1, '2026-01-05', '2026-01-05T00:00:00Z')",
        ["7c8e4bd54dd994c8f45fa53242b646df083e14011a62521ea0a8dfa0dfca2ed5"],
    )
    .unwrap();
    drop(db);
    book.today = "2026-02-20".into();
    book.ok(&["--pool", "TO1", "person", "add", "--code", "TV0009", "--name", "Lê Thị Chín"]);
    let out = book.run(&["verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("lùi"), "{err}");
    // The migration's import record follows the book's eight records, stamped with its time.
    let shown = book.ok(&["verify", "--show", "#9"]);
    assert!(
        shown.contains(r#""record":"import""#) && shown.contains(r#""entered_at":"2026-02-20T00:00:00Z"}"#),
        "{shown}"
    );
    assert!(shown.contains(r#""imported_at":"2026-01-05T00:00:00Z""#), "{shown}");
}

/// docs/design.md §12 (eighth round): the postings are looked up against their transactions
/// only when the walks joined fewer of them to a voucher than the file holds, so a posting
/// whose transaction does not exist (its guard and foreign key set aside) is still counted
/// and named, and an untouched book is not looked up at all.
#[test]
fn postings_pointing_at_no_voucher_are_counted() {
    let book = prepared();
    book.ok(&["verify"]);
    let db = book.sqlite();
    let guard: String = db
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'postings_only_before_their_transaction'", [], |r| {
            r.get(0)
        })
        .unwrap();
    db.execute_batch(&format!(
        "PRAGMA foreign_keys = OFF; DROP TRIGGER postings_only_before_their_transaction;
         INSERT INTO postings (txn_id, account_id, amount) SELECT 999999, id, 5 FROM accounts LIMIT 2; {guard}"
    ))
    .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("2 dòng trong bảng postings trỏ tới chứng từ không tồn tại."), "{err}");
    assert!(!err.contains("bảng coverages"), "{err}");
}
