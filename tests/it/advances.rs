//! A payment that leaves a member owing the pool is written (an advance is allowed) with a
//! warning naming her and what she owes after it (docs/design.md §3): on stderr with exit 0
//! from the command line; on the TUI's form before Enter and on the status line once written.

use crate::common;

use crate::common::Book;
use crate::common::keys::keys;
use hunvon::tui::popups::Layer;

fn book() -> Book {
    common::book()
        .joined("2026-01-01")
        .person("TV0019", "Lê Thị Mười")
        .contribute("TV0019", "50.000", Some("2026-11-01"))
        .done()
}

#[test]
fn the_command_line_warns_and_writes() {
    let b = book();
    let out = b.run(&["buy", "bhxh", "--person", "TV0019", "--months", "1", "--income", "1.500.000"]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("TV0019 sẽ nợ quỹ 214.000 đ"), "{stderr}");
    assert_eq!(b.balances()["TV0019"], -214_000);
    // A payment that leaves her above zero says nothing of debts.
    b.ok(&["contribute", "--person", "TV0019", "--amount", "1.000.000"]);
    let out = b.run(&["buy", "bhxh", "--person", "TV0019", "--months", "1", "--income", "1.500.000"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("nợ quỹ"));
    let out = b.run(&["--lang", "en", "buy", "bhxh", "--person", "TV0019", "--months", "3", "--income", "1.500.000"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("TV0019 will owe the pool"));
}

#[test]
fn the_tui_warns_before_enter_and_after_writing() {
    let b = book();
    let mut t = common::tui::open(&b);
    keys(&mut t, "2/TV0019<Enter>x");
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("the BHXH form") };
    assert!(form.warnings.iter().any(|w| w.contains("TV0019 sẽ nợ quỹ 214.000 đ")), "{:?}", form.warnings);
    keys(&mut t, "<Enter>");
    assert!(t.layers.is_empty());
    assert!(t.status.contains("TV0019 sẽ nợ quỹ 214.000 đ"), "{}", t.status);
}
