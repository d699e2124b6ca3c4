//! The BHYT purchase for a household (`b`), payer by payer (docs/quy-dinh.md §3): each person's
//! line shows her price and her payer (herself if a member, else her sponsor; with neither, a
//! member of her household proposed and marked to confirm), each payer changeable on its own
//! line; the total and each payer's balance after it live; a member left owing the pool is
//! warned of before confirming and after writing.

use crate::common;

use crate::common::Book;
use crate::common::keys::keys;
use hunvon::tui::form::FieldKey;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;

/// H1 (tests/common/tui.rs), TV1 with 5.000.000 đ and TV4 with 100.000 đ.
fn book() -> Book {
    let b = Book::new();
    common::tui::household(&b);
    b.ok(&["contribute", "--person", "TV1", "--amount", "5.000.000", "--date", "2026-11-01"]);
    b.ok(&["contribute", "--person", "TV4", "--amount", "100.000", "--date", "2026-11-01"]);
    b
}

fn tui(b: &Book) -> Tui {
    common::tui::open(b)
}

fn screen(t: &Tui) -> String {
    common::tui::screen(t, 100, 40)
}

fn form(t: &Tui) -> &hunvon::tui::form::Form {
    match t.layers.last() {
        Some(Layer::Form(f)) => f,
        _ => panic!("a form is open:\n{}", screen(t)),
    }
}

#[test]
fn each_person_has_her_own_payer_and_price_at_once() {
    let b = book();
    let mut t = tui(&b);
    keys(&mut t, "2/TV1<Enter>b");
    let f = form(&t);
    let payers: Vec<(String, String)> = f
        .fields
        .iter()
        .filter(|x| matches!(x.key, FieldKey::PayerFor(_)))
        .map(|x| (x.label.clone(), x.value.clone()))
        .collect();
    assert_eq!(payers.len(), 4, "one payer line per person: {payers:?}");
    assert_eq!(payers.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(), ["TV1", "TV1", "TV1", "TV4"]);
    assert!(payers.iter().all(|(l, _)| l.contains(" đ")), "each line shows her price at once: {payers:?}");
    assert!(f.quoted.is_some(), "priced without typing a payer");
    let text = screen(&t);
    assert!(text.contains("đề xuất"), "TV3's proposed payer is marked:\n{text}");
    assert!(text.contains("Số dư sau khi mua"), "{text}");
    insta::assert_snapshot!("bhyt_payers_form", text);
}

#[test]
fn a_payer_changed_on_her_line_pays_for_her_alone_and_debts_are_warned() {
    let b = book();
    let mut t = tui(&b);
    keys(&mut t, "2/TV1<Enter>b");
    // TV2's line (the second payer line): TV4 pays for her instead of TV1.
    let at = form(&t).fields.iter().position(|x| x.key == FieldKey::PayerFor(2)).unwrap();
    let now = form(&t).focus;
    keys(&mut t, &"<Tab>".repeat(at - now));
    keys(&mut t, "<End><Bksp><Bksp><Bksp>TV4");
    let f = form(&t);
    assert!(f.warnings.iter().any(|w| w.contains("TV4 sẽ nợ quỹ")), "{:?}", f.warnings);
    let total = f.quoted.unwrap();
    // Enter: TV3's payer was proposed, so the purchase is confirmed first (TV4's debt shown too).
    keys(&mut t, "<Enter>");
    let text = screen(&t);
    assert!(text.contains("đúng không") && text.contains("TV4 sẽ nợ quỹ"), "{text}");
    keys(&mut t, "<Enter>");
    assert!(t.layers.is_empty(), "{text}");
    assert!(t.status.contains("TV4 sẽ nợ quỹ"), "after writing too: {}", t.status);
    let balances = b.balances();
    let tv4 = balances["TV4"];
    let tv1 = balances["TV1"];
    assert!(tv4 < 0, "TV4 paid her own card and TV2's: {tv4}");
    assert_eq!(5_000_000 - tv1 + 100_000 - tv4, total.0, "TV1 paid for TV1 and TV3, TV4 for TV2 and TV4");
}
