//! The postings of a chain walk, one row ahead of the voucher being filled, joined to it
//! by transaction id: on the walk's own thread, or on the vouchers' thread beside it
//! (chain_vouchers.rs, docs/design.md §12). Rows of an earlier id are passed over, so
//! nothing is allocated per posting: each row's buffers are swapped into its voucher.

use super::chain_codes::ById;
use crate::fault::Result;
use hunvon_core::ledger::canonical::{CanonicalPosting, CanonicalTransaction};

/// A posting as the walk takes it: its transaction's row id, the posting (its account as
/// a code), its account's row id.
pub(crate) type PostingRow = (i64, CanonicalPosting, Option<i64>);

/// A cursor over the postings query of a walk (transaction id, row id, account id,
/// amount, in transaction order) and the row it has read ahead.
pub(crate) struct PostingsAhead<'s> {
    rows: rusqlite::Rows<'s>,
    pending: Option<PostingRow>,
    /// Postings joined to a voucher so far (`WalkTally::postings`).
    pub(crate) taken: u64,
}

impl<'s> PostingsAhead<'s> {
    pub(crate) fn new(rows: rusqlite::Rows<'s>, accounts: &mut ById<'_>) -> Result<PostingsAhead<'s>> {
        let mut ahead = PostingsAhead { rows, pending: None, taken: 0 };
        ahead.next(accounts)?;
        Ok(ahead)
    }

    /// The next posting into `pending` (its buffers reused), `None` after the last.
    fn next(&mut self, accounts: &mut ById<'_>) -> Result<()> {
        match self.rows.next()? {
            Some(r) => posting_from(r, accounts, self.pending.get_or_insert_with(Default::default)),
            None => {
                self.pending = None;
                Ok(())
            }
        }
    }

    /// Moves the postings of transaction `id` into `t` (none when the voucher is another
    /// pool's), each posting's account id into `account_ids`; rows of earlier ids are
    /// passed over.
    pub(crate) fn take(
        &mut self,
        id: i64,
        own: bool,
        accounts: &mut ById<'_>,
        t: &mut CanonicalTransaction,
        account_ids: &mut Vec<Option<i64>>,
    ) -> Result<()> {
        let mut n = 0;
        while let Some((at, p, account)) = &mut self.pending {
            if *at > id {
                break;
            }
            if *at == id && own {
                if n == t.postings.len() {
                    t.postings.push(CanonicalPosting::default());
                }
                std::mem::swap(&mut t.postings[n], p);
                account_ids.push(*account);
                n += 1;
            }
            self.next(accounts)?;
        }
        t.postings.truncate(n);
        self.taken += n as u64;
        Ok(())
    }
}

/// One posting row (transaction id, row id, account id, amount) into `slot`.
fn posting_from(r: &rusqlite::Row<'_>, accounts: &mut ById<'_>, slot: &mut PostingRow) -> Result<()> {
    let (at, p, account) = slot;
    *at = r.get(0)?;
    p.id = r.get(1)?;
    *account = r.get(2)?;
    let code = accounts.get(*account)?;
    p.account.clear();
    p.account.push_str(code.unwrap_or_default());
    p.amount = r.get(3)?;
    Ok(())
}
