//! Pools: the groups whose books share one file.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::fault::Result;
use hunvon_core::ledger::Account;
use hunvon_core::messages::error::{Error, Unique};

/// One pool of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pool {
    pub id: i64,
    pub code: String,
    pub name: String,
}

impl Store {
    /// All pools of the file, by code.
    pub fn pools(&self) -> Result<Vec<Pool>> {
        let mut st = self.conn.prepare_cached("SELECT id, code, name FROM pools ORDER BY code")?;
        let rows = st.query_map([], |r| Ok(Pool { id: r.get(0)?, code: r.get(1)?, name: r.get(2)? }))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The pool with this code.
    pub fn pool_by_code(&self, code: &str) -> Result<Option<Pool>> {
        Ok(self
            .conn
            .query_row("SELECT id, code, name FROM pools WHERE code = ?1", [code], |r| {
                Ok(Pool { id: r.get(0)?, code: r.get(1)?, name: r.get(2)? })
            })
            .optional()?)
    }

    /// Creates a pool with its cash, bank and fund accounts, and starts its chain with the
    /// `pool` record holding its new book id.
    pub fn create_pool(&mut self, code: &str, name: &str, now: &str) -> Result<Pool> {
        self.create_pool_with_book(code, name, now, &super::records::new_book_id())
    }

    /// The same, with a book id chosen by the caller (`demo --chapters` gives each
    /// chapter its own).
    pub fn create_pool_with_book(&mut self, code: &str, name: &str, now: &str, book_id: &str) -> Result<Pool> {
        self.ensure_writable()?;
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let now = &super::stamp::inside(now);
        let exists: bool = tx.query_row("SELECT EXISTS (SELECT 1 FROM pools WHERE code = ?1)", [code], |r| r.get(0))?;
        if exists {
            return Err(Error::Duplicate { what: Unique::Pool, value: code.to_string() }.into());
        }
        tx.execute("INSERT INTO pools (code, name, created_at) VALUES (?1, ?2, ?3)", params![code, name, now])?;
        let id = tx.last_insert_rowid();
        for account in Account::pool_accounts() {
            tx.execute("INSERT INTO accounts (pool_id, name) VALUES (?1, ?2)", params![id, account.name()])?;
        }
        super::records::record_pool(crate::Conn(&tx), id, book_id, now)?;
        tx.commit()?;
        Ok(Pool { id, code: code.to_string(), name: name.to_string() })
    }
}
