//! `report balances`: số dư thành viên — per person her balance at the period's start,
//! what she paid in, what was paid out of her account, and her balance at its end, so
//! every row adds across (docs/design.md §6) even when a reversal falls in a later period.

use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::{Error, Result};
use hunvon_report::document::{Block, Cell, Column, Document, Paging, Table};
use hunvon_report::{Format, csv_bytes, csv_writer, render_document, safe_cell};
use hunvon_store::periods::MemberRow;
use hunvon_store::pools::Pool;

use super::App;
use super::printing::Signers;
use super::reports::Period;

fn csv_err(e: csv::Error) -> Error {
    Error::Csv(e)
}

/// The column totals of some rows.
pub fn totals(rows: &[MemberRow]) -> MemberRow {
    MemberRow {
        code: String::new(),
        full_name: String::new(),
        opening: rows.iter().map(|r| r.opening).sum(),
        paid_in: rows.iter().map(|r| r.paid_in).sum(),
        paid_out: rows.iter().map(|r| r.paid_out).sum(),
        balance: rows.iter().map(|r| r.balance).sum(),
    }
}

fn figures_json(r: &MemberRow) -> serde_json::Value {
    json!({"opening": r.opening.0, "paid_in": r.paid_in.0, "paid_out": r.paid_out.0, "balance": r.balance.0})
}

impl App {
    /// `report balances` for every pool in scope.
    pub fn report_balances(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let mut sections = Vec::new();
        for pool in self.report_pools()? {
            let rows = self.store.member_rows(pool.id, period.from, period.to)?;
            sections.push((pool, rows));
        }
        let several = sections.len() > 1;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let mut header = if several { vec!["pool"] } else { Vec::new() };
                header.extend(["code", "full_name", "opening", "paid_in", "paid_out", "balance"]);
                w.write_record(&header).map_err(csv_err)?;
                for (pool, rows) in &sections {
                    for r in rows {
                        let mut rec = if several { vec![pool.code.clone()] } else { Vec::new() };
                        rec.extend([
                            r.code.clone(),
                            safe_cell(&r.full_name),
                            r.opening.0.to_string(),
                            r.paid_in.0.to_string(),
                            r.paid_out.0.to_string(),
                            r.balance.0.to_string(),
                        ]);
                        w.write_record(&rec).map_err(csv_err)?;
                    }
                }
                csv_bytes(w)
            }
            Format::Json => {
                let one = |pool: &Pool, rows: &[MemberRow]| {
                    json!({
                        "pool": pool.code, "name": pool.name,
                        "from": period.from.map(format_iso), "to": period.to.map(format_iso),
                        "rows": rows.iter().map(|r| {
                            let mut v = figures_json(r);
                            v["code"] = json!(r.code);
                            v["full_name"] = json!(r.full_name);
                            v
                        }).collect::<Vec<_>>(),
                        "total": figures_json(&totals(rows)),
                    })
                };
                let value = if several {
                    let all: Vec<MemberRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
                    json!({
                        "pools": sections.iter().map(|(p, r)| one(p, r)).collect::<Vec<_>>(),
                        "district": {"from": period.from.map(format_iso), "to": period.to.map(format_iso),
                            "people": all.len(), "total": figures_json(&totals(&all))},
                    })
                } else {
                    sections.first().map(|(p, r)| one(p, r)).unwrap_or_default()
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let mut doc = Document::new(self.lang);
                for (pool, rows) in &sections {
                    doc.append(self.balances_document(pool, rows, period)?);
                }
                if several {
                    doc.append(self.district_balances(&sections, period)?);
                }
                render_document(&doc, format)
            }
        }
    }

    /// The balances of one pool as a paper.
    fn balances_document(&self, pool: &Pool, rows: &[MemberRow], period: Period) -> Result<Document> {
        let lang = self.lang;
        let mut doc =
            self.paper_frame(pool, lang.pick("SỐ DƯ THÀNH VIÊN", "MEMBER BALANCES"), None, Some(period), &[])?;
        let mut table = Table::new(vec![
            Column::left(lang.pick("Mã", "Code"), 9),
            Column::wrap(lang.pick("Họ và tên", "Name"), 5),
            Column::money(lang.pick("Đầu kỳ", "Opening"), 12, true),
            Column::money(lang.pick("Góp", "Paid in"), 12, true),
            Column::money(lang.pick("Chi", "Paid out"), 12, true),
            Column::money(lang.pick("Cuối kỳ", "Closing"), 12, true),
            Column::wrap(lang.pick("Ghi chú", "Note"), 1),
        ]);
        table.label_col = 1;
        table.paging = Paging::PageTotals(lang.pick("Cộng trang", "Page total").into());
        for r in rows {
            let owes = if r.balance.0 < 0 { lang.pick("nợ quỹ", "owes") } else { "" };
            table.row(vec![
                Cell::text(r.code.clone()),
                Cell::text(r.full_name.clone()),
                Cell::money(r.opening.0),
                Cell::figure(r.paid_in.0),
                Cell::figure(r.paid_out.0),
                Cell::money(r.balance.0),
                Cell::text(owes),
            ]);
        }
        let t = totals(rows);
        table.totals.push(vec![
            Cell::text(lang.pick("Cộng", "Total")),
            Cell::text(format!("{} {}", rows.len(), lang.pick("người", "people"))),
            Cell::money(t.opening.0),
            Cell::figure(t.paid_in.0),
            Cell::figure(t.paid_out.0),
            Cell::money(t.balance.0),
            Cell::empty(),
        ]);
        doc.push(Block::Table(table));
        let owed: Dong = rows.iter().map(|r| r.balance).filter(|b| b.0 < 0).sum();
        if owed.0 < 0 {
            doc.push(Block::Text(format!(
                "{} {}",
                lang.pick("Trong đó thành viên nợ quỹ (quỹ ứng trước):", "Of which owed to the pool (advances):"),
                -owed
            )));
        }
        self.sign(&mut doc, pool, Signers::List)?;
        Ok(doc)
    }

    fn district_balances(&self, sections: &[(Pool, Vec<MemberRow>)], period: Period) -> Result<Document> {
        let lang = self.lang;
        let mut doc = self.district_paper(
            lang.pick("SỐ DƯ THÀNH VIÊN TOÀN HUYỆN", "DISTRICT MEMBER BALANCES"),
            period,
            sections.iter().map(|(p, _)| p),
        )?;
        let mut table = Table::new(vec![
            Column::left(lang.pick("Quỹ", "Pool"), 8),
            Column::number(lang.pick("Số người", "People"), 6),
            Column::money(lang.pick("Đầu kỳ", "Opening"), 12, true),
            Column::money(lang.pick("Góp", "Paid in"), 12, true),
            Column::money(lang.pick("Chi", "Paid out"), 12, true),
            Column::money(lang.pick("Cuối kỳ", "Closing"), 12, true),
        ]);
        let line = |label: String, rows: &[MemberRow], unit: &str| {
            let t = totals(rows);
            vec![
                Cell::text(label),
                Cell::text(format!("{}{unit}", rows.len())),
                Cell::money(t.opening.0),
                Cell::money(t.paid_in.0),
                Cell::money(t.paid_out.0),
                Cell::money(t.balance.0),
            ]
        };
        for (p, rows) in sections {
            table.row(line(p.code.clone(), rows, ""));
        }
        let all: Vec<MemberRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
        table.totals.push(line(lang.pick("Cộng", "Total").into(), &all, lang.pick(" người", " people")));
        doc.push(Block::Table(table));
        self.sign_district(&mut doc);
        Ok(doc)
    }
}
