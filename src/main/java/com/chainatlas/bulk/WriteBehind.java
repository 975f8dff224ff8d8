package com.chainatlas.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Writes a file's valid rows on its own thread, in the order given: formatting and writing the neo4j-admin lines
 * was about a fifth of the validating thread's samples (JFR, 100k files) and needs nothing of the checks. Rows go
 * in batches through a bounded queue; {@link #close} writes the rest, waits, and rethrows a write failure.
 */
final class WriteBehind implements Consumer<BulkRow>, AutoCloseable {

    private static final int BATCH = 1_000;
    private static final List<BulkRow> END = List.of();

    private final BlockingQueue<List<BulkRow>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private List<BulkRow> batch = new ArrayList<>(BATCH);
    private volatile RuntimeException failure;

    WriteBehind(String name, Consumer<BulkRow> write) {
        thread = new Thread(() -> {
            try {
                // after a failure the batches are still taken (and dropped) until the end mark, so neither the
                // producer's put nor close's end mark can block; the load then fails with the write error
                for (List<BulkRow> b = queue.take(); b != END; b = queue.take()) {
                    if (failure == null) {
                        try {
                            b.forEach(write);
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bulk-write-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void accept(BulkRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private void put(List<BulkRow> b) {
        if (failure != null) {
            throw failure;
        }
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }

    @Override
    public void close() {
        try {
            if (!batch.isEmpty()) {
                put(batch);
            }
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
