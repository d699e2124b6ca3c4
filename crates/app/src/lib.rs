//! Use cases: one function per thing a treasurer or an auditor does. The command line and
//! the TUI both call these, so everything done at the keyboard can be scripted and tested.
//! `output` is where their words and files go.

#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod backup;
mod beside;
pub use beside::let_go;
pub mod demo;
mod demo_months;
pub mod district;
mod fx;
pub mod insurance;
pub mod moves;
pub mod output;
pub mod papers;
pub mod people;
pub mod settings;
pub mod verify;
pub mod views;
pub mod words;

/// The sentence tables' macro, where the command line and the TUI have always found it.
pub use hunvon_core::words;

use std::path::Path;

use chrono::NaiveDate;

use hunvon_core::messages::error::{Error, Result};
use hunvon_core::messages::i18n::Lang;
use hunvon_store::Store;
use hunvon_store::pools::Pool;

/// How a book is opened: the front ends choose, the store enforces.
pub use hunvon_store::Access;
pub use papers::report_kind::{ReportKind, ReportRequest};
pub use people::import::ImportKind;

/// Today's date and the entry timestamp. `HUNVON_TODAY=YYYY-MM-DD` replaces today
/// everywhere (tests, snapshots, reproducing an old report); the entry timestamp then
/// becomes that day's midnight so that hashes are reproducible too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clock {
    pub today: NaiveDate,
    pub now: String,
}

impl Clock {
    /// Reads `HUNVON_TODAY`, else the system clock.
    pub fn from_env() -> Result<Clock> {
        match std::env::var("HUNVON_TODAY") {
            Ok(v) if !v.trim().is_empty() => {
                let today = hunvon_core::domain::input::date("HUNVON_TODAY", &v)?;
                let clock = Clock::fixed(today);
                // Records a migration writes take this stamp too (store/stamp.rs).
                hunvon_store::stamp::set_fixed(&clock.now);
                Ok(clock)
            }
            _ => {
                let now = chrono::Local::now();
                // Writes take their stamp once they hold the write lock (store/stamp.rs).
                hunvon_store::stamp::set_live();
                Ok(Clock { today: now.date_naive(), now: hunvon_store::stamp::now() })
            }
        }
    }

    /// The stamp of a write whose transaction holds the write lock: now on a live clock.
    pub fn stamp(&self) -> String {
        hunvon_store::stamp::inside(&self.now)
    }

    /// A clock stopped at midnight of `today`.
    pub fn fixed(today: NaiveDate) -> Clock {
        Clock { today, now: format!("{}T00:00:00Z", hunvon_core::domain::date::format_iso(today)) }
    }
}

/// An open book, the chosen pool and the person's language.
pub struct App {
    pub(crate) store: Store,
    pub lang: Lang,
    pub clock: Clock,
    pools: Vec<Pool>,
    /// Pools kept only as the earlier copy of a rewritten chapter's book: left out of
    /// `--pool all` (the current copy counts), still verified.
    archived: Vec<i64>,
    /// Pools copied from chapters' books: written only in the chapter's own book.
    collected: Vec<i64>,
    chosen: Option<String>,
    /// The bank's reference (`--bank-ref`) the next voucher written carries; `write_one`
    /// and `buy` take it, so it never outlives the command that gave it.
    pub bank_ref: String,
}

impl App {
    /// Opens the book at `path`, read-only or else making it if there is none (the TUI's
    /// first run). `pool` is the `--pool` code, needed only when the file holds several pools.
    pub fn open(path: &Path, read_only: bool, pool: Option<&str>, lang: Lang, clock: Clock) -> Result<App> {
        let access = if read_only { Access::ReadOnly } else { Access::Create };
        App::open_as(path, access, pool, lang, clock)
    }

    /// Opens the book at `path` as `access` says (a read command never makes a book).
    pub fn open_as(path: &Path, access: Access, pool: Option<&str>, lang: Lang, clock: Clock) -> Result<App> {
        App::on_store(Store::open(path, access)?, pool, lang, clock)
    }

    /// An app over a store already open (a book copied into memory: `handin`, `collect
    /// --identity`).
    pub fn on_store(store: Store, pool: Option<&str>, lang: Lang, clock: Clock) -> Result<App> {
        let chosen = match pool {
            Some(p) if !p.eq_ignore_ascii_case("all") => Some(hunvon_core::domain::input::code("--pool", p)?),
            Some(_) => Some("ALL".to_string()),
            None => None,
        };
        let pools = store.pools()?;
        let (archived, collected) = collected_pools(&store)?;
        Ok(App { store, lang, clock, pools, archived, collected, chosen, bank_ref: String::new() })
    }

    /// This app on another store of the same book (`App::beside`'s second reader): the
    /// same pools, the same chosen pool, language and clock, so whatever runs on it asks
    /// about the pool this one does.
    pub(crate) fn on_other_store(&self, store: Store) -> App {
        App {
            store,
            lang: self.lang,
            clock: self.clock.clone(),
            pools: self.pools.clone(),
            archived: self.archived.clone(),
            collected: self.collected.clone(),
            chosen: self.chosen.clone(),
            bank_ref: String::new(),
        }
    }

    /// The pool the request is about: the one named by `--pool`, or the file's only pool.
    pub fn pool(&self) -> Result<&Pool> {
        match &self.chosen {
            Some(code) => self.pools.iter().find(|p| &p.code == code).ok_or_else(|| Error::UnknownPool(code.clone())),
            None => match self.pools.as_slice() {
                [] => Err(Error::NoPool),
                [only] => Ok(only),
                many => Err(Error::PoolRequired { pools: many.iter().map(|p| p.code.clone()).collect() }),
            },
        }
    }

    /// Whether a pool was collected from a chapter's book.
    pub fn is_collected(&self, pool_id: i64) -> bool {
        self.collected.contains(&pool_id)
    }

    /// Whether the pool in view was collected from a chapter's book, so nothing is
    /// written to it here (the TUI shows it as it shows a read-only book).
    pub fn pool_is_collected(&self) -> bool {
        self.pool().is_ok_and(|p| self.collected.contains(&p.id))
    }

    /// Whether `--pool all` was asked for (reports over every pool of the file).
    pub fn all_pools_requested(&self) -> bool {
        self.chosen.as_deref() == Some("ALL") && !self.pools.iter().any(|p| p.code == "ALL")
    }

    /// Every pool of the file.
    pub fn pools(&self) -> &[Pool] {
        &self.pools
    }

    /// The pools a report or check covers: `--pool all` or no choice on a file of several
    /// pools means every pool; otherwise the chosen one.
    pub fn pools_in_scope(&self) -> Result<Vec<Pool>> {
        if self.all_pools_requested() || (self.chosen.is_none() && self.pools.len() > 1) {
            return Ok(self.pools.iter().filter(|p| !self.archived.contains(&p.id)).cloned().collect());
        }
        Ok(vec![self.pool()?.clone()])
    }

    /// The pools `verify` checks: as `pools_in_scope`, archived copies included.
    pub fn pools_to_check(&self) -> Result<Vec<Pool>> {
        if self.all_pools_requested() || (self.chosen.is_none() && self.pools.len() > 1) {
            return Ok(self.pools.clone());
        }
        Ok(vec![self.pool()?.clone()])
    }

    /// The pools a paper covers: every pool with `--pool all`, else the chosen one (on a
    /// file of several pools `--pool` is needed, as for every other command).
    /// Archived copies of rewritten chapters' books are left out of `--pool all` (their
    /// current copy counts); `--pool CODE-YYYYMMDD` still prints one.
    pub fn report_pools(&self) -> Result<Vec<Pool>> {
        if self.all_pools_requested() {
            return Ok(self.pools.iter().filter(|p| !self.archived.contains(&p.id)).cloned().collect());
        }
        Ok(vec![self.pool()?.clone()])
    }

    /// Creates a pool (`hunvon init`).
    pub fn init_pool(&mut self, code: &str, name: &str) -> Result<Pool> {
        let code = hunvon_core::domain::input::code("--pool", code)?;
        let name = hunvon_core::domain::input::name("--name", name)?;
        let pool = self.store.create_pool(&code, &name, &self.clock.now)?;
        self.pools = self.store.pools()?;
        Ok(pool)
    }

    /// Re-reads the pool list (after another process added one).
    pub fn refresh_pools(&mut self) -> Result<()> {
        self.pools = self.store.pools()?;
        (self.archived, self.collected) = collected_pools(&self.store)?;
        Ok(())
    }

    /// The name written in the audit log for edits made by this process.
    pub fn user(&self) -> String {
        std::env::var("HUNVON_USER")
            .or_else(|_| std::env::var("USER"))
            .or_else(|_| std::env::var("USERNAME"))
            .unwrap_or_else(|_| "thu-quy".into())
    }
}

/// What a read beside another needs of the app: its store (`cover_in_force_beside`).
impl AsRef<Store> for App {
    fn as_ref(&self) -> &Store {
        &self.store
    }
}

/// The ids of the archived copies of rewritten chapters' books, and of every pool
/// collected from a chapter's book (archived or current).
fn collected_pools(store: &Store) -> Result<(Vec<i64>, Vec<i64>)> {
    let all = store.collected_pools()?;
    let archived = all.iter().filter(|c| c.archived_at.is_some()).map(|c| c.pool_id).collect();
    Ok((archived, all.into_iter().map(|c| c.pool_id).collect()))
}
