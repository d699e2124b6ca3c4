//! A person's passbook: who she is (CCCD and mã số BHXH masked), her cards and BHXH
//! months, whom she sponsors, and every voucher that touched her account with the
//! running balance — the latest selected; Enter opens a voucher.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph};

use crate::tui::list::Picker;
use crate::tui::widgets::VOUCHER_WIDTH;
use crate::tui::widgets::table::{Col, body_height, draw};
use crate::tui::widgets::{DIM, WARN, wrap};
use hunvon_app::views::Passbook;
use hunvon_core::messages::i18n::Lang;

pub struct PassbookView {
    pub book: Passbook,
    pub picker: Picker,
}

impl PassbookView {
    pub fn new(book: Passbook) -> PassbookView {
        let sel = book.lines.len().saturating_sub(1);
        PassbookView { book, picker: Picker { sel, ..Picker::default() } }
    }

    pub fn selected_voucher(&self) -> Option<String> {
        self.book.lines.get(self.picker.sel).map(|l| l.voucher.clone())
    }
}

fn header(b: &Passbook, lang: Lang) -> Vec<String> {
    let p = &b.person;
    let date = hunvon_core::domain::date::format_vn;
    let mut out = Vec::new();
    let role = match (p.joined, p.left_on) {
        (Some(j), Some(l)) => {
            format!("{} {} · {} {}", words::member_since(lang), date(j), words::left_the_group(lang), date(l))
        }
        (Some(j), None) => format!("{} {}", words::member_since(lang), date(j)),
        (None, _) => words::relative_pays_no_dues(lang).into(),
    };
    out.push(format!("{}: {} · {role}", words::balance(lang), b.balance));
    let house = b.household.as_ref().map(|h| format!("{} {}", h.code, h.name)).unwrap_or_else(|| "—".into());
    out.push(format!(
        "{}: {house} · {}: {}",
        words::household(lang),
        words::phone(lang),
        p.phone.clone().unwrap_or_else(|| "—".into())
    ));
    out.push(format!(
        "CCCD: {} · {}: {}",
        b.cccd.clone().unwrap_or_else(|| "—".into()),
        words::bhxh_number(lang),
        b.bhxh_code.clone().unwrap_or_else(|| "—".into())
    ));
    if let Some((code, name)) = &b.sponsor {
        out.push(format!("{}: {code} {name}", words::sponsor(lang)));
    }
    if !b.sponsored.is_empty() {
        let names: Vec<String> = b.sponsored.iter().map(|(c, n)| format!("{c} {n}")).collect();
        out.push(format!("{}: {}", words::sponsors(lang), names.join(", ")));
    }
    for c in b.cover.iter().rev() {
        let void = if c.void { words::voided(lang) } else { "" };
        out.push(format!("{} {} · {} · {}{void}", c.scheme, c.period, c.amount, c.voucher));
    }
    if b.cover.is_empty() {
        out.push(words::no_bhyt_or_bhxh(lang).into());
    }
    out
}

pub fn render(v: &PassbookView, f: &mut Frame<'_>, area: Rect, lang: Lang) {
    f.render_widget(Clear, area);
    let b = &v.book;
    let inner = usize::from(area.width.saturating_sub(2));
    let head: Vec<String> = header(b, lang).iter().flat_map(|l| wrap(l, inner)).collect();
    let room = (usize::from(area.height) * 2 / 5).max(1);
    let mut shown: Vec<String> = head.iter().take(room).cloned().collect();
    if head.len() > room
        && let Some(last) = shown.last_mut()
    {
        *last = format!("… {} {}", head.len() - room + 1, words::more_lines(lang));
    }
    let [top, rest] = Layout::vertical([Constraint::Length(shown.len() as u16 + 1), Constraint::Min(3)]).areas(area);
    let title = format!("{} {} — {}", words::passbook_of(lang), b.person.code, b.person.full_name);
    let mut lines =
        vec![Line::from(crate::tui::widgets::fit(&title, usize::from(area.width))).style(crate::tui::widgets::BOLD)];
    lines.extend(shown.into_iter().map(|l| Line::from(l).style(DIM)));
    f.render_widget(Paragraph::new(lines), top);
    let h = body_height(rest);
    let first = v.picker.scroll(h, b.lines.len());
    let narrow = rest.width < 70;
    let rows = b.lines.iter().skip(first).take(h).map(|l| {
        let signed = if l.amount.0 >= 0 { format!("+{}", l.amount) } else { format!("−{}", -l.amount) };
        let bal = if l.balance.0 < 0 { WARN } else { Style::new() };
        let mut what = l.purpose.clone();
        if let Some(by) = &l.reversed_by {
            what = format!("({} {by}) {what}", words::reversed_by(lang));
        }
        if narrow {
            vec![(what, Style::new()), (signed, Style::new()), (l.balance.to_string(), bal)]
        } else {
            vec![
                (hunvon_core::domain::date::format_vn(l.date), Style::new()),
                (l.voucher.clone(), Style::new()),
                (what, Style::new()),
                (signed, Style::new()),
                (l.balance.to_string(), bal),
            ]
        }
    });
    let cols: Vec<Col> = if narrow {
        vec![
            Col::new(words::what(lang), 0, 8),
            Col::money(words::in_out(lang), 13),
            Col::money(words::balance(lang), 13),
        ]
    } else {
        vec![
            Col::new(words::date(lang), 10, 5),
            Col::new(words::number_short(lang), VOUCHER_WIDTH, 4),
            Col::new(words::what(lang), 0, 8),
            Col::money(words::in_out(lang), 13),
            Col::money(words::balance(lang), 13),
        ]
    };
    let title = format!("{} ({})", words::vouchers(lang), b.lines.len());
    draw(f, rest, title, &cols, rows.collect(), (!b.lines.is_empty()).then(|| v.picker.sel - first));
}
