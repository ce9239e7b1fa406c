-- Schema version 4: a report the text gives no date is placed by its article's publication date
-- (`happening_undated_days` before it), no longer filed under an "undated" blocking key of all
-- time. The stored keys and happenings follow the old rule: opening the database reclusters it
-- (`Store._migrate`, `RECLUSTER_AT`), which writes the new keys.
DELETE FROM report_keys WHERE key LIKE '%|undated';
