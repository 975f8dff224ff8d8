package com.chainatlas.signal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Merges expansion events on their natural key ({@link ExpansionEvent#key}) and links them to their enterprise. */
@Component
public class EventWriter {

    private final Neo4jClient neo4j;

    EventWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Runs inside the caller's transaction; an event whose enterprise is missing is skipped. */
    public void mergeEvents(List<ExpansionEvent> events) {
        List<Map<String, Object>> rows = events.stream().map(e -> {
            Map<String, Object> m = new HashMap<>();
            m.put("id", e.id());
            m.put("uscc", e.uscc());
            m.put("kind", e.kind().name());
            m.put("date", e.date());
            m.put("amount", e.amount());
            m.put("place", e.place());
            m.put("title", e.title());
            m.put("source", e.source());
            m.put("sample", e.sample());
            return m;
        }).toList();
        for (int from = 0; from < rows.size(); from += 1_000) {
            neo4j.query("""
                    UNWIND $rows AS row
                    MATCH (e:Enterprise {uscc: row.uscc})
                    MERGE (ev:ExpansionEvent {id: row.id})
                    SET ev.kind = row.kind, ev.date = row.date, ev.amount = row.amount,
                        ev.place = row.place, ev.title = row.title, ev.source = row.source, ev.sample = row.sample
                    MERGE (e)-[:HAS_EVENT]->(ev)
                    """).bind(rows.subList(from, Math.min(rows.size(), from + 1_000))).to("rows").run();
        }
    }
}
