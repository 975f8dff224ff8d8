// Expansion signals (扩张信号, issue 15 point 5): (:Enterprise)-[:HAS_EVENT]->(:ExpansionEvent); the id is the
// natural key (a digest of enterprise, kind, date and title) that re-imports merge on; sample events go with 示例数据.
CREATE CONSTRAINT expansion_event_id IF NOT EXISTS FOR (ev:ExpansionEvent) REQUIRE ev.id IS UNIQUE;
CREATE INDEX expansion_event_sample IF NOT EXISTS FOR (ev:ExpansionEvent) ON (ev.sample);
