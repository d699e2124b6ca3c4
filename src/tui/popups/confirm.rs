//! A yes/no question, shown in full whatever its length.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::widgets::{centered, wrap};

/// What "yes" does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnYes {
    /// Drop the half-filled form under the question.
    DropForm,
    /// Send the form under the question.
    SubmitForm,
}

pub struct Confirm {
    pub title: String,
    pub lines: Vec<String>,
    pub yes: OnYes,
}

pub fn render(c: &Confirm, f: &mut Frame<'_>, area: Rect) {
    let w = area.width.min(72);
    let inner = usize::from(w.saturating_sub(2));
    let lines: Vec<String> = c.lines.iter().flat_map(|l| wrap(l, inner)).collect();
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = centered(area, w, h);
    f.render_widget(Clear, r);
    let shown: Vec<ratatui::text::Line> = lines.into_iter().map(ratatui::text::Line::from).collect();
    f.render_widget(Paragraph::new(shown).block(Block::bordered().title(c.title.clone())), r);
}
