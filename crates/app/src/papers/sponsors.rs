//! `report sponsors`: the "1+1" table — each member, the people she brought in, and
//! their cover.

use crate::words;
use chrono::NaiveDate;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::messages::error::Result;
use hunvon_report::document::{Block, Cell, Column, Document, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::coverage::{CoverageRow, bhxh_label, bhyt_label};
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

/// A sponsor (code, name) and the people she brought in, with their cover.
pub type Group = (String, String, Vec<CoverageRow>);

impl App {
    /// Sponsors and the people they brought in: (sponsor code, name, [their rows]).
    pub fn sponsor_groups(&self, as_of: NaiveDate) -> Result<Vec<(String, String, Vec<CoverageRow>)>> {
        let pool = self.pool()?.clone();
        self.sponsor_groups_of(&pool, as_of)
    }

    /// The same for a given pool.
    pub fn sponsor_groups_of(&self, pool: &Pool, as_of: NaiveDate) -> Result<Vec<Group>> {
        let persons = self.store.persons(pool.id)?;
        let cover: std::collections::HashMap<String, CoverageRow> =
            self.coverage_rows_of(pool.id, as_of)?.into_iter().map(|r| (r.code.clone(), r)).collect();
        let mut groups: Vec<(String, String, Vec<CoverageRow>)> = Vec::new();
        for sponsor in &persons {
            let brought: Vec<CoverageRow> = persons
                .iter()
                .filter(|p| p.sponsor_id == Some(sponsor.id))
                .filter_map(|p| cover.get(&p.code).cloned())
                .collect();
            if !brought.is_empty() {
                groups.push((sponsor.code.clone(), sponsor.full_name.clone(), brought));
            }
        }
        Ok(groups)
    }

    /// `report sponsors`, for every pool in scope.
    pub fn report_sponsors(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&SponsorsPaper { period }, format)
    }
}

/// `report sponsors` as a paper: the "1+1" pairs on the period's last day.
pub struct SponsorsPaper {
    pub period: Period,
}

impl Paper for SponsorsPaper {
    type Section = Vec<Group>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<Group>> {
        app.sponsor_groups_of(pool, self.period.to.unwrap_or(app.clock.today))
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["sponsor_code", "sponsor_name", "code", "full_name", "bhyt_to", "bhyt_status", "bhxh_status"]
    }

    fn csv(&self, _: &App, _: &Pool, groups: &Vec<Group>, out: &mut CsvRows) -> Result<()> {
        for (code, name, rows) in groups {
            for r in rows {
                out.row([
                    code.clone(),
                    safe_cell(name),
                    r.code.clone(),
                    safe_cell(&r.full_name),
                    r.bhyt_to.map(format_iso).unwrap_or_default(),
                    r.bhyt_status.code().to_string(),
                    r.bhxh_status.code().to_string(),
                ])?;
            }
        }
        Ok(())
    }

    fn json(&self, app: &App, pool: &Pool, groups: &mut Vec<Group>) -> Result<serde_json::Value> {
        Ok(json!({
            "pool": pool.code, "as_of": format_iso(self.period.to.unwrap_or(app.clock.today)),
            "sponsors": groups.iter().map(|(code, name, rows)| json!({"code": code, "full_name": name,
                "brought": rows.iter().map(|r| json!({"code": r.code, "full_name": r.full_name,
                    "bhyt_to": r.bhyt_to.map(format_iso), "bhyt_status": r.bhyt_status.code(),
                    "bhxh_status": r.bhxh_status.code()})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
            "pairs": groups.iter().map(|g| g.2.len()).sum::<usize>(),
        }))
    }

    fn district_json(&self, app: &App, sections: &[(Pool, Vec<Group>)]) -> Option<serde_json::Value> {
        Some(json!({"as_of": format_iso(self.period.to.unwrap_or(app.clock.today)),
            "sponsors": sections.iter().map(|(_, g)| g.len()).sum::<usize>(),
            "pairs": sections.iter().flat_map(|(_, g)| g.iter().map(|x| x.2.len())).sum::<usize>()}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::n_1_1_members_and_the(app.lang);
        Ok(Frame { title, period: Some(self.period), ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, groups: &mut Vec<Group>, doc: &mut Document) -> Result<()> {
        let lang = app.lang;
        let mut t = Table::new(vec![
            Column::wrap(words::member(lang), 5),
            Column::wrap(words::brought_in(lang), 5),
            Column::wrap("BHYT", 2),
            Column::left(words::card_to(lang), 10),
            Column::wrap("BHXH", 2),
        ]);
        for (code, name, rows) in groups.iter() {
            for (i, r) in rows.iter().enumerate() {
                let who = if i == 0 { format!("{code} {name}") } else { String::new() };
                t.row(vec![
                    Cell::text(who),
                    Cell::text(format!("{} {}", r.code, r.full_name)),
                    Cell::text(bhyt_label(r.bhyt_status, lang)),
                    r.bhyt_to.map(Cell::date).unwrap_or_default(),
                    Cell::text(bhxh_label(r.bhxh_status, lang)),
                ]);
            }
        }
        let brought: usize = groups.iter().map(|g| g.2.len()).sum();
        t.totals.push(vec![
            Cell::text(format!("{} {}", groups.len(), words::members_lower(lang))),
            Cell::text(format!("{brought} {}", words::brought_in_lower(lang))),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ]);
        doc.push(Block::Table(t));
        Ok(())
    }

    fn district(&self, app: &App, sections: &[(Pool, Vec<Group>)]) -> Result<Option<District<'_>>> {
        let lang = app.lang;
        let columns = vec![Column::number(words::sponsors(lang), 8), Column::number(words::brought_in(lang), 8)];
        let brought = |g: &[Group]| g.iter().map(|x| x.2.len()).sum::<usize>();
        let line = |g: &Vec<Group>| vec![Cell::text(g.len().to_string()), Cell::text(brought(g).to_string())];
        let total = vec![
            Cell::empty(),
            Cell::text(sections.iter().map(|(_, g)| g.len()).sum::<usize>().to_string()),
            Cell::text(sections.iter().map(|(_, g)| brought(g)).sum::<usize>().to_string()),
        ];
        let t = district_table(lang, true, columns, sections, line, total);
        let title = words::district_1_1(lang);
        Ok(Some(District { title, period: self.period, body: vec![Block::Table(t)] }))
    }
}
