package com.chainatlas.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableReader;

/**
 * Reads a table on its own thread while the caller validates: CSV parsing was about a fifth of the validating
 * thread's samples (JFR, 100k files), and it needs nothing of the validation. Rows reach the caller in file order,
 * in batches through a bounded queue (a few MB of rows in flight); a read error is rethrown to the caller after the
 * rows read before it, as the sequential read would.
 */
final class ReadAhead {

    private static final int BATCH = 1_000;
    private static final int BATCHES_IN_FLIGHT = 16;
    private static final List<RawRow> END = List.of();

    private ReadAhead() {
    }

    static void read(TableReader reader, String name, Consumer<RawRow> rows) {
        readBatches(reader, name, batch -> batch.forEach(rows));
    }

    /** As {@link #read}, a batch of rows at a time (in file order), for callers that hand batches on. */
    static void readBatches(TableReader reader, String name, Consumer<List<RawRow>> batches) {
        BlockingQueue<List<RawRow>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        RuntimeException[] failure = new RuntimeException[1];
        Thread thread = new Thread(() -> {
            List<RawRow> batch = new ArrayList<>(BATCH);
            try {
                reader.read(raw -> {
                    batch.add(raw);
                    if (batch.size() == BATCH) {
                        put(queue, List.copyOf(batch));
                        batch.clear();
                    }
                });
            } catch (RuntimeException e) {
                failure[0] = e; // published by the queue's put below
            } finally {
                try {
                    if (!batch.isEmpty()) { // the rows read before the end or the error
                        queue.put(List.copyOf(batch));
                    }
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "bulk-read-" + name);
        thread.setDaemon(true);
        thread.start();
        try {
            for (List<RawRow> batch = queue.take(); batch != END; batch = queue.take()) {
                batches.accept(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        } finally {
            thread.interrupt(); // the caller failed: stop reading (no-op once the reader has ended)
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void put(BlockingQueue<List<RawRow>> queue, List<RawRow> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading stopped", e);
        }
    }
}
