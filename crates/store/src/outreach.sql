-- hunvon schema step 11: outreach (SPEC §10) — cards from elsewhere and the year's targets.

-- Two new kinds of chain record: `card` (a card the pool did not buy, or its cancellation)
-- and `target` (the year's plan). SQLite cannot alter a CHECK constraint; widening the
-- list of allowed values changes no stored byte and every row still satisfies it (as in
-- step 4, leave_and_withdraw.sql). The new kinds go in front of the list, so another
-- step that widens the list at its end composes with this one.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, 'kind IN (''voucher'', ', 'kind IN (''voucher'', ''card'', ''target'', ')
 WHERE type = 'table' AND name = 'chain';
-- The district's own chain holds a district's target for a collected chapter.
UPDATE sqlite_schema
   SET sql = replace(sql, 'kind IN (''collect'', ', 'kind IN (''target'', ''collect'', ')
 WHERE type = 'table' AND name = 'district_chain';
PRAGMA writable_schema = OFF;

-- Cover the pool did not buy (a poor household's state card, a pupil's card through
-- school, an employee's compulsory BHXH): no money moves. Each row is also a `card`
-- record of the pool's chain, written in the same transaction (`chain_pos`). A card
-- entered by mistake is cancelled by a later `card` record (outside_card_cancels),
-- never by an UPDATE.
CREATE TABLE outside_cards (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    chain_pos   INTEGER NOT NULL,
    person_id   INTEGER NOT NULL REFERENCES persons(id),
    scheme      TEXT NOT NULL CHECK (scheme IN ('bhyt', 'bhxh')),
    source      TEXT NOT NULL CHECK (source IN ('state', 'employer', 'school', 'other')),
    card_from   TEXT NOT NULL,
    card_to     TEXT NOT NULL CHECK (card_to >= card_from),
    card_no     TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    UNIQUE (pool_id, chain_pos)
);
CREATE INDEX outside_cards_by_person ON outside_cards (person_id, scheme);
CREATE TABLE outside_card_cancels (
    id          INTEGER PRIMARY KEY,
    pool_id     INTEGER NOT NULL REFERENCES pools(id),
    chain_pos   INTEGER NOT NULL,
    card_pos    INTEGER NOT NULL,    -- the chain place of the card cancelled
    reason      TEXT NOT NULL,
    entered_at  TEXT NOT NULL,
    UNIQUE (pool_id, chain_pos),
    UNIQUE (pool_id, card_pos)
);
CREATE TRIGGER outside_cards_no_update BEFORE UPDATE ON outside_cards
BEGIN SELECT RAISE(ABORT, 'cards are append-only: cancel one with a new record'); END;
CREATE TRIGGER outside_cards_no_delete BEFORE DELETE ON outside_cards
BEGIN SELECT RAISE(ABORT, 'cards are append-only: cancel one with a new record'); END;
CREATE TRIGGER outside_card_cancels_no_update BEFORE UPDATE ON outside_card_cancels
BEGIN SELECT RAISE(ABORT, 'a cancellation cannot be undone'); END;
CREATE TRIGGER outside_card_cancels_no_delete BEFORE DELETE ON outside_card_cancels
BEGIN SELECT RAISE(ABORT, 'a cancellation cannot be undone'); END;

-- The year's plan (chỉ tiêu) of a pool: people with BHYT, BHXH participants, new BHXH
-- participants. Either a `target` record of the pool's own chain (`chain_pos`), or — for
-- a chapter collected into a district book — a `target` record of the district's chain
-- (`district_pos`), which overrides the chapter's own. The latest row of each kind is in
-- force: setting a target again replaces it.
CREATE TABLE targets (
    id           INTEGER PRIMARY KEY,
    pool_id      INTEGER NOT NULL REFERENCES pools(id),
    chain_pos    INTEGER,
    district_pos INTEGER,
    year         INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    bhyt         INTEGER NOT NULL CHECK (bhyt >= 0),
    bhxh         INTEGER NOT NULL CHECK (bhxh >= 0),
    new_bhxh     INTEGER CHECK (new_bhxh >= 0),
    entered_at   TEXT NOT NULL,
    CHECK ((chain_pos IS NULL) <> (district_pos IS NULL))
);
CREATE INDEX targets_by_pool ON targets (pool_id, year, id);
CREATE TRIGGER targets_no_update BEFORE UPDATE ON targets
BEGIN SELECT RAISE(ABORT, 'targets are kept as history: set a new one instead'); END;
CREATE TRIGGER targets_no_delete BEFORE DELETE ON targets
BEGIN SELECT RAISE(ABORT, 'targets are kept as history: set a new one instead'); END;
