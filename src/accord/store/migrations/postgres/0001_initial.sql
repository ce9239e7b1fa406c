-- Schema version 1 for PostgreSQL: the twin of duckdb/0001_initial.sql (same tables, columns and
-- order; DOUBLE is DOUBLE PRECISION here). Keep the two in step: a test compares them.
--
-- Applied by accord.store.migrations inside one transaction; the runner records the version in
-- `meta` afterwards, so this file holds only DDL. Column names avoid the reserved word END: bare
-- spans are `span_start`/`span_end`, nested ones `<prefix>_start`/`<prefix>_end`.
-- No FOREIGN KEYs: DuckDB cannot cascade and refuses to delete a parent row referenced in the
-- same transaction, which is exactly what re-coding an article does; the store keeps the tables
-- consistent itself (one transaction per article).

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id           VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,      -- Article.content_hash: sha256 of text, date, title
    date         VARCHAR,               -- YYYY-MM-DD kept as text so it round-trips exactly
    title        VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL,    -- UTC, first time this id was stored
    updated_at   TIMESTAMP NOT NULL     -- UTC, last time it was (re)coded
);
-- Looked up on every ingest to catch the same story under another id.
CREATE INDEX IF NOT EXISTS articles_content_hash ON articles (content_hash);

CREATE TABLE IF NOT EXISTS events (
    id               VARCHAR PRIMARY KEY,
    article_id       VARCHAR NOT NULL,
    seq              INTEGER NOT NULL,  -- position in Document.events, for stable output order
    sentence         INTEGER NOT NULL,
    evidence         VARCHAR NOT NULL,
    trigger_text     VARCHAR NOT NULL,
    trigger_start    INTEGER NOT NULL,
    trigger_end      INTEGER NOT NULL,
    source_text      VARCHAR,
    source_start     INTEGER,
    source_end       INTEGER,
    source_name      VARCHAR,
    source_code      VARCHAR,
    source_country   VARCHAR,
    source_sector    VARCHAR,
    target_text      VARCHAR,
    target_start     INTEGER,
    target_end       INTEGER,
    target_name      VARCHAR,
    target_code      VARCHAR,
    target_country   VARCHAR,
    target_sector    VARCHAR,
    cameo            VARCHAR NOT NULL,  -- text: leading zeros matter ("041")
    plover           VARCHAR NOT NULL,
    plover_mode      VARCHAR,
    quad_class       INTEGER NOT NULL,
    goldstein        DOUBLE PRECISION NOT NULL,
    date             VARCHAR,           -- YYYY, YYYY-MM or YYYY-MM-DD, as in the record
    date_start       DATE,              -- first day of `date`'s period: what since/until compare
    date_precision   VARCHAR,
    date_basis       VARCHAR,
    negated          BOOLEAN NOT NULL,
    modality         VARCHAR NOT NULL,
    location_text    VARCHAR,
    location_start   INTEGER,
    location_end     INTEGER,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE PRECISION,
    location_lon     DOUBLE PRECISION,
    confidence       DOUBLE PRECISION NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    id              VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    seq             INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    speaker_text    VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_name    VARCHAR,
    speaker_code    VARCHAR,
    speaker_country VARCHAR,
    speaker_sector  VARCHAR,
    cue             VARCHAR,
    direct          BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS timexes (
    article_id VARCHAR NOT NULL,
    seq        INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    type       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id    VARCHAR NOT NULL,
    seq           INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    -- The resolved actor; its text/span are the naming words, which differ for a pronoun.
    actor_text    VARCHAR,
    actor_start   INTEGER,
    actor_end     INTEGER,
    actor_name    VARCHAR,
    actor_code    VARCHAR,
    actor_country VARCHAR,
    actor_sector  VARCHAR,
    PRIMARY KEY (article_id, seq)
);

-- Distinct canonical actors referenced by stored events, quotes and mentions: one row per
-- (name, code). `key` exists because a primary key cannot contain a NULL name (unnamed groups).
CREATE TABLE IF NOT EXISTS actors (
    key     VARCHAR PRIMARY KEY,  -- code || chr(31) || coalesce(name, '')
    code    VARCHAR NOT NULL,
    name    VARCHAR,
    country VARCHAR,
    sector  VARCHAR
);
