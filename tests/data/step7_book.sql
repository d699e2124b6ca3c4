-- A book written by hunvon at schema step 7 (before SPEC §8), as `sqlite3 .dump` prints it:
-- TO1 with a person, PT-2026-0001 (cash), PT-2026-0002 (bank), PK-2026-0001 (transfer),
-- PC-2026-0001 (reversal of PT-2026-0002), a count #7 and a close #8. Loaded by tests/schema_step8.rs.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE pools (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    created_at  TEXT NOT NULL
, origin_code TEXT);
INSERT INTO pools VALUES(1,'TO1','Tổ hùn vốn ấp Cây Gòn','2026-01-20T00:00:00Z',NULL);
CREATE TABLE households (
    id       INTEGER PRIMARY KEY,
    pool_id  INTEGER NOT NULL REFERENCES pools(id),
    code     TEXT NOT NULL,
    name     TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    UNIQUE (pool_id, code)
);
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
    sponsor_id    INTEGER REFERENCES persons(id), left_on TEXT,
    UNIQUE (pool_id, code),
    UNIQUE (pool_id, cccd),
    UNIQUE (pool_id, bhxh_code)
);
INSERT INTO persons VALUES(1,1,'TV0001','Lê Thị Thu Hương','le thi thu huong','1983-05-12','F','084183543339',NULL,NULL,'other',NULL,'2026-01-01',NULL,NULL);
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
INSERT INTO accounts VALUES(1,1,'cash',NULL,963600,1263600,300000);
INSERT INTO accounts VALUES(2,1,'bank',NULL,300000,300000,0);
INSERT INTO accounts VALUES(3,1,'fund:common',NULL,0,0,0);
INSERT INTO accounts VALUES(4,1,'fund:opening',NULL,0,0,0);
INSERT INTO accounts VALUES(5,1,'member:TV0001',1,-1263600,0,1263600);
CREATE TABLE account_days (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    date       TEXT NOT NULL,
    amount     INTEGER NOT NULL,
    PRIMARY KEY (account_id, date)
) WITHOUT ROWID;
INSERT INTO account_days VALUES(1,'2026-01-05',1263600);
INSERT INTO account_days VALUES(1,'2026-01-07',-300000);
INSERT INTO account_days VALUES(2,'2026-01-06',500000);
INSERT INTO account_days VALUES(2,'2026-01-07',300000);
INSERT INTO account_days VALUES(2,'2026-01-08',-500000);
INSERT INTO account_days VALUES(5,'2026-01-05',-1263600);
INSERT INTO account_days VALUES(5,'2026-01-06',-500000);
INSERT INTO account_days VALUES(5,'2026-01-08',500000);
CREATE TABLE transactions (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    voucher     TEXT NOT NULL,            -- 'PT-2025-0001'
    series      TEXT NOT NULL CHECK (series IN ('PT', 'PC', 'PK')),
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL CHECK (seq > 0),
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('contribution', 'receipt', 'payment', 'purchase_bhyt',
                                              'purchase_bhxh', 'opening', 'transfer', 'reversal', 'withdrawal')),
    method      TEXT CHECK (method IN ('cash', 'bank')),
    person_id   INTEGER REFERENCES persons(id),
    note        TEXT NOT NULL DEFAULT '',
    reverses_id INTEGER UNIQUE REFERENCES transactions(id),
    receipt_no  TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL, origin_id INTEGER,
    UNIQUE (pool_id, voucher),
    UNIQUE (pool_id, series, year, seq)
);
INSERT INTO transactions VALUES(1,1,'PT-2026-0001','PT',2026,1,'2026-01-05','contribution','cash',1,'góp tháng 1',NULL,'','2026-01-20T00:00:00Z','98e6f9699aad3abc3db0f0f663cd59f25cb07cc462c3d1e5d967941e7c939202','c9015f29e4677401bcc290e6f82a2c43281ce2b6378dd85491b2cac1ec2dfd60',NULL);
INSERT INTO transactions VALUES(2,1,'PT-2026-0002','PT',2026,2,'2026-01-06','contribution','bank',1,'',NULL,'','2026-01-20T00:00:00Z','c9015f29e4677401bcc290e6f82a2c43281ce2b6378dd85491b2cac1ec2dfd60','23c39d1eae76cd711b91676a65824a98c8b1addceff0197d55e9e88691bf89ba',NULL);
INSERT INTO transactions VALUES(3,1,'PK-2026-0001','PK',2026,1,'2026-01-07','transfer',NULL,NULL,'',NULL,'','2026-01-20T00:00:00Z','23c39d1eae76cd711b91676a65824a98c8b1addceff0197d55e9e88691bf89ba','9641a475c39a0b73ef42344dc67c05873b287aaa0ac58d22e3914ca37ae24c82',NULL);
INSERT INTO transactions VALUES(4,1,'PC-2026-0001','PC',2026,1,'2026-01-08','reversal','bank',1,'nhầm',2,'','2026-01-20T00:00:00Z','9641a475c39a0b73ef42344dc67c05873b287aaa0ac58d22e3914ca37ae24c82','b0c79a50906908991244e5a40a6cdeb3615334729b4fdcbb0606e294c60ed90e',NULL);
CREATE TABLE postings (
    id          INTEGER PRIMARY KEY,
    txn_id      INTEGER NOT NULL REFERENCES transactions(id) DEFERRABLE INITIALLY DEFERRED,
    account_id  INTEGER NOT NULL REFERENCES accounts(id),
    amount      INTEGER NOT NULL CHECK (amount <> 0)
, origin_id INTEGER);
INSERT INTO postings VALUES(1,1,1,1263600,NULL);
INSERT INTO postings VALUES(2,1,5,-1263600,NULL);
INSERT INTO postings VALUES(3,2,2,500000,NULL);
INSERT INTO postings VALUES(4,2,5,-500000,NULL);
INSERT INTO postings VALUES(5,3,2,300000,NULL);
INSERT INTO postings VALUES(6,3,1,-300000,NULL);
INSERT INTO postings VALUES(7,4,2,-500000,NULL);
INSERT INTO postings VALUES(8,4,5,500000,NULL);
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
, origin_id INTEGER);
CREATE TABLE dues (
    id             INTEGER PRIMARY KEY,
    pool_id        INTEGER NOT NULL REFERENCES pools(id),
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    effective_from TEXT NOT NULL,
    UNIQUE (pool_id, effective_from)
);
CREATE TABLE rates (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL,
    value          TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    basis          TEXT NOT NULL DEFAULT '',
    UNIQUE (name, effective_from)
);
INSERT INTO rates VALUES(1,'base_salary','1210000','2016-05-01','NĐ 47/2016');
INSERT INTO rates VALUES(2,'base_salary','1300000','2017-07-01','NĐ 47/2017');
INSERT INTO rates VALUES(3,'base_salary','1390000','2018-07-01','NĐ 72/2018');
INSERT INTO rates VALUES(4,'base_salary','1490000','2019-07-01','NĐ 38/2019');
INSERT INTO rates VALUES(5,'base_salary','1800000','2023-07-01','NĐ 24/2023');
INSERT INTO rates VALUES(6,'base_salary','2340000','2024-07-01','NĐ 73/2024');
INSERT INTO rates VALUES(7,'base_salary','2530000','2026-07-01','NĐ 161/2026 (15/05/2026)');
INSERT INTO rates VALUES(8,'bhyt_rate','0.045','2015-01-01','Luật BHYT art. 13');
INSERT INTO rates VALUES(9,'bhyt_ladder','1,0.7,0.6,0.5,0.4','2015-01-01','1st, 2nd, 3rd, 4th, 5th+ household member (NĐ 146/2018 art. 7; NĐ 188/2025 art. 6(5))');
INSERT INTO rates VALUES(10,'bhyt_support_near_poor','0.70','2015-01-01','state share of the 4,5 % (NĐ 188/2025: at least 70 %)');
INSERT INTO rates VALUES(11,'bhyt_support_student','0.30','2015-01-01','NĐ 146/2018 art. 8');
INSERT INTO rates VALUES(12,'bhyt_support_student','0.50','2025-07-01','NĐ 188/2025 (this article applies from 01/07/2025)');
INSERT INTO rates VALUES(13,'bhyt_support_agri_household','0.30','2015-01-01','agricultural households of average living standard');
INSERT INTO rates VALUES(14,'bhyt_wait_days','30','2015-01-01','days before a first or interrupted card takes effect');
INSERT INTO rates VALUES(15,'bhyt_gap_months','3','2015-01-01','a gap this long or longer counts as an interruption');
INSERT INTO rates VALUES(16,'expiring_days','30','2015-01-01','a card ending within this many days is "expiring"');
INSERT INTO rates VALUES(17,'rural_poverty_line','700000','2016-01-01','QĐ 59/2015/QĐ-TTg');
INSERT INTO rates VALUES(18,'rural_poverty_line','1500000','2022-01-01','NĐ 07/2021');
INSERT INTO rates VALUES(19,'rural_poverty_line','2200000','2027-01-01','NĐ 351/2025 (chosen: the poverty office says the 2026–2030 standard applies from 2027)');
INSERT INTO rates VALUES(20,'bhxh_rate','0.22','2018-01-01','Luật BHXH');
INSERT INTO rates VALUES(21,'bhxh_income_max_multiple','20','2018-01-01','ceiling = 20 × base_salary');
INSERT INTO rates VALUES(22,'bhxh_support_poor','0.30','2018-01-01','NĐ 134/2015');
INSERT INTO rates VALUES(23,'bhxh_support_near_poor','0.25','2018-01-01','NĐ 134/2015');
INSERT INTO rates VALUES(24,'bhxh_support_other','0.10','2018-01-01','NĐ 134/2015 (ethnic minority had no own level: use other)');
INSERT INTO rates VALUES(25,'bhxh_support_poor','0.50','2025-07-01','NĐ 159/2025 (also island communes)');
INSERT INTO rates VALUES(26,'bhxh_support_near_poor','0.40','2025-07-01','NĐ 159/2025');
INSERT INTO rates VALUES(27,'bhxh_support_ethnic_minority','0.30','2025-07-01','NĐ 159/2025');
INSERT INTO rates VALUES(28,'bhxh_support_other','0.20','2025-07-01','NĐ 159/2025');
INSERT INTO rates VALUES(29,'bhxh_support_max_months','120','2018-01-01','support for at most 10 years of contributions');
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY,
    pool_id      INTEGER NOT NULL REFERENCES pools(id),
    kind         TEXT NOT NULL CHECK (kind IN ('people', 'contributions', 'openings')),
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    file_name    TEXT NOT NULL,              -- the name it had, to remind the treasurer
    rows         INTEGER NOT NULL,
    imported_on  TEXT NOT NULL,              -- the local day, 'YYYY-MM-DD'
    imported_at  TEXT NOT NULL               -- UTC, like transactions.entered_at
);
CREATE TABLE chain (
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    pos         INTEGER NOT NULL CHECK (pos > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('voucher', 'pool', 'household', 'person', 'dues', 'count', 'close')),
    txn_id      INTEGER REFERENCES transactions(id),
    body        TEXT,
    prev_hash   TEXT,
    hash        TEXT,
    entered_at  TEXT,
    PRIMARY KEY (pool_id, pos),
    CHECK ((kind = 'voucher' AND txn_id IS NOT NULL AND body IS NULL AND prev_hash IS NULL AND hash IS NULL
            AND entered_at IS NULL)
        OR (kind <> 'voucher' AND txn_id IS NULL AND body IS NOT NULL AND prev_hash IS NOT NULL
            AND hash IS NOT NULL AND entered_at IS NOT NULL))
) WITHOUT ROWID;
INSERT INTO chain VALUES(1,1,'pool',NULL,'{"record":"pool","pool":"TO1","book_id":"6f1c0b8e-3d2a-4c1f-9a57-2b8e4d6c9f10","name":"Tổ hùn vốn ấp Cây Gòn","entered_at":"2026-01-20T00:00:00Z"}','0000000000000000000000000000000000000000000000000000000000000000','15f9614b17f6f0283bb9766d12c800743d456bad007fc556194df3da0efce258','2026-01-20T00:00:00Z');
INSERT INTO chain VALUES(1,2,'person',NULL,'{"record":"person","pool":"TO1","code":"TV0001","full_name":"Lê Thị Thu Hương","date_of_birth":"1983-05-12","gender":"F","cccd":"084183543339","bhxh_code":null,"household":null,"category":"other","phone":null,"joined":"2026-01-01","sponsor":null,"entered_at":"2026-01-20T00:00:00Z"}','15f9614b17f6f0283bb9766d12c800743d456bad007fc556194df3da0efce258','98e6f9699aad3abc3db0f0f663cd59f25cb07cc462c3d1e5d967941e7c939202','2026-01-20T00:00:00Z');
INSERT INTO chain VALUES(1,3,'voucher',1,NULL,NULL,NULL,NULL);
INSERT INTO chain VALUES(1,4,'voucher',2,NULL,NULL,NULL,NULL);
INSERT INTO chain VALUES(1,5,'voucher',3,NULL,NULL,NULL,NULL);
INSERT INTO chain VALUES(1,6,'voucher',4,NULL,NULL,NULL,NULL);
INSERT INTO chain VALUES(1,7,'count',NULL,'{"record":"count","pool":"TO1","date":"2026-01-09","book_balance":963600,"notes":[],"counted":900000,"counted_by":"Lê Văn A","reason":"thiếu","entered_at":"2026-01-20T00:00:00Z"}','b0c79a50906908991244e5a40a6cdeb3615334729b4fdcbb0606e294c60ed90e','8b117a262475f274106332068fc2d14a952a4baf9975554336210aaf970649f1','2026-01-20T00:00:00Z');
INSERT INTO chain VALUES(1,8,'close',NULL,'{"record":"close","pool":"TO1","to":"2026-01-10","head":"#7=8b117a262475f274106332068fc2d14a952a4baf9975554336210aaf970649f1","cash":963600,"bank":300000,"entered_at":"2026-01-20T00:00:00Z"}','8b117a262475f274106332068fc2d14a952a4baf9975554336210aaf970649f1','72c54b0358d7e87170e8b50cf6d573f06b508b143348ca06038b0f39ec6b1103','2026-01-20T00:00:00Z');
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
INSERT INTO cash_counts VALUES(1,1,7,'2026-01-09',963600,900000,'[]','Lê Văn A','thiếu','2026-01-20T00:00:00Z');
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
INSERT INTO closes VALUES(1,1,8,'2026-01-10','#7=8b117a262475f274106332068fc2d14a952a4baf9975554336210aaf970649f1',963600,300000,'2026-01-20T00:00:00Z');
CREATE TABLE collected_pools (
    pool_id     INTEGER PRIMARY KEY REFERENCES pools(id),
    book_id     TEXT NOT NULL,
    archived_at TEXT
);
CREATE TABLE district_chain (
    pos         INTEGER PRIMARY KEY CHECK (pos > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('collect', 'rewrite')),
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    body        TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    entered_at  TEXT NOT NULL
);
CREATE INDEX persons_by_name ON persons (pool_id, name_folded);
CREATE INDEX persons_by_household ON persons (household_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE UNIQUE INDEX accounts_by_person ON accounts (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX transactions_by_pool ON transactions (pool_id, id);
CREATE INDEX transactions_by_date ON transactions (pool_id, date, id);
CREATE INDEX postings_by_txn ON postings (txn_id);
CREATE INDEX postings_by_account ON postings (account_id, txn_id);
CREATE INDEX coverages_by_txn ON coverages (txn_id);
CREATE INDEX coverages_by_person ON coverages (person_id, scheme);
CREATE INDEX coverages_by_household ON coverages (household_id, scheme);
CREATE TRIGGER postings_only_before_their_transaction BEFORE INSERT ON postings
WHEN EXISTS (SELECT 1 FROM transactions WHERE id = NEW.txn_id)
BEGIN SELECT RAISE(ABORT, 'postings cannot be added to a posted transaction'); END;
CREATE TRIGGER coverages_only_before_their_transaction BEFORE INSERT ON coverages
WHEN EXISTS (SELECT 1 FROM transactions WHERE id = NEW.txn_id)
BEGIN SELECT RAISE(ABORT, 'coverage cannot be added to a posted transaction'); END;
CREATE TRIGGER transactions_gap_free BEFORE INSERT ON transactions
WHEN NEW.seq <> 1 + COALESCE((SELECT MAX(seq) FROM transactions
                              WHERE pool_id = NEW.pool_id AND series = NEW.series AND year = NEW.year), 0)
BEGIN SELECT RAISE(ABORT, 'voucher number is not the next in its series'); END;
CREATE TRIGGER transactions_balanced AFTER INSERT ON transactions
WHEN (SELECT COUNT(*) FROM postings WHERE txn_id = NEW.id) < 2
  OR (SELECT SUM(amount) FROM postings WHERE txn_id = NEW.id) <> 0
BEGIN SELECT RAISE(ABORT, 'unbalanced transaction'); END;
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
CREATE TRIGGER rates_no_update BEFORE UPDATE ON rates
BEGIN SELECT RAISE(ABORT, 'rates are effective-dated: add a row instead'); END;
CREATE TRIGGER rates_no_delete BEFORE DELETE ON rates
BEGIN SELECT RAISE(ABORT, 'rates are effective-dated: add a row instead'); END;
CREATE INDEX imports_by_hash ON imports (pool_id, sha256);
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;
CREATE TRIGGER chain_continues BEFORE INSERT ON chain
WHEN NEW.pos <> 1 + COALESCE((SELECT MAX(pos) FROM chain WHERE pool_id = NEW.pool_id), 0)
  OR (NEW.txn_id IS NULL AND NEW.prev_hash IS NOT
      COALESCE((SELECT COALESCE(c.hash, t.hash) FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id
                WHERE c.pool_id = NEW.pool_id ORDER BY c.pos DESC LIMIT 1),
               '0000000000000000000000000000000000000000000000000000000000000000'))
  OR (NEW.txn_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM transactions WHERE id = NEW.txn_id AND pool_id = NEW.pool_id))
BEGIN SELECT RAISE(ABORT, 'a record must continue its pool''s chain'); END;
CREATE TRIGGER chain_no_update BEFORE UPDATE ON chain
BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;
CREATE TRIGGER chain_no_delete BEFORE DELETE ON chain
BEGIN SELECT RAISE(ABORT, 'the chain is append-only'); END;
CREATE TRIGGER transactions_chained BEFORE INSERT ON transactions
WHEN NEW.prev_hash IS NOT
     COALESCE((SELECT COALESCE(c.hash, t.hash) FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id
               WHERE c.pool_id = NEW.pool_id ORDER BY c.pos DESC LIMIT 1),
              '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'prev_hash does not continue the pool''s chain'); END;
CREATE TRIGGER transactions_enter_chain AFTER INSERT ON transactions
BEGIN
    INSERT INTO chain (pool_id, pos, kind, txn_id)
    VALUES (NEW.pool_id, 1 + COALESCE((SELECT MAX(pos) FROM chain WHERE pool_id = NEW.pool_id), 0), 'voucher', NEW.id);
END;
CREATE TRIGGER households_code_fixed BEFORE UPDATE OF code, pool_id ON households
WHEN NEW.code IS NOT OLD.code OR NEW.pool_id IS NOT OLD.pool_id
BEGIN SELECT RAISE(ABORT, 'a household code never changes'); END;
CREATE TRIGGER persons_code_fixed BEFORE UPDATE OF code, pool_id ON persons
WHEN NEW.code IS NOT OLD.code OR NEW.pool_id IS NOT OLD.pool_id
BEGIN SELECT RAISE(ABORT, 'a person code never changes'); END;
CREATE TRIGGER households_no_delete BEFORE DELETE ON households
BEGIN SELECT RAISE(ABORT, 'households are never deleted'); END;
CREATE TRIGGER persons_no_delete BEFORE DELETE ON persons
BEGIN SELECT RAISE(ABORT, 'persons are never deleted'); END;
CREATE INDEX letterheads_by_pool ON letterheads (pool_id, id);
CREATE TRIGGER letterheads_no_update BEFORE UPDATE ON letterheads
BEGIN SELECT RAISE(ABORT, 'letterheads are kept as history: add a row instead'); END;
CREATE TRIGGER letterheads_no_delete BEFORE DELETE ON letterheads
BEGIN SELECT RAISE(ABORT, 'letterheads are kept as history: add a row instead'); END;
CREATE INDEX transactions_by_date_kind ON transactions (pool_id, date, id, reverses_id, kind, series, year, seq);
CREATE INDEX postings_by_txn_account ON postings (txn_id, account_id, amount);
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
CREATE TRIGGER transactions_not_closed BEFORE INSERT ON transactions
WHEN NEW.date <= (SELECT MAX(closed_to) FROM closes WHERE pool_id = NEW.pool_id)
BEGIN SELECT RAISE(ABORT, 'the period is closed'); END;
CREATE TRIGGER pools_origin_fixed BEFORE UPDATE OF origin_code ON pools
WHEN NEW.origin_code IS NOT OLD.origin_code
BEGIN SELECT RAISE(ABORT, 'a pool''s origin code never changes'); END;
CREATE UNIQUE INDEX collected_pools_current ON collected_pools (book_id) WHERE archived_at IS NULL;
CREATE TRIGGER collected_pools_only_archived BEFORE UPDATE ON collected_pools
WHEN OLD.archived_at IS NOT NULL OR NEW.archived_at IS NULL
  OR NEW.pool_id IS NOT OLD.pool_id OR NEW.book_id IS NOT OLD.book_id
BEGIN SELECT RAISE(ABORT, 'a collected pool is only ever archived, once'); END;
CREATE TRIGGER collected_pools_no_delete BEFORE DELETE ON collected_pools
BEGIN SELECT RAISE(ABORT, 'a collected pool is never removed'); END;
CREATE TRIGGER transactions_copies_only_in_collected BEFORE INSERT ON transactions
WHEN (NEW.origin_id IS NULL) = EXISTS (SELECT 1 FROM collected_pools WHERE pool_id = NEW.pool_id)
BEGIN SELECT RAISE(ABORT, 'a collected pool takes only copies of its chapter''s vouchers, and only it does'); END;
CREATE TRIGGER transactions_maintain_balances AFTER INSERT ON transactions
WHEN NEW.origin_id IS NULL
BEGIN
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
CREATE INDEX district_chain_by_pool ON district_chain (pool_id, pos);
CREATE TRIGGER district_chain_continues BEFORE INSERT ON district_chain
WHEN NEW.pos <> 1 + COALESCE((SELECT MAX(pos) FROM district_chain), 0)
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM district_chain ORDER BY pos DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'a district record must continue the district''s chain'); END;
CREATE TRIGGER district_chain_no_update BEFORE UPDATE ON district_chain
BEGIN SELECT RAISE(ABORT, 'the district''s chain is append-only'); END;
CREATE TRIGGER district_chain_no_delete BEFORE DELETE ON district_chain
BEGIN SELECT RAISE(ABORT, 'the district''s chain is append-only'); END;
CREATE INDEX transactions_by_kind ON transactions (pool_id, kind, date, reverses_id);
COMMIT;
PRAGMA user_version = 7;
PRAGMA application_id = 1213615665;
