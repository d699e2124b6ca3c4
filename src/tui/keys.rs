//! Every key binding in one table: the key handler, the help popup and the hint bar all
//! read it, so the hints never drift from what the keys do, and read-only mode hides
//! every key that writes to the book in one place.

use crate::tui::words;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::forms::FormKind;
use super::screens::Screen;
use hunvon_core::messages::i18n::Lang;

/// Where the keys are read: a screen (or the members screen's household list), or the
/// popup on top.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Dashboard,
    People,
    Households,
    Book,
    Insurance,
    Reports,
    Settings,
    Passbook,
    Voucher,
    HouseholdCard,
    Preview,
    Message,
    Help,
}

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Ch(char),
    Enter,
    Tab,
    BackTab,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    ShiftLeft,
    ShiftRight,
    Left,
    Right,
    F1,
}

impl Key {
    /// The table's key for a key event, if any (Ctrl and Alt combinations are none).
    pub fn of(ev: KeyEvent) -> Option<Key> {
        if ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
            return None;
        }
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        Some(match ev.code {
            KeyCode::Char(c) => Key::Ch(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            KeyCode::Left if shift => Key::ShiftLeft,
            KeyCode::Right if shift => Key::ShiftRight,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::F(1) => Key::F1,
            _ => return None,
        })
    }
}

/// One binding: the keys, how the help shows them, the action, what it does in both
/// languages, whether it writes to the book, and where it applies.
pub struct Binding {
    pub keys: &'static [Key],
    pub shown: &'static str,
    pub action: Action,
    pub vi: &'static str,
    pub en: &'static str,
    pub writes: bool,
    pub places: &'static [Place],
}

impl Binding {
    /// What the key does, in the reader's language.
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.vi, self.en)
    }
}

use Key::*;
use Place::*;

const SCREENS: &[Place] = &[Dashboard, People, Households, Book, Insurance, Reports, Settings];
const LISTS: &[Place] = &[People, Households, Book, Insurance, Reports, Settings];
const FILTERED: &[Place] = &[People, Households, Insurance];
const SCROLLED: &[Place] = &[Passbook, Voucher, HouseholdCard, Preview, Message, Help];
const POPUPS: &[Place] = &[Passbook, Voucher, HouseholdCard, Preview, Message, Help];

const fn b(
    keys: &'static [Key],
    shown: &'static str,
    action: Action,
    vi: &'static str,
    en: &'static str,
    writes: bool,
    places: &'static [Place],
) -> Binding {
    Binding { keys, shown, action, vi, en, writes, places }
}

const fn form(kind: FormKind) -> Action {
    Action::New(kind)
}

/// The table. The first binding that matches a key where it is pressed wins.
pub const BINDINGS: &[Binding] = &[
    // Members: people.
    b(
        &[Enter],
        "Enter",
        Action::Open,
        "xem sổ của người",
        "open her passbook",
        false,
        &[People, Insurance, HouseholdCard],
    ),
    b(&[Ch('a')], "a", form(FormKind::AddPerson), "thêm người", "add a person", true, &[People]),
    b(&[Ch('e')], "e", form(FormKind::EditPerson), "sửa người", "edit the person", true, &[People, Passbook]),
    b(
        &[Ch('c')],
        "c",
        form(FormKind::Contribute),
        "thu tiền góp",
        "take a contribution",
        true,
        &[Dashboard, People, Book, Passbook],
    ),
    b(
        &[Ch('b')],
        "b",
        form(FormKind::BuyBhyt),
        "mua BHYT cho hộ",
        "buy BHYT for the household",
        true,
        &[People, Insurance, Passbook],
    ),
    b(&[Ch('x')], "x", form(FormKind::BuyBhxh), "đóng BHXH", "pay BHXH", true, &[People, Insurance, Passbook]),
    b(&[Ch('w')], "w", form(FormKind::Withdraw), "trả lại tiền góp", "pay money back", true, &[People, Passbook]),
    b(
        &[Ch('h')],
        "h",
        Action::ToggleHouseholds,
        "danh sách hộ / người",
        "households / people",
        false,
        &[People, Households],
    ),
    // Members: households.
    b(&[Enter], "Enter", Action::Open, "xem người trong hộ", "open the household", false, &[Households]),
    b(&[Ch('a')], "a", form(FormKind::AddHousehold), "thêm hộ", "add a household", true, &[Households]),
    b(&[Ch('e')], "e", form(FormKind::EditHousehold), "sửa hộ", "edit the household", true, &[Households]),
    b(
        &[Ch('a')],
        "a",
        form(FormKind::AddPerson),
        "thêm người vào hộ",
        "add a person to this household",
        true,
        &[HouseholdCard],
    ),
    // Cash book.
    b(&[Enter], "Enter", Action::Open, "xem chứng từ", "open the voucher", false, &[Book, Passbook]),
    b(&[Ch('r')], "r", form(FormKind::Reverse), "hủy chứng từ", "reverse the voucher", true, &[Book, Voucher]),
    b(&[Ch('n')], "n", Action::SwitchBook, "sổ tiền mặt / ngân hàng", "cash / bank book", false, &[Book]),
    b(&[ShiftLeft, Ch('[')], "[", Action::PrevPeriod, "tháng trước", "previous month", false, &[Book, Reports]),
    b(&[ShiftRight, Ch(']')], "]", Action::NextPeriod, "tháng sau", "next month", false, &[Book, Reports]),
    b(&[Ch('i')], "i", form(FormKind::Receive), "thu quỹ chung", "common fund receipt", true, &[Dashboard, Book]),
    b(&[Ch('p')], "p", form(FormKind::Pay), "chi quỹ chung", "common fund payment", true, &[Dashboard, Book]),
    b(&[Ch('t')], "t", form(FormKind::Transfer), "chuyển tiền", "cash ↔ bank", true, &[Dashboard, Book]),
    b(&[Ch('o')], "o", form(FormKind::Opening), "số dư đầu kỳ", "opening balance", true, &[Dashboard, Book, People]),
    // Voucher detail.
    b(&[Ch('p')], "p", Action::Slip, "in phiếu", "write the slip", false, &[Voucher]),
    b(&[Ch('l')], "l", Action::History, "lịch sử sửa", "edit history", false, &[Passbook]),
    // Insurance.
    b(&[Ch('v')], "v", Action::NextView, "đổi danh sách", "next list", false, &[Insurance]),
    b(&[Ch('d')], "d", form(FormKind::AsOf), "tính đến ngày", "as of a day", false, &[Insurance]),
    b(&[Ch('s')], "s", Action::ExportCsv, "ghi danh sách CSV", "write the list as CSV", false, &[Insurance]),
    // From a line of the lists (the outreach list above all): take her money there and then.
    b(&[Ch('c')], "c", form(FormKind::Contribute), "thu tiền góp", "take a contribution", true, &[Insurance]),
    // Reports.
    b(&[Enter], "Enter", Action::Open, "xem trước", "preview", false, &[Reports]),
    b(&[Ch('f')], "f", Action::CycleFormat, "đổi định dạng", "change format", false, &[Reports]),
    b(&[Ch('k')], "k", form(FormKind::Period), "chọn kỳ", "choose the period", false, &[Reports]),
    b(&[Ch('w')], "w", Action::Write, "ghi tệp", "write the file", false, &[Reports, Preview]),
    // Settings.
    b(&[Ch('d')], "d", form(FormKind::Dues), "đặt mức đóng", "set the dues", true, &[Settings]),
    b(&[Ch('c')], "c", form(FormKind::Count), "kiểm kê quỹ", "count the cash", true, &[Settings]),
    b(&[Ch('K')], "K", form(FormKind::Close), "khóa sổ", "close the books", true, &[Settings]),
    b(
        &[Ch('l')],
        "l",
        form(FormKind::Letterhead),
        "đơn vị và người ký",
        "letterhead and signatories",
        true,
        &[Settings],
    ),
    b(&[Ch('v')], "v", Action::Verify, "kiểm tra sổ", "check the book", false, &[Settings]),
    b(&[Ch('s')], "s", form(FormKind::Backup), "sao lưu", "back up", false, &[Settings]),
    // Moving.
    b(&[Up, Ch('k')], "↑↓", Action::Up, "di chuyển", "move", false, LISTS),
    b(&[Down, Ch('j')], "", Action::Down, "", "", false, LISTS),
    b(&[Up, Ch('k')], "↑↓", Action::Up, "cuộn", "scroll", false, SCROLLED),
    b(&[Down, Ch('j')], "", Action::Down, "", "", false, SCROLLED),
    b(&[PageUp], "PgUp/PgDn", Action::PageUp, "lên/xuống một trang", "page up/down", false, LISTS),
    b(&[PageDown], "", Action::PageDown, "", "", false, LISTS),
    b(&[PageUp], "PgUp/PgDn", Action::PageUp, "lên/xuống một trang", "page up/down", false, SCROLLED),
    b(&[PageDown], "", Action::PageDown, "", "", false, SCROLLED),
    b(&[Home, Ch('g')], "Home/g End/G", Action::Home, "về đầu / cuối", "to the start / end", false, LISTS),
    b(&[End, Ch('G')], "", Action::End, "", "", false, LISTS),
    b(&[Home, Ch('g')], "Home/g End/G", Action::Home, "về đầu / cuối", "to the start / end", false, SCROLLED),
    b(&[End, Ch('G')], "", Action::End, "", "", false, SCROLLED),
    b(&[Left], "←→", Action::PrevPeriod, "cuộn ngang", "scroll sideways", false, &[Preview]),
    b(&[Right], "", Action::NextPeriod, "", "", false, &[Preview]),
    b(
        &[Ch('/')],
        "/",
        Action::Filter,
        "tìm (tên không dấu, mã, điện thoại, CCCD, mã số BHXH)",
        "find (name, code, phone, CCCD, mã số BHXH)",
        false,
        FILTERED,
    ),
    // Everywhere on a screen.
    b(
        &[Ch('1'), Ch('2'), Ch('3'), Ch('4'), Ch('5'), Ch('6'), Tab],
        "1-6/Tab",
        Action::NextScreen,
        "chuyển màn hình",
        "switch screen",
        false,
        SCREENS,
    ),
    b(&[BackTab], "", Action::PrevScreen, "", "", false, SCREENS),
    b(&[Ch('?'), F1], "?", Action::Help, "trợ giúp", "help", false, SCREENS),
    b(
        &[Ch('?'), F1],
        "?",
        Action::Help,
        "trợ giúp",
        "help",
        false,
        &[Passbook, Voucher, HouseholdCard, Preview, Message],
    ),
    b(
        &[],
        "Esc",
        Action::Back,
        "đóng / xóa bộ lọc (không thoát)",
        "close / clear the filter (never quits)",
        false,
        SCREENS,
    ),
    b(&[], "Esc", Action::Back, "đóng", "close", false, POPUPS),
    b(&[Ch('q')], "q", Action::Quit, "thoát", "quit", false, SCREENS),
];

/// The action of a key pressed at `place`; `read_only` hides writing keys.
pub fn action_for(ev: KeyEvent, place: Place, read_only: bool) -> Option<Action> {
    let key = Key::of(ev)?;
    let binding = BINDINGS
        .iter()
        .filter(|b| b.places.contains(&place) && !(read_only && b.writes))
        .find(|b| b.keys.contains(&key))?;
    Some(match (binding.action, key) {
        (Action::NextScreen, Key::Ch(c @ '1'..='6')) => Action::Goto(Screen::ALL[usize::from(c as u8 - b'1')]),
        (a, _) => a,
    })
}

/// The bindings shown at `place` (those with words), writing ones hidden in read-only.
pub fn shown(place: Place, read_only: bool) -> Vec<&'static Binding> {
    BINDINGS.iter().filter(|b| b.places.contains(&place) && !b.vi.is_empty() && !(read_only && b.writes)).collect()
}

/// The hint bar: as many "key action" pairs as fit in `width`, always ending with help.
pub fn hint_bar(place: Place, lang: Lang, read_only: bool, width: usize) -> String {
    let help = format!("? {}", words::help(lang));
    let mut out = String::new();
    for b in shown(place, read_only) {
        if matches!(b.action, Action::Help) {
            continue;
        }
        let item = format!("{} {}", b.shown, b.text(lang));
        let needed = ratatui::text::Line::from(format!("{out} · {item} · {help}")).width();
        if needed > width {
            break;
        }
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&item);
    }
    if out.is_empty() { help } else { format!("{out} · {help}") }
}
