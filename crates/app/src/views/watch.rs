//! The whole-pool figures that take a moment on a district pool: everyone's cover as of
//! a day, and who is behind on dues. The TUI computes them once per change (off the
//! drawing thread) and filters them in memory; the lists double as the treasurer's
//! "who to chase" sheets, with phones, exportable to CSV for calls or SMS.

use crate::words;

use chrono::NaiveDate;

use crate::papers::arrears::dues_members_among;
use crate::papers::cover_tally::covers_of;
use crate::papers::coverage::{CoverageCounts, CoverageRow, bhyt_label, coverage_rows_placed};
use hunvon_core::domain::date::format_vn;
use hunvon_core::domain::money::Dong;
use hunvon_core::domain::money::group;
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_core::rules::bhyt::BhytStatus;
use hunvon_report::{csv_bytes, csv_writer, safe_cell};
use hunvon_store::browse::SearchKeys;
use hunvon_store::coverage::CoverInForce;
use hunvon_store::month_flows::MonthFlow;
use hunvon_store::people::Person;

use super::super::App;
use super::Search;

/// One person's cover, with what a search matches and her phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverLine {
    pub row: CoverageRow,
    pub keys: SearchKeys,
}

impl CoverLine {
    pub fn matches(&self, s: &Search) -> bool {
        self.keys.matches(s)
    }

    /// Whether the card needs the treasurer: ending within the warning days, or lapsed.
    pub fn needs_renewal(&self) -> bool {
        matches!(self.row.bhyt_status, BhytStatus::Expiring | BhytStatus::Lapsed)
    }
}

/// One member behind the dues schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuesLine {
    pub code: String,
    pub full_name: String,
    pub phone: String,
    pub months: i64,
    pub owed: Dong,
    pub keys: SearchKeys,
}

/// One line of the outreach list (who is still to visit), with what a search matches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutreachLine {
    pub row: crate::papers::outreach::OutreachRow,
    pub keys: SearchKeys,
}

/// The slow figures, as of one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Watch {
    pub as_of: NaiveDate,
    pub counts: CoverageCounts,
    /// Everyone's cover, cards ending soonest first, then lapsed, waiting, covered, none.
    pub cover: Vec<CoverLine>,
    /// Members behind on dues, most months first.
    pub dues: Vec<DuesLine>,
    pub dues_total: Dong,
    /// People with no BHYT card in force (never had one, or lapsed), with who would pay.
    pub no_card: Vec<super::no_card::NoCardLine>,
    /// Who is still to visit (SPEC §10), by household.
    pub outreach: Vec<OutreachLine>,
    /// The year of the day against its plan (the dashboard's gauges).
    pub plan: crate::papers::targets::TargetRow,
    /// Receipts and payments of the twelve months up to the day (the dashboard's bars).
    pub months: Vec<hunvon_store::month_flows::MonthFlow>,
}

impl App {
    /// Computes the cover and dues figures of the chosen pool as of `as_of`.
    pub fn watch(&self, as_of: NaiveDate) -> Result<Watch> {
        let pool = self.pool()?.clone();
        let from = twelve_months_from(as_of);
        // Everyone's cover in force (half a million coverage rows on a province's pool)
        // begins on this connection; the persons, the dues behind and the months' bars are
        // read on a second one of the same snapshot, on the other core, which then takes
        // its share of the cover's walk.
        let side = |app: &App| -> Result<Side> {
            let (persons, keys) = app.store.persons_with_keys(pool.id)?;
            let arrears = app.arrears_among(&pool, as_of, || Ok(dues_members_among(&persons, as_of)))?;
            let months = app.store.money_moves_by_month(pool.id, Some(from), Some(as_of))?.2;
            Ok(Side { persons, keys, arrears, months })
        };
        let on = (pool.id, None, as_of);
        let read = self.store.in_one_pass(|| {
            self.store.with_second_reader(|second| {
                let expiring_days = self.store.rate_table()?.integer("expiring_days", as_of);
                let read = match second {
                    Some(other) => self.store.cover_in_force_beside(self.on_other_store(other), on, side),
                    None => side(self).and_then(|side| Ok((self.store.cover_in_force(pool.id, None, as_of)?, side))),
                };
                Ok(read.and_then(|read| Ok((read, expiring_days?))))
            })
        });
        let (((_, records), side), expiring_days) = read??;
        self.watch_from(&pool, as_of, (&records, expiring_days), side)
    }

    /// The overview's figures from the cover in force and what the second connection
    /// read: the persons (by code) with their search keys, read once for the plan and
    /// every list, the dues behind and the months. The cover and no-card lists (pure) are
    /// built on a second thread while this one, which holds the connection, builds the
    /// plan and the outreach list.
    fn watch_from(
        &self,
        pool: &hunvon_store::pools::Pool,
        as_of: NaiveDate,
        (records, expiring_days): (&[CoverInForce], i64),
        side: Side,
    ) -> Result<Watch> {
        let Side { persons, keys, arrears, months } = side;
        let (plan, outreach, lists) = std::thread::scope(|scope| -> Result<_> {
            let lists = scope.spawn(|| cover_lists(records, &persons, keys, as_of, expiring_days));
            let by_id = covers_of(records, as_of, expiring_days);
            let plan = self.target_row_from(pool, chrono::Datelike::year(&as_of), as_of, &by_id, &persons);
            let outreach = self.outreach_rows_from(as_of, &by_id, &persons);
            let lists = lists.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            Ok((plan?, outreach?, lists))
        })?;
        let CoverLists { counts, cover, no_card, line_of } = lists;
        // The outreach and dues lists take copies of their people's keys from the cover
        // list (everyone); the persons come by code.
        let key_of = |code: &str| {
            let at = persons.binary_search_by(|p| p.code.as_str().cmp(code)).ok();
            at.and_then(|at| cover.get(line_of[at])).map(|c| c.keys.clone()).unwrap_or_default()
        };
        let outreach = outreach.into_iter().map(|row| OutreachLine { keys: key_of(&row.code), row }).collect();
        let dues_total = arrears.iter().map(|a| a.owed).sum();
        let dues = arrears
            .into_iter()
            .map(|a| {
                let keys = key_of(&a.code);
                DuesLine {
                    phone: keys.phone().to_string(),
                    code: a.code,
                    full_name: a.full_name,
                    months: a.months,
                    owed: a.owed,
                    keys,
                }
            })
            .collect();
        let months = twelve_months(as_of, &months);
        // A province's persons are a few hundred thousand strings: freed on another core.
        crate::let_go(persons);
        Ok(Watch { as_of, counts, cover, no_card, outreach, plan, dues, dues_total, months })
    }
}

/// Everyone's cover line (each with her search keys, taken from `keys`, which follow
/// `persons`), their counts, the no-card list, and for each person her cover line's place.
fn cover_lists(
    records: &[CoverInForce],
    persons: &[Person],
    mut keys: Vec<SearchKeys>,
    as_of: NaiveDate,
    expiring_days: i64,
) -> CoverLists {
    let people = persons.iter().map(|p| (p.id, p.code.clone(), p.full_name.clone(), p.bhxh_code.clone()));
    let rows = coverage_rows_placed(records, people, as_of, expiring_days);
    let mut counts = CoverageCounts::default();
    let mut cover = Vec::with_capacity(rows.len());
    let mut line_of = vec![usize::MAX; persons.len()];
    for (at, row) in rows {
        counts.add(row.bhyt_status);
        line_of[at] = cover.len();
        cover.push(CoverLine { row, keys: std::mem::take(&mut keys[at]) });
    }
    let no_card = super::no_card::no_card_lines(persons, &cover, as_of);
    CoverLists { counts, cover, no_card, line_of }
}

/// What [`cover_lists`] builds.
struct CoverLists {
    counts: CoverageCounts,
    cover: Vec<CoverLine>,
    no_card: Vec<super::no_card::NoCardLine>,
    /// By person (in the order of the persons): the place of her line in `cover`.
    line_of: Vec<usize>,
}

/// What the overview reads on its second connection.
struct Side {
    persons: Vec<Person>,
    keys: Vec<SearchKeys>,
    arrears: Vec<crate::papers::arrears::ArrearsRow>,
    months: Vec<MonthFlow>,
}

/// The first day of the twelve months ending with the month of `as_of`.
pub fn twelve_months_from(as_of: NaiveDate) -> NaiveDate {
    let first = hunvon_core::rules::year_month::YearMonth::of(as_of).plus(-11);
    NaiveDate::from_ymd_opt(first.year, first.month, 1).unwrap_or(as_of)
}

/// The twelve months ending with the month of `as_of`, each with its flows from `found`
/// (months that moved money, any span) or zero.
pub fn twelve_months(
    as_of: NaiveDate,
    found: &[hunvon_store::month_flows::MonthFlow],
) -> Vec<hunvon_store::month_flows::MonthFlow> {
    let first = hunvon_core::rules::year_month::YearMonth::of(as_of).plus(-11);
    (0..12)
        .map(|i| {
            let m = first.plus(i).to_string();
            found
                .iter()
                .find(|f| f.month == m)
                .cloned()
                .unwrap_or(hunvon_store::month_flows::MonthFlow { month: m, ..Default::default() })
        })
        .collect()
}

/// A list for calls or SMS as CSV, written for people (SPEC §8): headers in the UI's
/// language, values in words and dates dd/mm/yyyy (the CLI's reports keep their English keys).
fn people_csv(header: [&str; 5], rows: impl Iterator<Item = [String; 5]>) -> Result<Vec<u8>> {
    let mut w = csv_writer();
    w.write_record(header).map_err(Error::Csv)?;
    for r in rows {
        w.write_record(r.map(|v| safe_cell(&v))).map_err(Error::Csv)?;
    }
    csv_bytes(w)
}

/// The dues list: code, name, phone, months behind, amount behind.
pub fn dues_csv(rows: &[&DuesLine], lang: Lang) -> Result<Vec<u8>> {
    let header = [
        words::code(lang),
        words::name(lang),
        words::phone(lang),
        words::months_behind(lang),
        words::amount_behind_dong(lang),
    ];
    people_csv(
        header,
        rows.iter()
            .map(|r| [r.code.clone(), r.full_name.clone(), r.phone.clone(), r.months.to_string(), group(r.owed.0)]),
    )
}

/// The cards list: code, name, phone, BHYT status in words, card end.
pub fn cards_csv(rows: &[&CoverLine], lang: Lang) -> Result<Vec<u8>> {
    let header =
        [words::code(lang), words::name(lang), words::phone(lang), words::bhyt_card(lang), words::card_to(lang)];
    people_csv(
        header,
        rows.iter().map(|r| {
            [
                r.row.code.clone(),
                r.row.full_name.clone(),
                r.keys.phone().to_string(),
                bhyt_label(r.row.bhyt_status, lang).to_string(),
                r.row.bhyt_to.map(format_vn).unwrap_or_default(),
            ]
        }),
    )
}

/// The list of people with no card in force: code, name, phone, last card's end, payer.
pub fn no_card_csv(rows: &[&super::no_card::NoCardLine], lang: Lang) -> Result<Vec<u8>> {
    let header =
        [words::code(lang), words::name(lang), words::phone(lang), words::last_card_to(lang), words::payer(lang)];
    people_csv(
        header,
        rows.iter().map(|r| {
            [
                r.code.clone(),
                r.full_name.clone(),
                r.phone.clone(),
                r.card_to.map_or_else(|| words::never_had(lang).to_string(), format_vn),
                super::no_card::payer_words(r, lang),
            ]
        }),
    )
}
