//! 5 Báo cáo: the papers by their Vietnamese names, for a month (`[`/`]`) or a chosen
//! period (`k`); Enter previews on screen, `w` writes into the papers folder.

use crate::tui::words;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::tui::list::Picker;
use crate::tui::state::Tui;
use crate::tui::widgets::{DIM, SELECTED, fit, wrap};
use hunvon_app::views::papers::format_label;
use hunvon_app::views::{Paper, YearMonth, month_bounds, month_text};
use hunvon_report::Format;

use super::Screen;

pub struct ReportsScreen {
    pub picker: Picker,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub format: Format,
}

impl ReportsScreen {
    /// This month, up to today.
    pub fn new(today: NaiveDate) -> ReportsScreen {
        let (from, _) = month_bounds(YearMonth::of(today));
        ReportsScreen { picker: Picker::default(), from, to: today, format: Format::Pdf }
    }

    pub fn paper(&self) -> Paper {
        Paper::ALL[self.picker.sel.min(Paper::ALL.len() - 1)]
    }

    /// The period in words and as a file-name label (`11/2026`, `2026-11`).
    pub fn period_text(&self) -> (String, String) {
        let month = YearMonth::of(self.from);
        let (first, last) = month_bounds(month);
        if self.from == first && (self.to == last || YearMonth::of(self.to) == month) {
            (month_text(month), month.to_string())
        } else {
            (
                format!(
                    "{} – {}",
                    hunvon_core::domain::date::format_vn(self.from),
                    hunvon_core::domain::date::format_vn(self.to)
                ),
                format!(
                    "{}_{}",
                    hunvon_core::domain::date::format_iso(self.from),
                    hunvon_core::domain::date::format_iso(self.to)
                ),
            )
        }
    }

    /// Steps the period by whole months, never past today.
    pub fn step(&mut self, by: i64, today: NaiveDate) {
        let month = YearMonth::of(self.from).plus(by);
        let (first, last) = month_bounds(month);
        if first > today {
            return;
        }
        self.from = first;
        self.to = last.min(today);
    }

    pub fn cycle_format(&mut self) {
        self.format = match self.format {
            Format::Pdf => Format::Html,
            Format::Html => Format::Csv,
            Format::Csv => Format::Text,
            _ => Format::Pdf,
        };
    }
}

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let s = &t.reports;
    let inner = usize::from(area.width.saturating_sub(2));
    let (period, _) = s.period_text();
    let mut head = vec![
        Line::from(format!("{}: {period}", words::period_keys(lang))),
        Line::from(format!("{}: {}", words::format_key(lang), format_label(s.format, lang))),
    ];
    let dir = t.papers.display().to_string();
    for l in wrap(&format!("{}: {dir}", words::write_into(lang)), inner) {
        head.push(Line::from(l).style(DIM));
    }
    let room = usize::from(area.height.saturating_sub(2)).saturating_sub(head.len()).max(1);
    let top = s.picker.scroll(room, Paper::ALL.len());
    let mut lines: Vec<Line> = Paper::ALL
        .iter()
        .enumerate()
        .skip(top)
        .take(room)
        .map(|(i, p)| {
            let l = Line::from(fit(&format!(" {} ", p.label(lang)), inner));
            if i == s.picker.sel { l.style(SELECTED) } else { l.style(Style::new()) }
        })
        .collect();
    lines.extend(head);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(Screen::Reports.title(lang))), area);
}
