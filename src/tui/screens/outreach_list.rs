//! The outreach list on 4 Bảo hiểm (SPEC §10): who is still to visit, one line a person and
//! reason, with the sponsor who could go and what a year's cover would cost; `c` takes her
//! money and `b` buys her card straight from the line (the keys of the screen).

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::widgets::table::{Col, draw};
use crate::tui::widgets::{DIM, WARN};
use hunvon_app::papers::outreach::{OutreachRow, Reason};
use hunvon_core::messages::i18n::Lang;

pub fn render(lang: Lang, f: &mut Frame<'_>, area: Rect, title: String, rows: &[&OutreachRow], sel: Option<usize>) {
    let lines = rows
        .iter()
        .map(|r| {
            let style = if r.reason == Reason::BhytExpiring { WARN } else { Style::new() };
            vec![
                (r.code.clone(), Style::new()),
                (r.full_name.clone(), Style::new()),
                (r.reason.short(lang).to_string(), style),
                (r.sponsor.clone().unwrap_or_default(), DIM),
                (r.price.map(|p| p.to_string()).unwrap_or_else(|| words::state(lang).into()), Style::new()),
                (r.phone.clone().unwrap_or_default(), DIM),
            ]
        })
        .collect();
    let cols = [
        Col::new(words::code(lang), 9, 4),
        Col::new(words::name(lang), 0, 8),
        Col::new(words::reason(lang), 15, 6),
        Col::new(words::outreach_sponsor(lang), 8, 2),
        Col::money(words::twelve_months(lang), 12),
        Col::new(words::phone(lang), 11, 3),
    ];
    draw(f, area, title, &cols, lines, sel);
}
