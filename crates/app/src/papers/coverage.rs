//! Who is covered, until when (`report coverage`, the dashboard's counts).

use crate::words;
use chrono::{Duration, NaiveDate};
use serde_json::json;

use hunvon_core::domain::date::{format_iso, format_vn};
use hunvon_core::messages::error::Result;
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::bhxh::{BhxhStatus, bhxh_status};
use hunvon_core::rules::bhyt::{BhytStatus, bhyt_status};
use hunvon_core::rules::year_month::YearMonth;
use hunvon_report::document::{Block, Cell, Column, Document, Table};
use hunvon_report::{Format, safe_cell};
use hunvon_store::coverage::{CoverInForce, Scheme};
use hunvon_store::pools::Pool;

use crate::App;
use crate::beside::map_in_halves;
use crate::papers::printing::month_vn;
use crate::papers::reports::Period;
use crate::papers::{CsvRows, District, Frame, Paper, district_table};

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
    /// Where the card shown came from (`None`: bought by the pool, or no card).
    pub bhyt_source: Option<String>,
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

impl CoverageCounts {
    /// Counts one person in `status`.
    pub fn add(&mut self, status: BhytStatus) {
        match status {
            BhytStatus::Covered => self.covered += 1,
            BhytStatus::Expiring => self.expiring += 1,
            BhytStatus::Waiting => self.waiting += 1,
            BhytStatus::Lapsed => self.lapsed += 1,
            BhytStatus::None => self.none += 1,
        }
    }
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
pub(crate) fn runs(mut cards: Vec<(NaiveDate, NaiveDate)>) -> Vec<(NaiveDate, NaiveDate)> {
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

/// The rows of `people` (id, code, name, mã số BHXH; by code) from the pool's rows in
/// force on `as_of` (`cover_in_force`), expiring first.
pub fn coverage_rows_from(
    records: &[CoverInForce],
    people: impl Iterator<Item = (i64, String, String, Option<String>)>,
    as_of: NaiveDate,
    expiring_days: i64,
) -> Vec<CoverageRow> {
    coverage_rows_placed(records, people, as_of, expiring_days).into_iter().map(|(_, row)| row).collect()
}

/// [`coverage_rows_from`], each row with the place of its person in `people` (a screen
/// finds what else it holds of her without a search). `records` come by person
/// (`cover_in_force`), so her rows are found by a binary search; `people` come by code,
/// so a stable sort by status and card end leaves equals in code order, as the list
/// shows them, without comparing codes (a province's list is 100.000 rows).
pub fn coverage_rows_placed(
    records: &[CoverInForce],
    people: impl Iterator<Item = (i64, String, String, Option<String>)>,
    as_of: NaiveDate,
    expiring_days: i64,
) -> Vec<(usize, CoverageRow)> {
    let by_person: Vec<&[CoverInForce]> = records.chunk_by(|a, b| a.person_id == b.person_id).collect();
    let rows_of = |id: i64| match by_person.binary_search_by_key(&id, |c| c[0].person_id) {
        Ok(i) => by_person[i],
        Err(_) => &[],
    };
    let row = |(at, (id, code, full_name, bhxh_code))| {
        (at, row_for(code, full_name, bhxh_code, rows_of(id), as_of, expiring_days))
    };
    // A province's people (100.000) in two halves on two cores.
    let mut rows = map_in_halves(people.enumerate().collect(), row);
    // Stable, and each line moved once: a line is some 150 bytes, a key a few.
    rows.sort_by_cached_key(|(_, r)| (rank(r.bhyt_status), r.bhyt_to));
    rows
}

/// One person's row from her coverage rows in force on `as_of`.
fn row_for(
    code: String,
    full_name: String,
    bhxh_code: Option<String>,
    records: &[CoverInForce],
    as_of: NaiveDate,
    expiring_days: i64,
) -> CoverageRow {
    let cards: Vec<(NaiveDate, NaiveDate)> =
        records.iter().filter(|c| c.scheme == Scheme::Bhyt).filter_map(|c| c.card).collect();
    let bhyt = bhyt_status(&cards, as_of, expiring_days);
    let merged = runs(cards);
    let shown = merged
        .iter()
        .find(|(f, t)| *f <= as_of && as_of <= *t)
        .or_else(|| merged.iter().find(|(f, _)| *f > as_of))
        .or_else(|| merged.last())
        .copied();
    let months: Vec<(YearMonth, YearMonth)> =
        records.iter().filter(|c| c.scheme == Scheme::Bhxh).filter_map(|c| c.month_run).collect();
    // The source of the card that covers the day shown (the latest of its run).
    let bhyt_source = shown.and_then(|(f, t)| {
        records
            .iter()
            .filter(|c| c.scheme == Scheme::Bhyt)
            .filter_map(|c| c.card.map(|card| (card, c)))
            .filter(|((cf, ct), _)| *cf >= f && *ct <= t && *cf <= as_of.max(f))
            .max_by_key(|((cf, _), _)| *cf)
            .and_then(|(_, c)| c.source.clone())
    });
    CoverageRow {
        code,
        full_name,
        bhxh_code,
        bhyt_source,
        bhyt_from: shown.map(|s| s.0),
        bhyt_to: shown.map(|s| s.1),
        bhyt_status: bhyt,
        bhxh_paid_through: months.iter().map(|m| m.1).max(),
        bhxh_months: records.iter().filter(|c| c.scheme == Scheme::Bhxh).map(|c| c.months).sum(),
        bhxh_status: bhxh_status(&months, as_of),
    }
}

impl App {
    /// Every person of the pool with her cover as of `as_of`, expiring first.
    pub fn coverage_rows(&self, as_of: NaiveDate) -> Result<Vec<CoverageRow>> {
        let pool = self.pool()?;
        self.coverage_rows_of(pool.id, as_of)
    }

    /// Every person of a given pool with her cover as of `as_of`, expiring first. The
    /// rows in force come from one walk of the pool's purchases and their coverage rows
    /// (as the summary's counts do), not from a lookup of each person's cards; on a second
    /// reader, when one can be had, the people and a share of the walk (`cover_in_force_beside`).
    pub fn coverage_rows_of(&self, pool_id: i64, as_of: NaiveDate) -> Result<Vec<CoverageRow>> {
        let expiring_days = self.store.rate_table()?.integer("expiring_days", as_of)?;
        let ((_, records), people) = self.store.in_one_pass(|| {
            self.store.with_second_reader(|helper| match helper {
                Some(helper) => self
                    .store
                    .cover_in_force_beside(helper, (pool_id, None, as_of), |store| store.cover_people(pool_id)),
                None => Ok((self.store.cover_in_force(pool_id, None, as_of)?, self.store.cover_people(pool_id)?)),
            })
        })?;
        let people = people.into_iter().map(|p| (p.id, p.code, p.full_name, p.bhxh_code));
        Ok(coverage_rows_from(&records, people, as_of, expiring_days))
    }

    /// How many people are covered, expiring, waiting, lapsed or never covered.
    pub fn coverage_counts(&self, as_of: NaiveDate) -> Result<CoverageCounts> {
        self.coverage_counts_of(self.pool()?.id, as_of)
    }

    /// The same for a given pool.
    pub fn coverage_counts_of(&self, pool_id: i64, as_of: NaiveDate) -> Result<CoverageCounts> {
        Ok(self.cover_tally(pool_id, None, as_of)?.counts)
    }

    /// `report coverage` in text, CSV (SPEC §3 columns) or JSON, for every pool in scope.
    /// The printed forms show each person's mã số BHXH; `redact` masks it (the caller
    /// decides by format and `--full-ids`, `ReportRequest::masks_ids`).
    pub fn report_coverage(&self, as_of: NaiveDate, format: Format, redact: bool) -> Result<Vec<u8>> {
        self.render_paper(&CoveragePaper { as_of, redact }, format)
    }
}

/// `report coverage` as a paper: who is covered on `as_of`.
pub struct CoveragePaper {
    pub as_of: NaiveDate,
    /// Masks the mã số BHXH.
    pub redact: bool,
}

impl Paper for CoveragePaper {
    type Section = Vec<CoverageRow>;

    fn read(&self, app: &App, pool: &Pool) -> Result<Vec<CoverageRow>> {
        let mut rows = app.coverage_rows_of(pool.id, self.as_of)?;
        if self.redact {
            for r in &mut rows {
                r.bhxh_code = r.bhxh_code.as_deref().map(hunvon_core::messages::error::mask_id);
            }
        }
        Ok(rows)
    }

    fn csv_keys(&self) -> &'static [&'static str] {
        &[
            "code",
            "full_name",
            "bhyt_from",
            "bhyt_to",
            "bhyt_status",
            "bhxh_paid_through",
            "bhxh_months",
            "bhxh_status",
            "bhyt_source",
        ]
    }

    fn csv(&self, _: &App, _: &Pool, rows: &Vec<CoverageRow>, out: &mut CsvRows) -> Result<()> {
        let iso = |d: Option<NaiveDate>| d.map(format_iso).unwrap_or_default();
        for r in rows {
            out.row([
                r.code.clone(),
                safe_cell(&r.full_name),
                iso(r.bhyt_from),
                iso(r.bhyt_to),
                r.bhyt_status.code().to_string(),
                r.bhxh_paid_through.map(|m| m.to_string()).unwrap_or_default(),
                r.bhxh_months.to_string(),
                r.bhxh_status.code().to_string(),
                if r.bhyt_from.is_some() {
                    crate::insurance::outside_cards::source_code(r.bhyt_source.as_deref()).to_string()
                } else {
                    String::new()
                },
            ])?;
        }
        Ok(())
    }

    fn json(&self, app: &App, pool: &Pool, rows: &mut Vec<CoverageRow>) -> Result<serde_json::Value> {
        let as_of = self.as_of;
        Ok(json!({
            "pool": pool.code, "as_of": format_iso(as_of), "forecast": as_of > app.clock.today,
            "rows": rows.iter().map(|r| json!({
                "code": r.code, "full_name": r.full_name, "bhxh_code": r.bhxh_code,
                "bhyt_from": r.bhyt_from.map(format_iso), "bhyt_to": r.bhyt_to.map(format_iso),
                "bhyt_status": r.bhyt_status.code(),
                "bhyt_source": r.bhyt_from.map(|_| crate::insurance::outside_cards::source_code(r.bhyt_source.as_deref())),
                "bhxh_paid_through": r.bhxh_paid_through.map(|m| m.to_string()),
                "bhxh_months": r.bhxh_months, "bhxh_status": r.bhxh_status.code(),
            })).collect::<Vec<_>>(),
            "counts": counts_json(rows),
        }))
    }

    fn district_json(&self, _: &App, sections: &[(Pool, Vec<CoverageRow>)]) -> Option<serde_json::Value> {
        let all: Vec<CoverageRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
        Some(json!({"as_of": format_iso(self.as_of), "counts": counts_json(&all)}))
    }

    fn frame(&self, app: &App, _: &Pool) -> Result<Frame<'_>> {
        let lang = app.lang;
        let title = words::insurance_cover(lang);
        let day = words::cover_as_of(lang, format_vn(self.as_of));
        Ok(Frame { title, lines: vec![day], ..Frame::default() })
    }

    fn body(&self, app: &App, _: &Pool, rows: &mut Vec<CoverageRow>, doc: &mut Document) -> Result<()> {
        if self.as_of > app.clock.today {
            doc.push(Block::Text(hunvon_core::messages::warning::forecast_line(self.as_of, app.lang)));
        }
        doc.push(Block::Table(coverage_table(rows, app.lang)));
        Ok(())
    }

    fn district(&self, app: &App, sections: &[(Pool, Vec<CoverageRow>)]) -> Result<Option<District<'_>>> {
        let title = words::district_insurance_cover(app.lang);
        let period = Period { from: None, to: Some(self.as_of) };
        Ok(Some(District { title, period, body: vec![Block::Table(totals_table(sections, app.lang))] }))
    }
}

/// One pool's people and their cover, with the counts under them.
fn coverage_table(rows: &[CoverageRow], lang: Lang) -> Table {
    let mut table = Table::new(vec![
        Column::left(words::code(lang), 9),
        Column::wrap(words::name(lang), 5),
        Column::left(words::m_s_bhxh(lang), 11),
        Column::wrap(words::bhyt(lang), 2),
        Column::left(words::card_from(lang), 10),
        Column::left(words::to(lang), 10),
        Column::wrap(words::bhxh(lang), 2),
        Column::left(words::paid_to(lang), 8),
    ]);
    table.rows = map_in_halves(rows.iter().collect(), |r| coverage_line(r, lang).into_boxed_slice());
    let c = counts(rows);
    table.totals.push(vec![
        Cell::text(words::total(lang)),
        Cell::text(format!("{} {}", rows.len(), words::people(lang))),
        Cell::empty(),
        Cell::text(format!("{} {}", c.covered + c.expiring, words::covered(lang))),
        Cell::empty(),
        Cell::empty(),
        Cell::text(format!(
            "{} {}",
            rows.iter().filter(|r| r.bhxh_status == BhxhStatus::Current).count(),
            words::current(lang)
        )),
        Cell::empty(),
    ]);
    table
}

/// One person's line of the list: code, name, mã số BHXH, BHYT status (and where a card
/// from elsewhere comes from), its dates, BHXH status and the month paid to.
fn coverage_line(r: &CoverageRow, lang: Lang) -> Vec<Cell> {
    let label = match (&r.bhyt_source, r.bhyt_status) {
        (Some(src), BhytStatus::Covered | BhytStatus::Expiring) => {
            format!(
                "{} ({})",
                bhyt_label(r.bhyt_status, lang),
                crate::insurance::outside_cards::source_label(Some(src), lang)
            )
        }
        _ => bhyt_label(r.bhyt_status, lang).to_string(),
    };
    let status = if matches!(r.bhyt_status, BhytStatus::Expiring | BhytStatus::Lapsed) {
        Cell::warning(label)
    } else {
        Cell::text(label)
    };
    vec![
        Cell::text(r.code.clone()),
        Cell::text(r.full_name.clone()),
        Cell::text(r.bhxh_code.clone().unwrap_or_default()),
        status,
        r.bhyt_from.map(Cell::date).unwrap_or_default(),
        r.bhyt_to.map(Cell::date).unwrap_or_default(),
        Cell::text(bhxh_label(r.bhxh_status, lang)),
        Cell::text(r.bhxh_paid_through.map(|m| month_vn(&m.to_string())).unwrap_or_default()),
    ]
}

/// The district's counts, one line per pool.
fn totals_table(sections: &[(Pool, Vec<CoverageRow>)], lang: Lang) -> Table {
    let columns = vec![
        Column::number(words::people_count(lang), 8),
        Column::number(words::has_bhyt_card(lang), 8),
        Column::number(words::expiring(lang), 8),
        Column::number(words::waiting(lang), 8),
        Column::number(words::lapsed(lang), 8),
        Column::number(words::bhxh_current(lang), 8),
    ];
    let line = |rows: &[CoverageRow], unit: &str| {
        let c = counts(rows);
        let current = rows.iter().filter(|r| r.bhxh_status == BhxhStatus::Current).count();
        vec![
            Cell::text(format!("{}{unit}", rows.len())),
            Cell::text((c.covered + c.expiring).to_string()),
            Cell::text(c.expiring.to_string()),
            Cell::text(c.waiting.to_string()),
            Cell::text(c.lapsed.to_string()),
            Cell::text(current.to_string()),
        ]
    };
    let all: Vec<CoverageRow> = sections.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
    let total = line(&all, words::people_unit(lang));
    district_table(lang, false, columns, sections, |rows| line(rows, ""), total)
}

/// How many of `rows` are in each BHYT status.
fn counts(rows: &[CoverageRow]) -> CoverageCounts {
    let mut c = CoverageCounts::default();
    for r in rows {
        c.add(r.bhyt_status);
    }
    c
}

fn counts_json(rows: &[CoverageRow]) -> serde_json::Value {
    let c = counts(rows);
    json!({"people": rows.len(), "covered": c.covered + c.expiring, "expiring": c.expiring, "waiting": c.waiting,
        "lapsed": c.lapsed, "none": c.none,
        "bhxh_current": rows.iter().filter(|r| r.bhxh_status == BhxhStatus::Current).count()})
}

/// The BHYT status in words.
pub fn bhyt_label(s: BhytStatus, lang: Lang) -> &'static str {
    match s {
        BhytStatus::Covered => words::covered_lower(lang),
        BhytStatus::Expiring => words::expiring_lower(lang),
        BhytStatus::Waiting => words::waiting_lower(lang),
        BhytStatus::Lapsed => words::lapsed_lower(lang),
        BhytStatus::None => words::none(lang),
    }
}

/// The BHXH status in words.
pub fn bhxh_label(s: BhxhStatus, lang: Lang) -> &'static str {
    match s {
        BhxhStatus::Current => words::current(lang),
        BhxhStatus::Behind => words::behind(lang),
        BhxhStatus::None => words::none_lower(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A province's list is built in two halves on two threads: the rows, their places and
    /// their order are those of one person after the other.
    #[test]
    fn a_long_list_in_two_halves_is_the_list_in_one() {
        let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let day = |d: i64| as_of + Duration::days(d);
        let n = 20_000i64;
        // Every third person has no card; the others' cards end from a year ago to a year on.
        let records: Vec<CoverInForce> = (0..n)
            .filter(|id| id % 3 != 0)
            .map(|id| CoverInForce {
                person_id: id,
                scheme: Scheme::Bhyt,
                months: 12,
                card: Some((day(id % 730 - 1095), day(id % 730 - 365))),
                month_run: None,
                recent: false,
                outside: false,
                source: None,
            })
            .collect();
        let people = || (0..n).map(|id| (id, format!("TV{id:06}"), format!("Người {id}"), None));
        let got = coverage_rows_placed(&records, people(), as_of, 30);
        let mut want: Vec<(usize, CoverageRow)> = people()
            .enumerate()
            .map(|(at, (id, code, name, bhxh))| {
                let own: Vec<CoverInForce> = records.iter().filter(|r| r.person_id == id).cloned().collect();
                (at, row_for(code, name, bhxh, &own, as_of, 30))
            })
            .collect();
        want.sort_by_key(|(_, r)| (rank(r.bhyt_status), r.bhyt_to));
        assert_eq!(got.len(), 20_000);
        assert!(got.iter().any(|(_, r)| r.bhyt_status == BhytStatus::Expiring));
        assert_eq!(got, want);
    }
}
