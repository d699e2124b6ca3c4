//! A chapter's pool collected into a district book shows in the TUI as a read-only book
//! does: everything viewable, every key that writes hidden, and the status line saying
//! whose book it is. In process, against real books made by the binary.

use crate::common::district::{chapter, collect, district};
use crate::common::keys::keys;
use chrono::NaiveDate;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(t: &Tui) -> String {
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| hunvon::tui::view::render(t, f)).unwrap();
    term.backend().to_string()
}

#[test]
fn a_collected_chapter_is_shown_read_only() {
    let to3 = chapter("TO3", None);
    let book = district();
    collect(&book, &to3.db);
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let app = App::open(&book.db, false, Some("TO3"), Lang::Vi, Clock::fixed(today)).unwrap();
    let mut t = Tui::new(app);
    assert!(t.read_only(), "a collected pool is written only in the chapter's own book");
    let first = screen(&t);
    assert!(first.contains("Sổ của tổ, nhận về — chỉ xem"), "{first}");
    assert!(!first.contains("thu tiền góp"), "no write key in the hints:\n{first}");

    // The keys that would write open nothing; looking still works.
    keys(&mut t, "2c");
    assert!(!t.layers.iter().any(|l| matches!(l, Layer::Form(_))), "no form opens on a collected pool");
    let people = screen(&t);
    assert!(people.contains("Lê Thị Thu Hương"), "{people}");
    assert!(std::fs::metadata(&to3.db).is_ok());
}

#[test]
fn a_district_book_opens_on_the_table_of_its_chapters() {
    let (_book, app) = two_chapters(None);
    let t = Tui::new(app);
    let first = screen(&t);
    // Each chapter holds 600.000 đ for its two members: the total row says 1.200.000 đ.
    for expected in ["TO1", "TO2", "Cộng", "1.200.000 đ", "2 quỹ"] {
        assert!(first.contains(expected), "{expected} missing:\n{first}");
    }
}

/// A pool chosen in a book of several: the dashboard's quick figures, read beside the other
/// screens on a second connection, are that pool's (the second connection once knew no
/// pool and the dashboard stayed empty).
#[test]
fn a_chosen_pool_of_a_district_book_shows_its_own_dashboard() {
    let (_book, app) = two_chapters(Some("TO2"));
    assert_eq!(app.overview_beside(|_| {}).unwrap(), app.overview().unwrap());
    let t = Tui::new(app);
    assert_eq!(t.overview.pool_code, "TO2");
    assert_eq!(t.overview.people, 2);
    let first = screen(&t);
    for expected in ["Tổng quan — TO2", "600.000 đ", "2 người"] {
        assert!(first.contains(expected), "{expected} missing:\n{first}");
    }
}

/// A district book holding chapters TO1 and TO2 (two members, 600.000 đ each), opened
/// read-only on `pool` (None: the district's table).
fn two_chapters(pool: Option<&str>) -> (crate::common::Book, App) {
    let (to1, to2) = (chapter("TO1", None), chapter("TO2", None));
    let book = district();
    collect(&book, &to1.db);
    collect(&book, &to2.db);
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let app = App::open(&book.db, true, pool, Lang::Vi, Clock::fixed(today)).unwrap();
    (book, app)
}
