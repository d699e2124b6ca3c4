//! 6 Cài đặt: the pool and its book, the monthly dues, the letterhead the papers print,
//! the last cash count and close, the rule parameters with the names and units a
//! treasurer reads; `d` sets the dues, `l` the letterhead, `c` counts the cash, `K`
//! closes the books, `v` checks the book, `s` backs it up into a chosen folder. The list
//! scrolls.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::tui::list::Picker;
use crate::tui::state::Tui;
use crate::tui::widgets::{DIM, SELECTED, wrap};
use hunvon_app::App;
use hunvon_app::papers::counts::difference_words;
use hunvon_app::views::settings::SettingsView;
use hunvon_core::domain::date::format_vn;
use hunvon_core::messages::i18n::Lang;

use super::Screen;

#[derive(Default)]
pub struct SettingsScreen {
    pub view: Option<SettingsView>,
    pub picker: Picker,
    /// The width last drawn (lines wrap to it; moving counts them).
    pub width: std::cell::Cell<usize>,
}

impl SettingsScreen {
    pub fn reload(&mut self, app: &App) {
        self.view = app.settings_view().ok();
    }

    /// The screen's lines for a width (wrapped, nothing cut).
    pub fn lines(&self, lang: Lang, width: usize) -> Vec<(String, bool)> {
        let Some(v) = &self.view else { return Vec::new() };
        let mut raw: Vec<(String, bool)> = vec![
            (format!("{}: {} — {}", lang.pick("Quỹ", "Pool"), v.pool_code, v.pool_name), false),
            (format!("{}: {}", lang.pick("Tệp sổ", "Book file"), v.book), false),
        ];
        let dues: Vec<String> = v
            .dues
            .iter()
            .map(|(d, a)| format!("{a} {} {}", lang.pick("từ", "from"), hunvon_core::domain::date::format_vn(*d)))
            .collect();
        raw.push((
            format!(
                "{}: {}",
                lang.pick("Mức đóng hằng tháng", "Monthly dues"),
                if dues.is_empty() { "—".to_string() } else { dues.join("; ") }
            ),
            false,
        ));
        raw.extend(papers_lines(v, lang).into_iter().map(|l| (l, false)));
        raw.push((
            lang.pick("Tham số quy định (theo ngày hiệu lực):", "Rule parameters (by effective date):").into(),
            true,
        ));
        for r in &v.rates {
            let basis = if r.basis.is_empty() { String::new() } else { format!(" ({})", r.basis) };
            raw.push((
                format!(
                    "{}: {} {} {}{basis}",
                    r.label,
                    r.value,
                    lang.pick("từ", "from"),
                    hunvon_core::domain::date::format_vn(r.from)
                ),
                false,
            ));
        }
        raw.into_iter().flat_map(|(l, dim)| wrap(&l, width).into_iter().map(move |w| (w, dim))).collect()
    }
}

/// The letterhead the papers print, the last count and the close.
fn papers_lines(v: &SettingsView, lang: Lang) -> Vec<String> {
    let l = &v.letterhead;
    let or_blank = |s: &str| if s.is_empty() { "—".to_string() } else { s.to_string() };
    let mut out = vec![
        format!("{}: {}", lang.pick("Đơn vị", "Organisation"), or_blank(&l.org)),
        format!("{}: {}", lang.pick("Địa chỉ", "Address"), or_blank(&l.address)),
        format!(
            "{}: {} · {}: {}",
            lang.pick("Ngân hàng", "Bank"),
            or_blank(&l.bank),
            lang.pick("Số tài khoản", "Account number"),
            or_blank(&l.account)
        ),
        format!(
            "{}: {} · {}: {} · {}: {}",
            lang.pick("Thủ quỹ", "Treasurer"),
            or_blank(&l.treasurer),
            lang.pick("Kế toán", "Bookkeeper"),
            or_blank(&l.accountant),
            lang.pick("Tổ trưởng", "Group leader"),
            or_blank(&l.leader)
        ),
    ];
    out.push(match v.last_count {
        Some((day, diff)) => format!(
            "{}: {} — {}",
            lang.pick("Kiểm kê quỹ gần nhất", "Last cash count"),
            format_vn(day),
            difference_words(diff, lang)
        ),
        None => lang.pick("Chưa kiểm kê quỹ lần nào.", "The cash was never counted.").into(),
    });
    out.push(match v.closed_to {
        Some(d) => format!("{} {}", lang.pick("Đã khóa sổ đến", "Books closed to"), format_vn(d)),
        None => lang.pick("Sổ chưa khóa lần nào.", "The books were never closed.").into(),
    });
    out
}

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let width = usize::from(area.width.saturating_sub(2));
    t.settings.width.set(width);
    let lines = t.settings.lines(lang, width);
    let h = usize::from(area.height.saturating_sub(2));
    let top = t.settings.picker.scroll(h, lines.len());
    let shown: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(i, (l, dim))| {
            let line = Line::from(l);
            if i == t.settings.picker.sel {
                line.style(SELECTED)
            } else if dim {
                line.style(DIM)
            } else {
                line
            }
        })
        .collect();
    f.render_widget(Paragraph::new(shown).block(Block::bordered().title(Screen::Settings.title(lang))), area);
}
