//! A message in a scrollable box: the result of checking the book, a list written.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::widgets::{centered, wrap};

pub struct Message {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: usize,
    pub top: Cell<usize>,
}

impl Message {
    pub fn new(title: String, lines: Vec<String>) -> Message {
        Message { title, lines, scroll: 0, top: Cell::new(0) }
    }
}

/// Draws a scrollable text box of `lines` (wrapped to the box), from `scroll`.
pub fn text_box(f: &mut Frame<'_>, r: Rect, title: &str, lines: &[String], scroll: usize) {
    let inner = usize::from(r.width.saturating_sub(2));
    let wrapped: Vec<String> = lines.iter().flat_map(|l| wrap(l, inner)).collect();
    let h = usize::from(r.height.saturating_sub(2));
    let top = scroll.min(wrapped.len().saturating_sub(h));
    let shown: Vec<Line> = wrapped.into_iter().skip(top).take(h).map(Line::from).collect();
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(shown).block(Block::bordered().title(title.to_string())), r);
}

pub fn render(m: &Message, f: &mut Frame<'_>, area: Rect) {
    let w = area.width.min(80);
    let inner = usize::from(w.saturating_sub(2));
    let rows: usize = m.lines.iter().map(|l| wrap(l, inner).len()).sum();
    let r = centered(area, w, (rows as u16 + 2).min(area.height));
    text_box(f, r, &m.title, &m.lines, m.scroll);
}
