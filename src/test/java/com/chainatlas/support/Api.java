package com.chainatlas.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for API tests: real requests to the running app, JSON parsed as a tree. Signed in as the
 * {@code it} profile's first admin with HTTP Basic unless made with {@link #as} or {@link #anonymous}.
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The first admin of the {@code it} profile (application-it.yml). */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-pass-1";
    /** The Authorization header of the admin, for tests that build their own requests. */
    public static final String ADMIN_BASIC = basic(ADMIN, ADMIN_PASSWORD);

    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A request builder for {@code uri} that carries the admin's HTTP Basic header. */
    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", ADMIN_BASIC);
    }

    /** A response: status, content type and body parsed as JSON (null when not JSON). */
    public record Response(int status, String contentType, JsonNode json, String text) {
    }

    private final int port;
    /** The Authorization header sent with every request; null = anonymous. */
    private final String authorization;

    public Api(int port) {
        this(port, ADMIN_BASIC);
    }

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** The same app as another account (HTTP Basic). */
    public Api as(String user, String password) {
        return new Api(port, basic(user, password));
    }

    /** The same app with no credentials. */
    public Api anonymous() {
        return new Api(port, null);
    }

    /** A browser-like client: cookies kept, session sign-in through the real endpoints, CSRF header by choice. */
    public Session session() {
        return new Session(port);
    }

    private HttpRequest authorized(HttpRequest request) {
        if (authorization == null || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    /** GET that must answer 200; returns the JSON body. */
    public JsonNode ok(String path) {
        Response r = get(path);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + " → " + r.status() + ": " + r.text());
        }
        return r.json();
    }

    /** GET that must answer 200; returns the body as bytes (downloads: .xlsx, .csv). */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = HTTP.send(authorized(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build()),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + path + " → " + r.statusCode() + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public Response postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(authorized(request), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), type, json, r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The address of {@code path} on the app, for requests built by the test (e.g. with a Cookie header). */
    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The raw response, for tests that read headers such as Set-Cookie. */
    public HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(authorized(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A browser-like session: a cookie jar, sign-in with {@code POST /api/auth/login}, and the CSRF header
     * {@code X-XSRF-TOKEN} from the XSRF-TOKEN cookie on writes unless told not to send it. No Basic header.
     */
    public static final class Session {

        private final int port;
        private final java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        private final HttpClient http;
        private final Api plain;

        Session(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
            this.plain = new Api(port, null);
        }

        /** GET /api/auth/csrf; returns the token (also in the cookie jar now). */
        public String csrf() {
            Response r = send("GET", "/api/auth/csrf", null, false);
            if (r.status() != 200) {
                throw new AssertionError("GET /api/auth/csrf → " + r.status() + ": " + r.text());
            }
            return r.json().get("token").asString();
        }

        /** Signs in (with the CSRF header); returns the response (200 Me, 401, 429...). */
        public Response login(String user, String password) {
            csrf();
            return postJson("/api/auth/login", "{\"username\":" + JSON.writeValueAsString(user) + ",\"password\":"
                    + JSON.writeValueAsString(password) + "}");
        }

        /** The XSRF-TOKEN cookie's value, or null. */
        public String csrfCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        /** Whether the jar holds a session cookie. */
        public boolean hasSessionCookie() {
            return cookies.getCookieStore().getCookies().stream().anyMatch(c -> c.getName().equals("JSESSIONID"));
        }

        public Response get(String path) {
            return send("GET", path, null, false);
        }

        /** POST JSON with the CSRF header. */
        public Response postJson(String path, String body) {
            return send("POST", path, body, true);
        }

        /** POST JSON without the CSRF header (a forged cross-site request would look like this). */
        public Response postJsonWithoutCsrf(String path, String body) {
            return send("POST", path, body, false);
        }

        public Response send(String method, String path, String body, boolean withCsrf) {
            HttpResponse<String> r = exchange(method, path, body, withCsrf);
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !r.body().isEmpty() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), type, json, r.body());
        }

        /** The raw response, for tests that read headers (Retry-After, Set-Cookie). */
        public HttpResponse<String> exchange(String method, String path, String body, boolean withCsrf) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            String token = csrfCookie();
            if (withCsrf && token != null) {
                b.header("X-XSRF-TOKEN", token);
            }
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** The plain anonymous client of the same app (no cookies), for comparison. */
        public Api anonymous() {
            return plain;
        }
    }
}
