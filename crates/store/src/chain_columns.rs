//! The columns of a chain walk's main query and how one of its rows fills a link
//! (chain_walk.rs). Reading a column costs three or four calls into SQLite and a voucher
//! has some twenty, so none is read twice (a voucher's id, in a book with no origins, is
//! its row's) and none is read for nothing (docs/design.md §12).

use rusqlite::types::ValueRef;

use super::chain::{Content, Link};
use super::chain_codes::Codes;
use super::chain_rows::RowsOf;
use super::chain_text::{code_into, id_at, opt_code_into, opt_text_into, or_empty_into, text_into, text_value_into};
use super::chain_walk::{Kind, Spare, WalkTally};
use crate::fault::Result;
use hunvon_core::ledger::canonical::CanonicalTransaction;

/// The main query's columns, by place.
const POS: usize = 0;
const KIND: usize = 1;
const BODY: usize = 2;
const PREV_HASH: usize = 3;
const HASH: usize = 4;
const AT: usize = 5;
/// The voucher's columns (`voucher_columns`) from here on.
const T_ID: usize = 6;
const T_POOL: usize = 7;
const T_ENTERED_AT: usize = 19;
/// The id its canonical text holds: `T_ID`'s own value unless the book has origins.
const ORIGIN_ID: usize = 20;

/// A chain row's kind for a voucher.
const VOUCHER: &str = "voucher";

/// The reversed voucher's number: the only join left per record (reversals are few).
const REVERSES_JOIN: &str = "LEFT JOIN transactions r ON r.id = t.reverses_id";

/// The reversed voucher's number as the text holds it: empty, not absent, when
/// `reverses_id` names no voucher — a voucher made to reverse nothing that exists (the
/// foreign key set aside) no longer gives its hash, where NULL would read as honest.
const REVERSED: &str = "IIF(t.reverses_id IS NULL, NULL, COALESCE(r.voucher, ''))";

/// The main query of a walk of `?2..=?3` of pool `?1`: its chain's rows (`chained`), else
/// its vouchers in id order (a book of the first schema). The pool and the person are read
/// as ids, their codes looked up in [`Codes`]. A pool collected from a chapter's book
/// keeps the chapter's row ids (`origin_id`, docs/design.md §11), which is what its
/// canonical text holds; a book from before the district step has no such column. A book
/// from before schema step 8 has no bank or count reference: read as empty.
pub(super) fn main_query(chained: bool, origins: bool, refs: bool) -> String {
    let id = if origins { "COALESCE(t.origin_id, t.id)" } else { "t.id" };
    let refs = if refs { "t.bank_ref, t.count_ref" } else { "'', ''" };
    let voucher_columns = format!(
        "t.id, t.pool_id, t.voucher, t.series, t.year, t.seq, t.date, t.kind, t.method, t.person_id, \
         t.note, {REVERSED}, t.receipt_no, t.entered_at, {id}, {refs}"
    );
    if chained {
        format!(
            "SELECT c.pos, NULLIF(c.kind, 'voucher'), c.body, COALESCE(c.prev_hash, t.prev_hash), COALESCE(c.hash, t.hash), \
                    c.entered_at, {voucher_columns} \
             FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id {REVERSES_JOIN} \
             WHERE c.pool_id = ?1 AND c.pos BETWEEN ?2 AND ?3 ORDER BY c.pos"
        )
    } else {
        format!(
            "SELECT t.pos, NULL, NULL, t.prev_hash, t.hash, NULL, {voucher_columns} \
             FROM (SELECT *, ROW_NUMBER() OVER (ORDER BY id) AS pos FROM transactions WHERE pool_id = ?1) t \
             {REVERSES_JOIN} WHERE t.pos BETWEEN ?2 AND ?3 ORDER BY t.pos"
        )
    }
}

/// One row of the walk's main query, with its postings and coverage rows, into `link`.
/// The columns are read in the order they always were, so a row with two wrong values is
/// refused naming the same one.
pub(super) fn fill_link(
    r: &rusqlite::Row<'_>,
    (pool_id, origins): (i64, bool),
    rows_of: &mut RowsOf<'_, '_>,
    spare: &mut Spare,
    tally: &mut WalkTally,
    link: &mut Link,
) -> Result<()> {
    link.account_ids.clear();
    let txn: Option<i64> = r.get(T_ID)?;
    match (r.get_ref(BODY)?, txn) {
        (ValueRef::Null, None) => spare.make(&mut link.content, Kind::Missing),
        (ValueRef::Null, Some(id)) => {
            spare.make(&mut link.content, Kind::Voucher);
            if let Content::Voucher(t) = &mut link.content {
                // Rows of an earlier id belong to no voucher of this walk (the chain's
                // order and the ids disagree): left out, so the voucher they were
                // taken from no longer matches its hash. So are the rows of a voucher
                // of another pool (read in a range, never sought for).
                let pool = id_at(r, T_POOL)?;
                let own = pool == Some(pool_id);
                tally.voucher(id, own);
                rows_of.take_postings(id, own, t, &mut link.account_ids)?;
                rows_of.take_coverages(id, own, t)?;
                voucher_fields(r, (id, pool), origins, &mut rows_of.codes, t)?;
            }
        }
        (_, _) => {
            spare.make(&mut link.content, Kind::Body);
            if let Content::Body(b) = &mut link.content {
                text_into(r, BODY, b)?;
            }
        }
    }
    link.pos = r.get(POS)?;
    // A voucher's kind comes as NULL (NULLIF in the query): most rows are vouchers, and
    // the word is then not copied out of SQLite a million times.
    match r.get_ref(KIND)? {
        ValueRef::Null if link.kind == VOUCHER => {}
        ValueRef::Null => {
            link.kind.clear();
            link.kind.push_str(VOUCHER);
        }
        v => text_value_into(r, KIND, v, &mut link.kind)?,
    }
    or_empty_into(r, PREV_HASH, &mut link.prev_hash)?;
    or_empty_into(r, HASH, &mut link.hash)?;
    // The record's time, else its voucher's (a voucher's chain row has none): the
    // voucher's is already in hand, not read from the row a second time.
    match (r.get_ref(AT)?, &link.content) {
        (ValueRef::Null, Content::Voucher(t)) => link.entered_at.clone_from(&t.entered_at),
        (ValueRef::Null, _) if txn.is_some() => or_empty_into(r, T_ENTERED_AT, &mut link.entered_at)?,
        (ValueRef::Null, _) => link.entered_at.clear(),
        (v, _) => text_value_into(r, AT, v, &mut link.entered_at)?,
    }
    Ok(())
}

/// A voucher's own columns (`voucher_columns`) into `t`, its pool and person as their
/// codes; its id is `id` unless the book has origins.
fn voucher_fields(
    r: &rusqlite::Row<'_>,
    (id, pool): (i64, Option<i64>),
    origins: bool,
    codes: &mut Codes<'_>,
    t: &mut CanonicalTransaction,
) -> Result<()> {
    t.id = if origins { r.get(ORIGIN_ID)? } else { id };
    code_into(codes.pools.get(pool)?, &mut t.pool);
    text_into(r, T_ID + 2, &mut t.voucher)?;
    text_into(r, T_ID + 3, &mut t.series)?;
    t.year = r.get(T_ID + 4)?;
    t.seq = r.get(T_ID + 5)?;
    text_into(r, T_ID + 6, &mut t.date)?;
    text_into(r, T_ID + 7, &mut t.kind)?;
    opt_text_into(r, T_ID + 8, &mut t.method)?;
    opt_code_into(codes.persons.get(id_at(r, T_ID + 9)?)?, &mut t.person);
    text_into(r, T_ID + 10, &mut t.note)?;
    opt_text_into(r, T_ID + 11, &mut t.reverses)?;
    text_into(r, T_ID + 12, &mut t.receipt_no)?;
    text_into(r, T_ENTERED_AT, &mut t.entered_at)?;
    text_into(r, T_ID + 15, &mut t.bank_ref)?;
    text_into(r, T_ID + 16, &mut t.count_ref)?;
    Ok(())
}
