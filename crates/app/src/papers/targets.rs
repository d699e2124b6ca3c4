//! The year's plan (`hunvon target set`, `hunvon report targets`, SPEC §10): how many
//! people have BHYT on the day (any source) and what share of the members, how many take
//! part in BHXH and how many joined it this year, how many members brought someone in
//! ("1+1"), each against the year's target with the percentage reached.

use crate::words;
use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::domain::input;
use hunvon_core::ledger::record::TargetRecord;
use hunvon_core::messages::error::{Error, Expected, OutreachError, Result};
use hunvon_core::rules::bhxh::BhxhStatus;
use hunvon_core::rules::bhyt::BhytStatus;
use hunvon_report::document::{Block, Cell, Column, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document};
use hunvon_store::people::Person;
use hunvon_store::pools::Pool;
use hunvon_store::targets::Target;

use crate::App;
use crate::papers::printing::Signers;

/// What `target set` was given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetInput {
    pub year: String,
    pub bhyt: String,
    pub bhxh: String,
    pub new_bhxh: Option<String>,
}

/// One pool's figures on a day against its year's target.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TargetRow {
    pub pool: String,
    pub members: i64,
    pub members_covered: i64,
    pub bhyt_covered: i64,
    pub bhxh_participants: i64,
    pub new_bhxh: i64,
    pub one_plus_one: i64,
    pub target: Option<Target>,
}

impl TargetRow {
    /// The sum of several pools' rows (the district's total); targets add up too.
    fn total(rows: &[TargetRow], label: &str) -> TargetRow {
        let mut t = TargetRow { pool: label.to_string(), ..TargetRow::default() };
        let mut target = Target::default();
        let mut any = false;
        for r in rows {
            t.members += r.members;
            t.members_covered += r.members_covered;
            t.bhyt_covered += r.bhyt_covered;
            t.bhxh_participants += r.bhxh_participants;
            t.new_bhxh += r.new_bhxh;
            t.one_plus_one += r.one_plus_one;
            if let Some(x) = r.target {
                any = true;
                target.bhyt += x.bhyt;
                target.bhxh += x.bhxh;
                target.new_bhxh = match (target.new_bhxh, x.new_bhxh) {
                    (None, None) => None,
                    (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
                };
            }
        }
        t.target = any.then_some(target);
        t
    }
}

/// `part ÷ whole` to four places (0.8132); `None` when there is no whole.
pub fn share(part: i64, whole: Option<i64>) -> Option<Decimal> {
    let whole = whole.filter(|w| *w > 0)?;
    Some((Decimal::from(part) / Decimal::from(whole)).round_dp(4))
}

/// `81,32 %` as people read a share; empty without one.
pub fn percent_text(s: Option<Decimal>) -> String {
    s.map(|d| format!("{} %", (d * Decimal::from(100)).round_dp(2).to_string().replace('.', ","))).unwrap_or_default()
}

fn count_arg(field: &str, value: &str) -> Result<i64> {
    value.trim().replace('.', "").parse::<i64>().ok().filter(|n| (0..=10_000_000).contains(n)).ok_or_else(|| {
        Error::BadValue {
            field: field.into(),
            value: value.into(),
            expected: Expected::Format(&["0, 1, 2, … (số người)"]),
        }
    })
}

impl App {
    /// Sets the year's target of the chosen pool; in a district book, of a collected chapter
    /// (a record of the district's own chain that overrides the chapter's own).
    pub fn set_target(&mut self, given: &TargetInput) -> Result<String> {
        self.store.ensure_writable()?;
        let pool = self.pool()?.clone();
        let year = given.year.trim().parse::<i32>().ok().filter(|y| (2000..=2100).contains(y)).ok_or_else(|| {
            Error::BadValue {
                field: "--year".into(),
                value: given.year.clone(),
                expected: Expected::Format(&["2000 … 2100"]),
            }
        })?;
        let mut record = TargetRecord {
            pool: pool.code.clone(),
            book_id: None,
            year,
            bhyt: count_arg("--bhyt", &given.bhyt)?,
            bhxh: count_arg("--bhxh", &given.bhxh)?,
            new_bhxh: input::optional(given.new_bhxh.as_deref(), |s| count_arg("--new-bhxh", s))?,
            entered_at: self.clock.now.clone(),
        };
        let collected = self.store.collected_pools()?.into_iter().find(|c| c.pool_id == pool.id);
        match collected {
            Some(c) if c.archived_at.is_none() => {
                record.pool = c.origin_code.clone();
                record.book_id = Some(c.book_id.clone());
                let pos = self.store.record_district_target(pool.id, &record)?;
                Ok(format!("#{pos}"))
            }
            Some(_) => Err(OutreachError::NotAChapter { pool: pool.code }.into()),
            None => Ok(format!("#{}", self.store.record_target(pool.id, &record)?)),
        }
    }

    /// One pool's figures on `as_of` against the target of `year`: one pass over the cover
    /// in force (as the counts of the summary), not every person's coverage rows.
    pub fn target_row(&self, pool: &Pool, year: i32, as_of: NaiveDate) -> Result<TargetRow> {
        let cover = self.cover_by_person(pool.id, as_of)?;
        self.target_row_from(pool, year, as_of, &cover, &self.store.persons(pool.id)?)
    }

    /// `target_row` from each person's cover on `as_of` and the pool's persons, already
    /// read (the TUI's overview reads them once for its lists too).
    pub(crate) fn target_row_from(
        &self,
        pool: &Pool,
        year: i32,
        as_of: NaiveDate,
        cover: &crate::papers::cover_tally::CoverByPerson,
        persons: &[Person],
    ) -> Result<TargetRow> {
        let in_force =
            |id: i64| cover.get(&id).is_some_and(|c| matches!(c.bhyt, BhytStatus::Covered | BhytStatus::Expiring));
        let members: Vec<_> =
            persons.iter().filter(|p| p.joined.is_some_and(|j| j <= as_of) && p.is_member_on(as_of)).collect();
        let member_ids: HashSet<i64> = members.iter().map(|p| p.id).collect();
        let sponsors: HashSet<i64> =
            persons.iter().filter_map(|p| p.sponsor_id).filter(|s| member_ids.contains(s)).collect();
        Ok(TargetRow {
            pool: pool.code.clone(),
            members: members.len() as i64,
            members_covered: members.iter().filter(|p| in_force(p.id)).count() as i64,
            bhyt_covered: cover.keys().filter(|id| in_force(**id)).count() as i64,
            bhxh_participants: cover.values().filter(|c| c.bhxh == BhxhStatus::Current).count() as i64,
            new_bhxh: cover.values().filter(|c| c.first_bhxh.is_some_and(|m| m.year == year)).count() as i64,
            one_plus_one: sponsors.len() as i64,
            target: self.store.target(pool.id, year)?,
        })
    }

    /// The day `report targets` counts on: `--as-of`, else today, or the year's last day
    /// for a year already past.
    pub fn targets_day(&self, year: Option<i32>, as_of: Option<NaiveDate>) -> (i32, NaiveDate) {
        let today = self.clock.today;
        let year = year.or(as_of.map(|d| d.year())).unwrap_or(today.year());
        let end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(today);
        (year, as_of.unwrap_or(if end < today { end } else { today }))
    }

    /// `hunvon report targets` in every format.
    pub fn report_targets(&self, year: i32, as_of: NaiveDate, format: Format) -> Result<Vec<u8>> {
        let lang = self.lang;
        let pools = self.report_pools()?;
        let rows = pools.iter().map(|p| self.target_row(p, year, as_of)).collect::<Result<Vec<_>>>()?;
        let several = rows.len() > 1;
        let total = TargetRow::total(&rows, words::total(lang));
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e);
                w.write_record(CSV_KEYS).map_err(e)?;
                for r in &rows {
                    w.write_record(csv_line(r, year, as_of)).map_err(e)?;
                }
                csv_bytes(w)
            }
            Format::Json => {
                let mut value = json!({
                    "year": year, "as_of": format_iso(as_of),
                    "pools": rows.iter().map(json_row).collect::<Vec<_>>(),
                });
                if several {
                    value["district"] = json_row(&total);
                }
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let title = words::bhyt_and_bhxh_against_the(lang);
                let lines = [words::year_as_of(lang, year, format_vn(as_of))];
                let mut doc = match pools.as_slice() {
                    [only] => self.paper_frame(only, title, None, None, &lines)?,
                    _ => {
                        let period = crate::papers::reports::Period { from: None, to: Some(as_of) };
                        self.district_paper(title, period, pools.iter())?
                    }
                };
                doc.push(Block::Table(self.targets_table(&rows, several.then_some(&total))));
                doc.blocks.extend(crate::papers::target_bars::plan_bars(&rows, lang));
                if let [only] = pools.as_slice() {
                    self.sign(&mut doc, only, Signers::List)?;
                }
                render_document(&doc, format)
            }
        }
    }

    fn targets_table(&self, rows: &[TargetRow], total: Option<&TargetRow>) -> Table {
        let lang = self.lang;
        let mut t = Table::new(vec![
            Column::left(words::pool(lang), 3),
            Column::wrap(words::measure(lang), 12),
            Column::number(words::target(lang), 6),
            Column::number(words::reached(lang), 6),
            Column::number(words::share(lang), 6),
        ]);
        let add = |r: &TargetRow, out: &mut Table, is_total: bool| {
            let target = r.target;
            let measures: [(&str, Option<i64>, i64); 5] = [
                (words::members_with_bhyt(lang), Some(r.members), r.members_covered),
                (words::people_with_bhyt(lang), target.map(|t| t.bhyt), r.bhyt_covered),
                (words::bhxh_participants_people(lang), target.map(|t| t.bhxh), r.bhxh_participants),
                (words::new_bhxh_this_year(lang), target.and_then(|t| t.new_bhxh), r.new_bhxh),
                (words::n_1_1_members(lang), None, r.one_plus_one),
            ];
            for (i, (label, plan, reached)) in measures.into_iter().enumerate() {
                let cells = vec![
                    Cell::text(if i == 0 { r.pool.clone() } else { String::new() }),
                    Cell::text(label),
                    plan.map(Cell::figure).unwrap_or_default(),
                    Cell::figure(reached),
                    Cell::text(percent_text(share(reached, plan))),
                ];
                if is_total { out.totals.push(cells) } else { out.row(cells) }
            }
        };
        for r in rows {
            add(r, &mut t, false);
        }
        if let Some(total) = total {
            add(total, &mut t, true);
        }
        t
    }
}

/// The CSV header of `report targets` (SPEC §10).
pub const CSV_KEYS: &[&str] = &[
    "pool",
    "year",
    "as_of",
    "members",
    "members_covered",
    "members_share",
    "bhyt_target",
    "bhyt_covered",
    "bhyt_share",
    "bhxh_target",
    "bhxh_participants",
    "bhxh_share",
    "new_bhxh_target",
    "new_bhxh",
    "one_plus_one",
];

fn csv_line(r: &TargetRow, year: i32, as_of: NaiveDate) -> Vec<String> {
    let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
    let dec = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    let t = r.target;
    vec![
        r.pool.clone(),
        year.to_string(),
        format_iso(as_of),
        r.members.to_string(),
        r.members_covered.to_string(),
        dec(share(r.members_covered, Some(r.members))),
        opt(t.map(|t| t.bhyt)),
        r.bhyt_covered.to_string(),
        dec(share(r.bhyt_covered, t.map(|t| t.bhyt))),
        opt(t.map(|t| t.bhxh)),
        r.bhxh_participants.to_string(),
        dec(share(r.bhxh_participants, t.map(|t| t.bhxh))),
        opt(t.and_then(|t| t.new_bhxh)),
        r.new_bhxh.to_string(),
        r.one_plus_one.to_string(),
    ]
}

fn json_row(r: &TargetRow) -> serde_json::Value {
    let t = r.target;
    let dec = |d: Option<Decimal>| d.map(|d| d.to_string());
    json!({
        "pool": r.pool, "members": r.members, "members_covered": r.members_covered,
        "members_share": dec(share(r.members_covered, Some(r.members))),
        "bhyt_target": t.map(|t| t.bhyt), "bhyt_covered": r.bhyt_covered,
        "bhyt_share": dec(share(r.bhyt_covered, t.map(|t| t.bhyt))),
        "bhxh_target": t.map(|t| t.bhxh), "bhxh_participants": r.bhxh_participants,
        "bhxh_share": dec(share(r.bhxh_participants, t.map(|t| t.bhxh))),
        "new_bhxh_target": t.and_then(|t| t.new_bhxh), "new_bhxh": r.new_bhxh,
        "one_plus_one": r.one_plus_one, "set_by_district": t.map(|t| t.by_district),
    })
}
