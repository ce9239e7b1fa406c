-- Schema version 2 for PostgreSQL, the twin of duckdb/0002_contract_fields.sql: the contract's
-- newer fields. Articles carry the detected language and the id of the stored article they are a
-- near-copy of; events carry the code of the act an intent, threat, demand or refusal announces,
-- and the happening a store clustered them into.
ALTER TABLE articles ADD COLUMN language VARCHAR;
ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;
ALTER TABLE events ADD COLUMN announced_cameo VARCHAR;
ALTER TABLE events ADD COLUMN happening VARCHAR;
