//! docs/design.md §12 (ninth round): what `verify` no longer reads because something
//! cheaper proves it, and that it reads it when the proof fails. A pool's voucher numbering
//! comes from its walk only when the walk met every voucher of the pool, each once (their
//! row ids rising, all the pool's, as many as the table holds). Each case below would name
//! the wrong figures, or nothing, if the walk's numbering were taken without that proof.
//! And what a voucher's row holds besides what every voucher holds (references, a reversed
//! voucher, a chain row of another kind, with a body or a time) is read and named: a
//! shortcut that took those columns as hunvon writes them would miss each.

use crate::common::forgery::{drop_triggers, restore_triggers};
use crate::common::{Book, book};

/// A book with a pool, one person and three contributions (PT-2026-0001 … 0003).
fn three_receipts() -> Book {
    let mut b = book().person("TV0001", "Lê Thị Thu Hương");
    for amount in ["100.000", "200.000", "300.000"] {
        b = b.contribute("TV0001", amount, None);
    }
    b.done()
}

/// `sql` run with the guards (triggers, foreign keys, CHECKs) set aside, then the triggers
/// put back.
fn forge(book: &Book, sql: &str) {
    let db = book.sqlite();
    db.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON;").unwrap();
    let triggers = drop_triggers(&db);
    db.execute_batch(sql).unwrap();
    restore_triggers(&db, &triggers);
}

const GAP_OF_THREE: &str = "Số chứng từ PT-2026 không liên tục: có 3 chứng từ nhưng số lớn nhất là 9.";

#[test]
fn a_deleted_voucher_leaves_a_gap_the_walk_names() {
    let book = three_receipts();
    book.ok(&["verify"]);
    forge(
        &book,
        "DELETE FROM postings WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0002');
         DELETE FROM transactions WHERE voucher = 'PT-2026-0002';",
    );
    let err = book.refused(&["verify"]);
    assert!(err.contains("Số chứng từ PT-2026 không liên tục: có 2 chứng từ nhưng số lớn nhất là 3."), "{err}");
    let err = book.refused(&["--lang", "en", "verify"]);
    assert!(err.contains("Voucher numbers PT-2026 have gaps: 2 vouchers but the highest number is 3."), "{err}");
}

/// The chain names one voucher twice and the other no more: the walk met PT-2026-0002
/// twice (numbers 1, 2, 2), the table holds 1, 2, 9.
#[test]
fn a_chain_naming_a_voucher_twice_leaves_the_numbering_to_the_table() {
    let book = three_receipts();
    forge(
        &book,
        "UPDATE chain SET txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0002')
          WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0003');
         UPDATE transactions SET seq = 9 WHERE voucher = 'PT-2026-0003';",
    );
    let err = book.refused(&["verify"]);
    assert!(err.contains(GAP_OF_THREE), "{err}");
}

/// A voucher inserted with no place in the chain: the walk met three, numbered 1 to 3;
/// the table holds four, the highest 9.
#[test]
fn an_unchained_voucher_is_counted_in_the_numbering() {
    let book = three_receipts();
    forge(
        &book,
        "INSERT INTO transactions (pool_id, voucher, series, year, seq, date, kind, method, person_id, note,
                                   receipt_no, entered_at, prev_hash, hash)
         SELECT pool_id, 'PT-2026-0009', series, year, 9, date, kind, method, person_id, note, receipt_no,
                entered_at, prev_hash, hash FROM transactions WHERE voucher = 'PT-2026-0003';",
    );
    let err = book.refused(&["verify"]);
    assert!(err.contains("Số chứng từ PT-2026 không liên tục: có 4 chứng từ nhưng số lớn nhất là 9."), "{err}");
    assert!(err.contains("PT-2026-0009"), "{err}");
}

/// Pool TO1's chain names a voucher of TO2 in place of its own third: the walk met three
/// vouchers numbered 1, 2, 1, as many as TO1 holds, but one is not TO1's.
#[test]
fn another_pools_voucher_in_the_chain_leaves_the_numbering_to_the_table() {
    let book = three_receipts();
    book.ok(&["--pool", "TO2", "init", "--name", "Tổ hùn vốn ấp Đại Mong"]);
    book.ok(&["--pool", "TO2", "person", "add", "--code", "TV0001", "--name", "Thạch Thị Sà Phol"]);
    book.ok(&["--pool", "TO2", "contribute", "--person", "TV0001", "--amount", "55000"]);
    forge(
        &book,
        "UPDATE chain SET txn_id = (SELECT id FROM transactions WHERE pool_id = 2)
          WHERE pool_id = 1 AND txn_id = (SELECT id FROM transactions WHERE pool_id = 1 AND voucher = 'PT-2026-0003');
         UPDATE transactions SET seq = 9 WHERE pool_id = 1 AND voucher = 'PT-2026-0003';",
    );
    let err = book.refused(&["--pool", "TO1", "verify"]);
    assert!(err.contains(GAP_OF_THREE), "{err}");
}

/// One voucher's references, reversed voucher and chain row changed behind hunvon's back
/// (a copy of the book for each): each is named.
#[test]
fn a_vouchers_references_reversal_and_chain_row_changed_are_named() {
    let book = three_receipts();
    let pristine = std::fs::read(&book.db).unwrap();
    let second = "(SELECT id FROM transactions WHERE voucher = 'PT-2026-0002')";
    let altered = "Voucher PT-2026-0002 was altered: its content no longer matches its recorded hash.";
    let cases = [
        (format!("UPDATE transactions SET bank_ref = 'FT26001' WHERE id = {second}"), altered),
        (format!("UPDATE transactions SET count_ref = 'KK-1' WHERE id = {second}"), altered),
        (
            format!(
                "UPDATE transactions SET reverses_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0001')
                  WHERE id = {second}"
            ),
            altered,
        ),
        (format!("UPDATE chain SET body = '{{}}' WHERE txn_id = {second}"), "of the chain was not written by hunvon."),
        (format!("UPDATE chain SET kind = 'card', body = '{{}}' WHERE txn_id = {second}"), "The card record #"),
        (
            format!("UPDATE chain SET entered_at = '2001-01-15T12:00:00Z' WHERE txn_id = {second}"),
            "PT-2026-0002 was entered at 15/01/2001",
        ),
    ];
    for (sql, named) in cases {
        std::fs::write(&book.db, &pristine).unwrap();
        forge(&book, &sql);
        let out = book.run(&["--lang", "en", "verify"]);
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(all.contains(named), "{sql}:\n{all}");
    }
}

/// A voucher's place in the chain given a kind or a time of its own, with the CHECKs set
/// aside: nothing hashed changes (a voucher's text is its row's), so only the row's rule
/// names it — in both languages, and an honest book says nothing of the kind.
#[test]
fn a_voucher_row_with_a_kind_or_a_time_of_its_own_is_named() {
    let clean = three_receipts();
    let out = clean.ok(&["verify"]);
    assert!(!out.contains("mang loại"), "{out}");
    let place = "WHERE txn_id = (SELECT id FROM transactions WHERE voucher = 'PT-2026-0002')";
    for set in ["entered_at = '2020-01-01T00:00:00Z'", "kind = 'person'", "kind = 7"] {
        let book = three_receipts();
        forge(&book, &format!("UPDATE chain SET {set} {place}"));
        let err = book.refused(&["verify"]);
        assert!(
            err.contains("Vị trí #4 của chuỗi băm (chứng từ PT-2026-0002) mang loại hoặc giờ ghi riêng"),
            "{set}: {err}"
        );
        let err = book.refused(&["--lang", "en", "verify"]);
        assert!(
            err.contains("Place #4 of the hash chain (voucher PT-2026-0002) holds a kind or a time"),
            "{set}: {err}"
        );
    }
}

/// A voucher made to reverse a voucher that does not exist (foreign keys set aside): the
/// join finds nothing, which must not read as "reverses nothing".
#[test]
fn a_voucher_reversing_nothing_that_exists_is_named() {
    let book = three_receipts();
    forge(&book, "UPDATE transactions SET reverses_id = 999999 WHERE voucher = 'PT-2026-0002'");
    let err = book.refused(&["verify"]);
    assert!(err.contains("PT-2026-0002"), "{err}");
    let err = book.refused(&["--lang", "en", "verify"]);
    assert!(err.contains("PT-2026-0002"), "{err}");
}
