package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validated rows of a large import, parked in the database until the file is known to be valid:
 * {@code (:ImportJournal {id, format, state})} plus {@code (:ImportBatch {importId, seq, rows})} with the
 * rows as JSON. Nothing here is part of the graph the application reads.
 *
 * <p>States: STAGING (validation still running: discarded on failure and at start-up) → COMMITTED (the
 * file is valid; batches are published in order, each batch deleted in the same transaction that merges
 * its rows, so a crash resumes exactly where it stopped) → the journal is deleted.
 */
@Component
class ImportStaging {

    static final String STAGING = "STAGING";
    static final String COMMITTED = "COMMITTED";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() { };

    /** A journal found at start-up. */
    record Journal(String id, String format, String state, long batches) {
    }

    private final Neo4jClient neo4j;

    ImportStaging(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    void stage(String importId, String format, int seq, List<Map<String, Object>> rows) {
        neo4j.query("""
                MERGE (j:ImportJournal {id: $id})
                  ON CREATE SET j.format = $format, j.state = 'STAGING', j.createdAt = datetime()
                CREATE (:ImportBatch {importId: $id, seq: $seq, rows: $rows})
                """).bindAll(Map.of("id", importId, "format", format, "seq", seq, "rows", JSON.writeValueAsString(rows))).run();
    }

    void commit(String importId, int batches) {
        neo4j.query("MATCH (j:ImportJournal {id: $id}) SET j.state = 'COMMITTED', j.batches = $n, j.committedAt = datetime()")
                .bindAll(Map.of("id", importId, "n", batches)).run();
    }

    /** Rows of one batch, or null when it was already published. */
    List<Map<String, Object>> load(String importId, int seq) {
        return neo4j.query("MATCH (b:ImportBatch {importId: $id, seq: $seq}) RETURN b.rows AS rows")
                .bindAll(Map.of("id", importId, "seq", seq)).fetchAs(String.class).one()
                .map(json -> JSON.readValue(json, ROWS)).orElse(null);
    }

    /** Call inside the transaction that merges the batch's rows. */
    void markPublished(String importId, int seq) {
        neo4j.query("MATCH (b:ImportBatch {importId: $id, seq: $seq}) DELETE b")
                .bindAll(Map.of("id", importId, "seq", seq)).run();
    }

    void finish(String importId) {
        neo4j.query("MATCH (j:ImportJournal {id: $id}) DELETE j").bind(importId).to("id").run();
    }

    /** Removes a journal and its batches (in chunks, so a big discard needs no big transaction). */
    void discard(String importId) {
        long deleted;
        do {
            deleted = neo4j.query("""
                    MATCH (b:ImportBatch {importId: $id}) WITH b LIMIT 200 DELETE b RETURN count(*) AS n
                    """).bind(importId).to("id").fetchAs(Long.class).one().orElse(0L);
        } while (deleted > 0);
        finish(importId);
    }

    List<Journal> journals() {
        return neo4j.query("""
                MATCH (j:ImportJournal)
                RETURN j.id AS id, j.format AS format, j.state AS state, coalesce(j.batches, 0) AS batches
                ORDER BY j.createdAt
                """).fetch().all().stream().map(r -> new Journal((String) r.get("id"), (String) r.get("format"),
                (String) r.get("state"), ((Number) r.get("batches")).longValue())).toList();
    }
}
