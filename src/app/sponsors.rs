//! `report sponsors`: the "1+1" table — each member, the people she brought in, and
//! their cover.

use chrono::NaiveDate;
use serde_json::json;

use crate::date::{format_iso, format_vn};
use crate::error::{Error, Result};
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::{Format, csv_bytes, csv_writer, render_document, safe_cell};

use super::App;
use super::coverage::{CoverageRow, bhxh_label, bhyt_label};
use super::reports::Period;

impl App {
    /// Sponsors and the people they brought in: (sponsor code, name, [their rows]).
    pub fn sponsor_groups(&self, as_of: NaiveDate) -> Result<Vec<(String, String, Vec<CoverageRow>)>> {
        let pool = self.pool()?;
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

    /// `report sponsors`.
    pub fn report_sponsors(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let as_of = period.to.unwrap_or(self.clock.today);
        let groups = self.sponsor_groups(as_of)?;
        let lang = self.lang;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e.to_string());
                w.write_record([
                    "sponsor_code",
                    "sponsor_name",
                    "code",
                    "full_name",
                    "bhyt_to",
                    "bhyt_status",
                    "bhxh_status",
                ])
                .map_err(e)?;
                for (code, name, rows) in &groups {
                    for r in rows {
                        let to = r.bhyt_to.map(format_iso).unwrap_or_default();
                        w.write_record([
                            code.as_str(),
                            &safe_cell(name),
                            &r.code,
                            &safe_cell(&r.full_name),
                            &to,
                            r.bhyt_status.code(),
                            r.bhxh_status.code(),
                        ])
                        .map_err(e)?;
                    }
                }
                csv_bytes(w)
            }
            Format::Json => {
                let v = json!({
                    "pool": self.pool()?.code, "as_of": format_iso(as_of),
                    "sponsors": groups.iter().map(|(code, name, rows)| json!({"code": code, "full_name": name,
                        "brought": rows.iter().map(|r| json!({"code": r.code, "full_name": r.full_name,
                            "bhyt_to": r.bhyt_to.map(format_iso), "bhyt_status": r.bhyt_status.code(),
                            "bhxh_status": r.bhxh_status.code()})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
                });
                Ok(format!("{v:#}\n").into_bytes())
            }
            _ => {
                let pool = self.pool()?.clone();
                let mut doc = self.document(
                    &pool,
                    lang.pick(
                        "DANH SÁCH \"1+1\": THÀNH VIÊN VÀ NGƯỜI ĐƯỢC GIỚI THIỆU",
                        "\"1+1\": MEMBERS AND THE PEOPLE THEY BROUGHT",
                    ),
                    period,
                    true,
                )?;
                let mut t = Table {
                    columns: vec![
                        Column::left(lang.pick("Thành viên", "Member"), 26),
                        Column::left(lang.pick("Người được giới thiệu", "Brought in"), 26),
                        Column::left("BHYT", 12),
                        Column::left(lang.pick("Thẻ đến", "Card to"), 10),
                        Column::left("BHXH", 10),
                    ],
                    ..Table::default()
                };
                for (code, name, rows) in &groups {
                    for (i, r) in rows.iter().enumerate() {
                        let who = if i == 0 { format!("{code} {name}") } else { String::new() };
                        t.rows.push(vec![
                            Cell::text(who),
                            Cell::text(format!("{} {}", r.code, r.full_name)),
                            Cell::text(bhyt_label(r.bhyt_status, lang)),
                            Cell::text(r.bhyt_to.map(format_vn).unwrap_or_default()),
                            Cell::text(bhxh_label(r.bhxh_status, lang)),
                        ]);
                    }
                }
                let brought: usize = groups.iter().map(|g| g.2.len()).sum();
                t.totals.push(vec![
                    Cell::text(format!("{} {}", groups.len(), lang.pick("thành viên", "members"))),
                    Cell::text(format!("{brought} {}", lang.pick("người được giới thiệu", "brought in"))),
                    Cell::empty(),
                    Cell::empty(),
                    Cell::empty(),
                ]);
                doc.blocks.push(Block::Table(t));
                render_document(&doc, format)
            }
        }
    }
}
