//! Who is covered at the end of a day: every coverage row in force, read by walks — the
//! pool's purchases and reversals, its people, the coverage rows of those purchases —
//! never a lookup per person. A province's pool holds half a million coverage rows, so a
//! paper with a second reader of the same snapshot shares the walk with it, on the
//! second core (docs/design.md §4).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::Store;
use crate::fault::{Result, StoreError};
use crate::id_bits::IdBits;
use crate::stored_date::stored_date;
use hunvon_core::rules::year_month::YearMonth;

/// A coverage row in force at the end of a day — its purchase paid by then and not
/// reversed by then — as the counts of people covered need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverInForce {
    pub person_id: i64,
    pub scheme: Scheme,
    pub months: u32,
    /// The BHYT card's dates in force, when both are set.
    pub card: Option<(NaiveDate, NaiveDate)>,
    /// The BHXH months paid, when both are set and are months.
    pub month_run: Option<(YearMonth, YearMonth)>,
    /// Whether its purchase is dated on or after the day asked (bought in the period).
    pub recent: bool,
    /// A card from elsewhere (SPEC §10), not bought by the pool.
    pub outside: bool,
    /// Where a card from elsewhere comes from (`state`, `school`, …); None when bought.
    pub source: Option<String>,
}

/// A coverage row's scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Bhyt,
    Bhxh,
    Other,
}

/// What every part of the walk keeps a coverage row by.
struct Standing {
    /// The pool's purchases that stand (see `standing_purchases`).
    purchases: IdBits,
    /// Those of them dated in the period asked (recent).
    recent: IdBits,
    /// The pool's people.
    people: IdBits,
}

/// How many ranges of purchases the walk beside a second reader is cut into: enough
/// that the thread done first with its other read takes more of them, few enough that
/// each is a long range of the index.
const PIECES: usize = 16;

/// One range of the walk: its place among the pieces, and its rows by person.
type Piece = (usize, Vec<CoverInForce>);

impl Store {
    /// How many people the pool has, and every coverage row of theirs in force at the end
    /// of `as_of` (see [`CoverInForce`]), by person, `recent` for a purchase dated on or
    /// after `since`. Coverage rows belong to purchases (schema.sql); a reversal voids
    /// them from its date.
    pub fn cover_in_force(
        &self,
        pool_id: i64,
        since: Option<NaiveDate>,
        as_of: NaiveDate,
    ) -> Result<(usize, Vec<CoverInForce>)> {
        let standing = self.standing(pool_id, since, as_of)?;
        let mut out = self.outside_in_force(pool_id, as_of)?;
        if let Some(range) = standing.purchases.range() {
            self.add_bought_cover(range, &standing, &mut out)?;
        }
        out.sort_by_key(|c| c.person_id);
        Ok((standing.people.len(), out))
    }

    /// [`Store::cover_in_force`] for `(pool_id, since, as_of)` on two threads: `helper`, a
    /// second reader of the same snapshot (`with_second_reader`), runs `side` while this
    /// one reads the purchases and the people and starts the walk; the walk is cut into
    /// [`PIECES`] ranges of purchases, which each thread takes in turn as it comes free,
    /// so the thread whose other read ends first walks more of them. The rows come out
    /// as `cover_in_force` gives them.
    pub fn cover_in_force_beside<H, T, E>(
        &self,
        helper: H,
        (pool_id, since, as_of): (i64, Option<NaiveDate>, NaiveDate),
        side: impl FnOnce(&H) -> std::result::Result<T, E> + Send,
    ) -> std::result::Result<((usize, Vec<CoverInForce>), T), E>
    where
        H: AsRef<Store> + Send,
        T: Send,
        E: From<StoreError> + Send,
    {
        let (give, take) = sync_channel::<Arc<Standing>>(1);
        let next = &AtomicUsize::new(0);
        // `give` moves in, so it is dropped even when this thread fails or panics: the
        // helper then stops waiting for it.
        std::thread::scope(move |scope| {
            let later = scope.spawn(move || -> std::result::Result<(T, Vec<Piece>), E> {
                let t = side(&helper)?;
                let mut pieces = Vec::new();
                // Nothing to walk when this thread's reads failed: their error is reported.
                if let Ok(standing) = take.recv() {
                    helper.as_ref().walk_pieces(&standing, next, &mut pieces)?;
                }
                Ok((t, pieces))
            });
            let earlier = (|| -> Result<(usize, Vec<CoverInForce>, Vec<Piece>)> {
                let standing = Arc::new(self.standing(pool_id, since, as_of)?);
                // The helper may have failed and gone; its error is reported below.
                let _ = give.send(Arc::clone(&standing));
                let mut out = self.outside_in_force(pool_id, as_of)?;
                out.sort_by_key(|c| c.person_id);
                let mut pieces = Vec::new();
                self.walk_pieces(&standing, next, &mut pieces)?;
                Ok((standing.people.len(), out, pieces))
            })();
            drop(give);
            let later = later.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (people, mut out, mut pieces) = earlier?;
            let (t, later) = later?;
            // Runs by person, in the order of the pieces: the stable sort merges them.
            pieces.extend(later);
            pieces.sort_by_key(|p| p.0);
            out.reserve(pieces.iter().map(|p| p.1.len()).sum());
            for (_, rows) in pieces {
                out.extend(rows);
            }
            out.sort_by_key(|c| c.person_id);
            Ok(((people, out), t))
        })
    }

    /// Walks the pieces of the purchases no thread has taken yet, each into its own run
    /// sorted by person.
    fn walk_pieces(&self, standing: &Standing, next: &AtomicUsize, out: &mut Vec<Piece>) -> Result<()> {
        let Some((first, last)) = standing.purchases.range() else { return Ok(()) };
        let width = (last - first) / PIECES as i64 + 1;
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            if at >= PIECES {
                return Ok(());
            }
            let lo = first + width * at as i64;
            let hi = (lo + width - 1).min(last);
            let mut rows = Vec::new();
            if lo <= hi {
                self.add_bought_cover((lo, hi), standing, &mut rows)?;
                rows.sort_by_key(|c| c.person_id);
            }
            out.push((at, rows));
        }
    }

    /// The standing purchases up to `as_of` (recent from `since`) and the pool's people.
    fn standing(&self, pool_id: i64, since: Option<NaiveDate>, as_of: NaiveDate) -> Result<Standing> {
        let (lo, hi) = super::queries::period_bounds(since, Some(as_of));
        let (purchases, recent) = self.standing_purchases(pool_id, &lo, &hi)?;
        let mut st = self.conn.prepare_cached("SELECT id FROM persons WHERE pool_id = ?1")?;
        let ids = st.query_map([pool_id], |r| r.get::<_, i64>(0))?;
        let people = IdBits::new(&ids.collect::<rusqlite::Result<Vec<_>>>()?);
        Ok(Standing { purchases, recent, people })
    }

    /// The pool's purchases dated up to `hi` that no reversal up to `hi` voids, each
    /// with whether it is dated on or after `lo` (recent).
    fn standing_purchases(&self, pool_id: i64, lo: &str, hi: &str) -> Result<(IdBits, IdBits)> {
        let mut purchases = Vec::new();
        let mut voided = Vec::new();
        // Both through `transactions_by_kind` (a book older than it, read-only, walks
        // the date index instead). Only `reverse` sets reverses_id, on a reversal.
        let mut st = self.conn.prepare_cached(
            "SELECT id, date >= ?3 FROM transactions \
             WHERE pool_id = ?1 AND kind IN ('purchase_bhyt', 'purchase_bhxh') AND date <= ?2",
        )?;
        let mut q = st.query(params![pool_id, hi, lo])?;
        while let Some(r) = q.next()? {
            purchases.push((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT reverses_id FROM transactions \
             WHERE pool_id = ?1 AND kind = 'reversal' AND date <= ?2 AND reverses_id IS NOT NULL",
        )?;
        let mut q = st.query(params![pool_id, hi])?;
        while let Some(r) = q.next()? {
            voided.push(r.get::<_, i64>(0)?);
        }
        let voided = IdBits::new(&voided);
        purchases.retain(|(id, _)| !voided.contains(*id));
        let recent: Vec<i64> = purchases.iter().filter(|p| p.1).map(|p| p.0).collect();
        let purchases: Vec<i64> = purchases.into_iter().map(|p| p.0).collect();
        Ok((IdBits::new(&purchases), IdBits::new(&recent)))
    }

    /// Cards from elsewhere in force count like bought ones (SPEC §10), never as bought.
    fn outside_in_force(&self, pool_id: i64, as_of: NaiveDate) -> Result<Vec<CoverInForce>> {
        Ok(self
            .outside_cards(pool_id)?
            .iter()
            .filter(|c| c.from <= as_of)
            .map(|c| CoverInForce {
                person_id: c.person_id,
                scheme: if c.scheme == "bhyt" { Scheme::Bhyt } else { Scheme::Bhxh },
                months: 0,
                card: (c.scheme == "bhyt").then_some((c.from, c.to)),
                month_run: (c.scheme == "bhxh").then_some((YearMonth::of(c.from), YearMonth::of(c.to))),
                recent: false,
                outside: true,
                source: Some(c.source.clone()),
            })
            .collect())
    }

    /// The coverage rows of the standing purchases with ids in `first..=last`, of the
    /// pool's people.
    fn add_bought_cover(
        &self,
        (first, last): (i64, i64),
        standing: &Standing,
        out: &mut Vec<CoverInForce>,
    ) -> Result<()> {
        let mut st = self.conn.prepare_cached(
            "SELECT txn_id, person_id, scheme, months, card_from, card_to, from_month, to_month FROM coverages \
             WHERE txn_id >= ?1 AND txn_id <= ?2",
        )?;
        let mut q = st.query(params![first, last])?;
        while let Some(r) = q.next()? {
            let txn_id: i64 = r.get(0)?;
            let person_id: i64 = r.get(1)?;
            if !standing.purchases.contains(txn_id) || !standing.people.contains(person_id) {
                continue;
            }
            out.push(bought_cover(r, person_id, standing.recent.contains(txn_id))?);
        }
        Ok(())
    }
}

/// One coverage row of `add_bought_cover`'s walk.
fn bought_cover(r: &Row<'_>, person_id: i64, recent: bool) -> rusqlite::Result<CoverInForce> {
    let month = |i: usize| -> rusqlite::Result<Option<YearMonth>> {
        Ok(r.get_ref(i)?.as_str_or_null()?.and_then(YearMonth::parse))
    };
    let card_from = stored_date(r, 4)?;
    let card_to = stored_date(r, 5)?;
    Ok(CoverInForce {
        person_id,
        scheme: match r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)? {
            "bhyt" => Scheme::Bhyt,
            "bhxh" => Scheme::Bhxh,
            _ => Scheme::Other,
        },
        months: r.get(3)?,
        card: card_from.zip(card_to),
        month_run: month(6)?.zip(month(7)?),
        recent,
        outside: false,
        source: None,
    })
}

impl AsRef<Store> for Store {
    fn as_ref(&self) -> &Store {
        self
    }
}
