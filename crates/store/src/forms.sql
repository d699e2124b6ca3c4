-- hunvon schema step 13: the form set a pool's papers follow (issue 23 point 11) — the
-- circular whose legal-basis line ("(Ban hành theo Thông tư số … của Bộ Tài chính)") and
-- book form numbers every paper prints: 'TT99', 'TT200' or 'TT133'; '' = the default
-- (Thông tư 99/2025/TT-BTC). Kept with the letterhead it belongs to: `pool set --forms`
-- adds a letterhead row as every `pool set` does, and the pool record in the chain holds
-- the choice (last, and only when not empty, so older records keep their text and hashes).
ALTER TABLE letterheads ADD COLUMN forms TEXT NOT NULL DEFAULT '';
