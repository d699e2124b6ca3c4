//! Pieces every screen and popup draws with: lists that give way column by column,
//! word wrapping by display width, centred popups, the shared styles.

pub mod form_view;
pub mod table;

use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;

pub const WARN: Style = Style::new().fg(Color::Red);
pub const NOTE: Style = Style::new().fg(Color::Yellow);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const LIVE: Style = Style::new().fg(Color::Cyan);
pub const GOOD: Style = Style::new().fg(Color::Green);
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
/// A voucher number in full: a district pool writes more than 99.999 a year
/// (`PT-2026-176586`, 14 columns).
pub const VOUCHER_WIDTH: u16 = 14;

/// The display width of a text (Vietnamese letters count one column each).
pub fn width(s: &str) -> usize {
    Span::raw(s).width()
}

/// Splits a text into lines of at most `w` columns, breaking between words (a word
/// longer than a line is cut where it must be). Nothing is lost.
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ') {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate) <= w {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            let mut rest = word.to_string();
            while width(&rest) > w {
                let mut head = String::new();
                for c in rest.chars() {
                    if width(&format!("{head}{c}")) > w {
                        break;
                    }
                    head.push(c);
                }
                let cut = head.chars().count().max(1);
                out.push(rest.chars().take(cut).collect());
                rest = rest.chars().skip(cut).collect();
            }
            line = rest;
        }
        out.push(line);
    }
    out
}

/// A text cut to `w` columns, with an ellipsis when something was cut.
pub fn fit(text: &str, w: usize) -> String {
    if width(text) <= w {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if width(&format!("{out}{c}…")) > w {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

/// A rectangle of `w` × `h` in the middle of `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let text = "Hủy PT-2026-0007: Ghi nhầm người góp, đúng ra là bà Thạch Thị Sà Phol";
        let lines = wrap(text, 20);
        assert!(lines.iter().all(|l| width(l) <= 20), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert_eq!(fit("Nguyễn Thị Hồng", 8), "Nguyễn…");
    }
}
