//! A household and the people living in it; Enter opens one's passbook.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::list::Picker;
use crate::tui::widgets::table::{Col, body_height, draw};
use crate::tui::widgets::{DIM, centered};
use hunvon_app::views::{Household, Person};
use hunvon_core::messages::i18n::Lang;

pub struct HouseholdView {
    pub household: Household,
    pub people: Vec<Person>,
    pub picker: Picker,
}

impl HouseholdView {
    pub fn selected_code(&self) -> Option<String> {
        self.people.get(self.picker.sel).map(|p| p.code.clone())
    }
}

pub fn render(v: &HouseholdView, f: &mut Frame<'_>, area: Rect, lang: Lang) {
    let r = centered(area, 90, v.people.len() as u16 + 4);
    f.render_widget(ratatui::widgets::Clear, r);
    let h = body_height(r);
    let top = v.picker.scroll(h, v.people.len());
    let rows = v.people.iter().skip(top).take(h).map(|p| {
        let role = if p.joined.is_some() { words::member_lower(lang) } else { words::relative(lang) };
        vec![
            (p.code.clone(), Style::new()),
            (p.full_name.clone(), Style::new()),
            (role.to_string(), DIM),
            (p.sponsor_code.clone().unwrap_or_default(), DIM),
        ]
    });
    let cols = [
        Col::new(words::code(lang), 9, 5),
        Col::new(words::name(lang), 0, 8),
        Col::new(words::role(lang), 10, 3),
        Col::new(words::sponsor_short(lang), 9, 2),
    ];
    let title =
        format!("{} {} — {} {}", words::household(lang), v.household.code, v.household.name, v.household.address);
    draw(f, r, title, &cols, rows.collect(), (!v.people.is_empty()).then(|| v.picker.sel - top));
}
