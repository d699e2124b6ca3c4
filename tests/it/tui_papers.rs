//! The month's end in the TUI (Cài đặt): the letterhead typed in, a cash count by
//! denomination with its difference shown live and its biên bản (08a-TT) written, and a
//! close asked about first; then the CLI sees the count, and neither the TUI's forms nor
//! the CLI write a voucher dated in the closed period. In process, against a real book.

use crate::common::keys::keys;
use crate::common::{Book, book};
use chrono::NaiveDate;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn tui_on(book: &Book, read_only: bool) -> Tui {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let app = App::open(&book.db, read_only, None, Lang::Vi, Clock::fixed(today)).unwrap();
    let mut t = Tui::new(app);
    t.papers = book.path("giay-to");
    t
}

fn screen(t: &Tui) -> String {
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    term.draw(|f| hunvon::tui::view::render(t, f)).unwrap();
    term.backend().to_string()
}

fn form_text(t: &Tui) -> String {
    match t.layers.last() {
        Some(Layer::Form(f)) => {
            let mut s: Vec<String> = f.fields.iter().filter_map(|x| x.error.clone()).collect();
            s.extend(f.message.clone());
            s.extend(f.preview.clone());
            s.extend(f.warnings.clone());
            s.join(" | ")
        }
        _ => String::new(),
    }
}

/// A pool with 1.000.000 đ opening cash and one contribution of 200.000 đ.
fn chapter() -> Book {
    book()
        .opening("1.000.000", "01/10/2026")
        .person("TV1", "Lê Thị Thu")
        .contribute("TV1", "200.000", Some("05/11/2026"))
        .done()
}

#[test]
fn a_count_and_a_close_by_keys() {
    let book = chapter();
    let mut t = tui_on(&book, false);

    // The letterhead, shown on the screen afterwards and printed on the count's paper.
    keys(&mut t, "6l");
    keys(&mut t, "Tổ hùn vốn ấp Cây Gòn<Tab>ấp Cây Gòn, xã Ô Trao<Tab><Tab><Tab>Lê Thị Thu<Enter>");
    assert!(t.status.contains("Đã ghi thông tin đơn vị"), "{} {}", t.status, form_text(&t));
    assert!(screen(&t).contains("Thủ quỹ: Lê Thị Thu"), "{}", screen(&t));

    // The count: 2 × 500.000 + 1 × 100.000 + 9 × 10.000 = 1.190.000 against 1.200.000.
    keys(&mut t, "c<Tab>2<Tab><Tab>1<Tab><Tab><Tab>9");
    let live = form_text(&t);
    assert!(live.contains("1.200.000 đ") && live.contains("Thiếu 10.000 đ"), "{live}");
    keys(&mut t, "<Tab><Tab><Tab><Tab><Tab>Nguyễn Văn Tư, Lê Thị Thu<Tab>Thiếu tiền lẻ<Enter>");
    assert!(t.status.contains("Đã ghi bảng kiểm kê quỹ KK-"), "{} {}", t.status, form_text(&t));
    let Some(Layer::Preview(p)) = t.layers.last() else { panic!("the biên bản opens: {}", t.status) };
    let paper = p.lines.join("\n");
    assert!(paper.contains("08a-TT") && paper.contains("Thiếu 10.000") && paper.contains("Lê Thị Thu"), "{paper}");
    keys(&mut t, "w");
    assert!(t.status.starts_with("Đã ghi"), "{}", t.status);
    let written = std::fs::read_dir(book.path("giay-to")).unwrap().count();
    assert_eq!(written, 1, "the paper is in the papers folder");
    keys(&mut t, "<Esc>");
    let csv = book.ok(&["report", "counts", "--format", "csv"]);
    assert!(csv.contains("2026-11-24,") && csv.contains(",1200000,1190000,-10000,"), "{csv}");

    // The close: what it means and that it cannot be undone, asked first.
    keys(&mut t, "K");
    assert!(form_text(&t).contains("Sổ chưa khóa lần nào"), "{}", form_text(&t));
    keys(&mut t, "<End><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>20/11/2026<Enter>");
    let Some(Layer::Confirm(c)) = t.layers.last() else { panic!("asks first: {}", form_text(&t)) };
    let question = c.lines.join(" ");
    assert!(question.contains("không thể hoàn tác") && question.contains("20/11/2026"), "{question}");
    keys(&mut t, "c");
    assert!(t.status.contains("Đã khóa sổ đến 20/11/2026"), "{} {}", t.status, form_text(&t));
    assert!(screen(&t).contains("Đã khóa sổ đến 20/11/2026"));

    // A voucher dated in the closed period: the form names the date field's refusal.
    keys(&mut t, "3cTV1<Tab>50.000<Tab><End><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>15/11/2026");
    let error = form_text(&t);
    assert!(error.contains("Sổ đã khóa đến ngày 20/11/2026"), "{error}");
    keys(&mut t, "<Enter>");
    assert!(matches!(t.layers.last(), Some(Layer::Form(_))), "nothing written, the form stays");
    let refused = book.refused(&["contribute", "--person", "TV1", "--amount", "50.000", "--date", "15/11/2026"]);
    assert!(refused.contains("Sổ đã khóa đến ngày 20/11/2026"), "{refused}");
    // After the close, a day after it is fine (TV1 has no «Vào tổ ngày»: asked once, yes).
    keys(&mut t, "<Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>24/11/2026<Enter>");
    assert!(matches!(t.layers.last(), Some(Layer::Confirm(_))), "a relative's contribution is asked");
    keys(&mut t, "c");
    assert!(t.status.starts_with("PT-2026-"), "{} {}", t.status, form_text(&t));
    assert!(t.app.verify(&[]).unwrap().ok());
}

#[test]
fn the_help_names_the_month_end_and_read_only_hides_it() {
    let book = chapter();
    let mut t = tui_on(&book, false);
    keys(&mut t, "6?");
    let help = screen(&t);
    for words in ["kiểm kê quỹ", "khóa sổ", "đơn vị và người ký"] {
        assert!(help.contains(words), "{words}: {help}");
    }
    drop(t);
    let mut t = tui_on(&book, true);
    for script in ["6c", "6K", "6l"] {
        keys(&mut t, script);
        assert!(t.layers.is_empty(), "{script} opened something in read-only mode");
    }
    keys(&mut t, "?");
    let help = screen(&t);
    assert!(!help.contains("kiểm kê quỹ") && !help.contains("khóa sổ"), "{help}");
}

/// docs/quy-dinh.md §7: the letterhead's form offers the form set in words ("Bộ mẫu biểu");
/// choosing TT 133 there makes the cash book S04a-DNN, as `pool set --forms TT133` does.
#[test]
fn the_letterhead_form_chooses_the_form_set_in_words() {
    let book = chapter();
    let mut t = tui_on(&book, false);
    keys(&mut t, "6l");
    assert!(screen(&t).contains("Bộ mẫu biểu  ‹ Thông tư 99/2025/TT-BTC (hiện hành) ›"), "{}", screen(&t));
    keys(&mut t, "<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Right><Right>");
    let shown = screen(&t);
    assert!(shown.contains("Thông tư 133/2016/TT-BTC (doanh nghiệp nhỏ)"), "{shown}");
    assert!(shown.contains("S04a-DNN, S05-DNN"), "the choice's hint names its books: {shown}");
    keys(&mut t, "<Enter>");
    assert!(t.status.contains("Đã ghi thông tin đơn vị"), "{} {}", t.status, form_text(&t));
    assert!(book.ok(&["report", "cashbook"]).contains("S04a-DNN"));
    assert!(book.ok(&["pool", "show"]).contains("Thông tư 133/2016/TT-BTC"));
    // Opened again, the form shows the choice in force.
    keys(&mut t, "l");
    assert!(screen(&t).contains("‹ Thông tư 133/2016/TT-BTC (doanh nghiệp nhỏ) ›"), "{}", screen(&t));
    assert!(t.app.verify(&[]).unwrap().ok());
}
