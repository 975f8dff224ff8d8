package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;

import org.springframework.data.neo4j.core.Neo4jClient;

/** Test data of the ingest tests: own ids (prefix ZT), removed afterwards; the demo data is never touched. */
final class TestGraph {

    static final String REGION = "340104";
    static final String OTHER_REGION = "110105";

    private TestGraph() {
    }

    /** A valid USCC no demo enterprise has (serials from 97,000,000 up). */
    static String uscc(int n) {
        return Uscc.of(REGION, 97_000_000L + n);
    }

    static long count(Neo4jClient neo4j, String cypher, Map<String, Object> params) {
        return neo4j.query(cypher).bindAll(params).fetchAs(Long.class).one().orElse(0L);
    }

    static long count(Neo4jClient neo4j, String cypher) {
        return count(neo4j, cypher, Map.of());
    }

    /** Removes everything the ingest tests create (ids starting with ZT, their enterprises by USCC serial range). */
    static void clean(Neo4jClient neo4j) {
        List<String> usccPrefixes = new ArrayList<>();
        for (int block = 970; block <= 979; block++) {
            usccPrefixes.add("91" + REGION + String.format("%03d", block));
        }
        long n;
        do {
            n = neo4j.query("""
                    MATCH (e:Enterprise) WHERE any(p IN $prefixes WHERE e.uscc STARTS WITH p)
                    WITH e LIMIT 5000 DETACH DELETE e RETURN count(*) AS n
                    """).bind(usccPrefixes).to("prefixes").fetchAs(Long.class).one().orElse(0L);
        } while (n > 0);
        // their expansion events went with them (demo events always have their enterprise)
        neo4j.query("MATCH (ev:ExpansionEvent) WHERE NOT ()-[:HAS_EVENT]->(ev) DETACH DELETE ev").run();
        // provisional (无信用代码) test enterprises are named ZT…
        neo4j.query("MATCH (e:Enterprise) WHERE e.provisional = true AND e.name STARTS WITH 'ZT' DETACH DELETE e").run();
        neo4j.query("""
                MATCH (x) WHERE x.id STARTS WITH 'ZT' AND any(l IN labels(x) WHERE l IN $labels)
                DETACH DELETE x
                """).bind(List.of("Chain", "Segment", "Product", "Technology", "Institution", "Project")).to("labels").run();
        neo4j.query("MATCH (x) WHERE x:ImportJournal OR x:ImportBatch DETACH DELETE x").run();
    }
}
