package com.chainatlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import com.chainatlas.security.AuditAction;
import com.chainatlas.security.AuditLog;
import com.chainatlas.security.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The import queue. One worker thread: imports into the database run one after another (serialised), so
 * two files never interleave their writes; an upload of a file that is already queued or running (same
 * format, same content) is refused with 409, and so is an upload when the queue is full. Jobs run
 * independently of the HTTP request that submitted them.
 *
 * <p>A watchdog ends a running job that has made no progress (phase or rows) for {@code stuckAfter} as FAILED,
 * interrupts it and, if its thread does not come back, gives the queue a fresh worker thread: a stuck job can
 * neither hold a queue place nor block the imports behind it.
 */
@Component
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportService service;
    private final ImportSettings settings;
    private ExecutorService worker = newWorker();
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    private final ImportHistory history;
    private final Clock clock;
    private final ScheduledExecutorService watchdog;
    /** The running job as the watchdog last saw it, and since when it has looked so. */
    private String watchedState;
    private Instant watchedSince;

    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history) {
        this(service, settings, history, Clock.systemUTC(), true);
    }

    @Autowired
    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history, Clock clock) {
        this(service, settings, history, clock, true);
    }

    /** @param scheduled whether the watchdog runs by itself (tests call {@link #failStuckJobs()} at a set clock) */
    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history, Clock clock, boolean scheduled) {
        this.service = service;
        this.settings = settings;
        this.history = history;
        this.clock = clock;
        if (scheduled) {
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "import-watchdog");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, Math.min(30_000, settings.stuckAfter().toMillis() / 4));
            watchdog.scheduleWithFixedDelay(this::failStuckJobsQuietly, period, period, TimeUnit.MILLISECONDS);
        } else {
            watchdog = null;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Queues an import of {@code file} (taken over: deleted when the job ends).
     *
     * @throws ApiProblem 404 for an unknown format, 409 when the same file is already being imported or the
     *                    queue is full
     */
    public ImportJob.View submit(String formatId, Path file, String fileName, String sha256, boolean dryRun) {
        return submit(formatId, file, fileName, sha256, dryRun, null, null);
    }

    /**
     * As {@link #submit(String, Path, String, String, boolean)}, with the chain the file's names are looked up in
     * (null: the rows say) and who uploaded it (null: not said).
     */
    public synchronized ImportJob.View submit(String formatId, Path file, String fileName, String sha256, boolean dryRun,
                                              String chain, String submittedBy) {
        ImportFormat format = ImportFormats.find(formatId).orElseThrow(() -> {
            deleteQuietly(file);
            return ApiProblem.notFound("导入类型", "Import format", formatId);
        });
        long waiting = jobs.values().stream().filter(j -> !j.finished()).count();
        Optional<ImportJob> same = jobs.values().stream()
                .filter(j -> !j.finished() && j.format == format && j.sha256.equals(sha256) && !j.dryRun && !dryRun).findFirst();
        if (same.isPresent()) {
            deleteQuietly(file);
            throw new ApiProblem(HttpStatus.CONFLICT, "同一文件正在导入中 (任务 " + same.get().id + ")，请等待其完成",
                    "The same file is already being imported (job " + same.get().id + ")");
        }
        if (waiting >= settings.maxQueuedJobs()) {
            deleteQuietly(file);
            throw new ApiProblem(HttpStatus.CONFLICT, "导入队列已满 (" + waiting + " 个任务排队)，请稍后再试",
                    "The import queue is full (" + waiting + " jobs waiting); try again later");
        }
        ImportJob job = new ImportJob(UUID.randomUUID().toString(), format, fileName, file, sha256, dryRun);
        job.chain = chain;
        job.submittedBy = submittedBy;
        job.account = com.chainatlas.security.CurrentAccount.username();
        jobs.put(job.id, job);
        trim();
        worker.execute(() -> runJob(job));
        return job.view();
    }

    private void runJob(ImportJob job) {
        try {
            if (!job.finished()) {
                service.run(job);
            }
        } catch (Throwable e) { // ImportService.run ends the job itself; this is the last line of defence
            log.error("Import {} ended abnormally", job.id, e);
            job.finish(ImportJob.Phase.FAILED, new ImportJob.ImportResult(false, "", 0, 0, 0, List.of(), false,
                    List.of(), java.util.Set.of(), false, "导入失败，未写入任何数据", "Import failed; nothing was written"));
        } finally {
            deleteQuietly(job.file);
            record(job);
            audit(job);
        }
    }

    /**
     * Ends the running job as FAILED when it has shown no progress for {@code stuckAfter}; returns how many
     * jobs it ended (0 or 1: jobs run one at a time).
     */
    synchronized int failStuckJobs() {
        ImportJob running = jobs.values().stream()
                .filter(j -> !j.finished() && j.startedAt != null).findFirst().orElse(null); // taken by the worker
        Instant now = clock.instant();
        if (running == null) {
            watchedState = null;
            return 0;
        }
        String state = running.id + "/" + running.phase + "/" + running.rowsDone.get();
        if (!state.equals(watchedState)) {
            watchedState = state;
            watchedSince = now;
            return 0;
        }
        Duration still = Duration.between(watchedSince, now);
        if (still.compareTo(settings.stuckAfter()) < 0) {
            return 0;
        }
        ImportJob.Phase phase = running.phase;
        long minutes = Math.max(1, still.toMinutes());
        boolean ended = running.abandon(new ImportJob.ImportResult(false, "", 0, 0, 0, List.of(), false, List.of(),
                java.util.Set.of(), false,
                "导入任务已有 " + minutes + " 分钟没有进展 (阶段 " + phase + ")，已终止"
                        + (phase == ImportJob.Phase.WRITING ? "；已校验的数据会在下次导入或重启时自动补全或回滚" : "，未写入任何数据"),
                "The import made no progress for " + minutes + " min (phase " + phase + ") and was ended"));
        if (!ended) {
            return 0;
        }
        log.error("Import {} ({}, {}) made no progress for {} in phase {}: ended as FAILED; its worker is interrupted",
                running.id, running.format.id(), running.fileName, still, phase);
        watchedState = null;
        // a fresh worker takes over the jobs queued behind it; the old thread is interrupted and, if it ever
        // returns, writes nothing (the job is abandoned)
        List<Runnable> queued = worker.shutdownNow();
        worker = newWorker();
        queued.forEach(worker::execute);
        return 1;
    }

    private void failStuckJobsQuietly() {
        try {
            failStuckJobs();
        } catch (RuntimeException e) {
            log.warn("Import watchdog check failed", e);
        }
    }

    public Optional<ImportJob.View> find(String id) {
        synchronized (this) {
            ImportJob job = jobs.get(id);
            if (job != null) {
                return Optional.of(job.view());
            }
        }
        return history.find(id);
    }

    /** Runs {@code action} when no import is queued or running (new uploads wait meanwhile); 409 otherwise. */
    public synchronized <T> T whileIdle(java.util.function.Supplier<T> action) {
        long busy = jobs.values().stream().filter(j -> !j.finished()).count();
        if (busy > 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "有 " + busy + " 个导入任务未完成，请等待其完成后再试",
                    busy + " import jobs are still queued or running");
        }
        return action.get();
    }

    /** Who may be told of finished jobs (absent in harness tests that build ImportJobs by hand). */
    private AuditLog audit;

    @Autowired(required = false)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    /** The outcome of a finished job in the audit log, under the account that started it. */
    private void audit(ImportJob job) {
        if (audit != null) {
            ImportJob.Phase phase = job.phase;
            audit.record(job.account, AuditAction.IMPORT, job.format.id() + ": " + job.fileName,
                    "任务 " + job.id + (job.dryRun ? "（试运行）" : "") + " 结束: " + phase,
                    phase == ImportJob.Phase.DONE ? AuditOutcome.OK : AuditOutcome.FAILED, null);
        }
    }

    /** Stores a finished job in the history; a database problem costs the record, never the job's outcome. */
    private void record(ImportJob job) {
        try {
            history.save(job);
            job.recorded = true;
        } catch (RuntimeException e) {
            log.warn("Could not store import job {} in the history", job.id, e);
        }
    }

    synchronized Optional<ImportJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * One page of jobs, newest first: those still queued or running (or not yet stored), then the stored
     * history. The total may count a job twice for the moment its record is being stored.
     */
    public PageResult<ImportJob.View> recent(Paging paging) {
        return recent(paging, null);
    }

    /** Newest first, only the jobs of {@code submittedBy} when it is given (null = everyone's). */
    public PageResult<ImportJob.View> recent(Paging paging, String submittedBy) {
        int size = paging.size();
        List<ImportJob.View> running = new ArrayList<>();
        synchronized (this) {
            // finished jobs are listed from here until their record is stored
            jobs.values().stream().filter(j -> !j.finished() || !j.recorded)
                    .filter(j -> submittedBy == null || submittedBy.equals(j.submittedBy))
                    .forEach(j -> running.add(0, ImportJob.summary(j.view())));
        }
        long stored = history.count(submittedBy);
        long from = paging.skip();
        List<ImportJob.View> views = new ArrayList<>();
        for (long i = from; i < Math.min(running.size(), from + size); i++) {
            views.add(running.get((int) i));
        }
        if (views.size() < size) {
            long skip = Math.max(0, from - running.size());
            java.util.Set<String> listed = new java.util.HashSet<>();
            running.forEach(v -> listed.add(v.id()));
            history.page(skip, size - views.size(), submittedBy).stream().filter(v -> !listed.contains(v.id()))
                    .map(ImportJob::summary).forEach(views::add);
        }
        return new PageResult<>(views, paging.page(), size, running.size() + stored);
    }

    /** The first page of {@link #recent(Paging)}. */
    public List<ImportJob.View> recent() {
        return recent(new Paging(0, 50)).items();
    }

    /** Waits until a job has finished (for tests and the benchmark); returns its final view. */
    public ImportJob.View await(String id, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            ImportJob.View v = find(id).orElseThrow();
            if (v.phase() == ImportJob.Phase.DONE || v.phase() == ImportJob.Phase.REJECTED || v.phase() == ImportJob.Phase.FAILED) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("import " + id + " did not finish in " + timeoutMillis + " ms");
    }

    private void trim() {
        var it = jobs.values().iterator();
        int excess = jobs.size() - settings.keepJobs();
        while (excess > 0 && it.hasNext()) {
            if (it.next().finished()) {
                it.remove();
                excess--;
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("could not delete {}", file, e);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        if (watchdog != null) {
            watchdog.shutdownNow();
        }
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
