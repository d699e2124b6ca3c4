//! 1 Tổng quan: cash, bank, funds, the balance identity, people and their cover, dues
//! in arrears, the latest vouchers.

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
        figure(lang.pick("Tiền mặt", "Cash"), id.cash.to_string()),
        figure(lang.pick("Ngân hàng", "Bank"), id.bank.to_string()),
        balance_mark(id, lang),
        cover,
        dues,
    ];
    if let (Some(w), false) = (ready, pictures) {
        lines.insert(4, super::plan_pictures::plan_line(w, lang, inner));
    }
    let more = [
        figure(lang.pick("Giữ cho thành viên", "Held for members"), id.members.to_string()),
        figure(lang.pick("Quỹ chung", "Common fund"), id.common.to_string()),
        figure(lang.pick("Nguồn đầu kỳ", "Opening"), id.opening.to_string()),
        figure(lang.pick("Thành viên nợ quỹ", "Owed to the pool"), id.owed_to_pool.to_string()),
    ];
    if room >= 12 {
        lines.splice(2..2, more);
    }
    lines.push(Line::from(lang.pick("Chứng từ tiền mặt gần nhất:", "Latest cash vouchers:")).style(DIM));
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
    let label = Span::raw(format!("{:<24} ", lang.pick("Cân đối", "Balanced")));
    if id.holds() {
        Line::from(vec![label, Span::styled("✓", GOOD)])
    } else {
        let off = format!("✗ {} {}", lang.pick("lệch", "off by"), id.difference());
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
                lang.pick("người", "people"),
                lang.count(c.covered),
                lang.pick("còn hạn", "covered"),
                lang.count(c.expiring),
                lang.pick("sắp hết hạn", "expiring"),
                lang.count(c.waiting),
                lang.pick("chờ", "waiting"),
                lang.count(c.lapsed),
                lang.pick("hết hạn", "lapsed")
            ));
            let behind = format!(
                "{} ({} {})",
                lang.pick("Chậm đóng góp", "Dues behind"),
                lang.count(w.dues.len()),
                lang.pick("người", "people")
            );
            (cover, row(inner, &behind, w.dues_total.to_string()))
        }
        _ => {
            let pending = lang.pick("đang tính…", "computing…");
            (
                Line::from(format!("{} {} · BHYT: {pending}", o.people, lang.pick("người", "people"))),
                row(inner, lang.pick("Chậm đóng góp", "Dues behind"), pending.to_string()),
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
        Col { keep: 10, ..Col::new(lang.pick("Quỹ", "Pool"), 8, 10) },
        Col::new(lang.pick("Tên", "Name"), 0, 1),
        Col { keep: 4, ..Col::money(lang.pick("TV", "Mem."), 5) },
        Col::money(lang.pick("Giữ cho TV", "Held"), 15),
        Col::money(lang.pick("Tiền mặt", "Cash"), 14),
        Col::money(lang.pick("Ngân hàng", "Bank"), 15),
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
    rows.push(line(lang.pick("Cộng", "Total").to_string(), String::new(), &d.totals()));
    let title = format!(
        "{} — {} {}",
        Screen::Dashboard.title(lang),
        d.rows.len(),
        lang.pick("quỹ (chọn một bằng --pool MÃ)", "pools (open one with --pool CODE)")
    );
    draw(f, area, title, &cols, rows, None);
}
