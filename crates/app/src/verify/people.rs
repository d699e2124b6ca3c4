//! People in the chain (docs/design.md §10): `verify` keeps the latest record of each
//! household, person and dues line met on the walk, then compares them with the rows as
//! stored. A change made with sqlite3 behind hunvon's back is named, with the person.

use std::collections::{BTreeMap, HashMap};

use hunvon_core::ledger::record::{HouseholdRecord, PersonRecord, PoolRecord, Record};
use hunvon_store::pools::Pool;

use crate::verify::problem::{Entity, Problem};

/// The latest record of everything a pool's chain says about its people and settings.
#[derive(Default)]
pub struct Latest {
    pool: Option<PoolRecord>,
    households: HashMap<String, HouseholdRecord>,
    persons: HashMap<String, PersonRecord>,
    dues: BTreeMap<String, i64>,
}

impl Latest {
    /// Takes one record met on the walk.
    pub fn add(&mut self, record: Record) {
        match record {
            Record::Pool(p) => self.pool = Some(p),
            Record::Household(h) => {
                self.households.insert(h.code.clone(), h);
            }
            Record::Person(p) => {
                self.persons.insert(p.code.clone(), p);
            }
            Record::Dues(d) => {
                self.dues.insert(d.effective_from, d.amount);
            }
            // Counts, closes and imports are compared with their rows elsewhere; cards and
            // targets stand in the chain on their own.
            Record::Count(_) | Record::Close(_) | Record::Import(_) | Record::Card(_) | Record::Target(_) => {}
        }
    }

    /// The latest record met of person `code`.
    pub fn person(&self, code: &str) -> Option<&PersonRecord> {
        self.persons.get(code)
    }

    /// The latest record met of household `code`.
    pub fn household(&self, code: &str) -> Option<&HouseholdRecord> {
        self.households.get(code)
    }

    /// Compares with the rows as stored now (`current`, in record form).
    pub fn compare(mut self, pool: &Pool, current: Vec<Record>) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.pool.as_ref().is_none_or(|p| p.name != pool.name) {
            out.push(Problem::PoolDiffers);
        }
        let mut dues_now = BTreeMap::new();
        for record in current {
            match record {
                Record::Household(h) => match self.households.remove(&h.code) {
                    None => {
                        out.push(Problem::EntityUnrecorded { entity: Entity::Household, code: h.code, name: h.name })
                    }
                    Some(r) => {
                        let fields = household_fields(&r, &h);
                        if !fields.is_empty() {
                            out.push(Problem::EntityDiffers {
                                entity: Entity::Household,
                                code: h.code,
                                name: r.name,
                                fields,
                            });
                        }
                    }
                },
                Record::Person(p) => match self.persons.remove(&p.code) {
                    None => {
                        out.push(Problem::EntityUnrecorded { entity: Entity::Person, code: p.code, name: p.full_name })
                    }
                    Some(r) => {
                        let fields = person_fields(&r, &p);
                        if !fields.is_empty() {
                            out.push(Problem::EntityDiffers {
                                entity: Entity::Person,
                                code: p.code,
                                name: r.full_name,
                                fields,
                            });
                        }
                    }
                },
                Record::Dues(d) => {
                    dues_now.insert(d.effective_from, d.amount);
                }
                Record::Pool(_)
                | Record::Count(_)
                | Record::Close(_)
                | Record::Import(_)
                | Record::Card(_)
                | Record::Target(_) => {}
            }
        }
        let mut gone: Vec<Problem> = self
            .households
            .into_values()
            .map(|h| Problem::EntityGone { entity: Entity::Household, code: h.code, name: h.name })
            .chain(self.persons.into_values().map(|p| Problem::EntityGone {
                entity: Entity::Person,
                code: p.code,
                name: p.full_name,
            }))
            .collect();
        gone.sort_by_key(|p| format!("{p:?}"));
        out.extend(gone);
        let mut dates: Vec<&String> = self.dues.keys().chain(dues_now.keys()).collect();
        dates.sort();
        dates.dedup();
        for date in dates {
            if self.dues.get(date) != dues_now.get(date) {
                let from = hunvon_core::domain::date::parse_date(date)
                    .map_or_else(|| date.clone(), hunvon_core::domain::date::format_vn);
                out.push(Problem::DuesDiffer { from });
            }
        }
        out
    }
}

/// The fields of two person records that differ (the time of entry aside).
fn person_fields(a: &PersonRecord, b: &PersonRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 12] = [
        ("full_name", a.full_name == b.full_name),
        ("date_of_birth", a.date_of_birth == b.date_of_birth),
        ("gender", a.gender == b.gender),
        ("cccd", a.cccd == b.cccd),
        ("bhxh_code", a.bhxh_code == b.bhxh_code),
        ("household", a.household == b.household),
        ("category", a.category == b.category),
        ("phone", a.phone == b.phone),
        ("joined", a.joined == b.joined),
        ("sponsor", a.sponsor == b.sponsor),
        ("left_on", a.left_on == b.left_on),
        ("pool", a.pool == b.pool),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}

fn household_fields(a: &HouseholdRecord, b: &HouseholdRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 3] =
        [("name", a.name == b.name), ("address", a.address == b.address), ("pool", a.pool == b.pool)];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}
