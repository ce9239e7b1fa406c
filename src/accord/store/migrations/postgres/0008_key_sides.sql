-- Schema version 8: each `happening_keys` row names the sides of its class as the candidate query
-- compares them (`accord.clustering.happenings.side_key`: an actor's country where its code
-- starts with it; NULL, which matches any side, for an unnamed side, one of no country or one
-- whose code names another). A new report then reads only the stored classes whose sides may be
-- its own (in either order), not every class of its CAMEO root, country and period: a report
-- dated "in 2014" no longer reads every 2014 act of its country and root. Rows written before
-- this version have NULL sides, which match every side: no recluster is needed.
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS source_side VARCHAR;
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS target_side VARCHAR;
