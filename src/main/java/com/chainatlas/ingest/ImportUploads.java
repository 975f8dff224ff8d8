package com.chainatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Uploaded files in the database, so that whichever instance runs a job can read the file another instance received:
 * {@code (:ImportUpload {jobId, seq, data})} chunks of {@link #CHUNK} bytes (at most 50 chunks for the 50 MB upload
 * limit), one auto-commit write each, so no transaction holds the whole file. The worker copies them into a local
 * temporary file (the table readers need random access for .xlsx) and the chunks are deleted when the job ends.
 * Chosen over a shared directory because it needs no shared volume between hosts and is backed up with the data.
 */
@Component
class ImportUploads {

    static final int CHUNK = 1 << 20;

    private final Neo4jClient neo4j;

    ImportUploads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Stores the file's bytes for the job; returns the number of chunks. */
    int store(String jobId, Path file) throws IOException {
        int seq = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                byte[] data = n == CHUNK ? buffer : Arrays.copyOf(buffer, n);
                neo4j.query("CREATE (:ImportUpload {jobId: $id, seq: $seq, data: $data, createdAt: timestamp()})")
                        .bindAll(Map.of("id", jobId, "seq", seq, "data", data)).run();
                seq++;
            }
        } catch (IOException | RuntimeException e) {
            delete(jobId);
            throw e;
        }
        return seq;
    }

    /** Writes the job's file to {@code target}; fails when a chunk is missing. */
    void copyTo(String jobId, int chunks, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int seq = 0; seq < chunks; seq++) {
                byte[] data = neo4j.query("MATCH (c:ImportUpload {jobId: $id, seq: $seq}) RETURN c.data AS data")
                        .bindAll(Map.of("id", jobId, "seq", seq))
                        .fetchAs(byte[].class).mappedBy((types, record) -> record.get("data").asByteArray()).one()
                        .orElseThrow(() -> new IOException("upload of import " + jobId + " is incomplete in the database"));
                out.write(data);
            }
        }
    }

    void delete(String jobId) {
        neo4j.query("MATCH (c:ImportUpload {jobId: $id}) DELETE c").bind(jobId).to("id").run();
    }

    /** Deletes chunks older than {@code age} that no queued job needs (an instance died while receiving them). */
    long deleteOrphans(Duration age) {
        return neo4j.query("""
                MATCH (c:ImportUpload) WHERE c.createdAt < timestamp() - $age
                  AND NOT EXISTS { MATCH (:QueuedImport {id: c.jobId}) }
                WITH c LIMIT 1000 DELETE c RETURN count(*)
                """).bind(age.toMillis()).to("age").fetchAs(Long.class).one().orElse(0L);
    }
}
