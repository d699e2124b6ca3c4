//! Vouchers found by a walk of the covering index `transactions_by_date_kind`, kept by
//! id so that a second walk — of `postings_by_txn_account` over the same id range —
//! can join them in Rust. Two sequential index walks cost a fraction of what a join
//! that seeks every voucher's postings does (a year of a 20.000-person pool is 230.000
//! vouchers: about 30 ms a walk against 180 ms for the join).

use rusqlite::params;

use super::Store;
use crate::fault::Result;

/// Items keyed by voucher id, dense over the ids' range: a voucher's item is found
/// without hashing. The range holds other pools' vouchers in a district book, so the
/// dense part is a small index and the items sit packed beside it.
pub(super) struct ById<T> {
    base: i64,
    slots: Vec<u32>,
    items: Vec<T>,
}

const EMPTY: u32 = u32::MAX;

impl<T> ById<T> {
    /// From (id, item) pairs; a later pair for the same id replaces an earlier one.
    pub(super) fn new(pairs: Vec<(i64, T)>) -> ById<T> {
        let (lo, hi) = pairs.iter().fold((i64::MAX, i64::MIN), |(lo, hi), (id, _)| (lo.min(*id), hi.max(*id)));
        let width = if pairs.is_empty() { 0 } else { usize::try_from(hi - lo + 1).unwrap_or(0) };
        let mut slots = vec![EMPTY; width];
        let mut items = Vec::with_capacity(pairs.len());
        for (id, item) in pairs {
            let at = usize::try_from(id - lo).unwrap_or(usize::MAX);
            match slots.get_mut(at) {
                Some(slot) if *slot != EMPTY => {
                    if let Some(old) = usize::try_from(*slot).ok().and_then(|i| items.get_mut(i)) {
                        *old = item;
                    }
                }
                Some(slot) => {
                    *slot = u32::try_from(items.len()).unwrap_or(EMPTY);
                    items.push(item);
                }
                None => {}
            }
        }
        ById { base: lo, slots, items }
    }

    pub(super) fn get(&self, id: i64) -> Option<&T> {
        let at = usize::try_from(id.checked_sub(self.base)?).ok()?;
        let slot = *self.slots.get(at)?;
        self.items.get(usize::try_from(slot).ok()?)
    }

    /// How many items.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// The first and last id, if any.
    pub(super) fn range(&self) -> Option<(i64, i64)> {
        let width = i64::try_from(self.slots.len()).ok()?;
        (width > 0).then(|| (self.base, self.base + width - 1))
    }
}

impl Store {
    /// The postings of the vouchers with ids in `range` (inclusive) that `which` asks
    /// for — one walk of the covering index `postings_by_txn_account` — as (voucher,
    /// account, amount), to `f`.
    pub(super) fn walk_postings(
        &self,
        range: (i64, i64),
        which: Postings,
        mut f: impl FnMut(i64, i64, i64) -> Result<()>,
    ) -> Result<()> {
        let mut st;
        let mut q = match which {
            Postings::CashBank { cash, bank } => {
                // `+account_id`: the account is a filter, not the way in (the account
                // index would then look up every posting's amount in the table).
                st = self.conn.prepare_cached(
                    "SELECT txn_id, account_id, amount FROM postings \
                     WHERE txn_id >= ?1 AND txn_id <= ?2 AND +account_id IN (?3, ?4)",
                )?;
                st.query(params![range.0, range.1, cash, bank])?
            }
            Postings::Credits => {
                st = self.conn.prepare_cached(
                    "SELECT txn_id, account_id, amount FROM postings WHERE txn_id >= ?1 AND txn_id <= ?2 AND amount < 0",
                )?;
                st.query(params![range.0, range.1])?
            }
        };
        while let Some(r) = q.next()? {
            f(r.get(0)?, r.get(1)?, r.get(2)?)?;
        }
        Ok(())
    }
}

/// Which postings a walk reads.
#[derive(Clone, Copy, Debug)]
pub(super) enum Postings {
    /// Those of the pool's cash and bank accounts.
    CashBank { cash: i64, bank: i64 },
    /// Every credit (amount below zero).
    Credits,
}

#[cfg(test)]
mod tests {
    use super::ById;

    #[test]
    fn finds_items_by_id_and_nothing_outside() {
        let m = ById::new(vec![(10, 'a'), (14, 'b'), (12, 'c')]);
        assert_eq!(m.range(), Some((10, 14)));
        assert_eq!(m.get(10), Some(&'a'));
        assert_eq!(m.get(12), Some(&'c'));
        assert_eq!(m.get(14), Some(&'b'));
        assert_eq!(m.get(11), None);
        assert_eq!(m.get(9), None);
        assert_eq!(m.get(15), None);
        let again = ById::new(vec![(3, 'x'), (3, 'y')]);
        assert_eq!((again.len(), again.get(3)), (1, Some(&'y')));
        let empty: ById<u8> = ById::new(Vec::new());
        assert_eq!(empty.range(), None);
        assert_eq!(empty.get(0), None);
    }
}
