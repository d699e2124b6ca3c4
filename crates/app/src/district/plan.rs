//! What `collect` will do with each pool of a chapter's book, decided before anything is
//! written (docs/design.md §11): take it for the first time, take what follows the copy
//! already collected, or refuse — an older copy, or a book that no longer contains the
//! copy collected (rewritten), unless the district accepts the rewrite.

use hunvon_core::messages::error::{DistrictError, Result};
use hunvon_store::Store;
use hunvon_store::district::CollectedPool;
use hunvon_store::pools::Pool;

/// One pool of the chapter's book, as found there.
#[derive(Clone, Debug)]
pub struct Source {
    pub pool: Pool,
    pub book_id: String,
    /// The pool's code in its own book's records (its hashes are built with it).
    pub origin: String,
    /// The place and hash of its chain's last record.
    pub end: (i64, String),
    /// That record's reference (voucher number or `#pos`).
    pub head: String,
}

/// What happens to one pool.
#[derive(Clone, Debug)]
pub enum Plan {
    /// First collection, shown under `code`.
    First { code: String },
    /// Its records after place `from - 1` (whose hash is `prev`) are new.
    Follow { copy: CollectedPool, from: i64, prev: String },
    /// The earlier copy is archived and the book taken again from its start
    /// (`--accept-rewrite`); `differs_at` is the first record no longer as collected.
    Replace { copy: CollectedPool, differs_at: String, old_head: String },
}

/// Decides what happens to `source` given the district's copies. `alias` is `--as`;
/// `accept` is whether `--accept-rewrite` was given.
pub fn plan(
    district: &Store,
    chapter: &Store,
    file: &str,
    source: &Source,
    alias: Option<&str>,
    accept: bool,
) -> Result<Plan> {
    let copies = district.collected_pools()?;
    let Some(copy) = copies.into_iter().find(|c| c.book_id == source.book_id && c.archived_at.is_none()) else {
        let code = alias.unwrap_or(&source.pool.code).to_string();
        if district.pool_code_taken(&code)? {
            return Err(DistrictError::CodeTaken { code, file: file.to_string(), alias: alias.is_some() }.into());
        }
        return Ok(Plan::First { code });
    };
    if let Some(a) = alias
        && a != copy.code
    {
        return Err(DistrictError::AliasDiffers { pool: copy.code, alias: a.to_string() }.into());
    }
    let (ours_end, ours_hash) = district.chain_end(copy.pool_id)?;
    let (theirs_end, theirs_hash) = source.end.clone();
    let pool = source.pool.id;
    // The copy's last record, at the same place in the book brought, with the same hash:
    // everything after it is new. A hash commits to every record before it.
    if theirs_end >= ours_end {
        let there = chapter.link_at(pool, ours_end)?.map(|l| l.1);
        if ours_end == 0 || there.as_deref() == Some(ours_hash.as_str()) {
            return Ok(Plan::Follow { copy, from: ours_end + 1, prev: ours_hash });
        }
    } else if district.link_at(copy.pool_id, theirs_end)?.map(|l| l.1).as_deref() == Some(theirs_hash.as_str()) {
        // The book brought stops earlier on the same chain: an older copy.
        let name = |s: &Store, p: i64, pos: i64| -> Result<String> {
            Ok(s.link_at(p, pos)?.map_or_else(|| format!("#{pos}"), |l| l.0))
        };
        let older = DistrictError::Older {
            pool: copy.code.clone(),
            theirs: name(chapter, pool, theirs_end)?,
            ours: name(district, copy.pool_id, ours_end)?,
        };
        if !accept {
            return Err(older.into());
        }
        let old_head = format!("{}={ours_hash}", name(district, copy.pool_id, ours_end)?);
        let differs_at = name(district, copy.pool_id, theirs_end + 1)?;
        return Ok(Plan::Replace { copy, differs_at, old_head });
    }
    // Rewritten somewhere before the shorter end.
    let differs = first_difference(district, copy.pool_id, chapter, pool, ours_end.min(theirs_end))?;
    rewritten(district, chapter, (copy, pool), differs, (ours_end, &ours_hash), accept)
}

/// The first place at which the district's copy (`ours`) and the chapter's chain
/// (`theirs`) hold different hashes, by bisection up to `shorter` (equal hashes at a place
/// mean equal chains up to it); the place after `shorter` when they agree that far.
fn first_difference(district: &Store, ours: i64, chapter: &Store, theirs: i64, shorter: i64) -> Result<i64> {
    let same_at = |pos: i64| -> Result<bool> {
        Ok(district.link_at(ours, pos)?.map(|x| x.1) == chapter.link_at(theirs, pos)?.map(|x| x.1))
    };
    let (mut same, mut differs) = (0i64, shorter);
    if differs == 0 || same_at(differs)? {
        same = differs;
        differs += 1;
    }
    while differs - same > 1 {
        let mid = same + (differs - same) / 2;
        if same_at(mid)? {
            same = mid;
        } else {
            differs = mid;
        }
    }
    Ok(differs)
}

/// A book rewritten from place `differs` on: refused naming that place (when the copy was
/// collected, both hashes), or with `--accept-rewrite` the copy replaced.
fn rewritten(
    district: &Store,
    chapter: &Store,
    (copy, pool): (CollectedPool, i64),
    differs: i64,
    (ours_end, ours_hash): (i64, &str),
    accept: bool,
) -> Result<Plan> {
    let (reference, ours_at) =
        district.link_at(copy.pool_id, differs)?.unwrap_or_else(|| (format!("#{differs}"), String::new()));
    let (their_ref, theirs_at) =
        chapter.link_at(pool, differs)?.unwrap_or_else(|| (format!("#{differs}"), String::new()));
    let on = district
        .last_collection(copy.pool_id)?
        .and_then(|l| hunvon_core::domain::date::parse_date(l.entered_at.get(..10).unwrap_or_default()));
    if !accept {
        return Err(DistrictError::Rewritten {
            pool: copy.code.clone(),
            on,
            theirs: (their_ref != reference).then_some(their_ref),
            reference,
            ours_hash: ours_at,
            theirs_hash: theirs_at,
        }
        .into());
    }
    let old_head = format!(
        "{}={ours_hash}",
        district.link_at(copy.pool_id, ours_end)?.map_or_else(|| format!("#{ours_end}"), |l| l.0)
    );
    Ok(Plan::Replace { copy, differs_at: reference, old_head })
}

/// The code an archived copy keeps: its code with the day's date (`TO3-20260105`), cut so
/// it stays a code (20 characters at most), numbered when that is taken.
pub fn archived_code(district: &Store, code: &str, day: chrono::NaiveDate) -> Result<String> {
    let date = day.format("%Y%m%d").to_string();
    for n in 1..1000u32 {
        let suffix = if n == 1 { format!("-{date}") } else { format!("-{date}-{n}") };
        let keep = 20usize.saturating_sub(suffix.len());
        let base: String = code.chars().take(keep).collect();
        let candidate = format!("{base}{suffix}");
        if !district.pool_code_taken(&candidate)? {
            return Ok(candidate);
        }
    }
    Err(hunvon_core::messages::error::Error::Duplicate {
        what: hunvon_core::messages::error::Unique::Pool,
        value: code.to_string(),
    })
}
