//! `report cashbook`: sổ quỹ tiền mặt (form S07 style, docs/quy-dinh.md §6) — the opening
//! balance, one line per voucher with the running balance (Tồn), period totals, the
//! closing balance; page totals and the "Sổ này có … trang" footer when printed.
//! `--method bank` gives the bank book (sổ tiền gửi).

use chrono::{Duration, NaiveDate};
use serde_json::json;

use crate::date::{format_iso, format_vn};
use crate::error::{Error, Result};
use crate::ledger::{Kind, Method};
use crate::money::Dong;
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::{Format, csv_bytes, csv_writer, render_document, safe_cell};

use super::App;
use super::describe;
use super::reports::Period;

/// One line of the book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashLine {
    pub date: NaiveDate,
    pub entered: String,
    pub voucher: String,
    pub incoming: bool,
    pub purpose: String,
    pub amount: Dong,
    pub balance: Dong,
    pub note: String,
}

/// The book for a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CashBook {
    pub method: Method,
    pub opening: Dong,
    pub lines: Vec<CashLine>,
    pub total_in: Dong,
    pub total_out: Dong,
    pub closing: Dong,
}

impl App {
    /// The cash (or bank) book of the chosen pool. Opening vouchers (the books a group
    /// brought with it) make up the opening balance rather than appearing as receipts.
    pub fn cashbook(&self, period: Period, method: Method) -> Result<CashBook> {
        let pool = self.pool()?;
        let account = method.account();
        let before = match period.from {
            Some(f) => self.store.account_balance_on(pool.id, &account, f - Duration::days(1))?,
            None => Dong(0),
        };
        let mut opening = before;
        let mut lines = Vec::new();
        let lang = self.lang;
        let mut rows = Vec::new();
        self.store.each_txn(pool.id, period.from, period.to, |t| {
            let amount: Dong = t.postings.iter().filter(|(a, _)| *a == account).map(|(_, d)| *d).sum();
            if amount.is_zero() {
                return Ok(());
            }
            if t.kind == Kind::Opening {
                opening += amount;
                return Ok(());
            }
            rows.push((
                t.date,
                t.entered_at.clone(),
                t.voucher.clone(),
                describe::purpose(&t, lang),
                amount,
                t.note.clone(),
            ));
            Ok(())
        })?;
        let mut balance = opening;
        let (mut total_in, mut total_out) = (Dong(0), Dong(0));
        for (date, entered, voucher, purpose, amount, note) in rows {
            balance += amount;
            let incoming = amount.0 > 0;
            if incoming {
                total_in += amount
            } else {
                total_out += -amount
            }
            lines.push(CashLine {
                date,
                entered,
                voucher,
                incoming,
                purpose,
                amount: if incoming { amount } else { -amount },
                balance,
                note,
            });
        }
        Ok(CashBook { method, opening, closing: opening + total_in - total_out, lines, total_in, total_out })
    }

    /// `report cashbook` in every format.
    pub fn report_cashbook(&self, period: Period, method: Method, format: Format) -> Result<Vec<u8>> {
        let book = self.cashbook(period, method)?;
        let lang = self.lang;
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let e = |e: csv::Error| Error::Csv(e.to_string());
                w.write_record(["date", "voucher", "purpose", "in", "out", "balance"]).map_err(e)?;
                w.write_record(["", "", "opening", "", "", &book.opening.0.to_string()]).map_err(e)?;
                for l in &book.lines {
                    let (i, o) = if l.incoming {
                        (l.amount.0.to_string(), String::new())
                    } else {
                        (String::new(), l.amount.0.to_string())
                    };
                    w.write_record([
                        format_iso(l.date),
                        l.voucher.clone(),
                        safe_cell(&l.purpose),
                        i,
                        o,
                        l.balance.0.to_string(),
                    ])
                    .map_err(e)?;
                }
                w.write_record([
                    "",
                    "",
                    "closing",
                    &book.total_in.0.to_string(),
                    &book.total_out.0.to_string(),
                    &book.closing.0.to_string(),
                ])
                .map_err(e)?;
                csv_bytes(w)
            }
            Format::Json => {
                let v = json!({
                    "pool": self.pool()?.code, "method": method.code(),
                    "from": period.from.map(format_iso), "to": period.to.map(format_iso),
                    "opening": book.opening.0, "total_in": book.total_in.0, "total_out": book.total_out.0, "closing": book.closing.0,
                    "lines": book.lines.iter().map(|l| json!({"date": format_iso(l.date), "voucher": l.voucher,
                        "purpose": l.purpose, "in": if l.incoming { l.amount.0 } else { 0 },
                        "out": if l.incoming { 0 } else { l.amount.0 }, "balance": l.balance.0})).collect::<Vec<_>>(),
                });
                Ok(format!("{v:#}\n").into_bytes())
            }
            _ => {
                let title = match method {
                    Method::Cash => lang.pick("SỔ QUỸ TIỀN MẶT", "CASH BOOK"),
                    Method::Bank => lang.pick("SỔ TIỀN GỬI NGÂN HÀNG", "BANK BOOK"),
                };
                let pool = self.pool()?.clone();
                let mut doc = self.document(&pool, title, period, true)?;
                doc.book_footer = true;
                let mut t = Table {
                    columns: vec![
                        Column::left(lang.pick("Ngày ghi sổ", "Entered"), 11),
                        Column::left(lang.pick("Ngày CT", "Dated"), 11),
                        Column::left(lang.pick("Số hiệu Thu", "In no."), 13),
                        Column::left(lang.pick("Số hiệu Chi", "Out no."), 13),
                        Column::left(lang.pick("Diễn giải", "Purpose"), 25),
                        Column::money(lang.pick("Thu", "In"), 12, true),
                        Column::money(lang.pick("Chi", "Out"), 12, true),
                        Column::money(lang.pick("Tồn", "Balance"), 12, false),
                        Column::left(lang.pick("Ghi chú", "Note"), 6),
                    ],
                    page_total_label: Some(lang.pick("Cộng trang", "Page total").into()),
                    ..Table::default()
                };
                let blank = || Cell::empty();
                t.rows.push(vec![
                    Cell::text(lang.pick("Số tồn quỹ đầu kỳ", "Opening balance")),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    Cell::money(book.opening.0),
                    blank(),
                ]);
                for l in &book.lines {
                    let entered =
                        l.entered.get(..10).and_then(crate::date::parse_date).map(format_vn).unwrap_or_default();
                    let (no_in, no_out) = if l.incoming {
                        (l.voucher.clone(), String::new())
                    } else {
                        (String::new(), l.voucher.clone())
                    };
                    let (a_in, a_out) = if l.incoming {
                        (Cell::money(l.amount.0), blank())
                    } else {
                        (blank(), Cell::money(l.amount.0))
                    };
                    let mut balance_cell = Cell::money(l.balance.0);
                    balance_cell.warn = l.balance.0 < 0;
                    let note =
                        if l.balance.0 < 0 { lang.pick("quỹ âm", "negative").to_string() } else { String::new() };
                    t.rows.push(vec![
                        Cell::text(entered),
                        Cell::text(format_vn(l.date)),
                        Cell::text(no_in),
                        Cell::text(no_out),
                        Cell::text(l.purpose.clone()),
                        a_in,
                        a_out,
                        balance_cell,
                        Cell::text(note),
                    ]);
                }
                t.totals.push(vec![
                    Cell::text(lang.pick("Cộng số phát sinh trong kỳ", "Period totals")),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    Cell::money(book.total_in.0),
                    Cell::money(book.total_out.0),
                    blank(),
                    blank(),
                ]);
                t.totals.push(vec![
                    Cell::text(lang.pick("Số tồn quỹ cuối kỳ", "Closing balance")),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    blank(),
                    Cell::money(book.closing.0),
                    blank(),
                ]);
                doc.blocks.push(Block::Table(t));
                render_document(&doc, format)
            }
        }
    }
}
