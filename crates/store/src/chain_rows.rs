//! The postings and coverage rows of a walk, read one row ahead of the voucher being
//! filled and moved into it when their transaction id comes up, so a million postings
//! never sit in memory at once (chain_walk.rs).

use super::chain_codes::Codes;
use super::chain_postings::{PostingRow, Postings};
use super::chain_text::{code_into, id_at, opt_code_into, opt_text_kept, text_into};
use crate::fault::Result;
use hunvon_core::ledger::canonical::{CanonicalCoverage, CanonicalPosting, CanonicalTransaction};

/// The postings and coverages of a walk, one row ahead of the voucher being filled, and
/// the codes their ids name.
pub(super) struct RowsOf<'c, 's> {
    pub(super) codes: Codes<'c>,
    postings: Postings<'s>,
    cov_rows: rusqlite::Rows<'s>,
    pending_post: Option<PostingRow>,
    pending_cov: Option<(i64, CanonicalCoverage)>,
    /// Postings joined to a voucher so far: each belongs to a transaction that exists,
    /// none is counted twice (`verify` compares them with the file's, docs/design.md §12).
    pub(super) taken: u64,
    /// Postings and coverage rows a link held beyond its voucher's, kept with their
    /// buffers for the next voucher that has more: dropped and made again, their strings
    /// cost an allocation and a free each (about a million in a walk of 20.000 people).
    spare_postings: Vec<CanonicalPosting>,
    spare_coverages: Vec<CanonicalCoverage>,
    /// The buffers of coverage rows' texts that turned NULL (`opt_text_kept`).
    spare_texts: Vec<String>,
}

impl<'c, 's> RowsOf<'c, 's> {
    pub(super) fn new(
        mut codes: Codes<'c>,
        mut postings: Postings<'s>,
        mut cov_rows: rusqlite::Rows<'s>,
    ) -> Result<Self> {
        let mut pending_post = None;
        postings.next(&mut codes.accounts, &mut pending_post)?;
        let mut pending_cov = None;
        let mut spare_texts = Vec::new();
        next_coverage(&mut cov_rows, &mut codes, &mut pending_cov, &mut spare_texts)?;
        Ok(RowsOf {
            codes,
            postings,
            cov_rows,
            pending_post,
            pending_cov,
            taken: 0,
            spare_postings: Vec::new(),
            spare_coverages: Vec::new(),
            spare_texts,
        })
    }

    /// Moves the postings of transaction `id` into `t` (none when the voucher is another
    /// pool's), each posting's account id into `account_ids`; rows of earlier ids are
    /// passed over.
    pub(super) fn take_postings(
        &mut self,
        id: i64,
        own: bool,
        t: &mut CanonicalTransaction,
        account_ids: &mut Vec<Option<i64>>,
    ) -> Result<()> {
        let mut n = 0;
        while let Some((at, p, account)) = &mut self.pending_post {
            if *at > id {
                break;
            }
            if *at == id && own {
                if n == t.postings.len() {
                    t.postings.push(self.spare_postings.pop().unwrap_or_default());
                }
                std::mem::swap(&mut t.postings[n], p);
                account_ids.push(*account);
                n += 1;
            }
            self.postings.next(&mut self.codes.accounts, &mut self.pending_post)?;
        }
        self.spare_postings.extend(t.postings.drain(n..));
        self.taken += n as u64;
        Ok(())
    }

    /// Moves the coverage rows of transaction `id` into `t` (none when the voucher is another
    /// pool's: a dense pool reads theirs too); rows of earlier ids are passed over.
    pub(super) fn take_coverages(&mut self, id: i64, own: bool, t: &mut CanonicalTransaction) -> Result<()> {
        let mut n = 0;
        while let Some((at, c)) = &mut self.pending_cov {
            if *at > id {
                break;
            }
            if *at == id && own {
                if n == t.coverages.len() {
                    t.coverages.push(self.spare_coverages.pop().unwrap_or_default());
                }
                std::mem::swap(&mut t.coverages[n], c);
                n += 1;
            }
            next_coverage(&mut self.cov_rows, &mut self.codes, &mut self.pending_cov, &mut self.spare_texts)?;
        }
        self.spare_coverages.extend(t.coverages.drain(n..));
        Ok(())
    }
}

/// The next coverage row into `pending` (its buffers reused), `None` after the last.
fn next_coverage(
    rows: &mut rusqlite::Rows<'_>,
    codes: &mut Codes<'_>,
    pending: &mut Option<(i64, CanonicalCoverage)>,
    texts: &mut Vec<String>,
) -> Result<()> {
    let Some(r) = rows.next()? else {
        *pending = None;
        return Ok(());
    };
    let (at, c) = pending.get_or_insert_with(Default::default);
    *at = r.get(0)?;
    c.id = r.get(1)?;
    code_into(codes.persons.get(id_at(r, 2)?)?, &mut c.person);
    text_into(r, 3, &mut c.scheme)?;
    c.months = r.get(4)?;
    code_into(codes.accounts.get(id_at(r, 5)?)?, &mut c.payer);
    opt_code_into(codes.households.get(id_at(r, 6)?)?, &mut c.household);
    c.position = r.get(7)?;
    c.quote = r.get(8)?;
    c.amount = r.get(9)?;
    opt_text_kept(r, 10, &mut c.expected_from, texts)?;
    opt_text_kept(r, 11, &mut c.expected_to, texts)?;
    opt_text_kept(r, 12, &mut c.card_from, texts)?;
    opt_text_kept(r, 13, &mut c.card_to, texts)?;
    opt_text_kept(r, 14, &mut c.from_month, texts)?;
    opt_text_kept(r, 15, &mut c.to_month, texts)?;
    c.income = r.get(16)?;
    c.supported_months = r.get(17)?;
    Ok(())
}
