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

-- Cash counts (biên bản kiểm kê quỹ, form 08a-TT) and closes (khóa sổ), each also a
-- record of the pool's chain (`count`, `close`) written in the same transaction; these
-- rows let the papers and every write find them without reading the chain.
CREATE TABLE cash_counts (
    id           INTEGER PRIMARY KEY,
    pool_id      INTEGER NOT NULL REFERENCES pools(id),
    chain_pos    INTEGER NOT NULL,
    counted_on   TEXT NOT NULL,
    book_balance INTEGER NOT NULL,   -- the cash book's balance at the moment of counting
    counted      INTEGER NOT NULL,
    notes        TEXT NOT NULL,      -- JSON [[denomination, pieces], …]; [] for a total only
    counted_by   TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    entered_at   TEXT NOT NULL,
    UNIQUE (pool_id, chain_pos)
);
CREATE TABLE closes (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    chain_pos   INTEGER NOT NULL,
    closed_to   TEXT NOT NULL,
    head        TEXT NOT NULL,       -- the chain head at the close, REF=HASH
    cash        INTEGER NOT NULL,    -- balances at the end of closed_to
    bank        INTEGER NOT NULL,
    entered_at  TEXT NOT NULL,
    UNIQUE (pool_id, chain_pos)
);
CREATE INDEX closes_by_pool ON closes (pool_id, closed_to);
CREATE TRIGGER cash_counts_no_update BEFORE UPDATE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash counts are append-only'); END;
CREATE TRIGGER cash_counts_no_delete BEFORE DELETE ON cash_counts
BEGIN SELECT RAISE(ABORT, 'cash counts are append-only'); END;
CREATE TRIGGER closes_no_update BEFORE UPDATE ON closes
BEGIN SELECT RAISE(ABORT, 'a close cannot be undone'); END;
CREATE TRIGGER closes_no_delete BEFORE DELETE ON closes
BEGIN SELECT RAISE(ABORT, 'a close cannot be undone'); END;
CREATE TRIGGER closes_only_forward BEFORE INSERT ON closes
WHEN NEW.closed_to <= (SELECT MAX(closed_to) FROM closes WHERE pool_id = NEW.pool_id)
BEGIN SELECT RAISE(ABORT, 'a close must come after the last one'); END;
-- No voucher dated on or before a close, whatever writes it.
CREATE TRIGGER transactions_not_closed BEFORE INSERT ON transactions
WHEN NEW.date <= (SELECT MAX(closed_to) FROM closes WHERE pool_id = NEW.pool_id)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
