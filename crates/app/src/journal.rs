//! `report journal`: nhật ký chứng từ — every voucher of the period with its postings,
//! the accounts in words (Tiền mặt, Thành viên TV0004 — name…), the insured person named
//! on each insurance posting, Nợ and Có columns with page totals carried forward and a
//! grand total where Nợ = Có. The CSV streams row by row in bounded memory.

use std::collections::HashMap;

use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::ledger::{Account, Kind};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Paging, Table};
use hunvon_report::{Format, render_document, safe_cell};
use hunvon_store::pools::Pool;
use hunvon_store::queries::TxnRow;

use super::App;
use super::describe;
use super::printing::Signers;
use super::reports::Period;

fn csv_err(e: csv::Error) -> Error {
    Error::Csv(e)
}

/// An account in words, as an auditor reads it.
pub fn account_words(account: &Account, names: &HashMap<String, String>, lang: Lang) -> String {
    match account {
        Account::Cash => lang.pick("Tiền mặt", "Cash").into(),
        Account::Bank => lang.pick("Tiền gửi ngân hàng", "Bank").into(),
        Account::FundCommon => lang.pick("Quỹ chung", "Common fund").into(),
        Account::FundOpening => lang.pick("Nguồn vốn đầu kỳ", "Opening funds").into(),
        Account::FundPending => lang.pick("Chênh lệch kiểm kê chờ xử lý", "Count difference pending").into(),
        Account::Member(code) => match names.get(code) {
            Some(name) => format!("{} {code} — {name}", lang.pick("Thành viên", "Member")),
            None => format!("{} {code}", lang.pick("Thành viên", "Member")),
        },
    }
}

/// The insured persons of each purchase (and of each purchase reversed) in the period,
/// in posting order: the insurance postings of a voucher follow its coverage rows.
type Insured = HashMap<i64, Vec<String>>;

/// The words of each posting of `t`: the account, and on an insurance posting whom it
/// bought cover for.
fn posting_words(t: &TxnRow, names: &HashMap<String, String>, insured: &Insured, lang: Lang) -> Vec<String> {
    let purchase =
        t.kind.is_purchase() || (t.kind == Kind::Reversal && t.reverses_id.is_some_and(|r| insured.contains_key(&r)));
    let persons = insured.get(&t.id).or_else(|| t.reverses_id.and_then(|r| insured.get(&r)));
    let mut k = 0;
    t.postings
        .iter()
        .map(|(a, _)| {
            let mut words = account_words(a, names, lang);
            if purchase && !matches!(a, Account::Cash | Account::Bank) {
                if let Some(who) = persons.and_then(|p| p.get(k)) {
                    words = format!("{words} · {} {who}", lang.pick("bảo hiểm cho", "insurance for"));
                }
                k += 1;
            }
            words
        })
        .collect()
}

impl App {
    /// The journal as CSV (one row per posting), streamed to `out` as the vouchers are
    /// read: memory stays flat however long the book is. With several pools in scope a
    /// `pool` column comes first.
    pub fn write_journal_csv(&self, period: Period, out: &mut dyn std::io::Write) -> Result<()> {
        let pools = self.report_pools()?;
        let several = pools.len() > 1;
        let mut w = csv::WriterBuilder::new().from_writer(out);
        let mut header = if several { vec!["pool"] } else { Vec::new() };
        header.extend(["voucher", "date", "kind", "note", "reverses", "account", "amount"]);
        w.write_record(&header).map_err(csv_err)?;
        for pool in &pools {
            self.store.each_txn(pool.id, period.from, period.to, |t| {
                for (account, amount) in &t.postings {
                    let date = format_iso(t.date);
                    let note = safe_cell(&t.note);
                    let name = account.name();
                    let amount = amount.0.to_string();
                    let mut rec: Vec<&str> = Vec::with_capacity(8);
                    if several {
                        rec.push(&pool.code);
                    }
                    rec.extend([
                        t.voucher.as_str(),
                        &date,
                        t.kind.code(),
                        &note,
                        t.reverses.as_deref().unwrap_or(""),
                        &name,
                        &amount,
                    ]);
                    w.write_record(&rec).map_err(csv_err)?;
                }
                Ok(())
            })?;
        }
        w.flush().map_err(|e| Error::Csv(e.into()))
    }

    /// `report journal` for every pool in scope.
    pub fn report_journal(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        let pools = self.report_pools()?;
        let several = pools.len() > 1;
        match format {
            Format::Csv => {
                let mut bytes = Vec::new();
                self.write_journal_csv(period, &mut bytes)?;
                Ok(bytes)
            }
            Format::Json => {
                let mut sections = Vec::new();
                let (mut all_vouchers, mut all_debits) = (0usize, 0i64);
                for pool in &pools {
                    let mut vouchers = Vec::new();
                    let mut debits = 0i64;
                    self.store.each_txn(pool.id, period.from, period.to, |t| {
                        debits += t.postings.iter().map(|(_, d)| d.0).filter(|d| *d > 0).sum::<i64>();
                        vouchers.push(json!({
                            "voucher": t.voucher, "date": format_iso(t.date), "kind": t.kind.code(),
                            "person": t.person_code, "note": t.note, "receipt_no": t.receipt_no,
                            "bank_ref": t.bank_ref, "reverses": t.reverses, "reversed_by": t.reversed_by, "hash": t.hash,
                            "postings": t.postings.iter().map(|(a, d)| json!({"account": a.name(), "amount": d.0})).collect::<Vec<_>>(),
                        }));
                        Ok(())
                    })?;
                    all_vouchers += vouchers.len();
                    all_debits += debits;
                    sections.push(json!({"pool": pool.code, "from": period.from.map(format_iso),
                        "to": period.to.map(format_iso), "vouchers": vouchers, "total_debit": debits, "total_credit": debits}));
                }
                let value = if several {
                    json!({"pools": sections, "district": {"vouchers": all_vouchers, "total_debit": all_debits,
                        "total_credit": all_debits}})
                } else {
                    sections.into_iter().next().unwrap_or_default()
                };
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let mut doc = Document::new(self.lang);
                let mut totals = Vec::new();
                for pool in &pools {
                    let (d, total) = self.journal_document(pool, period)?;
                    doc.append(d);
                    totals.push((pool.clone(), total));
                }
                if several {
                    doc.append(self.district_journal(&totals, period)?);
                }
                render_document(&doc, format)
            }
        }
    }

    /// One pool's journal as a paper, and its grand total (Nợ = Có).
    fn journal_document(&self, pool: &Pool, period: Period) -> Result<(Document, i64)> {
        let lang = self.lang;
        let mut doc = self.paper_frame(pool, lang.pick("NHẬT KÝ CHỨNG TỪ", "JOURNAL"), None, Some(period), &[])?;
        let names = self.store.person_names(pool.id)?;
        let insured = self.store.insured_in_period(pool.id, period.from, period.to)?;
        let mut table = Table::new(vec![
            Column::left(lang.pick("Ngày", "Date"), 10),
            Column::left(lang.pick("Số chứng từ", "Voucher"), 12),
            Column::wrap(lang.pick("Diễn giải", "Description"), 4),
            Column::wrap(lang.pick("Tài khoản", "Account"), 5),
            Column::money(lang.pick("Nợ", "Debit"), 12, true),
            Column::money(lang.pick("Có", "Credit"), 12, true),
        ]);
        table.label_col = 2;
        table.paging = Paging::Carry {
            page: lang.pick("Cộng trang", "Page total").into(),
            to_next: lang.pick("Số chuyển sang trang sau", "Carried to next page").into(),
            from_prev: lang.pick("Số trang trước chuyển sang", "Brought forward").into(),
        };
        let mut total = 0i64;
        // A reversal dated after the period is not on the paper signed for it (SPEC §8).
        let end = period.to.unwrap_or(self.clock.today);
        self.store.each_txn(pool.id, period.from, period.to, |t| {
            let mut what = describe::purpose(&t, lang);
            if let Some(by) = t.reversed_by_on(end) {
                what = format!("{what} ({} {by})", lang.pick("đã hủy bởi", "reversed by"));
            }
            let words = posting_words(&t, &names, &insured, lang);
            table.start_group();
            for (k, ((_, amount), account)) in t.postings.iter().zip(words).enumerate() {
                let (debit, credit) = if amount.0 > 0 {
                    (Cell::money(amount.0), Cell::empty())
                } else {
                    (Cell::empty(), Cell::money(-amount.0))
                };
                total += amount.0.max(0);
                let (date, voucher, purpose) = if k == 0 {
                    (Cell::date(t.date), Cell::text(t.voucher.clone()), Cell::text(std::mem::take(&mut what)))
                } else {
                    (Cell::empty(), Cell::empty(), Cell::empty())
                };
                table.row(vec![date, voucher, purpose, Cell::text(account), debit, credit]);
            }
            Ok(())
        })?;
        table.totals.push(vec![
            Cell::empty(),
            Cell::empty(),
            Cell::text(lang.pick("Tổng cộng", "Grand total")),
            Cell::empty(),
            Cell::money(total),
            Cell::money(total),
        ]);
        doc.push(Block::Table(table));
        self.sign(&mut doc, pool, Signers::List)?;
        Ok((doc, total))
    }

    fn district_journal(&self, totals: &[(Pool, i64)], period: Period) -> Result<Document> {
        let lang = self.lang;
        let mut doc = self.district_paper(
            lang.pick("NHẬT KÝ CHỨNG TỪ TOÀN HUYỆN", "DISTRICT JOURNAL"),
            period,
            totals.iter().map(|(p, _)| p),
        )?;
        let mut t = Table::new(vec![
            Column::left(lang.pick("Quỹ", "Pool"), 8),
            Column::wrap(lang.pick("Tên quỹ", "Name"), 5),
            Column::money(lang.pick("Nợ", "Debit"), 12, true),
            Column::money(lang.pick("Có", "Credit"), 12, true),
        ]);
        for (p, total) in totals {
            t.row(vec![
                Cell::text(p.code.clone()),
                Cell::text(p.name.clone()),
                Cell::money(*total),
                Cell::money(*total),
            ]);
        }
        let all: i64 = totals.iter().map(|(_, t)| t).sum();
        t.totals.push(vec![Cell::text(lang.pick("Cộng", "Total")), Cell::empty(), Cell::money(all), Cell::money(all)]);
        doc.push(Block::Table(t));
        self.sign_district(&mut doc);
        Ok(doc)
    }
}
