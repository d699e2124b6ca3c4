//! The codes a voucher's canonical text names for the ids in its rows (its pool, person,
//! payer, household, each posting's account), from maps of the pool's rows read once
//! instead of a join per row (docs/design.md §12): what a chain walk looks them up in.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::{OptionalExtension, Statement};

use crate::fault::Result;

/// The codes and names a voucher's canonical text holds for the ids in its rows, as the
/// joins they replace would read them: NULL (no such row) is `None`.
pub(crate) struct Codes<'c> {
    /// The pool's code as its vouchers name it (a collected pool: its chapter's code).
    pub(crate) pools: ById<'c>,
    pub(crate) persons: ById<'c>,
    pub(crate) households: ById<'c>,
    pub(crate) accounts: ById<'c>,
}

impl<'c> Codes<'c> {
    pub(crate) fn of_pool(conn: &'c rusqlite::Connection, pool_id: i64, origins: bool) -> Result<Codes<'c>> {
        let pool_code = if origins { "COALESCE(origin_code, code)" } else { "code" };
        Ok(Codes {
            pools: ById::new(
                conn,
                &format!("SELECT id, {pool_code} FROM pools WHERE id = ?1"),
                &format!("SELECT {pool_code} FROM pools WHERE id = ?1"),
                pool_id,
            )?,
            persons: ById::new(
                conn,
                "SELECT id, code FROM persons WHERE pool_id = ?1",
                "SELECT code FROM persons WHERE id = ?1",
                pool_id,
            )?,
            households: ById::new(
                conn,
                "SELECT id, code FROM households WHERE pool_id = ?1",
                "SELECT code FROM households WHERE id = ?1",
                pool_id,
            )?,
            accounts: Codes::accounts_of(conn, pool_id)?,
        })
    }

    /// The accounts' names alone (what a posting names), for a walk's postings read on a
    /// connection of their own (chain_postings.rs).
    pub(crate) fn accounts_of(conn: &'c rusqlite::Connection, pool_id: i64) -> Result<ById<'c>> {
        ById::new(
            conn,
            "SELECT id, name FROM accounts WHERE pool_id = ?1",
            "SELECT name FROM accounts WHERE id = ?1",
            pool_id,
        )
    }
}

/// One table's codes by id: the pool's rows read once into one buffer, found by their id
/// (an index, no hashing: a walk looks up two million); any other id a row names (a row
/// moved behind hunvon's back) looked up on its own, as a join would, and kept.
pub(crate) struct ById<'c> {
    /// The pool's rows: `spans[id - base]` is where row `id`'s code lies in `text`.
    base: i64,
    spans: Vec<Span>,
    text: String,
    other: HashMap<i64, Option<String>>,
    one: Statement<'c>,
}

/// Where a code lies in `ById::text`: `start..start + len`, or one of the two marks.
#[derive(Clone, Copy)]
struct Span {
    start: u32,
    len: u32,
}

/// Not one of the pool's rows: looked up on its own.
const ELSEWHERE: u32 = u32::MAX;
/// The pool's row, whose code is NULL.
const NULL_CODE: u32 = u32::MAX - 1;
/// Ids spread wider than this are looked up in `other` (never for a book hunvon wrote).
const MAX_SPANS: usize = 1 << 24;

impl<'c> ById<'c> {
    fn new(conn: &'c rusqlite::Connection, all: &str, one: &str, pool_id: i64) -> Result<ById<'c>> {
        let mut st = conn.prepare(all)?;
        let rows: Vec<(i64, Option<String>)> =
            st.query_map([pool_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut by_id =
            ById { base: 0, spans: Vec::new(), text: String::new(), other: HashMap::new(), one: conn.prepare(one)? };
        let (Some(lo), Some(hi)) = (rows.iter().map(|r| r.0).min(), rows.iter().map(|r| r.0).max()) else {
            return Ok(by_id);
        };
        let width = hi.checked_sub(lo).and_then(|w| usize::try_from(w).ok()).filter(|w| *w < MAX_SPANS);
        let Some(width) = width else {
            by_id.other.extend(rows);
            return Ok(by_id);
        };
        by_id.base = lo;
        by_id.spans = vec![Span { start: ELSEWHERE, len: 0 }; width + 1];
        for (id, code) in rows {
            let span = match code {
                None => Some(Span { start: NULL_CODE, len: 0 }),
                Some(c) => u32::try_from(by_id.text.len())
                    .ok()
                    .zip(u32::try_from(c.len()).ok())
                    .filter(|(start, len)| start.checked_add(*len).is_some_and(|end| end < NULL_CODE))
                    .map(|(start, len)| {
                        by_id.text.push_str(&c);
                        Span { start, len }
                    }),
            };
            if let (Some(span), Some(slot)) = (span, usize::try_from(id - lo).ok().and_then(|i| by_id.spans.get_mut(i)))
            {
                *slot = span;
            }
        }
        Ok(by_id)
    }

    /// The code of row `id`; `None` for no id, no such row or a NULL code.
    pub(crate) fn get(&mut self, id: Option<i64>) -> Result<Option<&str>> {
        let Some(id) = id else { return Ok(None) };
        if let Some(span) =
            id.checked_sub(self.base).and_then(|i| usize::try_from(i).ok()).and_then(|i| self.spans.get(i))
        {
            match span.start {
                ELSEWHERE => {}
                NULL_CODE => return Ok(None),
                start => return Ok(self.text.get(start as usize..(start + span.len) as usize)),
            }
        }
        let code = match self.other.entry(id) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => {
                let found = self.one.query_row([id], |r| r.get::<_, Option<String>>(0)).optional()?.flatten();
                e.insert(found)
            }
        };
        Ok(code.as_deref())
    }
}
