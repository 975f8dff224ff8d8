package com.chainatlas.project;

import java.net.URI;
import java.net.http.HttpRequest;

import com.chainatlas.support.Api;

import tools.jackson.databind.JsonNode;

/** The API helper plus PATCH and "this call must answer N". */
final class LedgerApi {

    final Api api;
    private final int port;

    LedgerApi(int port) {
        this.port = port;
        this.api = new Api(port);
    }

    Api.Response post(String path, String json) {
        return api.postJson(path, json);
    }

    Api.Response patch(String path, String json) {
        return api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    JsonNode expect(int status, Api.Response r) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + " but got " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    /** A problem answer: the status, problem JSON, a Chinese detail; returns the detail. */
    String problem(int status, Api.Response r) {
        JsonNode j = expect(status, r);
        if (!r.contentType().contains("application/problem+json")) {
            throw new AssertionError("not problem JSON: " + r.contentType() + " " + r.text());
        }
        String detail = j.get("detail").asString();
        if (!detail.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            throw new AssertionError("detail is not Chinese: " + detail);
        }
        return detail;
    }

    JsonNode get(String path) {
        Api.Response r = call(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " → " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    /** GET with non-ASCII characters of the path and query percent-encoded (as a browser sends them). */
    Api.Response call(String path) {
        StringBuilder b = new StringBuilder();
        path.codePoints().forEach(c -> {
            if (c < 128) {
                b.append((char) c);
            } else {
                for (byte x : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xff));
                }
            }
        });
        return api.get(b.toString());
    }
}
