-- hunvon schema step: what the chains protect besides a pool's own records (docs/hash.md,
-- docs/design.md §5, §10). Applied inside the same transaction as its Rust half
-- (records::after_file_chain_step), which records the rate rows a book already added with
-- `rates set` and the CSV imports it already made (SHA-256 is not in SQL).

-- The file's own chain: what belongs to the whole file rather than to one pool. Today
-- that is every rate row added with `rates set` (the rows schema.sql seeds are constants
-- of the schema, checked against it, not records). Hashed like a pool's records:
--     hash = SHA-256(prev_hash + "\n" + body), the first record's prev_hash 64 zeros.
-- A table of its own rather than the district's chain: every book has rates, most have no
-- district chain, and the district's records each name a pool.
CREATE TABLE file_chain (
    pos         INTEGER PRIMARY KEY CHECK (pos > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('rate')),
    body        TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL,
    entered_at  TEXT NOT NULL
);
CREATE TRIGGER file_chain_continues BEFORE INSERT ON file_chain
WHEN NEW.pos <> 1 + COALESCE((SELECT MAX(pos) FROM file_chain), 0)
  OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM file_chain ORDER BY pos DESC LIMIT 1),
                                   '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN SELECT RAISE(ABORT, 'a record must continue the file''s chain'); END;
CREATE TRIGGER file_chain_no_update BEFORE UPDATE ON file_chain
BEGIN SELECT RAISE(ABORT, 'the file''s chain is append-only'); END;
CREATE TRIGGER file_chain_no_delete BEFORE DELETE ON file_chain
BEGIN SELECT RAISE(ABORT, 'the file''s chain is append-only'); END;

-- Each CSV import is an `import` record of its pool's chain (file hash, kind, rows), so an
-- `imports` row deleted behind hunvon's back (after which the same file would import twice)
-- is named by `verify`. Widening the chain's list of kinds changes no stored byte and every
-- row still satisfies it: the case SQLite allows to be made by editing the schema text
-- (https://sqlite.org/lang_altertable.html, "otheralter"), as step 4 did for vouchers.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''count'', ''close'')', '''count'', ''close'', ''import'')')
 WHERE type = 'table' AND name = 'chain';
PRAGMA writable_schema = OFF;
