//! "Chưa có thẻ BHYT" on the Bảo hiểm screen: people of the pool with no card in force on
//! the day (never had one, or lapsed), with phone and who would pay; a card bought is
//! enough to leave the list.

mod common;

use chrono::NaiveDate;
use common::Book;
use common::keys::keys;
use hunvon::app::{App, Clock};
use hunvon::messages::i18n::Lang;
use hunvon::tui::state::Tui;
use hunvon::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn screen(t: &Tui) -> String {
    let mut term = Terminal::new(TestBackend::new(110, 20)).unwrap();
    term.draw(|f| view::render(t, f)).unwrap();
    term.backend().to_string()
}

#[test]
fn people_without_a_card_are_listed_with_phone_and_payer() {
    let b = Book::new();
    b.ok(&["household", "add", "--code", "H1", "--name", "Hộ Thạch Văn Sang"]);
    b.ok(&[
        "person",
        "add",
        "--code",
        "TV1",
        "--name",
        "Thạch Văn Sang",
        "--joined",
        "2026-01-01",
        "--household",
        "H1",
    ]);
    b.ok(&["person", "edit", "TV1", "--phone", "0912345678"]);
    b.ok(&["person", "add", "--code", "TV2", "--name", "Thạch Thị Mỹ", "--household", "H1", "--sponsor", "TV1"]);
    b.ok(&["person", "add", "--code", "TV3", "--name", "Thạch Văn Bé", "--household", "H1"]);
    b.ok(&["person", "add", "--code", "TV4", "--name", "Thạch Thị Hoa", "--joined", "2026-01-01", "--household", "H1"]);
    b.ok(&["contribute", "--person", "TV4", "--amount", "2.000.000", "--date", "2026-01-05"]);
    b.ok(&["buy", "bhyt", "--person", "TV4", "--months", "12", "--date", "2026-01-10"]);
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut t = Tui::new(App::open(&b.db, false, None, Lang::Vi, clock).unwrap());
    t.papers = b.dir.path().join("giay-to");
    keys(&mut t, "4vvv");
    let text = screen(&t);
    assert!(text.contains("Chưa có thẻ BHYT"), "{text}");
    let line = |code: &str| text.lines().find(|l| l.contains(&format!("│{code} "))).unwrap_or_default().to_string();
    assert!(line("TV1").contains("chưa từng có") && line("TV1").contains("0912345678"), "{text}");
    assert!(line("TV1").contains("TV1 (tự trả)"), "{text}");
    assert!(line("TV2").contains("TV1 Thạch Văn Sang"), "her sponsor pays: {text}");
    assert!(line("TV3").contains("TV1 Thạch Văn Sang (đề xuất)"), "a member of her household: {text}");
    assert!(line("TV4").is_empty(), "TV4's card is in force: {text}");
    insta::assert_snapshot!("no_card_list", text);
    // Written for calls: headers in the UI's language, values in words.
    keys(&mut t, "s");
    let file = t.papers.join("chua-co-the-bhyt-2026-11-24.csv");
    let csv = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}: {}", t.status));
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("Mã,Họ và tên,Điện thoại,Thẻ cũ đến ngày,Người trả"), "{csv}");
    assert!(csv.contains("TV3,Thạch Văn Bé,,chưa từng có,TV1 Thạch Văn Sang (đề xuất)"), "{csv}");
}

#[test]
fn the_cards_list_written_from_the_tui_reads_in_words() {
    let b = Book::new();
    b.ok(&["person", "add", "--code", "TV1", "--name", "Thạch Văn Sang", "--joined", "2026-01-01"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "2.000.000", "--date", "2026-01-05"]);
    b.ok(&["buy", "bhyt", "--person", "TV1", "--months", "3", "--date", "2026-08-10"]);
    let clock = Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap());
    let mut t = Tui::new(App::open(&b.db, false, None, Lang::Vi, clock).unwrap());
    t.papers = b.dir.path().join("giay-to");
    keys(&mut t, "4s");
    let csv = std::fs::read_to_string(t.papers.join("the-bhyt-2026-11-24.csv")).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("Mã,Họ và tên,Điện thoại,Thẻ BHYT,Thẻ đến ngày"), "{csv}");
    assert!(!csv.contains("waiting") && !csv.contains("2026-"), "values in words, dates dd/mm/yyyy: {csv}");
    assert!(csv.contains("/2026") || csv.contains("/2027"), "{csv}");
}
