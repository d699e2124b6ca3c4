//! The district (issue 18): chapters' books collected into one district book, and the
//! papers read from it. Books are generated once by the `hunvon demo` generator and kept
//! under `target/bench/collect/`; every collection runs on a fresh copy of the district
//! book (the copy is not timed). Run with `cargo bench --bench collect` (a name after `--`
//! picks benchmarks); CI only builds this.
//!
//! - 80 chapter books of 200 people × 36 months, collected into an empty district book,
//!   then collected again after 50 new vouchers in each;
//! - one large chapter (20.000 people × 36 months, about 700.000 vouchers): its first
//!   collection against `verify` of the same book, and a re-collection of 100 new vouchers;
//! - `report district` on the 80 chapters;
//! - a province in one file (`demo --people 100000 --months 36 --pools 10`): generation,
//!   `report balances --pool all`, `verify`, `report district`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use hunvon_app::Access;
use hunvon_app::demo::{DemoOptions, generate};
use hunvon_app::district::collect::CollectRequest;
use hunvon_app::people::import::{ImportKind, ImportMode};
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::Format;

fn main() {
    divan::main();
}

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"))
}

fn dir() -> PathBuf {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench/collect");
    std::fs::create_dir_all(&d).expect("bench dir");
    d
}

fn open(path: &Path, pool: Option<&str>) -> App {
    App::open_as(path, Access::Write, pool, Lang::Vi, clock()).expect("open")
}

/// Adds `n` contributions to a chapter's book (one import, one transaction).
fn add_vouchers(book: &Path, n: usize) {
    let csv = book.with_extension("csv");
    let mut text = String::from("date,person_code,amount,method,note\n");
    for i in 0..n {
        text.push_str(&format!("2026-11-24,TV{:05},100000,cash,góp thêm\n", 1 + i));
    }
    std::fs::write(&csv, text).expect("csv");
    let mut app = open(book, None);
    app.import_with(ImportKind::Contributions, &csv, ImportMode { dry_run: false, again: true }).expect("import");
    std::fs::remove_file(&csv).expect("csv removed");
}

/// Collects every book of `books` into the district book at `district`.
fn collect_all(district: &Path, books: &[PathBuf]) -> u64 {
    let mut app = App::open_as(district, Access::Create, None, Lang::Vi, clock()).expect("district");
    let mut vouchers = 0;
    for b in books {
        for i in app.collect(b, &CollectRequest::default(), &mut |_, _| {}).expect("collect") {
            vouchers += i.vouchers;
        }
    }
    vouchers
}

/// A fresh copy of a district book in a temporary folder (not timed).
fn fresh(from: &Path) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().expect("temp");
    let p = t.path().join("huyen.db");
    std::fs::copy(from, &p).expect("copy");
    // On disk before the clock starts: else the collection's fsync waits for the whole
    // copy to be written back, which is the copy's cost, not the collection's.
    std::fs::File::open(&p).and_then(|f| f.sync_all()).expect("sync");
    (t, p)
}

struct Chapters {
    books: Vec<PathBuf>,
    /// The same books with 50 new vouchers each.
    later: Vec<PathBuf>,
    /// The district book with the first 80 collected.
    district: PathBuf,
}

/// 80 chapter books of 200 people × 36 months, their later copies and a district book.
fn chapters() -> &'static Chapters {
    static CHAPTERS: OnceLock<Chapters> = OnceLock::new();
    CHAPTERS.get_or_init(|| {
        let base = dir().join("chapters-80");
        let later_dir = dir().join("chapters-80-later");
        let opts = DemoOptions { people: 200, months: 36, seed: 3, ..Default::default() };
        let mut books = Vec::new();
        let mut later = Vec::new();
        let started = std::time::Instant::now();
        std::fs::create_dir_all(&base).expect("dir");
        std::fs::create_dir_all(&later_dir).expect("dir");
        for i in 0..80 {
            let (path, o) = hunvon_app::demo::chapter(&base, &opts, i, 80);
            if !path.exists() {
                generate(&path, &o, clock()).expect("chapter");
            }
            let next = later_dir.join(path.file_name().expect("name"));
            if !next.exists() {
                std::fs::copy(&path, &next).expect("copy");
                add_vouchers(&next, 50);
            }
            books.push(path);
            later.push(next);
        }
        eprintln!("80 chapter books ready in {:?}", started.elapsed());
        let district = dir().join("huyen-80.db");
        if !district.exists() {
            collect_all(&district, &books);
        }
        Chapters { books, later, district }
    })
}

#[divan::bench(sample_count = 3)]
fn collect_80_chapters_into_an_empty_district(bencher: divan::Bencher) {
    let c = chapters();
    bencher
        .with_inputs(|| {
            let t = tempfile::tempdir().expect("temp");
            let p = t.path().join("huyen.db");
            (t, p)
        })
        .bench_local_values(|(_t, p)| collect_all(&p, &c.books));
}

#[divan::bench(sample_count = 3)]
fn collect_80_chapters_again_after_50_new_vouchers_each(bencher: divan::Bencher) {
    let c = chapters();
    bencher.with_inputs(|| fresh(&c.district)).bench_local_values(|(_t, p)| collect_all(&p, &c.later));
}

#[divan::bench(sample_count = 10)]
fn report_district_80_chapters() -> usize {
    let c = chapters();
    let app = App::open_as(&c.district, Access::ReadOnly, None, Lang::Vi, clock()).expect("open");
    let period = app.period(None, None, None).expect("period");
    app.report_district(period, Format::Text).expect("report").len()
}

struct Large {
    book: PathBuf,
    later: PathBuf,
    district: PathBuf,
}

/// One chapter of 20.000 people × 36 months, the same with 100 new vouchers, and a
/// district book holding the first.
fn large() -> &'static Large {
    static LARGE: OnceLock<Large> = OnceLock::new();
    LARGE.get_or_init(|| {
        let book = dir().join("large-chapter.db");
        if !book.exists() {
            let started = std::time::Instant::now();
            let opts = DemoOptions { people: 20_000, months: 36, seed: 9, ..Default::default() };
            let s = generate(&book, &opts, clock()).expect("large chapter");
            eprintln!("large chapter: {} vouchers in {:?}", s.vouchers, started.elapsed());
        }
        let later = dir().join("large-chapter-later.db");
        if !later.exists() {
            std::fs::copy(&book, &later).expect("copy");
            add_vouchers(&later, 100);
        }
        let district = dir().join("huyen-large.db");
        if !district.exists() {
            collect_all(&district, std::slice::from_ref(&book));
        }
        Large { book, later, district }
    })
}

#[divan::bench(sample_count = 2)]
fn large_chapter_first_collection(bencher: divan::Bencher) {
    let l = large();
    bencher
        .with_inputs(|| {
            let t = tempfile::tempdir().expect("temp");
            let p = t.path().join("huyen.db");
            (t, p)
        })
        .bench_local_values(|(_t, p)| collect_all(&p, std::slice::from_ref(&l.book)));
}

#[divan::bench(sample_count = 2)]
fn large_chapter_verify() -> usize {
    let l = large();
    let app = App::open_as(&l.book, Access::ReadOnly, None, Lang::Vi, clock()).expect("open");
    app.verify(&[]).expect("verify").pools.len()
}

#[divan::bench(sample_count = 3)]
fn large_chapter_recollect_100_new_vouchers(bencher: divan::Bencher) {
    let l = large();
    bencher
        .with_inputs(|| fresh(&l.district))
        .bench_local_values(|(_t, p)| collect_all(&p, std::slice::from_ref(&l.later)));
}

/// A province in one file: 100.000 people in 10 pools over 36 months.
fn province() -> &'static Path {
    static PROVINCE: OnceLock<PathBuf> = OnceLock::new();
    PROVINCE.get_or_init(|| {
        let p = dir().join("province-100000.db");
        if !p.exists() {
            let started = std::time::Instant::now();
            let opts = DemoOptions { people: 100_000, months: 36, pools: 10, seed: 5, ..Default::default() };
            let s = generate(&p, &opts, clock()).expect("province");
            eprintln!("province: {} people, {} vouchers generated in {:?}", s.people, s.vouchers, started.elapsed());
        }
        p
    })
}

#[divan::bench(sample_count = 3)]
fn province_report_balances_all_pools() -> usize {
    let app = App::open_as(province(), Access::ReadOnly, Some("all"), Lang::Vi, clock()).expect("open");
    let period = app.period(None, None, None).expect("period");
    app.report_balances(period, Format::Csv).expect("report").len()
}

#[divan::bench(sample_count = 1)]
fn province_verify() -> usize {
    let app = App::open_as(province(), Access::ReadOnly, None, Lang::Vi, clock()).expect("open");
    app.verify(&[]).expect("verify").pools.len()
}

#[divan::bench(sample_count = 5)]
fn province_report_district() -> usize {
    let app = App::open_as(province(), Access::ReadOnly, None, Lang::Vi, clock()).expect("open");
    let period = app.period(None, None, None).expect("period");
    app.report_district(period, Format::Text).expect("report").len()
}
