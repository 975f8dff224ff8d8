package com.chainatlas.ingest;

import java.time.Duration;

import com.chainatlas.ingest.table.TableLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Import settings ({@code chainatlas.import.*}).
 *
 * @param singleTransactionRows files with at most this many valid rows are written in one transaction;
 *                              larger ones are spilled to a local file and published batch by batch (see ImportStaging)
 * @param batchRows             rows per UNWIND write and per published transaction
 * @param chunkRows             rows validated together (one reference look-up query per chunk)
 * @param maxQueuedJobs         imports waiting at once; beyond it uploads are refused with 409/429
 * @param keepJobs              finished jobs kept for status queries
 * @param maxCellChars          characters one cell may hold while streaming a file (Excel's own limit by default)
 * @param maxRowChars           characters one row may hold; a longer row rejects the file (it would not fit the heap)
 * @param stuckAfter            a running job without progress for this long is ended as FAILED (watchdog)
 * @param leaseTtl              the import worker's cluster-wide lease expires this long after its last renewal
 *                              (another instance then takes over the queue); also how long a running job may go
 *                              without a heartbeat before it counts as its stopped instance's orphan
 * @param tick                  how often each instance renews or tries the lease, takes a waiting job, and stores
 *                              the running job's progress for the other instances
 */
@ConfigurationProperties("chainatlas.import")
public record ImportSettings(
        @DefaultValue("50000") int singleTransactionRows,
        @DefaultValue("10000") int batchRows,
        @DefaultValue("5000") int chunkRows,
        @DefaultValue("20") int maxQueuedJobs,
        @DefaultValue("200") int keepJobs,
        @DefaultValue("32767") int maxCellChars,
        @DefaultValue("1000000") int maxRowChars,
        @DefaultValue("10m") Duration stuckAfter,
        @DefaultValue("30s") Duration leaseTtl,
        @DefaultValue("1s") Duration tick) {

    @ConstructorBinding
    public ImportSettings {
    }

    /** Default limits and watchdog (tests and the benchmark). */
    public ImportSettings(int singleTransactionRows, int batchRows, int chunkRows, int maxQueuedJobs, int keepJobs) {
        this(singleTransactionRows, batchRows, chunkRows, maxQueuedJobs, keepJobs, TableLimits.DEFAULT.maxCellChars(),
                TableLimits.DEFAULT.maxRowChars(), Duration.ofMinutes(10));
    }

    /** As before the cluster settings: default lease and tick. */
    public ImportSettings(int singleTransactionRows, int batchRows, int chunkRows, int maxQueuedJobs, int keepJobs,
                          int maxCellChars, int maxRowChars, Duration stuckAfter) {
        this(singleTransactionRows, batchRows, chunkRows, maxQueuedJobs, keepJobs, maxCellChars, maxRowChars, stuckAfter,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    TableLimits tableLimits() {
        return new TableLimits(maxCellChars, maxRowChars);
    }
}
