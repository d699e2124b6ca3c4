//! 4 Bảo hiểm: everyone's cover as of a chosen day (cards ending soonest first), the
//! cards to renew (ending within the warning days, or lapsed) and the members behind on
//! dues — the treasurer's lists of whom to call, each writable to CSV with phones.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::tui::list::Picker;
use crate::tui::state::Tui;
use crate::tui::widgets::table::{Col, body_height, draw};
use crate::tui::widgets::{DIM, WARN};
use hunvon_app::papers::coverage::{bhxh_label, bhyt_label};
use hunvon_app::views::no_card::{NoCardLine, payer_words};
use hunvon_app::views::{Search, Watch};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::bhyt::BhytStatus;

/// Which list the screen shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Everyone,
    Renewals,
    Dues,
    /// People with no card in force: its own piece (hunvon_app::views::no_card).
    NoCard,
    /// Who is still to visit (SPEC §10): drawn by `outreach_list`.
    Outreach,
}

impl View {
    pub fn next(self) -> View {
        match self {
            View::Everyone => View::Renewals,
            View::Renewals => View::Dues,
            View::Dues => View::NoCard,
            View::NoCard => View::Outreach,
            View::Outreach => View::Everyone,
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            View::Everyone => words::everyones_cover(lang),
            View::Renewals => words::cards_ending_within_30_days(lang),
            View::Dues => words::members_behind_on_dues(lang),
            View::NoCard => words::no_bhyt_card(lang),
            View::Outreach => words::outreach_title(lang),
        }
    }
}

#[derive(Default)]
pub struct InsuranceScreen {
    pub view: View,
    pub filter: String,
    pub picker: Picker,
    /// Indexes into the watch's list of the view, filtered.
    pub rows: Vec<usize>,
}

impl InsuranceScreen {
    /// The code of the selected person.
    pub fn selected_code(&self, watch: Option<&Watch>) -> Option<String> {
        let w = watch?;
        let i = *self.rows.get(self.picker.sel)?;
        match self.view {
            View::Dues => w.dues.get(i).map(|d| d.code.clone()),
            View::NoCard => w.no_card.get(i).map(|d| d.code.clone()),
            View::Outreach => w.outreach.get(i).map(|o| o.row.code.clone()),
            _ => w.cover.get(i).map(|c| c.row.code.clone()),
        }
    }

    /// Filters the view's list again, keeping the selection on the same person.
    pub fn refilter(&mut self, watch: Option<&Watch>) {
        let keep = self.selected_code(watch);
        let Some(w) = watch else {
            self.rows.clear();
            return;
        };
        let search = Search::new(&self.filter);
        self.rows = match self.view {
            View::Dues => (0..w.dues.len()).filter(|i| w.dues[*i].keys.matches(&search)).collect(),
            View::NoCard => (0..w.no_card.len()).filter(|i| w.no_card[*i].matches(&search)).collect(),
            View::Outreach => (0..w.outreach.len()).filter(|i| w.outreach[*i].keys.matches(&search)).collect(),
            View::Renewals => {
                (0..w.cover.len()).filter(|i| w.cover[*i].needs_renewal() && w.cover[*i].matches(&search)).collect()
            }
            View::Everyone => (0..w.cover.len()).filter(|i| w.cover[*i].matches(&search)).collect(),
        };
        let code_at = |i: usize| match self.view {
            View::Dues => w.dues[i].code.clone(),
            View::NoCard => w.no_card[i].code.clone(),
            View::Outreach => w.outreach[i].row.code.clone(),
            _ => w.cover[i].row.code.clone(),
        };
        self.picker.sel = keep.and_then(|k| self.rows.iter().position(|i| code_at(*i) == k)).unwrap_or(0);
    }
}

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let s = &t.insurance;
    let h = body_height(area);
    let top = s.picker.scroll(h, s.rows.len());
    let as_of = hunvon_core::domain::date::format_vn(t.as_of);
    let mut title = format!("{} · {} {as_of} ({})", s.view.title(lang), words::as_of(lang), s.rows.len());
    let Some(w) = t.watch.as_ref().filter(|_| !t.computing()) else {
        title = format!("{title} — {}", words::computing(lang));
        draw(f, area, title, &[Col::new("", 0, 8)], Vec::new(), None);
        return;
    };
    if s.rows.is_empty() && !s.filter.is_empty() {
        title = format!("{title} — {}", words::nothing_found(lang));
    }
    let sel = (!s.rows.is_empty()).then(|| s.picker.sel - top);
    let shown: Vec<usize> = s.rows.iter().skip(top).take(h).copied().collect();
    let (cols, rows) = match s.view {
        View::Outreach => {
            let rows: Vec<_> = shown.iter().map(|i| &w.outreach[*i].row).collect();
            super::outreach_list::render(lang, f, area, title, &rows, sel);
            return;
        }
        View::Dues => dues_table(w, &shown, lang),
        View::NoCard => (no_card_cols(lang), shown.iter().map(|i| no_card_row(&w.no_card[*i], lang)).collect()),
        View::Renewals | View::Everyone => cover_table(w, &shown, lang),
    };
    draw(f, area, title, &cols, rows, sel);
}

type Rows = Vec<Vec<(String, Style)>>;

/// The members behind on dues: how much, for how many months, and their phones.
fn dues_table(w: &Watch, shown: &[usize], lang: Lang) -> (Vec<Col>, Rows) {
    let rows = shown
        .iter()
        .map(|i| {
            let d = &w.dues[*i];
            vec![
                (d.code.clone(), Style::new()),
                (d.full_name.clone(), Style::new()),
                (d.owed.to_string(), WARN),
                (format!("{} {}", d.months, words::months_lower(lang)), Style::new()),
                (d.phone.clone(), DIM),
            ]
        })
        .collect();
    let cols = vec![
        Col::new(words::code(lang), 9, 4),
        Col::new(words::name(lang), 0, 8),
        Col::money(words::behind(lang), 13),
        Col::new(words::months(lang), 9, 3),
        Col::new(words::phone(lang), 11, 5),
    ];
    (cols, rows)
}

fn no_card_cols(lang: Lang) -> Vec<Col> {
    vec![
        Col::new(words::code(lang), 9, 4),
        Col::new(words::name(lang), 0, 8),
        Col::new(words::card_to(lang), 12, 6),
        Col::new(words::phone(lang), 11, 5),
        Col::new(words::payer(lang), 30, 3),
    ]
}

/// Everyone's cover (or the cards to renew): BHYT status and end, BHXH, phone.
fn cover_table(w: &Watch, shown: &[usize], lang: Lang) -> (Vec<Col>, Rows) {
    let rows = shown
        .iter()
        .map(|i| {
            let r = &w.cover[*i].row;
            let style = match r.bhyt_status {
                BhytStatus::Expiring | BhytStatus::Lapsed => WARN,
                _ => Style::new(),
            };
            vec![
                (r.code.clone(), Style::new()),
                (r.full_name.clone(), Style::new()),
                // A card from elsewhere in force says where it came from (SPEC §10).
                (
                    match (&r.bhyt_source, r.bhyt_status) {
                        (Some(src), BhytStatus::Covered) => {
                            hunvon_app::insurance::outside_cards::source_short(src, lang).to_string()
                        }
                        _ => bhyt_label(r.bhyt_status, lang).to_string(),
                    },
                    style,
                ),
                (r.bhyt_to.map(hunvon_core::domain::date::format_vn).unwrap_or_default(), style),
                (bhxh_label(r.bhxh_status, lang).to_string(), Style::new()),
                (w.cover[*i].keys.phone().to_string(), DIM),
            ]
        })
        .collect();
    let cols = vec![
        Col::new(words::code(lang), 9, 4),
        Col::new(words::name(lang), 0, 7),
        Col::new("BHYT", 12, 8),
        Col::new(words::card_to(lang), 10, 9),
        Col::new("BHXH", 10, 3),
        Col::new(words::phone(lang), 11, 2),
    ];
    (cols, rows)
}

/// A line of "Chưa có thẻ BHYT": when her last card ended (or "chưa từng có"), her phone, and
/// who would pay (a proposed household member marked "đề xuất").
fn no_card_row(d: &NoCardLine, lang: Lang) -> Vec<(String, Style)> {
    let card = match d.card_to {
        Some(t) => hunvon_core::domain::date::format_vn(t),
        None => words::never_had(lang).to_string(),
    };
    vec![
        (d.code.clone(), Style::new()),
        (d.full_name.clone(), Style::new()),
        (card, WARN),
        (d.phone.clone(), DIM),
        (payer_words(d, lang), Style::new()),
    ]
}
