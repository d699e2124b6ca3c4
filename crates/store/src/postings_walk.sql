-- hunvon schema step 14: postings_walk, a covering index of the postings in the order a
-- chain walk reads them (issue 24 point 8, docs/design.md §12). `verify` and `collect`
-- rebuild each voucher's canonical text from its postings by transaction, then id; the
-- canonical text names the chapter's id (`origin_id`) when there is one. With every column
-- the walk reads in the index, a pool's 1,46 million postings are one walk of the index
-- in its own order, no posting row visited. It starts with `txn_id`, so it serves
-- everything `postings_by_txn` did (the deferred foreign key, the balance triggers'
-- sums), which goes: one index per posting written, as before.
CREATE INDEX postings_walk ON postings (txn_id, id, account_id, amount, origin_id);
DROP INDEX postings_by_txn;
