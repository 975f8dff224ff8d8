package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Merges 招商项目 (investment projects) on their id. No project feature exists yet, so the node's property
 * set is defined here and documented in docs/import-formats.md:
 *
 * <pre>
 * (:Project {id, name, enterpriseUscc, chainId, segmentId, regionCode, provinceCode, cityCode, countyCode,
 *            investment (亿元), stage (SIGNED|STARTED|PRODUCING|EFFECTIVE = 签约|开工|投产|达效),
 *            signedOn, startedOn, producingOn, effectiveOn (dates), owner (责任人), note})
 * (:Project)-[:TARGETS]->(:Enterprise), -[:IN_SEGMENT]->(:Segment), -[:LOCATED_IN]->(:Region)
 * </pre>
 */
@Component
class ProjectWriter {

    private final Neo4jClient neo4j;

    ProjectWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Rows with the keys above (dates as ISO strings). */
    void mergeProjects(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (p:Project {id: row.id})
                SET p.name = row.name, p.enterpriseUscc = row.enterprise, p.chainId = row.chainId,
                    p.segmentId = row.segmentId, p.regionCode = row.regionCode,
                    p.provinceCode = substring(row.regionCode, 0, 2) + '0000',
                    p.cityCode = CASE WHEN row.regionCode ENDS WITH '0000' THEN null ELSE substring(row.regionCode, 0, 4) + '00' END,
                    p.countyCode = CASE WHEN row.regionCode ENDS WITH '00' THEN null ELSE row.regionCode END,
                    p.investment = row.investment, p.stage = row.stage,
                    p.signedOn = date(row.signedOn), p.startedOn = date(row.startedOn),
                    p.producingOn = date(row.producingOn), p.effectiveOn = date(row.effectiveOn),
                    p.owner = row.owner, p.note = row.note
                WITH p, row
                OPTIONAL MATCH (p)-[old:TARGETS|IN_SEGMENT|LOCATED_IN]->()
                DELETE old
                WITH DISTINCT p, row
                OPTIONAL MATCH (e:Enterprise {uscc: row.enterprise})
                FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (p)-[:TARGETS]->(e))
                WITH p, row
                OPTIONAL MATCH (s:Segment {id: row.segmentId})
                FOREACH (_ IN CASE WHEN s IS NULL THEN [] ELSE [1] END | MERGE (p)-[:IN_SEGMENT]->(s))
                WITH p, row
                OPTIONAL MATCH (r:Region {code: row.regionCode})
                FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (p)-[:LOCATED_IN]->(r))
                """).bind(rows).to("rows").run();
    }
}
