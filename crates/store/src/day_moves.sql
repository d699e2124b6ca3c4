-- hunvon schema step 15: day_moves, each day's movements of cash and bank by kind, series
-- and direction (issue 22 point 10, docs/design.md §6). The summary, the overview's bars
-- and its dues read a year of a pool's cash and bank from here instead of walking a year
-- of vouchers and postings (a province's pool: 1,1 million vouchers a year). Derived data
-- like `account_days`: maintained by the trigger below in the voucher's own transaction,
-- re-derived by `verify` from the postings.
--
-- One row per (pool, day, kind, series, year, cash or bank, in or out): how many postings,
-- their sum, and the first and last voucher number (seq) among them. Only vouchers that
-- are neither reversals nor phiếu kế toán: those are few, and the summary groups them by
-- what they correct, which a day's row cannot know; it reads them on their own.
CREATE TABLE day_moves (
    pool_id   INTEGER NOT NULL REFERENCES pools(id),
    date      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    series    TEXT NOT NULL,
    year      INTEGER NOT NULL,
    bank      INTEGER NOT NULL CHECK (bank IN (0, 1)),
    incoming  INTEGER NOT NULL CHECK (incoming IN (0, 1)),
    postings  INTEGER NOT NULL,
    amount    INTEGER NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    PRIMARY KEY (pool_id, date, kind, series, year, bank, incoming)
) WITHOUT ROWID;

-- Every voucher's cash and bank postings, a collected chapter's copies included (their
-- accounts are named as a pool's own).
CREATE TRIGGER transactions_maintain_day_moves AFTER INSERT ON transactions
WHEN NEW.series <> 'PK' AND NEW.kind <> 'reversal'
BEGIN
    INSERT INTO day_moves (pool_id, date, kind, series, year, bank, incoming, postings, amount, first_seq, last_seq)
        SELECT NEW.pool_id, NEW.date, NEW.kind, NEW.series, NEW.year, a.name = 'bank', p.amount > 0,
               COUNT(*), SUM(p.amount), NEW.seq, NEW.seq
          FROM postings p JOIN accounts a ON a.id = p.account_id
         WHERE p.txn_id = NEW.id AND a.person_id IS NULL AND a.name IN ('cash', 'bank')
         GROUP BY a.name = 'bank', p.amount > 0
        ON CONFLICT (pool_id, date, kind, series, year, bank, incoming) DO UPDATE
           SET postings = postings + excluded.postings,
               amount = amount + excluded.amount,
               first_seq = min(first_seq, excluded.first_seq),
               last_seq = max(last_seq, excluded.last_seq);
END;

-- The vouchers a book already has.
INSERT INTO day_moves (pool_id, date, kind, series, year, bank, incoming, postings, amount, first_seq, last_seq)
    SELECT t.pool_id, t.date, t.kind, t.series, t.year, a.name = 'bank', p.amount > 0,
           COUNT(*), SUM(p.amount), MIN(t.seq), MAX(t.seq)
      FROM transactions t
      JOIN postings p ON p.txn_id = t.id
      JOIN accounts a ON a.id = p.account_id
     WHERE t.series <> 'PK' AND t.kind <> 'reversal' AND a.person_id IS NULL AND a.name IN ('cash', 'bank')
     GROUP BY t.pool_id, t.date, t.kind, t.series, t.year, a.name = 'bank', p.amount > 0;
