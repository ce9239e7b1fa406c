-- Schema version 7: beside each report's contract fields, the days its text date allows where
-- they are fewer than its period's (`accord.model.Event.date_range`, made by the time stage:
-- "last week" is the week before the publication's, though the record can only say its month;
-- "this month" or "earlier this year", told in the past, end at the publication date). NULL:
-- the date's period, as for every report coded before this version. Clustering compares these
-- ranges (`accord.clustering.happenings.Report.interval`); they are never exported.
-- `happening_keys` keeps each class's interval (the days clustering gives it, publication
-- windows included), so the candidate query bounds a stored report by its days, not by its
-- month. Opening a database of an older schema reclusters it (`Store._migrate`, `RECLUSTER_AT`),
-- which fills the keys' intervals.
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_earliest DATE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS date_latest DATE;
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS earliest VARCHAR;
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS latest VARCHAR;
