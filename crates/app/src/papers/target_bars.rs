//! The pictures of the papers (SPEC §10): the year against its plan, and receipts and
//! payments by month, as bars — on `report targets` (one bar per chapter with `--pool
//! all`) and on the summary's PDF, placed before its signatures.

use crate::words;
use chrono::{Datelike, NaiveDate};

use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{BarLine, Block};
use hunvon_store::month_flows::MonthFlow;

use crate::App;
use crate::papers::printing::month_vn;
use crate::papers::reports::Period;
use crate::papers::summary::Summary;
use crate::papers::targets::{TargetRow, percent_text, share};
use crate::views::watch::{twelve_months, twelve_months_from};

fn bar(label: String, value: i64, scale: Option<i64>, warn: bool) -> BarLine {
    let figure = match scale {
        Some(s) => format!("{value}/{s} · {}", percent_text(share(value, Some(s)))),
        None => value.to_string(),
    };
    BarLine { label, value, scale: scale.unwrap_or(0), figure, warn }
}

/// The plan's bars: each measure of one pool, or with several pools one bar per chapter
/// for BHYT and one for BHXH.
pub fn plan_bars(rows: &[TargetRow], lang: Lang) -> Vec<Block> {
    let mut out = vec![Block::Heading(words::the_year_against_plan_heading(lang).into())];
    match rows {
        [r] => {
            let t = r.target;
            out.push(Block::Bars(vec![
                bar("BHYT".into(), r.bhyt_covered, t.map(|t| t.bhyt), false),
                bar("BHXH".into(), r.bhxh_participants, t.map(|t| t.bhxh), false),
                bar(words::new_bhxh(lang).into(), r.new_bhxh, t.and_then(|t| t.new_bhxh), false),
            ]));
        }
        _ => {
            for (name, pick) in [("BHYT", 0), ("BHXH", 1)] {
                out.push(Block::Text(name.into()));
                out.push(Block::Bars(
                    rows.iter()
                        .map(|r| {
                            let (value, scale) = match pick {
                                0 => (r.bhyt_covered, r.target.map(|t| t.bhyt)),
                                _ => (r.bhxh_participants, r.target.map(|t| t.bhxh)),
                            };
                            bar(r.pool.clone(), value, scale, false)
                        })
                        .collect(),
                ));
            }
        }
    }
    out
}

/// Receipts (green) and payments (red) of each month, scaled to the largest.
pub fn month_bars(flows: &[MonthFlow], lang: Lang) -> Vec<Block> {
    let scale = flows.iter().flat_map(|f| [f.receipts, f.payments]).max().unwrap_or(0);
    let mut bars = Vec::new();
    for f in flows {
        let m = month_vn(&f.month);
        for (what, value, warn) in
            [(words::in_lower(lang), f.receipts, false), (words::out_lower(lang), f.payments, true)]
        {
            bars.push(BarLine { label: format!("{m} {what}"), value, scale, figure: Dong(value).to_string(), warn });
        }
    }
    vec![Block::Heading(words::receipts_and_payments_by_month(lang).into()), Block::Bars(bars)]
}

impl App {
    /// The summary's pictures for one pool: the plan of the period's last year on its last
    /// day, and the months of the period (the last twelve at most). Both from figures the
    /// summary has already read (its cover tally and its walk of the period's postings).
    pub fn summary_pictures(&self, s: &Summary, period: Period) -> Result<Vec<Block>> {
        let to = s.to;
        let row = TargetRow {
            pool: s.pool.code.clone(),
            bhyt_covered: (s.covered + s.expiring) as i64,
            bhxh_participants: s.bhxh_current as i64,
            new_bhxh: s.new_bhxh,
            target: self.store.target(s.pool.id, to.year())?,
            ..TargetRow::default()
        };
        let from = period.from.unwrap_or(NaiveDate::MIN);
        let first = format!("{:04}-{:02}", from.year(), from.month());
        let mut months = s.months.clone();
        // A period from inside a month draws that month whole, as the dashboard does: add
        // the days before it (a short read).
        if let Some(f) = period.from.filter(|f| f.day() != 1 && *f > twelve_months_from(to)) {
            let start = f.with_day(1).unwrap_or(f);
            let before = self.store.month_flows(s.pool.id, start, f - chrono::Duration::days(1))?;
            for b in before {
                match months.iter_mut().find(|m| m.month == b.month) {
                    Some(m) => (m.receipts, m.payments) = (m.receipts + b.receipts, m.payments + b.payments),
                    None => months.insert(0, b),
                }
            }
        }
        let flows: Vec<MonthFlow> = twelve_months(to, &months).into_iter().filter(|f| f.month >= first).collect();
        let mut out = plan_bars(&[row], self.lang);
        out.extend(month_bars(&flows, self.lang));
        Ok(out)
    }
}
