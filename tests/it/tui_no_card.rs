//! "Chưa có thẻ BHYT" on the Bảo hiểm screen: people of the pool with no card in force on
//! the day (never had one, or lapsed), with phone and who would pay; a card bought is
//! enough to leave the list.

use crate::common;

use crate::common::Book;
use crate::common::keys::keys;
use hunvon::tui::state::Tui;

fn screen(t: &Tui) -> String {
    common::tui::screen(t, 110, 20)
}

#[test]
fn people_without_a_card_are_listed_with_phone_and_payer() {
    let b = Book::new();
    common::tui::household(&b);
    b.ok(&["person", "edit", "TV1", "--phone", "0912345678"]);
    b.ok(&["contribute", "--person", "TV4", "--amount", "2.000.000", "--date", "2026-01-05"]);
    b.ok(&["buy", "bhyt", "--person", "TV4", "--months", "12", "--date", "2026-01-10"]);
    let mut t = common::tui::open(&b);
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
    let mut t = common::tui::open(&b);
    keys(&mut t, "4s");
    let csv = std::fs::read_to_string(t.papers.join("the-bhyt-2026-11-24.csv")).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("Mã,Họ và tên,Điện thoại,Thẻ BHYT,Thẻ đến ngày"), "{csv}");
    assert!(!csv.contains("waiting") && !csv.contains("2026-"), "values in words, dates dd/mm/yyyy: {csv}");
    assert!(csv.contains("/2026") || csv.contains("/2027"), "{csv}");
}
