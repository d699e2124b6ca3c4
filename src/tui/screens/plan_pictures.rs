//! Tổng quan's pictures (SPEC §10): the year against its plan as gauges with the percentage
//! reached, and receipts and payments of the last twelve months as bars. Where the terminal
//! is too small for pictures, the same figures as one line of numbers.

use crate::tui::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Gauge};

use crate::tui::widgets::{DIM, GOOD, WARN, fit};
use hunvon_app::papers::targets::{TargetRow, percent_text, share};
use hunvon_app::views::Watch;
use hunvon_core::messages::i18n::Lang;

/// "Kế hoạch 2026: BHYT 3/25 (12,00 %) · BHXH 1/8 (12,50 %)", shortened to
/// "KH: BHYT 3/25 12% · BHXH 1/8 12%" when `width` is narrower; or how to set a plan.
pub fn plan_line(w: &Watch, lang: Lang, width: usize) -> Line<'static> {
    let year = chrono::Datelike::year(&w.as_of);
    let p = &w.plan;
    let Some(t) = p.target else {
        return Line::from(words::no_target_for_year(lang, year)).style(DIM);
    };
    let full = format!(
        "{} {year}: BHYT {}/{} ({}) · BHXH {}/{} ({})",
        words::plan(lang),
        p.bhyt_covered,
        t.bhyt,
        percent_text(share(p.bhyt_covered, Some(t.bhyt))),
        p.bhxh_participants,
        t.bhxh,
        percent_text(share(p.bhxh_participants, Some(t.bhxh))),
    );
    if crate::tui::widgets::width(&full) <= width {
        return Line::from(full);
    }
    Line::from(format!(
        "{}: BHYT {}/{} {}% · BHXH {}/{} {}%",
        words::plan_short(lang),
        p.bhyt_covered,
        t.bhyt,
        fill(p.bhyt_covered, t.bhyt),
        p.bhxh_participants,
        t.bhxh,
        fill(p.bhxh_participants, t.bhxh)
    ))
}

/// Whole percent reached, at most 100 (the gauge's fill; the label says the exact share).
fn fill(reached: i64, target: i64) -> u16 {
    if target <= 0 { 0 } else { u16::try_from((reached * 100 / target).clamp(0, 100)).unwrap_or(100) }
}

/// The gauges and the bars in `area` (at least 40×14).
pub fn render(w: &Watch, lang: Lang, f: &mut Frame<'_>, area: Rect) {
    let [plan, bars] = Layout::vertical([Constraint::Length(4), Constraint::Min(6)]).areas(area);
    gauges(&w.plan, chrono::Datelike::year(&w.as_of), lang, f, plan);
    month_bars(w, lang, f, bars);
}

fn gauges(p: &TargetRow, year: i32, lang: Lang, f: &mut Frame<'_>, area: Rect) {
    let title = format!("{} {year}", words::years_plan(lang));
    let block = Block::bordered().title(fit(&title, usize::from(area.width.saturating_sub(2))));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let Some(t) = p.target else {
        let text = words::no_target_yet(lang);
        f.render_widget(Line::from(text).style(DIM), inner);
        return;
    };
    let [a, b] = Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    for (area, name, reached, target) in [(a, "BHYT", p.bhyt_covered, t.bhyt), (b, "BHXH", p.bhxh_participants, t.bhxh)]
    {
        let label = format!("{name} {reached}/{target} · {}", percent_text(share(reached, Some(target))));
        let style = if fill(reached, target) >= 100 { GOOD } else { Style::new().fg(ratatui::style::Color::Cyan) };
        f.render_widget(Gauge::default().percent(fill(reached, target)).label(label).gauge_style(style), area);
    }
}

fn month_bars(w: &Watch, lang: Lang, f: &mut Frame<'_>, area: Rect) {
    let title = words::in_out_chart_title(lang);
    let groups: Vec<BarGroup<'_>> = w
        .months
        .iter()
        .map(|m| {
            let label = m.month.get(5..7).unwrap_or_default().to_string();
            let bar = |v: i64, style: Style| {
                Bar::default().value(u64::try_from(v).unwrap_or(0)).text_value(String::new()).style(style)
            };
            BarGroup::default().label(Line::from(label)).bars(&[bar(m.receipts, GOOD), bar(m.payments, WARN)])
        })
        .collect();
    let mut chart = BarChart::default()
        .block(Block::bordered().title(fit(title, usize::from(area.width.saturating_sub(2)))))
        .bar_width(1)
        .bar_gap(0)
        .group_gap(1);
    for g in groups {
        chart = chart.data(g);
    }
    f.render_widget(chart, area);
}
