//! docs/design.md §11, docs/huyen-hoi.md "Khi hunvon từ chối một sổ": what keeps the district's
//! copy honest. A chapter re-hashed after changing an old amount is refused naming the voucher
//! (and taken again only on purpose), an older copy is refused, a code already used by another
//! book needs `--as`, a collected pool takes no write, a book from before book ids is refused
//! until marked, and a collection is all or nothing.

use crate::common::district::{bytes, chapter, collect, district, hash_of, json};
use crate::common::forgery::{drop_triggers, rederive_balances, restore_triggers};
use crate::common::{Book, path_str};
use sha2::{Digest, Sha256};

/// A forger's rewrite: an old voucher's amount changed, the maintained sums and every
/// later hash recomputed, the triggers put back — a chain that holds together on its own.
fn rewrite_old_amount(book: &Book, voucher: &str, amount: i64) {
    let db = book.sqlite();
    let triggers = drop_triggers(&db);
    db.execute(
        "UPDATE postings SET amount = CASE WHEN amount > 0 THEN ?1 ELSE -?1 END \
         WHERE txn_id = (SELECT id FROM transactions WHERE voucher = ?2)",
        (amount, voucher),
    )
    .unwrap();
    rederive_balances(&db);
    let from: i64 = db
        .query_row(
            "SELECT c.pos FROM chain c JOIN transactions t ON t.id = c.txn_id WHERE t.voucher = ?1",
            [voucher],
            |r| r.get(0),
        )
        .unwrap();
    restore_triggers(&db, &triggers);
    rehash_from(book, from);
}

#[test]
fn a_chapter_rehashed_after_changing_an_old_amount_is_refused_naming_the_voucher() {
    let to3 = chapter("TO3", None);
    let d = district();
    collect(&d, &to3.db);
    let collected = hash_of(&to3, "PT-2026-0002");
    let old_head = format!("PT-2026-0003={}", hash_of(&to3, "PT-2026-0003"));
    rewrite_old_amount(&to3, "PT-2026-0002", 15_000);
    to3.ok(&["verify"]);
    let rewritten = hash_of(&to3, "PT-2026-0002");
    assert_ne!(collected, rewritten);
    let before = bytes(&d);
    let err = d.refused(&["collect", path_str(&to3.db)]);
    assert!(err.contains("Sổ của TO3 không nối tiếp bản đã nhận ngày 24/11/2026"), "{err}");
    assert!(err.contains("từ PT-2026-0002") && err.contains(&collected) && err.contains(&rewritten), "{err}");
    assert!(err.contains("--accept-rewrite"), "{err}");
    assert_eq!(bytes(&d), before, "nothing written");
    let en = d.refused(&["--lang", "en", "collect", path_str(&to3.db)]);
    assert!(en.contains("does not continue") && en.contains("PT-2026-0002"), "{en}");

    // Taken again on purpose: the earlier copy stays, archived, and the event is on record.
    let out = d.ok(&["collect", path_str(&to3.db), "--accept-rewrite", "--reason", "Chi hội khôi phục bản sao lưu"]);
    assert!(out.contains("TO3-20261124") && out.contains("nhận lần đầu"), "{out}");
    let report = json(&d, &["report", "district", "--format", "json"]);
    assert_eq!(report["archived"][0]["pool"], "TO3-20261124");
    assert_eq!(report["rewrites"][0]["differs_at"], "PT-2026-0002");
    assert_eq!(report["rewrites"][0]["reason"], "Chi hội khôi phục bản sao lưu");
    assert_eq!(report["pools"].as_array().unwrap().len(), 1, "the archived copy is not counted");
    assert_eq!(report["rewrites"][0]["old_head"], old_head.as_str());
    assert_eq!(report["rewrites"][0]["new_head"], format!("PT-2026-0003={}", hash_of(&to3, "PT-2026-0003")).as_str());
    let text = d.ok(&["report", "district"]);
    assert!(text.contains("Chi hội khôi phục bản sao lưu") && text.contains("TO3-20261124"), "{text}");
    d.ok(&["verify"]);
    let err = d.refused(&["--pool", "TO3-20261124", "contribute", "--person", "TV0001", "--amount", "1000"]);
    assert!(err.contains("TO3-20261124"), "the archived copy is read-only too: {err}");
}

#[test]
fn an_older_copy_of_a_chapter_is_refused() {
    let to1 = chapter("TO1", None);
    let old = to1.path("to1-thang-10.db");
    std::fs::copy(&to1.db, &old).unwrap();
    to1.ok(&["contribute", "--person", "TV0001", "--amount", "100.000", "--date", "20/11/2026"]);
    let d = district();
    collect(&d, &to1.db);
    let before = bytes(&d);
    let err = d.refused(&["collect", path_str(&old)]);
    assert!(err.contains("Sổ của TO1 mang tới dừng ở PT-2026-0003, đã nhận tới PT-2026-0004"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(bytes(&d), before, "nothing written");
}

#[test]
fn a_pool_code_already_used_by_another_book_is_refused_without_as() {
    let a = chapter("TO1", None);
    let b = chapter("TO1", None);
    let d = district();
    collect(&d, &a.db);
    let before = bytes(&d);
    let err = d.refused(&["collect", path_str(&b.db)]);
    assert!(err.contains("Mã quỹ TO1") && err.contains("--as"), "{err}");
    assert_eq!(bytes(&d), before, "nothing written");
    let err = d.refused(&["collect", path_str(&b.db), "--as", "TO1"]);
    assert!(err.contains("--as TO1"), "{err}");
    let out = d.ok(&["collect", path_str(&b.db), "--as", "TO1B"]);
    assert!(out.contains("TO1B (nhận lần đầu)"), "{out}");
    // A display code only: the hashes keep the chapter's own code.
    let shown = d.ok(&["--pool", "TO1B", "verify", "--show", "PT-2026-0001"]);
    assert!(shown.contains(r#""pool":"TO1""#), "{shown}");
    assert_eq!(shown, b.ok(&["verify", "--show", "PT-2026-0001"]));
    d.ok(&["verify"]);
    // The next collection finds it by its book id, not by its code.
    b.ok(&["contribute", "--person", "TV0002", "--amount", "50.000"]);
    assert!(collect(&d, &b.db).contains("TO1B: 1 chứng từ (PT-2026-0004)"));
}

#[test]
fn writing_into_a_collected_pool_is_refused() {
    let to1 = chapter("TO1", None);
    let d = district();
    collect(&d, &to1.db);
    d.ok(&["init", "--pool", "HUYEN", "--name", "Hội LHPN huyện"]);
    let before = bytes(&d);
    let writes: Vec<Vec<&str>> = vec![
        vec!["contribute", "--person", "TV0001", "--amount", "100.000"],
        vec!["receive", "--fund", "common", "--amount", "100.000", "--note", "lãi"],
        vec!["opening", "--cash", "1.000.000"],
        vec!["transfer", "--from", "cash", "--to", "bank", "--amount", "1.000"],
        vec!["reverse", "PT-2026-0001", "--reason", "nhầm"],
        vec!["person", "add", "--code", "TV0009", "--name", "Lê Văn Tám"],
        vec!["person", "edit", "TV0001", "--phone", "0912345678"],
        vec!["household", "add", "--code", "H9", "--name", "Hộ Lê Văn Tám"],
        vec!["dues", "set", "--amount", "100.000", "--from", "01/01/2026"],
        vec!["buy", "bhyt", "--person", "TV0001", "--months", "12"],
    ];
    for w in &writes {
        let mut args = vec!["--pool", "TO1"];
        args.extend(w);
        let err = d.refused(&args);
        assert!(
            err.contains("Quỹ TO1 trong tệp này là bản nhận về từ sổ của chi hội")
                && err.contains("sổ của chính chi hội"),
            "{w:?}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{w:?}: {err}");
    }
    let csv = d.write("gop.csv", "date,person_code,amount,method,note\n2026-11-01,TV0001,100000,cash,góp\n");
    let err = d.refused(&["--pool", "TO1", "import", "contributions", path_str(&csv)]);
    assert!(err.contains("Quỹ TO1"), "{err}");
    let en = d.refused(&["--lang", "en", "--pool", "TO1", "contribute", "--person", "TV0001", "--amount", "1"]);
    assert!(en.contains("chapter's own book"), "{en}");
    assert_eq!(bytes(&d), before, "nothing written");
    // The district's own pool is written as usual.
    d.ok(&["--pool", "HUYEN", "receive", "--fund", "common", "--amount", "100.000", "--note", "Hỗ trợ"]);
    d.ok(&["verify"]);
}

#[test]
fn a_chapter_book_made_before_book_ids_is_refused_until_opened_once() {
    let old = Book::empty();
    let db = old.sqlite();
    db.execute_batch(include_str!("../../crates/store/src/initial.sql")).unwrap();
    db.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO pools (id, code, name, created_at) VALUES (1, 'TO7', 'Chi hội ấp Te Te', '2025-01-01T00:00:00Z');
         INSERT INTO accounts (pool_id, name) VALUES (1, 'cash'), (1, 'bank'), (1, 'fund:common'), (1, 'fund:opening');",
    )
    .unwrap();
    drop(db);
    let d = district();
    let err = d.refused(&["collect", path_str(&old.db)]);
    assert!(err.contains("trước khi sổ có mã sổ") && err.contains("không có --read-only"), "{err}");
    assert!(!d.db.exists(), "a refused collection into a new path leaves no book there");
    old.ok(&["verify"]);
    assert!(collect(&d, &old.db).contains("TO7 (nhận lần đầu)"));
    d.ok(&["verify"]);
}

#[test]
fn a_collection_is_all_or_nothing_and_never_of_the_open_book() {
    let to1 = chapter("TO1", None);
    let d = district();
    collect(&d, &to1.db);
    let err = d.refused(&["collect", path_str(&d.db)]);
    assert!(err.contains("chính là sổ đang mở"), "{err}");
    // A chapter whose chain is broken (a voucher altered, its hash not recomputed) brings nothing in.
    let to2 = chapter("TO2", None);
    let db = to2.sqlite();
    db.execute_batch("DROP TRIGGER postings_no_update; UPDATE postings SET amount = amount * 2 WHERE id IN (3, 4);")
        .unwrap();
    drop(db);
    let before = bytes(&d);
    let err = d.refused(&["collect", path_str(&to2.db)]);
    assert!(err.contains("không nguyên vẹn") && err.contains("PT-2026-0002"), "{err}");
    assert_eq!(bytes(&d), before);
}

/// Recomputes every hash of pool 1's chain from place `from` on, as a forger would:
/// bodies straight from the table (a ten-million-character name is not worth a pipe),
/// vouchers through `verify --show`.
fn rehash_from(book: &Book, from: i64) {
    let db = book.sqlite();
    let triggers = drop_triggers(&db);
    let last: i64 = db.query_row("SELECT MAX(pos) FROM chain", [], |r| r.get(0)).unwrap();
    let mut prev = hash_of(book, &format!("#{}", from - 1));
    for pos in from..=last {
        let (txn, body): (Option<i64>, Option<String>) = db
            .query_row("SELECT txn_id, body FROM chain WHERE pos = ?1", [pos], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap();
        let text = match body {
            Some(b) => b,
            None => book.ok(&["verify", "--show", &format!("#{pos}")]).lines().nth(1).unwrap().to_string(),
        };
        let hash: String =
            Sha256::digest(format!("{prev}\n{text}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        match txn {
            Some(id) => {
                db.execute("UPDATE transactions SET prev_hash = ?1, hash = ?2 WHERE id = ?3", (&prev, &hash, id))
            }
            None => db.execute("UPDATE chain SET prev_hash = ?1, hash = ?2 WHERE pos = ?3", (&prev, &hash, pos)),
        }
        .unwrap();
        prev = hash;
    }
    restore_triggers(&db, &triggers);
}

/// A chapter whose person TV0002 (record #4) is renamed behind hunvon's back, row and
/// record, and every later hash recomputed.
fn renamed(name: &str) -> Book {
    let to3 = chapter("TO3", None);
    {
        let db = to3.sqlite();
        let triggers = drop_triggers(&db);
        let body: String = db.query_row("SELECT body FROM chain WHERE pos = 4", [], |r| r.get(0)).unwrap();
        let quoted = serde_json::to_string(name).unwrap();
        let body = body.replace("\"Thạch Thị Sà Phol\"", &quoted);
        db.execute("UPDATE chain SET body = ?1 WHERE pos = 4", [&body]).unwrap();
        db.execute("UPDATE persons SET full_name = ?1 WHERE code = 'TV0002'", [name]).unwrap();
        restore_triggers(&db, &triggers);
    }
    rehash_from(&to3, 4);
    to3
}

/// docs/design.md §10 "Values held to the rules": `collect` holds a chapter's values to the
/// input rules — a name of ten million characters, a terminal escape, a bidi override, an
/// amount of ±2^62 đ — and refuses in one sentence naming the record, the district byte for
/// byte as it was; `verify` names the same records.
#[test]
fn collect_refuses_values_no_input_could_give() {
    let d = district();
    collect(&d, &chapter("TO1", None).db);
    let before = bytes(&d);
    for (name, shown) in [
        ("x".repeat(10_000_000), "họ tên dài quá mức cho phép"),
        ("Lê Thị\u{1b}[2J".to_string(), "họ tên chứa ký tự ẩn"),
        ("\u{202e}Lê Thị".to_string(), "họ tên chứa ký tự ẩn"),
    ] {
        let to3 = renamed(&name);
        let err = to3.refused(&["verify"]);
        assert!(
            err.contains(&format!("Bản ghi #4 có {shown}")),
            "verify names it: {}",
            err.chars().take(400).collect::<String>()
        );
        let err = d.refused(&["collect", path_str(&to3.db)]);
        assert!(err.contains("(quỹ TO3): #4 có") && err.contains(shown) && err.len() < 1000, "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{202e}'), "nothing raw reaches the terminal");
        assert_eq!(bytes(&d), before, "the district is as it was");
    }
    for amount in [4_611_686_018_427_387_904_i64, -4_611_686_018_427_387_904] {
        let to3 = chapter("TO3", None);
        rewrite_old_amount(&to3, "PT-2026-0002", amount);
        let err = to3.refused(&["verify"]);
        assert!(err.contains("Bản ghi PT-2026-0002 có số tiền vượt 1.000.000.000.000 đ một dòng"), "{err}");
        let err = d.refused(&["collect", path_str(&to3.db)]);
        assert!(err.contains("PT-2026-0002 có số tiền vượt"), "{err}");
        assert_eq!(bytes(&d), before, "the district is as it was");
    }
}

/// docs/design.md §10 "Values held to the rules": U+00AD and U+2028 are refused as typed; an
/// older record that holds one (honest when written) draws a warning from `verify` and is
/// collected.
#[test]
fn a_rule_newer_than_a_record_is_a_warning() {
    let book = Book::new();
    for name in ["Lê\u{ad}Thị", "Lê\u{2028}Thị"] {
        let err = book.refused(&["person", "add", "--code", "TV9", "--name", name]);
        assert!(err.contains("ký tự vô hình"), "{err}");
    }
    let to3 = renamed("Thạch Thị Sà\u{ad}Phol");
    let out = to3.run(&["verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("Cảnh báo") && err.contains("#4"), "{err}");
    let d = district();
    collect(&d, &to3.db);
}

/// docs/design.md §11: collections of the same chapter at the same moment: one takes it, any
/// other says in a sentence to try again — never SQLite's raw UNIQUE failure.
#[test]
fn concurrent_collections_give_a_sentence() {
    let d = district();
    collect(&d, &chapter("TO1", None).db);
    for round in 0..3 {
        let to3 = chapter(&format!("TO{}", round + 3), None);
        let children: Vec<_> = (0..3)
            .map(|_| {
                std::process::Command::new(env!("CARGO_BIN_EXE_hunvon"))
                    .env("HUNVON_DB", &d.db)
                    .env("HUNVON_TODAY", &d.today)
                    .args(["collect", path_str(&to3.db)])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.code().is_some_and(|c| c <= 1), "{err}");
            assert!(!err.contains("UNIQUE") && !err.contains("constraint"), "{err}");
        }
        d.ok(&["verify"]);
    }
}
