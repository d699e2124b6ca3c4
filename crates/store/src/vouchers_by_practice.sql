-- hunvon schema, step 8: vouchers as Vietnamese cash practice has them (SPEC §8).
--
-- Columns are added first: ALTER TABLE … ADD COLUMN finds its place in the stored CREATE
-- TABLE text by an offset read when the schema was parsed, so the text is edited only after.
--
-- transactions.bank_ref: the bank's reference of a voucher that moves money through the
-- bank (giấy báo Có / giấy báo Nợ / giấy nộp tiền / séc number, `--bank-ref`); '' when none.
-- transactions.count_ref: the cash count (its number, e.g. 'KK-2026-0001') that a count's
-- difference voucher, or a voucher settling it, belongs to; '' for every other voucher.
-- Both are hashed as the last keys of the voucher's canonical text, and only when not
-- empty, so every voucher written before this step keeps its text and its hash.
ALTER TABLE transactions ADD COLUMN bank_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE transactions ADD COLUMN count_ref TEXT NOT NULL DEFAULT '';

-- A count's own number in the year of its date (the 08a-TT paper's "Số"), and the hour it
-- was made ('HH:MM', `count --time`); a close's number in the year of its last day. NULL for
-- the counts and closes made before this step (their records have no such keys).
ALTER TABLE cash_counts ADD COLUMN seq INTEGER CHECK (seq > 0);
ALTER TABLE cash_counts ADD COLUMN counted_time TEXT;
ALTER TABLE closes ADD COLUMN seq INTEGER CHECK (seq > 0);

CREATE TRIGGER cash_counts_numbered BEFORE INSERT ON cash_counts
WHEN NEW.seq IS NOT NULL
 AND NEW.seq <> 1 + COALESCE((SELECT MAX(seq) FROM cash_counts WHERE pool_id = NEW.pool_id
                                 AND substr(counted_on, 1, 4) = substr(NEW.counted_on, 1, 4)), 0)
BEGIN SELECT RAISE(ABORT, 'count number is not the next in its year'); END;

CREATE TRIGGER closes_numbered BEFORE INSERT ON closes
WHEN NEW.seq IS NOT NULL
 AND NEW.seq <> 1 + COALESCE((SELECT MAX(seq) FROM closes WHERE pool_id = NEW.pool_id
                                 AND substr(closed_to, 1, 4) = substr(NEW.closed_to, 1, 4)), 0)
BEGIN SELECT RAISE(ABORT, 'close number is not the next in its year'); END;

-- Finding a count's difference and what settled it.
CREATE INDEX transactions_by_count ON transactions (pool_id, count_ref) WHERE count_ref <> '';

-- Two more series, BC (giấy báo Có: money into the bank only) and BN (giấy báo Nợ: money
-- out of the bank only), and two more kinds: 'count_difference' (a count's shortage or
-- surplus booked to fund:pending) and 'settlement' (`settle`, clearing it). As in step 4,
-- widening a CHECK's list changes no stored byte and every row still satisfies it, the case
-- SQLite allows by editing the schema text (https://sqlite.org/lang_altertable.html,
-- "otheralter"); the program bumps schema_version after this step.
-- The account fund:pending (tiền thiếu/thừa chờ xử lý) needs nothing here: account names
-- have no CHECK; Rust's `Account` knows it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(replace(sql,
                 'CHECK (series IN (''PT'', ''PC'', ''PK''))',
                 'CHECK (series IN (''PT'', ''PC'', ''PK'', ''BC'', ''BN''))'),
                 '''reversal'', ''withdrawal'')',
                 '''reversal'', ''withdrawal'', ''count_difference'', ''settlement'')')
 WHERE type = 'table' AND name = 'transactions';
PRAGMA writable_schema = OFF;
