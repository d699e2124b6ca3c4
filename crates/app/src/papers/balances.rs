//! `report balances`: số dư thành viên — per person her balance at the period's start,
//! what she paid in, what was paid out of her account, and her balance at its end, so
//! every row adds across (docs/design.md §6) even when a reversal falls in a later period.

use crate::words;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_report::document::{Block, Cell, Column, Document, Paging, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::periods::MemberRow;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

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

/// `report balances` as a paper.
pub struct BalancesPaper {
    pub period: Period,
}

impl Paper for BalancesPaper {
    type Section = Vec<MemberRow>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<MemberRow>> {
        Ok(app.store.member_rows(pool.id, self.period.from, self.period.to)?)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["code", "full_name", "opening", "paid_in", "paid_out", "balance"]
    }

    fn csv(&self, _: &App, _: &Pool, rows: &Vec<MemberRow>, out: &mut CsvRows) -> Result<()> {
        for r in rows {
            out.row([
                r.code.clone(),
                safe_cell(&r.full_name),
                r.opening.0.to_string(),
                r.paid_in.0.to_string(),
                r.paid_out.0.to_string(),
                r.balance.0.to_string(),
            ])?;
        }
        Ok(())
    }

    fn json(&self, _: &App, pool: &Pool, rows: &mut Vec<MemberRow>) -> Result<serde_json::Value> {
        let period = self.period;
        Ok(json!({
            "pool": pool.code, "name": pool.name,
            "from": period.from.map(format_iso), "to": period.to.map(format_iso),
            "rows": rows.iter().map(|r| {
                let mut v = figures_json(r);
                v["code"] = json!(r.code);
                v["full_name"] = json!(r.full_name);
                v
            }).collect::<Vec<_>>(),
            "total": figures_json(&totals(rows)),
        }))
    }

    fn district_json(&self, _: &App, sections: &[(Pool, Vec<MemberRow>)]) -> Option<serde_json::Value> {
        let all: Vec<MemberRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
        Some(json!({"from": self.period.from.map(format_iso), "to": self.period.to.map(format_iso),
            "people": all.len(), "total": figures_json(&totals(&all))}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::member_balances(app.lang);
        Ok(Frame { title, period: Some(self.period), ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, rows: &mut Vec<MemberRow>, doc: &mut Document) -> Result<()> {
        let (lang, rows) = (app.lang, &rows[..]);
        let mut table = Table::new(vec![
            Column::left(words::code(lang), 9),
            Column::wrap(words::name(lang), 5),
            Column::money(words::opening(lang), 12, true),
            Column::money(words::paid_in(lang), 12, true),
            Column::money(words::paid_out(lang), 12, true),
            Column::money(words::closing(lang), 12, true),
            Column::wrap(words::note(lang), 1),
        ]);
        table.label_col = 1;
        table.paging = Paging::PageTotals(words::page_total(lang).into());
        for r in rows {
            let owes = if r.balance.0 < 0 { words::owes(lang) } else { "" };
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
            Cell::text(words::total(lang)),
            Cell::text(format!("{} {}", rows.len(), words::people(lang))),
            Cell::money(t.opening.0),
            Cell::figure(t.paid_in.0),
            Cell::figure(t.paid_out.0),
            Cell::money(t.balance.0),
            Cell::empty(),
        ]);
        doc.push(Block::Table(table));
        let owed: Dong = rows.iter().map(|r| r.balance).filter(|b| b.0 < 0).sum();
        if owed.0 < 0 {
            doc.push(Block::Text(format!("{} {}", words::of_which_owed_to_the(lang), -owed)));
        }
        Ok(())
    }

    fn district(&self, app: &App, sections: &[(Pool, Vec<MemberRow>)]) -> Result<Option<District<'_>>> {
        let title = words::district_member_balances(app.lang);
        Ok(Some(District { title, period: self.period, body: vec![Block::Table(totals_table(app.lang, sections))] }))
    }
}

impl App {
    /// `report balances` for every pool in scope.
    pub fn report_balances(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&BalancesPaper { period }, format)
    }
}

/// The district's totals, one line per pool.
fn totals_table(lang: Lang, sections: &[(Pool, Vec<MemberRow>)]) -> Table {
    let columns = vec![
        Column::number(words::people_count(lang), 6),
        Column::money(words::opening(lang), 12, true),
        Column::money(words::paid_in(lang), 12, true),
        Column::money(words::paid_out(lang), 12, true),
        Column::money(words::closing(lang), 12, true),
    ];
    let line = |rows: &[MemberRow], unit: &str| {
        let t = totals(rows);
        vec![
            Cell::text(format!("{}{unit}", rows.len())),
            Cell::money(t.opening.0),
            Cell::money(t.paid_in.0),
            Cell::money(t.paid_out.0),
            Cell::money(t.balance.0),
        ]
    };
    let all: Vec<MemberRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
    let total = line(&all, words::people_unit(lang));
    district_table(lang, false, columns, sections, |rows| line(rows, ""), total)
}
