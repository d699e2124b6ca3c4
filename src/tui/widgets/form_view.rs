//! Drawing a form: labels never cut (beside the value when there is room, above it on a
//! narrow terminal), errors under their field, completions and hints under the focused
//! one, then the live preview; the box scrolls to keep the focused field in sight.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::form::{Field, Form};
use hunvon_core::messages::i18n::Lang;

use super::{BOLD, DIM, LIVE, NOTE, SELECTED, WARN, centered, width, wrap};

/// One drawn row: its spans, and whether it is the focused field's value row.
struct Row {
    spans: Vec<Span<'static>>,
    cursor_at: Option<u16>,
}

fn plain(text: String, style: Style) -> Row {
    Row { spans: vec![Span::styled(text, style)], cursor_at: None }
}

/// How the fields are laid out in the box's width.
struct Columns {
    /// The width inside the border.
    inner: usize,
    /// The labels' column when they stand beside the values.
    label_w: usize,
    side_by_side: bool,
}

pub fn render(form: &Form, f: &mut Frame<'_>, area: Rect, lang: Lang) {
    let w = area.width.min(84);
    let inner = usize::from(w.saturating_sub(2));
    let label_w = form.fields.iter().map(|f| width(&f.label)).max().unwrap_or(0).min(34);
    let cols = Columns { inner, label_w, side_by_side: inner >= label_w + 24 };
    let mut rows: Vec<Row> = Vec::new();
    let mut focus_row = 0;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        if focused {
            // The value row, after the label's rows on a narrow terminal.
            focus_row = rows.len() + if cols.side_by_side { 0 } else { wrap(&field.label, inner).len() };
        }
        field_rows(field, focused, &cols, lang, &mut rows);
    }
    after_fields(form, inner, lang, &mut rows);
    let height = (rows.len() as u16 + 2).min(area.height);
    let r = centered(area, w, height);
    let h = usize::from(height.saturating_sub(2));
    // Scroll so the focused field shows, with its error and completions when they fit.
    let top = if focus_row + 6 > h { (focus_row + 6 - h).min(focus_row) } else { 0 };
    let top = top.min(rows.len().saturating_sub(h));
    let mut cursor = None;
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(top)
        .take(h)
        .map(|(k, row)| {
            if let Some(x) = row.cursor_at {
                cursor = Some((r.x + 1 + x, r.y + 1 + (k - top) as u16));
            }
            Line::from(row.spans)
        })
        .collect();
    f.render_widget(Clear, r);
    let title = super::fit(&form.title, inner);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), r);
    if let Some((x, y)) = cursor
        && x < r.x + r.width.saturating_sub(1)
        && form.fields.get(form.focus).is_some_and(|f| f.choices().is_empty())
    {
        f.set_cursor_position((x, y));
    }
}

/// One field's rows: its label (above the value on a narrow terminal), its value and note,
/// its error; for the focused field also its completions and hint.
fn field_rows(field: &Field, focused: bool, cols: &Columns, lang: Lang, rows: &mut Vec<Row>) {
    let Columns { inner, label_w, side_by_side } = *cols;
    let label_style = if focused { BOLD } else { Style::new() };
    let value = field.shown(lang);
    let note = field.note.clone().map(|n| format!("  {n}")).unwrap_or_default();
    let indent = if side_by_side { label_w + 1 } else { 2 };
    if !side_by_side {
        for l in wrap(&field.label, inner) {
            rows.push(plain(l, label_style));
        }
    }
    let room = inner.saturating_sub(indent).max(1);
    let mut value_lines = wrap(&format!("{value}{note}"), room);
    if value_lines.is_empty() {
        value_lines.push(String::new());
    }
    for (k, text) in value_lines.into_iter().enumerate() {
        let lead = if k == 0 && side_by_side { format!("{:<label_w$} ", field.label) } else { " ".repeat(indent) };
        let split = width(&value).min(width(&text));
        let (v, n) = split_at_width(&text, if k == 0 { split } else { 0 });
        let cursor_at = (focused && k == 0).then(|| (indent + width(&field.before_cursor())) as u16);
        // A value entered by Tab shows selected: typing replaces it.
        let value_style = if focused && field.selected { SELECTED } else { Style::new() };
        rows.push(Row {
            spans: vec![Span::styled(lead, label_style), Span::styled(v, value_style), Span::styled(n, DIM)],
            cursor_at,
        });
    }
    if let Some(e) = &field.error {
        for l in wrap(e, inner.saturating_sub(2)) {
            rows.push(plain(format!("  {l}"), WARN));
        }
    }
    if focused {
        for (k, (_, text)) in field.completions.iter().enumerate() {
            let style = if k == field.pick { SELECTED } else { Style::new() };
            rows.push(plain(format!("  {}", super::fit(text, inner.saturating_sub(2))), style));
        }
        if let Some(h) = &field.hint {
            for l in wrap(h, inner.saturating_sub(2)) {
                rows.push(plain(format!("  {l}"), DIM));
            }
        }
    }
}

/// Under the fields: the live preview, the warnings, the last refusal, then the keys.
fn after_fields(form: &Form, inner: usize, lang: Lang, rows: &mut Vec<Row>) {
    let parts = [(&form.preview, LIVE), (&form.warnings, NOTE)];
    for (lines, style) in parts {
        for l in lines {
            rows.extend(wrap(l, inner).into_iter().map(|w| plain(w, style)));
        }
    }
    if let Some(m) = &form.message {
        rows.extend(wrap(m, inner).into_iter().map(|w| plain(w, WARN)));
    }
    let keys = words::form_keys_bar(lang);
    rows.extend(wrap(keys, inner).into_iter().map(|w| plain(w, DIM)));
}

/// Splits a text at a display width.
fn split_at_width(text: &str, at: usize) -> (String, String) {
    let mut head = String::new();
    for c in text.chars() {
        if width(&format!("{head}{c}")) > at {
            break;
        }
        head.push(c);
    }
    let tail: String = text.chars().skip(head.chars().count()).collect();
    (head, tail)
}
