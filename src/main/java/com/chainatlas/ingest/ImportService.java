package com.chainatlas.ingest;

import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

import com.chainatlas.ingest.ImportJob.ImportResult;
import com.chainatlas.ingest.ImportJob.Phase;
import com.chainatlas.ingest.table.TableFileException;
import com.chainatlas.ingest.table.TableReader;
import com.chainatlas.region.RegionCatalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import job: count rows, validate all of them, then write all or nothing.
 *
 * <p><b>All or nothing, also across crashes.</b> A file of up to {@code singleTransactionRows} valid rows is
 * written in one Neo4j transaction: a kill before commit leaves nothing (Neo4j's own recovery drops it).
 * A larger file would need a transaction too big for the heap, so its rows are parked in a spill file
 * ({@link ImportStaging}) while being validated; only when the whole file is valid is a journal written,
 * then batches are published in order, each in a transaction that also records how far it got. After a
 * crash, {@link #recover()} (at start-up, before the web server accepts requests, and before every import)
 * deletes spill files without a journal and completes journaled imports, so after a restart a file is
 * either wholly absent or wholly present.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Neo4jClient neo4j;
    private final TransactionTemplate tx;
    private final Fields fields;
    private final GraphWriters writers;
    private final ImportStaging staging;
    private final ImportSettings settings;
    private final ApplicationEventPublisher events;

    ImportService(Neo4jClient neo4j, PlatformTransactionManager transactions, RegionCatalog regions, GraphWriters writers,
                  ImportStaging staging, ImportSettings settings, ApplicationEventPublisher events) {
        this.neo4j = neo4j;
        this.tx = new TransactionTemplate(transactions);
        this.fields = new Fields(regions);
        this.writers = writers;
        this.staging = staging;
        this.settings = settings;
        this.events = events;
    }

    /** Runs one job to its end (on the import worker thread). Never throws. */
    void run(ImportJob job) {
        job.startedAt = Instant.now();
        RowSink sink = new RowSink(staging, job.id, settings.singleTransactionRows());
        String kind = "";
        try {
            recover();
            TableReader reader = TableReader.open(job.file, job.fileName, settings.tableLimits());
            kind = reader.description();
            job.enter(Phase.COUNTING);
            // a CSV's rows are estimated from its size (a full counting pass cost ~1 % of a large import);
            // the exact number replaces the estimate once validation has read the file
            job.rowsTotal = reader.estimatedDataRows().orElseGet(() -> {
                long[] count = {0};
                reader.read(r -> {
                    count[0]++;
                    job.rowsDone.incrementAndGet(); // progress, for the watchdog
                });
                return Math.max(0, count[0] - 1);
            });
            job.enter(Phase.VALIDATING);
            job.rowsDone.set(0);
            ImportRun run = new ImportRun(job.format, fields, new RefIndex(neo4j, job.format.newRules().writes()), sink, neo4j, settings.chunkRows(),
                    () -> job.progress(1), job.chain);
            ImportRun.Outcome outcome = run.run(reader);
            job.warningCount = outcome.warningCount();
            job.warnings = outcome.warnings();
            job.rowsTotal = outcome.rowsRead();
            if (outcome.problemCount() > 0) {
                finish(job, Phase.REJECTED, new ImportResult(false, kind, outcome.rowsRead(), 0, outcome.problemCount(),
                        outcome.problems(), outcome.problemCount() > outcome.problems().size(), outcome.ignoredColumns(),
                        Set.of(), false, "文件有 " + outcome.problemCount() + " 处问题，未写入任何数据"
                                + (outcome.problemCount() > outcome.problems().size()
                                ? "；列出前 " + outcome.problems().size() + " 处，另有 " + (outcome.problemCount() - outcome.problems().size()) + " 处未列出" : ""),
                        "The file has " + outcome.problemCount() + " problems; nothing was written"));
                return;
            }
            if (job.dryRun) {
                sink.discard();
                finish(job, Phase.DONE, new ImportResult(false, kind, outcome.rowsRead(), 0, 0, List.of(), false,
                        outcome.ignoredColumns(), outcome.chainIds(), false, "校验通过 (试运行，未写入)",
                        "Valid (dry run, nothing written)"));
                return;
            }
            if (job.abandoned()) {
                sink.discard();
                return; // the watchdog gave up on it: nothing is written
            }
            job.enter(Phase.WRITING);
            job.rowsDone.set(0);
            FormatRules<FormatRow> rules = job.format.newRules();
            TouchedEnterprises touched = new TouchedEnterprises(); // lets snapshots apply a delta (issue 14)
            if (sink.spilled()) {
                staging.commit(job.id, job.format.id(), sink.rows());
                publish(rules, job.id, 0, job.rowsDone::addAndGet, null, touched);
                ImportQueue.markWritten(neo4j, job.id, sink.rows()); // before the journal goes: one of the two always says it
                staging.finish(job.id);
            } else {
                List<FormatRow> rows = sink.memoryRows();
                rows.forEach(touched::add);
                tx.executeWithoutResult(status -> {
                    for (int i = 0; i < rows.size(); i += settings.batchRows()) {
                        List<FormatRow> batch = rows.subList(i, Math.min(rows.size(), i + settings.batchRows()));
                        rules.write(batch, writers);
                        job.rowsDone.addAndGet(batch.size());
                    }
                    ImportQueue.markWritten(neo4j, job.id, rows.size()); // committed with the rows, or not at all
                });
            }
            // derived data (analysis snapshots) is invalidated before the job says DONE: DONE means the figures changed
            publishImported(outcome.chainIds(), touched.keys());
            finish(job, Phase.DONE, new ImportResult(true, kind, outcome.rowsRead(), outcome.rowsRead(), 0, List.of(), false,
                    outcome.ignoredColumns(), outcome.chainIds(), sink.spilled(),
                    "已导入 " + outcome.rowsRead() + " 行", "Imported " + outcome.rowsRead() + " rows"));
        } catch (TableFileException e) {
            discardQuietly(sink);
            finish(job, Phase.REJECTED, new ImportResult(false, kind, 0, 0, 1,
                    List.of(new Problem(0, "", "", "", e.detailZh())), false, List.of(), Set.of(), false,
                    e.detailZh(), e.detailEn()));
        } catch (Throwable e) { // an Error too (e.g. OutOfMemoryError): the job must end, with its cause in the log
            if (job.abandoned()) {
                log.warn("Import {} stopped after the watchdog ended it: {}", job.id, e.toString());
            } else {
                log.error("Import {} ({}, {}) failed in phase {}", job.id, job.format.id(), job.fileName, job.phase, e);
            }
            boolean committed = job.phase == Phase.WRITING && sink.spilled();
            if (!committed) {
                discardQuietly(sink);
            } else {
                publishImported(Set.of(), null); // some batches are in: derived data must not keep the old figures
            }
            String why = e instanceof OutOfMemoryError ? "服务器内存不足 (文件过大或单元格内容过多)，" : "";
            finish(job, Phase.FAILED, new ImportResult(false, kind, 0, 0, 0, List.of(), false, List.of(), Set.of(),
                    sink.spilled(), committed ? "写入中断；已校验的数据会在下次导入或重启时自动补全"
                            : "导入失败，" + why + "未写入任何数据",
                    committed ? "Writing was interrupted; it completes at the next import or restart"
                            : "Import failed" + (e instanceof OutOfMemoryError ? " (out of memory)" : "") + "; nothing was written"));
        }
    }

    /**
     * Completes imports a crash left behind (journals: their rows are published to the end) and deletes spill
     * files of imports that never got past validation. Returns how many were completed.
     */
    public synchronized int recover() {
        int completed = 0;
        List<ImportStaging.Journal> journals = staging.journals();
        int orphans = staging.deleteOrphans(journals.stream().map(ImportStaging.Journal::id).collect(Collectors.toSet()));
        if (orphans > 0) {
            log.warn("Deleted {} spill file(s) of imports interrupted while validating (nothing of them was written)", orphans);
        }
        for (ImportStaging.Journal j : journals) {
            var format = ImportFormats.find(j.format());
            if (!Files.exists(staging.spillFile(j.id())) && j.location() != null && !j.location().equals(staging.location())) {
                // another instance's import: its spill file is on that instance's disk; it completes it when it restarts
                log.warn("Import {} ({}) interrupted on {} ({} of {} rows written) waits for that instance to complete it",
                        j.id(), j.format(), j.location(), j.published(), j.rows());
                continue;
            }
            if (format.isEmpty() || !Files.exists(staging.spillFile(j.id()))) {
                log.error("Cannot complete import {} ({}): {}; {} of {} rows were written", j.id(), j.format(),
                        format.isEmpty() ? "unknown format" : "its spill file " + staging.spillFile(j.id()) + " is missing",
                        j.published(), j.rows());
                staging.finish(j.id());
                continue;
            }
            log.warn("Completing import {} ({}) interrupted after validation: {} of {} rows were written",
                    j.id(), j.format(), j.published(), j.rows());
            Set<String> chains = new HashSet<>();
            publish(format.get().newRules(), j.id(), j.published(), n -> { }, chains, null);
            ImportQueue.markWritten(neo4j, j.id(), j.rows()); // its job, still RUNNING in the queue, is ended as written
            staging.finish(j.id());
            events.publishEvent(new DataImportedEvent(chains));
            completed++;
        }
        return completed;
    }

    /** The journal of an import that got past validation and is being (or was being) published; empty otherwise. */
    Optional<ImportStaging.Journal> journal(String importId) {
        return staging.journals().stream().filter(j -> j.id().equals(importId)).findFirst();
    }

    /**
     * Another instance's import wrote data and stopped before it said so (it was killed): derived data must not keep
     * the old figures. Which chains it touched is unknown, so every chain counts as changed.
     */
    void dataWrittenByStoppedImport() {
        publishImported(Set.of(), null);
    }

    /**
     * Writes a spill file's rows from row {@code published} on, one batch per transaction that also advances
     * the journal. The next batch is read and decoded on another thread while the database writes this one.
     */
    private void publish(FormatRules<FormatRow> rules, String importId, long published, LongConsumer progress, Set<String> chains,
                         TouchedEnterprises touched) {
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "import-spill-reader");
            t.setDaemon(true);
            return t;
        });
        try (ImportStaging.SpillReader<? extends FormatRow> spill = staging.read(importId, published, rules.rowType())) {
            long done = published;
            Future<List<FormatRow>> next = reader.submit(() -> List.copyOf(spill.next(settings.batchRows())));
            for (List<FormatRow> batch = next.get(); !batch.isEmpty(); batch = next.get()) {
                next = reader.submit(() -> List.copyOf(spill.next(settings.batchRows())));
                long upTo = done + batch.size();
                List<FormatRow> rows = batch;
                tx.executeWithoutResult(status -> {
                    rules.write(rows, writers);
                    staging.markPublished(importId, upTo);
                });
                done = upTo;
                progress.accept(batch.size());
                if (chains != null) {
                    batch.forEach(r -> chains.addAll(r.chainIds()));
                }
                if (touched != null) {
                    batch.forEach(touched::add);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing import " + importId, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the spill file of import " + importId, e.getCause());
        } finally {
            reader.shutdownNow();
        }
    }

    /** The data is committed: a listener's failure must not turn the job into "nothing written". */
    private void publishImported(Set<String> chainIds, Set<String> enterpriseKeys) {
        try {
            events.publishEvent(new DataImportedEvent(chainIds, enterpriseKeys));
        } catch (RuntimeException | Error e) {
            log.error("Listener of the import event failed; derived data may be stale until refreshed", e);
        }
    }

        private void discardQuietly(RowSink sink) {
        try {
            sink.discard();
        } catch (RuntimeException e) {
            log.warn("Could not discard staged rows; they are removed at the next start", e);
        }
    }

    private static void finish(ImportJob job, Phase phase, ImportResult result) {
        job.finish(phase, phase == Phase.DONE ? result.withWarnings(job.warningCount, job.warnings) : result);
    }
}
