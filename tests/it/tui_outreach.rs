//! Tổng quan with the year's plan (gauges with %, and receipts and payments by month as
//! bars) at 100×30 and as numbers at 40×12; the outreach list on 4 Bảo hiểm, with `c` and
//! `b` opening their forms for the person of the line.

use crate::common::keys::keys;
use chrono::NaiveDate;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon::tui::view;
use hunvon_app::papers::targets::TargetInput;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

fn tui(dir: &tempfile::TempDir) -> Tui {
    let path = dir.path().join("demo.db");
    if !path.exists() {
        let opts = hunvon_app::demo::DemoOptions { people: 24, months: 14, pools: 1, seed: 11, ..Default::default() };
        hunvon_app::demo::generate(&path, &opts, clock()).unwrap();
        let mut app = App::open(&path, false, None, Lang::Vi, clock()).unwrap();
        let target = TargetInput { year: "2026".into(), bhyt: "30".into(), bhxh: "8".into(), new_bhxh: None };
        app.set_target(&target).unwrap();
    }
    Tui::new(App::open(&path, false, None, Lang::Vi, clock()).unwrap())
}

fn screen(t: &Tui, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::render(t, f)).unwrap();
    term.backend().to_string()
}

fn snapshot(name: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"[0-9a-f]{16,}", "[HASH]");
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn the_dashboard_shows_the_plan_as_gauges_and_degrades_to_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir);
    keys(&mut t, "1");
    let big = screen(&t, 100, 30);
    // 24 of 30 with BHYT (80 %); the gauges and the twelve months' bars.
    assert!(big.contains("BHYT 24/30 · 80,00 %"), "{big}");
    assert!(big.contains("BHXH ") && big.contains("12 01 02 03"), "{big}");
    snapshot("dashboard_plan_100x30", big);
    let small = screen(&t, 40, 12);
    assert!(small.contains("KH: BHYT 24/30 80% · BHXH 2/8 25%"), "{small}");
    snapshot("dashboard_plan_40x12", small);
}

#[test]
fn c_and_b_open_their_forms_for_the_person_of_an_outreach_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = tui(&dir);
    keys(&mut t, "4vvvv");
    let shown = screen(&t, 100, 30);
    assert!(shown.contains("Người cần vận động") && shown.contains("chưa đóng BHXH"), "{shown}");
    keys(&mut t, "<Down>");
    let code = t.insurance.selected_code(t.watch.as_ref()).expect("a line");
    for key in ["c", "b"] {
        keys(&mut t, key);
        assert!(matches!(t.layers.last(), Some(Layer::Form(_))), "{key} opens a form");
        let form = screen(&t, 100, 30);
        assert!(form.contains(&code), "{key}: the form names {code}:\n{form}");
        keys(&mut t, "<Esc><Esc>y");
        while t.layers.last().is_some() {
            keys(&mut t, "<Esc>");
        }
    }
}

#[test]
fn the_cover_list_names_a_card_from_elsewhere_by_its_source() {
    let dir = tempfile::tempdir().unwrap();
    drop(tui(&dir));
    let path = dir.path().join("demo.db");
    let mut app = App::open(&path, false, None, Lang::Vi, clock()).unwrap();
    let card = hunvon_app::insurance::outside_cards::CardInput {
        person: "TV00002".into(),
        from: Some("2026-11-20".into()),
        to: "2027-12-31".into(),
        source: "state".into(),
        ..Default::default()
    };
    app.record_card(&card).unwrap();
    let mut t = Tui::new(App::open(&path, false, None, Lang::Vi, clock()).unwrap());
    keys(&mut t, "4/TV00002<Enter>");
    let shown = screen(&t, 100, 30);
    assert!(shown.contains("Nhà nước cấp"), "{shown}");
}
