//! A paper previewed on screen before it is written: scrolls both ways; `w` writes it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use hunvon_app::views::Paper;

pub struct PreviewView {
    pub paper: Paper,
    /// The period shown, and its label in the file name (`w` writes the same).
    pub period: hunvon_app::papers::reports::Period,
    pub label: String,
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: usize,
    pub left: usize,
}

pub fn render(v: &PreviewView, f: &mut Frame<'_>, area: Rect) {
    f.render_widget(Clear, area);
    let h = usize::from(area.height.saturating_sub(2));
    let top = v.scroll.min(v.lines.len().saturating_sub(h));
    let shown: Vec<Line> =
        v.lines.iter().skip(top).take(h).map(|l| Line::from(l.chars().skip(v.left).collect::<String>())).collect();
    let title = crate::tui::widgets::fit(&v.title, usize::from(area.width.saturating_sub(2)));
    f.render_widget(Paragraph::new(shown).block(Block::bordered().title(title)), area);
}
