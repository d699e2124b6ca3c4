//! How many people are covered at the end of a day, and what the period bought, without
//! building every person's coverage row: one pass over the coverage rows in force,
//! ordered by person, through the same rules as `report coverage` (the summary and the
//! dashboard's counts; a 20.000-person pool in a few tens of milliseconds).

use chrono::{Datelike, NaiveDate};

use hunvon_core::messages::error::Result;
use hunvon_core::rules::bhxh::{BhxhStatus, bhxh_status};
use hunvon_core::rules::bhyt::{BhytStatus, bhyt_status};
use hunvon_store::coverage::{CoverInForce, Scheme};

use crate::App;
use crate::papers::coverage::CoverageCounts;

/// The counts at the end of a day and what was bought in the period up to it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoverTally {
    pub counts: CoverageCounts,
    /// People whose BHXH months are paid for the day's month.
    pub bhxh_current: usize,
    /// BHYT cards bought in the period and not reversed by its end.
    pub cards_bought: i64,
    /// BHXH months bought in the period and not reversed by its end.
    pub bhxh_months_bought: i64,
    /// People whose first BHXH month through the pool is in the year of the day (the
    /// plan's "BHXH mới", as `target_row` counts it).
    pub new_bhxh: i64,
}

impl App {
    /// The tally of one pool at the end of `as_of`, bought counted from `since`.
    pub fn cover_tally(&self, pool_id: i64, since: Option<NaiveDate>, as_of: NaiveDate) -> Result<CoverTally> {
        let expiring_days = self.store.rate_table()?.integer("expiring_days", as_of)?;
        let (people, rows) = self.store.cover_in_force(pool_id, since, as_of)?;
        let mut tally = CoverTally::default();
        for r in rows.iter().filter(|r| r.recent) {
            match r.scheme {
                Scheme::Bhyt => tally.cards_bought += 1,
                _ => tally.bhxh_months_bought += i64::from(r.months),
            }
        }
        for person in rows.chunk_by(|a, b| a.person_id == b.person_id) {
            let (bhyt, bhxh) = statuses(person, as_of, expiring_days);
            let c = &mut tally.counts;
            match bhyt {
                BhytStatus::Covered => c.covered += 1,
                BhytStatus::Expiring => c.expiring += 1,
                BhytStatus::Waiting => c.waiting += 1,
                BhytStatus::Lapsed => c.lapsed += 1,
                BhytStatus::None => {}
            }
            if bhxh == BhxhStatus::Current {
                tally.bhxh_current += 1;
            }
            if first_bhxh(person).is_some_and(|m| m.year == as_of.year()) {
                tally.new_bhxh += 1;
            }
        }
        // Everyone else — no rows in force, or no card among them — has none.
        let c = &mut tally.counts;
        c.none = people.saturating_sub(c.covered + c.expiring + c.waiting + c.lapsed);
        Ok(tally)
    }
}

/// One person's cover on a day, from her rows in force (the outreach list and the plan).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PersonCover {
    pub bhyt: BhytStatus,
    pub bhxh: BhxhStatus,
    /// The end of the card covering the day, else of the latest card.
    pub bhyt_to: Option<NaiveDate>,
    /// Her first BHXH month bought through the pool.
    pub first_bhxh: Option<hunvon_core::rules::year_month::YearMonth>,
}

impl Default for PersonCover {
    fn default() -> Self {
        PersonCover { bhyt: BhytStatus::None, bhxh: BhxhStatus::None, bhyt_to: None, first_bhxh: None }
    }
}

impl App {
    /// Every person of the pool with rows in force on `as_of`, by id, through the same
    /// one pass as the counts (`cover_in_force`); a person not in it has no cover.
    pub(crate) fn cover_by_person(&self, pool_id: i64, as_of: NaiveDate) -> Result<CoverByPerson> {
        let expiring_days = self.store.rate_table()?.integer("expiring_days", as_of)?;
        let (_, rows) = self.store.cover_in_force(pool_id, None, as_of)?;
        Ok(covers_of(&rows, as_of, expiring_days))
    }
}

/// Each person's cover, by person id (the book's own ids: hashed by FxHash).
pub(crate) type CoverByPerson = crate::fx::FxMap<i64, PersonCover>;

/// Each person's cover on `as_of` from the rows in force (`cover_in_force`, by person).
pub(crate) fn covers_of(rows: &[CoverInForce], as_of: NaiveDate, expiring_days: i64) -> CoverByPerson {
    let mut out = CoverByPerson::default();
    out.reserve(rows.len() / 4);
    for person in rows.chunk_by(|a, b| a.person_id == b.person_id) {
        let (bhyt, bhxh) = statuses(person, as_of, expiring_days);
        let cards = person.iter().filter(|c| c.scheme == Scheme::Bhyt).filter_map(|c| c.card).collect();
        // The end of the run of cards (one following another without a gap) covering
        // the day, else the latest end.
        let runs = crate::papers::coverage::runs(cards);
        let covering = runs.iter().find(|(f, t)| *f <= as_of && as_of <= *t).map(|r| r.1);
        let first_bhxh = first_bhxh(person);
        let bhyt_to = covering.or(runs.iter().map(|r| r.1).max());
        out.insert(person[0].person_id, PersonCover { bhyt, bhxh, bhyt_to, first_bhxh });
    }
    out
}

/// One person's first BHXH month bought through the pool (months from elsewhere left out).
fn first_bhxh(rows: &[CoverInForce]) -> Option<hunvon_core::rules::year_month::YearMonth> {
    rows.iter().filter(|c| c.scheme == Scheme::Bhxh && !c.outside).filter_map(|c| c.month_run.map(|m| m.0)).min()
}

/// One person's BHYT and BHXH status from her rows in force, as `report coverage` finds
/// them (cards with both dates; month runs that parse).
fn statuses(rows: &[CoverInForce], as_of: NaiveDate, expiring_days: i64) -> (BhytStatus, BhxhStatus) {
    let cards: Vec<(NaiveDate, NaiveDate)> =
        rows.iter().filter(|c| c.scheme == Scheme::Bhyt).filter_map(|c| c.card).collect();
    let months: Vec<_> = rows.iter().filter(|c| c.scheme == Scheme::Bhxh).filter_map(|c| c.month_run).collect();
    (bhyt_status(&cards, as_of, expiring_days), bhxh_status(&months, as_of))
}
