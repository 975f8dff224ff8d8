package com.chainatlas.ingest;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validated rows of a large import, parked until the file is known to be valid: a spill file of JSON lines
 * (one row each) in the spill directory, beside the database, plus, once the whole file is valid, a
 * {@code (:ImportJournal {id, format, state: 'COMMITTED', rows, published})} node. Nothing here is part of
 * the graph the application reads.
 *
 * <p>A spill file without a journal belongs to a file still being validated (or abandoned by a crash: it is
 * deleted at the next recovery). With a journal, the rows are published in batches, each in a transaction
 * that also advances {@code published}, so a crash resumes exactly where it stopped; the file is fsynced
 * before the journal is written. Parking rows on local disk instead of in the database (as an earlier
 * version did) removed a write and a read of every row through the database.
 */
@Component
class ImportStaging {

    private static final Logger log = LoggerFactory.getLogger(ImportStaging.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A journal found at start-up: {@code published} of {@code rows} rows are in the graph. */
    record Journal(String id, String format, long rows, long published, String location) {
    }

    private final Neo4jClient neo4j;
    private final Path spillDir;

    ImportStaging(Neo4jClient neo4j,
                  @Value("${chainatlas.import.spill-dir:${chainatlas.embedded.data-dir:data/neo4j}/import-spill}") String spillDir) {
        this.neo4j = neo4j;
        this.spillDir = Path.of(spillDir).toAbsolutePath().normalize();
    }

    /**
     * Where this instance parks spill files: host name and directory. A journal written elsewhere whose spill file is
     * not visible here belongs to another instance's disk: only that instance can complete it.
     */
    String location() {
        return com.chainatlas.system.InstanceIdentity.hostName() + ":" + spillDir;
    }

    Path spillFile(String importId) {
        return spillDir.resolve(importId + ".jsonl");
    }

    /** Starts the spill file of an import. */
    Spill openSpill(String importId) {
        try {
            Files.createDirectories(spillDir);
            return new Spill(FileChannel.open(spillFile(importId), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write import spill file in " + spillDir, e);
        }
    }

    /** The whole file is valid and its spill file is on disk: from now on it will be published, also after a crash. */
    void commit(String importId, String format, long rows) {
        neo4j.query("""
                CREATE (j:ImportJournal {id: $id, format: $format, state: 'COMMITTED', rows: $rows, published: 0,
                                         location: $location, createdAt: datetime()})
                """).bindAll(Map.of("id", importId, "format", format, "rows", rows, "location", location())).run();
    }

    /** Call inside the transaction that writes the rows up to {@code published}. */
    void markPublished(String importId, long published) {
        neo4j.query("MATCH (j:ImportJournal {id: $id}) SET j.published = $n")
                .bindAll(Map.of("id", importId, "n", published)).run();
    }

    /** Reads the spill file from the row after {@code skip}, as rows of {@code type}. */
    <R extends FormatRow> SpillReader<R> read(String importId, long skip, Class<R> type) {
        try {
            BufferedReader reader = Files.newBufferedReader(spillFile(importId), StandardCharsets.UTF_8);
            for (long i = 0; i < skip && reader.readLine() != null; i++) {
                // already published
            }
            return new SpillReader<>(reader, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read import spill file " + spillFile(importId), e);
        }
    }

    /** Removes the journal and the spill file. */
    void finish(String importId) {
        neo4j.query("MATCH (j:ImportJournal {id: $id}) DELETE j").bind(importId).to("id").run();
        deleteSpill(importId);
    }

    void deleteSpill(String importId) {
        try {
            Files.deleteIfExists(spillFile(importId));
        } catch (IOException e) {
            log.warn("Could not delete spill file {}", spillFile(importId), e);
        }
    }

    List<Journal> journals() {
        return neo4j.query("""
                MATCH (j:ImportJournal)
                RETURN j.id AS id, j.format AS format, coalesce(j.rows, 0) AS rows, coalesce(j.published, 0) AS published,
                       j.location AS location
                ORDER BY j.createdAt
                """).fetch().all().stream().map(r -> new Journal((String) r.get("id"), (String) r.get("format"),
                ((Number) r.get("rows")).longValue(), ((Number) r.get("published")).longValue(),
                (String) r.get("location"))).toList();
    }

    /** Deletes spill files that no journal needs (left by validation that a crash interrupted). */
    int deleteOrphans(Set<String> journalIds) {
        if (!Files.isDirectory(spillDir)) {
            return 0;
        }
        List<Path> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(spillDir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
                    .filter(f -> !journalIds.contains(f.getFileName().toString().replace(".jsonl", "")))
                    .forEach(orphans::add);
        } catch (IOException e) {
            log.warn("Could not list {}", spillDir, e);
        }
        orphans.forEach(f -> deleteSpill(f.getFileName().toString().replace(".jsonl", "")));
        return orphans.size();
    }

    /**
     * Appends rows, one JSON line each, on its own thread (serialising was ~6 % of the validating thread's
     * time); {@link #close()} waits for the last row and forces the file to disk. Rows must not change after
     * {@link #add}.
     */
    static final class Spill implements AutoCloseable {
        /** End of the rows (never written). */
        private static final FormatRow END = java.util.Set::of;

        private final FileChannel channel;
        private final BufferedWriter out;
        private final BlockingQueue<FormatRow> queue = new ArrayBlockingQueue<>(10_000);
        private final Thread writer;
        private volatile RuntimeException failure;
        private boolean closed;

        private Spill(FileChannel channel) {
            this.channel = channel;
            this.out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
            this.writer = new Thread(this::drain, "import-spill-writer");
            writer.setDaemon(true);
            writer.start();
        }

        void add(FormatRow row) {
            if (failure != null) {
                throw failure;
            }
            try {
                queue.put(row);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while spilling rows", e);
            }
        }

        /** Writes until END; after a failure it keeps taking rows (without writing) so that add() never blocks. */
        private void drain() {
            while (true) {
                FormatRow row;
                try {
                    row = queue.take();
                } catch (InterruptedException e) {
                    failure = new IllegalStateException("spill writer interrupted", e);
                    return;
                }
                if (row == END) {
                    return;
                }
                if (failure == null) {
                    try {
                        out.write(JSON.writeValueAsString(row));
                        out.write('\n');
                    } catch (IOException e) {
                        failure = new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (channel) {
                queue.put(END);
                writer.join();
                if (failure != null) {
                    throw failure;
                }
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writer.interrupt();
                throw new IllegalStateException("interrupted while closing the spill file", e);
            }
        }
    }

    /** Reads rows back in batches. */
    static final class SpillReader<R extends FormatRow> implements AutoCloseable {
        private final BufferedReader in;
        private final Class<R> type;

        private SpillReader(BufferedReader in, Class<R> type) {
            this.in = in;
            this.type = type;
        }

        /** Up to {@code size} rows; empty at the end. */
        List<R> next(int size) {
            List<R> batch = new ArrayList<>(size);
            try {
                for (String line; batch.size() < size && (line = in.readLine()) != null; ) {
                    batch.add(JSON.readValue(line, type));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return batch;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
