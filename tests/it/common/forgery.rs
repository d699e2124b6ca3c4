//! What a forger does behind hunvon's back: the guards (triggers) set aside so a table can
//! be changed, and put back exactly as hunvon made them.

use rusqlite::Connection;

/// Drops every trigger and returns their definitions, to put them back afterwards.
pub fn drop_triggers(db: &Connection) -> Vec<String> {
    let names: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    drop_named(db, &names)
}

/// Drops the triggers named and returns their definitions.
pub fn drop_named(db: &Connection, names: &[impl AsRef<str>]) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            let name = name.as_ref();
            let sql: String = db
                .query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1", [name], |r| r.get(0))
                .unwrap_or_else(|e| panic!("trigger {name}: {e}"));
            db.execute_batch(&format!("DROP TRIGGER {name};")).unwrap();
            sql
        })
        .collect()
}

/// Puts back triggers `drop_triggers` or `drop_named` returned.
pub fn restore_triggers(db: &Connection, triggers: &[String]) {
    for sql in triggers {
        db.execute_batch(sql).unwrap();
    }
}

/// What a careful forger does after changing postings: the maintained sums follow them.
pub fn rederive_balances(db: &Connection) {
    db.execute_batch(
        "UPDATE accounts SET
            balance = (SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_id = accounts.id),
            kept_debits = (SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_id = accounts.id AND amount > 0),
            kept_credits = (SELECT COALESCE(-SUM(amount), 0) FROM postings WHERE account_id = accounts.id AND amount < 0);
         DELETE FROM account_days;
         INSERT INTO account_days (account_id, date, amount)
             SELECT p.account_id, t.date, SUM(p.amount) FROM postings p JOIN transactions t ON t.id = p.txn_id
             GROUP BY p.account_id, t.date;
         DELETE FROM day_moves;
         INSERT INTO day_moves (pool_id, date, kind, series, year, bank, incoming, postings, amount, first_seq, last_seq)
             SELECT t.pool_id, t.date, t.kind, t.series, t.year, a.name = 'bank', p.amount > 0,
                    COUNT(*), SUM(p.amount), MIN(t.seq), MAX(t.seq)
               FROM transactions t JOIN postings p ON p.txn_id = t.id JOIN accounts a ON a.id = p.account_id
              WHERE t.series <> 'PK' AND t.kind <> 'reversal' AND a.person_id IS NULL AND a.name IN ('cash', 'bank')
              GROUP BY t.pool_id, t.date, t.kind, t.series, t.year, a.name = 'bank', p.amount > 0;",
    )
    .unwrap();
}
