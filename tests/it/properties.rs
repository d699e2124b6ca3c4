//! Property tests of the ledger through the library on real SQLite files: unbalanced
//! transactions are never stored (by Rust or by the database), and voucher numbers stay
//! gap-free under random reversals.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use hunvon_app::{App, Clock};
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, NewTransaction, Series};
use hunvon_core::messages::i18n::Lang;
use proptest::prelude::*;

use crate::common::props;

fn fresh_app(dir: &tempfile::TempDir) -> App {
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut app = App::open(&dir.path().join("p.db"), false, None, Lang::Vi, clock).unwrap();
    app.init_pool("TO1", "Tổ thử").unwrap();
    for code in ["A", "B", "C"] {
        app.add_person(&hunvon_app::people::PersonInput {
            code: code.into(),
            full_name: Some(format!("Người {code}")),
            ..Default::default()
        })
        .unwrap();
    }
    app
}

/// Straight SQL on the book, behind the program's back.
fn sqlite(app: &App) -> rusqlite::Connection {
    rusqlite::Connection::open(app.book_path()).unwrap()
}

fn count_txns(app: &App) -> i64 {
    sqlite(app).query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap()
}

proptest! {
    #![proptest_config(props::config(24, "properties.txt"))]

    /// Random postings: the Rust check and the database agree, and only balanced ones land.
    #[test]
    fn only_balanced_transactions_are_stored(amounts in proptest::collection::vec(-500_000i64..500_000, 2..6)) {
        let dir = tempfile::tempdir().unwrap();
        let app = fresh_app(&dir);
        let accounts = [Account::Cash, Account::Bank, Account::Member("A".into()), Account::FundCommon];
        let postings: Vec<(Account, Dong)> = amounts
            .iter()
            .enumerate()
            .filter(|(_, a)| **a != 0)
            .map(|(i, a)| (accounts[i % accounts.len()].clone(), Dong(*a)))
            .collect();
        let sum: i64 = postings.iter().map(|p| p.1.0).sum();
        let t = NewTransaction::simple(Series::Pk, Kind::Transfer, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), postings.clone());
        let pool_id = app.pool().unwrap().id;
        let result = {
            // Straight to the store's appender, past the app's own checks.
            let mut store = hunvon_store::Store::open(app.book_path(), hunvon_store::Access::Write).unwrap();
            let mut ap = store.appender(pool_id, "2026-01-01T00:00:00Z").unwrap();
            ap.append(&t).and_then(|_| ap.commit())
        };
        prop_assert_eq!(result.is_ok(), sum == 0 && postings.len() >= 2);
        prop_assert_eq!(count_txns(&app), i64::from(result.is_ok()));

        // Behind Rust's back, straight SQL: the database refuses an unbalanced transaction.
        let conn = &sqlite(&app);
        let wrote = conn.execute_batch(&format!(
            "BEGIN;
             INSERT INTO postings (id, txn_id, account_id, amount) VALUES (9001, 9000, 1, {});
             INSERT INTO postings (id, txn_id, account_id, amount) VALUES (9002, 9000, 2, {});
             INSERT INTO transactions (id, pool_id, voucher, series, year, seq, date, kind, entered_at, prev_hash, hash)
               VALUES (9000, 1, 'PK-2030-0001', 'PK', 2030, 1, '2030-01-01', 'transfer', 'x',
                       (SELECT COALESCE((SELECT hash FROM transactions ORDER BY id DESC LIMIT 1), '{}')), 'h');
             COMMIT;",
            amounts[0].max(1), -(amounts[0].max(1)) + 1, "0".repeat(64)
        ));
        prop_assert!(wrote.is_err());
        let _ = conn.execute_batch("ROLLBACK;");
        prop_assert_eq!(count_txns(&app), i64::from(result.is_ok()));
    }

    /// Random contributions, common-fund moves and reversals: every series of every year is
    /// numbered 1..n with no gap, no number twice, and reversals take their own direction.
    #[test]
    fn voucher_numbers_stay_gap_free(ops in proptest::collection::vec((0u8..4, 0usize..40, 1i64..900, 2024i32..2027), 5..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut app = fresh_app(&dir);
        let mut written: Vec<(String, Series)> = Vec::new();
        let mut reversed = HashSet::new();
        for (op, pick, amount, year) in ops {
            let date = format!("{year}-03-{:02}", 1 + pick % 28);
            let amount = (amount * 1000).to_string();
            let w = match op {
                0 | 1 => app.contribute(["A", "B", "C"][pick % 3], &amount, &date, None, ""),
                2 => app.common_fund(pick % 2 == 0, &amount, &date, Some("bank"), "quỹ"),
                _ if !written.is_empty() => {
                    let (v, _) = &written[pick % written.len()];
                    let r = app.reverse(v, "sai", "2026-11-01");
                    if r.is_ok() { reversed.insert(v.clone()); }
                    r
                }
                _ => continue,
            };
            if let Ok(w) = w { written.push((w.voucher, w.series)); }
        }
        let mut by_series: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
        for (v, _) in &written {
            let parts: Vec<&str> = v.split('-').collect();
            by_series.entry((parts[0].into(), parts[1].into())).or_default().push(parts[2].parse().unwrap());
        }
        for numbers in by_series.values() {
            let mut sorted = numbers.clone();
            sorted.sort();
            prop_assert_eq!(sorted, (1..=numbers.len() as i64).collect::<Vec<_>>());
        }
        let report = app.verify(&[]).unwrap();
        prop_assert!(report.ok(), "{:?} {:?}", report.problems, report.pools[0].problems);
    }
}
