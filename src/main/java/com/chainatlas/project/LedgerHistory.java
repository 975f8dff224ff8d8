package com.chainatlas.project;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change log of leads and projects (变更记录): one {@code (:LedgerChange)} node per changed field, linked
 * from its subject by {@code HAS_CHANGE}. Written in the same transaction as the change itself; never deleted.
 */
@Component
public class LedgerHistory {

    /** One field's change before it is stamped; values are shown as text (null = empty). */
    public record FieldChange(String field, String fieldZh, Object before, Object after) {
        public boolean changed() {
            return !Objects.equals(show(before), show(after));
        }
    }

    /** What a change belongs to; each kind has its own fixed query (labels cannot be parameters). */
    public enum Subject {
        PROJECT("MATCH (s:Project {id: $subject})"),
        LEAD("MATCH (s:Lead {id: $subject})");

        private final String match;

        Subject(String match) {
            this.match = match;
        }
    }

    /** Orders changes stamped with the same instant (one request, or a fixed test clock) as they were made. */
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() * 1000);

    private final Neo4jClient neo4j;
    private final Clock clock;

    LedgerHistory(Neo4jClient neo4j, Clock clock) {
        this.neo4j = neo4j;
        this.clock = clock;
    }

    /** Records the changed fields of {@code changes} (unchanged ones are skipped); returns how many were recorded. */
    public int record(Subject kind, String subjectId, String by, String reason, List<FieldChange> changes) {
        return record(kind, subjectId, by, reason, changes, clock.instant());
    }

    public int record(Subject kind, String subjectId, String by, String reason, List<FieldChange> changes, Instant at) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FieldChange c : changes) {
            if (!c.changed() && !"created".equals(c.field())) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", UUID.randomUUID().toString());
            row.put("seq", SEQUENCE.incrementAndGet());
            row.put("field", c.field());
            row.put("fieldZh", c.fieldZh());
            row.put("before", show(c.before()));
            row.put("after", show(c.after()));
            rows.add(row);
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("subject", subjectId);
        params.put("by", by);
        params.put("reason", reason);
        params.put("at", at.atOffset(ZoneOffset.UTC));
        params.put("rows", rows);
        neo4j.query(kind.match + """

                UNWIND $rows AS row
                CREATE (s)-[:HAS_CHANGE]->(:LedgerChange {id: row.id, subjectId: $subject, at: $at, seq: row.seq, by: $by,
                        field: row.field, fieldZh: row.fieldZh, before: row.before, after: row.after, reason: $reason})
                """).bindAll(params).run();
        return rows.size();
    }

    /** The subject's changes, oldest first. */
    @Transactional(readOnly = true)
    public List<Change> of(String subjectId) {
        return List.copyOf(neo4j.query("""
                MATCH (c:LedgerChange {subjectId: $subject})
                RETURN c ORDER BY c.at, c.seq
                """).bind(subjectId).to("subject").fetchAs(Change.class).mappedBy((t, r) -> {
            var c = r.get("c");
            return new Change(c.get("at").asOffsetDateTime().toInstant(), c.get("by").asString(null),
                    c.get("field").asString(), c.get("fieldZh").asString(null), c.get("before").asString(null),
                    c.get("after").asString(null), c.get("reason").asString(null));
        }).all());
    }

    static String show(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (v instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : String.join(";", l.stream().map(String::valueOf).toList());
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }
}
