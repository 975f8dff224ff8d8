package com.chainatlas.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.chainatlas.support.Api;

import tools.jackson.databind.JsonNode;

/** Uploads files to the import API and waits for the job, as the browser would. */
final class ImportClient {

    private final Api api;
    private final int port;

    ImportClient(int port) {
        this.port = port;
        this.api = new Api(port);
    }

    Api api() {
        return api;
    }

    Api.Response upload(String format, String fileName, byte[] content, boolean dryRun) {
        String boundary = "----chainatlas" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import/" + format
                        + (dryRun ? "?dryRun=true" : "")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Uploads and waits for the job's end; returns the final job JSON. */
    JsonNode run(String format, String fileName, byte[] content) {
        return run(format, fileName, content, false);
    }

    JsonNode run(String format, String fileName, byte[] content, boolean dryRun) {
        Api.Response r = upload(format, fileName, content, dryRun);
        if (r.status() != 202) {
            throw new AssertionError("upload " + format + " → " + r.status() + ": " + r.text());
        }
        return await(r.json().get("id").asString());
    }

    JsonNode await(String id) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.ok("/api/import/jobs/" + id);
            String phase = job.get("phase").asString();
            if (phase.equals("DONE") || phase.equals("REJECTED") || phase.equals("FAILED")) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
