package com.chainatlas.ingest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import queue in the database, shared by every app instance: one {@code (:QueuedImport)} node per job that is
 * waiting ({@code state: 'WAITING'}) or running ({@code state: 'RUNNING'}, with its {@code worker} instance, phase,
 * progress and {@code heartbeatAt}); a finished job moves to the history ({@link ImportHistory#save}, which deletes
 * the node in the same statement). Every statement that decides something first writes the one
 * {@code (:ImportQueue {id: 'imports'})} node, which takes its write lock, so the 409 rules (same file already
 * queued, queue full, paused for a sample-data removal) hold across instances and two submissions never both pass.
 * Each method is one statement, i.e. one transaction.
 */
@Component
class ImportQueue {

    private final Neo4jClient neo4j;

    ImportQueue(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** What {@link #enqueue} decided: queued, or why not. */
    record Decision(boolean queued, String sameJobId, long waiting, boolean paused) {
    }

    /** Queues the job unless the same file (format + SHA-256, both not dry runs) is queued, the queue is full or paused. */
    Decision enqueue(String id, ImportFormat format, String fileName, String sha256, boolean dryRun, String chain,
                     String submittedBy, String account, int chunks, int maxQueued) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("format", format.id());
        p.put("fileName", fileName);
        p.put("sha256", sha256);
        p.put("dryRun", dryRun);
        p.put("chain", chain);
        p.put("submittedBy", submittedBy);
        p.put("account", account);
        p.put("chunks", chunks);
        p.put("state", "WAITING");
        p.put("phase", ImportJob.Phase.QUEUED.name());
        p.put("submittedAt", ZonedDateTime.now(ZoneOffset.UTC));
        Map<String, Object> r = neo4j.query("""
                MERGE (q:ImportQueue {id: 'imports'})
                SET q.seq = coalesce(q.seq, 0) + 1
                WITH q
                OPTIONAL MATCH (w:QueuedImport)
                WITH q, collect(w) AS waiting
                WITH q, waiting, q.pausedUntil IS NOT NULL AND q.pausedUntil > timestamp() AS paused,
                     [w IN waiting WHERE NOT $p.dryRun AND NOT w.dryRun AND w.format = $p.format AND w.sha256 = $p.sha256][0] AS same
                FOREACH (_ IN CASE WHEN same IS NULL AND NOT paused AND size(waiting) < $max THEN [1] ELSE [] END |
                    CREATE (j:QueuedImport) SET j = $p, j.seq = q.seq)
                RETURN same.id AS same, size(waiting) AS waiting, paused
                """).bind(p).to("p").bind(maxQueued).to("max").fetch().one().orElseThrow();
        String same = (String) r.get("same");
        long waiting = ((Number) r.get("waiting")).longValue();
        boolean paused = Boolean.TRUE.equals(r.get("paused"));
        return new Decision(same == null && !paused && waiting < maxQueued, same, waiting, paused);
    }

    /**
     * Takes the oldest waiting job for {@code worker}; empty when none waits (or another claim took it first), and also
     * while a job still runs: one job at a time per database, so a new lease holder first waits until the job of the
     * instance it took over from has been ended (as that instance's orphan) or has finished.
     */
    Optional<Map<String, Object>> claim(String worker) {
        return neo4j.query("""
                MATCH (j:QueuedImport {state: 'WAITING'})
                WHERE NOT EXISTS { MATCH (:QueuedImport {state: 'RUNNING'}) }
                WITH j ORDER BY j.seq LIMIT 1
                SET j.claimedBy = $worker
                WITH j WHERE j.state = 'WAITING'
                SET j.state = 'RUNNING', j.worker = $worker, j.startedAt = datetime(), j.heartbeatAt = timestamp()
                RETURN j {.*} AS j
                """).bind(worker).to("worker").fetchAs(Map.class).mappedBy((t, r) -> r.get("j").asMap()).one()
                .map(m -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> job = (Map<String, Object>) m;
                    return job;
                });
    }

    /** Stores the running job's progress; false when the job is no longer this worker's (another instance ended it). */
    boolean progress(ImportJob job, String worker) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", job.id);
        p.put("worker", worker);
        p.put("phase", job.phase.name());
        p.put("rowsDone", job.rowsDone.get());
        p.put("rowsTotal", job.rowsTotal);
        return neo4j.query("""
                MATCH (j:QueuedImport {id: $p.id, worker: $p.worker})
                SET j.phase = $p.phase, j.rowsDone = $p.rowsDone, j.rowsTotal = $p.rowsTotal, j.heartbeatAt = timestamp()
                RETURN count(j) > 0
                """).bind(p).to("p").fetchAs(Boolean.class).one().orElse(false);
    }

    /**
     * Running jobs whose worker stopped: not among {@code mine} (what this instance runs), and either claimed under
     * this instance's name by an earlier process of it, or silent for longer than {@code staleMillis}.
     */
    List<Map<String, Object>> orphans(String worker, Set<String> mine, long staleMillis) {
        return neo4j.query("""
                MATCH (j:QueuedImport {state: 'RUNNING'})
                WHERE NOT j.id IN $mine AND (j.worker = $worker OR j.heartbeatAt < timestamp() - $stale)
                RETURN j {.*} AS j
                """).bindAll(Map.of("worker", worker, "mine", List.copyOf(mine), "stale", staleMillis))
                .fetchAs(Map.class).mappedBy((t, r) -> r.get("j").asMap()).all().stream()
                .map(m -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> job = (Map<String, Object>) m;
                    return job;
                }).toList();
    }

    /**
     * Marks a running job's data as written (call inside the transaction that commits its last rows): an instance
     * that ends the job after its worker stopped can then tell the user the file is in, not that nothing was written.
     */
    static void markWritten(Neo4jClient neo4j, String id, long rows) {
        neo4j.query("MATCH (j:QueuedImport {id: $id}) SET j.written = true, j.rowsWritten = $rows")
                .bindAll(Map.of("id", id, "rows", rows)).run();
    }

    /** Whether any job waits or runs (on any instance). */
    @Transactional(readOnly = true)
    boolean hasWork() {
        return neo4j.query("MATCH (j:QueuedImport) RETURN count(j) > 0").fetchAs(Boolean.class).one().orElse(false);
    }

    @Transactional(readOnly = true)
    Optional<ImportJob.View> find(String id) {
        return neo4j.query("MATCH (j:QueuedImport {id: $id}) RETURN j {.*} AS j").bind(id).to("id")
                .fetchAs(ImportJob.View.class).mappedBy((t, r) -> view(r.get("j").asMap())).one();
    }

    /** Jobs waiting or running, newest first; only those of {@code submittedBy} when it is given. */
    @Transactional(readOnly = true)
    List<ImportJob.View> list(String submittedBy) {
        return List.copyOf(neo4j.query("""
                MATCH (j:QueuedImport) WHERE $by IS NULL OR j.submittedBy = $by
                RETURN j {.*} AS j ORDER BY j.seq DESC
                """).bind(submittedBy).to("by").fetchAs(ImportJob.View.class)
                .mappedBy((t, r) -> view(r.get("j").asMap())).all());
    }

    /**
     * Pauses the queue for {@code action} if it is empty (no job waiting or running on any instance): new uploads are
     * refused meanwhile. Returns how many jobs are busy (the queue is paused only when 0).
     */
    long pauseIfIdle(String worker, long ttlMillis) {
        return neo4j.query("""
                MERGE (q:ImportQueue {id: 'imports'})
                SET q.seq = coalesce(q.seq, 0)
                WITH q
                OPTIONAL MATCH (w:QueuedImport)
                WITH q, count(w) + CASE WHEN q.pausedUntil > timestamp() AND q.pausedBy <> $worker THEN 1 ELSE 0 END AS busy
                FOREACH (_ IN CASE WHEN busy = 0 THEN [1] ELSE [] END |
                    SET q.pausedUntil = timestamp() + $ttl, q.pausedBy = $worker)
                RETURN busy
                """).bindAll(Map.of("worker", worker, "ttl", ttlMillis)).fetchAs(Long.class).one().orElse(0L);
    }

    void resume(String worker) {
        neo4j.query("MATCH (q:ImportQueue {id: 'imports', pausedBy: $worker}) REMOVE q.pausedUntil, q.pausedBy")
                .bind(worker).to("worker").run();
    }

    /** A job as it is stored, for the status endpoint of any instance. */
    static ImportJob.View view(Map<String, Object> j) {
        String formatId = (String) j.get("format");
        String formatZh = ImportFormats.find(formatId).map(ImportFormat::zh).orElse(formatId);
        return new ImportJob.View((String) j.get("id"), formatId, formatZh, (String) j.get("fileName"),
                Boolean.TRUE.equals(j.get("dryRun")), ImportJob.Phase.valueOf((String) j.get("phase")),
                num(j, "rowsDone"), num(j, "rowsTotal"), instant(j.get("submittedAt")), instant(j.get("startedAt")),
                null, null, Map.of(), null, (String) j.get("chain"), (String) j.get("submittedBy"));
    }

    static long num(Map<String, Object> j, String key) {
        return j.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static Instant instant(Object v) {
        return v instanceof ZonedDateTime z ? z.toInstant() : v instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
    }
}
