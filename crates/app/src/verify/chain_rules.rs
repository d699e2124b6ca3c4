//! The checks SPEC §9 adds to `verify`, fed from the one walk over a pool's chain
//! (`verify.rs` hands each voucher and record over as it meets them) and finished after
//! it: closes held to the chain (`verify_closes.rs`), every value held to the input rules
//! (`ledger/record_rules.rs`), and the `imports` rows of an own pool held to its `import`
//! records. Kept apart from the walk so the walk stays one loop.

use hunvon_core::ledger::canonical::CanonicalTransaction;
use hunvon_core::ledger::record::{ImportRecord, Record};
use hunvon_core::ledger::record_rules::{Breach, record_breaches, voucher_breaches};
use hunvon_core::messages::warning::Warning;

use crate::verify::audit::AuditCheck;
use crate::verify::chain_problem::{ChainProblem, RowHow};
use crate::verify::closes::CloseCheck;
use crate::verify::people::Latest;

/// Breaches named per pool; the first ones say enough.
const NAMED: usize = 10;

/// What the walk of one pool has met, for the checks of SPEC §9.
#[derive(Default)]
pub struct ChainRules {
    closes: CloseCheck,
    imports: Vec<ImportRecord>,
    breaches: Vec<(String, Breach)>,
    newer: Vec<(String, Breach)>,
    audit: AuditCheck,
    /// The code the pool's latest `pool` record names.
    pool_code: Option<String>,
}

/// What `finish` compares the walk with: the rows of an own pool (a collected pool's
/// imports and audit log stay the chapter's, `None`), and the pool's stored codes.
pub struct Stored {
    pub imports: Option<Vec<ImportRecord>>,
    pub audit: Option<Vec<hunvon_store::people::AuditRow>>,
    /// `pools.code` and `pools.origin_code`.
    pub codes: (String, Option<String>),
    pub collected: bool,
}

impl ChainRules {
    /// A voucher met on the walk.
    pub fn voucher(&mut self, t: &CanonicalTransaction) {
        self.closes.voucher(t);
        self.note(&t.voucher, voucher_breaches(t));
    }

    /// A record met at `pos` on the walk; `latest` holds the records met before it.
    pub fn record(&mut self, pos: i64, record: &Record, latest: &Latest) {
        match record {
            Record::Close(c) => self.closes.close(pos, c),
            Record::Import(i) => self.imports.push(i.clone()),
            Record::Pool(p) => {
                self.pool_code = Some(p.pool.clone());
                self.audit.record(record, latest);
            }
            Record::Person(_) | Record::Household(_) => self.audit.record(record, latest),
            _ => {}
        }
        self.note(&format!("#{pos}"), record_breaches(record));
    }

    fn note(&mut self, reference: &str, breaches: Vec<Breach>) {
        for b in breaches {
            let list = if b.refused() { &mut self.breaches } else { &mut self.newer };
            if list.len() < NAMED {
                list.push((reference.to_string(), b));
            }
        }
    }

    /// The problems found, and the warnings (rules newer than a record). `stored_imports`
    /// is the pool's `imports` rows, `None` for a pool collected from a chapter's book
    /// (its imports stay the chapter's).
    pub fn finish(self, pool: &str, stored: Stored) -> (Vec<ChainProblem>, Vec<Warning>) {
        let mut problems = self.closes.problems;
        problems.extend(self.breaches.into_iter().map(|(reference, breach)| ChainProblem::Rule { reference, breach }));
        if let Some(rows) = stored.imports {
            problems.extend(compare_imports(self.imports, rows));
        }
        if let Some(rows) = stored.audit {
            problems.extend(self.audit.compare(rows));
        }
        // The code a voucher's hash is built with: an own pool's own code (no origin), a
        // collected pool's origin. `update pools set code=…, origin_code=…` shows here
        // before the next honest voucher fails its hash.
        let (code, origin) = stored.codes;
        let hashed = if stored.collected { origin.clone().unwrap_or_else(|| code.clone()) } else { code.clone() };
        if (!stored.collected && origin.is_some()) || self.pool_code.as_ref().is_some_and(|p| *p != hashed) {
            problems.push(ChainProblem::PoolCode { code });
        }
        let warnings = self
            .newer
            .into_iter()
            .map(|(reference, b)| Warning::NewerRule { pool: pool.to_string(), reference, field: b.field.to_string() })
            .collect();
        (problems, warnings)
    }
}

/// The pool's import rows against its records, in the order both were made: the first
/// difference is named (a deleted row shifts every later one).
fn compare_imports(records: Vec<ImportRecord>, stored: Vec<ImportRecord>) -> Vec<ChainProblem> {
    let same = |a: &ImportRecord, b: &ImportRecord| {
        (&a.kind, &a.sha256, &a.file_name, a.rows, &a.imported_on, &a.imported_at)
            == (&b.kind, &b.sha256, &b.file_name, b.rows, &b.imported_on, &b.imported_at)
    };
    let problem =
        |i: &ImportRecord, how| ChainProblem::Import { file: i.file_name.clone(), on: i.imported_on.clone(), how };
    for k in 0..records.len().max(stored.len()) {
        match (records.get(k), stored.get(k)) {
            (Some(r), Some(s)) if same(r, s) => {}
            (Some(r), Some(s)) => {
                // A row deleted: the record is gone from the rows if it stands later on.
                let gone = !stored.iter().any(|x| same(x, r));
                return vec![if gone { problem(r, RowHow::Gone) } else { problem(s, RowHow::Differs) }];
            }
            (Some(r), None) => return vec![problem(r, RowHow::Gone)],
            (None, Some(s)) => return vec![problem(s, RowHow::Unrecorded)],
            (None, None) => {}
        }
    }
    Vec::new()
}
