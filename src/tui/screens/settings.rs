//! 6 Cài đặt: the pool and its book, the monthly dues, the letterhead the papers print,
//! the last cash count and close, the rule parameters with the names and units a
//! treasurer reads; `d` sets the dues, `l` the letterhead, `c` counts the cash, `K`
//! closes the books, `v` checks the book, `s` backs it up into a chosen folder. The list
//! scrolls.

use crate::tui::words;
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
            (format!("{}: {} — {}", words::pool(lang), v.pool_code, v.pool_name), false),
            (format!("{}: {}", words::book_file(lang), v.book), false),
        ];
        let dues: Vec<String> = v
            .dues
            .iter()
            .map(|(d, a)| format!("{a} {} {}", words::from_lower(lang), hunvon_core::domain::date::format_vn(*d)))
            .collect();
        raw.push((
            format!(
                "{}: {}",
                words::monthly_dues(lang),
                if dues.is_empty() { "—".to_string() } else { dues.join("; ") }
            ),
            false,
        ));
        raw.extend(papers_lines(v, lang).into_iter().map(|l| (l, false)));
        raw.push((words::rule_parameters_title(lang).into(), true));
        for r in &v.rates {
            let basis = if r.basis.is_empty() { String::new() } else { format!(" ({})", r.basis) };
            raw.push((
                format!(
                    "{}: {} {} {}{basis}",
                    r.label,
                    r.value,
                    words::from_lower(lang),
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
        format!("{}: {}", words::organisation(lang), or_blank(&l.org)),
        format!("{}: {}", words::address(lang), or_blank(&l.address)),
        format!(
            "{}: {} · {}: {}",
            words::bank(lang),
            or_blank(&l.bank),
            words::account_number(lang),
            or_blank(&l.account)
        ),
        format!(
            "{}: {} · {}: {} · {}: {}",
            words::treasurer(lang),
            or_blank(&l.treasurer),
            words::bookkeeper(lang),
            or_blank(&l.accountant),
            words::group_leader(lang),
            or_blank(&l.leader)
        ),
    ];
    out.push(match v.last_count {
        Some((day, diff)) => {
            format!("{}: {} — {}", words::last_cash_count(lang), format_vn(day), difference_words(diff, lang))
        }
        None => words::cash_never_counted(lang).into(),
    });
    out.push(match v.closed_to {
        Some(d) => format!("{} {}", words::books_closed_to(lang), format_vn(d)),
        None => words::books_never_closed(lang).into(),
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
