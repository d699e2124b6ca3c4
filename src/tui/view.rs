//! Drawing only: every function here reads the state and draws; none changes anything.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row, Table, TableState, Tabs, Wrap};

use crate::app::coverage::{bhxh_label, bhyt_label};
use crate::date::format_vn;
use crate::rules::bhyt::BhytStatus;

use super::form::Form;
use super::keys;
use super::state::{Confirming, Overlay, REPORTS, Screen, Tui};

/// The smallest terminal the screens are laid out for.
pub const MIN_W: u16 = 40;
pub const MIN_H: u16 = 12;

const WARN: Style = Style::new().fg(Color::Red);
const DIM: Style = Style::new().fg(Color::DarkGray);
const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);

pub fn render(t: &Tui, f: &mut Frame<'_>) {
    let area = f.area();
    let lang = t.lang();
    if area.width < MIN_W || area.height < MIN_H {
        let msg = lang.pick(
            "Cửa sổ quá nhỏ (cần ít nhất 40×12). Nhấn q để thoát.",
            "Terminal too small (40×12 at least). Press q to quit.",
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let [tabs, body, status, hints] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    let titles: Vec<String> =
        Screen::ALL.iter().enumerate().map(|(i, s)| format!("{} {}", i + 1, s.title(lang))).collect();
    let selected = Screen::ALL.iter().position(|s| *s == t.screen).unwrap_or(0);
    f.render_widget(Tabs::new(titles).select(selected).highlight_style(SELECTED).divider("│"), tabs);
    match t.screen {
        Screen::Dashboard => dashboard(t, f, body),
        Screen::Members => members(t, f, body),
        Screen::CashBook => cash_book(t, f, body),
        Screen::Insurance => insurance(t, f, body),
        Screen::Reports => reports(t, f, body),
        Screen::Settings => settings(t, f, body),
    }
    let pool = t.app.pool().map(|p| format!("{} · ", p.code)).unwrap_or_default();
    let mode = if t.read_only() {
        format!("{} · ", lang.pick("Chế độ chỉ xem", "Read-only mode"))
    } else {
        String::new()
    };
    let filter = if t.filter.is_empty() { String::new() } else { format!("/{} · ", t.filter) };
    f.render_widget(
        Paragraph::new(format!("{pool}{mode}{filter}{}", t.status)).style(Style::new().add_modifier(Modifier::BOLD)),
        status,
    );
    f.render_widget(Paragraph::new(keys::hint_bar(t.screen, lang, t.read_only())).style(DIM), hints);
    match &t.overlay {
        Overlay::None => {}
        Overlay::Help => help(t, f, area),
        Overlay::Filter => {
            let line = format!("/{}", t.filter);
            let r = Rect { x: status.x, y: status.y, width: status.width, height: 1 };
            f.render_widget(Clear, r);
            f.render_widget(Paragraph::new(line.clone()).style(SELECTED), r);
            f.set_cursor_position((r.x + Line::from(line).width() as u16, r.y));
        }
        Overlay::Form(form, _) => form_popup(t, f, area, form),
        Overlay::Confirm(q, about) => {
            let (Confirming::Drop(form, _) | Confirming::Submit(form)) = about;
            form_popup(t, f, area, form);
            let r = centered(area, 60.min(area.width), 3);
            f.render_widget(Clear, r);
            f.render_widget(Paragraph::new(q.as_str()).wrap(Wrap { trim: true }).block(Block::bordered()), r);
        }
        Overlay::Detail => detail(t, f, area),
    }
}

fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

fn dashboard(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let id = &t.overview.identity;
    let c = &t.overview.counts;
    let mark = if id.holds() {
        Span::styled("✓", Style::new().fg(Color::Green))
    } else {
        Span::styled(format!("✗ {}", id.difference()), WARN)
    };
    let mut lines = vec![
        Line::from(format!("{:<22}{}", lang.pick("Tiền mặt", "Cash"), id.cash)),
        Line::from(format!("{:<22}{}", lang.pick("Ngân hàng", "Bank"), id.bank)),
        Line::from(format!("{:<22}{}", lang.pick("Giữ cho thành viên", "Held for members"), id.members)),
        Line::from(format!("{:<22}{}", lang.pick("Quỹ chung", "Common fund"), id.common)),
        Line::from(format!("{:<22}{}", lang.pick("Đầu kỳ", "Opening"), id.opening)),
        Line::from(vec![Span::raw(format!("{} ", lang.pick("Cân đối", "Balanced"))), mark]),
        Line::from(format!("{:<22}{}", lang.pick("Thành viên nợ quỹ", "Owed to the pool"), id.owed_to_pool)),
        Line::from(""),
        Line::from(format!(
            "{} {} · BHYT: {} {} · {} {} · {} {} · {} {}",
            t.overview.people,
            lang.pick("người", "people"),
            c.covered,
            lang.pick("còn hạn", "covered"),
            c.expiring,
            lang.pick("sắp hết hạn", "expiring"),
            c.waiting,
            lang.pick("chờ", "waiting"),
            c.lapsed,
            lang.pick("hết hạn", "lapsed")
        )),
        Line::from(format!("{:<22}{}", lang.pick("Chậm đóng theo mức", "Dues in arrears"), t.overview.arrears)),
        Line::from(""),
        Line::from(lang.pick("Chứng từ quỹ tiền mặt gần nhất:", "Latest cash vouchers:")).style(DIM),
    ];
    for r in &t.overview.last {
        lines.push(Line::from(format!(
            "{} {} {:>14} {}",
            format_vn(r.date),
            r.voucher,
            r.amount.to_string(),
            r.person.clone().unwrap_or_else(|| r.note.clone())
        )));
    }
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(Screen::Dashboard.title(lang))), area);
}

fn table_state(sel: usize, len: usize) -> TableState {
    TableState::default().with_selected(if len == 0 { None } else { Some(sel) })
}

/// Draws a list: columns given as (title, width; 0 = the one that takes the rest), and the
/// order in which columns give way when the terminal is narrow, so no layout is ever
/// over-constrained (and the screen is the same on every run).
fn draw_table(
    f: &mut Frame<'_>,
    area: Rect,
    title: String,
    columns: &[(&str, u16)],
    give_way: &[usize],
    rows: Vec<Vec<Cell<'static>>>,
    selected: usize,
) {
    let mut keep: Vec<bool> = vec![true; columns.len()];
    let need = |keep: &[bool]| -> u16 {
        columns.iter().zip(keep).filter(|(_, k)| **k).map(|((_, w), _)| if *w == 0 { 10 } else { *w } + 1).sum()
    };
    for i in give_way {
        if need(&keep) <= area.width.saturating_sub(2) {
            break;
        }
        keep[*i] = false;
    }
    let widths: Vec<Constraint> = columns
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|((_, w), _)| if *w == 0 { Constraint::Fill(1) } else { Constraint::Length(*w) })
        .collect();
    let header: Vec<&str> = columns.iter().zip(&keep).filter(|(_, k)| **k).map(|((h, _), _)| *h).collect();
    let len = rows.len();
    let rows: Vec<Row> = rows
        .into_iter()
        .map(|cells| Row::new(cells.into_iter().zip(&keep).filter(|(_, k)| **k).map(|(c, _)| c).collect::<Vec<_>>()))
        .collect();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(DIM))
        .row_highlight_style(SELECTED)
        .block(Block::bordered().title(title));
    f.render_stateful_widget(table, area, &mut table_state(selected, len));
}

fn members(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let rows = t
        .people
        .iter()
        .map(|p| {
            let bal = Cell::from(p.balance.to_string()).style(if p.balance.0 < 0 { WARN } else { Style::new() });
            vec![
                Cell::from(p.code.clone()),
                Cell::from(p.full_name.clone()),
                bal,
                Cell::from(p.household.clone().unwrap_or_default()),
            ]
        })
        .collect();
    let title = format!("{} ({}/{})", Screen::Members.title(lang), t.people.len(), t.people_total);
    let columns = [
        (lang.pick("Mã", "Code"), 9),
        (lang.pick("Họ tên", "Name"), 0),
        (lang.pick("Số dư", "Balance"), 15),
        (lang.pick("Hộ", "Hh"), 8),
    ];
    draw_table(f, area, title, &columns, &[3, 0], rows, t.person_sel);
}

fn cash_book(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let rows = t
        .cash
        .iter()
        .map(|c| {
            let what = match (&c.reverses, &c.reversed_by) {
                (Some(v), _) => format!("{} {v}: {}", lang.pick("Hủy", "Reverses"), c.note),
                (_, Some(by)) => format!(
                    "{} ({} {by})",
                    c.person.clone().unwrap_or_else(|| c.note.clone()),
                    lang.pick("đã hủy bởi", "reversed by")
                ),
                _ => c.person.clone().unwrap_or_else(|| c.note.clone()),
            };
            let (thu, chi) = if c.amount.0 > 0 {
                (c.amount.to_string(), String::new())
            } else {
                (String::new(), (-c.amount).to_string())
            };
            vec![
                Cell::from(format_vn(c.date)),
                Cell::from(c.voucher.clone()),
                Cell::from(what),
                Cell::from(thu),
                Cell::from(chi),
            ]
        })
        .collect();
    let title =
        format!("{} — {} {}", Screen::CashBook.title(lang), lang.pick("tồn", "balance"), t.overview.identity.cash);
    let columns = [
        (lang.pick("Ngày", "Date"), 10),
        (lang.pick("Số", "No."), 12),
        (lang.pick("Diễn giải", "Purpose"), 0),
        (lang.pick("Thu", "In"), 13),
        (lang.pick("Chi", "Out"), 13),
    ];
    draw_table(f, area, title, &columns, &[0, 4, 3], rows, t.cash_sel);
}

fn insurance(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let rows = t
        .cover
        .iter()
        .map(|r| {
            let style = match r.bhyt_status {
                BhytStatus::Expiring | BhytStatus::Lapsed => WARN,
                _ => Style::new(),
            };
            vec![
                Cell::from(r.code.clone()),
                Cell::from(r.full_name.clone()),
                Cell::from(bhyt_label(r.bhyt_status, lang)).style(style),
                Cell::from(r.bhyt_to.map(format_vn).unwrap_or_default()),
                Cell::from(bhxh_label(r.bhxh_status, lang)),
            ]
        })
        .collect();
    let columns = [
        (lang.pick("Mã", "Code"), 9),
        (lang.pick("Họ tên", "Name"), 0),
        ("BHYT", 12),
        (lang.pick("Thẻ đến", "Card to"), 10),
        ("BHXH", 10),
    ];
    draw_table(f, area, Screen::Insurance.title(lang).to_string(), &columns, &[4, 0, 3], rows, t.cover_sel);
}

fn reports(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let mut lines: Vec<Line> = REPORTS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let line = Line::from(format!(" {r} "));
            if i == t.report { line.style(SELECTED) } else { line }
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(format!("{}: {:?}", lang.pick("Định dạng (f để đổi)", "Format (f to change)"), t.format)));
    lines.push(
        Line::from(lang.pick(
            "Enter: ghi tệp cạnh tệp sổ; đường dẫn hiện ở dòng trạng thái.",
            "Enter: write the file next to the book; its path shows in the status line.",
        ))
        .style(DIM),
    );
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(Screen::Reports.title(lang))), area);
}

fn settings(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let mut lines = Vec::new();
    if let Ok(p) = t.app.pool() {
        lines.push(Line::from(format!("{}: {} — {}", lang.pick("Quỹ", "Pool"), p.code, p.name)));
        lines.push(Line::from(format!("{}: {}", lang.pick("Tệp sổ", "Book file"), t.app.store.path.display())));
        let dues = t.app.store.dues(p.id).unwrap_or_default();
        let shown: Vec<String> =
            dues.iter().map(|(d, a)| format!("{a} {} {}", lang.pick("từ", "from"), format_vn(*d))).collect();
        lines.push(Line::from(format!(
            "{}: {}",
            lang.pick("Mức đóng hằng tháng", "Monthly dues"),
            if shown.is_empty() { "—".into() } else { shown.join("; ") }
        )));
    }
    lines.push(Line::from(""));
    lines.push(
        Line::from(lang.pick("Tham số quy định (theo ngày hiệu lực):", "Rate parameters (by effective date):"))
            .style(DIM),
    );
    for r in t.app.rates().unwrap_or_default() {
        lines.push(Line::from(format!("{:<30} {:<18} {}", r.name, r.value, format_vn(r.effective_from))));
    }
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(Screen::Settings.title(lang))), area);
}

fn help(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let lines: Vec<Line> = keys::bindings(t.screen)
        .into_iter()
        .filter(|b| !(t.read_only() && b.writes))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<14}", b.key), Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(lang.pick(b.vi, b.en)),
            ])
        })
        .collect();
    let r = centered(area, 64, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(format!(
            "{} — {}",
            lang.pick("Phím", "Keys"),
            t.screen.title(lang)
        ))),
        r,
    );
}

fn detail(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let Some(p) = t.people.get(t.person_sel) else { return };
    let mut lines =
        vec![Line::from(format!("{} — {}", p.code, p.full_name)).style(Style::new().add_modifier(Modifier::BOLD))];
    lines.push(Line::from(format!("{}: {}", lang.pick("Số dư", "Balance"), p.balance)));
    for scheme in ["bhyt", "bhxh"] {
        for c in t.app.store.person_coverage(p.id, scheme).unwrap_or_default() {
            let what = match (c.card_from, c.card_to, &c.from_month, &c.to_month) {
                (Some(a), Some(b), _, _) => format!("BHYT {}–{}", format_vn(a), format_vn(b)),
                (_, _, Some(a), Some(b)) => format!("BHXH {a}–{b}"),
                _ => scheme.to_uppercase(),
            };
            let void = if c.is_void() { lang.pick(" (đã hủy)", " (voided)") } else { "" };
            lines.push(Line::from(format!("{} {what} {}{void}", c.voucher, c.amount)));
        }
    }
    let r = centered(area, 70, (lines.len() as u16 + 2).max(5));
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(Block::bordered()), r);
}

fn form_popup(t: &Tui, f: &mut Frame<'_>, area: Rect, form: &Form) {
    let lang = t.lang();
    let mut lines = Vec::new();
    let label_w = 20usize.min(area.width as usize / 3);
    for (i, field) in form.fields.iter().enumerate() {
        let label: String = field.label.chars().take(label_w).collect();
        let style = if i == form.focus { Style::new().add_modifier(Modifier::BOLD) } else { Style::new() };
        lines
            .push(Line::from(vec![Span::styled(format!("{label:<label_w$} "), style), Span::raw(field.value.clone())]));
        if let Some(e) = &field.error {
            lines.push(Line::from(format!("  {e}")).style(WARN));
        }
    }
    for l in &form.live {
        lines.push(Line::from(l.clone()).style(Style::new().fg(Color::Cyan)));
    }
    if let Some(m) = &form.message {
        lines.push(Line::from(m.clone()).style(WARN));
    }
    lines.push(
        Line::from(lang.pick("Enter ghi · Tab chuyển ô · Esc bỏ", "Enter save · Tab next field · Esc cancel"))
            .style(DIM),
    );
    let width = area.width.min(76);
    // Lines wrap inside the box: count the rows they take.
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let height = (rows as u16 + 2).min(area.height);
    let r = centered(area, width, height);
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines.clone()).wrap(Wrap { trim: false }).block(Block::bordered().title(form.title.clone())),
        r,
    );
    // The cursor sits after the focused field's text before the cursor (display width).
    let mut y = r.y + 1;
    for (i, field) in form.fields.iter().enumerate() {
        if i == form.focus {
            let x = r.x + 1 + label_w as u16 + 1 + Line::from(field.before_cursor()).width() as u16;
            if x < r.x + r.width && y < r.y + r.height {
                f.set_cursor_position((x, y));
            }
            break;
        }
        y += 1 + u16::from(field.error.is_some());
    }
}
