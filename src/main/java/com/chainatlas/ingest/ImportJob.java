package com.chainatlas.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** One import's state, updated by the worker and read by the status endpoint. */
final class ImportJob {

    /** Where a job is; the UI shows a progress bar from rowsDone/rowsTotal within a phase. */
    enum Phase { QUEUED, COUNTING, VALIDATING, WRITING, DONE, REJECTED, FAILED }

    final String id;
    final ImportFormat format;
    final String fileName;
    final Path file;
    final String sha256;
    final boolean dryRun;
    volatile Instant submittedAt = Instant.now();
    final AtomicLong rowsDone = new AtomicLong();
    volatile Phase phase = Phase.QUEUED;
    volatile long rowsTotal;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile ImportResult result;
    /** The chain (id or name) the file's segment/product names are looked up in, when its rows name none. */
    volatile String chain;
    /** Who uploaded the file, as the client said (there are no accounts): shown in the import history. */
    volatile String submittedBy;
    /** The signed-in account that started the job (audit), captured on the request thread. */
    volatile String account;
    /** Validation warnings (the file is still written), set once validation has finished. */
    volatile long warningCount;
    volatile List<Problem> warnings = List.of();
    /** The instance that ran the job (stored in the history). */
    volatile String worker;
    /** Stored in the import history (then listed from there). */
    volatile boolean recorded;
    /** The watchdog ended the job: its worker must not write or report any more. */
    private volatile boolean abandoned;
    /** Milliseconds spent in each finished phase, in order (for the UI and the benchmark). */
    final Map<Phase, Long> phaseMillis = Collections.synchronizedMap(new LinkedHashMap<>());
    private long phaseStarted = System.nanoTime();

    ImportJob(String id, ImportFormat format, String fileName, Path file, String sha256, boolean dryRun) {
        this.id = id;
        this.format = format;
        this.fileName = fileName;
        this.file = file;
        this.sha256 = sha256;
        this.dryRun = dryRun;
    }

    /** Moves to the next phase, recording how long the previous one took. */
    void enter(Phase next) {
        long now = System.nanoTime();
        if (phase != Phase.QUEUED) {
            phaseMillis.merge(phase, (now - phaseStarted) / 1_000_000, Long::sum);
        }
        phaseStarted = now;
        phase = next;
    }

    /** Rows done; stops the worker of an abandoned job. */
    void progress(long rows) {
        if (abandoned) {
            throw new IllegalStateException("import job " + id + " was ended by the watchdog");
        }
        rowsDone.addAndGet(rows);
    }

    boolean abandoned() {
        return abandoned;
    }

    /** Ends the job once: whichever of the worker and the watchdog comes first decides its outcome. */
    synchronized boolean finish(Phase last, ImportResult outcome) {
        if (finished()) {
            return false;
        }
        result = outcome;
        finishedAt = Instant.now();
        enter(last);
        return true;
    }

    /** The watchdog's verdict: FAILED, and the worker is told to stop. */
    synchronized boolean abandon(ImportResult outcome) {
        if (finished()) {
            return false;
        }
        abandoned = true;
        return finish(Phase.FAILED, outcome);
    }

    boolean finished() {
        return phase == Phase.DONE || phase == Phase.REJECTED || phase == Phase.FAILED;
    }

    /** What the job produced: counts, and every problem (up to {@link #MAX_LISTED}) when rejected. */
    record ImportResult(boolean written, String fileKind, long rowsRead, long rowsWritten, long problemCount,
                        List<Problem> problems, boolean problemsTruncated, List<String> ignoredColumns,
                        Set<String> chainIds, boolean staged, String messageZh, String messageEn,
                        long warningCount, List<Problem> warnings) {
        /** Problems (and warnings) kept per job; the counts say how many more there were. */
        static final int MAX_LISTED = 1_000;

        ImportResult {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** A result without warnings. */
        ImportResult(boolean written, String fileKind, long rowsRead, long rowsWritten, long problemCount,
                     List<Problem> problems, boolean problemsTruncated, List<String> ignoredColumns,
                     Set<String> chainIds, boolean staged, String messageZh, String messageEn) {
            this(written, fileKind, rowsRead, rowsWritten, problemCount, problems, problemsTruncated, ignoredColumns,
                    chainIds, staged, messageZh, messageEn, 0, List.of());
        }

        /** The counts without the listed problems and warnings (the jobs list: a job's page has them). */
        ImportResult withoutLists() {
            return new ImportResult(written, fileKind, rowsRead, rowsWritten, problemCount, List.of(), problemCount > 0,
                    ignoredColumns, chainIds, staged, messageZh, messageEn, warningCount, List.of());
        }

        /** The same result with the validation's warnings (e.g. mutual flows), which do not stop the import. */
        ImportResult withWarnings(long count, List<Problem> list) {
            return new ImportResult(written, fileKind, rowsRead, rowsWritten, problemCount, problems, problemsTruncated,
                    ignoredColumns, chainIds, staged, count == 0 ? messageZh : messageZh + "；" + count + " 条提示",
                    count == 0 ? messageEn : messageEn + "; " + count + " warnings", count, list);
        }
    }

    /** JSON view of a job. */
    record View(String id, String format, String formatZh, String fileName, boolean dryRun, Phase phase,
                long rowsDone, long rowsTotal, Instant submittedAt, Instant startedAt, Instant finishedAt,
                ImportResult result, Map<Phase, Long> phaseMillis, String reportXlsx, String chain, String submittedBy) {
    }

    /** A view for lists: the same without the problem and warning lists. */
    static View summary(View v) {
        return v.result() == null ? v : new View(v.id(), v.format(), v.formatZh(), v.fileName(), v.dryRun(), v.phase(),
                v.rowsDone(), v.rowsTotal(), v.submittedAt(), v.startedAt(), v.finishedAt(), v.result().withoutLists(),
                v.phaseMillis(), v.reportXlsx(), v.chain(), v.submittedBy());
    }

    View view() {
        return new View(id, format.id(), format.zh(), fileName, dryRun, phase, rowsDone.get(), rowsTotal, submittedAt,
                startedAt, finishedAt, result, Map.copyOf(phaseMillis), reportLink(id, result), chain, submittedBy);
    }

    static String reportLink(String id, ImportResult result) {
        return result != null && (result.problemCount() > 0 || result.warningCount() > 0)
                ? "/api/import/jobs/" + id + "/report.xlsx" : null;
    }
}
