//! The TUI on a fixed demo ledger, drawn on ratatui's TestBackend: every screen, popup
//! and form at 100×30 and 40×12 in Vietnamese and English (snapshots), with no English
//! code on the Vietnamese ones; Esc in every state; read-only; the first run.

use crate::common::keys::keys;
use chrono::NaiveDate;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon::tui::view;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

/// A demo book (fixed seed and day) in `dir`.
fn book(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("demo.db");
    if !path.exists() {
        let opts = hunvon_app::demo::DemoOptions { people: 24, months: 14, pools: 1, seed: 11, ..Default::default() };
        hunvon_app::demo::generate(&path, &opts, clock()).unwrap();
    }
    path
}

fn tui_in(dir: &tempfile::TempDir, read_only: bool, lang: Lang) -> Tui {
    let mut t = Tui::new(App::open(&book(dir), read_only, None, lang, clock()).unwrap());
    t.papers = dir.path().join("giay-to");
    t
}

fn tui(dir: &tempfile::TempDir) -> Tui {
    tui_in(dir, false, Lang::Vi)
}

fn screen(t: &Tui, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(t, f)).unwrap();
    term.backend().to_string()
}

fn snapshot(name: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+/?", "[TMP]/");
    settings.add_filter(r"/[^ │]*/\.tmp[A-Za-z0-9]+/?", "[TMP]/");
    // Hashes follow the pool's random book id (pieces of one when a line wraps it).
    settings.add_filter(r"[0-9a-f]{16,}", "[HASH]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

/// Every state worth a picture, as the keys that reach it from the dashboard.
const STATES: &[(&str, &str)] = &[
    ("screen_1", "1"),
    ("screen_2", "2"),
    ("screen_3", "3"),
    ("screen_4", "4"),
    ("screen_5", "5"),
    ("screen_6", "6"),
    ("households", "2h"),
    ("household_card", "2h<Enter>"),
    ("filter_kept", "2/nguyen<Enter>"),
    ("filter_nothing", "2/zzzz<Enter>"),
    ("help_people", "2?"),
    ("passbook", "2j<Enter>"),
    ("voucher", "3<Enter>"),
    ("bank_book", "3n"),
    ("renewals", "4v"),
    ("dues_behind", "4vv"),
    ("no_card", "4vvv"),
    ("outreach", "4vvvv"),
    ("preview", "5<Enter>"),
    ("verify", "6v"),
    ("form_add_person", "2a"),
    ("form_add_relative", "2aTV09001<Tab>Thạch Thị Sà Phol<Tab><Right><Tab><Tab>duong thi lanh"),
    ("form_edit_person", "2e"),
    ("form_add_household", "2ha"),
    ("form_edit_household", "2he"),
    ("form_contribute", "2c<Tab>1.263.600"),
    ("form_contribute_by_name", "3ckim thi"),
    ("form_bhyt", "2b"),
    ("form_bhyt_quote", "2bTV00002,TV00003<Tab><Tab><Tab><End><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>TV00001"),
    ("form_bhxh", "2x"),
    ("form_withdraw", "2w<Tab>100.000"),
    ("form_opening", "3o"),
    ("form_receive", "3i500.000<Tab>Lãi tiền gửi"),
    ("form_pay", "3p"),
    ("form_transfer", "3t<Tab>900.000"),
    ("form_reverse", "3r"),
    ("confirm_reverse", "3rGhi nhầm người góp, đúng ra là bà Thạch Thị Sà Phol ở ấp Cây Gòn<Enter>"),
    ("form_error", "3c<Tab>12,5"),
    ("form_dues", "6d"),
    ("form_backup", "6s"),
    ("form_letterhead", "6l"),
    ("form_count", "6c<Tab>2<Tab><Tab>1<Tab><Tab><Tab>9"),
    ("count_paper", "6c<Tab>2<Tab><Tab>1<Tab><Tab><Tab>9<Enter>"),
    ("form_close", "6K"),
    ("confirm_close", "6K<Enter>"),
    ("help_settings", "6?"),
    ("form_as_of", "4d"),
    ("form_period", "5k"),
];

/// English codes that must never show on a Vietnamese screen.
const CODES: &[&str] = &["summary", "Pdf", "other", "cash", "base_salary", "--amount"];

#[test]
fn every_screen_popup_and_form_at_two_sizes_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Vi, Lang::En] {
        let tag = if lang == Lang::Vi { "vi" } else { "en" };
        for (name, script) in STATES {
            let mut t = tui_in(&dir, false, lang);
            keys(&mut t, script);
            for (w, h) in [(100, 30), (40, 12)] {
                let shown = screen(&t, w, h);
                if lang == Lang::Vi {
                    for code in CODES {
                        assert!(!shown.contains(code), "{code:?} on {name} at {w}×{h}:\n{shown}");
                    }
                }
                snapshot(&format!("{tag}_{name}_{w}x{h}"), shown);
            }
            assert!(!t.quit, "{name}");
        }
    }
    let t = tui(&dir);
    assert!(screen(&t, 30, 8).contains("quá nhỏ"), "below 40×12 a clear message");
}

#[test]
fn vietnamese_snapshots_hold_no_english_codes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let mut scanned = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.starts_with("it__tui_screens__vi_") {
            continue;
        }
        scanned += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---").nth(2).unwrap_or_default();
        for code in CODES {
            assert!(!body.contains(code), "{code:?} in {name}");
        }
    }
    assert!(scanned >= 2 * STATES.len(), "scanned {scanned} Vietnamese snapshots");
}

#[test]
fn esc_closes_what_is_open_and_never_quits() {
    let dir = tempfile::tempdir().unwrap();
    for (name, script) in STATES {
        let mut t = tui(&dir);
        keys(&mut t, script);
        for _ in 0..8 {
            keys(&mut t, "<Esc>");
            assert!(!t.quit, "Esc quit the program at {name}");
            // A half-filled form asks first; "c" drops it.
            if matches!(t.layers.last(), Some(Layer::Confirm(_))) {
                keys(&mut t, "c");
            }
        }
        assert!(t.layers.is_empty(), "{name}: everything closed");
        assert!(!t.quit, "{name}");
        keys(&mut t, "q");
        assert!(t.quit, "q quits at a screen with nothing open ({name})");
    }
}

#[test]
fn ctrl_keys_never_type_and_errors_name_the_label() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir);
    keys(&mut t, "3c<Tab>12,5");
    t.press(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    t.press(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT));
    let shown = screen(&t, 100, 30);
    assert!(shown.contains("'12,5'") && shown.contains("Số tiền"), "{shown}");
    assert!(!shown.contains("12,5s") && !shown.contains("12,5x"), "{shown}");
    assert!(!shown.contains("--amount"), "{shown}");
    // The error goes as soon as the field is right.
    keys(&mut t, "<Bksp><Bksp><Bksp><Bksp>125000");
    let shown = screen(&t, 100, 30);
    assert!(!shown.contains("không hợp lệ") && shown.contains("125.000 đ"), "{shown}");
}

#[test]
fn read_only_shows_everything_and_hides_every_write_key() {
    let dir = tempfile::tempdir().unwrap();
    drop(tui(&dir));
    let mut t = tui_in(&dir, true, Lang::Vi);
    let count = || App::open(&book(&dir), true, None, Lang::Vi, clock()).unwrap().overview().unwrap().last;
    let before = count();
    for script in ["2a", "2e", "2c", "2b", "2x", "2w", "2ha", "2h", "3c", "3r", "3t", "3i", "3p", "3o", "6d"] {
        keys(&mut t, script);
        assert!(t.layers.is_empty(), "{script} opened something in read-only mode");
    }
    assert_eq!(count(), before);
    keys(&mut t, "2");
    let shown = screen(&t, 100, 30);
    assert!(shown.contains("Chế độ chỉ xem"), "{shown}");
    assert!(!shown.contains("thêm người"), "write keys hidden: {shown}");
    // Looking things up still works: the passbook, and papers can be written.
    keys(&mut t, "<Enter>");
    assert!(screen(&t, 100, 30).contains("Sổ của"));
    keys(&mut t, "<Esc>5w");
    assert!(t.status.contains("Đã ghi"), "{}", t.status);
}

#[test]
fn first_run_names_the_pool_then_tours_the_keys() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("new.db"), false, None, Lang::Vi, clock()).unwrap();
    let mut t = Tui::new(app);
    // The focus starts at the first field, where TO1 is offered.
    keys(&mut t, "<Tab>Tổ hùn vốn ấp Ô Trao<Tab>5.000.000<Tab>200.000<Enter>");
    assert!(t.status.starts_with("PK-2026-0001"), "{}", t.status);
    assert!(screen(&t, 100, 30).contains("Phím"), "a tour of the keys after the setup");
    let app = &t.app;
    assert_eq!(app.pool().unwrap().name, "Tổ hùn vốn ấp Ô Trao");
    assert_eq!(app.settings_view().unwrap().dues[0].1.0, 200_000);
}

/// The members list's count as a filter is typed, on a pool of 300 people: when the first
/// page (100 rows) holds every match it is the page's length, else the page plus what lies
/// after it — each time the number of people the search finds.
#[test]
fn the_filter_counts_every_match_whether_or_not_the_first_page_holds_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.db");
    let opts = hunvon_app::demo::DemoOptions { people: 300, months: 2, pools: 1, seed: 5, ..Default::default() };
    hunvon_app::demo::generate(&path, &opts, clock()).unwrap();
    let mut t = Tui::new(App::open(&path, false, None, Lang::Vi, clock()).unwrap());
    keys(&mut t, "2/");
    let mut typed = String::new();
    let mut sizes = Vec::new();
    for c in "nguyen thi".chars() {
        keys(&mut t, &c.to_string());
        typed.push(c);
        let found = t.app.people_count(&hunvon_app::views::Search::new(&typed)).unwrap();
        assert_eq!(t.people.count, found, "count after typing {typed:?}");
        sizes.push(found);
    }
    keys(&mut t, "<Bksp><Bksp><Bksp><Bksp>");
    let found = t.app.people_count(&hunvon_app::views::Search::new("nguyen")).unwrap();
    assert_eq!(t.people.count, found, "count after erasing to \"nguyen\"");
    // Both cases were met: a first page that was full, and one that held every match.
    assert!(sizes.iter().any(|n| *n > 100) && sizes.iter().any(|n| *n < 100), "{sizes:?}");
}
