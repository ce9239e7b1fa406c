-- Schema version 9: each `happening_keys` row says whether its class of reports is core (dated to
-- a day, both sides named with a country: `accord.clustering.happenings.Report.is_core`) and how
-- many of its happening's reports the class holds. A vague report ("in 2014") joins the core
-- happening with the most compatible reports; from these the store tells which of its compatible
-- happenings that can be without reading their reports, and regroups only those
-- (`accord.store.clusters.Clusters._compatible_happenings`). Rows written before this version
-- have NULLs, read as unknown: all compatible happenings are regrouped, as before; no recluster.
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS core BOOLEAN;
ALTER TABLE happening_keys ADD COLUMN IF NOT EXISTS reports INTEGER;
