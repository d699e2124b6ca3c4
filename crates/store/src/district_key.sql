-- hunvon schema step 10 (numbered by the lead: steps 8 and 9 are written on other
-- branches; on this branch it follows step 7): the district's age recipient (`age1…`),
-- kept with the letterhead it belongs beside. `pool set --district-key` adds a letterhead
-- row as every `pool set` does, and the pool record in the chain holds the key (last, and
-- only when not empty, so older records keep their text and hashes). `handin` encrypts the
-- book to it. '' = none set.
ALTER TABLE letterheads ADD COLUMN district_key TEXT NOT NULL DEFAULT '';
