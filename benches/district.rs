//! Speed at district scale (issue "District scale"): a generated ledger of
//! `HUNVON_BENCH_PEOPLE` people (default 20.000) over 36 months in 10 pools — about
//! 700.000 vouchers and 1,4 million postings — made once and kept under
//! `target/bench/`. Run with `cargo bench`; CI only builds this (`cargo bench --no-run`).
//!
//! Writes (contribute, buy, import) run on a copy, so the shared ledger stays as made.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use hunvon_app::insurance::BhytRequest;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

fn clock() -> Clock {
    Clock::fixed(today())
}

/// The district ledger, generated on first use.
fn ledger() -> &'static Path {
    static LEDGER: OnceLock<PathBuf> = OnceLock::new();
    LEDGER.get_or_init(|| {
        let people: usize = std::env::var("HUNVON_BENCH_PEOPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).expect("bench dir");
        let path = dir.join(format!("district-{people}.db"));
        if !path.exists() {
            let opts = hunvon_app::demo::DemoOptions { people, months: 36, pools: 10, seed: 7, ..Default::default() };
            let started = std::time::Instant::now();
            let s = hunvon_app::demo::generate(&path, &opts, clock()).expect("generate");
            eprintln!("generated {} vouchers in {:?}", s.vouchers, started.elapsed());
        }
        path
    })
}

/// One pool of 20.000 people over 36 months (about 707.000 vouchers): the book issue 24
/// measured `verify` on. Generated on first use under `target/bench/`.
fn one_pool() -> &'static Path {
    static POOL: OnceLock<PathBuf> = OnceLock::new();
    POOL.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
        std::fs::create_dir_all(&dir).expect("bench dir");
        let path = dir.join("pool-20000.db");
        if !path.exists() {
            let opts =
                hunvon_app::demo::DemoOptions { people: 20_000, months: 36, pools: 1, seed: 1, ..Default::default() };
            hunvon_app::demo::generate(&path, &opts, clock()).expect("generate");
        }
        path
    })
}

fn open(path: &Path, pool: Option<&str>) -> App {
    App::open(path, false, pool, Lang::Vi, clock()).expect("open")
}

/// A private copy of the ledger for benchmarks that write.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("copy.db");
    let app = open(ledger(), None);
    app.backup(&path).expect("copy");
    (dir, path)
}

#[divan::bench(sample_count = 10)]
fn report_balances_csv_all_pools() -> usize {
    let app = open(ledger(), Some("all"));
    let period = app.period(None, None, None).expect("period");
    app.report_balances(period, Format::Csv).expect("report").len()
}

#[divan::bench(sample_count = 10)]
fn report_coverage_one_pool() -> usize {
    let app = open(ledger(), Some("TO01"));
    app.report_coverage(today(), Format::Csv, false).expect("report").len()
}

#[divan::bench(sample_count = 3)]
fn verify_whole_district() -> usize {
    let app = open(ledger(), None);
    app.verify(&[]).expect("verify").pools.len()
}

/// `verify` of one pool of 20.000 people × 36 months (SPEC §9: ≤ 1,5 s, ≤ 100 MB; the
/// ratio to `report balances` is measured on whole commands, README "Performance").
#[divan::bench(sample_count = 5)]
fn verify_one_pool_20000_people() -> usize {
    let app = App::open(one_pool(), true, None, Lang::Vi, clock()).expect("open");
    let report = app.verify(&[]).expect("verify");
    assert!(report.ok(), "the demo book verifies");
    report.pools.len()
}

#[divan::bench(sample_count = 20)]
fn contribute_one(bencher: divan::Bencher) {
    let (_dir, path) = copy();
    let mut app = open(&path, Some("TO01"));
    bencher.bench_local(|| app.contribute("TV00001", "200000", "2026-11-24", None, "").expect("contribute"));
}

#[divan::bench(sample_count = 20)]
fn buy_bhyt_one(bencher: divan::Bencher) {
    let (_dir, path) = copy();
    let mut app = open(&path, Some("TO01"));
    let req =
        BhytRequest { persons: "TV00002".into(), months: "3".into(), date: "2026-11-24".into(), ..Default::default() };
    bencher.bench_local(|| app.buy_bhyt(&req).expect("buy"));
}

#[divan::bench(sample_count = 3)]
fn import_100k_contributions(bencher: divan::Bencher) {
    let (dir, path) = copy();
    let csv = dir.path().join("gop.csv");
    let mut text = String::from("date,person_code,amount,method,note\n");
    for i in 0..100_000 {
        text.push_str(&format!("2026-11-{:02},TV{:05},200.000,cash,góp\n", 1 + i % 24, 1 + i % 2000));
    }
    std::fs::write(&csv, text).expect("csv");
    let mut app = open(&path, Some("TO01"));
    bencher.bench_local(|| {
        app.import_with(
            hunvon_app::people::import::ImportKind::Contributions,
            &csv,
            // The same file each round: a repeat on purpose.
            hunvon_app::people::import::ImportMode { dry_run: false, again: true },
        )
        .expect("import")
    });
}
