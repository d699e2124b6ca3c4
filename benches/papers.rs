//! Speed of the month-end papers (issue "Month-end papers an auditor signs") on one pool
//! of `HUNVON_BENCH_PEOPLE` people (default 20.000) over 36 months, made once and kept
//! under `target/bench/` (or `HUNVON_BENCH_DIR`). Run with `cargo bench --bench papers`;
//! the aim is each paper within 300 ms. `HUNVON_BENCH_PEOPLE=100000` is a province's pool
//! (3,5 million vouchers, 2,4 GB), run before a release rather than in CI: there the aim
//! is the summary and the coverage list within five times `report balances`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use hunvon_app::papers::reports::Period;
use hunvon_app::{App, Clock};
use hunvon_core::ledger::Method;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;

fn main() {
    divan::main();
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The pool's ledger, generated on first use.
fn ledger() -> &'static Path {
    static LEDGER: OnceLock<PathBuf> = OnceLock::new();
    LEDGER.get_or_init(|| {
        let people: usize = std::env::var("HUNVON_BENCH_PEOPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
        let dir = std::env::var_os("HUNVON_BENCH_DIR")
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench"), PathBuf::from);
        std::fs::create_dir_all(&dir).expect("bench dir");
        let path = dir.join(format!("pool-{people}.db"));
        if !path.exists() {
            let opts = hunvon_app::demo::DemoOptions { people, months: 36, pools: 1, seed: 7, ..Default::default() };
            let started = std::time::Instant::now();
            let s = hunvon_app::demo::generate(&path, &opts, Clock::fixed(today())).expect("generate");
            eprintln!("generated {} vouchers in {:?}", s.vouchers, started.elapsed());
        }
        path
    })
}

fn open() -> App {
    App::open(ledger(), true, None, Lang::Vi, Clock::fixed(today())).expect("open")
}

#[divan::bench(sample_count = 10)]
fn summary_of_a_year() -> usize {
    let app = open();
    let period = Period { from: day(2025, 1, 1), to: day(2025, 12, 31) };
    app.report_summary(period, Format::Pdf).expect("summary").len()
}

#[divan::bench(sample_count = 10)]
fn cashbook_of_a_month_as_pdf() -> usize {
    let app = open();
    let period = Period { from: day(2026, 10, 1), to: day(2026, 10, 31) };
    app.report_cashbook(period, Method::Cash, Format::Pdf).expect("cashbook").len()
}

#[divan::bench(sample_count = 10)]
fn arrears() -> usize {
    let app = open();
    let period = Period { from: None, to: Some(today()) };
    app.report_arrears(period, Format::Pdf).expect("arrears").len()
}

#[divan::bench(sample_count = 10)]
fn balances_of_a_year_with_opening() -> usize {
    let app = open();
    let period = Period { from: day(2025, 1, 1), to: day(2025, 12, 31) };
    app.report_balances(period, Format::Csv).expect("balances").len()
}

#[divan::bench(sample_count = 3)]
fn cashbook_of_a_year_as_pdf() -> usize {
    let app = open();
    let period = Period { from: day(2025, 1, 1), to: day(2025, 12, 31) };
    app.report_cashbook(period, Method::Cash, Format::Pdf).expect("cashbook").len()
}

/// `report balances` of the whole book, CSV: the yardstick the other papers are measured
/// against on a province's pool (each within five times this).
#[divan::bench(sample_count = 10)]
fn balances() -> usize {
    let app = open();
    app.report_balances(Period { from: None, to: None }, Format::Csv).expect("balances").len()
}

/// `report coverage` as of today, PDF: everyone's cover, the list a chapter prints.
#[divan::bench(sample_count = 10)]
fn coverage_as_pdf() -> usize {
    let app = open();
    app.report_coverage(today(), Format::Pdf, false).expect("coverage").len()
}

// Outreach (SPEC §10): each within 300 ms on the 20.000-person pool.

#[divan::bench(sample_count = 10)]
fn targets_of_the_year() -> usize {
    let app = open();
    app.report_targets(2026, today(), Format::Pdf).expect("targets").len()
}

#[divan::bench(sample_count = 10)]
fn outreach_list_as_csv() -> usize {
    let app = open();
    app.report_outreach(today(), Format::Csv).expect("outreach").len()
}

#[divan::bench(sample_count = 10)]
fn handover_of_a_month_as_pdf() -> usize {
    let app = open();
    let period = Period { from: day(2026, 10, 1), to: day(2026, 10, 31) };
    app.report_handover(period, Format::Pdf).expect("handover").len()
}

// The long-text document, shared with tests/it/pdf_long_text.rs.
#[path = "../tests/it/common/long_text.rs"]
mod long_text;

/// The PDF of a document whose every block holds a 96 KB text (tests/it/pdf_long_text.rs
/// checks what it shows): the renderer measures a text once, so this stays linear in
/// the text's length.
#[divan::bench(sample_count = 5)]
fn a_96_kb_text_as_pdf(bencher: divan::Bencher) {
    let doc = long_text::long_doc(&long_text::text_of_96_kb());
    bencher.bench_local(|| hunvon_report::pdf::render(&doc).expect("pdf").len());
}
