package com.chainatlas.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("chainatlas.import")
public record ImportSettings(
        @DefaultValue("50000") int singleTransactionRows,
        @DefaultValue("10000") int batchRows,
        @DefaultValue("5000") int chunkRows,
        @DefaultValue("20") int maxQueuedJobs,
        @DefaultValue("200") int keepJobs) {
}
