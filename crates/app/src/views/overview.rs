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

    /// The dashboard's quick figures read on a second connection of the same snapshot,
    /// on the other core, while `rest` reads what the other screens show on this one:
    /// the first frame of a province's pool waits for the longer of the two, not their
    /// sum (docs/design.md §4). Both here, one after the other, without a second reader.
    pub fn overview_beside(&self, rest: impl FnOnce(&App)) -> Result<Overview> {
        let mut rest = Some(rest);
        let read = self.beside(
            |app| {
                if let Some(f) = rest.take() {
                    f(app);
                }
                Ok(())
            },
            |app| app.overview(),
        );
        // A read that could not begin never ran `rest`.
        if let Some(f) = rest.take() {
            f(self);
        }
        read.map(|((), overview)| overview)
    }
}
