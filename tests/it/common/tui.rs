//! The TUI model opened in process on a test book, and what it draws.

use chrono::NaiveDate;
use hunvon::tui::state::Tui;
use hunvon::tui::view;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::Book;

/// The TUI on `b`, in Vietnamese, on the tests' day, papers written beside the book.
pub fn open(b: &Book) -> Tui {
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut t = Tui::new(App::open(&b.db, false, None, Lang::Vi, clock).unwrap());
    t.papers = b.dir.path().join("giay-to");
    t
}

/// The screen as text, `w` × `h`.
pub fn screen(t: &Tui, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(t, f)).unwrap();
    term.backend().to_string()
}

/// Household H1 as a purchase sees it: TV1 and TV4 members (joined 01/01/2026), TV2 a
/// relative sponsored by TV1, TV3 a relative with no sponsor.
pub fn household(b: &Book) {
    b.ok(&["household", "add", "--code", "H1", "--name", "Hộ Thạch Văn Sang"]);
    for (code, name, role) in [
        ("TV1", "Thạch Văn Sang", &["--joined", "2026-01-01"][..]),
        ("TV2", "Thạch Thị Mỹ", &["--sponsor", "TV1"][..]),
        ("TV3", "Thạch Văn Bé", &[][..]),
        ("TV4", "Thạch Thị Hoa", &["--joined", "2026-01-01"][..]),
    ] {
        let mut args = vec!["person", "add", "--code", code, "--name", name, "--household", "H1"];
        args.extend(role);
        b.ok(&args);
    }
}
