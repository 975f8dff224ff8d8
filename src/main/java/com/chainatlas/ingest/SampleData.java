package com.chainatlas.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Removes the bundled 示例数据 (sample data) so a team can work on its own chains only: the sample chains with
 * their segments, products and technologies, and the sample enterprises and institutions (all marked
 * {@code sample: true} or belonging to a sample chain), with their relations. What was imported is kept, except
 * relations to removed nodes. Deletes in batches so a large demo does not need one huge transaction.
 */
@Component
class SampleData {

    private static final int BATCH = 5_000;

    private final Neo4jClient neo4j;
    private final ApplicationEventPublisher events;

    SampleData(Neo4jClient neo4j, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.events = events;
    }

    /** Deletes the sample data; returns how many nodes of each kind were removed. */
    Map<String, Long> clear() {
        List<String> chains = List.copyOf(neo4j.query("MATCH (c:Chain {sample: true}) RETURN c.id").fetchAs(String.class).all());
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put("events", deleteAll(
                "MATCH (n:ExpansionEvent) WHERE n.sample = true OR EXISTS { (:Enterprise {sample: true})-[:HAS_EVENT]->(n) }", Map.of()));
        removed.put("enterprises", deleteAll("MATCH (n:Enterprise {sample: true})", Map.of()));
        removed.put("institutions", deleteAll("MATCH (n:Institution {sample: true})", Map.of()));
        removed.put("products", deleteAll("MATCH (n:Product) WHERE n.chainId IN $chains", Map.of("chains", chains)));
        removed.put("technologies", deleteAll("MATCH (n:Technology) WHERE n.chainId IN $chains", Map.of("chains", chains)));
        removed.put("segments", deleteAll("MATCH (n:Segment) WHERE n.chainId IN $chains", Map.of("chains", chains)));
        removed.put("chains", deleteAll("MATCH (n:Chain) WHERE n.id IN $chains", Map.of("chains", chains)));
        neo4j.query("MATCH (d:Dataset {id: 'demo'}) DELETE d").run();
        events.publishEvent(new DataImportedEvent(Set.of()));
        return removed;
    }

    private long deleteAll(String match, Map<String, Object> params) {
        long total = 0;
        long n;
        do {
            // match is one of the constant patterns above, never user input
            n = neo4j.query(match + " WITH n LIMIT $batch DETACH DELETE n RETURN count(*)")
                    .bindAll(params).bind(BATCH).to("batch").fetchAs(Long.class).one().orElse(0L);
            total += n;
        } while (n > 0);
        return total;
    }
}
