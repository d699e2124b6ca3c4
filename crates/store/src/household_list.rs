//! The households list for the screens: a keyset page of households matching what the
//! treasurer types (code, name, or the folded name of anyone living there), each with how
//! many people live in it.

use rusqlite::params;

use super::Store;
use super::browse::{Dir, Search};
use super::people::Household;
use crate::fault::Result;

/// One household of the list: the household as stored (read through `Deref`:
/// `line.code`) and how many people live in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdLine {
    pub household: Household,
    pub people: i64,
}

impl std::ops::Deref for HouseholdLine {
    type Target = Household;

    fn deref(&self) -> &Household {
        &self.household
    }
}

impl Store {
    /// Up to `limit` households by code after/before `anchor`, matching `search` on the
    /// code, the name, or the folded name of anyone living in it.
    pub fn households_page(
        &self,
        pool_id: i64,
        search: &Search,
        anchor: Option<&str>,
        dir: Dir,
        limit: usize,
    ) -> Result<Vec<HouseholdLine>> {
        let (cmp, order) = match dir {
            Dir::Forward => ("h.code > ?4", "h.code"),
            Dir::Backward => ("h.code < ?4", "h.code DESC"),
        };
        let bound = dir.bound(anchor);
        let sql = format!(
            "SELECT h.id, h.code, h.name, h.address, (SELECT COUNT(*) FROM persons p WHERE p.household_id = h.id) \
             FROM households h WHERE h.pool_id = ?1 \
               AND (?2 = '%%' OR h.code LIKE ?3 ESCAPE '\\' OR h.name LIKE ?2 \
                    OR h.id IN (SELECT p.household_id FROM persons p WHERE p.name_folded LIKE ?2)) \
               AND {cmp} ORDER BY {order} LIMIT ?5"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![pool_id, search.like, search.code_prefix, bound, limit as i64], |r| {
            let household = Household { id: r.get(0)?, code: r.get(1)?, name: r.get(2)?, address: r.get(3)? };
            Ok(HouseholdLine { household, people: r.get(4)? })
        })?;
        let mut out: Vec<HouseholdLine> = rows.collect::<rusqlite::Result<_>>()?;
        if dir == Dir::Backward {
            out.reverse();
        }
        Ok(out)
    }

    /// How many households match.
    pub fn households_count(&self, pool_id: i64, search: &Search) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT COUNT(*) FROM households h WHERE h.pool_id = ?1 \
                   AND (?2 = '%%' OR h.code LIKE ?3 ESCAPE '\\' OR h.name LIKE ?2 \
                        OR h.id IN (SELECT p.household_id FROM persons p WHERE p.name_folded LIKE ?2))",
            )?
            .query_row(params![pool_id, search.like, search.code_prefix], |r| r.get(0))?)
    }
}
