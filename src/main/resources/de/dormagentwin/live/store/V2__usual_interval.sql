-- How often a datastream reports, estimated as observations arrive: freshness ("stale after twice its usual
-- interval") needs it for every stream at once, which a scan of the observations could not give quickly.
ALTER TABLE datastream ADD COLUMN usual_interval BIGINT;
