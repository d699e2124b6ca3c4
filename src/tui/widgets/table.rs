//! A bordered list whose columns give way one by one on a narrow terminal, in an order
//! chosen per list: amounts are the last to go, so at 40×12 a figure is never dropped
//! before a description.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Cell, Row, Table, TableState};

use super::{DIM, SELECTED};

/// A column: its title, width (0 takes the rest, at least 8), alignment, and how long it
/// stays when space runs out (higher stays longer).
pub struct Col {
    pub title: String,
    pub width: u16,
    pub right: bool,
    pub keep: u8,
}

impl Col {
    pub fn new(title: &str, width: u16, keep: u8) -> Col {
        Col { title: title.to_string(), width, right: false, keep }
    }

    /// A right-aligned money column.
    pub fn money(title: &str, width: u16) -> Col {
        Col { title: title.to_string(), width, right: true, keep: 9 }
    }
}

/// Rows drawn inside `area` with borders and a header: how many fit.
pub fn body_height(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(3))
}

/// Draws the visible `rows` (already scrolled), `selected` counted from the first of them.
pub fn draw(
    f: &mut Frame<'_>,
    area: Rect,
    title: String,
    cols: &[Col],
    rows: Vec<Vec<(String, Style)>>,
    selected: Option<usize>,
) {
    draw_with_footer(f, area, title, cols, rows, selected, None);
}

/// The same, with a totals row kept at the bottom (a book's "Cộng").
pub fn draw_with_footer(
    f: &mut Frame<'_>,
    area: Rect,
    title: String,
    cols: &[Col],
    rows: Vec<Vec<(String, Style)>>,
    selected: Option<usize>,
    footer: Option<Vec<(String, Style)>>,
) {
    let inner = area.width.saturating_sub(2);
    let mut keep = vec![true; cols.len()];
    let need = |keep: &[bool]| -> u16 {
        cols.iter().zip(keep).filter(|(_, k)| **k).map(|(c, _)| if c.width == 0 { 8 } else { c.width } + 1).sum::<u16>()
    };
    let mut order: Vec<usize> = (0..cols.len()).collect();
    order.sort_by_key(|i| cols[*i].keep);
    for i in order {
        if need(&keep) <= inner + 1 {
            break;
        }
        keep[i] = false;
    }
    let shown: Vec<usize> = (0..cols.len()).filter(|i| keep[*i]).collect();
    let widths: Vec<Constraint> = shown
        .iter()
        .map(|i| if cols[*i].width == 0 { Constraint::Fill(1) } else { Constraint::Length(cols[*i].width) })
        .collect();
    let cell = |text: String, style: Style, right: bool| {
        let line = Line::from(text).style(style);
        Cell::from(if right { line.alignment(Alignment::Right) } else { line })
    };
    let header = Row::new(shown.iter().map(|i| cell(cols[*i].title.clone(), DIM, cols[*i].right)).collect::<Vec<_>>());
    let line = |r: Vec<(String, Style)>| {
        let mut r: Vec<Option<(String, Style)>> = r.into_iter().map(Some).collect();
        Row::new(
            shown
                .iter()
                .map(|i| {
                    let (t, s) = r.get_mut(*i).and_then(Option::take).unwrap_or_default();
                    cell(t, s, cols[*i].right)
                })
                .collect::<Vec<_>>(),
        )
    };
    let footer = footer.map(&line);
    let body: Vec<Row> = rows.into_iter().map(&line).collect();
    let mut table =
        Table::new(body, widths).header(header).row_highlight_style(SELECTED).block(Block::bordered().title(title));
    if let Some(footer) = footer {
        table = table.footer(footer);
    }
    let mut state = TableState::default().with_selected(selected);
    f.render_stateful_widget(table, area, &mut state);
}
