//! docs/design.md §4 "One moment per paper, and a second core": the summary reads a period
//! through walks of covering indexes joined in Rust. Each of its figures is checked here
//! against plain SQL over the same book — a demo district of two pools (their vouchers'
//! ids interleave) with purchases, reversals and back-dated reversals — for periods that
//! start before, inside and after the reversals they meet.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use hunvon_app::demo::{DemoOptions, generate};
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::browse::SearchKeys;
use rusqlite::{Connection, params};

use crate::common::{Book, TODAY};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

struct Fixture {
    _book: Book,
    app: App,
    /// The store's own queries, checked against plain SQL below.
    store: hunvon_store::Store,
    sql: Connection,
}

/// The demo district, then in pool TO01 (its ids now after TO02's): a back-dated
/// contribution, a contribution reversed the same month, a 2025 contribution reversed
/// in 2026 and its last purchase reversed.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("district.db");
    let opts = DemoOptions { people: 120, months: 30, pools: 2, seed: 11, ..Default::default() };
    generate(&path, &opts, Clock::fixed(day(TODAY))).unwrap();
    let book = Book { dir, db: path.clone(), today: TODAY.to_string() };
    let sql = Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let one = |q: &str| -> String { sql.query_row(q, [], |r| r.get(0)).unwrap() };
    let member = one("SELECT p.code FROM persons p JOIN pools o ON o.id = p.pool_id \
         WHERE o.code = 'TO01' AND p.joined IS NOT NULL ORDER BY p.id LIMIT 1");
    let pool = ["--pool", "TO01"];
    let give = |date: &str| {
        book.voucher(&[&pool[..], &["contribute", "--person", &member, "--amount", "150.000", "--date", date]].concat())
    };
    let undo = |voucher: &str, date: &str| {
        book.ok(&[&pool[..], &["reverse", voucher, "--reason", "ghi nhầm", "--date", date]].concat());
    };
    give("2025-06-10");
    undo(&give("2026-11-20"), "2026-11-24");
    undo(
        &one("SELECT t.voucher FROM transactions t JOIN pools o ON o.id = t.pool_id WHERE o.code = 'TO01' \
             AND t.kind = 'contribution' AND t.date LIKE '2025-03-%' ORDER BY t.id LIMIT 1"),
        "2026-01-05",
    );
    undo(
        &one("SELECT t.voucher FROM transactions t JOIN pools o ON o.id = t.pool_id WHERE o.code = 'TO01' \
             AND t.kind LIKE 'purchase%' AND t.reverses_id IS NULL ORDER BY t.id DESC LIMIT 1"),
        TODAY,
    );
    let app = App::open(&path, true, Some("all"), Lang::Vi, Clock::fixed(day(TODAY))).unwrap();
    let store = hunvon_store::Store::open(&path, hunvon_store::Access::ReadOnly).unwrap();
    Fixture { _book: book, app, store, sql }
}

/// Periods: the first year, a stretch across a year's end, one month, the whole book.
const PERIODS: [(Option<&str>, &str); 5] = [
    (Some("2024-06-01"), "2024-12-31"),
    (Some("2025-01-01"), "2025-12-31"),
    (Some("2025-10-15"), "2026-02-10"),
    (Some("2026-10-01"), "2026-10-31"),
    (None, "2026-11-24"),
];

/// (kind, reversal, earlier, bank, incoming), as the summary groups movements.
type Group = (String, bool, bool, bool, bool);

fn bounds(from: Option<&str>, to: &str) -> (String, String) {
    (from.unwrap_or("0000-01-01").to_string(), to.to_string())
}

#[test]
fn the_book_has_what_the_checks_need() {
    let f = fixture();
    let count = |q: &str| -> i64 { f.sql.query_row(q, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT COUNT(*) FROM pools"), 2);
    assert!(count("SELECT COUNT(*) FROM transactions WHERE reverses_id IS NOT NULL") > 5);
    assert!(count("SELECT COUNT(*) FROM coverages") > 100);
    // The pools' vouchers interleave by id.
    let last_of = |pool: &str| {
        count(&format!("SELECT MAX(t.id) FROM transactions t JOIN pools o ON o.id = t.pool_id WHERE o.code = '{pool}'"))
    };
    assert!(last_of("TO01") > last_of("TO02"));
}

#[test]
fn money_moves_are_the_grouped_join() {
    let f = fixture();
    let mut reversals = 0;
    for pool in f.store.pools().unwrap() {
        let account = |name: &str| -> i64 {
            f.sql
                .query_row("SELECT id FROM accounts WHERE pool_id = ?1 AND name = ?2", params![pool.id, name], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        let (cash, bank) = (account("cash"), account("bank"));
        for (from, to) in PERIODS {
            let (lo, hi) = bounds(from, to);
            let (moves, vouchers) = f.store.money_moves(pool.id, from.map(day), Some(day(to))).unwrap();
            let got: BTreeMap<Group, (i64, i64)> = moves
                .iter()
                .map(|m| {
                    let bank = m.account == hunvon_core::ledger::Account::Bank;
                    ((m.kind.clone(), m.reversal, m.earlier, bank, m.amount.0 > 0), (m.count, m.amount.0))
                })
                .collect();
            let mut st = f
                .sql
                .prepare(
                    "SELECT COALESCE(o.kind, t.kind), o.id IS NOT NULL, COALESCE(o.date < ?2, 0), p.account_id = ?5, \
                            p.amount > 0, COUNT(*), SUM(p.amount) \
                     FROM transactions t JOIN postings p ON p.txn_id = t.id AND p.account_id IN (?4, ?5) \
                     LEFT JOIN transactions o ON o.id = t.reverses_id \
                     WHERE t.pool_id = ?1 AND t.date >= ?2 AND t.date <= ?3 GROUP BY 1, 2, 3, 4, 5",
                )
                .unwrap();
            let want: BTreeMap<_, _> = st
                .query_map(params![pool.id, lo, hi, cash, bank], |r| {
                    Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?), (r.get(5)?, r.get(6)?)))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(got, want, "pool {} {from:?}..{to}", pool.code);
            reversals += got.keys().filter(|k| k.1).count();
            let mut st = f
                .sql
                .prepare(
                    "SELECT series, year, MIN(seq), MAX(seq) FROM transactions t \
                     WHERE pool_id = ?1 AND date >= ?2 AND date <= ?3 AND (series = 'PK' OR EXISTS \
                       (SELECT 1 FROM postings p WHERE p.txn_id = t.id AND p.account_id IN (?4, ?5))) \
                     GROUP BY year, series ORDER BY year, series",
                )
                .unwrap();
            let want: Vec<(String, String)> = st
                .query_map(params![pool.id, lo, hi, cash, bank], |r| {
                    let (series, year, a, b): (String, i32, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                    Ok((format!("{series}-{year:04}-{a:04}"), format!("{series}-{year:04}-{b:04}")))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(vouchers, want, "pool {} {from:?}..{to}", pool.code);
        }
    }
    assert!(reversals > 10, "{reversals} groups of reversals");
}

#[test]
fn contributions_up_to_a_day_are_those_standing_that_day() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        for (_, to) in PERIODS {
            let got = f.store.contributions_upto(pool.id, day(to)).unwrap();
            let mut st = f
                .sql
                .prepare(
                    "SELECT a.person_id, COALESCE(SUM(-p.amount), 0) FROM accounts a \
                     LEFT JOIN postings p ON p.account_id = a.id AND p.amount < 0 AND p.txn_id IN \
                       (SELECT t.id FROM transactions t WHERE t.pool_id = ?1 AND t.kind = 'contribution' \
                          AND t.date <= ?2 AND NOT EXISTS \
                            (SELECT 1 FROM transactions r WHERE r.reverses_id = t.id AND r.date <= ?2)) \
                     WHERE a.pool_id = ?1 AND a.person_id IS NOT NULL GROUP BY a.person_id",
                )
                .unwrap();
            let want: BTreeMap<i64, i64> = st
                .query_map(params![pool.id, to], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let got: BTreeMap<i64, i64> = got.into_iter().map(|(p, d)| (p, d.0)).collect();
            assert_eq!(got, want, "pool {} up to {to}", pool.code);
        }
    }
}

#[test]
fn the_cover_tally_counts_what_report_coverage_lists() {
    let f = fixture();
    let mut bought_any = 0;
    for pool in f.store.pools().unwrap() {
        for (from, to) in PERIODS {
            let tally = f.app.cover_tally(pool.id, from.map(day), day(to)).unwrap();
            let rows = f.app.coverage_rows_of(pool.id, day(to)).unwrap();
            let count = |s: hunvon_core::rules::bhyt::BhytStatus| rows.iter().filter(|r| r.bhyt_status == s).count();
            use hunvon_core::rules::bhyt::BhytStatus as S;
            let c = tally.counts;
            let listed = (count(S::Covered), count(S::Expiring), count(S::Waiting), count(S::Lapsed), count(S::None));
            assert_eq!((c.covered, c.expiring, c.waiting, c.lapsed, c.none), listed, "pool {} {to}", pool.code);
            let current =
                rows.iter().filter(|r| r.bhxh_status == hunvon_core::rules::bhxh::BhxhStatus::Current).count();
            assert_eq!(tally.bhxh_current, current, "pool {} {to}", pool.code);
            let bought = f.store.bought_in_period(pool.id, from.map(day), day(to)).unwrap();
            assert_eq!((tally.cards_bought, tally.bhxh_months_bought), bought, "pool {} {from:?}..{to}", pool.code);
            assert!(c.covered + c.expiring > 0, "pool {} {to}", pool.code);
            bought_any += tally.cards_bought;
        }
    }
    assert!(bought_any > 0);
}

/// A paper with a second reader shares the walk of the coverage rows with it, piece by
/// piece (`cover_in_force_beside`): the same rows, in the same order, as one walk — in
/// pools whose vouchers interleave, so each piece passes over the other pool's rows.
#[test]
fn cover_in_force_on_two_readers_is_one_walk() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        for (from, to) in PERIODS {
            let one = f.store.cover_in_force(pool.id, from.map(day), day(to)).unwrap();
            let (two, people) = f
                .store
                .with_second_reader(|helper| {
                    let helper = helper.expect("a book on disk has a second reader");
                    f.store.cover_in_force_beside(helper, (pool.id, from.map(day), day(to)), |store| {
                        store.cover_people(pool.id)
                    })
                })
                .unwrap();
            assert!(one.1.len() > 10, "pool {} {to}", pool.code);
            assert_eq!(one, two, "pool {} {from:?}..{to}", pool.code);
            assert_eq!(people, f.store.cover_people(pool.id).unwrap());
        }
    }
}

#[test]
fn member_balances_at_a_day_are_their_postings_up_to_it() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        for (_, to) in PERIODS {
            let got: BTreeMap<String, i64> =
                f.store.member_balances(pool.id, day(to)).unwrap().into_iter().map(|r| (r.code, r.balance.0)).collect();
            let mut st = f
                .sql
                .prepare(
                    "SELECT pe.code, COALESCE(-SUM(p.amount), 0) FROM persons pe JOIN accounts a ON a.person_id = pe.id \
                     LEFT JOIN postings p ON p.account_id = a.id \
                       AND p.txn_id IN (SELECT id FROM transactions WHERE date <= ?2) \
                     WHERE pe.pool_id = ?1 GROUP BY pe.code",
                )
                .unwrap();
            let want: BTreeMap<String, i64> = st
                .query_map(params![pool.id, to], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(got, want, "pool {} at {to}", pool.code);
            let (members, owed) = f.store.member_totals(pool.id, day(to)).unwrap();
            let owed_want: i64 = want.values().filter(|b| **b < 0).map(|b| -b).sum();
            assert_eq!((members.0, owed.0), (want.values().sum(), owed_want), "pool {} at {to}", pool.code);
            assert!(owed_want > 0, "someone owes the pool {} at {to}", pool.code);
        }
    }
}

#[test]
fn the_months_of_the_moves_are_the_month_flows() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        for (from, to) in PERIODS {
            let (_, _, months) = f.store.money_moves_by_month(pool.id, from.map(day), Some(day(to))).unwrap();
            let want = f.store.month_flows(pool.id, day(from.unwrap_or("2000-01-01")), day(to)).unwrap();
            assert!(!want.is_empty());
            assert_eq!(months, want, "pool {} {from:?}..{to}", pool.code);
        }
    }
}

#[test]
fn the_summary_draws_the_plan_target_row_counts() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        for (from, to) in PERIODS {
            let period = hunvon_app::papers::reports::Period { from: from.map(day), to: Some(day(to)) };
            let s = f.app.summary_of(&pool, period).unwrap();
            let row = f.app.target_row(&pool, chrono::Datelike::year(&day(to)), day(to)).unwrap();
            assert_eq!((s.covered + s.expiring) as i64, row.bhyt_covered, "{} {to}", pool.code);
            assert_eq!(s.bhxh_current as i64, row.bhxh_participants, "{} {to}", pool.code);
            assert_eq!(s.new_bhxh, row.new_bhxh, "{} {to}", pool.code);
        }
    }
}

#[test]
fn the_overview_reads_once_what_the_reports_read_apart() {
    let f = fixture();
    for pool in f.store.pools().unwrap() {
        let app = App::open(&f._book.db, true, Some(&pool.code), Lang::Vi, Clock::fixed(day(TODAY))).unwrap();
        for to in ["2025-06-30", "2025-12-31", TODAY] {
            let as_of = day(to);
            let w = app.watch(as_of).unwrap();
            // Households and sponsors named from maps, as the join names them.
            assert_eq!(f.store.persons_with_keys(pool.id).unwrap().0, f.store.persons(pool.id).unwrap());
            assert_eq!(w.plan, app.target_row(&pool, chrono::Datelike::year(&as_of), as_of).unwrap(), "{to}");
            let outreach: Vec<_> = w.outreach.iter().map(|l| l.row.clone()).collect();
            assert_eq!(outreach, app.outreach_rows(&pool, as_of).unwrap(), "{to}");
            let cover: Vec<_> = w.cover.iter().map(|l| l.row.clone()).collect();
            assert_eq!(cover, app.coverage_rows_of(pool.id, as_of).unwrap(), "{to}");
            let first = NaiveDate::from_ymd_opt(chrono::Datelike::year(&as_of) - 1, 1, 1).unwrap();
            let found = f.store.month_flows(pool.id, first, as_of).unwrap();
            assert_eq!(w.months.len(), 12);
            for m in &w.months {
                let want = found.iter().find(|x| x.month == m.month).map_or((0, 0), |x| (x.receipts, x.payments));
                assert_eq!((m.receipts, m.payments), want, "{} {to}", m.month);
            }
            let arrears = app.arrears_rows(&pool, as_of).unwrap();
            // What a search matches of each person, read here as the search reads it.
            let mut st = f
                .sql
                .prepare(
                    "SELECT code, name_folded, COALESCE(phone, ''), COALESCE(cccd, ''), COALESCE(bhxh_code, '') \
                     FROM persons WHERE pool_id = ?1",
                )
                .unwrap();
            let keys: Vec<SearchKeys> = st
                .query_map([pool.id], |r| {
                    Ok(SearchKeys::new(
                        &r.get::<_, String>(0)?,
                        &r.get::<_, String>(1)?,
                        &r.get::<_, String>(2)?,
                        &r.get::<_, String>(3)?,
                        &r.get::<_, String>(4)?,
                    ))
                })
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert_eq!(w.dues.len(), arrears.len());
            for (d, a) in w.dues.iter().zip(&arrears) {
                assert_eq!((&d.code, d.owed, d.months), (&a.code, a.owed, a.months));
                assert_eq!(Some(&d.keys), keys.iter().find(|k| k.code() == d.code));
            }
            assert_eq!(w.dues_total, arrears.iter().map(|a| a.owed).sum());
        }
    }
}
