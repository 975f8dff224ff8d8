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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The import queue. One worker thread: imports into the database run one after another (serialised), so
 * two files never interleave their writes; an upload of a file that is already queued or running (same
 * format, same content) is refused with 409, and so is an upload when the queue is full. Jobs run
 * independently of the HTTP request that submitted them.
 */
@Component
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportService service;
    private final ImportSettings settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-worker");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ImportJob> jobs = new LinkedHashMap<>();

    private final ImportHistory history;

    ImportJobs(ImportService service, ImportSettings settings, ImportHistory history) {
        this.service = service;
        this.settings = settings;
        this.history = history;
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
        jobs.put(job.id, job);
        trim();
        worker.submit(() -> {
            try {
                service.run(job);
            } finally {
                deleteQuietly(job.file);
                record(job);
            }
        });
        return job.view();
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
                    .filter(j -> submittedBy == null || submittedBy.equals(j.submittedBy)).forEach(j -> running.add(0, j.view()));
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
            history.page(skip, size - views.size(), submittedBy).stream().filter(v -> !listed.contains(v.id())).forEach(views::add);
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
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
