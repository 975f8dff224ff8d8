// Targeting reads a region's firms by code prefix (regionCode STARTS WITH): a range index makes that a seek
// instead of a scan of every enterprise (TargetCandidates.localTies).
CREATE INDEX enterprise_region_code IF NOT EXISTS FOR (e:Enterprise) ON (e.regionCode);
