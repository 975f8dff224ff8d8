package com.chainatlas.innovation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Merges R&D institutions, their research fields and cooperation on natural keys. */
@Component
public class InstitutionWriter {

    private final Neo4jClient neo4j;

    InstitutionWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public void mergeInstitutions(List<Institution> institutions) {
        List<Map<String, Object>> rows = institutions.stream().map(i -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("type", i.type());
            m.put("level", i.level());
            m.put("regionCode", i.regionCode());
            m.put("provinceCode", i.regionCode().substring(0, 2) + "0000");
            m.put("strength", i.strength());
            m.put("technologies", i.technologyIds());
            m.put("segments", i.segmentIds());
            m.put("sample", i.sample());
            return m;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (i:Institution {id: row.id})
                SET i.name = row.name, i.type = row.type, i.level = row.level, i.regionCode = row.regionCode,
                    i.provinceCode = row.provinceCode, i.strength = row.strength, i.sample = row.sample
                WITH i, row
                OPTIONAL MATCH (r:Region {code: row.regionCode})
                FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (i)-[:LOCATED_IN]->(r))
                """).bind(rows).to("rows").run();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (i:Institution {id: row.id})
                UNWIND row.technologies AS techId
                MATCH (t:Technology {id: techId})
                MERGE (i)-[:RESEARCHES]->(t)
                """).bind(rows).to("rows").run();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (i:Institution {id: row.id})
                UNWIND row.segments AS segmentId
                MATCH (s:Segment {id: segmentId})
                MERGE (i)-[:RESEARCHES]->(s)
                """).bind(rows).to("rows").run();
    }

    public void mergeCooperations(List<Institution.Cooperation> cooperations) {
        List<Map<String, Object>> rows = cooperations.stream().map(c -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", c.institutionId());
            m.put("uscc", c.uscc());
            m.put("kind", c.kind());
            m.put("since", c.since());
            return m;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (i:Institution {id: row.id}), (e:Enterprise {uscc: row.uscc})
                MERGE (i)-[c:COOPERATES_WITH]->(e)
                SET c.kind = row.kind, c.since = row.since
                """).bind(rows).to("rows").run();
    }
}
