//! 1 Tổng quan: cash, bank, funds, the balance identity, people and their cover, dues
//! in arrears, the latest vouchers.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::tui::state::Tui;
use crate::tui::widgets::{DIM, GOOD, WARN, fit};
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::i18n::Lang;

use super::Screen;

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    if let Some(d) = &t.district {
        return district(t, d, f, area);
    }
    let lang = t.lang();
    let o = &t.overview;
    let id = &o.identity;
    let ready = t.watch.as_ref().filter(|_| !t.computing());
    // Pictures beside the figures where there is room; a line of numbers where there is not.
    let (area, pictures) = match ready {
        Some(w) if area.width >= 90 && area.height >= 20 => {
            let [left, right] = ratatui::layout::Layout::horizontal([
                ratatui::layout::Constraint::Min(46),
                ratatui::layout::Constraint::Length(area.width * 9 / 20),
            ])
            .areas(area);
            super::plan_pictures::render(w, lang, f, right);
            (left, true)
        }
        _ => (area, false),
    };
    let inner = usize::from(area.width.saturating_sub(2));
    let figure = |label: &str, value: String| row(inner, label, value);
    let (cover, dues) = cover_and_dues(t, inner);
    // The most needed first when the terminal is short: money, the balance check, cover.
    let room = usize::from(area.height.saturating_sub(2));
    let mut lines = vec![
        figure(words::cash(lang), id.cash.to_string()),
        figure(words::bank(lang), id.bank.to_string()),
        balance_mark(id, lang),
        cover,
        dues,
    ];
    if let (Some(w), false) = (ready, pictures) {
        lines.insert(4, super::plan_pictures::plan_line(w, lang, inner));
    }
    let more = [
        figure(words::held_for_members(lang), id.members.to_string()),
        figure(words::common_fund(lang), id.common.to_string()),
        figure(words::opening_funds(lang), id.opening.to_string()),
        figure(words::owed_to_the_pool(lang), id.owed_to_pool.to_string()),
    ];
    if room >= 12 {
        lines.splice(2..2, more);
    }
    lines.push(Line::from(words::latest_cash_vouchers(lang)).style(DIM));
    for r in o.last.iter().rev() {
        let amount = if r.amount.0 >= 0 { format!("+{}", r.amount) } else { format!("−{}", -r.amount) };
        let head = format!("{} {} ", hunvon_core::domain::date::format_vn(r.date), r.voucher);
        let room = inner.saturating_sub(crate::tui::widgets::width(&head) + crate::tui::widgets::width(&amount) + 1);
        lines.push(Line::from(format!("{head}{:<room$} {amount}", fit(&r.purpose, room))));
    }
    let title = format!("{} — {} {}", Screen::Dashboard.title(lang), o.pool_code, o.pool_name);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(fit(&title, inner))), area);
}

/// A label and its figure at the right of the row (the label column at most 24 wide).
fn row(inner: usize, label: &str, value: String) -> Line<'static> {
    let pad = inner.saturating_sub(crate::tui::widgets::width(&value) + 1).min(24);
    Line::from(format!("{:<pad$} {value}", fit(label, pad)))
}

/// Whether the balance identity holds: a tick, or by how much it is off.
fn balance_mark(id: &Identity, lang: Lang) -> Line<'static> {
    let label = Span::raw(format!("{:<24} ", words::balanced(lang)));
    if id.holds() {
        Line::from(vec![label, Span::styled("✓", GOOD)])
    } else {
        let off = format!("✗ {} {}", words::off_by(lang), id.difference());
        Line::from(vec![label, Span::styled(off, WARN)])
    }
}

/// The people and their cards, and the dues in arrears: from the insurance watch once it
/// is computed, "computing…" until then.
fn cover_and_dues(t: &Tui, inner: usize) -> (Line<'static>, Line<'static>) {
    let lang = t.lang();
    let o = &t.overview;
    match &t.watch {
        Some(w) if !t.computing() => {
            let c = &w.counts;
            let cover = Line::from(format!(
                "{} {} · BHYT: {} {} · {} {} · {} {} · {} {}",
                lang.count(usize::try_from(o.people).unwrap_or(0)),
                words::people_lower(lang),
                lang.count(c.covered),
                words::covered(lang),
                lang.count(c.expiring),
                words::expiring(lang),
                lang.count(c.waiting),
                words::waiting(lang),
                lang.count(c.lapsed),
                words::lapsed(lang)
            ));
            let behind =
                format!("{} ({} {})", words::dues_behind(lang), lang.count(w.dues.len()), words::people_lower(lang));
            (cover, row(inner, &behind, w.dues_total.to_string()))
        }
        _ => {
            let pending = words::computing(lang);
            (
                Line::from(format!("{} {} · BHYT: {pending}", o.people, words::people_lower(lang))),
                row(inner, words::dues_behind(lang), pending.to_string()),
            )
        }
    }
}

/// A district's book: one row per chapter (members, held for members, cash, bank, valid
/// BHYT cards, BHXH, 1+1 pairs) and the totals, as `report district` prints them.
fn district(t: &Tui, d: &hunvon_app::district::DistrictView, f: &mut Frame<'_>, area: Rect) {
    use crate::tui::widgets::table::{Col, draw};
    let lang = t.lang();
    let cols = [
        // The pool's code stays longest, then money; counts and the name give way first.
        Col { keep: 10, ..Col::new(words::pool(lang), 8, 10) },
        Col::new(words::name_short(lang), 0, 1),
        Col { keep: 4, ..Col::money(words::members_short(lang), 5) },
        Col::money(words::held(lang), 15),
        Col::money(words::cash(lang), 14),
        Col::money(words::bank(lang), 15),
        Col { keep: 3, ..Col::money("BHYT", 6) },
        Col { keep: 3, ..Col::money("BHXH", 5) },
        Col { keep: 2, ..Col::money("1+1", 5) },
    ];
    let plain = ratatui::style::Style::new();
    let line =
        |code: String, name: String, r: &hunvon_app::district::DistrictRow| -> Vec<(String, ratatui::style::Style)> {
            [
                code,
                name,
                r.members.to_string(),
                r.held.to_string(),
                r.cash.to_string(),
                r.bank.to_string(),
                r.bhyt_valid.to_string(),
                r.bhxh.to_string(),
                r.pairs.to_string(),
            ]
            .into_iter()
            .map(|c| (c, plain))
            .collect()
        };
    let mut rows: Vec<_> = d.rows.iter().map(|r| line(r.pool.code.clone(), r.pool.name.clone(), r)).collect();
    rows.push(line(words::total(lang).to_string(), String::new(), &d.totals()));
    let title = format!("{} — {} {}", Screen::Dashboard.title(lang), d.rows.len(), words::pools_open_one_hint(lang));
    draw(f, area, title, &cols, rows, None);
}
