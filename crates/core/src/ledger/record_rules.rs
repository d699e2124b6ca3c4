//! The input rules of SPEC §5 applied to what a chain holds (SPEC §9): `collect` reads a
//! chapter's book that anyone could have written (a re-hashed voucher of ±4,6·10^18 đ, a
//! name of ten million characters, a terminal escape) and `verify` reads a book that may
//! have been re-hashed behind hunvon's back. Both hold every record to the rules a typed
//! value meets: text lengths and hidden characters, codes, dates, and amounts up to
//! `MAX_AMOUNT` a line, summed in checked arithmetic.
//!
//! A rule made after a record was written (U+00AD, U+2028 in a name) is `Newer`: the
//! record was honest when written, so `verify` warns and `collect` takes it.

use chrono::NaiveDate;

use crate::domain::input::{ADDRESS_MAX, FIRST_BIRTH_DAY, FIRST_VOUCHER_DAY, NAME_MAX, NOTE_MAX};
use crate::domain::money::MAX_AMOUNT;
use crate::domain::text::{check_text, is_code, is_newly_hidden};

use super::canonical::CanonicalTransaction;
use super::record::{
    CardRecord, CloseRecord, CountRecord, DuesRecord, HouseholdRecord, ImportRecord, PersonRecord, PoolRecord, Record,
    TargetRecord,
};

/// What is wrong with one field of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// A control, bidi or zero-width character.
    Hidden,
    /// Longer than its field allows.
    TooLong,
    /// Not a code (1–20 of `A–Z 0–9 _ -`), a CCCD, a mã số BHXH or a phone number.
    Format,
    /// Not a day, or before the first day the field allows.
    Date,
    /// An amount past `MAX_AMOUNT` a line (or a count past it).
    Amount,
    /// A sum past what 64 bits hold.
    Overflow,
    /// Only a character refused by a rule newer than the record (verify: a warning).
    Newer,
}

/// One field of one record that breaks a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Breach {
    pub field: &'static str,
    pub why: Why,
}

impl Breach {
    /// Whether it is a refusal (else a warning about a rule newer than the record).
    pub fn refused(&self) -> bool {
        self.why != Why::Newer
    }
}

/// Collects the breaches of one record.
#[derive(Default)]
struct Found(Vec<Breach>);

impl Found {
    fn push(&mut self, field: &'static str, why: Why) {
        self.0.push(Breach { field, why });
    }

    fn text(&mut self, field: &'static str, value: &str, max: usize) {
        if check_text(value, max).is_ok() {
            return;
        }
        let older: String = value.chars().filter(|c| !is_newly_hidden(*c)).collect();
        match check_text(&older, max) {
            Ok(()) => self.push(field, Why::Newer),
            Err(crate::domain::text::TextProblem::TooLong { .. }) => self.push(field, Why::TooLong),
            Err(_) => self.push(field, Why::Hidden),
        }
    }

    fn code(&mut self, field: &'static str, value: Option<&str>) {
        if let Some(v) = value
            && !is_code(v)
        {
            self.push(field, Why::Format);
        }
    }

    fn digits(&mut self, field: &'static str, value: Option<&str>, len: std::ops::RangeInclusive<usize>) {
        if let Some(v) = value {
            let d = v.strip_prefix('+').unwrap_or(v);
            if !len.contains(&d.len()) || !d.chars().all(|c| c.is_ascii_digit()) {
                self.push(field, Why::Format);
            }
        }
    }

    fn date(&mut self, field: &'static str, value: Option<&str>, first: NaiveDate) {
        // Written as `format_iso` writes it and not before `first`: the strict reading
        // gives exactly that, without the allocations of `parse_date` and `format_iso`.
        if let Some(v) = value
            && crate::domain::date::parse_iso_exact(v).is_none_or(|d| d < first)
        {
            self.push(field, Why::Date);
        }
    }

    fn amount(&mut self, field: &'static str, value: i64) {
        if value.checked_abs().is_none_or(|a| a > MAX_AMOUNT) {
            self.push(field, Why::Amount);
        }
    }
}

/// Every breach of a voucher: its texts, date, person and amounts (and a sum that would
/// overflow).
pub fn voucher_breaches(t: &CanonicalTransaction) -> Vec<Breach> {
    let mut f = Found::default();
    f.code("pool", Some(&t.pool));
    f.text("note", &t.note, NOTE_MAX);
    f.text("receipt_no", &t.receipt_no, NOTE_MAX);
    f.date("date", Some(&t.date), FIRST_VOUCHER_DAY);
    f.code("person", t.person.as_deref());
    for p in &t.postings {
        f.amount("amount", p.amount);
    }
    if t.postings.iter().try_fold(0i64, |s, p| s.checked_add(p.amount)).is_none() {
        f.push("amount", Why::Overflow);
    }
    for c in &t.coverages {
        f.amount("amount", c.amount);
        f.amount("amount", c.quote);
        f.code("person", Some(&c.person));
    }
    f.0
}

/// Every breach of a non-voucher record.
pub fn record_breaches(record: &Record) -> Vec<Breach> {
    let mut f = Found::default();
    match record {
        Record::Pool(p) => f.pool(p),
        Record::Household(h) => f.household(h),
        Record::Person(p) => f.person(p),
        Record::Dues(d) => f.dues(d),
        Record::Count(c) => f.count(c),
        Record::Close(c) => f.close(c),
        Record::Import(i) => f.import(i),
        Record::Card(c) => f.card(c),
        Record::Target(t) => f.target(t),
    }
    f.0
}

/// Each kind of record: its fields and the rule each is held to, as the form that writes
/// it holds the typed value.
impl Found {
    fn pool(&mut self, p: &PoolRecord) {
        self.code("pool", Some(&p.pool));
        self.text("name", &p.name, NAME_MAX);
        if let Some(l) = &p.letterhead {
            self.text("org", &l.org, NAME_MAX);
            self.text("address", &l.address, ADDRESS_MAX);
            self.text("bank", &l.bank, NAME_MAX);
            self.text("account", &l.account, NAME_MAX);
            self.text("treasurer", &l.treasurer, NAME_MAX);
            self.text("accountant", &l.accountant, NAME_MAX);
            self.text("leader", &l.leader, NAME_MAX);
        }
    }

    fn household(&mut self, h: &HouseholdRecord) {
        self.code("pool", Some(&h.pool));
        self.code("code", Some(&h.code));
        self.text("name", &h.name, NAME_MAX);
        self.text("address", &h.address, ADDRESS_MAX);
    }

    fn person(&mut self, p: &PersonRecord) {
        self.code("pool", Some(&p.pool));
        self.code("code", Some(&p.code));
        self.text("full_name", &p.full_name, NAME_MAX);
        self.date("date_of_birth", p.date_of_birth.as_deref(), FIRST_BIRTH_DAY);
        self.digits("cccd", p.cccd.as_deref(), 12..=12);
        self.digits("bhxh_code", p.bhxh_code.as_deref(), 10..=10);
        self.code("household", p.household.as_deref());
        self.text("category", &p.category, NAME_MAX);
        self.digits("phone", p.phone.as_deref(), 8..=15);
        self.date("joined", p.joined.as_deref(), FIRST_BIRTH_DAY);
        self.code("sponsor", p.sponsor.as_deref());
        self.date("left_on", p.left_on.as_deref(), FIRST_BIRTH_DAY);
    }

    fn dues(&mut self, d: &DuesRecord) {
        self.code("pool", Some(&d.pool));
        self.amount("amount", d.amount);
        self.date("date", Some(&d.effective_from), FIRST_BIRTH_DAY);
    }

    fn count(&mut self, c: &CountRecord) {
        self.code("pool", Some(&c.pool));
        self.date("date", Some(&c.date), FIRST_VOUCHER_DAY);
        self.amount("book_balance", c.book_balance);
        self.amount("counted", c.counted);
        for (d, n) in &c.notes {
            self.amount("notes", *d);
            self.amount("notes", *n);
        }
        self.text("counted_by", &c.counted_by, NOTE_MAX);
        self.text("reason", &c.reason, NOTE_MAX);
    }

    fn close(&mut self, c: &CloseRecord) {
        self.code("pool", Some(&c.pool));
        self.date("to", Some(&c.to), FIRST_VOUCHER_DAY);
        self.text("head", &c.head, NOTE_MAX);
        self.amount("cash", c.cash);
        self.amount("bank", c.bank);
    }

    fn import(&mut self, i: &ImportRecord) {
        self.code("pool", Some(&i.pool));
        self.text("kind", &i.kind, NAME_MAX);
        self.text("file_name", &i.file_name, NOTE_MAX);
        self.text("sha256", &i.sha256, 64);
        self.date("date", Some(&i.imported_on), FIRST_VOUCHER_DAY);
    }

    fn card(&mut self, c: &CardRecord) {
        self.code("pool", Some(&c.pool));
        self.code("person", Some(&c.person));
        self.text("scheme", &c.scheme, NAME_MAX);
        self.text("source", &c.source, NAME_MAX);
        self.date("from", Some(&c.from), FIRST_BIRTH_DAY);
        self.date("to", Some(&c.to), FIRST_BIRTH_DAY);
        self.text("card_no", &c.card_no, NAME_MAX);
        if let Some(reason) = &c.reason {
            self.text("reason", reason, NOTE_MAX);
        }
    }

    fn target(&mut self, t: &TargetRecord) {
        self.code("pool", Some(&t.pool));
        for n in [Some(t.bhyt), Some(t.bhxh), t.new_bhxh].into_iter().flatten() {
            self.amount("target", n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::record::PersonRecord;

    fn person(name: &str) -> Record {
        Record::Person(PersonRecord {
            pool: "TO1".into(),
            code: "TV1".into(),
            full_name: name.into(),
            category: "other".into(),
            ..PersonRecord::default()
        })
    }

    #[test]
    fn newer_rules_are_told_apart() {
        assert!(record_breaches(&person("Lê Thị Thu Hương")).is_empty());
        assert_eq!(record_breaches(&person("Lê\u{AD}Thu")), vec![Breach { field: "full_name", why: Why::Newer }]);
        assert_eq!(record_breaches(&person("Lê\u{1b}[2J")), vec![Breach { field: "full_name", why: Why::Hidden }]);
        assert_eq!(record_breaches(&person("\u{202e}Lê")), vec![Breach { field: "full_name", why: Why::Hidden }]);
        assert_eq!(record_breaches(&person(&"a".repeat(101))), vec![Breach { field: "full_name", why: Why::TooLong }]);
    }
}
