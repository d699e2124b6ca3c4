//! docs/design.md §6 "Kept sums": schema step 15 keeps each day's cash and bank
//! movements (`day_moves`) so the summary and the overview read a year as a few thousand
//! rows. What they give must be what the walk of the vouchers gives — the walk a book
//! opened read-only at an older step still takes — on a book the trigger filled, on a
//! chapter's book collected into a district (copies fill it too) and on an old book the
//! step filled when it migrated (a phiếu kế toán transfer and a reversal numbered PC).

use std::path::Path;

use chrono::NaiveDate;
use hunvon_app::Clock;
use hunvon_app::demo::{DemoOptions, generate};
use hunvon_store::{Access, Store};

use crate::common::district::collect;
use crate::common::{Book, TODAY};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A year, a stretch across a year's end, a month, a few days, the whole book.
const PERIODS: [(Option<&str>, &str); 5] = [
    (Some("2025-01-01"), "2025-12-31"),
    (Some("2025-10-15"), "2026-02-10"),
    (Some("2026-01-01"), "2026-01-31"),
    (Some("2026-01-05"), "2026-01-07"),
    (None, TODAY),
];

/// Every pool's movements over every period: from `day_moves` on the book, and from the
/// walk on a copy that says it is at step 14 (opened read-only, as an auditor's older
/// book is). Returns how many groups of movements were compared.
fn kept_equals_walk(path: &Path) -> usize {
    let copy = path.with_extension("step14.db");
    std::fs::copy(path, &copy).unwrap();
    rusqlite::Connection::open(&copy).unwrap().execute_batch("PRAGMA user_version = 14;").unwrap();
    let kept = Store::open(path, Access::ReadOnly).unwrap();
    let walked = Store::open(&copy, Access::ReadOnly).unwrap();
    assert_eq!(kept.schema_version().unwrap(), 15);
    let mut compared = 0;
    for pool in kept.pools().unwrap() {
        for (from, to) in PERIODS {
            let got = kept.money_moves_by_month(pool.id, from.map(day), Some(day(to))).unwrap();
            let want = walked.money_moves_by_month(pool.id, from.map(day), Some(day(to))).unwrap();
            assert_eq!(got, want, "pool {} {from:?}..{to}", pool.code);
            compared += got.0.len();
        }
    }
    compared
}

fn demo(path: &Path, pools: usize) {
    let opts = DemoOptions { people: 80, months: 24, pools, seed: 5, ..Default::default() };
    generate(path, &opts, Clock::fixed(day(TODAY))).unwrap();
}

/// Reverses pool TO01's first contribution dated in `month` ("2025-", "2026-02-") on `on`.
fn reverse_a_contribution(book: &Book, month: &str, on: &str) {
    let voucher: String = book
        .sqlite()
        .query_row(
            "SELECT voucher FROM transactions t JOIN pools o ON o.id = t.pool_id \
             WHERE o.code = 'TO01' AND kind = 'contribution' AND date LIKE ?1 || '%' ORDER BY t.id LIMIT 1",
            [month],
            |r| r.get(0),
        )
        .unwrap();
    book.ok(&["--pool", "TO01", "reverse", &voucher, "--reason", "ghi nhầm", "--date", on]);
}

#[test]
fn the_kept_days_are_the_walk_of_a_district_of_two_pools() {
    let book = Book::empty();
    demo(&book.db, 2);
    // A reversal of last year's contribution, and a transfer, on top of the demo's own.
    reverse_a_contribution(&book, "2025-", "2026-01-06");
    book.ok(&[
        "--pool",
        "TO01",
        "transfer",
        "--from",
        "cash",
        "--to",
        "bank",
        "--amount",
        "100.000",
        "--date",
        "2026-01-05",
    ]);
    assert!(kept_equals_walk(&book.db) > 40);
}

#[test]
fn a_collected_chapter_keeps_its_days_in_the_district() {
    let chapter = Book::empty();
    demo(&chapter.db, 1);
    let district = Book::empty();
    collect(&district, &chapter.db);
    assert!(kept_equals_walk(&district.db) > 20);
    let out = district.ok(&["verify"]);
    assert!(out.contains("nguyên vẹn"), "{out}");
    // The district's copy moves what the chapter's own book moves.
    let pools = |b: &Book| {
        let s = Store::open(&b.db, Access::ReadOnly).unwrap();
        let p = s.pools().unwrap().into_iter().next().unwrap();
        s.money_moves_by_month(p.id, Some(day("2025-01-01")), Some(day(TODAY))).unwrap()
    };
    assert_eq!(pools(&district), pools(&chapter));
}

#[test]
fn the_step_fills_the_days_an_old_book_has() {
    let book = Book::at_step7();
    // A write open migrates it.
    book.ok(&["--pool", "TO1", "pool", "set", "--org", "Hội Nông dân xã"]);
    assert!(kept_equals_walk(&book.db) >= 3);
    let out = book.ok(&["verify"]);
    assert!(out.contains("sổ nguyên vẹn"), "{out}");
    let rows: i64 = book.sqlite().query_row("SELECT COUNT(*) FROM day_moves", [], |r| r.get(0)).unwrap();
    assert!(rows >= 2, "{rows} rows");
}

/// `verify` re-derives the kept days: a row changed, deleted or added behind hunvon's back
/// is named with its day and kind, and the exit is 1.
#[test]
fn verify_names_a_kept_day_changed_deleted_or_added() {
    let book = Book::empty();
    demo(&book.db, 1);
    let out = book.ok(&["verify"]);
    assert!(out.contains("sổ nguyên vẹn"), "{out}");
    for (sql, day) in [
        (
            "UPDATE day_moves SET amount = amount + 1000 WHERE date = '2025-03-10' AND kind = 'contribution'",
            "2025-03-10",
        ),
        ("DELETE FROM day_moves WHERE date = '2025-04-10'", "2025-04-10"),
        (
            "INSERT INTO day_moves SELECT pool_id, '2001-05-11', kind, series, year, bank, incoming, postings, amount, \
             first_seq, last_seq FROM day_moves WHERE date = '2025-05-10' LIMIT 1",
            "2001-05-11",
        ),
    ] {
        let copy = Book::empty();
        std::fs::copy(&book.db, &copy.db).unwrap();
        let changed = copy.sqlite().execute(sql, []).unwrap();
        assert!(changed > 0, "{sql}");
        let out = copy.run(&["verify"]);
        assert_eq!(out.status.code(), Some(1), "{sql}");
        let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(
            said.contains(&format!("Phát sinh tiền mặt, tiền gửi lưu theo ngày (contribution) ngày {day}")),
            "{said}"
        );
    }
}

/// The cash and bank books' month totals on screen ("Cộng tháng") come from the kept
/// days too: the same as the sums of the month's postings, month by month.
#[test]
fn the_books_month_totals_are_the_postings_of_the_month() {
    let book = Book::empty();
    demo(&book.db, 2);
    reverse_a_contribution(&book, "2026-02-", "2026-03-03");
    let store = Store::open(&book.db, Access::ReadOnly).unwrap();
    let sql = book.sqlite();
    let mut months = 0;
    for pool in store.pools().unwrap() {
        for account in ["cash", "bank"] {
            let id: i64 = sql
                .query_row(
                    "SELECT id FROM accounts WHERE pool_id = ?1 AND name = ?2",
                    rusqlite::params![pool.id, account],
                    |r| r.get(0),
                )
                .unwrap();
            for (from, to) in [
                ("2025-01-01", "2025-01-31"),
                ("2026-02-01", "2026-02-28"),
                ("2026-03-01", "2026-03-31"),
                ("2026-03-03", "2026-03-03"),
            ] {
                let (got_in, got_out) = store.book_totals(pool.id, id, day(from), day(to)).unwrap();
                let want: (i64, i64) = sql
                    .query_row(
                        "SELECT COALESCE(SUM(MAX(p.amount, 0)), 0), COALESCE(SUM(MAX(-p.amount, 0)), 0) \
                         FROM postings p JOIN transactions t ON t.id = p.txn_id \
                         WHERE p.account_id = ?1 AND t.date >= ?2 AND t.date <= ?3",
                        rusqlite::params![id, from, to],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .unwrap();
                assert_eq!((got_in.0, got_out.0), want, "{} {account} {from}..{to}", pool.code);
                months += usize::from(want.0 > 0);
            }
        }
    }
    assert!(months > 6, "{months}");
}
