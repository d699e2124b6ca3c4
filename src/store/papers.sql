-- hunvon schema, step 5 (the papers, docs/design.md §6).

-- The letterhead every paper prints, per pool: the organisation, its address, the bank
-- and account number of the bank book, and the names printed under the signature
-- places. Each `pool set` adds a row with every field; the latest is in force.
CREATE TABLE letterheads (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    org         TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    bank        TEXT NOT NULL DEFAULT '',
    account     TEXT NOT NULL DEFAULT '',
    treasurer   TEXT NOT NULL DEFAULT '',
    accountant  TEXT NOT NULL DEFAULT '',
    leader      TEXT NOT NULL DEFAULT '',
    set_at      TEXT NOT NULL
);
CREATE INDEX letterheads_by_pool ON letterheads (pool_id, id);
CREATE TRIGGER letterheads_no_update BEFORE UPDATE ON letterheads
BEGIN SELECT RAISE(ABORT, 'letterheads are kept as history: add a row instead'); END;
CREATE TRIGGER letterheads_no_delete BEFORE DELETE ON letterheads
BEGIN SELECT RAISE(ABORT, 'letterheads are kept as history: add a row instead'); END;

-- A period's papers read every posting of the period: these indexes hold what they
-- need (the voucher's date, kind, number and reversal link; each posting's account
-- and amount), so a year of a 20.000-person pool is read without visiting the tables.
CREATE INDEX transactions_by_date_kind ON transactions (pool_id, date, id, reverses_id, kind, series, year, seq);
CREATE INDEX postings_by_txn_account ON postings (txn_id, account_id, amount);
