//! The TUI on a fixed demo ledger: snapshots of every screen at 100×30 and 40×12, the
//! help popup and a form showing an error; and key-driven use (add a person, contribute,
//! buy BHYT for a household of three, reverse with a reason), checked through `app`.

use chrono::NaiveDate;
use hunvon::app::{App, Clock};
use hunvon::i18n::Lang;
use hunvon::tui::state::{Overlay, Tui};
use hunvon::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

/// A TUI on a fresh demo book (fixed seed and day), optionally read-only.
fn tui(dir: &tempfile::TempDir, read_only: bool) -> Tui {
    let path = dir.path().join("demo.db");
    if !path.exists() {
        let opts = hunvon::demo::DemoOptions { people: 24, months: 14, pools: 1, seed: 11 };
        hunvon::demo::generate(&path, &opts, clock()).unwrap();
    }
    Tui::new(App::open(&path, read_only, None, Lang::Vi, clock()).unwrap())
}

fn press(t: &mut Tui, code: KeyCode) {
    if let Some(a) = t.action_for(KeyEvent::new(code, KeyModifiers::NONE)) {
        t.update(a);
    }
}

fn typ(t: &mut Tui, text: &str) {
    for c in text.chars() {
        press(t, KeyCode::Char(c));
    }
}

fn screen(t: &Tui, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(t, f)).unwrap();
    term.backend().to_string()
}

fn snapshot(name: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"/tmp/\.tmp[A-Za-z0-9]+/", "[TMP]/");
    settings.add_filter(r"/[^ │]*/\.tmp[A-Za-z0-9]+/", "[TMP]/");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn every_screen_at_two_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir, false);
    for (n, key) in ['1', '2', '3', '4', '5', '6'].into_iter().enumerate() {
        press(&mut t, KeyCode::Char(key));
        snapshot(&format!("screen_{}_100x30", n + 1), screen(&t, 100, 30));
        snapshot(&format!("screen_{}_40x12", n + 1), screen(&t, 40, 12));
    }
    assert!(screen(&t, 30, 8).contains("quá nhỏ"), "below 40×12 a clear message");
}

#[test]
fn help_and_a_form_with_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir, false);
    press(&mut t, KeyCode::Char('2'));
    press(&mut t, KeyCode::Char('?'));
    let help = screen(&t, 100, 30);
    assert!(help.contains("thêm người") && help.contains("lọc theo tên"));
    snapshot("help_members", help);
    press(&mut t, KeyCode::Esc);
    press(&mut t, KeyCode::Char('c'));
    typ(&mut t, "12,5");
    let form = screen(&t, 100, 30);
    assert!(form.contains("'12,5'") && form.contains("--amount"), "{form}");
    snapshot("form_amount_error", form);
}

#[test]
fn keys_do_the_treasurers_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir, false);
    // Add a household member of H00001 and contribute for her.
    press(&mut t, KeyCode::Char('2'));
    press(&mut t, KeyCode::Char('a'));
    typ(&mut t, "TV09001");
    press(&mut t, KeyCode::Tab);
    typ(&mut t, "Thạch Thị Sà Phol");
    press(&mut t, KeyCode::Tab);
    typ(&mut t, "H00001");
    press(&mut t, KeyCode::Enter);
    assert!(t.status.contains("TV09001"), "{}", t.status);
    let person = t.app.person("TV09001").unwrap();
    assert_eq!(person.full_name, "Thạch Thị Sà Phol");
    // Edit her phone number: the change goes to the audit log.
    t.person_sel = t.people.iter().position(|p| p.code == "TV09001").unwrap();
    press(&mut t, KeyCode::Char('e'));
    // The cursor waits in the first empty field: the phone.
    typ(&mut t, "0912345678");
    press(&mut t, KeyCode::Enter);
    assert!(t.status.contains("TV09001"), "{}", t.status);
    assert_eq!(t.app.person("TV09001").unwrap().phone.as_deref(), Some("0912345678"));
    assert_eq!(t.app.store.audit_for(t.app.pool().unwrap().id, "TV09001").unwrap().len(), 1);
    press(&mut t, KeyCode::Char('3'));
    press(&mut t, KeyCode::Char('c'));
    // The person field is first; the amount shows grouped as it is typed.
    typ(&mut t, "TV09001");
    press(&mut t, KeyCode::Tab);
    typ(&mut t, "1263600");
    assert!(screen(&t, 100, 30).contains("1.263.600 đ"));
    press(&mut t, KeyCode::Enter);
    assert!(t.status.starts_with("PT-2026-"), "{}", t.status);
    let pool_id = t.app.pool().unwrap().id;
    let bal = t.app.store.balance_rows(pool_id, None, None).unwrap();
    assert_eq!(bal.iter().find(|r| r.code == "TV09001").unwrap().balance.0, 1_263_600);
    // Buy BHYT for three people of one household from the Bảo hiểm screen.
    press(&mut t, KeyCode::Char('4'));
    press(&mut t, KeyCode::Char('b'));
    for _ in 0..30 {
        press(&mut t, KeyCode::Backspace);
    }
    typ(&mut t, "TV09001,TV00002,TV00003");
    let live = screen(&t, 100, 30);
    assert!(live.contains("người thứ") && live.contains("Tổng:"), "live quote: {live}");
    press(&mut t, KeyCode::Enter);
    assert!(t.status.starts_with("PC-2026-"), "{}", t.status);
    let voucher = t.status.split_whitespace().next().unwrap().to_string();
    let cov = t.app.store.coverage_of_txn(t.app.store.txn_by_voucher(pool_id, &voucher).unwrap().unwrap().id).unwrap();
    assert_eq!(cov.len(), 3);
    // Pay three months of BHXH for her from the same screen, with a live price.
    press(&mut t, KeyCode::Char('x'));
    for _ in 0..12 {
        press(&mut t, KeyCode::Backspace);
    }
    typ(&mut t, "TV09001");
    press(&mut t, KeyCode::Tab);
    press(&mut t, KeyCode::Backspace);
    typ(&mut t, "3");
    let live = screen(&t, 100, 30);
    assert!(live.contains("264.000 đ/tháng") && live.contains("Tổng: 792.000 đ"), "live BHXH price: {live}");
    press(&mut t, KeyCode::Enter);
    assert!(t.status.starts_with("PC-2026-") && t.status.contains("BHXH"), "{}", t.status);
    // Reverse the contribution with a reason, after confirming.
    press(&mut t, KeyCode::Char('3'));
    let pt = t
        .cash
        .iter()
        .position(|c| c.voucher.starts_with("PT-") && c.person.as_deref() == Some("Thạch Thị Sà Phol"))
        .unwrap();
    t.cash_sel = pt;
    let target = t.cash[pt].voucher.clone();
    press(&mut t, KeyCode::Char('r'));
    // The selected voucher is filled in; the cursor waits in the reason.
    typ(&mut t, "Ghi nhầm người góp");
    press(&mut t, KeyCode::Enter);
    assert!(matches!(t.overlay, Overlay::Confirm(..)), "asks before reversing");
    press(&mut t, KeyCode::Char('c'));
    assert!(t.status.starts_with("PC-2026-") && t.status.contains(&format!("Hủy {target}")), "{}", t.status);
    let original = t.app.store.txn_by_voucher(pool_id, &target).unwrap().unwrap();
    assert!(original.reversed_by.is_some());
    // q on a screen with nothing open quits.
    press(&mut t, KeyCode::Char('q'));
    assert!(t.quit);
}

#[test]
fn read_only_writes_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let before = tui(&dir, false);
    drop(before);
    let mut t = tui(&dir, true);
    let count =
        |t: &Tui| -> i64 { t.app.store.conn.query_row("SELECT COUNT(*) FROM transactions", [], |r| r.get(0)).unwrap() };
    let n = count(&t);
    for key in ['2', 'a', 'c', '3', 'c', 'r', '4', 'b', '6', 'd'] {
        press(&mut t, KeyCode::Char(key));
        assert!(matches!(t.overlay, Overlay::None), "{key} opened a form in read-only mode");
    }
    assert_eq!(count(&t), n);
    let shown = screen(&t, 100, 30);
    assert!(shown.contains("Chế độ chỉ xem"), "{shown}");
    assert!(!shown.contains("a thêm người"), "write keys hidden");
}

#[test]
fn first_run_names_the_pool() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&dir.path().join("new.db"), false, None, Lang::Vi, clock()).unwrap();
    let mut t = Tui::new(app);
    assert!(matches!(t.overlay, Overlay::Form(..)));
    // The code is offered (TO1); the cursor waits in the name.
    typ(&mut t, "Tổ hùn vốn ấp Ô Trao");
    press(&mut t, KeyCode::Tab);
    typ(&mut t, "5.000.000");
    press(&mut t, KeyCode::Tab);
    typ(&mut t, "200.000");
    press(&mut t, KeyCode::Enter);
    assert!(t.status.starts_with("PK-2026-0001"), "{}", t.status);
    assert!(matches!(t.overlay, Overlay::Help), "a tour of the keys after the setup");
    assert_eq!(t.app.store.dues(t.app.pool().unwrap().id).unwrap()[0].1.0, 200_000);
    assert_eq!(t.app.pool().unwrap().name, "Tổ hùn vốn ấp Ô Trao");
}
