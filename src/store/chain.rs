//! Reading the hash chain back in its canonical form, in order of entry, streaming: three
//! cursors (transactions, postings, coverages) walked in step by transaction id, so a
//! million postings never sit in memory at once.

use rusqlite::params;

use super::Store;
use crate::error::Result;
use crate::ledger::canonical::{CanonicalCoverage, CanonicalPosting, CanonicalTransaction};

/// One stored link of the chain: what it says its predecessor was, what it says its
/// own hash is, and its stored content in canonical form.
#[derive(Clone, Debug)]
pub struct StoredLink {
    pub prev_hash: String,
    pub hash: String,
    pub canonical: CanonicalTransaction,
}

impl Store {
    /// Calls `visit` for each transaction of the pool with id in `from..=to`, in id order.
    /// `visit` returns false to stop early.
    pub fn walk_chain(
        &self,
        pool_id: i64,
        from: i64,
        to: i64,
        mut visit: impl FnMut(StoredLink) -> Result<bool>,
    ) -> Result<()> {
        let mut txs = self.conn.prepare(
            "SELECT t.id, pl.code, t.voucher, t.series, t.year, t.seq, t.date, t.kind, t.method, p.code, t.note, \
                    r.voucher, t.receipt_no, t.entered_at, t.prev_hash, t.hash \
             FROM transactions t JOIN pools pl ON pl.id = t.pool_id \
             LEFT JOIN persons p ON p.id = t.person_id LEFT JOIN transactions r ON r.id = t.reverses_id \
             WHERE t.pool_id = ?1 AND t.id BETWEEN ?2 AND ?3 ORDER BY t.id",
        )?;
        let mut posts = self.conn.prepare(
            "SELECT p.txn_id, p.id, a.name, p.amount FROM postings p \
             JOIN transactions t ON t.id = p.txn_id LEFT JOIN accounts a ON a.id = p.account_id \
             WHERE t.pool_id = ?1 AND p.txn_id BETWEEN ?2 AND ?3 ORDER BY p.txn_id, p.id",
        )?;
        let mut covs = self.conn.prepare(
            "SELECT c.txn_id, c.id, p.code, c.scheme, c.months, a.name, h.code, c.position, c.quote, c.amount, \
                    c.expected_from, c.expected_to, c.card_from, c.card_to, c.from_month, c.to_month, c.income, \
                    c.supported_months \
             FROM coverages c JOIN transactions t ON t.id = c.txn_id \
             LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN accounts a ON a.id = c.payer_account_id \
             LEFT JOIN households h ON h.id = c.household_id \
             WHERE t.pool_id = ?1 AND c.txn_id BETWEEN ?2 AND ?3 ORDER BY c.txn_id, c.id",
        )?;
        let mut post_rows = posts.query(params![pool_id, from, to])?;
        let mut cov_rows = covs.query(params![pool_id, from, to])?;
        let mut pending_post: Option<(i64, CanonicalPosting)> = next_posting(&mut post_rows)?;
        let mut pending_cov: Option<(i64, CanonicalCoverage)> = next_coverage(&mut cov_rows)?;

        let mut rows = txs.query(params![pool_id, from, to])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let mut postings = Vec::new();
            while let Some((txn, _)) = &pending_post {
                if *txn != id {
                    break;
                }
                if let Some((_, p)) = pending_post.take() {
                    postings.push(p);
                }
                pending_post = next_posting(&mut post_rows)?;
            }
            let mut coverages = Vec::new();
            while let Some((txn, _)) = &pending_cov {
                if *txn != id {
                    break;
                }
                if let Some((_, c)) = pending_cov.take() {
                    coverages.push(c);
                }
                pending_cov = next_coverage(&mut cov_rows)?;
            }
            let canonical = CanonicalTransaction {
                id,
                pool: r.get(1)?,
                voucher: r.get(2)?,
                series: r.get(3)?,
                year: r.get(4)?,
                seq: r.get(5)?,
                date: r.get(6)?,
                kind: r.get(7)?,
                method: r.get(8)?,
                person: r.get(9)?,
                note: r.get(10)?,
                reverses: r.get(11)?,
                receipt_no: r.get(12)?,
                entered_at: r.get(13)?,
                postings,
                coverages,
            };
            let link = StoredLink { prev_hash: r.get(14)?, hash: r.get(15)?, canonical };
            if !visit(link)? {
                break;
            }
        }
        Ok(())
    }
}

fn next_posting(rows: &mut rusqlite::Rows<'_>) -> Result<Option<(i64, CanonicalPosting)>> {
    Ok(match rows.next()? {
        Some(r) => Some((
            r.get(0)?,
            CanonicalPosting {
                id: r.get(1)?,
                account: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                amount: r.get(3)?,
            },
        )),
        None => None,
    })
}

fn next_coverage(rows: &mut rusqlite::Rows<'_>) -> Result<Option<(i64, CanonicalCoverage)>> {
    Ok(match rows.next()? {
        Some(r) => Some((
            r.get(0)?,
            CanonicalCoverage {
                id: r.get(1)?,
                person: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                scheme: r.get(3)?,
                months: r.get(4)?,
                payer: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                household: r.get(6)?,
                position: r.get(7)?,
                quote: r.get(8)?,
                amount: r.get(9)?,
                expected_from: r.get(10)?,
                expected_to: r.get(11)?,
                card_from: r.get(12)?,
                card_to: r.get(13)?,
                from_month: r.get(14)?,
                to_month: r.get(15)?,
                income: r.get(16)?,
                supported_months: r.get(17)?,
            },
        )),
        None => None,
    })
}
