//! When a write is entered (`entered_at`), taken inside its write transaction: a command
//! that waited for another writer's lock must not stamp its records with the moment it
//! started, or `verify` would see the clock go backwards (three writers at once did, SPEC
//! §9). With the clock fixed (`HUNVON_TODAY`, tests) the fixed stamp is kept.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether this process reads the system clock (set once by `Clock::from_env`).
static LIVE: AtomicBool = AtomicBool::new(false);

/// The fixed clock's stamp when the process runs on one (`HUNVON_TODAY`, set once by
/// `Clock::from_env`): the store never reads the environment itself.
static FIXED: Mutex<Option<String>> = Mutex::new(None);

/// The process runs on a fixed clock whose stamp is `stamp`.
pub fn set_fixed(stamp: &str) {
    if let Ok(mut f) = FIXED.lock() {
        *f = Some(stamp.to_string());
    }
}

/// When a migration's records are entered: the fixed clock's stamp when there is one (so
/// tests are reproducible), else the present moment.
pub fn for_migration() -> String {
    let fixed = if LIVE.load(Ordering::Relaxed) { None } else { FIXED.lock().ok().and_then(|f| f.clone()) };
    fixed.unwrap_or_else(now)
}

/// The process reads the system clock: stamps are taken when the write lock is held.
pub fn set_live() {
    LIVE.store(true, Ordering::Relaxed);
}

/// The stamp for a write whose transaction holds the write lock now: the present moment
/// on a live clock, else `given` (a fixed clock's stamp).
pub fn inside(given: &str) -> String {
    if LIVE.load(Ordering::Relaxed) { now() } else { given.to_string() }
}

/// The present moment as stored (UTC, whole seconds).
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
