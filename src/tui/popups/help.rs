//! Every key of the place it was opened from, each with its action's name, from the key
//! table (read-only mode leaves out the keys that write).

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::keys::{self, Place};
use crate::tui::widgets::centered;
use hunvon_core::messages::i18n::Lang;

use super::message::text_box;

pub struct Help {
    pub place: Place,
    pub scroll: usize,
}

pub fn lines(place: Place, lang: Lang, read_only: bool) -> Vec<String> {
    let mut out: Vec<String> =
        keys::shown(place, read_only).into_iter().map(|b| format!("{:<13} {}", b.shown, b.text(lang))).collect();
    if read_only {
        out.push(words::read_only_mode_explained(lang).into());
    }
    out
}

pub fn render(h: &Help, f: &mut Frame<'_>, area: Rect, lang: Lang, read_only: bool) {
    let lines = lines(h.place, lang, read_only);
    let r = centered(area, 76, lines.len() as u16 + 2);
    text_box(f, r, words::keys_esc_closes(lang), &lines, h.scroll);
}
