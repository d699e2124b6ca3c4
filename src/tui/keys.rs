//! Every key binding in one table: the handlers, the help popup and the hint bar all read
//! it, so the hints never drift from what the keys do.

use crate::i18n::Lang;

use super::state::Screen;

/// One binding: the key as shown, what it does, and whether it writes to the book
/// (hidden in read-only mode).
pub struct Binding {
    pub key: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    pub writes: bool,
}

const fn b(key: &'static str, vi: &'static str, en: &'static str, writes: bool) -> Binding {
    Binding { key, vi, en, writes }
}

const GLOBAL: &[Binding] = &[
    b("1-6/Tab", "chuyển màn hình", "switch screen", false),
    b("?", "trợ giúp", "help", false),
    b("m", "bật/tắt chuột", "toggle mouse", false),
    b("q", "thoát", "quit", false),
];

const LISTS: &[Binding] =
    &[b("↑↓/PgUp/PgDn", "di chuyển", "move", false), b("/", "lọc theo tên", "filter by name", false)];

const DASHBOARD: &[Binding] = &[b("c", "thu tiền góp", "contribute", true)];
const MEMBERS: &[Binding] = &[
    b("a", "thêm người", "add a person", true),
    b("e", "sửa người đang chọn", "edit the selected person", true),
    b("c", "thu tiền góp của người đang chọn", "contribution from the selected person", true),
    b("Enter", "xem chi tiết", "open details", false),
];
const CASH_BOOK: &[Binding] = &[
    b("c", "thu tiền góp", "contribute", true),
    b("r", "hủy chứng từ đang chọn", "reverse the selected voucher", true),
];
const INSURANCE: &[Binding] = &[
    b("b", "mua BHYT cho hộ", "buy BHYT for a household", true),
    b("x", "đóng BHXH tự nguyện cho người đang chọn", "pay BHXH for the selected person", true),
];
const REPORTS: &[Binding] = &[
    b("←→", "chọn báo cáo", "choose a report", false),
    b("f", "đổi định dạng", "change format", false),
    b("Enter", "ghi tệp báo cáo", "write the report file", false),
];
const SETTINGS: &[Binding] = &[b("d", "đặt mức đóng hằng tháng", "set monthly dues", true)];

/// The bindings of a screen, global ones last.
pub fn bindings(screen: Screen) -> Vec<&'static Binding> {
    let own: &'static [Binding] = match screen {
        Screen::Dashboard => DASHBOARD,
        Screen::Members => MEMBERS,
        Screen::CashBook => CASH_BOOK,
        Screen::Insurance => INSURANCE,
        Screen::Reports => REPORTS,
        Screen::Settings => SETTINGS,
    };
    let lists: &'static [Binding] = match screen {
        Screen::Members | Screen::CashBook | Screen::Insurance => LISTS,
        _ => &[],
    };
    own.iter().chain(lists).chain(GLOBAL).collect()
}

/// "a thêm người · c thu tiền góp · …" for the bottom bar.
pub fn hint_bar(screen: Screen, lang: Lang, read_only: bool) -> String {
    bindings(screen)
        .into_iter()
        .filter(|b| !(read_only && b.writes))
        .map(|b| format!("{} {}", b.key, lang.pick(b.vi, b.en)))
        .collect::<Vec<_>>()
        .join(" · ")
}
