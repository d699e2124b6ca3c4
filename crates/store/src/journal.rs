//! Appending vouchers: numbering, hashing and inserting in one SQLite transaction.
//!
//! An [`Appender`] holds an IMMEDIATE transaction (so numbering and the chain head
//! cannot race another writer) and keeps the chain head, the next numbers and the
//! account ids in memory, so appending never rescans the chain and an import of
//! 100.000 rows is one transaction of prepared statements.

use crate::codes::RowExt;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::domain::money::Dong;
use hunvon_core::ledger::canonical::{self, CanonicalCoverage, CanonicalPosting, CanonicalTransaction};
use hunvon_core::ledger::record::Record;
use hunvon_core::ledger::{Account, NewCoverage, NewTransaction, Series};
use hunvon_core::messages::error::Error;

/// What a written voucher came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posted {
    pub id: i64,
    pub voucher: String,
    pub date: NaiveDate,
    pub total: Dong,
    /// Accounts (cash, bank) whose balance on the voucher's date went below zero, with
    /// the shortfall: written anyway (entries out of order are normal), but said.
    pub shortfalls: Vec<(Account, Dong)>,
}

/// A voucher's number: its year, its place in the series that year, as printed.
struct Number {
    year: i32,
    seq: i64,
    voucher: String,
}

/// A posting row to insert: its id, its account's id, its amount in đồng.
type PostingRow = (i64, i64, i64);

/// A coverage row to insert: its id, the coverage, its payer's account id.
type CoverageRow<'t> = (i64, &'t NewCoverage, i64);

/// A write session on one pool's ledger.
pub struct Appender<'c> {
    tx: rusqlite::Transaction<'c>,
    pool_id: i64,
    pool_code: String,
    prev_hash: String,
    next_id: i64,
    next_posting_id: i64,
    next_coverage_id: i64,
    seqs: HashMap<(Series, i32), i64>,
    accounts: HashMap<String, i64>,
    codes: HashMap<(&'static str, i64), String>,
    entered_at: String,
    /// The last day the pool's books are closed to: nothing dated on or before it is
    /// written, whichever command or screen asks (a trigger refuses it too).
    closed_to: Option<NaiveDate>,
}

impl Store {
    /// Starts appending to a pool's ledger. `entered_at` stamps every voucher written.
    pub fn appender(&mut self, pool_id: i64, entered_at: &str) -> Result<Appender<'_>> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        super::district::refuse_collected(&tx, pool_id)?;
        let pool_code: String = tx.query_row("SELECT code FROM pools WHERE id = ?1", [pool_id], |r| r.get(0))?;
        // The head of the pool's chain of records: a person added since the last voucher
        // is what this voucher follows.
        let (_, prev_hash) = super::records::head(crate::Conn(&tx), pool_id)?;
        let max = |table: &str| -> Result<i64> {
            Ok(tx.query_row(&format!("SELECT COALESCE(MAX(id), 0) FROM {table}"), [], |r| r.get(0))?)
        };
        let (next_id, next_posting_id, next_coverage_id) =
            (max("transactions")? + 1, max("postings")? + 1, max("coverages")? + 1);
        let closed_to: Option<NaiveDate> =
            tx.query_row("SELECT MAX(closed_to) FROM closes WHERE pool_id = ?1", [pool_id], |r| r.get(0))?;
        Ok(Appender {
            tx,
            pool_id,
            pool_code,
            prev_hash,
            next_id,
            next_posting_id,
            next_coverage_id,
            seqs: HashMap::new(),
            accounts: HashMap::new(),
            codes: HashMap::new(),
            entered_at: super::stamp::inside(entered_at),
            closed_to,
        })
    }
}

impl<'c> Appender<'c> {
    /// The open SQLite transaction, for reads that must see this session's writes.
    pub fn conn(&self) -> crate::Conn<'_> {
        crate::Conn(&self.tx)
    }

    pub fn pool_id(&self) -> i64 {
        self.pool_id
    }

    /// When this session's writes are entered, taken once the write lock was held.
    pub fn entered_at(&self) -> &str {
        &self.entered_at
    }

    /// The id of an account of this pool.
    pub fn account_id(&mut self, account: &Account) -> Result<i64> {
        let name = account.name();
        if let Some(id) = self.accounts.get(&name) {
            return Ok(*id);
        }
        let id: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM accounts WHERE pool_id = ?1 AND name = ?2")?
            .query_row(params![self.pool_id, name], |r| r.get(0))
            .optional()?;
        let id = match (id, account) {
            (Some(id), _) => id,
            (None, Account::Member(code)) => return Err(Error::UnknownPerson(code.clone()).into()),
            (None, Account::FundPending) => {
                // Made on first use (SPEC §8): a book without a count difference never has it.
                self.tx
                    .prepare_cached("INSERT INTO accounts (pool_id, name) VALUES (?1, ?2)")?
                    .execute(params![self.pool_id, name])?;
                self.tx.last_insert_rowid()
            }
            (None, _) => return Err(Error::MissingAccount(name).into()),
        };
        self.accounts.insert(name, id);
        Ok(id)
    }

    fn next_seq(&mut self, series: Series, year: i32) -> Result<i64> {
        if let Some(seq) = self.seqs.get_mut(&(series, year)) {
            *seq += 1;
            return Ok(*seq);
        }
        let seq: i64 = self
            .tx
            .prepare_cached(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM transactions WHERE pool_id = ?1 AND series = ?2 AND year = ?3",
            )?
            .query_row(params![self.pool_id, series.code(), year], |r| r.get(0))?;
        self.seqs.insert((series, year), seq);
        Ok(seq)
    }

    /// A person's or household's code (cached: codes never change).
    fn code_of(&mut self, table: &'static str, id: i64) -> Result<String> {
        if let Some(code) = self.codes.get(&(table, id)) {
            return Ok(code.clone());
        }
        let sql = format!("SELECT code FROM {table} WHERE id = ?1");
        let code: String = self.tx.prepare_cached(&sql)?.query_row([id], |r| r.get(0))?;
        self.codes.insert((table, id), code.clone());
        Ok(code)
    }

    /// Writes one voucher: checks the balance (the Rust half of double entry), numbers
    /// it, hashes it onto the chain, inserts postings and coverage rows and then the
    /// transaction row, whose triggers check balance, numbering and chain again.
    pub fn append(&mut self, t: &NewTransaction) -> Result<Posted> {
        t.check_balanced()?;
        self.refuse_closed(t.date)?;
        let number = self.number(t)?;
        let id = self.next_id;
        // Lines are numbered (and accounts and codes looked up) in the order the
        // canonical form lists them, before anything is inserted.
        let (postings, posting_rows) = self.posting_lines(t)?;
        let (coverages, coverage_rows) = self.coverage_lines(t)?;
        let canonical = self.canonical(t, id, &number, postings, coverages)?;
        let hash = canonical::link_hash(&self.prev_hash, &canonical.json());

        self.insert_postings(id, &posting_rows)?;
        self.insert_coverages(id, &coverage_rows)?;
        self.insert_transaction(t, id, &number, &hash)?;
        self.prev_hash = hash;
        self.next_id += 1;

        let shortfalls = self.shortfalls(t)?;
        Ok(Posted { id, voucher: number.voucher, date: t.date, total: t.total(), shortfalls })
    }

    /// Nothing is written on or before the day the pool's books are closed to.
    fn refuse_closed(&self, date: NaiveDate) -> Result<()> {
        match self.closed_to {
            Some(closed_to) if date <= closed_to => {
                Err(hunvon_core::messages::error::Bound::PeriodClosed { date, closed_to }.into())
            }
            _ => Ok(()),
        }
    }

    /// The voucher's next number in its series and year.
    fn number(&mut self, t: &NewTransaction) -> Result<Number> {
        let year = t.date.year();
        let seq = self.next_seq(t.series, year)?;
        Ok(Number { year, seq, voucher: t.series.voucher(year, seq) })
    }

    /// The voucher's postings with their ids: as hashed, and as inserted.
    fn posting_lines(&mut self, t: &NewTransaction) -> Result<(Vec<CanonicalPosting>, Vec<PostingRow>)> {
        let mut postings = Vec::with_capacity(t.postings.len());
        let mut rows = Vec::with_capacity(t.postings.len());
        for (account, amount) in &t.postings {
            let account_id = self.account_id(account)?;
            postings.push(CanonicalPosting { id: self.next_posting_id, account: account.name(), amount: amount.0 });
            rows.push((self.next_posting_id, account_id, amount.0));
            self.next_posting_id += 1;
        }
        Ok((postings, rows))
    }

    /// The voucher's coverages with their ids: as hashed (codes, ISO dates), and as
    /// inserted (the new coverage with its payer's account id).
    fn coverage_lines<'t>(&mut self, t: &'t NewTransaction) -> Result<(Vec<CanonicalCoverage>, Vec<CoverageRow<'t>>)> {
        let mut coverages = Vec::with_capacity(t.coverages.len());
        let mut rows = Vec::with_capacity(t.coverages.len());
        for c in &t.coverages {
            let payer_id = self.account_id(&c.payer)?;
            coverages.push(self.canonical_coverage(c)?);
            rows.push((self.next_coverage_id, c, payer_id));
            self.next_coverage_id += 1;
        }
        Ok((coverages, rows))
    }

    /// One coverage as the chain hashes it, under the next coverage id.
    fn canonical_coverage(&mut self, c: &NewCoverage) -> Result<CanonicalCoverage> {
        let household = match c.household_id {
            Some(h) => Some(self.code_of("households", h)?),
            None => None,
        };
        let iso = |d: Option<NaiveDate>| d.map(hunvon_core::domain::date::format_iso);
        Ok(CanonicalCoverage {
            id: self.next_coverage_id,
            person: self.code_of("persons", c.person_id)?,
            scheme: c.scheme.to_string(),
            months: i64::from(c.months),
            payer: c.payer.name(),
            household,
            position: c.position.map(i64::from),
            quote: c.quote.0,
            amount: c.amount.0,
            expected_from: iso(c.expected_from),
            expected_to: iso(c.expected_to),
            card_from: iso(c.card_from),
            card_to: iso(c.card_to),
            from_month: c.from_month.clone(),
            to_month: c.to_month.clone(),
            income: c.income.map(|d| d.0),
            supported_months: c.supported_months.map(i64::from),
        })
    }

    /// The voucher as the chain hashes it: codes and voucher numbers, not row ids.
    fn canonical(
        &mut self,
        t: &NewTransaction,
        id: i64,
        number: &Number,
        postings: Vec<CanonicalPosting>,
        coverages: Vec<CanonicalCoverage>,
    ) -> Result<CanonicalTransaction> {
        let person = match t.person_id {
            Some(p) => Some(self.code_of("persons", p)?),
            None => None,
        };
        let reverses = match t.reverses_id {
            Some(r) => Some(
                self.tx
                    .prepare_cached("SELECT voucher FROM transactions WHERE id = ?1")?
                    .query_row([r], |row| row.get(0))?,
            ),
            None => None,
        };
        Ok(CanonicalTransaction {
            id,
            pool: self.pool_code.clone(),
            voucher: number.voucher.clone(),
            series: t.series.code().to_string(),
            year: i64::from(number.year),
            seq: number.seq,
            date: hunvon_core::domain::date::format_iso(t.date),
            kind: t.kind.code().to_string(),
            method: t.method.map(|m| m.code().to_string()),
            person,
            note: t.note.clone(),
            reverses,
            receipt_no: t.receipt_no.clone(),
            entered_at: self.entered_at.clone(),
            postings,
            coverages,
            bank_ref: t.bank_ref.clone(),
            count_ref: t.count_ref.clone(),
        })
    }

    fn insert_postings(&self, txn_id: i64, rows: &[PostingRow]) -> Result<()> {
        let mut ins =
            self.tx.prepare_cached("INSERT INTO postings (id, txn_id, account_id, amount) VALUES (?1, ?2, ?3, ?4)")?;
        for (pid, account_id, amount) in rows {
            ins.execute(params![pid, txn_id, account_id, amount])?;
        }
        Ok(())
    }

    fn insert_coverages(&self, txn_id: i64, rows: &[CoverageRow<'_>]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut ins = self.tx.prepare_cached(
            "INSERT INTO coverages (id, txn_id, person_id, scheme, months, payer_account_id, household_id, position, \
             quote, amount, expected_from, expected_to, card_from, card_to, from_month, to_month, income, supported_months) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        )?;
        for (cid, c, payer_id) in rows {
            ins.execute(params![
                cid,
                txn_id,
                c.person_id,
                c.scheme,
                c.months,
                payer_id,
                c.household_id,
                c.position,
                c.quote.0,
                c.amount.0,
                c.expected_from,
                c.expected_to,
                c.card_from,
                c.card_to,
                c.from_month,
                c.to_month,
                c.income.map(|d| d.0),
                c.supported_months
            ])?;
        }
        Ok(())
    }

    /// The transaction row last: its triggers check balance, numbering and the chain
    /// against the postings just inserted.
    fn insert_transaction(&self, t: &NewTransaction, id: i64, number: &Number, hash: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO transactions (id, pool_id, voucher, series, year, seq, date, kind, method, person_id, note, \
                 reverses_id, receipt_no, entered_at, prev_hash, hash, bank_ref, count_ref) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?
            .execute(params![
                id,
                self.pool_id,
                number.voucher,
                t.series.code(),
                number.year,
                number.seq,
                t.date,
                t.kind.code(),
                t.method.map(|m| m.code()),
                t.person_id,
                t.note,
                t.reverses_id,
                t.receipt_no,
                self.entered_at,
                self.prev_hash,
                hash,
                t.bank_ref,
                t.count_ref
            ])?;
        Ok(())
    }

    /// Cash or bank paid out that left the account below zero on the voucher's date.
    fn shortfalls(&mut self, t: &NewTransaction) -> Result<Vec<(Account, Dong)>> {
        let mut shortfalls = Vec::new();
        for (account, amount) in &t.postings {
            if amount.0 < 0 && matches!(account, Account::Cash | Account::Bank) {
                let balance = self.balance_on(account, t.date)?;
                if balance.0 < 0 {
                    shortfalls.push((account.clone(), -balance));
                }
            }
        }
        Ok(shortfalls)
    }

    /// An account's balance at the end of a day, from the maintained daily movements.
    pub fn balance_on(&mut self, account: &Account, date: NaiveDate) -> Result<Dong> {
        let account_id = self.account_id(account)?;
        Ok(self
            .tx
            .prepare_cached("SELECT COALESCE(SUM(amount), 0) FROM account_days WHERE account_id = ?1 AND date <= ?2")?
            .query_row(params![account_id, date], |r| r.code(0))?)
    }

    /// Appends a non-voucher record in this session; the voucher after it follows it.
    pub fn append_record(&mut self, record: &Record) -> Result<super::records::ChainPlace> {
        let place = super::records::append(crate::Conn(&self.tx), self.pool_id, record)?;
        self.prev_hash.clone_from(&place.hash);
        Ok(place)
    }

    /// Makes every append durable at once, or none of them.
    pub fn commit(self) -> Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
