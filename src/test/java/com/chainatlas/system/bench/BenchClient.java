package com.chainatlas.system.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark client: its own cookie jar (session and CSRF cookies), signed in once through
 * {@code POST /api/auth/login} when the app has sign-in ({@code GET /api/auth/csrf} answers 200; a 404 means the app has
 * none). No HTTP Basic per request: a bcrypt check per request would dominate what is measured.
 */
public final class BenchClient {

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;
    private String csrf;

    public BenchClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    /** Signs in when the app has sign-in; returns whether it did. Fails on a rejected sign-in. */
    public boolean signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> c = get("/api/auth/csrf");
        if (c.statusCode() == 404) {
            return false;
        }
        csrf = token(c);
        String body = "{\"username\":" + json(user) + ",\"password\":" + json(password) + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/login")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("sign-in as " + user + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
        csrf = token(get("/api/auth/csrf")); // the token changes with the session
        return true;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, TIMEOUT);
    }

    /** With its own time-out: a cold request at national scale may wait minutes for the chain's facts. */
    public HttpResponse<String> get(String path, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload (field "file"), with the CSRF header when signed in. */
    HttpResponse<String> upload(String path, String fileName, byte[] content) throws IOException, InterruptedException {
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (csrf != null) {
            b.header("X-XSRF-TOKEN", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> r) {
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET /api/auth/csrf: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
