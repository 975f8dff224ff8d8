package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Where validated rows wait for the verdict on the whole file: in memory up to a limit (then the file
 * is written in one transaction), beyond it in a spill file ({@link ImportStaging}). Once the file has a
 * problem, rows are dropped: nothing of it will be written.
 */
final class RowSink {

    private final ImportStaging staging;
    private final String importId;
    private final int memoryLimit;
    private List<FormatRow> memory = new ArrayList<>();
    private ImportStaging.Spill spill;
    private boolean discarded;
    private long rows;

    RowSink(ImportStaging staging, String importId, int memoryLimit) {
        this.staging = staging;
        this.importId = importId;
        this.memoryLimit = memoryLimit;
    }

    void add(FormatRow row) {
        if (discarded) {
            return;
        }
        rows++;
        if (spill != null) {
            spill.add(row);
            return;
        }
        memory.add(row);
        if (memory.size() > memoryLimit) {
            spill = staging.openSpill(importId);
            memory.forEach(spill::add);
            memory = new ArrayList<>();
        }
    }

    /** All rows are in: the spill file (if any) is forced to disk. */
    void close() {
        if (spill != null && !discarded) {
            spill.close();
        }
    }

    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        memory = new ArrayList<>();
        if (spill != null) {
            try {
                spill.close();
            } finally {
                staging.deleteSpill(importId);
            }
        }
    }

    boolean spilled() {
        return spill != null;
    }

    long rows() {
        return rows;
    }

    List<FormatRow> memoryRows() {
        return memory;
    }
}
