//! The dashboard's quick figures: read in a few milliseconds on a district pool (the
//! slow ones, cover counts and dues behind, come from [`super::Watch`]).

use hunvon_core::ledger::Method;
use hunvon_core::ledger::identity::Identity;
use hunvon_core::messages::error::Result;

use super::super::App;
use super::book::BookRow;
use super::{Dir, Search};

/// What the dashboard shows at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    pub pool_code: String,
    pub pool_name: String,
    pub identity: Identity,
    pub people: i64,
    /// The latest cash vouchers, newest last.
    pub last: Vec<BookRow>,
}

impl App {
    /// The dashboard's quick figures for the chosen pool.
    pub fn overview(&self) -> Result<Overview> {
        let pool = self.pool()?.clone();
        let (own, members, owed) = self.store.identity_sums(pool.id)?;
        let mut identity = Identity::from_balances(own.iter().map(|(a, d)| (a, *d)));
        identity.members = -members;
        identity.owed_to_pool = owed;
        let people = self.store.people_count(pool.id, &Search::new(""))?;
        let far = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        let start = chrono::NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or_default();
        let last = self.book_page(Method::Cash, start, far, None, Dir::Backward, 8)?;
        Ok(Overview { pool_code: pool.code, pool_name: pool.name, identity, people, last })
    }
}
