//! docs/design.md §11, docs/huyen-hoi.md: the district's view. Chapters' books collected into
//! one district book — first whole, then only what is new — everything a chapter writes applied
//! to the copy, `verify` of the district, a read-only folder, a district collected into a
//! province, and `report district` against the chapters' own summaries. The refusals are in
//! tests/district_refusals.rs.

use std::path::{Path, PathBuf};

use crate::common::district::{bytes, chapter, collect, district, hash_of, json, row};
use crate::common::path_str;
use rusqlite::Connection;
use serde_json::Value;

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
    to1.ok(&[
        "pool",
        "set",
        "--org",
        "Chi hội Phụ nữ ấp Cây Gòn",
        "--treasurer",
        "Lê Thị Thu Hương",
        "--forms",
        "TT133",
    ]);
    to1.ok(&["withdraw", "--person", "TV0001", "--amount", "50.000", "--date", "20/11/2026"]);
    to1.ok(&["person", "edit", "TV0001", "--left", "21/11/2026"]);
    to1.ok(&["count", "--date", "22/11/2026", "--notes", "200000x2", "--counted-by", "Ban kiểm tra"]);
    to1.ok(&["close", "--to", "31/10/2026"]);
    let printed = collect(&d, &to1.db);
    // The count finds a difference: its phiếu kế toán (to fund:pending, made on first
    // use in the district's copy too) is the second voucher.
    assert!(printed.contains("TO1: 2 chứng từ") && printed.contains("và 4 bản ghi khác"), "{printed}");
    d.ok(&["verify"]);
    for (what, args) in [
        ("balances", vec!["report", "balances", "--format", "csv"]),
        ("counts", vec!["report", "counts", "--format", "csv"]),
        ("coverage", vec!["report", "coverage", "--format", "csv"]),
        ("summary", vec!["report", "summary", "--format", "json"]),
        // The letterhead with its form set (docs/quy-dinh.md §7), and the book it numbers.
        ("letterhead", vec!["pool", "show"]),
        ("cash book", vec!["report", "cashbook"]),
    ] {
        let mut mine = args.clone();
        mine.insert(0, "--read-only");
        let theirs: Vec<&str> = ["--pool", "TO1"].into_iter().chain(args.iter().copied()).collect();
        assert_eq!(d.ok(&theirs), to1.ok(&mine), "{what}: the copy answers as the chapter's book");
    }
    assert!(d.ok(&["--pool", "TO1", "report", "cashbook"]).contains("S04a-DNN"), "the form set came in");
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
