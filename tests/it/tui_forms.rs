//! The treasurer's forms by keys, in process against a real book (docs/design.md §2 `tui/`,
//! docs/huong-dan-thu-quy.md §2): births before 2000 in the person form, a value entered by Tab
//! selected (typing replaces it, arrows keep it, Ctrl-U clears), the person search that ranks
//! whole words and members first, the question before a non-member's contribution, the next
//! free codes, and the small things of a month.

use crate::common::keys::keys;
use chrono::NaiveDate;
use hunvon::tui::form::{FieldKey, Form};
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon_app::people::PersonInput;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A date written dd/mm/yyyy.
fn dmy(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%d/%m/%Y").ok()
}

/// A new book with its pool, dues and cash, as the first run leaves it.
fn new_book(dir: &tempfile::TempDir) -> Tui {
    let app = App::open(&dir.path().join("so.db"), false, None, Lang::Vi, clock()).unwrap();
    let mut t = Tui::new(app);
    t.papers = dir.path().join("giay-to");
    keys(&mut t, "<Tab>Tổ hùn vốn ấp Ô Trao<Tab>3.000.000<Tab>100.000<Enter><Esc>");
    assert!(t.layers.is_empty());
    t
}

fn form(t: &Tui) -> &Form {
    match t.layers.last() {
        Some(Layer::Form(f)) => f,
        _ => panic!("a form is open"),
    }
}

fn value(t: &Tui, key: FieldKey) -> String {
    form(t).field(key).map(|f| f.value.clone()).unwrap()
}

fn problems(t: &Tui) -> String {
    match t.layers.last() {
        Some(Layer::Form(f)) => {
            let mut s: Vec<String> = f.fields.iter().filter_map(|x| x.error.clone()).collect();
            s.extend(f.message.clone());
            s.join(" | ")
        }
        _ => String::new(),
    }
}

fn person(t: &mut Tui, code: &str, name: &str, gender: &str, joined: &str, sponsor: &str, household: &str) {
    let p = PersonInput {
        code: code.into(),
        full_name: Some(name.into()),
        gender: Some(gender.into()),
        joined: Some(joined.into()),
        sponsor: Some(sponsor.into()),
        household: Some(household.into()),
        ..Default::default()
    };
    t.app.add_person(&p).unwrap();
}

#[test]
fn people_born_in_1950_1985_and_2010_are_added_and_edited_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    // Ngày sinh is the ninth field of the add form, the eighth of the edit form.
    for (code, name, born) in
        [("TV1", "Lê Thị Năm", "15/08/1950"), ("TV2", "Đỗ Thị Hạnh", "15/08/1985"), ("TV3", "Lê Văn Út", "03/02/2010")]
    {
        keys(&mut t, &format!("2a{code}<Tab>{name}{}{born}<Enter>", "<Tab>".repeat(7)));
        assert!(t.status.contains(&format!("Đã thêm {code}")), "{code}: {} {}", t.status, problems(&t));
        assert_eq!(t.app.person(code).unwrap().date_of_birth, dmy(born));
    }
    // Each one edited: a birth date typed over the one shown, and a phone.
    for (code, born, y) in [("TV1", "16/08/1950", 1950), ("TV2", "16/08/1985", 1985), ("TV3", "04/02/2010", 2010)] {
        keys(&mut t, &format!("/{code}<Enter>e{}{born}{}0912000{y}<Enter>", "<Tab>".repeat(7), "<Tab>".repeat(4)));
        assert!(t.status.contains(&format!("Đã sửa {code}")), "{code}: {} {}", t.status, problems(&t));
        let p = t.app.person(code).unwrap();
        assert_eq!(p.date_of_birth, dmy(born));
        assert_eq!(p.phone.as_deref(), Some(format!("0912000{y}").as_str()));
    }
    // A birth before 1900 or after today is refused, naming the field.
    keys(&mut t, &format!("2aTV4<Tab>Lê Văn Sáu{}31/12/1899", "<Tab>".repeat(7)));
    assert!(problems(&t).contains("Ngày sinh") && problems(&t).contains("01/01/1900"), "{}", problems(&t));
    keys(&mut t, "<C-u>25/11/2026<Enter>");
    assert!(problems(&t).contains("Ngày sinh"), "{}", problems(&t));
    assert!(t.app.person("TV4").is_err());
    // A voucher's date keeps its own bound: 2000.
    keys(&mut t, "<Esc><Enter>3cTV2<Tab>100.000<Tab>31/12/1999<Enter>");
    assert!(problems(&t).contains("01/01/2000"), "{}", problems(&t));
}

#[test]
fn a_value_entered_by_tab_is_selected_and_typing_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    t.app.add_household("H1", "Hộ Đỗ Thị Hạnh", "").unwrap();
    person(&mut t, "TV01", "Đỗ Thị Hạnh", "nữ", "01/01/2026", "", "H1");
    t.refresh();
    // The contribution form opened on TV01: "hanh" replaces the code, it is not appended.
    keys(&mut t, "2c");
    assert_eq!(value(&t, FieldKey::Person), "TV01");
    assert!(form(&t).fields[0].selected);
    keys(&mut t, "hanh");
    assert_eq!(value(&t, FieldKey::Person), "hanh");
    keys(&mut t, "<Enter>");
    assert_eq!(value(&t, FieldKey::Person), "TV01", "Enter takes the name found");
    // A date pre-filled with today: typed over, not appended.
    keys(&mut t, "<Tab>150.000<Tab>05/11/2026");
    assert_eq!(value(&t, FieldKey::Date), "05/11/2026");
    // Arrows, Home and End keep the value and edit in place.
    keys(&mut t, "<BackTab><Tab><End><Bksp>5");
    assert_eq!(value(&t, FieldKey::Date), "05/11/2025");
    keys(&mut t, "<BackTab><Tab><Home><Right><Bksp>0");
    assert_eq!(value(&t, FieldKey::Date), "05/11/2025");
    keys(&mut t, "<BackTab><Tab><Left>");
    assert!(!form(&t).fields[2].selected);
    // Backspace on a selected value clears it; Ctrl-U clears wherever the cursor is.
    keys(&mut t, "<BackTab><Bksp>");
    assert_eq!(value(&t, FieldKey::Amount), "");
    keys(&mut t, "200.000<Home><C-u>");
    assert_eq!(value(&t, FieldKey::Amount), "");
    keys(&mut t, "200.000<Enter>");
    assert!(t.status.starts_with("PT-2025-0001"), "{} {}", t.status, problems(&t));
    let d = t.app.voucher_detail("PT-2025-0001").unwrap();
    assert_eq!(d.date, day(2025, 11, 5).unwrap());

    // Backspace on "Vào tổ ngày" clears it and it stays cleared (no refill).
    keys(&mut t, "2a<Tab>Lê Văn Tư<Tab><Tab><Bksp>");
    assert_eq!(value(&t, FieldKey::Joined), "");
    keys(&mut t, "<Tab><BackTab>");
    assert_eq!(value(&t, FieldKey::Joined), "", "a cleared date is not filled again");
    // The role switched back and forth fills it again.
    keys(&mut t, "<BackTab><Right><Right>");
    assert_eq!(value(&t, FieldKey::Joined), "24/11/2026");
    keys(&mut t, "<Esc><Enter>");
    assert!(t.layers.is_empty());
}

#[test]
fn the_selected_value_is_drawn_reversed() {
    use ratatui::style::Modifier;
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    keys(&mut t, "3c<Tab><Tab>");
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| hunvon::tui::view::render(&t, f)).unwrap();
    let buf = term.backend().buffer().clone();
    // The date field's row (the status bar shows today's date too).
    let cells = |needle: &str| {
        let text = term.backend().to_string();
        let row = text.lines().position(|l| l.contains(needle) && l.contains("Ngày")).unwrap();
        let line: String = (0..100).map(|x| buf[(x, row as u16)].symbol().to_string()).collect();
        let col = line
            .chars()
            .collect::<Vec<_>>()
            .windows(needle.chars().count())
            .position(|w| w.iter().collect::<String>() == needle);
        (row as u16, col.unwrap() as u16)
    };
    let (y, x) = cells("24/11/2026");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED), "the date entered is shown selected");
    keys(&mut t, "<End>");
    term.draw(|f| hunvon::tui::view::render(&t, f)).unwrap();
    let buf = term.backend().buffer().clone();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED), "a move keeps the value, unselected");
}

/// A book with a relative named Chanh (code first) and two members named Hạnh.
fn hanh_and_chanh(dir: &tempfile::TempDir) -> Tui {
    let mut t = new_book(dir);
    t.app.add_household("H1", "Hộ Kim Văn Sơn", "").unwrap();
    person(&mut t, "TV01", "Kim Văn Sơn", "nam", "01/01/2026", "", "H1");
    person(&mut t, "TV02", "Kim Thị Chanh Thu", "nữ", "", "TV01", "H1");
    person(&mut t, "TV03", "Trần Thị Hạnh", "nữ", "", "TV01", "H1");
    person(&mut t, "TV04", "Đỗ Thị Hạnh", "nữ", "01/01/2026", "", "H1");
    t.refresh();
    t
}

#[test]
fn hanh_finds_the_member_hanh_before_a_relative_and_before_chanh() {
    let dir = tempfile::tempdir().unwrap();
    let t = hanh_and_chanh(&dir);
    let codes =
        |typed: &str| -> Vec<String> { t.app.complete_person(typed, 5).unwrap().into_iter().map(|p| p.code).collect() };
    // A whole word first (members before relatives), then inside a word.
    assert_eq!(codes("hanh"), ["TV04", "TV03", "TV02"]);
    assert_eq!(codes("Hạnh"), ["TV04", "TV03", "TV02"]);
    assert_eq!(codes("thi hanh"), ["TV04", "TV03"]);
    // The exact code before codes that start with it.
    assert_eq!(codes("TV0"), ["TV01", "TV04", "TV02", "TV03"]);
    assert_eq!(codes("tv03")[0], "TV03");
}

#[test]
fn the_person_chosen_shows_her_role_and_a_non_member_is_asked_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = hanh_and_chanh(&dir);
    keys(&mut t, "3chanh");
    let f = &form(&t).fields[0];
    assert!(f.completions[0].1.contains("TV04 Đỗ Thị Hạnh · thành viên"), "{:?}", f.completions);
    assert!(f.completions[1].1.contains("TV03 Trần Thị Hạnh · người thân"), "{:?}", f.completions);
    // The second in the list: a relative. Her code, name and role show before Enter.
    keys(&mut t, "<Down><Enter>");
    let note = form(&t).fields[0].note.clone().unwrap_or_default();
    assert_eq!(value(&t, FieldKey::Person), "TV03");
    assert!(note.contains("Trần Thị Hạnh · người thân"), "{note}");
    keys(&mut t, "<Tab>100.000<Enter>");
    let Some(Layer::Confirm(c)) = t.layers.last() else { panic!("asks first: {}", problems(&t)) };
    assert!(c.lines[0].contains("Bà Trần Thị Hạnh (TV03) không phải thành viên — vẫn ghi?"), "{:?}", c.lines);
    // Any other key: back to the form, nothing written.
    keys(&mut t, "n");
    assert!(matches!(t.layers.last(), Some(Layer::Form(_))));
    assert!(t.app.voucher_detail("PT-2026-0001").is_err());
    // Chosen again: asked again, once, and written.
    keys(&mut t, "<Enter>c");
    assert!(t.status.starts_with("PT-2026-0001"), "{} {}", t.status, problems(&t));
    assert_eq!(t.app.person_line("TV03").unwrap().unwrap().balance.0, 100_000);
    // A member is not asked.
    keys(&mut t, "chanh<Enter><Tab>100.000<Enter>");
    assert!(t.status.starts_with("PT-2026-0002"), "{} {}", t.status, problems(&t));
    assert_eq!(t.app.person_line("TV04").unwrap().unwrap().balance.0, 100_000);
}

#[test]
fn add_forms_offer_the_next_free_codes() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    // An empty pool: the first codes.
    keys(&mut t, "2a");
    assert_eq!(value(&t, FieldKey::Code), "TV0001");
    keys(&mut t, "<Esc>ha");
    assert_eq!(value(&t, FieldKey::Code), "H01");
    keys(&mut t, "<Esc>h");
    for h in 1..=12 {
        t.app.add_household(&format!("H{h:02}"), &format!("Hộ số {h}"), "").unwrap();
    }
    for n in [1, 2, 30, 7] {
        person(&mut t, &format!("TV{n:04}"), "Lê Thị Năm", "", "", "", "");
    }
    t.refresh();
    keys(&mut t, "2a");
    assert_eq!(value(&t, FieldKey::Code), "TV0031");
    assert!(form(&t).fields[0].selected, "offered selected: typing replaces it");
    // Taken as offered.
    keys(&mut t, "<Tab>Lê Văn Ba<Enter>");
    assert!(t.status.contains("Đã thêm TV0031"), "{} {}", t.status, problems(&t));
    keys(&mut t, "ha");
    assert_eq!(value(&t, FieldKey::Code), "H13");
    keys(&mut t, "<Tab>Hộ Lê Văn Ba<Enter>");
    assert!(t.status.contains("Đã thêm hộ H13"), "{} {}", t.status, problems(&t));
}

#[test]
fn the_small_things_of_a_month() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = hanh_and_chanh(&dir);
    // `p` gives an example of a payment, `i` of an income.
    keys(&mut t, "3p<Tab>");
    let hint = form(&t).fields[1].hint.clone().unwrap_or_default();
    assert!(!hint.contains("Lãi") && hint.starts_with("Ví dụ"), "{hint}");
    keys(&mut t, "<Esc>i<Tab>");
    assert!(form(&t).fields[1].hint.clone().unwrap_or_default().contains("Lãi"));
    keys(&mut t, "<Esc>");
    assert!(t.layers.is_empty());

    // Esc in a list of names closes the list; the form and what was typed stay.
    keys(&mut t, "chanh");
    assert!(form(&t).fields[0].completing());
    keys(&mut t, "<Esc>");
    assert!(!form(&t).fields[0].completing());
    assert_eq!(value(&t, FieldKey::Person), "hanh");
    keys(&mut t, "<Esc><Enter>");
    assert!(t.layers.is_empty(), "a second Esc drops the form");

    // After Esc clears a filter the highlight stays on the person found.
    keys(&mut t, "2/do thi<Enter>");
    assert_eq!(t.people.people.selected().unwrap().code, "TV04");
    keys(&mut t, "<Esc>");
    assert_eq!(t.people.filter, "");
    assert_eq!(t.people.count, 4);
    assert_eq!(t.people.people.selected().unwrap().code, "TV04");
    // The same while the filter line is still open.
    keys(&mut t, "/chanh<Esc>");
    assert_eq!(t.people.people.selected().unwrap().code, "TV02");
    // And on the insurance screen's lists.
    keys(&mut t, "4/tran thi<Enter>");
    assert_eq!(t.insurance.selected_code(t.watch.as_ref()).as_deref(), Some("TV03"));
    keys(&mut t, "<Esc>");
    assert_eq!(t.insurance.rows.len(), 4);
    assert_eq!(t.insurance.selected_code(t.watch.as_ref()).as_deref(), Some("TV03"));
    keys(&mut t, "2");

    // Enter on a household: its card offers to add a person to it, household filled in.
    keys(&mut t, "h<Enter>");
    assert!(matches!(t.layers.last(), Some(Layer::Household(_))));
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| hunvon::tui::view::render(&t, f)).unwrap();
    assert!(term.backend().to_string().contains("a thêm người vào hộ"));
    keys(&mut t, "a");
    assert_eq!(value(&t, FieldKey::Household), "H1");
    keys(&mut t, "<Tab>Kim Văn Bảy<Enter>");
    assert!(t.status.contains("Đã thêm TV05"), "{} {}", t.status, problems(&t));
    assert_eq!(t.app.person("TV05").unwrap().household_code.as_deref(), Some("H1"));

    // A member who leaves: the pay-back amount is her balance.
    keys(&mut t, "<Esc>");
    t.app.contribute("TV04", "350.000", "2026-11-20", None, "").unwrap();
    t.refresh();
    keys(&mut t, "2/TV04<Enter>w");
    assert_eq!(value(&t, FieldKey::Amount), "", "nothing offered while she is a member");
    keys(&mut t, "<Esc>");
    t.layers.clear();
    keys(&mut t, &format!("e{}24/11/2026<Enter>", "<Down>".repeat(12)));
    assert!(t.status.contains("Đã sửa TV04"), "{} {}", t.status, problems(&t));
    keys(&mut t, "w");
    assert_eq!(value(&t, FieldKey::Amount), "350.000");
    keys(&mut t, "<Enter>");
    assert!(t.status.starts_with("PC-2026-0001"), "{} {}", t.status, problems(&t));
    assert_eq!(t.app.person_line("TV04").unwrap().unwrap().balance.0, 0);
}
