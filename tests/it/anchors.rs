//! docs/design.md §10 "Anchors", docs/hash.md "Mốc": anchors from signed papers (`verify
//! --anchor`) catch what a chain that verifies on its own cannot — a rewrite with every later
//! hash recomputed, a cut, a rollback to an older backup — and `entered_at` going backwards is
//! a warning.

use crate::common::forgery::{drop_named, drop_triggers, rederive_balances, restore_triggers};
use crate::common::{Book, path_str, two_members};
use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// A book with a household, two members and five receipts.
fn ledger() -> Book {
    let mut b = two_members("2026-01-01");
    for day in 1..=5 {
        let who = if day % 2 == 0 { "TV0002" } else { "TV0001" };
        b = b.contribute(who, "200.000", Some(&format!("0{day}/11/2026")));
    }
    b.done()
}

/// The head as the printed summary shows it: `PT-2026-0005=<64 hex>`.
fn printed_head(book: &Book) -> String {
    let paper = book.ok(&["report", "summary"]);
    paper
        .split_whitespace()
        .find(|w| w.split_once('=').is_some_and(|(r, h)| !r.is_empty() && h.len() == 64))
        .unwrap_or_else(|| panic!("the paper prints its head as REF=HASH:\n{paper}"))
        .to_string()
}

fn hash_of(book: &Book, reference: &str) -> String {
    book.ok(&["verify", "--show", reference]).lines().nth(2).unwrap().to_string()
}

/// Recomputes every hash from place `from` to the end, as a forger with sha256sum would.
fn rehash_from(book: &Book, db: &Connection, from: i64) {
    let last: i64 = db.query_row("SELECT MAX(pos) FROM chain WHERE pool_id = 1", [], |r| r.get(0)).unwrap();
    let mut prev = if from == 1 { "0".repeat(64) } else { hash_of(book, &format!("#{}", from - 1)) };
    for pos in from..=last {
        let text = book.ok(&["verify", "--show", &format!("#{pos}")]).lines().nth(1).unwrap().to_string();
        let hash: String =
            Sha256::digest(format!("{prev}\n{text}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        let txn: Option<i64> =
            db.query_row("SELECT txn_id FROM chain WHERE pool_id = 1 AND pos = ?1", [pos], |r| r.get(0)).unwrap();
        match txn {
            Some(id) => {
                db.execute("UPDATE transactions SET prev_hash = ?1, hash = ?2 WHERE id = ?3", (&prev, &hash, id))
            }
            None => db.execute(
                "UPDATE chain SET prev_hash = ?1, hash = ?2 WHERE pool_id = 1 AND pos = ?3",
                (&prev, &hash, pos),
            ),
        }
        .unwrap();
        prev = hash;
    }
}

fn restore(book: &Book, bytes: &[u8]) {
    std::fs::write(&book.db, bytes).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", book.db.display()));
    }
}

fn pristine(book: &Book) -> Vec<u8> {
    book.sqlite().execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").unwrap();
    std::fs::read(&book.db).unwrap()
}

#[test]
fn anchors_from_the_paper_pass_on_the_book_they_were_printed_from() {
    let book = ledger();
    let head = printed_head(&book);
    assert!(head.starts_with("PT-2026-0005="), "{head}");
    let (_, hash) = head.split_once('=').unwrap();
    let mid = format!("PT-2026-0002={}", hash_of(&book, "PT-2026-0002"));
    let person = format!("#3={}", hash_of(&book, "#3"));
    let out = book.ok(&[
        "verify",
        "--anchor",
        &head,
        "--anchor",
        &mid,
        "--anchor",
        &person,
        "--anchor",
        hash.get(..16).unwrap(),
    ]);
    assert!(out.contains("Cả 4 mốc"), "{out}");
    assert!(out.contains(&head), "verify prints the head in the same form: {out}");
    // A malformed anchor is a refusal naming the flag, not a failed check.
    let err = book.refused(&["verify", "--anchor", "5f74"]);
    assert!(err.contains("--anchor") && err.contains("'5f74'") && err.trim().lines().count() == 1, "{err}");
}

#[test]
fn a_rewritten_amount_with_every_later_hash_recomputed_is_caught_by_the_anchor() {
    let book = ledger();
    let head = printed_head(&book);
    let third = hash_of(&book, "PT-2026-0003");
    let db = book.sqlite();
    let triggers = drop_triggers(&db);
    db.execute_batch(
        "UPDATE postings SET amount = CASE WHEN amount > 0 THEN 20000 ELSE -20000 END
          WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0003');",
    )
    .unwrap();
    rederive_balances(&db);
    let from: i64 = db
        .query_row(
            "SELECT c.pos FROM chain c JOIN transactions t ON t.id = c.txn_id WHERE t.voucher = 'PT-2026-0003'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    rehash_from(&book, &db, from);
    restore_triggers(&db, &triggers);
    drop(db);
    // On its own the rewritten chain holds together: only the paper shows the rewrite.
    book.ok(&["verify"]);
    let err = book.refused(&["verify", "--anchor", &head]);
    assert!(err.contains(&format!("Mốc {head}")) && err.contains("PT-2026-0005 vẫn còn"), "{err}");
    assert!(err.contains("viết lại"), "{err}");
    let err = book.refused(&["verify", "--anchor", &format!("PT-2026-0003={third}")]);
    assert!(err.contains("PT-2026-0003 vẫn còn nhưng mã băm nay là") && err.contains("viết lại"), "{err}");
    let err = book.refused(&["--lang", "en", "verify", "--anchor", &third]);
    assert!(err.contains(&format!("Anchor {third} is not in the hash chain")), "{err}");
    let err = book.refused(&["--lang", "en", "verify", "--anchor", &format!("PT-2026-0003={third}")]);
    assert!(err.contains("PT-2026-0003 is still there") && err.contains("rewritten"), "{err}");
}

#[test]
fn a_deleted_last_voucher_is_caught_by_the_anchor() {
    let book = ledger();
    let head = printed_head(&book);
    let bytes = pristine(&book);
    let db = book.sqlite();
    let triggers = drop_triggers(&db);
    db.execute_batch(
        "DELETE FROM postings WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0005');
         DELETE FROM chain WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0005');
         DELETE FROM transactions WHERE voucher = 'PT-2026-0005';",
    )
    .unwrap();
    rederive_balances(&db);
    restore_triggers(&db, &triggers);
    drop(db);
    book.ok(&["verify"]);
    let err = book.refused(&["verify", "--anchor", &head]);
    assert!(err.contains("PT-2026-0005 không còn trong sổ") && err.contains("bị cắt"), "{err}");
    let (_, hash) = head.split_once('=').unwrap();
    let err = book.refused(&["--lang", "en", "verify", "--anchor", hash]);
    assert!(err.contains(&format!("Anchor {hash} is not in the hash chain")), "{err}");
    // The untouched book passes the same anchor.
    restore(&book, &bytes);
    book.ok(&["verify", "--anchor", &head]);
}

#[test]
fn a_book_rolled_back_to_an_older_backup_is_caught_by_the_anchor() {
    let book = ledger();
    let backup = book.path("sao-luu.db");
    book.ok(&["backup", path_str(&backup)]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "300.000", "--date", "10/11/2026"]);
    book.ok(&["person", "edit", "TV0002", "--phone", "0912345678"]);
    let head = printed_head(&book);
    assert!(head.starts_with('#'), "the head is the person record: {head}");
    book.ok(&["verify", "--anchor", &head]);
    restore(&book, &std::fs::read(&backup).unwrap());
    book.ok(&["verify"]);
    let reference = head.split_once('=').unwrap().0;
    let err = book.refused(&["verify", "--anchor", &head]);
    assert!(err.contains(&format!("{reference} không còn trong sổ")) && err.contains("quay về bản sao cũ"), "{err}");
    let err = book.refused(&["--lang", "en", "verify", "--anchor", &head]);
    assert!(err.contains(&format!("{reference} is gone")) && err.contains("rolled back"), "{err}");
}

#[test]
fn entered_at_going_backwards_is_a_warning() {
    let mut book = ledger();
    book.ok(&["verify"]);
    let out = book.run(&["verify"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Cảnh báo"), "nothing to say yet");
    book.today = "2026-11-20".into();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "100.000", "--date", "06/11/2026"]);
    let out = book.run(&["verify"]);
    assert_eq!(out.status.code(), Some(0), "a warning, not a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    // Times in the machine's local time (the tests run in Asia/Ho_Chi_Minh, UTC+7).
    assert!(err.contains("Cảnh báo") && err.contains("PT-2026-0006") && err.contains("20/11/2026 07:00"), "{err}");
    assert!(err.contains("24/11/2026 07:00") && !err.contains("T00:00:00Z"), "names the record it follows: {err}");
}

/// docs/design.md §10 "Closes in the chain": a voucher slipped into a closed month with the
/// closes' guards set aside and put back is named from the chain alone, and so is a close whose
/// figures were rewritten and re-hashed.
#[test]
fn a_voucher_slipped_into_a_closed_month_is_caught_from_the_chain() {
    let mut book = ledger();
    book.today = "2026-12-10".into();
    book.ok(&["close", "--to", "30/11/2026"]);
    let db = book.sqlite();
    // Only the closes' guards are set aside: the forger knows which guard stops her.
    let triggers = drop_named(&db, &["closes_no_delete", "transactions_not_closed"]);
    db.execute_batch("CREATE TABLE kept AS SELECT * FROM closes; DELETE FROM closes;").unwrap();
    book.ok(&["contribute", "--person", "TV0001", "--amount", "5.000.000", "--date", "15/11/2026"]);
    db.execute_batch("INSERT INTO closes SELECT * FROM kept; DROP TABLE kept;").unwrap();
    restore_triggers(&db, &triggers);
    let err = book.refused(&["verify"]);
    assert!(
        err.contains("PT-2026-0006 ngày 15/11/2026 được ghi sau lần khóa sổ #10 đến 30/11/2026"),
        "named from the chain: {err}"
    );
    let en = book.refused(&["--lang", "en", "verify"]);
    assert!(en.contains("Voucher PT-2026-0006 dated 15/11/2026 was entered after close #10"), "{en}");
}

#[test]
fn a_close_whose_cash_was_rewritten_and_rehashed_is_caught() {
    let mut book = ledger();
    book.today = "2026-12-10".into();
    book.ok(&["close", "--to", "30/11/2026"]);
    let db = book.sqlite();
    let triggers = drop_triggers(&db);
    db.execute_batch(
        "UPDATE chain SET body = replace(body, '\"cash\":1000000', '\"cash\":9000000') WHERE kind = 'close';
         UPDATE closes SET cash = 9000000;",
    )
    .unwrap();
    rehash_from(&book, &db, 10);
    restore_triggers(&db, &triggers);
    let err = book.refused(&["verify"]);
    assert!(
        err.contains("Khóa sổ #10 đến 30/11/2026 ghi tồn quỹ tiền mặt 9.000.000 đ nhưng các chứng từ ghi trước nó cho 1.000.000 đ"),
        "{err}"
    );
}

/// docs/design.md §10 "Stamped inside the lock": `entered_at` is taken once the write lock is
/// held, so writers that waited for each other never look like a clock set back. Four writers
/// start a second apart while another connection holds the lock; they commit in whatever order
/// SQLite lets them.
#[test]
fn writers_that_wait_for_each_other_draw_no_clock_warning() {
    let book = ledger();
    let lock = book.sqlite();
    lock.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let mut children = Vec::new();
    for _ in 0..4 {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hunvon"));
        c.env("HUNVON_DB", &book.db).env_remove("HUNVON_TODAY").env_remove("HUNVON_USER");
        c.args(["contribute", "--person", "TV0001", "--amount", "1.000", "--date", "01/11/2026"]);
        children.push(c.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped()).spawn().unwrap());
        // Real time on purpose: `entered_at` is the wall clock to the second (no variable
        // sets it), so only writers started in different seconds can disagree with the
        // commit order the lock imposes.
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    lock.execute_batch("COMMIT;").unwrap();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let mut verify = std::process::Command::new(env!("CARGO_BIN_EXE_hunvon"));
    let out = verify.env("HUNVON_DB", &book.db).env_remove("HUNVON_TODAY").arg("verify").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("lùi"), "no clock set back: {err}");
}
