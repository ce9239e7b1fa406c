-- Schema version 5: the blocking keys of each happening's classes of reports, not of every
-- report. A happening many reports tell alike (a story told again and again, "in 2014") is one
-- row per key and class, however many reports it gathers, so the candidates a new report is
-- compared with stay as many whatever the store's size. One row per key of each class of
-- reports with equal compared fields in a happening (`accord.clustering.happenings.
-- compared_fields`): its smallest report id and the fields the date sift reads; rewritten with
-- the happening's row (`accord recluster` rebuilds them). Opening a database of an older schema
-- reclusters it (`Store._migrate`, `RECLUSTER_AT`), which fills the table.
CREATE TABLE IF NOT EXISTS happening_keys (
    key       VARCHAR NOT NULL,
    happening VARCHAR NOT NULL,
    report    VARCHAR NOT NULL,
    date      VARCHAR,
    basis     VARCHAR,
    negated   BOOLEAN NOT NULL,
    modality  VARCHAR NOT NULL,
    published VARCHAR,
    bare      VARCHAR
);
CREATE INDEX IF NOT EXISTS happening_keys_key ON happening_keys (key);
CREATE INDEX IF NOT EXISTS happening_keys_happening ON happening_keys (happening);
DROP INDEX IF EXISTS report_keys_key;
DROP TABLE IF EXISTS report_keys;
