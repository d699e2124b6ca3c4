//! The outreach list on 4 Bảo hiểm (SPEC §10): who is still to visit, one line a person and
//! reason, with the sponsor who could go and what a year's cover would cost; `c` takes her
//! money and `b` buys her card straight from the line (the keys of the screen).

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
                (r.price.map(|p| p.to_string()).unwrap_or_else(|| lang.pick("Nhà nước", "state").into()), Style::new()),
                (r.phone.clone().unwrap_or_default(), DIM),
            ]
        })
        .collect();
    let cols = [
        Col::new(lang.pick("Mã", "Code"), 9, 4),
        Col::new(lang.pick("Họ tên", "Name"), 0, 8),
        Col::new(lang.pick("Lý do", "Reason"), 15, 6),
        Col::new(lang.pick("Vận động", "Sponsor"), 8, 2),
        Col::money(lang.pick("12 tháng", "12 months"), 12),
        Col::new(lang.pick("Điện thoại", "Phone"), 11, 3),
    ];
    draw(f, area, title, &cols, lines, sel);
}
