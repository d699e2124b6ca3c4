//! Issue 18: the district's view. Chapters' books collected into one district book —
//! first whole, then only what is new — with every refusal that keeps the district's copy
//! honest (a rewritten book, an older copy, a code already taken), collected pools closed
//! to writing, `verify` of the district, a read-only folder, and `report district`
//! against the chapters' own summaries.

mod common;

use std::path::{Path, PathBuf};

use common::{Book, path_str};
use rusqlite::Connection;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// A chapter's book: pool `code`, a household, two members, three receipts
/// (PT-2026-0001 … 0003). `book_id` fixes the book id (the same id twice is the same book).
fn chapter(code: &str, book_id: Option<&str>) -> Book {
    let book = Book::empty();
    let mut init = book.cmd();
    if let Some(id) = book_id {
        init.env("HUNVON_BOOK_ID", id);
    }
    let out = init.args(["init", "--pool", code, "--name", &format!("Chi hội {code}")]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Thị Thu Hương"]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0001",
        "--name",
        "Lê Thị Thu Hương",
        "--household",
        "H1",
        "--joined",
        "2026-01-01",
    ]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0002",
        "--name",
        "Thạch Thị Sà Phol",
        "--household",
        "H1",
        "--sponsor",
        "TV0001",
    ]);
    for (who, amount, day) in
        [("TV0001", "200.000", "02/11/2026"), ("TV0002", "150.000", "03/11/2026"), ("TV0001", "250.000", "04/11/2026")]
    {
        book.ok(&["contribute", "--person", who, "--amount", amount, "--date", day]);
    }
    book
}

/// The district's book: a path in its own folder where no book is yet.
fn district() -> Book {
    Book::empty()
}

fn collect(district: &Book, file: &Path) -> String {
    district.ok(&["collect", path_str(file)])
}

fn json(book: &Book, args: &[&str]) -> Value {
    serde_json::from_str(&book.ok(args)).expect("json")
}

fn hash_of(book: &Book, reference: &str) -> String {
    book.ok(&["verify", "--show", reference]).lines().nth(2).unwrap().to_string()
}

/// The district's file, byte for byte (a refusal must leave it so).
fn bytes(book: &Book) -> Vec<u8> {
    std::fs::read(&book.db).unwrap()
}

/// `report district --format json` row of a pool.
fn row<'a>(report: &'a Value, code: &str) -> &'a Value {
    report["pools"].as_array().unwrap().iter().find(|r| r["pool"] == code).unwrap_or_else(|| panic!("{code}: {report}"))
}

#[test]
fn three_chapter_books_collected_and_their_totals_equal_their_own_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("huyen");
    let d = district();
    let o = d.ok(&["demo", "--chapters", "3", "--people", "40", "--months", "8", "--out", path_str(&out)]);
    assert!(o.contains("3"), "{o}");
    let files: Vec<PathBuf> = (1..=3).map(|i| out.join(format!("to0{i}.db"))).collect();
    let mut ids = std::collections::BTreeSet::new();
    for f in &files {
        let printed = collect(&d, f);
        assert!(printed.contains("nhận lần đầu") && printed.contains("đầu chuỗi mới"), "{printed}");
        let c = Connection::open(f).unwrap();
        ids.insert(c.query_row("SELECT body FROM chain WHERE pos = 1", [], |r| r.get::<_, String>(0)).unwrap());
    }
    assert_eq!(ids.len(), 3, "three books, three book ids");
    d.ok(&["verify"]);
    let report = json(&d, &["report", "district", "--format", "json"]);
    let (mut cash, mut bank, mut held, mut covered) = (0, 0, 0, 0);
    for (i, f) in files.iter().enumerate() {
        let mut own = d.cmd();
        let out = own.args(["--db", path_str(f), "report", "summary", "--format", "json"]).output().unwrap();
        let s: Value = serde_json::from_slice(&out.stdout).unwrap();
        let r = row(&report, &format!("TO0{}", i + 1));
        for (k, sk) in [
            ("cash", "cash"),
            ("bank", "bank"),
            ("held", "members"),
            ("bhyt_valid", "covered"),
            ("members", "member_count"),
            ("bhxh", "bhxh_participants"),
        ] {
            assert_eq!(r[k], s[sk], "{k} of TO0{}", i + 1);
        }
        assert_eq!(r["head"], s["head"], "the head the chapter's own paper prints");
        // Cover counted as the chapter's own coverage report states it.
        let mut cov = d.cmd();
        let out = cov.args(["--db", path_str(f), "report", "coverage", "--format", "csv"]).output().unwrap();
        let mut rd = csv::Reader::from_reader(out.stdout.as_slice());
        let (mut bhyt, mut bhxh) = (0, 0);
        for rec in rd.records() {
            let rec = rec.unwrap();
            bhyt += i64::from(matches!(&rec[4], "covered" | "expiring"));
            bhxh += i64::from(&rec[7] == "current");
        }
        assert_eq!((r["bhyt_valid"].as_i64(), r["bhxh"].as_i64()), (Some(bhyt), Some(bhxh)), "TO0{}", i + 1);
        cash += s["cash"].as_i64().unwrap();
        bank += s["bank"].as_i64().unwrap();
        held += s["members"].as_i64().unwrap();
        covered += s["covered"].as_i64().unwrap();
    }
    let t = &report["totals"];
    assert_eq!((t["cash"].as_i64(), t["bank"].as_i64()), (Some(cash), Some(bank)));
    assert_eq!((t["held"].as_i64(), t["bhyt_valid"].as_i64()), (Some(held), Some(covered)));
    assert!(
        t["members"].as_i64().unwrap() > 0 && t["pairs"].as_i64().unwrap() > 0 && t["bhxh"].as_i64().unwrap() > 0,
        "{t}"
    );
    // Every format; the text paper shows the rows and the total.
    let text = d.ok(&["report", "district"]);
    assert!(text.contains("TO01") && text.contains("TO03") && text.contains("Cộng"), "{text}");
    let csv = d.ok(&["report", "district", "--format", "csv"]);
    assert_eq!(csv.lines().count(), 5, "header, three chapters, total:\n{csv}");
    assert!(d.ok(&["report", "district", "--format", "html"]).contains("<table"));
    let pdf = d.path("huyen.pdf");
    d.ok(&["report", "district", "--format", "pdf", "--output", path_str(&pdf)]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // The other reports over every pool of the district's file.
    let balances = d.ok(&["report", "balances", "--pool", "all", "--format", "csv"]);
    assert!(balances.starts_with("pool,") && balances.contains("\nTO02,"), "{balances}");
}

#[test]
fn new_vouchers_in_one_chapter_are_collected_incrementally() {
    let to1 = chapter("TO1", None);
    let to2 = chapter("TO2", None);
    let d = district();
    collect(&d, &to1.db);
    collect(&d, &to2.db);
    let before = json(&d, &["report", "district", "--format", "json"]);
    to1.ok(&["contribute", "--person", "TV0002", "--amount", "300.000", "--date", "10/11/2026"]);
    to1.ok(&["person", "edit", "TV0002", "--phone", "0912345678"]);
    to1.ok(&["contribute", "--person", "TV0001", "--amount", "100.000", "--date", "11/11/2026"]);
    let printed = collect(&d, &to1.db);
    assert!(
        printed.contains("TO1: 2 chứng từ (PT-2026-0004 … PT-2026-0005) và 1 bản ghi khác"),
        "only what is new: {printed}"
    );
    assert!(printed.contains(&format!("PT-2026-0005={}", hash_of(&to1, "PT-2026-0005"))), "{printed}");
    let again = collect(&d, &to2.db);
    assert!(again.contains("TO2: không có gì mới"), "{again}");
    let after = json(&d, &["report", "district", "--format", "json"]);
    let cash = |v: &Value, c: &str| row(v, c)["cash"].as_i64().unwrap();
    assert_eq!(cash(&after, "TO1") - cash(&before, "TO1"), 400_000);
    assert_eq!(cash(&after, "TO2"), cash(&before, "TO2"));
    // The district's record of this collection says which places came in.
    let db = d.sqlite();
    let body: String = db
        .query_row("SELECT body FROM district_chain WHERE kind = 'collect' AND body LIKE '%\"pool\":\"TO1\"%' ORDER BY pos DESC LIMIT 1", [], |r| r.get(0))
        .unwrap();
    let record: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (record["from"].as_i64(), record["to"].as_i64(), record["vouchers"].as_i64()),
        (Some(8), Some(10), Some(2))
    );
    // The copy answers as the chapter's book does.
    let mine = to1.ok(&["report", "balances", "--format", "csv"]);
    assert_eq!(d.ok(&["--pool", "TO1", "report", "balances", "--format", "csv"]), mine);
    d.ok(&["verify"]);
}

#[test]
fn everything_a_chapter_writes_comes_in_and_verifies() {
    let to1 = chapter("TO1", None);
    let d = district();
    collect(&d, &to1.db);
    // After the first collection: a letterhead, a withdrawal, a member leaving, a cash
    // count and a close — each a record the copy must apply as the chapter did.
    to1.ok(&["pool", "set", "--org", "Chi hội Phụ nữ ấp Cây Gòn", "--treasurer", "Lê Thị Thu Hương"]);
    to1.ok(&["withdraw", "--person", "TV0001", "--amount", "50.000", "--date", "20/11/2026"]);
    to1.ok(&["person", "edit", "TV0001", "--left", "21/11/2026"]);
    to1.ok(&["count", "--date", "22/11/2026", "--notes", "200000x2", "--counted-by", "Ban kiểm tra"]);
    to1.ok(&["close", "--to", "31/10/2026"]);
    let printed = collect(&d, &to1.db);
    assert!(printed.contains("TO1: 1 chứng từ") && printed.contains("và 4 bản ghi khác"), "{printed}");
    d.ok(&["verify"]);
    for (what, args) in [
        ("balances", vec!["report", "balances", "--format", "csv"]),
        ("counts", vec!["report", "counts", "--format", "csv"]),
        ("coverage", vec!["report", "coverage", "--format", "csv"]),
        ("summary", vec!["report", "summary", "--format", "json"]),
    ] {
        let mut mine = args.clone();
        mine.insert(0, "--read-only");
        let theirs: Vec<&str> = ["--pool", "TO1"].into_iter().chain(args.iter().copied()).collect();
        assert_eq!(d.ok(&theirs), to1.ok(&mine), "{what}: the copy answers as the chapter's book");
    }
    // The close holds in the copy too; and every new write is refused there.
    for w in [
        vec!["pool", "set", "--org", "Huyện"],
        vec!["count", "--date", "24/11/2026", "--notes", "200000x2"],
        vec!["close", "--to", "15/11/2026"],
        vec!["withdraw", "--person", "TV0001", "--amount", "1.000"],
    ] {
        let args: Vec<&str> = ["--pool", "TO1"].into_iter().chain(w.iter().copied()).collect();
        let err = d.refused(&args);
        assert!(err.contains("Quỹ TO1 trong tệp này là bản nhận về"), "{w:?}: {err}");
    }
}

/// Drops every trigger and returns their definitions.
fn drop_triggers(db: &Connection) -> Vec<String> {
    let triggers: Vec<(String, String)> = db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (name, _) in &triggers {
        db.execute_batch(&format!("DROP TRIGGER {name};")).unwrap();
    }
    triggers.into_iter().map(|(_, sql)| sql).collect()
}

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
    db.execute_batch(
        "UPDATE accounts SET
            balance = (SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_id = accounts.id),
            kept_debits = (SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_id = accounts.id AND amount > 0),
            kept_credits = (SELECT COALESCE(-SUM(amount), 0) FROM postings WHERE account_id = accounts.id AND amount < 0);
         DELETE FROM account_days;
         INSERT INTO account_days (account_id, date, amount)
             SELECT p.account_id, t.date, SUM(p.amount) FROM postings p JOIN transactions t ON t.id = p.txn_id
             GROUP BY p.account_id, t.date;",
    )
    .unwrap();
    let from: i64 = db
        .query_row(
            "SELECT c.pos FROM chain c JOIN transactions t ON t.id = c.txn_id WHERE t.voucher = ?1",
            [voucher],
            |r| r.get(0),
        )
        .unwrap();
    let last: i64 = db.query_row("SELECT MAX(pos) FROM chain", [], |r| r.get(0)).unwrap();
    let mut prev = hash_of(book, &format!("#{}", from - 1));
    for pos in from..=last {
        let text = book.ok(&["verify", "--show", &format!("#{pos}")]).lines().nth(1).unwrap().to_string();
        let hash: String =
            Sha256::digest(format!("{prev}\n{text}").as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
        let txn: Option<i64> = db.query_row("SELECT txn_id FROM chain WHERE pos = ?1", [pos], |r| r.get(0)).unwrap();
        match txn {
            Some(id) => {
                db.execute("UPDATE transactions SET prev_hash = ?1, hash = ?2 WHERE id = ?3", (&prev, &hash, id))
            }
            None => db.execute("UPDATE chain SET prev_hash = ?1, hash = ?2 WHERE pos = ?3", (&prev, &hash, pos)),
        }
        .unwrap();
        prev = hash;
    }
    for sql in &triggers {
        db.execute_batch(sql).unwrap();
    }
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
fn a_district_book_can_itself_be_collected_keeping_the_chapters_hashes() {
    let a = chapter("TO1", None);
    let b = chapter("TO1", None);
    let d = district();
    collect(&d, &a.db);
    d.ok(&["collect", path_str(&b.db), "--as", "TO1B"]);
    let province = district();
    let out = collect(&province, &d.db);
    assert!(out.contains("TO1 (nhận lần đầu)") && out.contains("TO1B (nhận lần đầu)"), "{out}");
    province.ok(&["verify"]);
    let shown = province.ok(&["--pool", "TO1B", "verify", "--show", "PT-2026-0002"]);
    assert_eq!(shown, b.ok(&["verify", "--show", "PT-2026-0002"]), "the chapter's own text and hash");
    // The chapter goes on; the district collects it, then the province the district.
    b.ok(&["contribute", "--person", "TV0001", "--amount", "10.000"]);
    collect(&d, &b.db);
    assert!(collect(&province, &d.db).contains("TO1B: 1 chứng từ (PT-2026-0004)"));
    province.ok(&["verify"]);
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
fn verify_of_the_district_catches_a_copy_altered_or_cut_behind_its_back() {
    let to1 = chapter("TO1", None);
    let d = district();
    collect(&d, &to1.db);
    let out = d.ok(&["verify"]);
    assert!(out.contains("Quỹ TO1: sổ nguyên vẹn"), "{out}");
    let pristine = bytes(&d);
    // A copied amount changed: the chapter's hash no longer matches.
    let db = d.sqlite();
    db.execute_batch("DROP TRIGGER postings_no_update; UPDATE postings SET amount = amount * 2 WHERE origin_id = 6;")
        .unwrap();
    drop(db);
    let err = d.refused(&["verify"]);
    assert!(err.contains("Chứng từ PT-2026-0003 đã bị sửa"), "the copied voucher is named: {err}");
    // The last voucher of the copy removed (chain and all): the district's record says more came in.
    std::fs::write(&d.db, &pristine).unwrap();
    let db = d.sqlite();
    db.execute_batch(
        "DROP TRIGGER chain_no_delete; DROP TRIGGER transactions_no_delete; DROP TRIGGER postings_no_delete;
         DELETE FROM chain WHERE pos = (SELECT MAX(pos) FROM chain);
         DELETE FROM postings WHERE txn_id = (SELECT MAX(id) FROM transactions);
         DELETE FROM transactions WHERE id = (SELECT MAX(id) FROM transactions);",
    )
    .unwrap();
    drop(db);
    let err = d.refused(&["verify"]);
    assert!(err.contains("không dừng ở chỗ đã nhận tới"), "{err}");
}

#[test]
fn collecting_from_a_read_only_folder_works_and_creates_nothing_there() {
    use std::os::unix::fs::PermissionsExt;
    let to1 = chapter("TO1", None);
    let usb = tempfile::tempdir().unwrap();
    let stick = usb.path().join("usb");
    std::fs::create_dir(&stick).unwrap();
    let file = stick.join("to1.db");
    std::fs::copy(&to1.db, &file).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).unwrap();
    // As root permissions do not hold: a read-only mount does (CI runs as root).
    let mounted = is_root() && mount_read_only(&stick, &file);
    if !mounted {
        std::fs::set_permissions(&stick, std::fs::Permissions::from_mode(0o555)).unwrap();
    }
    let listing = || std::fs::read_dir(&stick).unwrap().map(|e| e.unwrap().file_name()).collect::<Vec<_>>();
    let before = listing();
    let d = district();
    let out = collect(&d, &file);
    assert!(out.contains("TO1 (nhận lần đầu): 3 chứng từ"), "{out}");
    assert_eq!(listing(), before, "nothing created beside the chapter's book");
    d.ok(&["verify"]);
    if mounted {
        let _ = std::process::Command::new("umount").arg(&stick).status();
    } else {
        std::fs::set_permissions(&stick, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
}

fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Mounts a small tmpfs over `dir` holding `file`, read-only. False where it cannot.
fn mount_read_only(dir: &Path, file: &Path) -> bool {
    let copy = std::fs::read(file).unwrap();
    let ok =
        std::process::Command::new("mount").args(["-t", "tmpfs", "-o", "size=4m", "tmpfs", path_str(dir)]).status();
    if !matches!(ok, Ok(s) if s.success()) {
        return false;
    }
    std::fs::write(file, copy).unwrap();
    let ok = std::process::Command::new("mount").args(["-o", "remount,ro", path_str(dir)]).status();
    matches!(ok, Ok(s) if s.success())
}

#[test]
fn a_chapter_book_made_before_book_ids_is_refused_until_opened_once() {
    let old = Book::empty();
    let db = old.sqlite();
    db.execute_batch(include_str!("../schema.sql")).unwrap();
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
