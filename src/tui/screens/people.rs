//! 2 Thành viên: people with their balance (a keyset window, found by name without
//! accents, code, phone, CCCD or mã số BHXH), and the households (`h`).

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::list::{Keyed, Window};
use crate::tui::state::Tui;
use crate::tui::widgets::table::{Col, body_height, draw};
use crate::tui::widgets::{DIM, WARN};
use hunvon_app::App;
use hunvon_app::views::{Dir, HouseholdLine, PersonLine, Search};
use hunvon_core::messages::error::Result;

use super::Screen;

impl Keyed for PersonLine {
    type Key = String;
    fn key(&self) -> String {
        self.code.clone()
    }
}

impl Keyed for HouseholdLine {
    type Key = String;
    fn key(&self) -> String {
        self.code.clone()
    }
}

#[derive(Default)]
pub struct PeopleScreen {
    /// Showing households instead of people.
    pub households: bool,
    pub people: Window<PersonLine>,
    pub homes: Window<HouseholdLine>,
    /// The kept filters (people, households).
    pub filter: String,
    pub home_filter: String,
    pub count: i64,
    pub home_count: i64,
}

impl PeopleScreen {
    /// The filter of the list shown.
    pub fn filter(&self) -> &str {
        if self.households { &self.home_filter } else { &self.filter }
    }

    pub fn filter_mut(&mut self) -> &mut String {
        if self.households { &mut self.home_filter } else { &mut self.filter }
    }

    fn with_people<R>(
        &mut self,
        app: &App,
        f: impl FnOnce(&mut Window<PersonLine>, &crate::tui::list::Loader<'_, PersonLine>) -> Result<R>,
    ) -> Result<R> {
        let search = Search::new(&self.filter);
        let load =
            |anchor: Option<&String>, dir: Dir, n: usize| app.people_page(&search, anchor.map(String::as_str), dir, n);
        f(&mut self.people, &load)
    }

    fn with_homes<R>(
        &mut self,
        app: &App,
        f: impl FnOnce(&mut Window<HouseholdLine>, &crate::tui::list::Loader<'_, HouseholdLine>) -> Result<R>,
    ) -> Result<R> {
        let search = Search::new(&self.home_filter);
        let load = |anchor: Option<&String>, dir: Dir, n: usize| {
            app.households_page(&search, anchor.map(String::as_str), dir, n)
        };
        f(&mut self.homes, &load)
    }

    /// Reads both lists again around their selections.
    pub fn reload(&mut self, app: &App) {
        let _ = self.with_people(app, |w, l| w.reload(l));
        let _ = self.with_homes(app, |w, l| w.reload(l));
        self.count = app.people_count(&Search::new(&self.filter)).unwrap_or(0);
        self.home_count = app.households_count(&Search::new(&self.home_filter)).unwrap_or(0);
    }

    /// The filter changed: the list from its start. When the first page holds every
    /// match, its length is the count; else the count adds what lies after the page, so
    /// the people are walked once, not once for the page and again for the count.
    pub fn refilter(&mut self, app: &App) {
        if self.households {
            let whole = self.with_homes(app, |w, l| w.load_start(l).map(|()| w.at_end.then_some(w.rows.len())));
            self.home_count = match whole {
                Ok(Some(n)) => i64::try_from(n).unwrap_or(i64::MAX),
                _ => app.households_count(&Search::new(&self.home_filter)).unwrap_or(0),
            };
        } else {
            let page = self.with_people(app, |w, l| w.load_start(l));
            let search = Search::new(&self.filter);
            let held = i64::try_from(self.people.rows.len()).unwrap_or(i64::MAX);
            self.count = match (page, self.people.rows.last()) {
                (Ok(()), _) if self.people.at_end => held,
                (Ok(()), Some(last)) => app.people_count_after(&search, &last.code).map_or(0, |n| held + n),
                _ => app.people_count(&search).unwrap_or(0),
            };
        }
    }

    /// Empties the filter of the list shown, the highlight staying on the row it was on.
    pub fn clear_filter(&mut self, app: &App) {
        if self.households {
            let kept = self.homes.selected_key();
            self.home_filter.clear();
            match kept {
                Some(code) => self.select_household(app, &code),
                None => self.refilter(app),
            }
        } else {
            let kept = self.people.selected_key();
            self.filter.clear();
            match kept {
                Some(code) => {
                    self.count = app.people_count(&Search::new("")).unwrap_or(0);
                    self.select_person(app, &code);
                }
                None => self.refilter(app),
            }
        }
    }

    pub fn move_by(&mut self, app: &App, delta: isize) {
        if self.households {
            let _ = self.with_homes(app, |w, l| w.move_by(delta, l));
        } else {
            let _ = self.with_people(app, |w, l| w.move_by(delta, l));
        }
    }

    pub fn ends(&mut self, app: &App, end: bool) {
        if self.households {
            let _ = self.with_homes(app, |w, l| if end { w.load_end(l) } else { w.load_start(l) });
        } else {
            let _ = self.with_people(app, |w, l| if end { w.load_end(l) } else { w.load_start(l) });
        }
    }

    /// Selects a person (after adding or editing her), clearing a filter that hides her.
    pub fn select_person(&mut self, app: &App, code: &str) {
        self.households = false;
        if !Search::new(&self.filter).is_empty() {
            self.filter.clear();
            self.count = app.people_count(&Search::new("")).unwrap_or(0);
        }
        let code = code.to_string();
        let _ = self.with_people(app, |w, l| w.load_at(&code, l));
    }

    pub fn select_household(&mut self, app: &App, code: &str) {
        self.households = true;
        self.home_filter.clear();
        self.home_count = app.households_count(&Search::new("")).unwrap_or(0);
        let code = code.to_string();
        let _ = self.with_homes(app, |w, l| w.load_at(&code, l));
    }
}

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let s = &t.people;
    let h = body_height(area);
    let nothing = words::nothing_found(lang);
    if s.households {
        let top = s.homes.scroll(h);
        let rows = s.homes.rows.iter().skip(top).take(h).map(|r| {
            vec![
                (r.code.clone(), Style::new()),
                (r.name.clone(), Style::new()),
                (r.people.to_string(), Style::new()),
                (r.address.clone(), DIM),
            ]
        });
        let mut title = format!("{} — {} ({})", Screen::Members.title(lang), words::households(lang), s.home_count);
        if s.home_count == 0 && !s.home_filter.is_empty() {
            title = format!("{title} — {nothing}");
        }
        let cols = [
            Col::new(words::household_code_short(lang), 9, 3),
            Col::new(words::household_name_short(lang), 0, 8),
            Col::money(words::people(lang), 6),
            Col::new(words::address(lang), 20, 1),
        ];
        draw(f, area, title, &cols, rows.collect(), (!s.homes.rows.is_empty()).then(|| s.homes.sel - top));
        return;
    }
    let top = s.people.scroll(h);
    let rows = s.people.rows.iter().skip(top).take(h).map(|p| {
        let bal = if p.balance.0 < 0 { WARN } else { Style::new() };
        let role = crate::tui::form::role_word(p, lang);
        vec![
            (p.code.clone(), Style::new()),
            (p.full_name.clone(), Style::new()),
            (p.balance.to_string(), bal),
            (role.to_string(), DIM),
            (p.household.clone().unwrap_or_default(), DIM),
            (p.phone.clone().unwrap_or_default(), DIM),
        ]
    });
    let mut title = format!("{} ({})", Screen::Members.title(lang), s.count);
    if s.count == 0 && !s.filter.is_empty() {
        title = format!("{title} — {nothing}");
    }
    let cols = [
        Col::new(words::code(lang), 9, 4),
        Col::new(words::name(lang), 0, 8),
        Col::money(words::balance(lang), 13),
        Col::new(words::role(lang), 10, 2),
        Col::new(words::household_short(lang), 8, 1),
        Col::new(words::phone(lang), 11, 0),
    ];
    draw(f, area, title, &cols, rows.collect(), (!s.people.rows.is_empty()).then(|| s.people.sel - top));
}
