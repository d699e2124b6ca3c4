//! Every person of a pool with what a search matches of her, read once for the lists a
//! screen filters in memory (the overview's cover, outreach and dues lists of a province's
//! 100.000 people).

use rusqlite::OptionalExtension;

use super::Store;
use super::by_id::ById;
use crate::fault::Result;
use crate::people::{Person, left_on_column, person_row};

/// `people::PERSON_COLUMNS` without the joined codes (NULL in their places), for a read that
/// names households and sponsors from maps.
const PERSON_COLUMNS_UNJOINED: &str = "p.id, p.code, p.full_name, p.date_of_birth, p.gender, p.cccd, p.bhxh_code, \
     p.household_id, NULL, p.category, p.phone, p.joined, p.sponsor_id, NULL";

impl Store {
    /// Every person of the pool, by code, each with what a search matches of her (code,
    /// folded name, phone, CCCD, mã số BHXH; empty where unknown), for lists filtered in
    /// memory: one read of the persons for a screen that needs both. The household's and sponsor's codes come from the pool's households and these
    /// persons, by id, not from a join: two B-tree seeks per person were about half the
    /// read of a province's 100.000. An id outside them is looked up on its own, as the
    /// join would have found it.
    pub fn persons_with_keys(&self, pool_id: i64) -> Result<(Vec<Person>, Vec<crate::browse::SearchKeys>)> {
        let sql = format!(
            "SELECT {PERSON_COLUMNS_UNJOINED}, {}, p.name_folded FROM persons p WHERE p.pool_id = ?1 ORDER BY p.code",
            left_on_column(&self.conn)?
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut q = st.query([pool_id])?;
        let (mut persons, mut keys) = (Vec::new(), Vec::new());
        while let Some(r) = q.next()? {
            let p = person_row(r)?;
            keys.push(crate::browse::SearchKeys::new(
                &p.code,
                r.get_ref(15)?.as_str().map_err(rusqlite::Error::from)?,
                p.phone.as_deref().unwrap_or_default(),
                p.cccd.as_deref().unwrap_or_default(),
                p.bhxh_code.as_deref().unwrap_or_default(),
            ));
            persons.push(p);
        }
        self.name_households_and_sponsors(pool_id, &mut persons)?;
        Ok((persons, keys))
    }

    /// Fills each person's household and sponsor code (see `persons_with_keys`).
    fn name_households_and_sponsors(&self, pool_id: i64, persons: &mut [Person]) -> Result<()> {
        let mut st = self.conn.prepare_cached("SELECT id, code FROM households WHERE pool_id = ?1")?;
        let households = ById::new(
            st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<(i64, String)>>>()?,
        );
        let at = ById::new(persons.iter().enumerate().map(|(at, p)| (p.id, at)).collect());
        let mut household_st = self.conn.prepare_cached("SELECT code FROM households WHERE id = ?1")?;
        let mut sponsor_st = self.conn.prepare_cached("SELECT code FROM persons WHERE id = ?1")?;
        let mut sponsors = Vec::with_capacity(persons.len());
        for p in persons.iter() {
            sponsors.push(match p.sponsor_id {
                None => None,
                Some(id) => match at.get(id) {
                    Some(&i) => Some(persons[i].code.clone()),
                    None => sponsor_st.query_row([id], |r| r.get(0)).optional()?,
                },
            });
        }
        for (p, sponsor) in persons.iter_mut().zip(sponsors) {
            p.sponsor_code = sponsor;
            p.household_code = match p.household_id {
                None => None,
                Some(id) => match households.get(id) {
                    Some(code) => Some(code.clone()),
                    None => household_st.query_row([id], |r| r.get(0)).optional()?,
                },
            };
        }
        Ok(())
    }
}
