-- Schema version 3: near-copies and happenings (accord/clustering).
-- Every table holds only what can be rebuilt from the articles and events (`accord recluster`).

-- Each stored article's MinHash signature (uint64 values) and its LSH band buckets: a new article
-- finds its near-copies by an index probe per band, whatever the store's size.
CREATE TABLE IF NOT EXISTS article_signatures (
    article_id VARCHAR PRIMARY KEY,
    signature  BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS nearcopy_bands (
    bucket     BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS nearcopy_bands_bucket ON nearcopy_bands (bucket);
CREATE INDEX IF NOT EXISTS articles_duplicate_of ON articles (duplicate_of);
CREATE INDEX IF NOT EXISTS events_article ON events (article_id);
CREATE INDEX IF NOT EXISTS events_happening ON events (happening);

-- Blocking keys of each report (CAMEO root | actor country | month): the reports a new one may
-- join are found by key, not by scanning.
CREATE TABLE IF NOT EXISTS report_keys (
    key      VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS report_keys_key ON report_keys (key);

-- One row per happening: the contract's `happening` record without `event_ids` (those are the
-- events whose `happening` column names it).
CREATE TABLE IF NOT EXISTS happenings (
    id               VARCHAR PRIMARY KEY,
    date             VARCHAR,
    date_start       DATE,
    date_precision   VARCHAR,
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
    cameo            VARCHAR NOT NULL,
    plover           VARCHAR NOT NULL,
    quad_class       INTEGER NOT NULL,
    goldstein        DOUBLE NOT NULL,
    negated          BOOLEAN NOT NULL,
    modality         VARCHAR NOT NULL,
    location_text    VARCHAR,
    location_start   INTEGER,
    location_end     INTEGER,
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    reports          INTEGER NOT NULL,
    articles         INTEGER NOT NULL,
    sources          INTEGER NOT NULL,
    first_seen       VARCHAR,
    last_seen        VARCHAR,
    confidence       DOUBLE NOT NULL
);
