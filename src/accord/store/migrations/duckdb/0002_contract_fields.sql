-- Schema version 2: the contract's newer fields. Articles carry the detected language and the
-- id of the stored article they are a near-copy of; events carry the code of the act an intent,
-- threat, demand or refusal announces, and the happening a store clustered them into.
-- ADD COLUMN appends, so the column order matches store/rows.py's lists (appenders rely on it).
ALTER TABLE articles ADD COLUMN language VARCHAR;
ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR;
ALTER TABLE events ADD COLUMN announced_cameo VARCHAR;
ALTER TABLE events ADD COLUMN happening VARCHAR;
