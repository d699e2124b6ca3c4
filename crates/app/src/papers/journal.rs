//! `report journal`: nhật ký chứng từ — every voucher of the period with its postings,
//! the accounts in words (Tiền mặt, Thành viên TV0004 — name…), the insured person named
//! on each insurance posting, Nợ and Có columns with page totals carried forward and a
//! grand total where Nợ = Có. The CSV streams row by row in bounded memory.

use crate::words;
use std::collections::HashMap;

use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::ledger::{Account, Kind};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Paging, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::pools::Pool;
use hunvon_store::queries::TxnRow;

use crate::App;
use crate::papers::describe;
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

/// An account in words, as an auditor reads it.
pub fn account_words(account: &Account, names: &HashMap<String, String>, lang: Lang) -> String {
    match account {
        Account::Cash => words::cash(lang).into(),
        Account::Bank => words::bank_deposits(lang).into(),
        Account::FundCommon => words::common_fund(lang).into(),
        Account::FundOpening => words::opening_funds_source(lang).into(),
        Account::FundPending => words::count_difference_pending(lang).into(),
        Account::Member(code) => match names.get(code) {
            Some(name) => format!("{} {code} — {name}", words::member(lang)),
            None => format!("{} {code}", words::member(lang)),
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
                    words = format!("{words} · {} {who}", words::insurance_for(lang));
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
        self.render_paper_to(&JournalPaper { period }, Format::Csv, out)
    }

    /// `report journal` for every pool in scope.
    pub fn report_journal(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&JournalPaper { period }, format)
    }
}

/// `report journal` as a paper. Its vouchers are read as each format writes them, never
/// held: a pool's section is only its totals, counted on the way for the district's.
pub struct JournalPaper {
    pub period: Period,
}

/// One pool's journal totals: its vouchers and its debits (= its credits).
#[derive(Clone, Copy, Debug, Default)]
pub struct JournalTotals {
    pub vouchers: usize,
    pub debit: i64,
}

impl Paper for JournalPaper {
    type Section = JournalTotals;

    fn read(&self, _: &App, _: &Pool) -> Result<JournalTotals> {
        Ok(JournalTotals::default())
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["voucher", "date", "kind", "note", "reverses", "account", "amount"]
    }

    fn csv(&self, app: &App, pool: &Pool, _: &JournalTotals, out: &mut CsvRows) -> Result<()> {
        Ok(app.store.each_txn(pool.id, self.period.from, self.period.to, |t| {
            for (account, amount) in &t.postings {
                let (date, note) = (format_iso(t.date), safe_cell(&t.note));
                let (name, amount) = (account.name(), amount.0.to_string());
                let reverses = t.reverses.as_deref().unwrap_or("");
                out.row([t.voucher.as_str(), &date, t.kind.code(), &note, reverses, &name, &amount])?;
            }
            Ok(())
        })?)
    }

    fn json(&self, app: &App, pool: &Pool, totals: &mut JournalTotals) -> Result<serde_json::Value> {
        let period = self.period;
        let mut vouchers = Vec::new();
        let mut debits = 0i64;
        app.store.each_txn(pool.id, period.from, period.to, |t| {
            debits += t.postings.iter().map(|(_, d)| d.0).filter(|d| *d > 0).sum::<i64>();
            vouchers.push(json!({
                "voucher": t.voucher, "date": format_iso(t.date), "kind": t.kind.code(),
                "person": t.person_code, "note": t.note, "receipt_no": t.receipt_no,
                "bank_ref": t.bank_ref, "reverses": t.reverses, "reversed_by": t.reversed_by, "hash": t.hash,
                "postings": t.postings.iter().map(|(a, d)| json!({"account": a.name(), "amount": d.0})).collect::<Vec<_>>(),
            }));
            Ok(())
        })?;
        *totals = JournalTotals { vouchers: vouchers.len(), debit: debits };
        Ok(json!({"pool": pool.code, "from": period.from.map(format_iso),
            "to": period.to.map(format_iso), "vouchers": vouchers, "total_debit": debits, "total_credit": debits}))
    }

    fn district_json(&self, _: &App, sections: &[(Pool, JournalTotals)]) -> Option<serde_json::Value> {
        let debit: i64 = sections.iter().map(|(_, t)| t.debit).sum();
        let vouchers: usize = sections.iter().map(|(_, t)| t.vouchers).sum();
        Some(json!({"vouchers": vouchers, "total_debit": debit, "total_credit": debit}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        Ok(Frame { title: words::journal(app.lang), period: Some(self.period), ..Frame::default() })
    }

    /// The vouchers with their postings, and the grand total (Nợ = Có).
    fn body(&self, app: &App, pool: &Pool, totals: &mut JournalTotals, doc: &mut Document) -> Result<()> {
        let (lang, period) = (app.lang, self.period);
        let names = app.store.person_names(pool.id)?;
        let insured = app.store.insured_in_period(pool.id, period.from, period.to)?;
        let mut table = journal_table(lang);
        let mut total = 0i64;
        // A reversal dated after the period is not on the paper signed for it (SPEC §8).
        let end = period.to.unwrap_or(app.clock.today);
        app.store.each_txn(pool.id, period.from, period.to, |t| {
            let mut what = describe::purpose(&t, lang);
            if let Some(by) = t.reversed_by_on(end) {
                what = format!("{what} ({} {by})", words::reversed_by_lower(lang));
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
            Cell::text(words::grand_total(lang)),
            Cell::empty(),
            Cell::money(total),
            Cell::money(total),
        ]);
        doc.push(Block::Table(table));
        totals.debit = total;
        Ok(())
    }

    fn district(&self, app: &App, sections: &[(Pool, JournalTotals)]) -> Result<Option<District<'_>>> {
        let lang = app.lang;
        let columns = vec![Column::money(words::debit(lang), 12, true), Column::money(words::credit(lang), 12, true)];
        let line = |t: &JournalTotals| vec![Cell::money(t.debit), Cell::money(t.debit)];
        let all: i64 = sections.iter().map(|(_, t)| t.debit).sum();
        let t = district_table(
            lang,
            true,
            columns,
            sections,
            line,
            vec![Cell::empty(), Cell::money(all), Cell::money(all)],
        );
        let title = words::district_journal(lang);
        Ok(Some(District { title, period: self.period, body: vec![Block::Table(t)] }))
    }
}

/// The journal's columns, with page totals carried from page to page.
fn journal_table(lang: Lang) -> Table {
    let mut table = Table::new(vec![
        Column::left(words::date(lang), 10),
        Column::left(words::voucher(lang), 12),
        Column::wrap(words::description(lang), 4),
        Column::wrap(words::account(lang), 5),
        Column::money(words::debit(lang), 12, true),
        Column::money(words::credit(lang), 12, true),
    ]);
    table.label_col = 2;
    table.paging = Paging::Carry {
        page: words::page_total(lang).into(),
        to_next: words::carried_to_next_page(lang).into(),
        from_prev: words::brought_forward(lang).into(),
    };
    table
}
