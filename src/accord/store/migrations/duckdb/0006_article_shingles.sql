-- Schema version 6: each signed article's shingle hashes (accord.clustering.nearcopy.
-- shingle_hashes: one little-endian uint64 per 5-word shingle, in text order), so a near-copy
-- candidate is checked by reading one row and comparing sets of hashes, not by reading its
-- text and splitting it into words and shingles again. One row per row of article_signatures,
-- written and deleted with it. Opening a database of an older schema fills the table from the
-- signed articles' texts (`Store._migrate`, `SHINGLES_AT`).
CREATE TABLE IF NOT EXISTS article_shingles (
    article_id VARCHAR PRIMARY KEY,
    shingles   BLOB NOT NULL
);
