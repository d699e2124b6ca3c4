//! docs/design.md §10 "People in the chain", "Guards checked": people are protected by the
//! chain like vouchers, the file's guards (tables, indexes, triggers) are checked against the
//! schema, and a book of the first schema is read with warnings and upgraded without locking
//! its treasurer out.

use crate::common::Book;
use hunvon_core::ledger::canonical::{CanonicalPosting, CanonicalTransaction, GENESIS, link_hash};

/// A pool with a household, a member with every identifier, and the person she sponsors.
fn people() -> Book {
    let book = Book::new();
    book.ok(&["household", "add", "--code", "H1", "--name", "Hộ Lê Thị Thu Hương", "--address", "ấp Cây Gòn"]);
    book.ok(&[
        "person",
        "add",
        "--code",
        "TV0001",
        "--name",
        "Lê Thị Thu Hương",
        "--dob",
        "12/05/1983",
        "--gender",
        "nữ",
        "--cccd",
        "084183543339",
        "--bhxh-code",
        "8412345690",
        "--category",
        "near_poor",
        "--household",
        "H1",
        "--joined",
        "2026-01-01",
    ]);
    book.ok(&["person", "add", "--code", "TV0002", "--name", "Thạch Văn Sơn", "--sponsor", "TV0001"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "200.000", "--date", "02/11/2026"]);
    book.ok(&["person", "edit", "TV0001", "--phone", "0912345678"]);
    book.ok(&["dues", "set", "--amount", "50.000", "--from", "2026-01-01"]);
    book.ok(&["verify"]);
    book
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
fn a_person_changed_behind_hunvons_back_is_named() {
    let book = people();
    let bytes = pristine(&book);
    let cases: [(&str, &str, &str); 8] = [
        (
            "UPDATE persons SET full_name = 'Lê Thị Hương' WHERE code = 'TV0001'",
            "Người TV0001 (Lê Thị Thu Hương)",
            "họ tên",
        ),
        ("UPDATE persons SET cccd = '084183543000' WHERE code = 'TV0001'", "Người TV0001", "CCCD"),
        ("UPDATE persons SET bhxh_code = '8499999990' WHERE code = 'TV0001'", "Người TV0001", "mã số BHXH"),
        ("UPDATE persons SET category = 'poor' WHERE code = 'TV0001'", "Người TV0001", "đối tượng"),
        ("UPDATE persons SET sponsor_id = NULL WHERE code = 'TV0002'", "Người TV0002 (Thạch Văn Sơn)", "người bảo trợ"),
        ("UPDATE households SET name = 'Hộ khác' WHERE code = 'H1'", "Hộ H1 (Hộ Lê Thị Thu Hương)", "tên khác"),
        (
            "INSERT INTO persons (pool_id, code, full_name, name_folded) VALUES (1, 'TV0099', 'Người Lạ', 'nguoi la')",
            "Người TV0099 (Người Lạ)",
            "không có bản ghi",
        ),
        ("UPDATE dues SET amount = 10000", "Mức đóng hằng tháng từ 01/01/2026", "khác với bản ghi"),
    ];
    for (sql, who, what) in cases {
        restore(&book, &bytes);
        book.sqlite().execute_batch(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
        let err = book.refused(&["verify"]);
        assert!(err.contains(who) && err.contains(what), "{sql}: expected {who} … {what} in: {err}");
        for id in ["084183543339", "084183543000", "8412345690", "8499999990", "0912345678"] {
            assert!(!err.contains(id), "{sql}: messages keep the numbers out: {err}");
        }
    }
    let err = book.refused(&["--lang", "en", "verify"]);
    assert!(err.contains("changed behind hunvon's back") || err.contains("no record in the hash chain"), "{err}");
    // An edit through hunvon is recorded and verifies.
    restore(&book, &bytes);
    book.ok(&["person", "edit", "TV0001", "--name", "Lê Thị Thu Hương B", "--category", "poor"]);
    book.ok(&["verify"]);
}

#[test]
fn codes_never_change_and_people_are_never_deleted() {
    let book = people();
    let db = book.sqlite();
    for sql in [
        "UPDATE persons SET code = 'TV9999' WHERE code = 'TV0001'",
        "UPDATE households SET code = 'H9' WHERE code = 'H1'",
        "DELETE FROM persons WHERE code = 'TV0002'",
        "DELETE FROM households WHERE code = 'H1'",
        "UPDATE chain SET body = '{}' WHERE pos = 1",
        "DELETE FROM chain WHERE pos = 1",
        "INSERT INTO chain (pool_id, pos, kind, body, prev_hash, hash, entered_at) VALUES (1, 99, 'dues', '{}', 'x', 'y', 'z')",
    ] {
        let err = db.execute_batch(sql).expect_err(sql).to_string();
        assert!(err.contains("never") || err.contains("append-only") || err.contains("continue"), "{sql}: {err}");
    }
}

#[test]
fn every_kind_of_record_is_shown_in_full() {
    let book = people();
    let mut kinds = std::collections::BTreeMap::new();
    for pos in 1.. {
        let out = book.run(&["verify", "--show", &format!("#{pos}")]);
        if !out.status.success() {
            break;
        }
        let shown = String::from_utf8(out.stdout).unwrap();
        let text = shown.lines().nth(1).unwrap().to_string();
        let kind = text.strip_prefix("{\"record\":\"").map_or("voucher", |t| t.split('"').next().unwrap()).to_string();
        kinds.insert(kind, text);
    }
    assert_eq!(kinds.keys().collect::<Vec<_>>(), ["dues", "household", "person", "pool", "voucher"]);
    assert!(kinds["person"].contains("\"cccd\":\"084183543339\""), "in full, for the auditor: {}", kinds["person"]);
    assert!(kinds["pool"].contains("\"book_id\":\""));
}

#[test]
fn dropped_altered_and_added_guards_are_named_and_the_walk_goes_on() {
    let book = people();
    let bytes = pristine(&book);
    let cases = [
        ("DROP TRIGGER transactions_no_update;", "trigger transactions_no_update", "đã bị xóa bớt"),
        ("DROP INDEX persons_by_name;", "index persons_by_name", "đã bị xóa bớt"),
        (
            "DROP TRIGGER chain_no_delete; CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain WHEN 0 BEGIN SELECT 1; END;",
            "trigger chain_no_delete",
            "đã bị sửa",
        ),
        ("CREATE TRIGGER sneaky AFTER INSERT ON postings BEGIN SELECT 1; END;", "trigger sneaky", "không do hunvon"),
    ];
    for (sql, object, how) in cases {
        restore(&book, &bytes);
        book.sqlite().execute_batch(sql).unwrap();
        let err = book.refused(&["verify"]);
        assert!(err.contains(object) && err.contains(how), "{sql}: {err}");
    }
    // A guard dropped, then a voucher changed: both named.
    restore(&book, &bytes);
    book.sqlite()
        .execute_batch(
            "DROP TRIGGER transactions_no_update; UPDATE transactions SET note = 'sửa' WHERE voucher = 'PT-2026-0001';",
        )
        .unwrap();
    let err = book.refused(&["verify"]);
    assert!(err.contains("transactions_no_update") && err.contains("Chứng từ PT-2026-0001 đã bị sửa"), "{err}");
    // Statistics tables made by ANALYZE are not guards.
    restore(&book, &bytes);
    book.sqlite().execute_batch("ANALYZE;").unwrap();
    book.ok(&["verify"]);
}

/// A book as the first schema made it (no chain table, no records), with a pool, a
/// household, a person, dues and one voucher: returns the voucher's hash.
fn first_schema_book(book: &Book) -> String {
    let db = book.sqlite();
    db.execute_batch(include_str!("../../crates/store/src/initial.sql")).unwrap();
    db.execute_batch(
        "PRAGMA user_version = 1;
         INSERT INTO pools (id, code, name, created_at) VALUES (1, 'TO1', 'Tổ hùn vốn ấp Cây Gòn', '2025-01-01T00:00:00Z');
         INSERT INTO accounts (pool_id, name) VALUES (1, 'cash'), (1, 'bank'), (1, 'fund:common'), (1, 'fund:opening');
         INSERT INTO households (id, pool_id, code, name) VALUES (1, 1, 'H1', 'Hộ Lê');
         INSERT INTO persons (id, pool_id, code, full_name, name_folded, cccd, household_id, joined)
             VALUES (1, 1, 'TV0001', 'Lê Thị Thu Hương', 'le thi thu huong', '084183543339', 1, '2025-01-01');
         INSERT INTO accounts (pool_id, name, person_id) VALUES (1, 'member:TV0001', 1);
         INSERT INTO dues (pool_id, amount, effective_from) VALUES (1, 100000, '2025-01-01');
         BEGIN;
         INSERT INTO postings (id, txn_id, account_id, amount) VALUES
             (1, 1, (SELECT id FROM accounts WHERE name = 'cash'), 100000),
             (2, 1, (SELECT id FROM accounts WHERE name = 'member:TV0001'), -100000);",
    )
    .unwrap();
    let t = CanonicalTransaction {
        id: 1,
        pool: "TO1".into(),
        voucher: "PT-2025-0001".into(),
        series: "PT".into(),
        year: 2025,
        seq: 1,
        date: "2025-02-01".into(),
        kind: "contribution".into(),
        method: Some("cash".into()),
        person: Some("TV0001".into()),
        note: "góp".into(),
        reverses: None,
        receipt_no: String::new(),
        entered_at: "2025-02-01T00:00:00Z".into(),
        postings: vec![
            CanonicalPosting { id: 1, account: "cash".into(), amount: 100_000 },
            CanonicalPosting { id: 2, account: "member:TV0001".into(), amount: -100_000 },
        ],
        coverages: vec![],
        bank_ref: String::new(),
        count_ref: String::new(),
    };
    let hash = link_hash(GENESIS, &t.json());
    db.execute(
        "INSERT INTO transactions (id, pool_id, voucher, series, year, seq, date, kind, method, person_id, note, entered_at, prev_hash, hash)
         VALUES (1, 1, 'PT-2025-0001', 'PT', 2025, 1, '2025-02-01', 'contribution', 'cash', 1, 'góp', '2025-02-01T00:00:00Z', ?1, ?2)",
        (GENESIS, &hash),
    )
    .unwrap();
    db.execute_batch("COMMIT;").unwrap();
    hash
}

#[test]
fn an_older_book_read_only_gets_warnings_and_upgrades_on_its_next_write() {
    let book = Book::empty();
    let hash = first_schema_book(&book);
    let before = std::fs::read(&book.db).unwrap();
    let out = book.run(&["--read-only", "verify"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "warnings, not exit 1: {err}");
    assert!(err.contains("Cảnh báo") && err.contains("cấu trúc cũ"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("PT-2025-0001={hash}")));
    assert!(book.ok(&["--read-only", "report", "summary"]).contains(&format!("PT-2025-0001={hash}")));
    let shown = book.ok(&["--read-only", "verify", "--show", "PT-2025-0001"]);
    assert_eq!(shown.lines().nth(2), Some(hash.as_str()));
    assert_eq!(std::fs::read(&book.db).unwrap(), before, "read-only changes no byte");

    // Opened for writing, it is upgraded: its voucher keeps its hash, and the pool, the
    // household, the person and the dues get their records after it.
    let out = book.ok(&["verify"]);
    assert!(out.contains("1 chứng từ và 4 bản ghi khác"), "{out}");
    assert_eq!(book.ok(&["verify", "--show", "PT-2025-0001"]), shown, "existing hashes stay valid");
    let record = |pos: u32| book.ok(&["verify", "--show", &format!("#{pos}")]).lines().nth(1).unwrap().to_string();
    assert!(record(2).starts_with(r#"{"record":"pool","pool":"TO1","book_id":""#), "{}", record(2));
    assert!(record(3).starts_with(r#"{"record":"household","pool":"TO1","code":"H1""#));
    assert!(record(4).contains(r#""code":"TV0001""#) && record(4).contains(r#""household":"H1""#));
    assert!(record(5).starts_with(r#"{"record":"dues","pool":"TO1","amount":100000"#));
    // The treasurer goes on.
    book.ok(&["person", "edit", "TV0001", "--phone", "0912345678"]);
    book.ok(&["contribute", "--person", "TV0001", "--amount", "50.000"]);
    book.ok(&["verify"]);
}

/// A voucher follows whatever record was entered last, in a later write or in the same
/// write session (the Appender keeps the chain head in memory).
#[test]
fn vouchers_follow_records_entered_between_them() {
    use hunvon_core::ledger::record::{PoolRecord, Record};
    use hunvon_core::ledger::{Account, Kind, NewTransaction, Series};
    let book = people();
    book.ok(&["contribute", "--person", "TV0002", "--amount", "100.000", "--date", "03/11/2026"]);
    let dues = book.ok(&["verify", "--show", "#7"]);
    assert!(dues.contains("\"record\":\"dues\""), "{dues}");
    let after = book.ok(&["verify", "--show", "PT-2026-0002"]);
    assert_eq!(after.lines().next(), dues.lines().nth(2), "the voucher follows the dues record");

    let mut store = hunvon_store::Store::open(&book.db, hunvon_store::Access::Write).unwrap();
    let mut ap = store.appender(1, "2026-11-24T00:00:00Z").unwrap();
    let place = ap
        .append_record(&Record::Pool(PoolRecord {
            pool: "TO1".into(),
            book_id: "6f1c0b8e-3d2a-4c1f-9a57-2b8e4d6c9f10".into(),
            name: "Tổ hùn vốn ấp Cây Gòn".into(),
            letterhead: None,
            entered_at: "2026-11-24T00:00:00Z".into(),
        }))
        .unwrap();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 4).unwrap();
    let moved = vec![
        (Account::Bank, hunvon_core::domain::money::Dong(1_000)),
        (Account::Cash, hunvon_core::domain::money::Dong(-1_000)),
    ];
    ap.append(&NewTransaction::simple(Series::Pk, Kind::Transfer, date, moved)).unwrap();
    ap.commit().unwrap();
    drop(store);
    let shown = book.ok(&["verify", "--show", "PK-2026-0001"]);
    assert_eq!(shown.lines().next(), Some(place.hash.as_str()));
    book.ok(&["verify"]);
}

/// Two pools whose vouchers interleave (docs/design.md §12): a pool whose vouchers fill
/// most of their id range reads its postings as one range, passing over the other pool's
/// rows; one spread thin among the other's has each voucher's sought. Both verify intact,
/// and in both an amount changed behind hunvon's back is named with its voucher.
#[test]
fn pools_whose_vouchers_interleave_verify_and_a_changed_amount_is_named() {
    let book = Book::new();
    book.ok(&["init", "--pool", "TO2", "--name", "Tổ hùn vốn ấp Bưng Tróp"]);
    for pool in ["TO1", "TO2"] {
        book.ok(&["--pool", pool, "person", "add", "--code", "TV0001", "--name", "Lê Thị Thu Hương"]);
    }
    let rows = |n: usize| {
        let mut csv = String::from("date,person_code,amount,method,note\n");
        csv.push_str(&"2026-11-02,TV0001,1.000,cash,góp\n".repeat(n));
        csv
    };
    let import = |pool: &str, n: usize| {
        let file = book.write(&format!("{pool}-{n}.csv"), &rows(n));
        book.ok(&["--pool", pool, "import", "contributions", crate::common::path_str(&file)]);
    };
    let changed_is_named = |voucher: &str| {
        let before = pristine(&book);
        book.sqlite()
            .execute_batch(&format!(
                "DROP TRIGGER postings_no_update; UPDATE postings SET amount = amount + 1 WHERE amount > 0 AND txn_id = \
                 (SELECT t.id FROM transactions t JOIN pools p ON p.id = t.pool_id WHERE p.code = 'TO1' AND t.voucher = '{voucher}');"
            ))
            .expect("change");
        let out = book.run(&["verify"]);
        let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{text}");
        assert!(text.contains(&format!("Chứng từ {voucher} đã bị sửa")), "{text}");
        restore(&book, &before);
    };
    // TO1's 41 vouchers span 51 ids, 10 of them TO2's: read as one range.
    book.ok(&["--pool", "TO1", "contribute", "--person", "TV0001", "--amount", "100.000", "--date", "01/11/2026"]);
    import("TO2", 10);
    import("TO1", 40);
    assert_eq!(book.ok(&["verify"]).matches("sổ nguyên vẹn").count(), 2);
    changed_is_named("PT-2026-0041");
    // After 150 of TO2's, TO1's 42 vouchers span 202 ids: each one's postings sought.
    import("TO2", 150);
    book.ok(&["--pool", "TO1", "contribute", "--person", "TV0001", "--amount", "100.000", "--date", "03/11/2026"]);
    assert_eq!(book.ok(&["verify"]).matches("sổ nguyên vẹn").count(), 2);
    changed_is_named("PT-2026-0042");
}
