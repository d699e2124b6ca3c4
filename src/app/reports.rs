//! `report balances` and `report journal`: rows from the store, rendered as CSV, JSON
//! or a printable document (text, HTML, PDF).

use chrono::NaiveDate;
use serde_json::json;

use crate::date::{format_iso, format_vn};
use crate::error::{Bound, Error, Result};
use crate::money::Dong;
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::{Format, csv_bytes, csv_writer, render_document, safe_cell};
use crate::store::pools::Pool;
use crate::store::queries::BalanceRow;
use crate::warning::Warning;

use super::App;
use super::describe;

fn csv_err(e: csv::Error) -> Error {
    Error::Csv(e.to_string())
}

/// A period as asked: `--from`, `--to`, or `--as-of` (the same as `--to`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The reports that count money: a book holds no vouchers after today, so their period
/// ends today at the latest. Coverage looks ahead (a forecast); sponsors list cover too.
pub const MONEY_REPORTS: &[&str] = &["summary", "cashbook", "balances", "arrears", "journal"];

impl App {
    /// Reads `--from/--to/--as-of` into a money report's period, ending today at the latest
    /// (a later end is cut silently here; the command line says so through
    /// [`App::report_period`]).
    pub fn period(&self, from: Option<&str>, to: Option<&str>, as_of: Option<&str>) -> Result<Period> {
        Ok(self.report_period("balances", from, to, as_of)?.0)
    }

    /// Reads the period of `report`: `--from` after `--to` is refused naming both; a money
    /// report asked past today is cut to today with a warning; a coverage report asked for
    /// a day ahead is a forecast, said in a warning and on the report itself.
    pub fn report_period(
        &self,
        report: &str,
        from: Option<&str>,
        to: Option<&str>,
        as_of: Option<&str>,
    ) -> Result<(Period, Vec<Warning>)> {
        let today = self.clock.today;
        let from = crate::input::optional(from, |s| crate::input::date("--from", s))?;
        let (field, to) = match (to, as_of) {
            (Some(t), _) => ("--to", crate::input::optional(Some(t), |s| crate::input::date("--to", s))?),
            (None, Some(a)) => ("--as-of", crate::input::optional(Some(a), |s| crate::input::date("--as-of", s))?),
            (None, None) => ("--to", None),
        };
        let mut to = to.unwrap_or(today);
        if let Some(from) = from
            && from > to
        {
            return Err(Bound::PeriodReversed { from, to }.into());
        }
        let mut warnings = Vec::new();
        if to > today {
            if MONEY_REPORTS.contains(&report) {
                warnings.push(Warning::PeriodCut { field: field.into(), date: to, today });
                to = today;
                if let Some(from) = from
                    && from > to
                {
                    return Err(Bound::PeriodReversed { from, to }.into());
                }
            } else if report == "coverage" {
                warnings.push(Warning::Forecast { date: to, today });
            }
        }
        Ok((Period { from, to: Some(to) }, warnings))
    }

    /// `report balances`: per person paid in, paid out and balance, for every pool in scope.
    pub fn report_balances(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let pools = self.pools_in_scope()?;
        let mut sections = Vec::new();
        for pool in &pools {
            sections.push((pool.clone(), self.store.balance_rows(pool.id, period.from, period.to)?));
        }
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let several = sections.len() > 1;
                if several {
                    w.write_record(["pool", "code", "full_name", "paid_in", "paid_out", "balance"]).map_err(csv_err)?;
                } else {
                    w.write_record(["code", "full_name", "paid_in", "paid_out", "balance"]).map_err(csv_err)?;
                }
                for (pool, rows) in &sections {
                    for r in rows {
                        let mut rec = Vec::with_capacity(6);
                        if several {
                            rec.push(pool.code.clone());
                        }
                        rec.extend([
                            r.code.clone(),
                            safe_cell(&r.full_name),
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
                let pools: Vec<_> = sections
                    .iter()
                    .map(|(pool, rows)| {
                        let t = totals(rows);
                        json!({
                            "pool": pool.code, "name": pool.name,
                            "from": period.from.map(format_iso), "to": period.to.map(format_iso),
                            "rows": rows.iter().map(|r| json!({
                                "code": r.code, "full_name": r.full_name,
                                "paid_in": r.paid_in.0, "paid_out": r.paid_out.0, "balance": r.balance.0,
                            })).collect::<Vec<_>>(),
                            "total": {"paid_in": t.paid_in.0, "paid_out": t.paid_out.0, "balance": t.balance.0},
                        })
                    })
                    .collect();
                let value = if pools.len() == 1 {
                    pools.into_iter().next().unwrap_or_default()
                } else {
                    json!({"pools": pools})
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let mut docs = Vec::new();
                for (pool, rows) in &sections {
                    docs.push(self.balances_document(pool, rows, period)?);
                }
                if docs.len() > 1 {
                    let all: Vec<BalanceRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
                    let t = totals(&all);
                    let mut district = docs[0].clone();
                    district.title = self.lang.pick("TỔNG CỘNG TOÀN HUYỆN", "DISTRICT TOTAL").into();
                    district.subtitle = vec![format!("{} {}", sections.len(), self.lang.pick("quỹ", "pools"))];
                    district.blocks = vec![Block::Pairs(vec![
                        (self.lang.pick("Đã góp", "Paid in").into(), t.paid_in.to_string()),
                        (self.lang.pick("Đã chi", "Paid out").into(), t.paid_out.to_string()),
                        (self.lang.pick("Số dư", "Balance").into(), t.balance.to_string()),
                    ])];
                    docs.push(district);
                }
                render_all(&docs, format)
            }
        }
    }

    /// The journal as CSV (one row per posting), streamed to `out` as the vouchers are
    /// read: memory stays flat however long the book is.
    pub fn write_journal_csv(&self, period: Period, out: &mut dyn std::io::Write) -> Result<()> {
        let pool = self.pool()?.clone();
        let mut w = csv::WriterBuilder::new().from_writer(out);
        w.write_record(["voucher", "date", "kind", "note", "reverses", "account", "amount"]).map_err(csv_err)?;
        self.store.each_txn(pool.id, period.from, period.to, |t| {
            for (account, amount) in &t.postings {
                w.write_record([
                    t.voucher.as_str(),
                    &format_iso(t.date),
                    t.kind.code(),
                    &safe_cell(&t.note),
                    t.reverses.as_deref().unwrap_or(""),
                    &account.name(),
                    &amount.0.to_string(),
                ])
                .map_err(csv_err)?;
            }
            Ok(())
        })?;
        w.flush().map_err(|e| Error::Csv(e.to_string()))
    }

    /// `report journal`: every voucher of the period with its postings, reversals linked
    /// both ways.
    pub fn report_journal(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let pool = self.pool()?.clone();
        let lang = self.lang;
        match format {
            Format::Csv => {
                let mut bytes = Vec::new();
                self.write_journal_csv(period, &mut bytes)?;
                Ok(bytes)
            }
            Format::Json => {
                let mut vouchers = Vec::new();
                self.store.each_txn(pool.id, period.from, period.to, |t| {
                    vouchers.push(json!({
                        "voucher": t.voucher, "date": format_iso(t.date), "kind": t.kind.code(),
                        "person": t.person_code, "note": t.note, "receipt_no": t.receipt_no,
                        "reverses": t.reverses, "reversed_by": t.reversed_by, "hash": t.hash,
                        "postings": t.postings.iter().map(|(a, d)| json!({"account": a.name(), "amount": d.0})).collect::<Vec<_>>(),
                    }));
                    Ok(())
                })?;
                let value = json!({"pool": pool.code, "from": period.from.map(format_iso), "to": period.to.map(format_iso), "vouchers": vouchers});
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let mut doc = self.document(&pool, lang.pick("NHẬT KÝ CHỨNG TỪ", "JOURNAL"), period, false)?;
                let mut table = Table {
                    columns: vec![
                        Column::left(lang.pick("Ngày", "Date"), 10),
                        Column::left(lang.pick("Số chứng từ", "Voucher"), 13),
                        Column::left(lang.pick("Diễn giải / tài khoản", "Purpose / account"), 44),
                        Column::money(lang.pick("Nợ", "Debit"), 14, false),
                        Column::money(lang.pick("Có", "Credit"), 14, false),
                    ],
                    ..Table::default()
                };
                self.store.each_txn(pool.id, period.from, period.to, |t| {
                    let mut what = describe::purpose(&t, lang);
                    if let Some(by) = &t.reversed_by {
                        what = format!("{what} ({} {by})", lang.pick("đã hủy bởi", "reversed by"));
                    }
                    table.rows.push(vec![
                        Cell::text(format_vn(t.date)),
                        Cell::text(t.voucher.clone()),
                        Cell::text(what),
                        Cell::empty(),
                        Cell::empty(),
                    ]);
                    for (account, amount) in &t.postings {
                        let (debit, credit) = if amount.0 > 0 {
                            (Cell::money(amount.0), Cell::empty())
                        } else {
                            (Cell::empty(), Cell::money(-amount.0))
                        };
                        table.rows.push(vec![
                            Cell::empty(),
                            Cell::empty(),
                            Cell::text(format!("    {}", account.name())),
                            debit,
                            credit,
                        ]);
                    }
                    Ok(())
                })?;
                doc.blocks.push(Block::Table(table));
                render_document(&doc, format)
            }
        }
    }
}

fn totals(rows: &[BalanceRow]) -> BalanceRow {
    BalanceRow {
        code: String::new(),
        full_name: String::new(),
        paid_in: rows.iter().map(|r| r.paid_in).sum(),
        paid_out: rows.iter().map(|r| r.paid_out).sum(),
        balance: rows.iter().map(|r| r.balance).sum(),
    }
}

/// Several documents in one output: text pages one after the other; HTML and PDF as one
/// document with a section per pool.
fn render_all(docs: &[crate::report::document::Document], format: Format) -> Result<Vec<u8>> {
    if docs.len() == 1 || format == Format::Text {
        let mut out = Vec::new();
        for d in docs {
            out.extend(render_document(d, format)?);
        }
        return Ok(out);
    }
    let mut merged = docs[0].clone();
    for d in &docs[1..] {
        merged.blocks.push(Block::Heading(format!("{} — {}", d.title, d.subtitle.join(" — "))));
        merged.blocks.extend(d.blocks.iter().cloned());
    }
    render_document(&merged, format)
}

impl App {
    /// The balances of one pool as a printable document.
    fn balances_document(
        &self,
        pool: &Pool,
        rows: &[BalanceRow],
        period: Period,
    ) -> Result<crate::report::document::Document> {
        let lang = self.lang;
        let mut doc = self.document(pool, lang.pick("SỐ DƯ THÀNH VIÊN", "MEMBER BALANCES"), period, true)?;
        let mut table = Table {
            columns: vec![
                Column::left(lang.pick("Mã", "Code"), 9),
                Column::left(lang.pick("Họ tên", "Name"), 28),
                Column::money(lang.pick("Đã góp", "Paid in"), 14, true),
                Column::money(lang.pick("Đã chi", "Paid out"), 14, true),
                Column::money(lang.pick("Số dư", "Balance"), 14, true),
                Column::left("", 10),
            ],
            page_total_label: Some(lang.pick("Cộng trang", "Page total").into()),
            ..Table::default()
        };
        for r in rows {
            let owes = if r.balance.0 < 0 { lang.pick("nợ quỹ", "owes") } else { "" };
            table.rows.push(vec![
                Cell::text(r.code.clone()),
                Cell::text(r.full_name.clone()),
                Cell::money(r.paid_in.0),
                Cell::money(r.paid_out.0),
                Cell::money(r.balance.0),
                Cell::text(owes),
            ]);
        }
        let t = totals(rows);
        table.totals.push(vec![
            Cell::text(lang.pick("Cộng", "Total")),
            Cell::text(format!("{} {}", rows.len(), lang.pick("người", "people"))),
            Cell::money(t.paid_in.0),
            Cell::money(t.paid_out.0),
            Cell::money(t.balance.0),
            Cell::empty(),
        ]);
        doc.blocks.push(Block::Table(table));
        let owed: Dong = rows.iter().map(|r| r.balance).filter(|b| b.0 < 0).sum();
        if owed.0 < 0 {
            doc.blocks.push(Block::Text(format!(
                "{} {}",
                lang.pick("Trong đó thành viên nợ quỹ (quỹ ứng trước):", "Of which owed to the pool (advances):"),
                -owed
            )));
        }
        Ok(doc)
    }
}
