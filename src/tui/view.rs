//! Drawing only: the tab bar, the screen, the status line, the key hints, then the open
//! layers bottom to top. Nothing here changes the model or reads the book.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::keys;
use super::popups::{self, Layer};
use super::screens::{self, Screen};
use super::state::Tui;
use super::widgets::{BOLD, DIM, SELECTED, fit, form_view, width};

/// The smallest terminal the screens are laid out for.
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 12;

pub fn render(t: &Tui, f: &mut Frame<'_>) {
    let area = f.area();
    let lang = t.lang();
    if area.width < MIN_W || area.height < MIN_H {
        let msg = words::terminal_too_small(lang);
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, body, status, hints] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    tab_bar(t, f, tabs);
    match t.screen {
        Screen::Dashboard => screens::overview::render(t, f, body),
        Screen::Members => screens::people::render(t, f, body),
        Screen::CashBook => screens::book::render(t, f, body),
        Screen::Insurance => screens::insurance::render(t, f, body),
        Screen::Reports => screens::reports::render(t, f, body),
        Screen::Settings => screens::settings::render(t, f, body),
    }
    status_line(t, f, status);
    let hint = keys::hint_bar(t.place(), lang, t.read_only(), usize::from(hints.width));
    f.render_widget(Paragraph::new(hint).style(DIM), hints);
    for layer in &t.layers {
        match layer {
            Layer::Help(h) => popups::help::render(h, f, body, lang, t.read_only()),
            Layer::Filter => {
                let line = format!("/{}", t_filter(t));
                f.render_widget(Clear, status);
                f.render_widget(Paragraph::new(line.clone()).style(SELECTED), status);
                f.set_cursor_position((status.x + (width(&line) as u16).min(status.width.saturating_sub(1)), status.y));
            }
            Layer::Form(form) => form_view::render(form, f, area, lang),
            Layer::Confirm(c) => popups::confirm::render(c, f, area),
            Layer::Passbook(p) => popups::passbook::render(p, f, body, lang),
            Layer::Voucher(v) => popups::voucher::render(v, f, body, lang),
            Layer::Household(h) => popups::household::render(h, f, body, lang),
            Layer::Preview(p) => popups::preview::render(p, f, body),
            Layer::Message(m) => popups::message::render(m, f, body),
        }
    }
}

fn t_filter(t: &Tui) -> String {
    match t.screen {
        Screen::Members => t.people.filter().to_string(),
        Screen::Insurance => t.insurance.filter.clone(),
        _ => String::new(),
    }
}

/// The screens by number; on a narrow terminal only the current one has its name.
fn tab_bar(t: &Tui, f: &mut Frame<'_>, r: Rect) {
    let lang = t.lang();
    let full: Vec<String> =
        Screen::ALL.iter().enumerate().map(|(i, s)| format!(" {} {} ", i + 1, s.title(lang))).collect();
    let wide = full.iter().map(|s| width(s) + 1).sum::<usize>() <= usize::from(r.width);
    let mut spans = Vec::new();
    for (i, s) in Screen::ALL.iter().enumerate() {
        let text = if wide || *s == t.screen { full[i].clone() } else { format!(" {} ", i + 1) };
        spans.push(if *s == t.screen { Span::styled(text, SELECTED) } else { Span::raw(text) });
        spans.push(Span::styled("│", DIM));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn status_line(t: &Tui, f: &mut Frame<'_>, r: Rect) {
    let lang = t.lang();
    let mut parts = Vec::new();
    if let Some(code) = t.app.pool_code() {
        parts.push(code);
    }
    if t.app.pool_is_collected() {
        parts.push(words::collected_chapter_read_only(lang).to_string());
    } else if t.read_only() {
        parts.push(words::read_only_mode(lang).to_string());
    }
    let filter = t_filter(t);
    if !filter.is_empty() && !matches!(t.layers.last(), Some(Layer::Filter)) {
        parts.push(format!("/{filter}"));
    }
    if !t.status.is_empty() {
        parts.push(t.status.clone());
    }
    let text = fit(&parts.join(" · "), usize::from(r.width));
    f.render_widget(Paragraph::new(text).style(BOLD.patch(Style::new())), r);
}
