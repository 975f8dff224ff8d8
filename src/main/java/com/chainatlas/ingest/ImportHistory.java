package com.chainatlas.ingest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finished import jobs as {@code (:ImportJobRecord)} nodes, so the history (who, when, file, format, rows,
 * result, problems) survives a restart. Problems and warnings are stored as parallel list properties, the first
 * {@link #MAX_STORED} of each with their full count.
 */
@Component
class ImportHistory {

    static final int MAX_STORED = 1_000;

    private final Neo4jClient neo4j;

    ImportHistory(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Neo4jClient neo4j() {
        return neo4j;
    }

    /** A stored job: its view and the problems kept for the report. */
    record Stored(ImportJob.View view, String formatId) {
    }

    void save(ImportJob job) {
        ImportJob.ImportResult r = job.result;
        Map<String, Object> p = new HashMap<>();
        p.put("id", job.id);
        p.put("format", job.format.id());
        p.put("fileName", job.fileName);
        p.put("dryRun", job.dryRun);
        p.put("phase", job.phase.name());
        p.put("chain", job.chain);
        p.put("submittedBy", job.submittedBy);
        p.put("worker", job.worker);
        p.put("submittedAt", time(job.submittedAt));
        p.put("startedAt", time(job.startedAt));
        p.put("finishedAt", time(job.finishedAt));
        p.put("rowsTotal", job.rowsTotal);
        p.put("phaseMillis", job.phaseMillis.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).toList());
        if (r != null) {
            p.put("written", r.written());
            p.put("fileKind", r.fileKind());
            p.put("rowsRead", r.rowsRead());
            p.put("rowsWritten", r.rowsWritten());
            p.put("problemCount", r.problemCount());
            p.put("warningCount", r.warningCount());
            p.put("ignoredColumns", r.ignoredColumns());
            p.put("chainIds", List.copyOf(r.chainIds()));
            p.put("staged", r.staged());
            p.put("messageZh", r.messageZh());
            p.put("messageEn", r.messageEn());
            putProblems(p, "problem", r.problems());
            putProblems(p, "warning", r.warnings());
        }
        // the job leaves the shared queue in the same transaction as it enters the history: never in both, never lost
        neo4j.query("""
                MERGE (j:ImportJobRecord {id: $p.id}) SET j += $p
                WITH j OPTIONAL MATCH (q:QueuedImport {id: $p.id}) DELETE q
                """).bind(p).to("p").run();
    }

    /** Stored jobs, only those of {@code submittedBy} when it is given. */
    @Transactional(readOnly = true)
    long count(String submittedBy) {
        return neo4j.query("MATCH (j:ImportJobRecord) WHERE $by IS NULL OR j.submittedBy = $by RETURN count(j)")
                .bind(submittedBy).to("by").fetchAs(Long.class).one().orElse(0L);
    }

    /** Newest first, only those of {@code submittedBy} when it is given. */
    @Transactional(readOnly = true)
    List<ImportJob.View> page(long skip, int limit, String submittedBy) {
        return neo4j.query("""
                MATCH (j:ImportJobRecord) WHERE $by IS NULL OR j.submittedBy = $by
                RETURN j ORDER BY j.submittedAt DESC, j.id SKIP $skip LIMIT $limit
                """).bind(skip).to("skip").bind(limit).to("limit").bind(submittedBy).to("by")
                .fetchAs(ImportJob.View.class).mappedBy((types, record) -> view(record.get("j").asMap())).all()
                .stream().toList();
    }

    @Transactional(readOnly = true)
    Optional<ImportJob.View> find(String id) {
        return neo4j.query("MATCH (j:ImportJobRecord {id: $id}) RETURN j").bind(id).to("id")
                .fetchAs(ImportJob.View.class).mappedBy((types, record) -> view(record.get("j").asMap())).one();
    }

    private static void putProblems(Map<String, Object> p, String prefix, List<Problem> problems) {
        List<Problem> kept = problems.subList(0, Math.min(problems.size(), MAX_STORED));
        p.put(prefix + "Rows", kept.stream().map(Problem::row).toList());
        p.put(prefix + "Columns", kept.stream().map(Problem::column).toList());
        p.put(prefix + "Headers", kept.stream().map(Problem::header).toList());
        p.put(prefix + "Values", kept.stream().map(Problem::value).toList());
        p.put(prefix + "Reasons", kept.stream().map(Problem::reason).toList());
    }

    @SuppressWarnings("unchecked")
    private static List<Problem> problems(Map<String, Object> j, String prefix) {
        List<Object> rows = (List<Object>) j.getOrDefault(prefix + "Rows", List.of());
        List<Problem> list = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            list.add(new Problem(((Number) rows.get(i)).intValue(), str(j, prefix + "Columns", i), str(j, prefix + "Headers", i),
                    str(j, prefix + "Values", i), str(j, prefix + "Reasons", i)));
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    private static String str(Map<String, Object> j, String key, int i) {
        List<Object> l = (List<Object>) j.getOrDefault(key, List.of());
        return i < l.size() && l.get(i) != null ? l.get(i).toString() : "";
    }

    @SuppressWarnings("unchecked")
    private static ImportJob.View view(Map<String, Object> j) {
        String formatId = (String) j.get("format");
        String formatZh = ImportFormats.find(formatId).map(ImportFormat::zh).orElse(formatId);
        ImportJob.ImportResult result = null;
        if (j.containsKey("rowsRead")) {
            List<Problem> problems = problems(j, "problem");
            long problemCount = num(j, "problemCount");
            result = new ImportJob.ImportResult(Boolean.TRUE.equals(j.get("written")), (String) j.get("fileKind"),
                    num(j, "rowsRead"), num(j, "rowsWritten"), problemCount, problems, problemCount > problems.size(),
                    (List<String>) j.getOrDefault("ignoredColumns", List.of()),
                    java.util.Set.copyOf((List<String>) j.getOrDefault("chainIds", List.of())),
                    Boolean.TRUE.equals(j.get("staged")), (String) j.get("messageZh"), (String) j.get("messageEn"),
                    num(j, "warningCount"), problems(j, "warning"));
        }
        Map<ImportJob.Phase, Long> millis = new LinkedHashMap<>();
        for (Object e : (List<Object>) j.getOrDefault("phaseMillis", List.of())) {
            String[] kv = e.toString().split("=", 2);
            millis.put(ImportJob.Phase.valueOf(kv[0]), Long.parseLong(kv[1]));
        }
        String id = (String) j.get("id");
        return new ImportJob.View(id, formatId, formatZh, (String) j.get("fileName"), Boolean.TRUE.equals(j.get("dryRun")),
                ImportJob.Phase.valueOf((String) j.get("phase")), result == null ? 0 : result.rowsRead(), num(j, "rowsTotal"),
                instant(j.get("submittedAt")), instant(j.get("startedAt")), instant(j.get("finishedAt")), result, millis,
                ImportJob.reportLink(id, result), (String) j.get("chain"), (String) j.get("submittedBy"));
    }

    private static long num(Map<String, Object> j, String key) {
        Object v = j.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static ZonedDateTime time(Instant t) {
        return t == null ? null : t.atZone(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(Object v) {
        return v instanceof ZonedDateTime z ? z.toInstant() : v instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
    }
}
