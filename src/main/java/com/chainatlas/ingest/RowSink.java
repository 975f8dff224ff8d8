package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where validated rows wait for the verdict on the whole file: in memory up to a limit (then the file
 * is written in one transaction), beyond it parked batch by batch in {@link ImportStaging}. Once the file
 * has a problem, rows are dropped: nothing of it will be written.
 */
final class RowSink {

    private final ImportStaging staging;
    private final String importId;
    private final String format;
    private final int memoryLimit;
    private final int batchSize;
    private List<Map<String, Object>> memory = new ArrayList<>();
    private boolean spilled;
    private boolean discarded;
    private int batches;
    private long rows;

    RowSink(ImportStaging staging, String importId, String format, int memoryLimit, int batchSize) {
        this.staging = staging;
        this.importId = importId;
        this.format = format;
        this.memoryLimit = memoryLimit;
        this.batchSize = batchSize;
    }

    void add(Map<String, Object> row) {
        if (discarded) {
            return;
        }
        memory.add(row);
        rows++;
        if (!spilled && memory.size() > memoryLimit) {
            spilled = true;
        }
        if (spilled && memory.size() >= batchSize) {
            flush(false);
        }
    }

    /** All rows are in: stage the remainder (when spilled). */
    void close() {
        if (spilled && !discarded) {
            flush(true);
        }
    }

    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        memory = new ArrayList<>();
        if (spilled) {
            staging.discard(importId);
        }
    }

    private void flush(boolean all) {
        int from = 0;
        while (memory.size() - from >= batchSize || (all && memory.size() > from)) {
            int to = Math.min(memory.size(), from + batchSize);
            staging.stage(importId, format, batches++, memory.subList(from, to));
            from = to;
        }
        memory = new ArrayList<>(memory.subList(from, memory.size()));
    }

    boolean spilled() {
        return spilled;
    }

    boolean discarded() {
        return discarded;
    }

    int batches() {
        return batches;
    }

    long rows() {
        return rows;
    }

    List<Map<String, Object>> memoryRows() {
        return memory;
    }
}
