//! Copying a chapter's records into the district's book (docs/design.md §11), all in one
//! IMMEDIATE SQLite transaction: every pool of the file comes in, or nothing does.
//!
//! A record is copied as the chapter wrote it. A non-voucher record keeps its body and
//! both hashes verbatim and is applied to the tables (a person inserted or updated, by
//! code); a voucher's rows keep the chapter's row ids in `origin_id` and are written
//! postings first, then the transaction row (a batch at a time: collect_batch.rs), so the
//! book's own triggers check balance, numbering and chain as for a voucher typed here —
//! except, in a large collection, those that only re-check what the collection verified
//! itself (collect_indexes.rs). Read back, the copy gives the same canonical text, hence
//! the same hashes.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::Store;
use super::collect_batch::{Batch, CoverageRow, TxnRow};
use super::collect_sums::Sums;
use crate::fault::Result;
use hunvon_core::ledger::Account;
use hunvon_core::ledger::canonical::CanonicalTransaction;
use hunvon_core::ledger::district::DistrictRecord;
use hunvon_core::ledger::record::{CardRecord, CountRecord, HouseholdRecord, PersonRecord, PoolRecord, Record};
use hunvon_core::messages::error::{DistrictError, Error};

/// A write session copying chapters' records into this book.
pub struct Collector<'c> {
    tx: rusqlite::Transaction<'c>,
    pool_id: i64,
    accounts: HashMap<String, i64>,
    persons: HashMap<String, i64>,
    households: HashMap<String, i64>,
    next_txn: i64,
    /// The current pool's sums, not yet written.
    sums: Sums,
    /// Vouchers copied and not yet written.
    batch: Batch,
    /// Indexes dropped for the copy, created again before it commits.
    set_aside: Vec<String>,
}

impl Store {
    /// Starts copying `coming` records: one transaction, taken at once so no other writer
    /// interleaves.
    pub fn collector(&mut self, coming: u64) -> Result<Collector<'_>> {
        self.ensure_writable()?;
        // A first collection writes a whole chapter's ledger in one transaction: with the
        // usual 64 MB cache its indexes spill to disk again and again.
        // The indexes set aside are built again by sorting, with a helper thread on the
        // core the checking thread has left by then.
        self.conn.execute_batch("PRAGMA cache_size = -262144; PRAGMA threads = 2;")?;
        // The queued rows are written by a few statements per table, one per batch size.
        self.conn.set_prepared_statement_cache_capacity(64);
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let next_txn: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM transactions", [], |r| r.get(0))?;
        let set_aside = super::collect_indexes::set_aside(&tx, next_txn - 1, coming)?;
        Ok(Collector {
            tx,
            pool_id: 0,
            accounts: HashMap::new(),
            persons: HashMap::new(),
            households: HashMap::new(),
            next_txn,
            sums: Sums::default(),
            batch: Batch { chain: super::collect_indexes::chain_set_aside(&set_aside), ..Batch::default() },
            set_aside,
        })
    }
}

impl Collector<'_> {
    /// A new collected pool shown as `code`, copied from the chapter's pool `origin_code`
    /// of book `book_id`; its chain starts empty and fills as records are copied.
    pub fn new_pool(
        &mut self,
        code: &str,
        origin_code: &str,
        name: &str,
        book_id: &str,
        created_at: &str,
    ) -> Result<i64> {
        // Planned outside this transaction: a collection of the same book (or into the
        // same code) that committed meanwhile is the other writer's, and this one is told
        // to try again rather than shown SQLite's UNIQUE failure.
        let taken: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM pools WHERE code = ?1) \
                 OR EXISTS (SELECT 1 FROM collected_pools WHERE book_id = ?2 AND archived_at IS NULL)",
            params![code, book_id],
            |r| r.get(0),
        )?;
        if taken {
            return Err(hunvon_core::messages::error::Error::Busy.into());
        }
        self.tx
            .prepare_cached("INSERT INTO pools (code, name, created_at, origin_code) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![code, name, created_at, origin_code])?;
        let id = self.tx.last_insert_rowid();
        for account in Account::pool_accounts() {
            self.tx
                .prepare_cached("INSERT INTO accounts (pool_id, name) VALUES (?1, ?2)")?
                .execute(params![id, account.name()])?;
        }
        self.tx
            .prepare_cached("INSERT INTO collected_pools (pool_id, book_id) VALUES (?1, ?2)")?
            .execute(params![id, book_id])?;
        self.enter_pool(id)?;
        Ok(id)
    }

    /// Continues copying into an existing collected pool: its ids by code and name.
    pub fn enter_pool(&mut self, pool_id: i64) -> Result<()> {
        self.pool_id = pool_id;
        let read = |sql: &str| -> Result<HashMap<String, i64>> {
            let mut st = self.tx.prepare(sql)?;
            let rows = st.query_map([pool_id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        self.accounts = read("SELECT name, id FROM accounts WHERE pool_id = ?1")?;
        self.persons = read("SELECT code, id FROM persons WHERE pool_id = ?1")?;
        self.households = read("SELECT code, id FROM households WHERE pool_id = ?1")?;
        Ok(())
    }

    /// Archives a collected pool under another code: an accepted rewrite replaces it, and
    /// it stays, read-only, for comparison.
    pub fn archive(&mut self, pool_id: i64, code: &str, at: &str) -> Result<()> {
        self.tx.execute("UPDATE pools SET code = ?2 WHERE id = ?1", params![pool_id, code])?;
        self.tx.execute("UPDATE collected_pools SET archived_at = ?2 WHERE pool_id = ?1", params![pool_id, at])?;
        Ok(())
    }

    /// Copies a non-voucher record at `pos` with its hashes as the chapter wrote them, and
    /// applies it to the tables.
    pub fn copy_record(
        &mut self,
        pos: i64,
        kind: &str,
        body: &str,
        hashes: (&str, &str),
        entered_at: &str,
    ) -> Result<()> {
        self.flush()?;
        self.tx
            .prepare_cached(
                "INSERT INTO chain (pool_id, pos, kind, body, prev_hash, hash, entered_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![self.pool_id, pos, kind, body, hashes.0, hashes.1, entered_at])?;
        self.apply_record(pos, body, entered_at)
    }

    /// What a copied record at `pos` changes in the tables, as it did in the chapter's book.
    fn apply_record(&mut self, pos: i64, body: &str, entered_at: &str) -> Result<()> {
        match Record::parse(body) {
            Some(Record::Pool(p)) => self.pool_record(&p, entered_at)?,
            Some(Record::Household(h)) => self.household(&h)?,
            Some(Record::Person(p)) => self.person(&p)?,
            Some(Record::Dues(d)) => {
                self.tx
                    .prepare_cached("INSERT INTO dues (pool_id, amount, effective_from) VALUES (?1, ?2, ?3)")?
                    .execute(params![self.pool_id, d.amount, d.effective_from])?;
            }
            Some(Record::Count(c)) => self.cash_count(pos, &c)?,
            Some(Record::Close(c)) => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO closes (pool_id, chain_pos, closed_to, head, cash, bank, entered_at, seq) \
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    )?
                    .execute(params![self.pool_id, pos, c.to, c.head, c.cash, c.bank, c.entered_at, c.number])?;
            }
            // A chapter's imports stay the chapter's: the district imports nothing into a
            // collected pool, and `verify` compares imports of own pools only.
            Some(Record::Import(_)) => {}
            Some(Record::Card(c)) => self.card(pos, &c)?,
            Some(Record::Target(t)) => {
                super::targets::insert_target(crate::Conn(&self.tx), self.pool_id, Some(pos), None, &t)?
            }
            // The checker lets through only records hunvon writes.
            None => {}
        }
        Ok(())
    }

    /// The pool's name, and its letterhead when the record carries one.
    fn pool_record(&mut self, p: &PoolRecord, entered_at: &str) -> Result<()> {
        self.tx
            .prepare_cached("UPDATE pools SET name = ?2 WHERE id = ?1 AND name IS NOT ?2")?
            .execute(params![self.pool_id, p.name])?;
        if let Some(l) = &p.letterhead {
            super::letterhead::insert_letterhead(&self.tx, self.pool_id, l, entered_at)?;
        }
        Ok(())
    }

    fn cash_count(&mut self, pos: i64, c: &CountRecord) -> Result<()> {
        let notes = serde_json::to_string(&c.notes).unwrap_or_else(|_| "[]".into());
        self.tx
            .prepare_cached(
                "INSERT INTO cash_counts (pool_id, chain_pos, counted_on, book_balance, counted, notes, \
                 counted_by, reason, entered_at, seq, counted_time) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                self.pool_id,
                pos,
                c.date,
                c.book_balance,
                c.counted,
                notes,
                c.counted_by,
                c.reason,
                c.entered_at,
                c.number,
                c.time
            ])?;
        Ok(())
    }

    /// A card from elsewhere, or the cancelling of one.
    fn card(&mut self, pos: i64, c: &CardRecord) -> Result<()> {
        match c.cancels {
            None => {
                let person = self.code_id(&self.persons, Some(&c.person), "person")?;
                let person = person.ok_or_else(|| unknown("person", &c.person))?;
                super::outside_cards::insert_card(crate::Conn(&self.tx), self.pool_id, pos, person, c)?;
            }
            Some(card_pos) => {
                super::outside_cards::insert_cancel(crate::Conn(&self.tx), self.pool_id, pos, card_pos, c)?
            }
        }
        Ok(())
    }

    fn household(&mut self, h: &HouseholdRecord) -> Result<()> {
        match self.households.get(&h.code) {
            Some(id) => {
                self.tx
                    .prepare_cached("UPDATE households SET name = ?2, address = ?3 WHERE id = ?1")?
                    .execute(params![id, h.name, h.address])?;
            }
            None => {
                self.tx
                    .prepare_cached("INSERT INTO households (pool_id, code, name, address) VALUES (?1, ?2, ?3, ?4)")?
                    .execute(params![self.pool_id, h.code, h.name, h.address])?;
                self.households.insert(h.code.clone(), self.tx.last_insert_rowid());
            }
        }
        Ok(())
    }

    fn person(&mut self, p: &PersonRecord) -> Result<()> {
        let household = self.code_id(&self.households, p.household.as_deref(), "household")?;
        let sponsor = self.code_id(&self.persons, p.sponsor.as_deref(), "person")?;
        let folded = hunvon_core::domain::text::fold(&p.full_name);
        // A person met before is updated in place (her code and id never change); a new
        // one is inserted and gets her member account.
        let id: i64 = self
            .tx
            .prepare_cached(
                "INSERT INTO persons (pool_id, code, full_name, name_folded, date_of_birth, gender, cccd, bhxh_code, \
                 household_id, category, phone, joined, sponsor_id, left_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) \
                 ON CONFLICT (pool_id, code) DO UPDATE SET full_name = excluded.full_name, \
                 name_folded = excluded.name_folded, date_of_birth = excluded.date_of_birth, gender = excluded.gender, \
                 cccd = excluded.cccd, bhxh_code = excluded.bhxh_code, household_id = excluded.household_id, \
                 category = excluded.category, phone = excluded.phone, joined = excluded.joined, \
                 sponsor_id = excluded.sponsor_id, left_on = excluded.left_on RETURNING id",
            )?
            .query_row(
                params![
                    self.pool_id,
                    p.code,
                    p.full_name,
                    folded,
                    p.date_of_birth,
                    p.gender,
                    p.cccd,
                    p.bhxh_code,
                    household,
                    p.category,
                    p.phone,
                    p.joined,
                    sponsor,
                    p.left_on
                ],
                |r| r.get(0),
            )?;
        if self.persons.insert(p.code.clone(), id).is_none() {
            let account = Account::Member(p.code.clone()).name();
            self.tx
                .prepare_cached("INSERT INTO accounts (pool_id, name, person_id) VALUES (?1, ?2, ?3)")?
                .execute(params![self.pool_id, account, id])?;
            self.accounts.insert(account, self.tx.last_insert_rowid());
        }
        Ok(())
    }

    /// The id of a code the chain named earlier; a code it never introduced means the
    /// chapter's chain is not what hunvon writes.
    fn code_id(&self, ids: &HashMap<String, i64>, code: Option<&str>, what: &'static str) -> Result<Option<i64>> {
        match code {
            None => Ok(None),
            Some(c) => ids.get(c).copied().map(Some).ok_or_else(|| unknown(what, c)).map_err(Into::into),
        }
    }

    /// Copies one voucher with its chapter's ids and hashes (checked by the caller): its
    /// codes become this book's ids now, its rows are queued and written with the batch.
    pub fn copy_voucher(&mut self, mut t: CanonicalTransaction, prev_hash: String, hash: String) -> Result<()> {
        let id = self.next_txn;
        let first = self.batch.postings.len();
        for p in &t.postings {
            if p.account == Account::FundPending.name() && !self.accounts.contains_key(&p.account) {
                // Made on first use, as in the chapter's book (SPEC §8).
                self.tx
                    .prepare_cached("INSERT INTO accounts (pool_id, name) VALUES (?1, ?2)")?
                    .execute(params![self.pool_id, p.account])?;
                self.accounts.insert(p.account.clone(), self.tx.last_insert_rowid());
            }
            let account = *self.accounts.get(&p.account).ok_or_else(|| unknown("account", &p.account))?;
            self.batch.postings.push([id, account, p.amount, p.id]);
        }
        let postings = self.batch.postings[first..].iter().map(|p| (p[1], p[2]));
        self.sums.add(&t.date, t.reverses.is_some(), postings);
        for c in std::mem::take(&mut t.coverages) {
            let person = self.code_id(&self.persons, Some(&c.person), "person")?;
            let household = self.code_id(&self.households, c.household.as_deref(), "household")?;
            let payer = *self.accounts.get(&c.payer).ok_or_else(|| unknown("account", &c.payer))?;
            self.batch.coverages.push(CoverageRow { txn_id: id, person, payer, household, c });
        }
        t.postings = Vec::new();
        let person = self.code_id(&self.persons, t.person.as_deref(), "person")?;
        let reverses: Option<i64> = match &t.reverses {
            None => None,
            Some(v) => Some(match self.batch.ids.get(v) {
                Some(queued) => *queued,
                None => self
                    .tx
                    .prepare_cached("SELECT id FROM transactions WHERE pool_id = ?1 AND voucher = ?2")?
                    .query_row(params![self.pool_id, v], |r| r.get(0))
                    .optional()?
                    .ok_or_else(|| unknown("voucher", v))?,
            }),
        };
        self.batch.ids.insert(t.voucher.clone(), id);
        self.batch.txns.push(TxnRow { id, pool_id: self.pool_id, t, person, reverses, prev_hash, hash });
        self.next_txn += 1;
        if self.batch.is_full() {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the queued vouchers: before anything that reads the tables or continues
    /// the chain after them.
    fn flush(&mut self) -> Result<()> {
        self.batch.write(crate::Conn(&self.tx))
    }

    /// Brings the current pool's maintained sums (balances, kept debits and credits, daily
    /// movements) up to the vouchers copied into it, added up as they were copied
    /// (store/collect_sums.rs) — what `transactions_maintain_balances` does for a voucher
    /// written here.
    pub fn finish_pool(&mut self) -> Result<()> {
        self.flush()?;
        self.sums.write(crate::Conn(&self.tx))
    }

    /// The pool's chain end as copied so far: (place, hash).
    pub fn chain_end(&mut self) -> Result<(i64, String)> {
        self.flush()?;
        super::records::head(crate::Conn(&self.tx), self.pool_id)
    }

    /// Appends a record to the district's own chain; returns its hash.
    pub fn record(&mut self, pool_id: i64, record: &DistrictRecord) -> Result<String> {
        self.flush()?;
        let (pos, prev): (i64, String) = self
            .tx
            .query_row("SELECT pos, hash FROM district_chain ORDER BY pos DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?
            .unwrap_or_else(|| (0, hunvon_core::ledger::canonical::GENESIS.to_string()));
        let body = record.json();
        let hash = hunvon_core::ledger::canonical::link_hash(&prev, &body);
        self.tx
            .prepare_cached(
                "INSERT INTO district_chain (pos, kind, pool_id, body, prev_hash, hash, entered_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![pos + 1, record.kind(), pool_id, body, prev, hash, record.entered_at()])?;
        Ok(hash)
    }

    /// Makes every copy durable at once, or none.
    pub fn commit(mut self) -> Result<()> {
        self.flush()?;
        super::collect_indexes::restore(&self.tx, &mut self.set_aside)?;
        self.tx.commit()?;
        Ok(())
    }
}

/// A chain that names something it never introduced: not a chain hunvon wrote.
fn unknown(what: &'static str, code: &str) -> Error {
    DistrictError::Unintroduced { what, code: code.to_string() }.into()
}
