//! The district's view (docs/design.md §11): one row per chapter — members, what the
//! pool holds for them, its common fund, opening funds and a count's pending difference
//! (so cash + bank add up on the row), cash and bank, people with a valid BHYT card, BHXH participants,
//! "1+1" pairs, and when its book was last collected with the head it ended on — with
//! totals; the earlier copies of rewritten books and the rewrites themselves below.
//! `district_view` is the read model (the TUI's dashboard shows the same table);
//! `report_district` renders it in every format.

use chrono::NaiveDate;

use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::district::{DistrictRecord, RewriteRecord};
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::error::Result;
use hunvon_store::pools::Pool;

use crate::App;

/// One chapter's figures as of a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictRow {
    pub pool: Pool,
    /// Collected from a chapter's book (else a pool kept in this book itself).
    pub collected: bool,
    pub members: usize,
    /// What the pool holds for its members (Σ member balances).
    pub held: Dong,
    pub cash: Dong,
    pub bank: Dong,
    /// Quỹ chung: the pool's own money.
    pub common: Dong,
    /// What the group brought when it began the book (fund:opening).
    pub opening: Dong,
    /// A cash count's difference waiting to be settled (fund:pending; SPEC §8).
    pub pending: Dong,
    /// People whose BHYT card is valid that day (expiring ones included).
    pub bhyt_valid: usize,
    /// People whose BHXH contributions cover that day's month.
    pub bhxh: usize,
    /// People brought in by a sponsor ("1+1").
    pub pairs: usize,
    /// The day of the last collection, when collected.
    pub collected_on: Option<NaiveDate>,
    /// The pool's head as `REF=HASH` (for a collected pool: where its last collection ended).
    pub head: String,
}

/// A rewrite accepted: the earlier copy archived, the book taken again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rewrite {
    pub on: Option<NaiveDate>,
    pub record: RewriteRecord,
}

/// The whole view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DistrictView {
    pub as_of: Option<NaiveDate>,
    /// Current pools, by code.
    pub rows: Vec<DistrictRow>,
    /// Earlier copies of rewritten books (not in the totals).
    pub archived: Vec<DistrictRow>,
    pub rewrites: Vec<Rewrite>,
}

impl DistrictView {
    /// The sum of the current rows (archived copies left out: they are counted once, in
    /// their current copy).
    pub fn totals(&self) -> DistrictRow {
        let r = &self.rows;
        DistrictRow {
            pool: Pool { id: 0, code: String::new(), name: String::new() },
            collected: false,
            members: r.iter().map(|x| x.members).sum(),
            held: r.iter().map(|x| x.held).sum(),
            cash: r.iter().map(|x| x.cash).sum(),
            bank: r.iter().map(|x| x.bank).sum(),
            common: r.iter().map(|x| x.common).sum(),
            opening: r.iter().map(|x| x.opening).sum(),
            pending: r.iter().map(|x| x.pending).sum(),
            bhyt_valid: r.iter().map(|x| x.bhyt_valid).sum(),
            bhxh: r.iter().map(|x| x.bhxh).sum(),
            pairs: r.iter().map(|x| x.pairs).sum(),
            collected_on: None,
            head: String::new(),
        }
    }
}

/// The date part of a stored `entered_at`.
fn day_of(stamp: &str) -> Option<NaiveDate> {
    hunvon_core::domain::date::parse_date(stamp.get(..10)?)
}

impl App {
    /// Every pool of the book as of `as_of`: the rows of `report district` and of the
    /// TUI's dashboard on a district's book.
    pub fn district_view(&self, as_of: NaiveDate) -> Result<DistrictView> {
        let copies = self.store.collected_pools()?;
        let mut view = DistrictView { as_of: Some(as_of), ..DistrictView::default() };
        for pool in self.pools() {
            let copy = copies.iter().find(|c| c.pool_id == pool.id);
            let row = self.district_row(pool, copy.is_some(), as_of)?;
            match copy {
                Some(c) if c.archived_at.is_some() => view.archived.push(row),
                _ => view.rows.push(row),
            }
        }
        for link in self.store.district_links()? {
            if let Some(DistrictRecord::Rewrite(record)) = link.record() {
                view.rewrites.push(Rewrite { on: day_of(&link.entered_at), record });
            }
        }
        Ok(view)
    }

    fn district_row(&self, pool: &Pool, collected: bool, as_of: NaiveDate) -> Result<DistrictRow> {
        // No voucher is dated after today: as of today the maintained balances are the answer.
        let balances = if as_of >= self.clock.today {
            self.store.account_balances(pool.id)?
        } else {
            self.store.balances_on(pool.id, as_of)?
        };
        let identity = Identity::from_balances(balances.iter().map(|(a, d)| (a, *d)));
        let (bhyt_valid, bhxh) = self.store.covered_counts(pool.id, as_of)?;
        // Members as the pool's own summary counts them.
        let members = usize::try_from(self.store.members_on(pool.id, as_of)?).unwrap_or(0);
        let pairs = self.store.sponsored(pool.id)?;
        let last = self.store.last_collection(pool.id)?;
        Ok(DistrictRow {
            pool: pool.clone(),
            collected,
            members,
            held: identity.members,
            cash: identity.cash,
            bank: identity.bank,
            common: identity.common,
            opening: identity.opening,
            pending: identity.pending,
            bhyt_valid,
            bhxh,
            pairs,
            collected_on: last.as_ref().and_then(|l| day_of(&l.entered_at)),
            head: self.store.head(pool.id)?.anchor(),
        })
    }
}
