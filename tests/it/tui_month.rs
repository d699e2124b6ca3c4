//! A treasurer's month done with keys on the TUI model (in process, against a real
//! book): households and people with a sponsor, contributions found by name, BHYT for a
//! household paid by the sponsor, BHXH, a transfer, a reversal that keeps the selection
//! on the voucher it reversed, money paid back to a member who leaves; and a purchase
//! whose price changed while the form was open asks again.

use crate::common::keys::keys;
use chrono::NaiveDate;
use hunvon::tui::form::FieldKey;
use hunvon::tui::popups::Layer;
use hunvon::tui::state::Tui;
use hunvon_app::{App, Clock};
use hunvon_core::messages::i18n::Lang;

fn clock() -> Clock {
    Clock::fixed(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
}

fn form_error(t: &Tui) -> String {
    match t.layers.last() {
        Some(Layer::Form(f)) => {
            let mut s: Vec<String> = f.fields.iter().filter_map(|x| x.error.clone()).collect();
            s.extend(f.message.clone());
            s.extend(f.warnings.clone());
            s.join(" | ")
        }
        _ => String::new(),
    }
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

#[test]
fn a_month_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    // A household, two members and two relatives sponsored by the first member.
    keys(&mut t, "2ha");
    keys(&mut t, "H1<Tab>Hộ Thạch Văn Sang<Tab>ấp Ô Trao<Enter>");
    assert!(t.status.contains("H1"), "{}", t.status);
    keys(&mut t, "h");
    keys(&mut t, "aTV1<Tab>Thạch Văn Sang<Tab><Tab><Tab><Tab>H1<Tab><Tab><Tab><Tab><Tab><Tab><Tab>0912345678<Enter>");
    assert!(t.status.contains("Đã thêm TV1"), "{} {}", t.status, form_error(&t));
    keys(&mut t, "aTV2<Tab>Thạch Thị Sà Phol<Tab><Tab><Tab><Tab>H1<Enter>");
    assert!(t.status.contains("Đã thêm TV2"), "{} {}", t.status, form_error(&t));
    // A relative: the role clears "Vào tổ ngày"; the sponsor is found by name.
    keys(&mut t, "aTV3<Tab>Thạch Thị Mỹ<Tab><Right><Tab><Tab>thach van<Down><Up><Enter><Tab>H1<Enter>");
    assert!(t.status.contains("Đã thêm TV3"), "{} {}", t.status, form_error(&t));
    keys(&mut t, "aTV4<Tab>Thạch Văn Bé<Tab><Right><Tab><Tab>TV1<Tab>H1<Enter>");
    assert!(t.status.contains("Đã thêm TV4"), "{} {}", t.status, form_error(&t));
    let tv3 = t.app.person("TV3").unwrap();
    assert_eq!(
        (tv3.joined, tv3.sponsor_code.as_deref(), tv3.household_code.as_deref()),
        (None, Some("TV1"), Some("H1"))
    );
    // The selection is on the person just added.
    assert_eq!(t.people.people.selected().unwrap().code, "TV4");

    // Contributions, the member found by name.
    keys(&mut t, "3cthach thi sa<Enter><Tab>1.500.000<Enter>");
    assert!(t.status.starts_with("PT-2026-0001"), "{} {}", t.status, form_error(&t));
    keys(&mut t, "cTV1<Tab>3.000.000<Enter>");
    assert!(t.status.starts_with("PT-2026-0002"), "{} {}", t.status, form_error(&t));

    // BHYT for the household from the sponsor's line: everyone proposed in order, each
    // person's payer by the rules (a member herself, a relative her sponsor).
    keys(&mut t, "2<Home>");
    assert_eq!(t.people.people.selected().unwrap().code, "TV1");
    keys(&mut t, "b");
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("BHYT form") };
    assert_eq!(form.value(FieldKey::Person), "TV1,TV2,TV3,TV4");
    let preview = form.preview.join("\n");
    assert!(preview.contains("TV2 Thạch Thị Sà Phol · người thứ 2"), "{preview}");
    assert!(preview.contains("TV3 Thạch Thị Mỹ · người thứ 3"), "{preview}");
    let payers: Vec<String> =
        form.fields.iter().filter(|f| matches!(f.key, FieldKey::PayerFor(_))).map(|f| f.value.clone()).collect();
    assert_eq!(payers, ["TV1", "TV2", "TV1", "TV1"], "a member herself, a relative her sponsor");
    // The sponsor pays for the whole household: TV2's own line changed to her.
    keys(&mut t, "<Tab><Tab><Tab><Tab><End><Bksp><Bksp><Bksp>TV1<Enter>");
    assert!(t.status.starts_with("PC-2026-0001"), "{} {}", t.status, form_error(&t));
    let detail = t.app.voucher_detail("PC-2026-0001").unwrap();
    assert_eq!(detail.bought.len(), 4);
    assert!(detail.bought.iter().all(|b| b.payer.contains("TV1")), "{:?}", detail.bought);
    let debits: Vec<_> = detail.postings.iter().filter(|p| p.amount.0 > 0).collect();
    assert!(debits.len() == 4 && debits.iter().all(|p| p.account.contains("TV1")), "{:?}", detail.postings);

    // BHXH for the second member, three months.
    keys(&mut t, "2<Home>jx<Tab><Right><Enter>");
    assert!(t.status.starts_with("PC-2026-0002") && t.status.contains("BHXH"), "{} {}", t.status, form_error(&t));

    // A transfer to the bank.
    keys(&mut t, "3t<Tab>1.000.000<Tab><Tab><Tab>GNT 0815<Enter>");
    // Cash leaving the safe for the bank is a phiếu chi (docs/quy-dinh.md §6), with the bank's
    // deposit slip.
    assert!(t.status.starts_with("PC-2026-0003"), "{} {}", t.status, form_error(&t));
    let pool = t.app.pool().unwrap().id;
    let store = hunvon_store::Store::open(t.app.book_path(), hunvon_store::Access::ReadOnly).unwrap();
    let deposit = store.txn_by_voucher(pool, "PC-2026-0003").unwrap().unwrap();
    assert_eq!(deposit.bank_ref, "GNT 0815");

    // A mistaken contribution, reversed from the cash book: the selection stays on it.
    keys(&mut t, "cTV2<Tab>300.000<Enter>");
    let mistake = t.status.split_whitespace().next().unwrap().to_string();
    assert_eq!(t.book.window.selected().unwrap().voucher, mistake, "the new voucher is selected");
    // Something else happens in between; the selection is held by voucher.
    keys(&mut t, "<Home><End>");
    let at = t.book.window.rows.iter().position(|r| r.voucher == mistake).unwrap();
    t.book.window.sel = at;
    keys(&mut t, "rGhi nhầm: bà Sà Phol góp 300.000 cho tháng sau, không phải hôm nay<Enter>");
    assert!(matches!(t.layers.last(), Some(Layer::Confirm(_))), "asks first, in full");
    keys(&mut t, "c");
    assert!(t.status.contains(&format!("Hủy {mistake}")), "{}", t.status);
    let reversed = t.app.voucher_detail(&mistake).unwrap();
    assert!(reversed.reversed_by.is_some(), "the right voucher was reversed");
    assert_eq!(t.book.window.selected().unwrap().voucher, mistake, "the highlight stayed on it");

    // A member leaves and is paid back what the pool holds for her.
    keys(&mut t, "2<Home>je");
    let Some(Layer::Form(_)) = t.layers.last() else { panic!("edit form") };
    keys(&mut t, "<End>");
    for _ in 0..12 {
        keys(&mut t, "<Down>");
    }
    keys(&mut t, "24/11/2026<Enter>");
    assert!(t.status.contains("Đã sửa TV2"), "{} {}", t.status, form_error(&t));
    assert_eq!(t.app.person("TV2").unwrap().left_on, NaiveDate::from_ymd_opt(2026, 11, 24));
    let held = t.app.person_line("TV2").unwrap().unwrap().balance;
    keys(&mut t, &format!("w<Tab>{}<Enter>", held.0));
    // PC-2026-0003 was the transfer; the reversal was a phiếu kế toán.
    assert!(t.status.starts_with("PC-2026-0004"), "{} {}", t.status, form_error(&t));
    assert_eq!(t.app.person_line("TV2").unwrap().unwrap().balance.0, 0);

    // Every passbook ends on the balance the report shows.
    for code in ["TV1", "TV2", "TV3", "TV4"] {
        let book = t.app.passbook(code).unwrap();
        assert_eq!(book.balance, t.app.person_line(code).unwrap().unwrap().balance, "{code}");
    }
    assert!(t.wrote);
    assert!(t.app.verify(&[]).unwrap().ok());
}

#[test]
fn a_price_changed_while_the_form_was_open_is_shown_and_asked_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    keys(&mut t, "2haH1<Tab>Hộ Lê Văn Tư<Enter>h");
    keys(&mut t, "aTV1<Tab>Lê Văn Tư<Tab><Tab><Tab><Tab>H1<Enter>");
    keys(&mut t, "aTV2<Tab>Lê Thị Năm<Tab><Tab><Tab><Tab>H1<Enter>");
    // The form for TV2 alone: she would be the household's first card this year.
    keys(&mut t, "b");
    keys(&mut t, "<Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp><Bksp>TV2");
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("BHYT form") };
    let first = form.quoted.unwrap();
    assert!(form.preview.join(" ").contains("người thứ 1"));
    // Meanwhile another program buys TV1's card: TV2 becomes the second, cheaper.
    let mut other = App::open(&dir.path().join("so.db"), false, None, Lang::Vi, clock()).unwrap();
    let req = hunvon_app::insurance::BhytRequest {
        persons: "TV1".into(),
        months: "12".into(),
        date: "2026-11-24".into(),
        ..Default::default()
    };
    other.buy_bhyt(&req).unwrap();
    keys(&mut t, "<Enter>");
    let Some(Layer::Form(form)) = t.layers.last() else { panic!("the form stays open") };
    let message = form.message.clone().unwrap_or_default();
    assert!(message.contains("Giá đã đổi") && message.contains(&first.to_string()), "{message}");
    assert!(form.preview.join(" ").contains("người thứ 2"), "the new price is shown");
    keys(&mut t, "<Enter>");
    assert!(t.status.starts_with("PC-2026-0002"), "{} {}", t.status, form_error(&t));
}

#[test]
fn search_finds_by_phone_cccd_and_bhxh_code_and_says_when_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = new_book(&dir);
    keys(
        &mut t,
        "2aTV1<Tab>Nguyễn Thị Hồng<Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab><Tab>084185000123<Tab>8412345678<Tab>0987654321<Enter>",
    );
    keys(&mut t, "aTV2<Tab>Trần Văn Hai<Enter>");
    for query in ["nguyen thi hong", "0987654", "084185", "8412345", "tv1"] {
        keys(&mut t, &format!("/{query}<Enter>"));
        let codes: Vec<&str> = t.people.people.rows.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["TV1"], "{query}");
        keys(&mut t, "<Esc>");
    }
    keys(&mut t, "/zzz<Enter>");
    assert!(t.people.people.rows.is_empty());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    term.draw(|f| hunvon::tui::view::render(&t, f)).unwrap();
    assert!(term.backend().to_string().contains("Không tìm thấy"));
}
