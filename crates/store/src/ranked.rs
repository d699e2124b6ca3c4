//! The people a person field offers as a name, code or number is typed, best first:
//! the code typed exactly; then a whole word of the folded name starting with the text
//! ("hanh" finds Hạnh before Chanh), a code starting with it or a number; then the text
//! inside a word; members still in the pool before relatives and those who left; then
//! by code. The matching itself is the people list's own (`browse::MATCHES`).

use rusqlite::params;

use super::Store;
use super::browse::{MATCHES, PersonLine, Search, person_line, person_line_select};
use crate::fault::Result;

/// A match's rank, smaller first (parameters as `MATCHES`, plus ?5 the exact code and ?6
/// the folded text at a word's start): how it matched, twice over, plus one for anyone
/// but a member still in the pool.
fn rank(left_on: &str) -> String {
    format!(
        "(CASE WHEN p.code = ?5 THEN 0 \
               WHEN ' ' || p.name_folded LIKE ?6 OR p.code LIKE ?3 ESCAPE '\\' OR ?4 <> '' THEN 1 \
               ELSE 2 END) * 2 \
         + (CASE WHEN p.joined IS NOT NULL AND {left_on} IS NULL THEN 0 ELSE 1 END)"
    )
}

impl Store {
    /// Up to `limit` people matching `search`, the best match first (see the module).
    /// One pass over the pool's people, as the list's count; only the few kept are
    /// joined to their balance and household.
    pub fn people_ranked(&self, pool_id: i64, search: &Search, limit: usize) -> Result<Vec<PersonLine>> {
        let left_on = super::people::left_on_column(&self.conn)?;
        let sql = format!(
            "WITH ranked AS (SELECT p.id, {} AS rank, p.code FROM persons p WHERE p.pool_id = ?1 AND {MATCHES} \
             ORDER BY rank, p.code LIMIT ?7) \
             {} JOIN ranked r ON r.id = p.id ORDER BY r.rank, r.code",
            rank(left_on),
            person_line_select(&self.conn)?,
        );
        let exact = search.code_prefix.trim_end_matches('%').replace("\\_", "_");
        let word_start = format!("% {}", search.like.trim_start_matches('%'));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![pool_id, search.like, search.code_prefix, search.digits, exact, word_start, limit as i64],
            person_line,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
