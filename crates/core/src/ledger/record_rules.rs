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
use super::record::Record;

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
        Record::Pool(p) => {
            f.code("pool", Some(&p.pool));
            f.text("name", &p.name, NAME_MAX);
            if let Some(l) = &p.letterhead {
                f.text("org", &l.org, NAME_MAX);
                f.text("address", &l.address, ADDRESS_MAX);
                f.text("bank", &l.bank, NAME_MAX);
                f.text("account", &l.account, NAME_MAX);
                f.text("treasurer", &l.treasurer, NAME_MAX);
                f.text("accountant", &l.accountant, NAME_MAX);
                f.text("leader", &l.leader, NAME_MAX);
            }
        }
        Record::Household(h) => {
            f.code("pool", Some(&h.pool));
            f.code("code", Some(&h.code));
            f.text("name", &h.name, NAME_MAX);
            f.text("address", &h.address, ADDRESS_MAX);
        }
        Record::Person(p) => {
            f.code("pool", Some(&p.pool));
            f.code("code", Some(&p.code));
            f.text("full_name", &p.full_name, NAME_MAX);
            f.date("date_of_birth", p.date_of_birth.as_deref(), FIRST_BIRTH_DAY);
            f.digits("cccd", p.cccd.as_deref(), 12..=12);
            f.digits("bhxh_code", p.bhxh_code.as_deref(), 10..=10);
            f.code("household", p.household.as_deref());
            f.text("category", &p.category, NAME_MAX);
            f.digits("phone", p.phone.as_deref(), 8..=15);
            f.date("joined", p.joined.as_deref(), FIRST_BIRTH_DAY);
            f.code("sponsor", p.sponsor.as_deref());
            f.date("left_on", p.left_on.as_deref(), FIRST_BIRTH_DAY);
        }
        Record::Dues(d) => {
            f.code("pool", Some(&d.pool));
            f.amount("amount", d.amount);
            f.date("date", Some(&d.effective_from), FIRST_BIRTH_DAY);
        }
        Record::Count(c) => {
            f.code("pool", Some(&c.pool));
            f.date("date", Some(&c.date), FIRST_VOUCHER_DAY);
            f.amount("book_balance", c.book_balance);
            f.amount("counted", c.counted);
            for (d, n) in &c.notes {
                f.amount("notes", *d);
                f.amount("notes", *n);
            }
            f.text("counted_by", &c.counted_by, NOTE_MAX);
            f.text("reason", &c.reason, NOTE_MAX);
        }
        Record::Close(c) => {
            f.code("pool", Some(&c.pool));
            f.date("to", Some(&c.to), FIRST_VOUCHER_DAY);
            f.text("head", &c.head, NOTE_MAX);
            f.amount("cash", c.cash);
            f.amount("bank", c.bank);
        }
        Record::Import(i) => {
            f.code("pool", Some(&i.pool));
            f.text("kind", &i.kind, NAME_MAX);
            f.text("file_name", &i.file_name, NOTE_MAX);
            f.text("sha256", &i.sha256, 64);
            f.date("date", Some(&i.imported_on), FIRST_VOUCHER_DAY);
        }
        Record::Card(c) => {
            f.code("pool", Some(&c.pool));
            f.code("person", Some(&c.person));
            f.text("scheme", &c.scheme, NAME_MAX);
            f.text("source", &c.source, NAME_MAX);
            f.date("from", Some(&c.from), FIRST_BIRTH_DAY);
            f.date("to", Some(&c.to), FIRST_BIRTH_DAY);
            f.text("card_no", &c.card_no, NAME_MAX);
            if let Some(reason) = &c.reason {
                f.text("reason", reason, NOTE_MAX);
            }
        }
        Record::Target(t) => {
            f.code("pool", Some(&t.pool));
            for n in [Some(t.bhyt), Some(t.bhxh), t.new_bhxh].into_iter().flatten() {
                f.amount("target", n);
            }
        }
    }
    f.0
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
