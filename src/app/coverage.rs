//! Who is covered, until when (`report coverage`, the dashboard's counts).

use chrono::{Duration, NaiveDate};
use serde_json::json;

use crate::date::{format_iso, format_vn};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::report::document::{Block, Cell, Column, Table};
use crate::report::{Format, csv_bytes, csv_writer, render_document, safe_cell};
use crate::rules::bhxh::{BhxhStatus, bhxh_status};
use crate::rules::bhyt::{BhytStatus, bhyt_status};
use crate::rules::year_month::YearMonth;
use crate::store::coverage::CoverageRecord;

use super::App;

/// One person's cover as of a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverageRow {
    pub code: String,
    pub full_name: String,
    /// The mã số BHXH (also the number on BHYT cards), when known.
    pub bhxh_code: Option<String>,
    pub bhyt_from: Option<NaiveDate>,
    pub bhyt_to: Option<NaiveDate>,
    pub bhyt_status: BhytStatus,
    pub bhxh_paid_through: Option<YearMonth>,
    pub bhxh_months: u32,
    pub bhxh_status: BhxhStatus,
}

/// How many people are in each BHYT status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoverageCounts {
    pub covered: usize,
    pub expiring: usize,
    pub waiting: usize,
    pub lapsed: usize,
    pub none: usize,
}

/// The order a treasurer works in: cards about to end first, then the lapsed, the
/// waiting, the covered, and people who never had one.
fn rank(s: BhytStatus) -> u8 {
    match s {
        BhytStatus::Expiring => 0,
        BhytStatus::Lapsed => 1,
        BhytStatus::Waiting => 2,
        BhytStatus::Covered => 3,
        BhytStatus::None => 4,
    }
}

/// Cards that follow each other without a gap, merged into runs of cover.
fn runs(mut cards: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
    cards.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (from, to) in cards {
        match out.last_mut() {
            Some(last) if from <= last.1 + Duration::days(1) => last.1 = last.1.max(to),
            _ => out.push((from, to)),
        }
    }
    out
}

/// One person's row from her coverage records in force on `as_of`.
fn row_for(
    code: String,
    full_name: String,
    bhxh_code: Option<String>,
    records: &[&CoverageRecord],
    as_of: NaiveDate,
    expiring_days: i64,
) -> CoverageRow {
    let cards: Vec<(NaiveDate, NaiveDate)> =
        records.iter().filter(|c| c.scheme == "bhyt").filter_map(|c| Some((c.card_from?, c.card_to?))).collect();
    let bhyt = bhyt_status(&cards, as_of, expiring_days);
    let merged = runs(cards);
    let shown = merged
        .iter()
        .find(|(f, t)| *f <= as_of && as_of <= *t)
        .or_else(|| merged.iter().find(|(f, _)| *f > as_of))
        .or_else(|| merged.last())
        .copied();
    let months: Vec<(YearMonth, YearMonth)> = records
        .iter()
        .filter(|c| c.scheme == "bhxh")
        .filter_map(|c| Some((YearMonth::parse(c.from_month.as_deref()?)?, YearMonth::parse(c.to_month.as_deref()?)?)))
        .collect();
    CoverageRow {
        code,
        full_name,
        bhxh_code,
        bhyt_from: shown.map(|s| s.0),
        bhyt_to: shown.map(|s| s.1),
        bhyt_status: bhyt,
        bhxh_paid_through: months.iter().map(|m| m.1).max(),
        bhxh_months: records.iter().filter(|c| c.scheme == "bhxh").map(|c| c.months).sum(),
        bhxh_status: bhxh_status(&months, as_of),
    }
}

impl App {
    /// Every person of the pool with her cover as of `as_of`, expiring first.
    pub fn coverage_rows(&self, as_of: NaiveDate) -> Result<Vec<CoverageRow>> {
        let pool = self.pool()?;
        self.coverage_rows_of(pool.id, as_of)
    }

    /// Every person of a given pool with her cover as of `as_of`, expiring first.
    pub fn coverage_rows_of(&self, pool_id: i64, as_of: NaiveDate) -> Result<Vec<CoverageRow>> {
        let expiring_days = self.store.rate_table()?.integer("expiring_days", as_of)?;
        let records = self.store.pool_coverage(pool_id, as_of)?;
        let mut by_person: std::collections::HashMap<i64, Vec<&CoverageRecord>> = std::collections::HashMap::new();
        for r in records.iter().filter(|r| r.in_force_on(as_of)) {
            by_person.entry(r.person_id).or_default().push(r);
        }
        let mut rows: Vec<CoverageRow> = self
            .store
            .persons(pool_id)?
            .into_iter()
            .map(|p| {
                let recs = by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
                row_for(p.code, p.full_name, p.bhxh_code, recs, as_of, expiring_days)
            })
            .collect();
        rows.sort_by(|a, b| {
            rank(a.bhyt_status).cmp(&rank(b.bhyt_status)).then(a.bhyt_to.cmp(&b.bhyt_to)).then(a.code.cmp(&b.code))
        });
        Ok(rows)
    }

    /// How many people are covered, expiring, waiting, lapsed or never covered.
    pub fn coverage_counts(&self, as_of: NaiveDate) -> Result<CoverageCounts> {
        self.coverage_counts_of(self.pool()?.id, as_of)
    }

    /// The same for a given pool.
    pub fn coverage_counts_of(&self, pool_id: i64, as_of: NaiveDate) -> Result<CoverageCounts> {
        let mut c = CoverageCounts::default();
        for r in self.coverage_rows_of(pool_id, as_of)? {
            match r.bhyt_status {
                BhytStatus::Covered => c.covered += 1,
                BhytStatus::Expiring => c.expiring += 1,
                BhytStatus::Waiting => c.waiting += 1,
                BhytStatus::Lapsed => c.lapsed += 1,
                BhytStatus::None => c.none += 1,
            }
        }
        Ok(c)
    }

    /// `report coverage` in text, CSV (columns in docs/design.md §6) or JSON. The printed forms show
    /// each person's mã số BHXH; `redact` masks it for copies shared outside the chapter.
    /// A day after today makes it a forecast, which the report says.
    pub fn report_coverage(&self, as_of: NaiveDate, format: Format, redact: bool) -> Result<Vec<u8>> {
        let forecast = as_of > self.clock.today;
        let mut rows = self.coverage_rows(as_of)?;
        if redact {
            for r in &mut rows {
                r.bhxh_code = r.bhxh_code.as_deref().map(crate::error::mask_id);
            }
        }
        let iso = |d: Option<NaiveDate>| d.map(format_iso).unwrap_or_default();
        match format {
            Format::Csv => {
                let mut w = csv_writer();
                let csv_err = |e: csv::Error| Error::Csv(e.to_string());
                w.write_record([
                    "code",
                    "full_name",
                    "bhyt_from",
                    "bhyt_to",
                    "bhyt_status",
                    "bhxh_paid_through",
                    "bhxh_months",
                    "bhxh_status",
                ])
                .map_err(csv_err)?;
                for r in &rows {
                    w.write_record([
                        r.code.clone(),
                        safe_cell(&r.full_name),
                        iso(r.bhyt_from),
                        iso(r.bhyt_to),
                        r.bhyt_status.code().to_string(),
                        r.bhxh_paid_through.map(|m| m.to_string()).unwrap_or_default(),
                        r.bhxh_months.to_string(),
                        r.bhxh_status.code().to_string(),
                    ])
                    .map_err(csv_err)?;
                }
                csv_bytes(w)
            }
            Format::Json => {
                let value = json!({
                    "pool": self.pool()?.code, "as_of": format_iso(as_of), "forecast": forecast,
                    "rows": rows.iter().map(|r| json!({
                        "code": r.code, "full_name": r.full_name, "bhxh_code": r.bhxh_code,
                        "bhyt_from": r.bhyt_from.map(format_iso), "bhyt_to": r.bhyt_to.map(format_iso),
                        "bhyt_status": r.bhyt_status.code(),
                        "bhxh_paid_through": r.bhxh_paid_through.map(|m| m.to_string()),
                        "bhxh_months": r.bhxh_months, "bhxh_status": r.bhxh_status.code(),
                    })).collect::<Vec<_>>(),
                });
                Ok(format!("{value:#}\n").into_bytes())
            }
            Format::Text | Format::Html | Format::Pdf => {
                let lang = self.lang;
                let pool = self.pool()?.clone();
                let period = super::reports::Period { from: None, to: Some(as_of) };
                let title = lang.pick("TÌNH TRẠNG BẢO HIỂM", "INSURANCE COVER");
                let mut doc = self.document(&pool, title, period, true)?;
                if forecast {
                    doc.blocks.push(Block::Text(crate::warning::forecast_line(as_of, lang)));
                }
                let mut table = Table {
                    columns: vec![
                        Column::left(lang.pick("Mã", "Code"), 9),
                        Column::left(lang.pick("Họ tên", "Name"), 24),
                        Column::left(lang.pick("Mã số BHXH", "Mã số BHXH"), 11),
                        Column::left(lang.pick("BHYT", "BHYT"), 12),
                        Column::left(lang.pick("Thẻ từ – đến", "Card from – to"), 23),
                        Column::left(lang.pick("BHXH", "BHXH"), 10),
                        Column::left(lang.pick("Đóng đến", "Paid to"), 9),
                    ],
                    ..Table::default()
                };
                for r in &rows {
                    let card = match (r.bhyt_from, r.bhyt_to) {
                        (Some(f), Some(t)) => format!("{} – {}", format_vn(f), format_vn(t)),
                        _ => String::new(),
                    };
                    let mut status = Cell::text(bhyt_label(r.bhyt_status, lang));
                    status.warn = matches!(r.bhyt_status, BhytStatus::Expiring | BhytStatus::Lapsed);
                    table.rows.push(vec![
                        Cell::text(r.code.clone()),
                        Cell::text(r.full_name.clone()),
                        Cell::text(r.bhxh_code.clone().unwrap_or_default()),
                        status,
                        Cell::text(card),
                        Cell::text(bhxh_label(r.bhxh_status, lang)),
                        Cell::text(r.bhxh_paid_through.map(|m| m.to_string()).unwrap_or_default()),
                    ]);
                }
                doc.blocks.push(Block::Table(table));
                render_document(&doc, format)
            }
        }
    }
}

/// The BHYT status in words.
pub fn bhyt_label(s: BhytStatus, lang: Lang) -> &'static str {
    match s {
        BhytStatus::Covered => lang.pick("còn hạn", "covered"),
        BhytStatus::Expiring => lang.pick("sắp hết hạn", "expiring"),
        BhytStatus::Waiting => lang.pick("chờ hiệu lực", "waiting"),
        BhytStatus::Lapsed => lang.pick("đã hết hạn", "lapsed"),
        BhytStatus::None => lang.pick("chưa có", "none"),
    }
}

/// The BHXH status in words.
pub fn bhxh_label(s: BhxhStatus, lang: Lang) -> &'static str {
    match s {
        BhxhStatus::Current => lang.pick("đang đóng", "current"),
        BhxhStatus::Behind => lang.pick("chậm đóng", "behind"),
        BhxhStatus::None => lang.pick("chưa đóng", "none"),
    }
}
