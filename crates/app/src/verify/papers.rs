//! The papers' rows in the chain (docs/design.md §6): every letterhead, cash count and
//! close is a chain record and a row of its own table, and the papers and every write read
//! the rows. `verify` keeps the records met on the walk and compares them with the rows,
//! so a count edited, a close deleted (which would reopen a closed month) or a letterhead
//! changed with sqlite3 behind hunvon's back is named.

use std::collections::BTreeMap;

use hunvon_core::domain::date::{format_vn, parse_date};
use hunvon_core::ledger::record::{CardRecord, CloseRecord, CountRecord, LetterheadRecord, Record, TargetRecord};
use hunvon_store::closing::StoredPapers;

use crate::verify::problem::{Entity, Problem};

/// The letterheads, counts and closes a pool's chain holds.
#[derive(Default)]
pub struct ChainedPapers {
    letterheads: Vec<LetterheadRecord>,
    counts: BTreeMap<i64, CountRecord>,
    closes: BTreeMap<i64, CloseRecord>,
    cards: BTreeMap<i64, CardRecord>,
    targets: BTreeMap<i64, TargetRecord>,
}

impl ChainedPapers {
    /// Takes the record at `pos` met on the walk.
    pub fn add(&mut self, pos: i64, record: &Record) {
        match record {
            Record::Pool(p) => self.letterheads.extend(p.letterhead.clone()),
            Record::Count(c) => {
                self.counts.insert(pos, CountRecord { pool: String::new(), ..c.clone() });
            }
            Record::Close(c) => {
                self.closes.insert(pos, CloseRecord { pool: String::new(), ..c.clone() });
            }
            Record::Card(c) => {
                // A row keeps only what it needs: a cancellation, the card it cancels.
                let stored = match c.cancels {
                    None => CardRecord { pool: String::new(), cancels: None, reason: None, ..c.clone() },
                    Some(_) => CardRecord {
                        cancels: c.cancels,
                        reason: c.reason.clone(),
                        entered_at: c.entered_at.clone(),
                        ..CardRecord::default()
                    },
                };
                self.cards.insert(pos, stored);
            }
            Record::Target(t) => {
                self.targets.insert(pos, TargetRecord { pool: String::new(), book_id: None, ..t.clone() });
            }
            Record::Household(_) | Record::Person(_) | Record::Dues(_) | Record::Import(_) => {}
        }
    }

    /// Compares with the rows as stored now: the letterhead history in order, counts and
    /// closes by their place in the chain.
    pub fn compare(
        self,
        letterheads: &[LetterheadRecord],
        stored: StoredPapers,
        cards: Vec<(i64, CardRecord)>,
        targets: Vec<(i64, TargetRecord)>,
    ) -> Vec<Problem> {
        let mut out = Vec::new();
        let (code, name) = (String::new(), String::new());
        let history = self.letterheads.len().max(letterheads.len());
        for i in 0..history {
            let entity = Entity::Letterhead;
            let problem = match (self.letterheads.get(i), letterheads.get(i)) {
                (Some(a), Some(b)) => {
                    let fields = letterhead_fields(a, b);
                    (!fields.is_empty()).then(|| Problem::EntityDiffers {
                        entity,
                        code: code.clone(),
                        name: name.clone(),
                        fields,
                    })
                }
                (None, _) => Some(Problem::EntityUnrecorded { entity, code: code.clone(), name: name.clone() }),
                (_, None) => Some(Problem::EntityGone { entity, code: code.clone(), name: name.clone() }),
            };
            // The first difference in the history is enough to name it.
            if let Some(p) = problem {
                out.push(p);
                break;
            }
        }
        out.extend(compare_by_place(Entity::Count, self.counts, stored.counts, |c| c.date.clone(), count_fields));
        out.extend(compare_by_place(Entity::Close, self.closes, stored.closes, |c| c.to.clone(), close_fields));
        out.extend(compare_by_place(Entity::Card, self.cards, cards, |c| c.from.clone(), card_fields));
        out.extend(compare_by_place(Entity::Target, self.targets, targets, |t| t.year.to_string(), target_fields));
        out
    }
}

/// Rows against records of the same place in the chain: each differing, unrecorded or
/// deleted row named by its place and date.
fn compare_by_place<T>(
    entity: Entity,
    mut chained: BTreeMap<i64, T>,
    stored: Vec<(i64, T)>,
    date: impl Fn(&T) -> String,
    differing: impl Fn(&T, &T) -> Vec<&'static str>,
) -> Vec<Problem> {
    let shown = |pos: i64, record: &T| {
        let day = date(record);
        (format!("#{pos}"), parse_date(&day).map_or(day, format_vn))
    };
    let mut out = Vec::new();
    for (pos, row) in stored {
        let (code, name) = shown(pos, &row);
        match chained.remove(&pos) {
            None => out.push(Problem::EntityUnrecorded { entity, code, name }),
            Some(record) => {
                let fields = differing(&record, &row);
                if !fields.is_empty() {
                    out.push(Problem::EntityDiffers { entity, code, name, fields });
                }
            }
        }
    }
    for (pos, record) in chained {
        let (code, name) = shown(pos, &record);
        out.push(Problem::EntityGone { entity, code, name });
    }
    out
}

fn letterhead_fields(a: &LetterheadRecord, b: &LetterheadRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 9] = [
        ("org", a.org == b.org),
        ("address", a.address == b.address),
        ("bank", a.bank == b.bank),
        ("account", a.account == b.account),
        ("treasurer", a.treasurer == b.treasurer),
        ("accountant", a.accountant == b.accountant),
        ("leader", a.leader == b.leader),
        ("district_key", a.district_key == b.district_key),
        ("forms", a.forms == b.forms),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}

fn count_fields(a: &CountRecord, b: &CountRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 7] = [
        ("date", a.date == b.date),
        ("book_balance", a.book_balance == b.book_balance),
        ("notes", a.notes == b.notes),
        ("counted", a.counted == b.counted),
        ("counted_by", a.counted_by == b.counted_by),
        ("reason", a.reason == b.reason),
        ("entered_at", a.entered_at == b.entered_at),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}

fn close_fields(a: &CloseRecord, b: &CloseRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 5] = [
        ("to", a.to == b.to),
        ("head", a.head == b.head),
        ("cash", a.cash == b.cash),
        ("bank", a.bank == b.bank),
        ("entered_at", a.entered_at == b.entered_at),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}

fn card_fields(a: &CardRecord, b: &CardRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 9] = [
        ("person", a.person == b.person),
        ("scheme", a.scheme == b.scheme),
        ("source", a.source == b.source),
        ("card_from", a.from == b.from),
        ("card_to", a.to == b.to),
        ("card_no", a.card_no == b.card_no),
        ("cancels", a.cancels == b.cancels),
        ("reason", a.reason == b.reason),
        ("entered_at", a.entered_at == b.entered_at),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}

fn target_fields(a: &TargetRecord, b: &TargetRecord) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 5] = [
        ("year", a.year == b.year),
        ("bhyt", a.bhyt == b.bhyt),
        ("bhxh", a.bhxh == b.bhxh),
        ("new_bhxh", a.new_bhxh == b.new_bhxh),
        ("entered_at", a.entered_at == b.entered_at),
    ];
    pairs.into_iter().filter(|(_, same)| !same).map(|(f, _)| f).collect()
}
