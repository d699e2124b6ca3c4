//! Money in and out: contributions, the common fund, openings, transfers and reversals.

use chrono::NaiveDate;

use hunvon_core::domain::input;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::{Account, Kind, Method, NewTransaction, Series};
use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::warning::Warning;
use hunvon_store::journal::Posted;

use crate::App;
use crate::papers::describe;

/// What a write made: the voucher, and the line and warnings to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub voucher: String,
    pub series: Series,
    pub date: NaiveDate,
    pub total: Dong,
    pub line: String,
    pub warnings: Vec<Warning>,
}

/// Which money a `opening` or `transfer` names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpeningOf {
    Cash(String),
    Bank(String),
    Person { code: String, amount: String },
}

impl App {
    /// Writes one voucher and describes it.
    pub(crate) fn write_one(&mut self, mut t: NewTransaction) -> Result<Written> {
        self.store.ensure_writable()?;
        t.bank_ref = self.take_bank_ref(&t)?;
        let pool_id = self.pool()?.id;
        let now = self.clock.now.clone();
        let mut ap = self.store.appender(pool_id, &now)?;
        let posted = ap.append(&t)?;
        ap.commit()?;
        self.written(&posted, t.series)
    }

    /// The line and warnings for a voucher just written.
    pub(crate) fn written(&self, posted: &Posted, series: Series) -> Result<Written> {
        let pool_id = self.pool()?.id;
        let row = self
            .store
            .txn_by_voucher(pool_id, &posted.voucher)?
            .ok_or_else(|| Error::UnknownVoucher(posted.voucher.clone()))?;
        let purpose = describe::purpose(&row, self.lang);
        let warnings = posted
            .shortfalls
            .iter()
            .map(|(account, shortfall)| Warning::Shortfall {
                voucher: posted.voucher.clone(),
                account: account.clone(),
                shortfall: *shortfall,
                date: posted.date,
            })
            .collect::<Vec<_>>();
        let mut warnings = warnings;
        // An opening debt is what she already owed, not a payment made now.
        if row.kind != Kind::Opening {
            warnings.extend(self.debts_after(&row.postings)?);
        }
        Ok(Written {
            voucher: posted.voucher.clone(),
            series,
            date: posted.date,
            total: posted.total,
            line: describe::written_line(&posted.voucher, series, posted.total, &purpose, self.lang),
            warnings,
        })
    }

    /// The `--bank-ref` given for `t`, checked: only a voucher that moves money through
    /// the bank has one.
    pub(crate) fn take_bank_ref(&mut self, t: &NewTransaction) -> Result<String> {
        checked_bank_ref(std::mem::take(&mut self.bank_ref), t)
    }

    fn method_or_cash(method: Option<&str>) -> Result<Method> {
        Ok(input::optional(method, |s| input::method("--method", s))?.unwrap_or_default())
    }

    /// A contribution into a person's account (phiếu thu).
    pub fn contribute(
        &mut self,
        person: &str,
        amount: &str,
        date: &str,
        method: Option<&str>,
        note: &str,
    ) -> Result<Written> {
        self.store.ensure_writable()?;
        let p = self.person(person)?;
        let amount = input::amount("--amount", amount)?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        let method = Self::method_or_cash(method)?;
        let mut t = NewTransaction::simple(
            Series::moving(true, method),
            Kind::Contribution,
            date,
            vec![(method.account(), amount), (Account::Member(p.code.clone()), -amount)],
        );
        t.method = Some(method);
        t.person_id = Some(p.id);
        t.note = input::note("--note", note)?;
        self.write_one(t)
    }

    /// Money into (`incoming`) or out of the common fund: donations, interest, fines,
    /// or other payments. The note says what it was and is required.
    pub fn common_fund(
        &mut self,
        incoming: bool,
        amount: &str,
        date: &str,
        method: Option<&str>,
        note: &str,
    ) -> Result<Written> {
        self.store.ensure_writable()?;
        self.pool()?;
        let amount = input::amount("--amount", amount)?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        let method = Self::method_or_cash(method)?;
        let note = input::note("--note", note)?;
        if note.is_empty() {
            return Err(Error::Empty { field: "--note".into() });
        }
        let (series, kind, postings) = if incoming {
            (
                Series::moving(true, method),
                Kind::Receipt,
                vec![(method.account(), amount), (Account::FundCommon, -amount)],
            )
        } else {
            (
                Series::moving(false, method),
                Kind::Payment,
                vec![(Account::FundCommon, amount), (method.account(), -amount)],
            )
        };
        let mut t = NewTransaction::simple(series, kind, date, postings);
        t.method = Some(method);
        t.note = note;
        self.write_one(t)
    }

    /// The books a group brings with it: cash, bank, or a member's balance (negative for
    /// what she already owed), against `fund:opening` (phiếu kế toán).
    pub fn opening(&mut self, of: &OpeningOf, date: &str) -> Result<Written> {
        self.store.ensure_writable()?;
        self.pool()?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        let (postings, person_id, method) = match of {
            OpeningOf::Cash(a) => {
                let a = input::amount("--cash", a)?;
                (vec![(Account::Cash, a), (Account::FundOpening, -a)], None, Some(Method::Cash))
            }
            OpeningOf::Bank(a) => {
                let a = input::amount("--bank", a)?;
                (vec![(Account::Bank, a), (Account::FundOpening, -a)], None, Some(Method::Bank))
            }
            OpeningOf::Person { code, amount } => {
                let p = self.person(code)?;
                let a = input::signed_amount("--amount", amount)?;
                (vec![(Account::FundOpening, a), (Account::Member(p.code.clone()), -a)], Some(p.id), None)
            }
        };
        let mut t = NewTransaction::simple(Series::Pk, Kind::Opening, date, postings);
        t.person_id = person_id;
        t.method = method;
        self.write_one(t)
    }

    /// Pays a member back what the pool holds for her (phiếu chi: `member:C` +A, cash or
    /// bank −A), e.g. when she leaves. Refused beyond her balance unless `allow_debt`.
    pub fn withdraw(
        &mut self,
        person: &str,
        amount: &str,
        date: &str,
        method: Option<&str>,
        note: &str,
        allow_debt: bool,
    ) -> Result<Written> {
        self.store.ensure_writable()?;
        let p = self.person(person)?;
        let amount = input::amount("--amount", amount)?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        let method = Self::method_or_cash(method)?;
        let balance = self.person_balance(p.id)?;
        if amount.0 > balance.0 && !allow_debt {
            return Err(Error::BeyondBalance { person: p.fields.code, balance, amount });
        }
        let mut t = NewTransaction::simple(
            Series::moving(false, method),
            Kind::Withdrawal,
            date,
            vec![(Account::Member(p.code.clone()), amount), (method.account(), -amount)],
        );
        t.method = Some(method);
        t.person_id = Some(p.id);
        t.note = input::note("--note", note)?;
        self.write_one(t)
    }

    /// A warning for each member a voucher's postings take money from who owes the pool
    /// after it (SPEC §8: an advance is written, but said, with what she owes).
    pub(crate) fn debts_after(&self, postings: &[(Account, Dong)]) -> Result<Vec<Warning>> {
        let pool_id = self.pool()?.id;
        let mut out = Vec::new();
        for (account, amount) in postings {
            if let Account::Member(code) = account
                && amount.0 > 0
                && let Some(line) = self.store.person_line(pool_id, code)?
                && line.balance.0 < 0
                && !out.iter().any(|w| matches!(w, Warning::MemberOwes { person, .. } if person == code))
            {
                out.push(Warning::MemberOwes { person: code.clone(), owes: -line.balance });
            }
        }
        Ok(out)
    }

    /// What the pool holds for a person now (negative: she owes the pool).
    pub fn person_balance(&self, person_id: i64) -> Result<Dong> {
        let line = self.store.person_by_id(person_id)?.ok_or_else(|| Error::UnknownPerson(person_id.to_string()))?;
        let pool_id = self.pool()?.id;
        Ok(self.store.person_line(pool_id, &line.code)?.map(|l| l.balance).unwrap_or_default())
    }

    /// Cash deposited at or drawn from the bank: one voucher numbered by its cash side
    /// (SPEC §8): cash paid into the bank is a phiếu chi, cash drawn from it a phiếu thu.
    pub fn transfer(&mut self, from: &str, to: &str, amount: &str, date: &str, note: &str) -> Result<Written> {
        self.store.ensure_writable()?;
        self.pool()?;
        let from_m = input::method("--from", from)?;
        let to_m = input::method("--to", to)?;
        if from_m == to_m {
            return Err(Error::SameAccount);
        }
        let amount = input::amount("--amount", amount)?;
        let date = input::voucher_date("--date", date, self.clock.today)?;
        let mut t = NewTransaction::simple(
            Series::moving(to_m == Method::Cash, Method::Cash),
            Kind::Transfer,
            date,
            vec![(to_m.account(), amount), (from_m.account(), -amount)],
        );
        t.note = input::note("--note", note)?;
        self.write_one(t)
    }

    /// Reverses a voucher: a new voucher negating every posting, pointing at the original,
    /// with the reason as its note (docs/design.md §3). A reversed purchase voids its coverage.
    pub fn reverse(&mut self, voucher: &str, reason: &str, date: &str) -> Result<Written> {
        self.store.ensure_writable()?;
        let pool_id = self.pool()?.id;
        let voucher = voucher.trim().to_ascii_uppercase();
        let original =
            self.store.txn_by_voucher(pool_id, &voucher)?.ok_or_else(|| Error::UnknownVoucher(voucher.clone()))?;
        if original.kind == Kind::Reversal {
            return Err(Error::ReverseOfReversal(voucher));
        }
        if original.kind == Kind::CountDifference {
            // What was counted stands; the difference is cleared by `settle` (SPEC §8).
            return Err(hunvon_core::messages::error::CountError::NotReversible(voucher).into());
        }
        if let Some(by) = original.reversed_by {
            return Err(Error::AlreadyReversed { voucher, by });
        }
        let reason = input::note("--reason", reason)?;
        if reason.is_empty() {
            return Err(Error::Empty { field: "--reason".into() });
        }
        let date = input::voucher_date("--date", date, self.clock.today)?;
        if date < original.date {
            return Err(Error::ReverseBeforeOriginal { voucher, original: original.date, date });
        }
        if original.kind.is_purchase()
            && let Some(later) = self.store.later_unreversed_purchase(original.id)?
        {
            return Err(Error::LaterPurchaseFirst { voucher, later });
        }
        let postings = original.postings.iter().map(|(a, d)| (a.clone(), -*d)).collect();
        // A correction moves no money: a phiếu kế toán whose lines negate the original's
        // (SPEC §8); the books print it in the original's column as a negative amount.
        let mut t = NewTransaction::simple(Series::Pk, Kind::Reversal, date, postings);
        t.reverses_id = Some(original.id);
        t.person_id = original.person_id;
        t.method = original.method;
        t.note = reason;
        self.write_one(t)
    }
}

/// A `--bank-ref` checked against its voucher: only one that moves money through the bank
/// has one.
pub(crate) fn checked_bank_ref(given: String, t: &NewTransaction) -> Result<String> {
    if given.is_empty() {
        return Ok(given);
    }
    let bank_ref = input::note("--bank-ref", &given)?;
    if !t.postings.iter().any(|(a, _)| *a == Account::Bank) {
        return Err(Error::BankRefWithoutBank(bank_ref));
    }
    Ok(bank_ref)
}
