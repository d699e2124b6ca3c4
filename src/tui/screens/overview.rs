//! 1 Tổng quan: cash, bank, funds, the balance identity, people and their cover, dues
//! in arrears, the latest vouchers.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::tui::state::Tui;
use crate::tui::widgets::{DIM, GOOD, WARN, fit};

use super::Screen;

pub fn render(t: &Tui, f: &mut Frame<'_>, area: Rect) {
    let lang = t.lang();
    let o = &t.overview;
    let id = &o.identity;
    let inner = usize::from(area.width.saturating_sub(2));
    let row = |label: &str, value: String| -> Line<'static> {
        let pad = inner.saturating_sub(crate::tui::widgets::width(&value) + 1).min(24);
        Line::from(format!("{:<pad$} {value}", fit(label, pad)))
    };
    let mark = if id.holds() {
        Span::styled(lang.pick("✓ cân đối", "✓ balanced"), GOOD)
    } else {
        Span::styled(format!("✗ {} {}", lang.pick("lệch", "off by"), id.difference()), WARN)
    };
    let pending = || lang.pick("đang tính…", "computing…").to_string();
    let mut lines = vec![
        row(lang.pick("Tiền mặt", "Cash"), id.cash.to_string()),
        row(lang.pick("Ngân hàng", "Bank"), id.bank.to_string()),
        row(lang.pick("Giữ cho thành viên", "Held for members"), id.members.to_string()),
        row(lang.pick("Quỹ chung", "Common fund"), id.common.to_string()),
        row(lang.pick("Nguồn đầu kỳ", "Opening"), id.opening.to_string()),
        Line::from(vec![
            Span::raw(format!(
                "{} ",
                lang.pick("Tiền mặt + ngân hàng = các khoản giữ:", "Cash + bank = what is held:")
            )),
            mark,
        ]),
        row(lang.pick("Thành viên nợ quỹ", "Owed to the pool"), id.owed_to_pool.to_string()),
    ];
    match &t.watch {
        Some(w) if !t.computing() => {
            let c = &w.counts;
            lines.push(Line::from(format!(
                "{} {} · BHYT: {} {} · {} {} · {} {} · {} {}",
                o.people,
                lang.pick("người", "people"),
                c.covered,
                lang.pick("còn hạn", "covered"),
                c.expiring,
                lang.pick("sắp hết hạn", "expiring"),
                c.waiting,
                lang.pick("chờ", "waiting"),
                c.lapsed,
                lang.pick("hết hạn", "lapsed")
            )));
            lines.push(row(
                &format!(
                    "{} ({} {})",
                    lang.pick("Chậm đóng góp", "Dues behind"),
                    w.dues.len(),
                    lang.pick("người", "people")
                ),
                w.dues_total.to_string(),
            ));
        }
        _ => {
            lines.push(Line::from(format!("{} {} · BHYT: {}", o.people, lang.pick("người", "people"), pending())));
            lines.push(row(lang.pick("Chậm đóng góp", "Dues behind"), pending()));
        }
    }
    lines.push(Line::from(lang.pick("Chứng từ tiền mặt gần nhất:", "Latest cash vouchers:")).style(DIM));
    for r in o.last.iter().rev() {
        let amount = if r.amount.0 >= 0 { format!("+{}", r.amount) } else { format!("−{}", -r.amount) };
        let head = format!("{} {} ", crate::date::format_vn(r.date), r.voucher);
        let room = inner.saturating_sub(crate::tui::widgets::width(&head) + crate::tui::widgets::width(&amount) + 1);
        lines.push(Line::from(format!("{head}{:<room$} {amount}", fit(&r.purpose, room))));
    }
    let title = format!("{} — {} {}", Screen::Dashboard.title(lang), o.pool_code, o.pool_name);
    f.render_widget(Paragraph::new(lines).block(Block::bordered().title(fit(&title, inner))), area);
}
