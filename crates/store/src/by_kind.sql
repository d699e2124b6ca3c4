-- hunvon schema step: a pool's vouchers by kind and date (the summary, docs/design.md §6).
-- Who is covered at the end of a period is read from the pool's purchases and reversals up
-- to that day: with this index they are a few thousand entries, not every voucher of
-- the book (on a 20.000-person pool, 50.000 of 490.000 entries for a year's end).
CREATE INDEX transactions_by_kind ON transactions (pool_id, kind, date, reverses_id);
