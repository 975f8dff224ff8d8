package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableReader;

/**
 * Reads a table on a parser thread and hands it over in chunks through a short queue, so that reading and
 * parsing a chunk overlap the checks, look-ups and spilling of the previous one on the calling thread. The
 * first non-blank row is the header; blank rows (without a reading problem) are skipped.
 *
 * @param <T> a parsed chunk
 */
final class ChunkPipeline<T> {

    /** What is done with the rows: the header and parsing on the parser thread, processing on the caller's. */
    interface Stages<T> {
        void header(RawRow row);

        T parse(List<RawRow> chunk);

        void process(T chunk);
    }

    /** End of the parsed chunks. */
    private static final Object END = new Object();

    private final int chunkRows;
    private final Stages<T> stages;
    private final List<RawRow> chunk = new ArrayList<>();
    private volatile boolean headerSeen;

    ChunkPipeline(int chunkRows, Stages<T> stages) {
        this.chunkRows = chunkRows;
        this.stages = stages;
    }

    /** Reads the whole table; returns whether it had a header row. Rethrows what the parser thread threw. */
    boolean run(TableReader reader) {
        BlockingQueue<Object> parsed = new ArrayBlockingQueue<>(2);
        Thread parser = new Thread(() -> parse(reader, parsed), "import-parser");
        parser.setDaemon(true);
        parser.start();
        try {
            for (Object next = take(parsed); next != END; next = take(parsed)) {
                if (next instanceof RuntimeException e) {
                    throw e;
                }
                if (next instanceof Error e) {
                    throw e;
                }
                @SuppressWarnings("unchecked")
                T rows = (T) next;
                stages.process(rows);
            }
        } finally {
            parser.interrupt();
        }
        return headerSeen;
    }

    private void parse(TableReader reader, BlockingQueue<Object> out) {
        Object last = END;
        try {
            reader.read(row -> onRow(row, out));
            if (!chunk.isEmpty()) {
                put(out, parseChunk());
            }
        } catch (RuntimeException | Error e) {
            last = e;
        }
        try {
            out.put(last);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the validating thread gave up
        }
    }

    private void onRow(RawRow row, BlockingQueue<Object> out) {
        if (!headerSeen) {
            if (!row.isBlank()) {
                stages.header(row);
                headerSeen = true;
            }
            return;
        }
        if (row.isBlank() && row.error() == null) {
            return;
        }
        chunk.add(row);
        if (chunk.size() >= chunkRows) {
            put(out, parseChunk());
        }
    }

    private T parseChunk() {
        T rows = stages.parse(chunk);
        chunk.clear();
        return rows;
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating", e);
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation stopped", e);
        }
    }
}
