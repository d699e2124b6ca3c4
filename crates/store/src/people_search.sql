-- The people search (the members list's filter, a form's completion) reads one covering
-- index, in code order: what a search compares (code, folded name, phone, CCCD, mã số
-- BHXH), what ranks a match (joined, left_on) and her household (the households list
-- is found by its people's names), without reading each person's row.
-- On a province's pool of 100.000 people a key typed in the filter walks this index
-- (a few MB) instead of seeking 100.000 rows, and the count of matches walks it too
-- (docs/design.md §4).
CREATE INDEX persons_search ON persons (pool_id, code, name_folded, phone, cccd, bhxh_code, joined, left_on, household_id);
