//! Nothing lost, nothing forged (docs/design.md §1, §4, §10): kills, concurrent writers,
//! tampering behind the program's back, bad files, a full disk, privacy of files and messages.
//!
//! Counts are small by default so CI stays quick; set HUNVON_CRASH_KILLS (e.g. 200) and
//! HUNVON_CONCURRENT_WRITES for a full local run.

use crate::common;

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{Book, data, path_str, two_members};

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("hunvon").display().to_string()
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A book with a pool, two members of one household, and a small contributions file.
fn prepared() -> Book {
    let book = two_members("2024-01-01").done();
    let mut csv = String::from("date,person_code,amount,method,note\n");
    for i in 0..30 {
        csv.push_str(&format!("2026-0{}-1{},TV000{},200.000,cash,góp\n", 1 + i % 9, i % 10, 1 + i % 2));
    }
    book.write("gop.csv", &csv);
    book
}

/// Every voucher a loop printed (a write prints its number after the commit).
fn printed_vouchers(out: &str) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    // The last line may have been cut by the kill: only whole lines count.
    let complete = out.rsplit_once('\n').map_or("", |(whole, _)| whole);
    for line in complete.lines() {
        if let Some(range) = line.strip_prefix("Đã nhập ") {
            // "Đã nhập 30 dòng (PT-2026-0001 … PT-2026-0030), tổng …": first and last.
            if let Some((_, inside)) = range.split_once('(')
                && let Some((vouchers, _)) = inside.split_once(')')
            {
                for v in vouchers.split(" … ") {
                    set.insert(v.to_string());
                }
            }
        } else if let Some(v) = line.split_whitespace().next()
            && (v.starts_with("PT-") || v.starts_with("PC-") || v.starts_with("PK-"))
        {
            set.insert(v.to_string());
        }
    }
    set
}

fn all_vouchers(book: &Book) -> BTreeSet<String> {
    let csv = book.ok(&["report", "journal", "--format", "csv"]);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    r.records().map(|x| x.unwrap()[0].to_string()).collect()
}

/// SIGKILL at random moments while a loop imports, contributes, buys and reverses:
/// every voucher reported as written is there, the chain verifies, numbers stay gap-free.
#[test]
fn killed_writers_lose_nothing_reported() {
    let book = prepared();
    let kills = env_count("HUNVON_CRASH_KILLS", 6);
    let script = format!(
        r#"H="{bin}"; i=0
        while true; do
          i=$((i+1))
          v=$("$H" contribute --person TV0001 --amount 10000 --date 2026-11-0$((i % 9 + 1))) && echo "$v"
          "$H" buy bhyt --person TV0001,TV0002 --months 3 --date 2026-11-20 | head -1
          [ -n "$v" ] && "$H" reverse "${{v%% *}}" --reason "thử" --date 2026-11-21
          "$H" import contributions "{csv}"
        done"#,
        bin = bin(),
        csv = path_str(&book.path("gop.csv"))
    );
    let mut seed: u64 = 0x5eed;
    let mut total_reported = 0;
    for kill in 0..kills {
        let out_path = book.path(&format!("loop-{kill}.out"));
        let out = std::fs::File::create(&out_path).unwrap();
        let mut child = Command::new("bash")
            .args(["-c", &script])
            .env("HUNVON_DB", &book.db)
            .env("HUNVON_TODAY", &book.today)
            .stdout(out)
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        // Real time on purpose: the kill must land at an arbitrary moment of the loop's
        // work (a pseudo-random, reproducible delay), not at a point the program announces.
        std::thread::sleep(Duration::from_millis(150 + (seed >> 33) % 600));
        // The whole process group: the loop and whichever hunvon it is running.
        Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status().unwrap();
        let _ = child.wait();
        let reported = printed_vouchers(&std::fs::read_to_string(&out_path).unwrap());
        total_reported += reported.len();
        let present = all_vouchers(&book);
        let missing: Vec<_> = reported.difference(&present).collect();
        assert!(missing.is_empty(), "kill {kill}: reported but missing {missing:?}");
        let verify = book.run(&["verify"]);
        assert!(verify.status.success(), "kill {kill}: {}", String::from_utf8_lossy(&verify.stderr));
    }
    eprintln!("{kills} kills, {total_reported} vouchers reported, {} in the book", all_vouchers(&book).len());
}

/// Two writers and a reader on one file: every write lands once, none fails with a raw
/// "database is locked", numbers stay unique and gap-free.
#[test]
fn concurrent_writers_each_land_once() {
    let book = prepared();
    let n = env_count("HUNVON_CONCURRENT_WRITES", 25);
    let writer = |person: &str| {
        format!(
            r#"for i in $(seq {n}); do "{bin}" contribute --person {person} --amount 1000 --date 2026-11-2$((i % 4)) || echo FAILED; done"#,
            bin = bin()
        )
    };
    let reader = format!(
        r#"for i in $(seq {n}); do "{bin}" --read-only report balances >/dev/null || echo FAILED; done"#,
        bin = bin()
    );
    let spawn = |script: String| {
        Command::new("bash")
            .args(["-c", &script])
            .env("HUNVON_DB", &book.db)
            .env("HUNVON_TODAY", &book.today)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children = [spawn(writer("TV0001")), spawn(writer("TV0002")), spawn(reader)];
    let mut vouchers = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stdout.contains("FAILED") && !stderr.contains("locked"), "{stdout}\n{stderr}");
        vouchers.extend(stdout.lines().filter_map(|l| l.split_whitespace().next()).map(String::from));
    }
    let unique: BTreeSet<_> = vouchers.iter().cloned().collect();
    assert_eq!(vouchers.len(), 2 * n);
    assert_eq!(unique.len(), 2 * n, "no number twice");
    let expected: BTreeSet<String> = (1..=2 * n).map(|i| format!("PT-2026-{i:04}")).collect();
    assert_eq!(unique, expected, "gap-free");
    book.ok(&["verify"]);
}

/// On a copy with triggers dropped, for every table holding money or coverage: change a
/// value, delete a row, insert a row, swap two rows — `verify` catches each (exit 1),
/// names the bad voucher where there is one, and names the dropped triggers as well.
#[test]
fn verify_catches_every_kind_of_tampering() {
    let book = prepared();
    book.ok(&["import", "contributions", path_str(&book.path("gop.csv"))]);
    book.ok(&["buy", "bhyt", "--person", "TV0001,TV0002", "--months", "12", "--date", "2026-10-01"]);
    book.ok(&["buy", "bhxh", "--person", "TV0001", "--months", "3", "--income", "1.500.000", "--date", "2026-10-02"]);
    book.ok(&["contribute", "--person", "TV0002", "--amount", "300.000", "--date", "2026-10-03"]);
    book.ok(&["verify"]);
    let pristine = std::fs::read(&book.db).unwrap();
    let bhyt = "(SELECT id FROM transactions WHERE voucher = 'PC-2026-0001')";
    let cases: Vec<(&str, String, &str)> = vec![
        ("transactions: value", "UPDATE transactions SET note = 'sửa' WHERE voucher = 'PT-2026-0005'".into(), "PT-2026-0005"),
        ("transactions: delete", "DELETE FROM transactions WHERE voucher = 'PT-2026-0007'".into(), "PT-2026-0008"),
        (
            "transactions: insert",
            "INSERT INTO transactions (id, pool_id, voucher, series, year, seq, date, kind, entered_at, prev_hash, hash) \
             SELECT 999, 1, 'PT-2026-0999', 'PT', 2026, 999, '2026-01-01', 'contribution', 'x', hash, hash \
             FROM transactions WHERE voucher = 'PT-2026-0003'"
                .into(),
            "PT-2026-0999",
        ),
        (
            "transactions: swap",
            "UPDATE transactions SET date = CASE voucher WHEN 'PT-2026-0002' THEN (SELECT date FROM transactions WHERE voucher = 'PT-2026-0009') \
             ELSE (SELECT date FROM transactions WHERE voucher = 'PT-2026-0002') END WHERE voucher IN ('PT-2026-0002', 'PT-2026-0009')"
                .into(),
            "PT-2026-0002",
        ),
        ("postings: value", "UPDATE postings SET amount = amount + 1000 WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0004')".into(), "PT-2026-0004"),
        ("postings: delete", "DELETE FROM postings WHERE id = (SELECT MAX(id) FROM postings WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0006'))".into(), "PT-2026-0006"),
        ("postings: insert", "INSERT INTO postings (txn_id, account_id, amount) SELECT id, 1, 5000 FROM transactions WHERE voucher = 'PT-2026-0010'".into(), "PT-2026-0010"),
        (
            "postings: swap",
            "UPDATE postings SET txn_id = CASE txn_id WHEN (SELECT id FROM transactions WHERE voucher = 'PT-2026-0011') \
             THEN (SELECT id FROM transactions WHERE voucher = 'PT-2026-0012') ELSE (SELECT id FROM transactions WHERE voucher = 'PT-2026-0011') END \
             WHERE txn_id IN (SELECT id FROM transactions WHERE voucher IN ('PT-2026-0011', 'PT-2026-0012'))"
                .into(),
            "PT-2026-0011",
        ),
        ("coverages: value", format!("UPDATE coverages SET card_to = '2099-12-31' WHERE txn_id = {bhyt}"), "PC-2026-0001"),
        ("coverages: delete", format!("DELETE FROM coverages WHERE id = (SELECT MAX(id) FROM coverages WHERE txn_id = {bhyt})"), "PC-2026-0001"),
        ("coverages: insert", format!("INSERT INTO coverages (txn_id, person_id, scheme, months, payer_account_id, quote, amount) VALUES ({bhyt}, 1, 'bhyt', 12, 5, 1, 1)"), "PC-2026-0001"),
        ("coverages: swap", format!("UPDATE coverages SET person_id = CASE person_id WHEN 1 THEN 2 ELSE 1 END WHERE txn_id = {bhyt}"), "PC-2026-0001"),
        ("accounts: value", "UPDATE accounts SET balance = balance + 1 WHERE name = 'member:TV0001'".into(), "member:TV0001"),
        ("accounts: delete", "DELETE FROM accounts WHERE name = 'fund:common'".into(), "fund:common"),
        (
            "accounts: swap",
            "UPDATE accounts SET balance = CASE name WHEN 'cash' THEN (SELECT balance FROM accounts WHERE name = 'bank') \
             ELSE (SELECT balance FROM accounts WHERE name = 'cash') END WHERE name IN ('cash', 'bank')"
                .into(),
            "cash",
        ),
        (
            "account_days: value",
            "UPDATE account_days SET amount = amount + 1 WHERE (account_id, date) IN (SELECT account_id, date FROM account_days LIMIT 1)".into(),
            "",
        ),
        (
            "account_days: delete",
            "DELETE FROM account_days WHERE (account_id, date) IN (SELECT account_id, date FROM account_days LIMIT 1)".into(),
            "",
        ),
        ("account_days: insert", "INSERT INTO account_days (account_id, date, amount) VALUES (1, '1999-01-01', 5)".into(), ""),
    ];
    for (what, sql, named) in cases {
        std::fs::write(&book.db, &pristine).unwrap();
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", book.db.display()));
        }
        let db = book.sqlite();
        crate::common::forgery::drop_triggers(&db);
        db.execute_batch("PRAGMA foreign_keys = OFF;").unwrap();
        db.execute_batch(&sql).unwrap_or_else(|e| panic!("{what}: {e}"));
        drop(db);
        let out = book.run(&["verify"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{what} not caught: {err}");
        assert!(err.contains(named), "{what}: expected {named} named in: {err}");
        // The guards that were dropped first are named too, and the walk went on past them.
        for t in ["transactions_no_update", "postings_no_delete", "chain_no_delete", "persons_code_fixed"] {
            assert!(err.contains(t), "{what}: the dropped trigger {t} named in: {err}");
        }
    }
}

#[test]
fn bad_files_get_one_sentence_and_exit_1() {
    let book = Book::empty();
    let not_db = book.write("notes.db", "Sổ quỹ viết tay, không phải SQLite.\n".repeat(200).as_str());
    let before = std::fs::read(&not_db).unwrap();
    let out = book.cmd().args(["--db", path_str(&not_db), "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("không phải sổ hunvon") && err.trim().lines().count() == 1, "{err}");
    assert_eq!(std::fs::read(&not_db).unwrap(), before, "never damaged");

    // A truncated book.
    let good = Book::new();
    good.ok(&["person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    good.ok(&["contribute", "--person", "TV0001", "--amount", "1000"]);
    good.sqlite().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    let bytes = std::fs::read(&good.db).unwrap();
    let cut = book.path("cut.db");
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    let out = book.cmd().args(["--db", path_str(&cut), "report", "balances"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));

    // A book from a newer hunvon.
    let newer = Book::new();
    newer.sqlite().execute_batch("PRAGMA user_version = 99;").unwrap();
    let err = newer.refused(&["report", "balances"]);
    assert!(err.contains("mới hơn") && err.contains("99"), "{err}");

    // A folder nobody can write to (even root cannot write under /proc).
    let out = book.cmd().args(["--db", "/proc/hunvon/so.db", "init", "--pool", "TO1", "--name", "x"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Không mở được") && err.trim().lines().count() == 1, "{err}");
}

/// A full disk: the write that does not fit is refused in one sentence, exit 1, and
/// everything reported before is still there and verifies. Needs root to mount a small
/// tmpfs (CI runs as root).
#[test]
fn a_full_disk_loses_nothing_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("small");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=400k", "tmpfs", path_str(&mnt)]).status();
    assert!(matches!(mounted, Ok(s) if s.success()), "this test mounts a 400 KB tmpfs and needs root");
    struct Unmount(std::path::PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.clone());
    let book = Book { dir: tempfile::tempdir().unwrap(), db: mnt.join("so.db"), today: common::TODAY.into() };
    book.ok(&["init", "--pool", "TO1", "--name", "Tổ hùn vốn ấp Cây Gòn"]);
    book.ok(&["import", "people", path_str(&data("people.csv"))]);
    let mut reported = BTreeSet::new();
    let mut refused = None;
    for i in 0..2000 {
        let out =
            book.run(&["contribute", "--person", "TV0001", "--amount", "1000", "--note", &"ghi chú dài ".repeat(40)]);
        if out.status.success() {
            reported.insert(String::from_utf8_lossy(&out.stdout).split_whitespace().next().unwrap().to_string());
        } else {
            refused = Some((i, out));
            break;
        }
    }
    let (_, out) = refused.expect("the disk filled up");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Đĩa đầy") && err.trim().lines().count() == 1, "{err}");
    let present = all_vouchers(&book);
    assert!(reported.is_subset(&present), "a reported write was lost");
    let verify = book.run(&["--read-only", "verify"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}

#[test]
fn files_are_private_and_messages_hold_no_ids() {
    let book = prepared();
    book.ok(&["person", "edit", "TV0001", "--cccd", "084183543339", "--phone", "0955347047"]);
    let backup = book.path("sao-luu.db");
    let export = book.path("so.journal");
    let csv = book.path("so-du.csv");
    book.ok(&["backup", path_str(&backup)]);
    book.ok(&["export", "hledger", "--output", path_str(&export)]);
    book.ok(&["report", "balances", "--format", "csv", "--output", path_str(&csv)]);
    for f in [book.db.clone(), backup.clone(), export, csv.clone()] {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", f.display());
    }
    assert!(std::fs::read(&csv).unwrap().starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    // The backup is a whole, verifiable book.
    let out = book.cmd().args(["--db", path_str(&backup), "verify"]).output().unwrap();
    assert!(out.status.success());
    // Refusals and the audit log keep the numbers out.
    let err = book.refused(&["person", "add", "--code", "TV0009", "--name", "B", "--cccd", "084183543339"]);
    assert!(!err.contains("084183543339"), "{err}");
    let err = book.refused(&["person", "edit", "TV0001", "--phone", "09x"]);
    assert!(!err.contains("09x") && err.contains("--phone"), "{err}");
    let log: String = book
        .sqlite()
        .prepare("SELECT group_concat(COALESCE(old_value, '') || COALESCE(new_value, '')) FROM audit_log")
        .unwrap()
        .query_row([], |r| r.get::<_, Option<String>>(0))
        .unwrap()
        .unwrap_or_default();
    assert!(!log.contains("084183543339") && !log.contains("0955347047"), "{log}");
}

/// A backup taken while a writer runs is a book that verifies. The writer prints a line per
/// landed write and runs until told to stop: the backup starts after its first write and
/// two more land after the backup, so the copy is always taken mid-stream.
#[test]
fn backup_while_writing_verifies() {
    use std::io::BufRead;
    let book = prepared();
    let stop = book.path("stop");
    let script = format!(
        r#"i=0; while [ ! -e "{stop}" ] && [ $i -lt 2000 ]; do "{bin}" contribute --person TV0001 --amount 1000 >/dev/null && echo landed; i=$((i + 1)); done"#,
        stop = path_str(&stop),
        bin = bin()
    );
    let mut writer = Command::new("bash")
        .args(["-c", &script])
        .env("HUNVON_DB", &book.db)
        .env("HUNVON_TODAY", &book.today)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut landed = std::io::BufReader::new(writer.stdout.take().unwrap()).lines();
    let mut next_write = || assert!(landed.next().is_some_and(|l| l.is_ok()), "the writer stopped writing");
    next_write();
    let copy = book.path("giua-chung.db");
    book.ok(&["backup", path_str(&copy)]);
    next_write();
    next_write();
    std::fs::write(&stop, "").unwrap();
    writer.wait().unwrap();
    let out = book.cmd().args(["--db", path_str(&copy), "verify"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let count = |db: &std::path::Path| -> i64 {
        let c = rusqlite::Connection::open(db).unwrap();
        c.query_row("SELECT count(*) FROM chain", [], |r| r.get(0)).unwrap()
    };
    assert!(count(&copy) < count(&book.db), "the writer went on after the backup");
}
