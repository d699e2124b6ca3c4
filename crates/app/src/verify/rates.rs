//! Rates held to the file's chain (SPEC §9): the `rates` table must be exactly the rows the
//! schema seeds (constants, built in memory as the guards are) and the rows `rates set`
//! recorded in the file's chain, which `verify` recomputes link by link. A rate changed
//! with sqlite3 (a quote fell from 1.366.200 đ to 30.360 đ) is named; an implausible
//! recorded value is a warning.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use hunvon_core::ledger::canonical::{self, GENESIS};
use hunvon_core::ledger::file_record::FileRecord;
use hunvon_core::messages::error::Result;
use hunvon_core::messages::warning::Warning;
use hunvon_core::rules::rates::RateRow;

use crate::App;
use crate::verify::chain_problem::{ChainProblem, RowHow};

impl App {
    /// The file's chain recomputed and the rates table against it; problems and warnings.
    pub fn verify_rates(&self) -> Result<(Vec<ChainProblem>, Vec<Warning>)> {
        let mut problems = Vec::new();
        let mut warnings = Vec::new();
        if !self.store.has_file_chain()? {
            // A book older than the file's chain (read-only, not migrated): nothing to hold.
            return Ok((problems, warnings));
        }
        let links = self.store.file_links()?;
        let mut expected: BTreeMap<(String, NaiveDate), RateRow> = BTreeMap::new();
        for row in self.store.seeded_rates()? {
            expected.insert((row.name.clone(), row.effective_from), row);
        }
        let mut prev = GENESIS.to_string();
        for link in links {
            if link.prev_hash != prev {
                problems.push(ChainProblem::FileChain { pos: link.pos, broken_link: true });
            }
            if canonical::link_hash(&link.prev_hash, &link.body) != link.hash {
                problems.push(ChainProblem::FileChain { pos: link.pos, broken_link: false });
            }
            match FileRecord::parse(&link.body) {
                Some(FileRecord::Rate(r)) => {
                    let Some(from) = hunvon_core::domain::date::parse_date(&r.effective_from) else { continue };
                    let table = hunvon_core::rules::rates::RateTable::new(expected.values().cloned().collect());
                    let before = table.row(&r.name, from).map(|b| b.value.clone());
                    if !hunvon_core::rules::plausible::plausible(&r.name, &r.value, before.as_deref()) {
                        warnings.push(Warning::RateImplausible {
                            name: r.name.clone(),
                            value: r.value.clone(),
                            before,
                            from,
                        });
                    }
                    let row = RateRow { name: r.name, value: r.value, effective_from: from, basis: r.basis };
                    expected.insert((row.name.clone(), from), row);
                }
                None => problems.push(ChainProblem::FileChain { pos: link.pos, broken_link: false }),
            }
            prev = link.hash;
        }
        let iso = hunvon_core::domain::date::format_iso;
        for row in self.store.rate_rows()? {
            match expected.remove(&(row.name.clone(), row.effective_from)) {
                Some(e) if e == row => {}
                Some(_) => problems.push(ChainProblem::Rate {
                    name: row.name,
                    from: iso(row.effective_from),
                    how: RowHow::Differs,
                }),
                None => problems.push(ChainProblem::Rate {
                    name: row.name,
                    from: iso(row.effective_from),
                    how: RowHow::Unrecorded,
                }),
            }
        }
        for ((name, from), _) in expected {
            problems.push(ChainProblem::Rate { name, from: iso(from), how: RowHow::Gone });
        }
        Ok((problems, warnings))
    }
}
