//! The TUI on one pool of 20.000 people × 36 months (`hunvon demo --people 20000
//! --months 36`, about 700.000 vouchers), made once under `target/bench/`: the first
//! frame, a key typed in the filter, a passbook of a member with 400 vouchers, a
//! page-down, each to the redrawn frame, and the overview's cover and dues figures.
//! `HUNVON_BENCH_PEOPLE` makes another pool: 100000 is a province's (3,5 million
//! vouchers, 2,4 GB, about five minutes to make), run before a release rather than in CI;
//! `HUNVON_BENCH_DIR` keeps the books elsewhere (a disk with room). A book made by
//! `HUNVON_TODAY=2026-11-24 hunvon demo --people N --months 36 --db DIR/pool-N.db` serves too.
//! Run with `cargo bench --bench tui`; speed is measured here, never asserted in tests.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use hunvon::tui::state::Tui;
use hunvon_app::views::{Dir, Search};
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn main() {
    divan::main();
}

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"))
}

/// The pool, generated on first use, with one member given 400 vouchers (a member who
/// has paid weekly for years), the first of the list (TV00001, or TV000001 among
/// 100.000): her passbook is the one measured.
fn ledger() -> &'static Path {
    static LEDGER: OnceLock<PathBuf> = OnceLock::new();
    LEDGER.get_or_init(|| {
        let people: usize = std::env::var("HUNVON_BENCH_PEOPLE").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
        let dir = std::env::var_os("HUNVON_BENCH_DIR")
            .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench"), PathBuf::from);
        std::fs::create_dir_all(&dir).expect("bench dir");
        let path = dir.join(format!("pool-{people}.db"));
        if !path.exists() {
            let tmp = dir.join(format!("pool-{people}.tmp.db"));
            let _ = std::fs::remove_file(&tmp);
            let opts = hunvon_app::demo::DemoOptions { people, months: 36, pools: 1, seed: 1, ..Default::default() };
            let started = std::time::Instant::now();
            let s = hunvon_app::demo::generate(&tmp, &opts, clock()).expect("generate");
            std::fs::rename(&tmp, &path).expect("rename");
            eprintln!("generated {} vouchers in {:?}", s.vouchers, started.elapsed());
        }
        // A book made elsewhere (by `hunvon demo`, or by benches/papers.rs) gets the
        // busy member's vouchers the first time it is measured here; one that has them is
        // only read (a book shared between measurements is never written again).
        let read = open_read_only(&path);
        let first = read.people_page(&Search::new(""), None, Dir::Forward, 1).expect("first person");
        let busy = first.first().map(|p| p.code.clone()).expect("a person");
        let have = read.passbook(&busy).expect("passbook").lines.len();
        drop(read);
        let mut app = if have < 400 { Some(open(&path)) } else { None };
        for i in have..400 {
            let Some(app) = app.as_mut() else { break };
            let day = format!("2026-{:02}-{:02}", 1 + i % 10, 1 + i % 28);
            app.contribute(&busy, "10000", &day, None, "góp tuần").expect("contribute");
        }
        path
    })
}

fn open(path: &Path) -> App {
    App::open(path, false, None, Lang::Vi, clock()).expect("open")
}

fn open_read_only(path: &Path) -> App {
    App::open(path, true, None, Lang::Vi, clock()).expect("open")
}

fn draw(t: &Tui) {
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    term.draw(|f| hunvon::tui::view::render(t, f)).expect("draw");
}

fn key(t: &mut Tui, code: KeyCode) {
    t.press(KeyEvent::new(code, KeyModifiers::NONE));
}

/// Opening the book to the first frame drawn (the slow figures come later, off the
/// drawing thread; dropping the TUI waits for them outside the measurement).
#[divan::bench(sample_count = 10)]
fn first_frame(bencher: divan::Bencher) {
    let path = ledger();
    bencher.bench_local(|| {
        let mut t = Tui::with_worker(open(path));
        draw(&t);
        t.join_on_drop();
        t
    });
}

/// One key typed in the members filter (and one erased), each to the redrawn frame,
/// with "nguyen thi hon" already typed: the costly end of the string.
#[divan::bench(sample_count = 30)]
fn filter_two_keys(bencher: divan::Bencher) {
    let mut t = Tui::new(open(ledger()));
    key(&mut t, KeyCode::Char('2'));
    key(&mut t, KeyCode::Char('/'));
    for c in "nguyen thi hon".chars() {
        key(&mut t, KeyCode::Char(c));
    }
    bencher.bench_local(|| {
        key(&mut t, KeyCode::Char('g'));
        draw(&t);
        key(&mut t, KeyCode::Backspace);
        draw(&t);
    });
}

/// Enter on the member with 400 vouchers: her passbook, drawn.
#[divan::bench(sample_count = 30)]
fn passbook_of_400_vouchers(bencher: divan::Bencher) {
    let mut t = Tui::new(open(ledger()));
    key(&mut t, KeyCode::Char('2'));
    bencher.bench_local(|| {
        key(&mut t, KeyCode::Enter);
        draw(&t);
        key(&mut t, KeyCode::Esc);
    });
}

/// One page-down in the member list, then in the cash book, each to the redrawn frame.
#[divan::bench(sample_count = 50)]
fn page_down(bencher: divan::Bencher) {
    let mut t = Tui::new(open(ledger()));
    // The cash book from its first voucher of the month.
    key(&mut t, KeyCode::Char('3'));
    key(&mut t, KeyCode::Home);
    let mut screen = 0;
    bencher.bench_local(|| {
        screen = 1 - screen;
        key(&mut t, KeyCode::Char(if screen == 0 { '2' } else { '3' }));
        key(&mut t, KeyCode::PageDown);
        draw(&t);
    });
}

/// The overview's cover and dues figures (Tổng quan), which the TUI computes off the
/// drawing thread after the first frame: from opening the book to the figures.
#[divan::bench(sample_count = 10)]
fn overview_figures() -> usize {
    // As the TUI's worker: on a read-only view of the book.
    let app = open_read_only(ledger());
    app.watch(clock().today).expect("watch").cover.len()
}

/// A contribution written while the TUI holds the same small book open and has walked
/// through its screens (tests/it/storage_safety.rs checks that the write lands; this
/// measures that it does not wait for the TUI).
#[divan::bench(sample_count = 20)]
fn a_write_while_the_tui_is_open(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("so.db");
    let mut writer = open(&path);
    writer.init_pool("TO1", "Tổ hùn vốn ấp Cây Gòn").expect("pool");
    let person = hunvon_app::people::PersonInput {
        code: "TV0001".into(),
        full_name: Some("Lê Thị Thu Hương".into()),
        ..Default::default()
    };
    writer.add_person(&person).expect("person");
    let mut t = Tui::new(open(&path));
    for c in "1234563".chars() {
        key(&mut t, KeyCode::Char(c));
        draw(&t);
    }
    bencher.bench_local(|| writer.contribute("TV0001", "1000", "2026-11-24", None, "góp").expect("contribute"));
    drop(t);
}
