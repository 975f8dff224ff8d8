package com.chainatlas.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ClusterLease;
import com.chainatlas.system.InstanceIdentity;
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
 * The import queue, shared by every app instance through the database ({@link ImportQueue}; the uploaded files in
 * {@link ImportUploads}). Any instance takes uploads; the 409 rules (the same file already queued or running, the
 * queue full) are decided in the database. Jobs run one at a time per database: only the holder of the cluster-wide
 * lease {@value #LEASE} ({@link ClusterLease}) takes waiting jobs, one after another on its single worker thread; the
 * others only renew-or-try the lease on their tick and serve status from the database. A crashed holder's lease
 * expires after {@link ImportSettings#leaseTtl()}; the next holder ends the crashed instance's running job as FAILED
 * (its journal, if it got that far, is completed by the instance that owns the spill file) and carries on with the
 * queue. Jobs run independently of the HTTP request that submitted them.
 *
 * <p>A watchdog ends a running job that has made no progress (phase or rows) for {@code stuckAfter} as FAILED,
 * interrupts it and, if its thread does not come back, gives the queue a fresh worker thread: a stuck job can
 * neither hold a queue place nor block the imports behind it.
 */
@Component
public class ImportJobs implements DisposableBean {

    static final String LEASE = "import-worker";
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportService service;
    private final ImportSettings settings;
    private final ImportHistory history;
    private final ImportQueue queue;
    private final ImportUploads uploads;
    private final ClusterLease lease;
    private final Clock clock;
    private ExecutorService worker = newWorker();
    /** Jobs this instance runs or ran and has not yet stored in the history. */
    private final Map<String, ImportJob> local = new LinkedHashMap<>();
    /** The job on this instance's worker thread, or null. */
    private ImportJob running;
    private boolean holding;
    private long lastRenewal;
    private volatile boolean closed;

    private final ScheduledExecutorService ticker;
    /** The running job as the watchdog last saw it, and since when it has looked so. */
    private String watchedState;
    private Instant watchedSince;

    /** Without Spring (tests): the queue on the history's database, a lease under a fresh instance name. */
    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history) {
        this(service, settings, history, Clock.systemUTC(), true);
    }

    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history, Clock clock, boolean scheduled) {
        this(service, settings, history, clock, new ImportQueue(history.neo4j()), new ImportUploads(history.neo4j()),
                new ClusterLease(history.neo4j(), InstanceIdentity.random()), scheduled);
    }

    @Autowired
    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history, Clock clock, ImportQueue queue,
               ImportUploads uploads, ClusterLease lease) {
        this(service, settings, history, clock, queue, uploads, lease, true);
    }

    /** @param scheduled whether the tick runs by itself (tests call {@link #failStuckJobs()} at a set clock) */
    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history, Clock clock, ImportQueue queue,
               ImportUploads uploads, ClusterLease lease, boolean scheduled) {
        this.service = service;
        this.settings = settings;
        this.history = history;
        this.queue = queue;
        this.uploads = uploads;
        this.lease = lease;
        this.clock = clock;
        if (scheduled) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "import-tick");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, Math.min(settings.tick().toMillis(), settings.stuckAfter().toMillis() / 4));
            ticker.scheduleWithFixedDelay(this::tickQuietly, period, period, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** This instance's name in the lease and in the jobs it runs. */
    String instanceId() {
        return lease.instanceId();
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
    public ImportJob.View submit(String formatId, Path file, String fileName, String sha256, boolean dryRun,
                                 String chain, String submittedBy) {
        ImportFormat format = ImportFormats.find(formatId).orElseThrow(() -> {
            deleteQuietly(file);
            return ApiProblem.notFound("导入类型", "Import format", formatId);
        });
        String id = UUID.randomUUID().toString();
        int chunks;
        try {
            chunks = uploads.store(id, file);
        } catch (IOException | RuntimeException e) {
            log.error("Could not store the upload of {} in the database", fileName, e);
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "上传的文件未能保存，请稍后重试",
                    "The upload could not be stored; try again later");
        } finally {
            deleteQuietly(file);
        }
        ImportQueue.Decision decision;
        try {
            decision = queue.enqueue(id, format, fileName, sha256, dryRun, chain, submittedBy,
                    com.chainatlas.security.CurrentAccount.username(), chunks, settings.maxQueuedJobs());
        } catch (RuntimeException e) {
            uploads.delete(id);
            throw e;
        }
        if (!decision.queued()) {
            uploads.delete(id);
            if (decision.paused()) {
                throw new ApiProblem(HttpStatus.CONFLICT, "正在清除示例数据，请稍后再试",
                        "The sample data is being removed; try again later");
            }
            if (decision.sameJobId() != null) {
                throw new ApiProblem(HttpStatus.CONFLICT, "同一文件正在导入中 (任务 " + decision.sameJobId() + ")，请等待其完成",
                        "The same file is already being imported (job " + decision.sameJobId() + ")");
            }
            throw new ApiProblem(HttpStatus.CONFLICT, "导入队列已满 (" + decision.waiting() + " 个任务排队)，请稍后再试",
                    "The import queue is full (" + decision.waiting() + " jobs waiting); try again later");
        }
        // find(), not the queue alone: a small file may already have run (on any instance) and left the queue
        ImportJob.View queued = find(id).orElseThrow();
        pump();
        return queued;
    }

    /**
     * If this instance holds (or gets) the worker lease and its worker is free, takes the oldest waiting job. Before
     * that, ends the running jobs of stopped instances and, on newly getting the lease, completes crashed imports.
     */
    synchronized void pump() {
        if (closed || running != null) {
            return;
        }
        boolean wasHolding = holding;
        if (!holdLease(true)) {
            return;
        }
        boolean gained = !wasHolding;
        if (gained) {
            recoverQuietly();
        }
        failOrphans();
        Optional<Map<String, Object>> claimed = queue.claim(lease.instanceId());
        if (claimed.isEmpty()) {
            return;
        }
        ImportJob job = fromQueue(claimed.get());
        running = job;
        local.put(job.id, job);
        int chunks = (int) ImportQueue.num(claimed.get(), "chunks");
        worker.execute(() -> runJob(job, chunks));
    }

    /**
     * Keeps, takes or lets go of the worker lease: renewed every third of its time to live while this instance has a
     * job running or waiting in the queue, tried when {@code needed}, left to lapse when there is nothing to do (so an
     * idle cluster writes nothing). Returns whether this instance holds it.
     */
    private synchronized boolean holdLease(boolean needed) {
        long now = System.nanoTime();
        boolean due = now - lastRenewal > settings.leaseTtl().toNanos() / 3;
        if (holding && !due) {
            return true;
        }
        if (!needed) {
            holding = false; // not renewed: it expires by itself
            return false;
        }
        try {
            holding = lease.tryHold(LEASE, settings.leaseTtl());
        } catch (RuntimeException e) {
            log.warn("Import lease check failed: {}", e.getMessage());
            holding = false;
        }
        if (holding) {
            lastRenewal = now;
        }
        return holding;
    }

    private ImportJob fromQueue(Map<String, Object> node) {
        String id = (String) node.get("id");
        ImportFormat format = ImportFormats.find((String) node.get("format")).orElse(null);
        Path file;
        try {
            file = Files.createTempFile("chainatlas-import-", ".upload");
        } catch (IOException e) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "chainatlas-import-" + id + ".upload");
        }
        ImportJob job = new ImportJob(id, format == null ? ImportFormats.ALL.get(0) : format, (String) node.get("fileName"),
                file, (String) node.get("sha256"), Boolean.TRUE.equals(node.get("dryRun")));
        job.chain = (String) node.get("chain");
        job.submittedBy = (String) node.get("submittedBy");
        job.account = (String) node.get("account"); // the signed-in uploader, for the audit on whichever instance runs it
        job.worker = (String) node.get("worker");
        job.startedAt = Instant.now(); // claimed: from here the watchdog watches it (copying the upload included)
        Instant at = ImportQueue.instant(node.get("submittedAt"));
        if (at != null) {
            job.submittedAt = at;
        }
        return job;
    }

    private void runJob(ImportJob job, int chunks) {
        try {
            uploads.copyTo(job.id, chunks, job.file);
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
            synchronized (this) {
                if (running == job) {
                    running = null;
                }
            }
            pump();
        }
    }

    /** Ends, in the history, the running jobs whose instance stopped (it cannot report them any more). */
    private void failOrphans() {
        Set<String> mine = running == null ? Set.of() : Set.of(running.id);
        try {
            for (Map<String, Object> node : queue.orphans(lease.instanceId(), mine, settings.leaseTtl().toMillis())) {
                ImportJob job = fromQueue(node);
                deleteQuietly(job.file);
                ImportJob.Phase phase = ImportJob.Phase.valueOf((String) node.get("phase"));
                job.phase = phase;
                job.startedAt = ImportQueue.instant(node.get("startedAt"));
                job.rowsTotal = ImportQueue.num(node, "rowsTotal");
                Orphan what = orphan(node);
                job.finish(ImportJob.Phase.FAILED, new ImportJob.ImportResult(what.written(), "", 0, what.rowsWritten(), 0,
                        List.of(), false, List.of(), java.util.Set.of(), what.staged(),
                        "运行该任务的实例 (" + node.get("worker") + ") 已停止，任务终止；" + what.zh(),
                        "The instance running the job (" + node.get("worker") + ") stopped; the job was ended; " + what.en()));
                log.warn("Import {} ({}) was running on stopped instance {} (last reported phase {}): ended as FAILED; {}",
                        job.id, job.fileName, node.get("worker"), phase, what.en());
                record(job);
                audit(job);
                if (what.rowsWritten() > 0) {
                    service.dataWrittenByStoppedImport(); // it stopped before it could say so
                }
            }
            uploads.deleteOrphans(Duration.ofHours(1));
        } catch (RuntimeException e) {
            log.warn("Could not end the jobs of stopped instances: {}", e.getMessage());
        }
    }

    /** What a stopped instance's job left in the database, for its FAILED message. */
    private record Orphan(boolean written, long rowsWritten, boolean staged, String zh, String en) {
    }

    /**
     * Decided from the database, not from the job's last reported phase (a heartbeat old by up to a tick): the job's
     * {@code written} mark (set with its last rows), else its journal (rows published of a large file), else nothing.
     */
    private Orphan orphan(Map<String, Object> node) {
        if (Boolean.TRUE.equals(node.get("written"))) {
            long rows = ImportQueue.num(node, "rowsWritten");
            return new Orphan(true, rows, false, "文件的数据已全部写入 (" + rows + " 行)，无需重新导入",
                    "all " + rows + " rows had been written; no need to import it again");
        }
        Optional<ImportStaging.Journal> journal = service.journal((String) node.get("id"));
        if (journal.isEmpty()) {
            return new Orphan(false, 0, false, "未写入任何数据，请重新上传文件", "nothing was written; upload the file again");
        }
        ImportStaging.Journal j = journal.get();
        if (j.published() >= j.rows()) {
            return new Orphan(true, j.published(), true, "文件的数据已全部写入 (" + j.published() + " 行)，无需重新导入",
                    "all " + j.published() + " rows had been written; no need to import it again");
        }
        return new Orphan(false, j.published(), true, "已写入 " + j.published() + " / " + j.rows()
                + " 行，其余行会在该实例重启时自动补全",
                j.published() + " of " + j.rows() + " rows were written; the rest are written when that instance restarts");
    }

    private void recoverQuietly() {
        try {
            int completed = service.recover();
            if (completed > 0) {
                log.info("Completed {} interrupted import(s) on taking the import lease", completed);
            }
        } catch (RuntimeException e) {
            if (com.chainatlas.system.DatabaseOutage.is(e)) {
                // the database is unreachable (or this app is stopping): expected, retried, no stack trace
                log.warn("Import recovery failed, database unavailable; it is retried before the next import: {}", e.getMessage());
            } else {
                log.error("Import recovery failed; it is retried before the next import", e);
            }
        }
    }

    /** One tick: the running job's progress for other instances, the lease and the next job, the watchdog. */
    void tick() {
        ImportJob job;
        synchronized (this) {
            job = running;
        }
        if (job != null && !job.finished()) {
            if (!queue.progress(job, lease.instanceId())) {
                log.error("Import {} was ended by another instance (this one lost the import lease); stopping it", job.id);
                job.abandon(new ImportJob.ImportResult(false, "", 0, 0, 0, List.of(), false, List.of(), java.util.Set.of(),
                        false, "本实例失去了导入锁，任务终止", "This instance lost the import lease; the job was ended"));
            }
        }
        // the lease is renewed while a job runs (else another instance would start the next job meanwhile) and
        // tried when jobs wait; the queue is looked at with a read, which any cluster member serves. With nothing to
        // do, pump() is not called either: it would renew the lease (a write every third of its time to live, and
        // an idle holder would keep the lease for ever, so the other instances never got it)
        boolean work = job != null || queue.hasWork();
        holdLease(work);
        if (work) {
            pump();
        }
        failStuckJobs();
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("Import queue tick failed: {}", e.getMessage());
        }
    }

    /**
     * Ends the running job as FAILED when it has shown no progress for {@code stuckAfter}; returns how many
     * jobs it ended (0 or 1: jobs run one at a time).
     */
    int failStuckJobs() {
        ImportJob stuck;
        synchronized (this) {
            ImportJob job = running != null && !running.finished() && running.startedAt != null ? running : null;
            Instant now = clock.instant();
            if (job == null) {
                watchedState = null;
                return 0;
            }
            String state = job.id + "/" + job.phase + "/" + job.rowsDone.get();
            if (!state.equals(watchedState)) {
                watchedState = state;
                watchedSince = now;
                return 0;
            }
            Duration still = Duration.between(watchedSince, now);
            if (still.compareTo(settings.stuckAfter()) < 0) {
                return 0;
            }
            ImportJob.Phase phase = job.phase;
            long minutes = Math.max(1, still.toMinutes());
            boolean ended = job.abandon(new ImportJob.ImportResult(false, "", 0, 0, 0, List.of(), false, List.of(),
                    java.util.Set.of(), false,
                    "导入任务已有 " + minutes + " 分钟没有进展 (阶段 " + phase + ")，已终止"
                            + (phase == ImportJob.Phase.WRITING ? "；已校验的数据会在下次导入或重启时自动补全或回滚" : "，未写入任何数据"),
                    "The import made no progress for " + minutes + " min (phase " + phase + ") and was ended"));
            if (!ended) {
                return 0;
            }
            log.error("Import {} ({}, {}) made no progress for {} in phase {}: ended as FAILED; its worker is interrupted",
                    job.id, job.format.id(), job.fileName, still, phase);
            watchedState = null;
            // a fresh worker takes the next jobs; the old thread is interrupted and, if it ever returns, writes nothing
            worker.shutdownNow();
            worker = newWorker();
            running = null;
            stuck = job;
        }
        record(stuck);
        pump();
        return 1;
    }

    public Optional<ImportJob.View> find(String id) {
        synchronized (this) {
            ImportJob job = local.get(id);
            if (job != null) {
                return Optional.of(job.view());
            }
        }
        Optional<ImportJob.View> queued = queue.find(id);
        return queued.isPresent() ? queued : history.find(id);
    }

    /**
     * Runs {@code action} when no import is queued or running on any instance (new uploads are refused with 409
     * meanwhile); 409 otherwise.
     */
    public <T> T whileIdle(java.util.function.Supplier<T> action) {
        long busy = queue.pauseIfIdle(lease.instanceId(), Duration.ofMinutes(30).toMillis());
        if (busy > 0) {
            throw new ApiProblem(HttpStatus.CONFLICT, "有 " + busy + " 个导入任务未完成，请等待其完成后再试",
                    busy + " import jobs are still queued or running");
        }
        try {
            return action.get();
        } finally {
            queue.resume(lease.instanceId());
        }
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

    /** Stores a finished job in the history (and out of the queue); a database problem costs the record, never the outcome. */
    private void record(ImportJob job) {
        try {
            history.save(job);
            job.recorded = true;
            synchronized (this) {
                local.remove(job.id);
                trim();
            }
        } catch (RuntimeException e) {
            log.warn("Could not store import job {} in the history", job.id, e);
        }
        try {
            uploads.delete(job.id);
        } catch (RuntimeException e) {
            log.warn("Could not delete the upload of import job {}; it is removed later", job.id, e);
        }
    }

    synchronized Optional<ImportJob> job(String id) {
        return Optional.ofNullable(local.get(id));
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
        Set<String> listed = new HashSet<>();
        synchronized (this) {
            // this instance's own jobs are freshest; finished ones are listed from here until their record is stored
            local.values().stream().filter(j -> submittedBy == null || submittedBy.equals(j.submittedBy))
                    .forEach(j -> {
                        running.add(0, ImportJob.summary(j.view()));
                        listed.add(j.id);
                    });
        }
        queue.list(submittedBy).stream().filter(v -> listed.add(v.id())).forEach(running::add);
        long stored = history.count(submittedBy);
        long from = paging.skip();
        List<ImportJob.View> views = new ArrayList<>();
        for (long i = from; i < Math.min(running.size(), from + size); i++) {
            views.add(running.get((int) i));
        }
        if (views.size() < size) {
            long skip = Math.max(0, from - running.size());
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

    /** Finished jobs whose record could not be stored are kept for status queries, up to {@code keepJobs}. */
    private void trim() {
        var it = local.values().iterator();
        int excess = local.size() - settings.keepJobs();
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
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        try {
            lease.release(LEASE); // the next instance need not wait for it to expire
        } catch (RuntimeException e) {
            log.debug("could not release the import lease", e);
        }
    }
}
