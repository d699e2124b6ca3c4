-- hunvon schema step: the district (docs/design.md §11). A district union's book holds
-- copies of its chapters' pools, collected from the chapters' own books (`hunvon collect`).

-- A copied row keeps the values its chapter's hashes are built from: the chapter's row
-- ids (a voucher's canonical text names its transaction, posting and coverage ids) and
-- the chapter's pool code (the district may show the pool under another code, `--as`,
-- and renames an archived copy). NULL on every row a book writes itself, so its own
-- canonical text is unchanged: hashes read COALESCE(origin_…, own value).
ALTER TABLE pools ADD COLUMN origin_code TEXT;
ALTER TABLE transactions ADD COLUMN origin_id INTEGER;
ALTER TABLE postings ADD COLUMN origin_id INTEGER;
ALTER TABLE coverages ADD COLUMN origin_id INTEGER;

CREATE TRIGGER pools_origin_fixed BEFORE UPDATE OF origin_code ON pools
WHEN NEW.origin_code IS NOT OLD.origin_code
BEGIN SELECT RAISE(ABORT, 'a pool''s origin code never changes'); END;

-- The pools of this book that are copies of a chapter's book: which book (its id, from
-- the chapter's `pool` record) and, once an accepted rewrite replaced the copy, when it
-- was archived. Only one current copy per book.
CREATE TABLE collected_pools (
    pool_id     INTEGER PRIMARY KEY REFERENCES pools(id),
    book_id     TEXT NOT NULL,
    archived_at TEXT
);
CREATE UNIQUE INDEX collected_pools_current ON collected_pools (book_id) WHERE archived_at IS NULL;
CREATE TRIGGER collected_pools_only_archived BEFORE UPDATE ON collected_pools
WHEN OLD.archived_at IS NOT NULL OR NEW.archived_at IS NULL
  OR NEW.pool_id IS NOT OLD.pool_id OR NEW.book_id IS NOT OLD.book_id
BEGIN SELECT RAISE(ABORT, 'a collected pool is only ever archived, once'); END;
CREATE TRIGGER collected_pools_no_delete BEFORE DELETE ON collected_pools
BEGIN SELECT RAISE(ABORT, 'a collected pool is never removed'); END;

-- Collected pools are written only in the chapter's own book: a voucher of this book's
-- own (no origin id) is refused in them, whatever code path tries; and only they take
-- copied vouchers, so every pool of this book's own keeps every guard below.
CREATE TRIGGER transactions_copies_only_in_collected BEFORE INSERT ON transactions
WHEN (NEW.origin_id IS NULL) = EXISTS (SELECT 1 FROM collected_pools WHERE pool_id = NEW.pool_id)
BEGIN SELECT RAISE(ABORT, 'a collected pool takes only copies of its chapter''s vouchers, and only it does'); END;

-- A copied voucher's balances are maintained by `collect` for the whole copy at once,
-- one pass over its new postings (store/collect.rs), not voucher by voucher: per voucher
-- this trigger cost a first collection more than the chapter's whole `verify`. Every
-- voucher written here keeps it; `verify` re-derives all of them either way.
DROP TRIGGER transactions_maintain_balances;
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

-- The district's own chain: every collection and every accepted rewrite, in order, each
-- `hash = SHA-256(prev_hash + "\n" + body)` like a pool's records (docs/hash.md). It is
-- what `report district` prints as the last collection, and what `verify` holds each
-- collected pool's head against.
CREATE TABLE district_chain (
    pos         INTEGER PRIMARY KEY CHECK (pos > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('collect', 'rewrite')),
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    body        TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    entered_at  TEXT NOT NULL
);
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
