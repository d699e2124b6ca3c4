//! `report arrears`: members behind the dues schedule, and people who owe the pool
//! (advances: the pool paid a card before she had saved enough), oldest first.

use chrono::NaiveDate;
use serde_json::json;

use crate::date::{format_iso, format_vn};
use crate::error::{Error, Result};
use crate::money::Dong;
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::{Format, csv_bytes, csv_writer, render_document, safe_cell};
use crate::rules::year_month::YearMonth;
use crate::store::pools::Pool;

use super::App;
use super::reports::Period;

/// One member behind the schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArrearsRow {
    pub code: String,
    pub full_name: String,
    pub joined: NaiveDate,
    pub due: Dong,
    pub paid: Dong,
    pub owed: Dong,
    pub months: i64,
}

/// One person whose balance is below zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdvanceRow {
    pub code: String,
    pub full_name: String,
    pub balance: Dong,
    pub since: Option<NaiveDate>,
}

/// What the dues schedule asks of a member from the month she joined to `to`'s month:
/// each month at the dues in force on its first day.
fn dues_owed(schedule: &[(NaiveDate, Dong)], joined: NaiveDate, to: NaiveDate) -> (Dong, Dong) {
    let mut month = YearMonth::of(joined);
    let last = YearMonth::of(to);
    let mut total = Dong(0);
    let mut current = Dong(0);
    while month <= last {
        let first = NaiveDate::from_ymd_opt(month.year, month.month, 1).unwrap_or(to);
        let at = if YearMonth::of(joined) == month { joined.max(first) } else { first };
        current = schedule.iter().rev().find(|(from, _)| *from <= at.max(first)).map_or(Dong(0), |(_, d)| *d);
        total += current;
        month = month.next();
    }
    (total, current)
}

impl App {
    /// Members behind the dues schedule as of `to`, most months behind first.
    pub fn arrears_rows(&self, pool: &Pool, to: NaiveDate) -> Result<Vec<ArrearsRow>> {
        let schedule = self.store.dues(pool.id)?;
        if schedule.is_empty() {
            return Ok(Vec::new());
        }
        let paid: std::collections::HashMap<i64, Dong> =
            self.store.contributions_by_person(pool.id, to)?.into_iter().collect();
        let mut rows = Vec::new();
        for p in self.store.persons(pool.id)? {
            let Some(joined) = p.joined.filter(|j| *j <= to) else { continue };
            // No dues after the month she left.
            let until = p.left_on.map_or(to, |left| left.min(to));
            let (due, monthly) = dues_owed(&schedule, joined, until);
            let paid = paid.get(&p.id).copied().unwrap_or_default();
            let owed = due - paid;
            if owed.0 > 0 {
                let months = if monthly.0 > 0 { (owed.0 + monthly.0 - 1) / monthly.0 } else { 0 };
                rows.push(ArrearsRow { code: p.code, full_name: p.full_name, joined, due, paid, owed, months });
            }
        }
        rows.sort_by(|a, b| b.months.cmp(&a.months).then(a.code.cmp(&b.code)));
        Ok(rows)
    }

    /// People who owe the pool, the oldest advance first.
    pub fn advance_rows(&self, pool: &Pool, to: NaiveDate) -> Result<Vec<AdvanceRow>> {
        let since: std::collections::HashMap<String, NaiveDate> =
            self.store.first_debits(pool.id)?.into_iter().collect();
        let mut rows: Vec<AdvanceRow> = self
            .store
            .balance_rows(pool.id, None, Some(to))?
            .into_iter()
            .filter(|r| r.balance.0 < 0)
            .map(|r| AdvanceRow {
                since: since.get(&r.code).copied(),
                code: r.code,
                full_name: r.full_name,
                balance: r.balance,
            })
            .collect();
        rows.sort_by(|a, b| a.since.cmp(&b.since).then(a.code.cmp(&b.code)));
        Ok(rows)
    }

    /// `report arrears`.
    pub fn report_arrears(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let pool = self.pool()?.clone();
        let to = period.to.unwrap_or(self.clock.today);
        let arrears = self.arrears_rows(&pool, to)?;
        let advances = self.advance_rows(&pool, to)?;
        let lang = self.lang;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e.to_string());
                w.write_record(["kind", "code", "full_name", "since", "months", "amount"]).map_err(e)?;
                for r in &arrears {
                    w.write_record([
                        "dues",
                        &r.code,
                        &safe_cell(&r.full_name),
                        &format_iso(r.joined),
                        &r.months.to_string(),
                        &r.owed.0.to_string(),
                    ])
                    .map_err(e)?;
                }
                for r in &advances {
                    let since = r.since.map(format_iso).unwrap_or_default();
                    w.write_record([
                        "advance",
                        &r.code,
                        &safe_cell(&r.full_name),
                        &since,
                        "",
                        &(-r.balance.0).to_string(),
                    ])
                    .map_err(e)?;
                }
                csv_bytes(w)
            }
            Format::Json => {
                let v = json!({
                    "pool": pool.code, "as_of": format_iso(to),
                    "dues": arrears.iter().map(|r| json!({"code": r.code, "full_name": r.full_name, "joined": format_iso(r.joined),
                        "due": r.due.0, "paid": r.paid.0, "owed": r.owed.0, "months": r.months})).collect::<Vec<_>>(),
                    "advances": advances.iter().map(|r| json!({"code": r.code, "full_name": r.full_name,
                        "owed": -r.balance.0, "since": r.since.map(format_iso)})).collect::<Vec<_>>(),
                    "total_dues": arrears.iter().map(|r| r.owed.0).sum::<i64>(),
                    "total_advances": advances.iter().map(|r| -r.balance.0).sum::<i64>(),
                });
                Ok(format!("{v:#}\n").into_bytes())
            }
            _ => {
                let mut doc = self.document(
                    &pool,
                    lang.pick("DANH SÁCH NỢ ĐÓNG VÀ TẠM ỨNG", "ARREARS AND ADVANCES"),
                    period,
                    true,
                )?;
                doc.blocks.push(Block::Heading(
                    lang.pick("1. Chậm đóng góp theo mức đóng", "1. Behind the dues schedule").into(),
                ));
                let mut t = Table {
                    columns: vec![
                        Column::left(lang.pick("Mã", "Code"), 9),
                        Column::left(lang.pick("Họ tên", "Name"), 28),
                        Column::left(lang.pick("Vào tổ", "Joined"), 10),
                        Column::money(lang.pick("Phải góp", "Due"), 13, true),
                        Column::money(lang.pick("Đã góp", "Paid"), 13, true),
                        Column::money(lang.pick("Còn thiếu", "Owed"), 13, true),
                        Column::money(lang.pick("Số tháng", "Months"), 8, false),
                    ],
                    page_total_label: Some(lang.pick("Cộng trang", "Page total").into()),
                    ..Table::default()
                };
                for r in &arrears {
                    t.rows.push(vec![
                        Cell::text(r.code.clone()),
                        Cell::text(r.full_name.clone()),
                        Cell::text(format_vn(r.joined)),
                        Cell::money(r.due.0),
                        Cell::money(r.paid.0),
                        Cell::money(r.owed.0),
                        Cell::text(r.months.to_string()),
                    ]);
                }
                let owed: i64 = arrears.iter().map(|r| r.owed.0).sum();
                t.totals.push(vec![
                    Cell::text(lang.pick("Cộng", "Total")),
                    Cell::empty(),
                    Cell::empty(),
                    Cell::empty(),
                    Cell::empty(),
                    Cell::money(owed),
                    Cell::empty(),
                ]);
                doc.blocks.push(Block::Table(t));
                doc.blocks.push(Block::Heading(
                    lang.pick("2. Nợ quỹ (quỹ đã ứng trước)", "2. Owing the pool (advances)").into(),
                ));
                let mut t = Table {
                    columns: vec![
                        Column::left(lang.pick("Mã", "Code"), 9),
                        Column::left(lang.pick("Họ tên", "Name"), 28),
                        Column::left(lang.pick("Ứng từ ngày", "Since"), 12),
                        Column::money(lang.pick("Còn nợ", "Owed"), 14, true),
                    ],
                    ..Table::default()
                };
                for r in &advances {
                    t.rows.push(vec![
                        Cell::text(r.code.clone()),
                        Cell::text(r.full_name.clone()),
                        Cell::text(r.since.map(format_vn).unwrap_or_default()),
                        Cell::money(-r.balance.0),
                    ]);
                }
                let total: i64 = advances.iter().map(|r| -r.balance.0).sum();
                t.totals.push(vec![
                    Cell::text(lang.pick("Cộng", "Total")),
                    Cell::empty(),
                    Cell::empty(),
                    Cell::money(total),
                ]);
                doc.blocks.push(Block::Table(t));
                render_document(&doc, format)
            }
        }
    }
}
