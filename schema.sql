-- hunvon schema, version 1. The single source of truth for tables: embedded in the
-- binary with include_str! and applied to a new file inside one transaction.
-- Auditors open this file with sqlite3, so names stay plain and documented.
--
-- Money is INTEGER whole đồng everywhere; rates are TEXT decimal literals.
-- Dates are TEXT 'YYYY-MM-DD'; months are TEXT 'YYYY-MM'.

-- One group's fund. A district union keeps all its chapters in one file.
CREATE TABLE pools (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

-- People who share one household registration (BHYT ladder pricing depends on it).
CREATE TABLE households (
    id       INTEGER PRIMARY KEY,
    pool_id  INTEGER NOT NULL REFERENCES pools(id),
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    UNIQUE (pool_id, code)
);

-- Anyone the pool deals with: members (joined IS NOT NULL) and beneficiaries.
CREATE TABLE persons (
    id            INTEGER PRIMARY KEY,
    pool_id       INTEGER NOT NULL REFERENCES pools(id),
    code          TEXT NOT NULL,
    full_name     TEXT NOT NULL,
    -- full_name folded (lower case, no diacritics, đ→d) for accent-insensitive search.
    name_folded   TEXT NOT NULL,
    date_of_birth TEXT,
    gender        TEXT CHECK (gender IN ('M', 'F')),
    cccd          TEXT CHECK (cccd GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    bhxh_code     TEXT CHECK (bhxh_code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    household_id  INTEGER REFERENCES households(id),
    category      TEXT NOT NULL DEFAULT 'other'
                  CHECK (category IN ('poor', 'near_poor', 'ethnic_minority', 'student', 'agri_household', 'other')),
    phone         TEXT,
    joined        TEXT,
    sponsor_id    INTEGER REFERENCES persons(id),
    UNIQUE (pool_id, code),
    UNIQUE (pool_id, cccd),
    UNIQUE (pool_id, bhxh_code)
);
CREATE INDEX persons_by_name ON persons (pool_id, name_folded);
CREATE INDEX persons_by_household ON persons (household_id);

-- Every change to a person or household after creation: who, when, old, new.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    entity      TEXT NOT NULL CHECK (entity IN ('person', 'household')),
    entity_code TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Places money sits: 'cash', 'bank', 'fund:common', 'fund:opening', 'member:<code>'.
-- `balance` is the sum of the account's postings (debit positive); `kept_debits` and
-- `kept_credits` are the sums of its debits and of its credits (as a positive number)
-- leaving out every reversed voucher and every reversal (the two cancel), which is what
-- `report balances` shows as paid out and paid in. All three are maintained by the
-- trigger transactions_maintain_balances in the same SQLite transaction as the postings,
-- so neither the dashboard nor the report rescans the ledger; `hunvon verify` re-derives them.
CREATE TABLE accounts (
    id           INTEGER PRIMARY KEY,
    pool_id      INTEGER NOT NULL REFERENCES pools(id),
    name         TEXT NOT NULL,
    person_id    INTEGER REFERENCES persons(id),
    balance      INTEGER NOT NULL DEFAULT 0,
    kept_debits  INTEGER NOT NULL DEFAULT 0,
    kept_credits INTEGER NOT NULL DEFAULT 0,
    UNIQUE (pool_id, name)
);
CREATE UNIQUE INDEX accounts_by_person ON accounts (person_id) WHERE person_id IS NOT NULL;

-- Net movement of each account on each day, maintained like `accounts.balance`: the
-- running cash balance on a date and a period's opening balance come from here without
-- scanning postings. Derived data; `verify` checks it against the postings.
CREATE TABLE account_days (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    date       TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (account_id, date)
) WITHOUT ROWID;

-- One dated, numbered voucher. Append-only: triggers refuse UPDATE and DELETE.
-- Postings and coverage rows are inserted *before* their transaction row (their foreign
-- key is deferred); the transaction's AFTER INSERT trigger then refuses it unless its
-- postings sum to zero, and no posting may be added to a transaction that exists.
CREATE TABLE transactions (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    voucher     TEXT NOT NULL,            -- 'PT-2025-0001'
    series      TEXT NOT NULL CHECK (series IN ('PT', 'PC', 'PK')),
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('contribution', 'receipt', 'payment', 'purchase_bhyt',
                                              'purchase_bhxh', 'opening', 'transfer', 'reversal')),
    method      TEXT CHECK (method IN ('cash', 'bank')),
    person_id   INTEGER REFERENCES persons(id),
    note        TEXT NOT NULL DEFAULT '',
    reverses_id INTEGER UNIQUE REFERENCES transactions(id),
    receipt_no  TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    UNIQUE (pool_id, voucher),
    UNIQUE (pool_id, series, year, seq)
);
CREATE INDEX transactions_by_pool ON transactions (pool_id, id);
CREATE INDEX transactions_by_date ON transactions (pool_id, date, id);

CREATE TABLE postings (
    id          INTEGER PRIMARY KEY,
    txn_id      INTEGER NOT NULL REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    amount      INTEGER NOT NULL CHECK (amount <> 0)
);
CREATE INDEX postings_by_txn ON postings (txn_id);
CREATE INDEX postings_by_account ON postings (account_id, txn_id);

-- A BHYT card period or a run of BHXH months bought for one person by one purchase.
-- Never updated: a coverage is void when a reversal points at its purchase.
CREATE TABLE coverages (
    id               INTEGER PRIMARY KEY,
    txn_id           INTEGER NOT NULL REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
    person_id        INTEGER NOT NULL REFERENCES persons(id),
    scheme           TEXT NOT NULL CHECK (scheme IN ('bhyt', 'bhxh')),
    months           INTEGER NOT NULL CHECK (months > 0),
    payer_account_id INTEGER NOT NULL REFERENCES accounts(id),
    household_id     INTEGER REFERENCES households(id),
    position         INTEGER,               -- BHYT ladder step, NULL when no ladder applies
    quote            INTEGER NOT NULL,      -- the price by the rules
    amount           INTEGER NOT NULL,      -- what was posted (the receipt's figure with --amount)
    expected_from    TEXT,                  -- BHYT card dates computed by the rules
    expected_to      TEXT,
    card_from        TEXT,                  -- BHYT card dates in force (printed dates win)
    card_to          TEXT,
    from_month       TEXT,                  -- BHXH months covered
    to_month         TEXT,
    income           INTEGER,
    supported_months INTEGER
);
CREATE INDEX coverages_by_txn ON coverages (txn_id);
CREATE INDEX coverages_by_person ON coverages (person_id, scheme);
CREATE INDEX coverages_by_household ON coverages (household_id, scheme);

CREATE TRIGGER postings_only_before_their_transaction BEFORE INSERT ON postings
WHEN EXISTS (SELECT 1 FROM transactions WHERE id = NEW.txn_id)
BEGIN SELECT RAISE(ABORT, 'postings cannot be added to a posted transaction'); END;

CREATE TRIGGER coverages_only_before_their_transaction BEFORE INSERT ON coverages
WHEN EXISTS (SELECT 1 FROM transactions WHERE id = NEW.txn_id)
BEGIN SELECT RAISE(ABORT, 'coverage cannot be added to a posted transaction'); END;

-- Gap-free numbering and an unbroken chain, checked by the database itself.
CREATE TRIGGER transactions_gap_free BEFORE INSERT ON transactions
WHEN NEW.seq <> 1 + COALESCE((SELECT MAX(seq) FROM transactions
                              WHERE pool_id = NEW.pool_id AND series = NEW.series AND year = NEW.year), 0)
BEGIN SELECT RAISE(ABORT, 'voucher number is not the next in its series'); END;

CREATE TRIGGER transactions_chained BEFORE INSERT ON transactions
WHEN NEW.prev_hash <> COALESCE((SELECT hash FROM transactions WHERE pool_id = NEW.pool_id
                                ORDER BY id DESC LIMIT 1),
                               '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'prev_hash does not continue the pool''s chain'); END;

CREATE TRIGGER transactions_balanced AFTER INSERT ON transactions
WHEN (SELECT COUNT(*) FROM postings WHERE txn_id = NEW.id) < 2
  OR (SELECT SUM(amount) FROM postings WHERE txn_id = NEW.id) <> 0
BEGIN SELECT RAISE(ABORT, 'unbalanced transaction'); END;

CREATE TRIGGER transactions_maintain_balances AFTER INSERT ON transactions
BEGIN
    -- One pass over the new postings per account. A reversal takes its original's
    -- debits and credits back out of the kept sums: its own credits were the original's
    -- debits, and the other way round.
    UPDATE accounts
       SET balance = balance + x.total,
           kept_debits = kept_debits + CASE WHEN NEW.reverses_id IS NULL THEN x.debits ELSE -x.credits END,
           kept_credits = kept_credits + CASE WHEN NEW.reverses_id IS NULL THEN x.credits ELSE -x.debits END
      FROM (SELECT account_id,
                   SUM(amount) AS total,
                   SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debits,
                   SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS credits
              FROM postings WHERE txn_id = NEW.id GROUP BY account_id) AS x
     WHERE accounts.id = x.account_id;
    INSERT INTO account_days (account_id, date, amount)
        SELECT account_id, NEW.date, SUM(amount) FROM postings WHERE txn_id = NEW.id
        GROUP BY account_id
        ON CONFLICT (account_id, date) DO UPDATE SET amount = amount + excluded.amount;
END;

CREATE TRIGGER transactions_no_update BEFORE UPDATE ON transactions
BEGIN SELECT RAISE(ABORT, 'transactions are append-only: reverse instead'); END;
CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions
BEGIN SELECT RAISE(ABORT, 'transactions are append-only: reverse instead'); END;
CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: reverse instead'); END;
CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
BEGIN SELECT RAISE(ABORT, 'postings are append-only: reverse instead'); END;
CREATE TRIGGER coverages_no_update BEFORE UPDATE ON coverages
BEGIN SELECT RAISE(ABORT, 'coverages are append-only: reverse the purchase instead'); END;
CREATE TRIGGER coverages_no_delete BEFORE DELETE ON coverages
BEGIN SELECT RAISE(ABORT, 'coverages are append-only: reverse the purchase instead'); END;

-- The pool's monthly dues per member, effective-dated (0 = no fixed dues).
CREATE TABLE dues (
    id             INTEGER PRIMARY KEY,
    pool_id        INTEGER NOT NULL REFERENCES pools(id),
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    effective_from TEXT NOT NULL,
    UNIQUE (pool_id, effective_from)
);

-- Rule parameters, time-versioned (docs/quy-dinh.md §2). A computation on day D uses, for each
-- name, the row with the latest effective_from <= D. New rows are added; old ones stay.
CREATE TABLE rates (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    value          TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    basis          TEXT NOT NULL DEFAULT '',
    UNIQUE (name, effective_from)
);
CREATE TRIGGER rates_no_update BEFORE UPDATE ON rates
BEGIN SELECT RAISE(ABORT, 'rates are effective-dated: add a row instead'); END;
CREATE TRIGGER rates_no_delete BEFORE DELETE ON rates
BEGIN SELECT RAISE(ABORT, 'rates are effective-dated: add a row instead'); END;

INSERT INTO rates (name, value, effective_from, basis) VALUES
    ('base_salary', '1210000', '2016-05-01', 'NĐ 47/2016'),
    ('base_salary', '1300000', '2017-07-01', 'NĐ 47/2017'),
    ('base_salary', '1390000', '2018-07-01', 'NĐ 72/2018'),
    ('base_salary', '1490000', '2019-07-01', 'NĐ 38/2019'),
    ('base_salary', '1800000', '2023-07-01', 'NĐ 24/2023'),
    ('base_salary', '2340000', '2024-07-01', 'NĐ 73/2024'),
    ('base_salary', '2530000', '2026-07-01', 'NĐ 161/2026 (15/05/2026)'),
    ('bhyt_rate', '0.045', '2015-01-01', 'Luật BHYT art. 13'),
    ('bhyt_ladder', '1,0.7,0.6,0.5,0.4', '2015-01-01', '1st, 2nd, 3rd, 4th, 5th+ household member (NĐ 146/2018 art. 7; NĐ 188/2025 art. 6(5))'),
    ('bhyt_support_near_poor', '0.70', '2015-01-01', 'state share of the 4,5 % (NĐ 188/2025: at least 70 %)'),
    ('bhyt_support_student', '0.30', '2015-01-01', 'NĐ 146/2018 art. 8'),
    ('bhyt_support_student', '0.50', '2025-07-01', 'NĐ 188/2025 (this article applies from 01/07/2025)'),
    ('bhyt_support_agri_household', '0.30', '2015-01-01', 'agricultural households of average living standard'),
    ('bhyt_wait_days', '30', '2015-01-01', 'days before a first or interrupted card takes effect'),
    ('bhyt_gap_months', '3', '2015-01-01', 'a gap this long or longer counts as an interruption'),
    ('expiring_days', '30', '2015-01-01', 'a card ending within this many days is "expiring"'),
    ('rural_poverty_line', '700000', '2016-01-01', 'QĐ 59/2015/QĐ-TTg'),
    ('rural_poverty_line', '1500000', '2022-01-01', 'NĐ 07/2021'),
    ('rural_poverty_line', '2200000', '2027-01-01', 'NĐ 351/2025 (chosen: the poverty office says the 2026–2030 standard applies from 2027)'),
    ('bhxh_rate', '0.22', '2018-01-01', 'Luật BHXH'),
    ('bhxh_income_max_multiple', '20', '2018-01-01', 'ceiling = 20 × base_salary'),
    ('bhxh_support_poor', '0.30', '2018-01-01', 'NĐ 134/2015'),
    ('bhxh_support_near_poor', '0.25', '2018-01-01', 'NĐ 134/2015'),
    ('bhxh_support_other', '0.10', '2018-01-01', 'NĐ 134/2015 (ethnic minority had no own level: use other)'),
    ('bhxh_support_poor', '0.50', '2025-07-01', 'NĐ 159/2025 (also island communes)'),
    ('bhxh_support_near_poor', '0.40', '2025-07-01', 'NĐ 159/2025'),
    ('bhxh_support_ethnic_minority', '0.30', '2025-07-01', 'NĐ 159/2025'),
    ('bhxh_support_other', '0.20', '2025-07-01', 'NĐ 159/2025'),
    ('bhxh_support_max_months', '120', '2018-01-01', 'support for at most 10 years of contributions');
