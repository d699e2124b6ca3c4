//! The audit log held to the chain (SPEC §2 "Person and household edits are kept in an
//! audit log"; issue 24 point 5). Every edit of a person or household is a record of the
//! chain, so the log is derivable from it: `verify` rebuilds, from consecutive records of
//! each code, which fields changed when, and requires each `audit_log` row to be one of
//! those changes (with its values where the log keeps them) and each change to have its
//! row — except a sponsor set alone, which an import writes without a row.

use std::collections::{BTreeSet, HashMap};

use crate::verify::people::Latest;

use hunvon_core::ledger::record::{PersonRecord, Record};
use hunvon_store::people::AuditRow;

use crate::verify::chain_problem::ChainProblem;

/// One change the chain holds: entity, code, field (as the log names it), time, and the
/// new value when the log keeps it in the clear.
type Change = (&'static str, String, &'static str, String);

/// A change's old and new values as the log keeps them (`(None, None)`: masked or ids).
type Values = (Option<String>, Option<String>);

/// The changes met on the walk. The previous record of each person and household is the
/// walk's own (`Latest`, lent to `record`): one copy of 20.000 people, not two.
#[derive(Default)]
pub struct AuditCheck {
    /// Changes that must each have a row, with their values (`None`: kept masked or as
    /// ids); several when one field changed twice within one second (or a fixed clock).
    changes: HashMap<Change, Vec<Values>>,
    /// Changes a row may stand for without being required (a sponsor set alone).
    optional: BTreeSet<Change>,
    /// When the pool's chain begins (its first record): a book made before the chain has
    /// log rows of edits the chain never saw, and they are not held to it.
    start: Option<String>,
}

/// A person's fields as the audit log names them, with values it keeps in the clear.
fn person_fields(p: &PersonRecord) -> [(&'static str, Option<String>, bool); 11] {
    [
        ("full_name", Some(p.full_name.clone()), true),
        ("date_of_birth", p.date_of_birth.clone(), true),
        ("gender", p.gender.clone(), true),
        ("cccd", p.cccd.clone(), false),
        ("bhxh_code", p.bhxh_code.clone(), true),
        ("household_id", p.household.clone(), false),
        ("category", Some(p.category.clone()), true),
        ("phone", p.phone.clone(), false),
        ("joined", p.joined.clone(), true),
        ("sponsor_id", p.sponsor.clone(), false),
        ("left_on", p.left_on.clone(), true),
    ]
}

impl AuditCheck {
    /// A record met on the walk; `latest` holds the records met before it.
    pub fn record(&mut self, record: &Record, latest: &Latest) {
        if self.start.is_none() {
            self.start = Some(record.entered_at().to_string());
        }
        match record {
            Record::Person(p) => {
                if let Some(before) = latest.person(&p.code) {
                    let diffs: Vec<_> = person_fields(before)
                        .into_iter()
                        .zip(person_fields(p))
                        .filter(|((_, old, _), (_, new, _))| old != new)
                        .map(|((field, old, clear), (_, new, _))| (field, clear.then_some((old, new))))
                        .collect();
                    let sponsor_alone = diffs.len() == 1 && diffs[0].0 == "sponsor_id";
                    for (field, values) in diffs {
                        let key = ("person", p.code.clone(), field, p.entered_at.clone());
                        if sponsor_alone {
                            self.optional.insert(key);
                        } else {
                            self.changes.entry(key).or_default().push(values.unwrap_or((None, None)));
                        }
                    }
                }
            }
            Record::Household(h) => {
                if let Some(before) = latest.household(&h.code) {
                    for (field, old, new) in [("name", &before.name, &h.name), ("address", &before.address, &h.address)]
                    {
                        if old != new {
                            let key = ("household", h.code.clone(), field, h.entered_at.clone());
                            self.changes.entry(key).or_default().push((Some(old.clone()), Some(new.clone())));
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// The log's rows against the changes; the first few differences named.
    pub fn compare(mut self, rows: Vec<AuditRow>) -> Vec<ChainProblem> {
        let mut out = Vec::new();
        let start = self.start.take().unwrap_or_default();
        for row in rows.into_iter().filter(|r| r.changed_at >= start) {
            let field = person_fields(&PersonRecord::default())
                .into_iter()
                .map(|(f, _, _)| f)
                .chain(["name", "address"])
                .find(|f| *f == row.field)
                .unwrap_or_default();
            let entity = if row.entity == "household" { "household" } else { "person" };
            let key = (entity, row.code.clone(), field, row.changed_at.clone());
            let values = (row.old_value.clone(), row.new_value.clone());
            let explained = match self.changes.get_mut(&key) {
                Some(list) => match list.iter().position(|v| *v == (None, None) || *v == values) {
                    Some(i) => {
                        list.remove(i);
                        if list.is_empty() {
                            self.changes.remove(&key);
                        }
                        true
                    }
                    None => false,
                },
                None => self.optional.contains(&key),
            };
            if !explained {
                out.push(ChainProblem::AuditLog { code: row.code, field: row.field });
            }
        }
        let mut missing: Vec<Change> = self.changes.into_keys().collect();
        missing.sort();
        out.extend(missing.into_iter().map(|(_, code, field, _)| ChainProblem::AuditLog { code, field: field.into() }));
        out.truncate(10);
        out
    }
}
