-- hunvon schema step: the CSV files imported into each pool, known by the SHA-256 of
-- their bytes, so the same file is not imported twice by mistake (a second import of
-- a contributions file would double every member's payments). Append-only.
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
CREATE INDEX imports_by_hash ON imports (pool_id, sha256);
CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;
CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
BEGIN SELECT RAISE(ABORT, 'imports is append-only'); END;
