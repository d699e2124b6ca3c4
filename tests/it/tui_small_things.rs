//! Small things that cost a treasurer time and screens she could not read: a person's edit history one key away in her passbook, the category's rates as
//! in force on the form's date, entry times in local time (never "UTC"), postings in words,
//! the cash book's totals row, figures in billions and voucher numbers of six digits shown whole.

use crate::common;

use crate::common::Book;
use crate::common::keys::keys;
use hunvon::tui::form::FieldKey;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;

fn tui(b: &Book) -> Tui {
    common::tui::open(b)
}

fn screen(t: &Tui) -> String {
    common::tui::screen(t, 100, 30)
}

fn book() -> Book {
    let b = Book::new();
    b.ok(&[
        "person",
        "add",
        "--code",
        "TV1",
        "--name",
        "Lê Thị Hạnh",
        "--joined",
        "2026-01-01",
        "--cccd",
        "084185000123",
    ]);
    b.ok(&["person", "edit", "TV1", "--phone", "0912345678"]);
    b.ok(&["person", "edit", "TV1", "--name", "Lê Thị Hồng Hạnh"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "500.000", "--date", "2026-11-02"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "300.000", "--date", "2026-11-03"]);
    b
}

#[test]
fn a_persons_edit_history_is_one_key_away_in_her_passbook() {
    let b = book();
    let mut t = tui(&b);
    keys(&mut t, "2/TV1<Enter><Enter>l");
    let text = screen(&t);
    assert!(text.contains("Lịch sử sửa của TV1"), "{text}");
    assert!(text.contains("thêm vào sổ: Lê Thị Hạnh"), "{text}");
    assert!(text.contains("Điện thoại: (trống) → 0912345678"), "{text}");
    assert!(text.contains("Họ và tên: Lê Thị Hạnh → Lê Thị Hồng Hạnh"), "{text}");
    assert!(!text.contains("084185000123") && !text.contains(" #"), "CCCD masked, no chain places: {text}");
    keys(&mut t, "<Esc>");
    assert!(matches!(t.layers.last(), Some(Layer::Passbook(_))), "Esc goes back to the passbook");
}

/// Tabs (forward, round) to the field `key` of the open form.
fn goto(t: &mut Tui, key: FieldKey) {
    for _ in 0..40 {
        let Some(Layer::Form(form)) = t.layers.last() else { panic!("a form") };
        if form.focus_is(key) {
            return;
        }
        keys(t, "<Tab>");
    }
    panic!("no field {key:?}");
}

fn category_hint(t: &Tui) -> String {
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("the person form") };
    form.field(FieldKey::Category).and_then(|f| f.hint.clone()).unwrap_or_default()
}

#[test]
fn the_category_hint_gives_the_rates_in_force_on_the_forms_date() {
    let b = book();
    let mut t = tui(&b);
    keys(&mut t, "2a");
    // The first digit is kept: an emptied "Vào tổ ngày" of a member refills with today.
    goto(&mut t, FieldKey::Joined);
    keys(&mut t, &format!("<End>{}4/06/2025", "<Bksp>".repeat(9)));
    goto(&mut t, FieldKey::Category);
    keys(&mut t, "<Right>");
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("the person form") };
    assert_eq!(
        (form.value(FieldKey::Category), form.value(FieldKey::Joined)),
        ("poor".to_string(), "24/06/2025".to_string())
    );
    let hint = category_hint(&t);
    assert!(hint.contains("hỗ trợ 30 %") && hint.contains("24/06/2025"), "before 01/07/2025: {hint}");
    goto(&mut t, FieldKey::Joined);
    keys(&mut t, &format!("<End>{}4/11/2026", "<Bksp>".repeat(9)));
    let hint = category_hint(&t);
    assert!(hint.contains("hỗ trợ 50 %"), "from 01/07/2025: {hint}");
}

#[test]
fn the_cash_book_and_a_voucher_read_in_words_and_local_time() {
    let b = book();
    let mut t = tui(&b);
    keys(&mut t, "3");
    let text = screen(&t);
    let total = text.lines().find(|l| l.contains("Cộng tháng")).unwrap_or_default();
    assert!(total.contains("800.000 đ"), "the month's totals row: {text}");
    keys(&mut t, "<Enter>");
    let text = screen(&t);
    assert!(text.contains("Ghi sổ lúc: 24/11/2026 07:00") && !text.contains("UTC"), "TZ=Asia/Ho_Chi_Minh: {text}");
    assert!(text.contains("300.000 đ vào tiền mặt"), "{text}");
    assert!(text.contains("300.000 đ vào quỹ của TV1 Lê Thị Hồng Hạnh"), "{text}");
    assert!(!text.contains("Nợ ") && !text.contains("Có "), "{text}");
}

/// A fund holding billions: the cash book's money columns widen to its widest figure, so a
/// balance of 2.000.800.000 đ never shows as "000.800.000 đ".
#[test]
fn billions_in_the_cash_book_keep_their_first_digits() {
    let b = book();
    b.ok(&["opening", "--cash", "2.000.000.000", "--date", "2026-11-01"]);
    b.ok(&["contribute", "--person", "TV1", "--amount", "1.500.000.000", "--date", "2026-11-05"]);
    let mut t = tui(&b);
    keys(&mut t, "3");
    let text = screen(&t);
    assert!(text.contains("1.500.000.000 đ") && text.contains("3.500.800.000 đ"), "figures whole: {text}");
    // The opening is dated in the month: Thu holds it, as the printed book does.
    let total = text.lines().find(|l| l.contains("Cộng tháng")).unwrap_or_default();
    assert_eq!(total.matches("3.500.800.000 đ").count(), 2, "Thu and the balance whole: {total}");
}

#[test]
fn six_digit_voucher_numbers_fit_their_column() {
    assert!(ratatui::text::Span::raw("PT-2026-176586").width() <= usize::from(hunvon::tui::widgets::VOUCHER_WIDTH));
}

#[test]
fn a_paper_written_as_csv_from_the_tui_reads_in_words() {
    let b = book();
    b.ok(&["buy", "bhyt", "--person", "TV1", "--months", "12", "--date", "2026-11-10"]);
    let mut t = tui(&b);
    // Báo cáo, the cover list (fifth paper), as CSV (PDF → HTML → CSV), written.
    keys(&mut t, "5jjjjffw");
    let file = std::fs::read_dir(&t.papers)
        .unwrap_or_else(|e| panic!("{e}: {}", t.status))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .unwrap_or_else(|| panic!("a CSV: {}", t.status));
    let csv = std::fs::read_to_string(file).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    assert!(csv.starts_with("Mã,Họ và tên,Thẻ BHYT từ ngày,Thẻ BHYT đến ngày,Thẻ BHYT"), "{csv}");
    assert!(csv.contains("TV1,Lê Thị Hồng Hạnh,10/12/2026,09/12/2027,chờ hiệu lực"), "{csv}");
    assert!(!csv.contains("waiting") && !csv.contains("2026-12-10"), "{csv}");
    // The command line keeps its English keys.
    assert!(b.ok(&["report", "coverage", "--format", "csv"]).starts_with("code,full_name,bhyt_from"));
}
