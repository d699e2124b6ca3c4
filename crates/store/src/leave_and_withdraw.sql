-- Step 4: a member can leave the group, and be paid back what the pool holds for her.
--
-- persons.left_on: the day she left (no dues after that month; no longer the default
-- payer for herself or for the people she sponsors). Her history stays.
ALTER TABLE persons ADD COLUMN left_on TEXT;

-- A new kind of voucher, 'withdrawal' (phiếu chi: member:C +A; cash/bank −A). SQLite
-- cannot alter a CHECK constraint, and rebuilding `transactions` would copy the whole
-- ledger past its append-only triggers. Widening the list of allowed values changes no
-- stored byte and every existing row still satisfies it, which is the case SQLite's
-- documentation allows to be made by editing the schema text
-- (https://sqlite.org/lang_altertable.html, "otheralter"); the program bumps
-- schema_version after this step so every connection re-reads the schema.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
   SET sql = replace(sql, '''opening'', ''transfer'', ''reversal'')',
                          '''opening'', ''transfer'', ''reversal'', ''withdrawal'')')
 WHERE type = 'table' AND name = 'transactions';
PRAGMA writable_schema = OFF;
