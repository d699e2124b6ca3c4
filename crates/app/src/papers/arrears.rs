//! `report arrears`: members behind the dues schedule, and people who owe the pool
//! (advances: the pool paid a card before she had saved enough), oldest first.

use crate::words;
use chrono::NaiveDate;
use serde_json::json;

use hunvon_core::domain::date::format_iso;
use hunvon_core::domain::money::Dong;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::year_month::YearMonth;
use hunvon_report::document::{Block, Cell, Column, Document, Paging, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::papers::DuesMember;
use hunvon_store::people::Person;
use hunvon_store::pools::Pool;

use crate::App;
use crate::papers::monthly_dues::{MonthlyDues, dues_on};
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

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

/// The first day of the span the dues are counted over (SPEC §8): the month the dues
/// began or the month she joined, whichever is later.
fn span_start(schedule: &[(NaiveDate, Dong)], joined: NaiveDate) -> Option<NaiveDate> {
    let began = schedule.iter().find(|(_, d)| d.0 > 0).map(|(from, _)| *from)?;
    Some(YearMonth::of(began.max(joined)).first_day())
}

/// The members the dues are asked of on `to` (who joined by then), from the pool's
/// persons already read, in their order: what `Store::dues_members` reads.
pub(crate) fn dues_members_among(persons: &[Person], to: NaiveDate) -> Vec<DuesMember> {
    persons
        .iter()
        .filter_map(|p| {
            let joined = p.joined.filter(|j| *j <= to)?;
            Some(DuesMember {
                id: p.id,
                code: p.code.clone(),
                full_name: p.full_name.clone(),
                joined,
                left_on: p.left_on,
            })
        })
        .collect()
}

impl App {
    /// Members behind the dues schedule as of `to`, most months behind first.
    pub fn arrears_rows(&self, pool: &Pool, to: NaiveDate) -> Result<Vec<ArrearsRow>> {
        self.arrears_among(pool, to, || Ok(self.store.dues_members(pool.id, to)?))
    }

    /// `arrears_rows` of the pool's members (those who joined by `to`, by code) as
    /// `members` gives them: read here, or from the persons a screen has read already.
    pub(crate) fn arrears_among(
        &self,
        pool: &Pool,
        to: NaiveDate,
        members: impl FnOnce() -> Result<Vec<DuesMember>>,
    ) -> Result<Vec<ArrearsRow>> {
        let schedule = self.store.dues(pool.id)?;
        if schedule.is_empty() {
            return Ok(Vec::new());
        }
        let paid = self.store.contributions_upto(pool.id, to)?;
        // Months behind are counted at the dues in force on the as-of day (the last
        // non-zero dues when they were stopped), one figure wherever it is shown.
        let monthly = match dues_on(&schedule, to) {
            d if d.0 > 0 => d,
            _ => schedule.iter().rev().find(|(from, d)| d.0 > 0 && *from <= to).map_or(Dong(0), |(_, d)| *d),
        };
        let began = schedule.iter().find(|(_, d)| d.0 > 0).map_or(to, |(from, _)| YearMonth::of(*from).first_day());
        let moved_before = self.store.moved_before_span(pool.id, began)?;
        let table = MonthlyDues::new(&schedule, to);
        let mut rows = Vec::new();
        for p in members()? {
            let joined = p.joined;
            let Some(start) = span_start(&schedule, joined).filter(|s| *s <= to) else { continue };
            // No dues after the month she left.
            let until = p.left_on.map_or(to, |left| left.min(to));
            let due = if until < start { Dong(0) } else { table.owed(start, joined, until) };
            // Only what she paid inside the span counts against it: money saved before
            // the dues began (or before she joined) is her savings, not dues paid ahead.
            let before =
                if moved_before.contains(&p.id) { self.store.contributions_before(p.id, start, to)? } else { Dong(0) };
            let paid = paid.get(&p.id).copied().unwrap_or_default() - before;
            let owed = due - paid;
            if owed.0 > 0 {
                let months = if monthly.0 > 0 { (owed.0 + monthly.0 - 1) / monthly.0 } else { 0 };
                rows.push(ArrearsRow { code: p.code, full_name: p.full_name, joined, due, paid, owed, months });
            }
        }
        rows.sort_by(|a, b| b.months.cmp(&a.months).then(a.code.cmp(&b.code)));
        Ok(rows)
    }

    /// People who owe the pool, the oldest advance first. "Since" is the day her
    /// balance last went below zero (and stayed there up to `to`), not her first debit.
    pub fn advance_rows(&self, pool: &Pool, to: NaiveDate) -> Result<Vec<AdvanceRow>> {
        let mut rows = Vec::new();
        for r in self.store.member_balances(pool.id, to)?.into_iter().filter(|r| r.balance.0 < 0) {
            let since = self.store.negative_since(pool.id, &r.code, to)?;
            rows.push(AdvanceRow { since, code: r.code, full_name: r.full_name, balance: r.balance });
        }
        rows.sort_by(|a, b| a.since.cmp(&b.since).then(a.code.cmp(&b.code)));
        Ok(rows)
    }

    /// `report arrears`, for every pool in scope.
    pub fn report_arrears(&self, period: Period, format: Format) -> Result<Vec<u8>> {
        self.render_paper(&ArrearsPaper { period }, format)
    }
}

/// `report arrears` as a paper: who is behind the dues and who owes the pool, on the
/// period's last day.
pub struct ArrearsPaper {
    pub period: Period,
}

/// One pool's arrears and advances.
type Section = (Vec<ArrearsRow>, Vec<AdvanceRow>);

impl Paper for ArrearsPaper {
    type Section = Section;

    fn read(&self, app: &App, pool: &Pool) -> Result<Section> {
        let to = self.period.to.unwrap_or(app.clock.today);
        Ok((app.arrears_rows(pool, to)?, app.advance_rows(pool, to)?))
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &["kind", "code", "full_name", "since", "months", "amount"]
    }

    fn csv(&self, _: &App, _: &Pool, (arrears, advances): &Section, out: &mut CsvRows) -> Result<()> {
        for r in arrears {
            out.row([
                "dues".to_string(),
                r.code.clone(),
                safe_cell(&r.full_name),
                format_iso(r.joined),
                r.months.to_string(),
                r.owed.0.to_string(),
            ])?;
        }
        for r in advances {
            out.row([
                "advance".to_string(),
                r.code.clone(),
                safe_cell(&r.full_name),
                r.since.map(format_iso).unwrap_or_default(),
                String::new(),
                (-r.balance.0).to_string(),
            ])?;
        }
        Ok(())
    }

    fn json(&self, app: &App, pool: &Pool, (arrears, advances): &mut Section) -> Result<serde_json::Value> {
        Ok(json!({
            "pool": pool.code, "as_of": format_iso(self.period.to.unwrap_or(app.clock.today)),
            "dues": arrears.iter().map(|r| json!({"code": r.code, "full_name": r.full_name, "joined": format_iso(r.joined),
                "due": r.due.0, "paid": r.paid.0, "owed": r.owed.0, "months": r.months})).collect::<Vec<_>>(),
            "advances": advances.iter().map(|r| json!({"code": r.code, "full_name": r.full_name,
                "owed": -r.balance.0, "since": r.since.map(format_iso)})).collect::<Vec<_>>(),
            "total_dues": arrears.iter().map(|r| r.owed.0).sum::<i64>(),
            "total_advances": advances.iter().map(|r| -r.balance.0).sum::<i64>(),
        }))
    }

    fn district_json(&self, app: &App, sections: &[(Pool, Section)]) -> Option<serde_json::Value> {
        Some(json!({"as_of": format_iso(self.period.to.unwrap_or(app.clock.today)),
            "total_dues": sections.iter().flat_map(|(_, (a, _))| a.iter().map(|r| r.owed.0)).sum::<i64>(),
            "total_advances": sections.iter().flat_map(|(_, (_, b))| b.iter().map(|r| -r.balance.0)).sum::<i64>()}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let title = words::arrears_and_advances(app.lang);
        Ok(Frame { title, period: Some(Period { from: None, to: self.period.to }), ..Frame::default() })
    }

    fn body(&self, app: &App, pool: &Pool, (arrears, advances): &mut Section, doc: &mut Document) -> Result<()> {
        let lang = app.lang;
        doc.push(Block::Heading(words::n_1_behind_the_dues_schedule(lang).into()));
        // An empty list would read as "nobody is behind" when no dues were ever set.
        if app.store.dues(pool.id)?.iter().any(|(_, d)| d.0 > 0) {
            doc.push(Block::Table(arrears_table(arrears, lang)));
        } else {
            doc.push(Block::Text(words::no_dues_set_yet_hunvon(lang).into()));
        }
        doc.push(Block::Heading(words::n_2_owing_the_pool_advances(lang).into()));
        doc.push(Block::Table(advances_table(advances, lang)));
        Ok(())
    }

    fn district(&self, app: &App, sections: &[(Pool, Section)]) -> Result<Option<District<'_>>> {
        let title = words::district_arrears_and_advances(app.lang);
        let period = Period { from: None, to: self.period.to };
        Ok(Some(District { title, period, body: vec![Block::Table(totals_table(sections, app.lang))] }))
    }
}

/// The paper's first part: members behind the dues schedule.
fn arrears_table(arrears: &[ArrearsRow], lang: Lang) -> Table {
    let mut t = Table::new(vec![
        Column::left(words::code(lang), 9),
        Column::wrap(words::name(lang), 5),
        Column::left(words::joined(lang), 10),
        Column::money(words::due(lang), 13, true),
        Column::money(words::paid(lang), 13, true),
        Column::money(words::owed(lang), 13, true),
        Column::number(words::months(lang), 6),
    ]);
    t.label_col = 1;
    t.paging = Paging::PageTotals(words::page_total(lang).into());
    for r in arrears {
        t.row(vec![
            Cell::text(r.code.clone()),
            Cell::text(r.full_name.clone()),
            Cell::date(r.joined),
            Cell::money(r.due.0),
            Cell::money(r.paid.0),
            Cell::money(r.owed.0),
            Cell::text(r.months.to_string()),
        ]);
    }
    let sum = |f: &dyn Fn(&ArrearsRow) -> Dong| Cell::money(arrears.iter().map(|r| f(r).0).sum());
    t.totals.push(vec![
        Cell::text(words::total(lang)),
        Cell::text(format!("{} {}", arrears.len(), words::people(lang))),
        Cell::empty(),
        sum(&|r| r.due),
        sum(&|r| r.paid),
        sum(&|r| r.owed),
        Cell::empty(),
    ]);
    t
}

/// The paper's second part: people owing the pool.
fn advances_table(advances: &[AdvanceRow], lang: Lang) -> Table {
    let mut t = Table::new(vec![
        Column::left(words::code(lang), 9),
        Column::wrap(words::name(lang), 5),
        Column::left(words::owing_since(lang), 10),
        Column::money(words::still_owed(lang), 14, true),
    ]);
    t.label_col = 1;
    t.paging = Paging::PageTotals(words::page_total(lang).into());
    for r in advances {
        t.row(vec![
            Cell::text(r.code.clone()),
            Cell::text(r.full_name.clone()),
            r.since.map(Cell::date).unwrap_or_default(),
            Cell::money(-r.balance.0),
        ]);
    }
    t.totals.push(vec![
        Cell::text(words::total(lang)),
        Cell::text(format!("{} {}", advances.len(), words::people(lang))),
        Cell::empty(),
        Cell::money(advances.iter().map(|r| -r.balance.0).sum()),
    ]);
    t
}

/// The district's totals, one line per pool.
fn totals_table(sections: &[(Pool, Section)], lang: Lang) -> Table {
    let columns = vec![
        Column::number(words::behind_people(lang), 8),
        Column::money(words::owed(lang), 13, true),
        Column::number(words::owing_people(lang), 8),
        Column::money(words::advances(lang), 13, true),
    ];
    let line = |a: &[&ArrearsRow], b: &[&AdvanceRow]| {
        vec![
            Cell::text(a.len().to_string()),
            Cell::money(a.iter().map(|r| r.owed.0).sum()),
            Cell::text(b.len().to_string()),
            Cell::money(b.iter().map(|r| -r.balance.0).sum()),
        ]
    };
    let all_a: Vec<&ArrearsRow> = sections.iter().flat_map(|(_, (a, _))| a.iter()).collect();
    let all_b: Vec<&AdvanceRow> = sections.iter().flat_map(|(_, (_, b))| b.iter()).collect();
    let total = line(&all_a, &all_b);
    let pool = |(a, b): &Section| line(&a.iter().collect::<Vec<_>>(), &b.iter().collect::<Vec<_>>());
    district_table(lang, false, columns, sections, pool, total)
}
