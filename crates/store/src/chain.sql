-- hunvon schema step: the chain holds more than vouchers (docs/hash.md).
-- Applied inside the same transaction as the Rust half of this step
-- (records::after_chain_step), which appends a `pool` record and one record per existing
-- household, person and dues line of every pool (those need SHA-256 and a UUID, which SQL
-- does not have).

-- THE chain of each pool: every record in order of entry, `pos` its place (1, 2, 3…
-- without gaps; `#pos` is how hunvon names a record that is not a voucher). A voucher's
-- row only points at its transaction, whose `prev_hash` and `hash` it shares; every
-- other record keeps its canonical JSON verbatim in `body` with its own two hashes:
--     hash = SHA-256(prev_hash + "\n" + body)
-- Keyed by (pool_id, pos) without a rowid so `verify` reads a pool's chain in one pass;
-- txn_id has no index (verify never looks a voucher's place up one by one, and an index
-- would cost every voucher written another write).
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

-- The vouchers written so far, in their order of entry.
INSERT INTO chain (pool_id, pos, kind, txn_id)
    SELECT pool_id, ROW_NUMBER() OVER (PARTITION BY pool_id ORDER BY id), 'voucher', id
      FROM transactions ORDER BY pool_id, id;

-- A record continues its pool's chain: the next place, and (for a record with a body) the
-- previous hash is the hash of the pool's last record. A voucher's previous hash is
-- checked by transactions_chained before its transaction row goes in.
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

-- A voucher now continues the pool's chain of records, not only of vouchers…
DROP TRIGGER transactions_chained;
CREATE TRIGGER transactions_chained BEFORE INSERT ON transactions
WHEN NEW.prev_hash IS NOT
     COALESCE((SELECT COALESCE(c.hash, t.hash) FROM chain c LEFT JOIN transactions t ON t.id = c.txn_id
               WHERE c.pool_id = NEW.pool_id ORDER BY c.pos DESC LIMIT 1),
              '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'prev_hash does not continue the pool''s chain'); END;

-- …and takes its place in it in the same statement, so no voucher is ever outside it.
CREATE TRIGGER transactions_enter_chain AFTER INSERT ON transactions
BEGIN
    INSERT INTO chain (pool_id, pos, kind, txn_id)
    VALUES (NEW.pool_id, 1 + COALESCE((SELECT MAX(pos) FROM chain WHERE pool_id = NEW.pool_id), 0), 'voucher', NEW.id);
END;

-- Records carry codes, not ids: a person's or household's code written into the chain
-- never changes, and neither is ever removed (a person who leaves keeps her history).
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
