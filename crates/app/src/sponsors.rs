//! `report sponsors`: the "1+1" table — each member, the people she brought in, and
//! their cover.

use chrono::NaiveDate;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::messages::error::{Error, Result};
use hunvon_report::document::{Block, Cell, Column, Document, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document, safe_cell};

use hunvon_store::pools::Pool;

use super::App;
use super::coverage::{CoverageRow, bhxh_label, bhyt_label};
use super::printing::Signers;
use super::reports::Period;

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
        let as_of = period.to.unwrap_or(self.clock.today);
        let mut sections = Vec::new();
        for pool in self.report_pools()? {
            let groups = self.sponsor_groups_of(&pool, as_of)?;
            sections.push((pool, groups));
        }
        let several = sections.len() > 1;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e);
                let mut header = if several { vec!["pool"] } else { Vec::new() };
                header.extend([
                    "sponsor_code",
                    "sponsor_name",
                    "code",
                    "full_name",
                    "bhyt_to",
                    "bhyt_status",
                    "bhxh_status",
                ]);
                w.write_record(&header).map_err(e)?;
                for (pool, groups) in &sections {
                    for (code, name, rows) in groups {
                        for r in rows {
                            let mut rec = if several { vec![pool.code.clone()] } else { Vec::new() };
                            rec.extend([
                                code.clone(),
                                safe_cell(name),
                                r.code.clone(),
                                safe_cell(&r.full_name),
                                r.bhyt_to.map(format_iso).unwrap_or_default(),
                                r.bhyt_status.code().to_string(),
                                r.bhxh_status.code().to_string(),
                            ]);
                            w.write_record(&rec).map_err(e)?;
                        }
                    }
                }
                csv_bytes(w)
            }
            Format::Json => {
                let one = |pool: &Pool, groups: &[Group]| {
                    json!({
                        "pool": pool.code, "as_of": format_iso(as_of),
                        "sponsors": groups.iter().map(|(code, name, rows)| json!({"code": code, "full_name": name,
                            "brought": rows.iter().map(|r| json!({"code": r.code, "full_name": r.full_name,
                                "bhyt_to": r.bhyt_to.map(format_iso), "bhyt_status": r.bhyt_status.code(),
                                "bhxh_status": r.bhxh_status.code()})).collect::<Vec<_>>()})).collect::<Vec<_>>(),
                        "pairs": groups.iter().map(|g| g.2.len()).sum::<usize>(),
                    })
                };
                let value = if several {
                    json!({
                        "pools": sections.iter().map(|(p, g)| one(p, g)).collect::<Vec<_>>(),
                        "district": {"as_of": format_iso(as_of),
                            "sponsors": sections.iter().map(|(_, g)| g.len()).sum::<usize>(),
                            "pairs": sections.iter().flat_map(|(_, g)| g.iter().map(|x| x.2.len())).sum::<usize>()},
                    })
                } else {
                    sections.first().map(|(p, g)| one(p, g)).unwrap_or_default()
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            _ => {
                let mut doc = Document::new(self.lang);
                for (pool, groups) in &sections {
                    doc.append(self.sponsors_document(pool, groups, period)?);
                }
                if several {
                    doc.append(self.district_sponsors(&sections, period)?);
                }
                render_document(&doc, format)
            }
        }
    }

    fn sponsors_document(&self, pool: &Pool, groups: &[Group], period: Period) -> Result<Document> {
        let lang = self.lang;
        let title = lang.pick(
            "DANH SÁCH \"1+1\": THÀNH VIÊN VÀ NGƯỜI ĐƯỢC GIỚI THIỆU",
            "\"1+1\": MEMBERS AND THE PEOPLE THEY BROUGHT",
        );
        let mut doc = self.paper_frame(pool, title, None, Some(period), &[])?;
        let mut t = Table::new(vec![
            Column::wrap(lang.pick("Thành viên", "Member"), 5),
            Column::wrap(lang.pick("Người được giới thiệu", "Brought in"), 5),
            Column::wrap("BHYT", 2),
            Column::left(lang.pick("Thẻ đến ngày", "Card to"), 10),
            Column::wrap("BHXH", 2),
        ]);
        for (code, name, rows) in groups {
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
            Cell::text(format!("{} {}", groups.len(), lang.pick("thành viên", "members"))),
            Cell::text(format!("{brought} {}", lang.pick("người được giới thiệu", "brought in"))),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
        ]);
        doc.push(Block::Table(t));
        self.sign(&mut doc, pool, Signers::List)?;
        Ok(doc)
    }

    fn district_sponsors(&self, sections: &[(Pool, Vec<Group>)], period: Period) -> Result<Document> {
        let lang = self.lang;
        let mut doc = self.district_paper(
            lang.pick("TỔNG HỢP \"1+1\" TOÀN HUYỆN", "DISTRICT \"1+1\""),
            period,
            sections.iter().map(|(p, _)| p),
        )?;
        let mut t = Table::new(vec![
            Column::left(lang.pick("Quỹ", "Pool"), 8),
            Column::wrap(lang.pick("Tên quỹ", "Name"), 5),
            Column::number(lang.pick("Thành viên giới thiệu", "Sponsors"), 8),
            Column::number(lang.pick("Người được giới thiệu", "Brought in"), 8),
        ]);
        for (p, g) in sections {
            t.row(vec![
                Cell::text(p.code.clone()),
                Cell::text(p.name.clone()),
                Cell::text(g.len().to_string()),
                Cell::text(g.iter().map(|x| x.2.len()).sum::<usize>().to_string()),
            ]);
        }
        t.totals.push(vec![
            Cell::text(lang.pick("Cộng", "Total")),
            Cell::empty(),
            Cell::text(sections.iter().map(|(_, g)| g.len()).sum::<usize>().to_string()),
            Cell::text(sections.iter().flat_map(|(_, g)| g.iter().map(|x| x.2.len())).sum::<usize>().to_string()),
        ]);
        doc.push(Block::Table(t));
        self.sign_district(&mut doc);
        Ok(doc)
    }
}
