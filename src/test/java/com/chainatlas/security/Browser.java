package com.chainatlas.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.chainatlas.support.Api;

import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like client like {@link Api.Session} (cookie jar, session sign-in), which can also send a CSRF header of
 * the test's choosing (a token from before sign-in) and report the tokens the cookie jar holds.
 */
final class Browser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final CookieManager cookies;
    private final HttpClient http;

    Browser(int port) {
        this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private Browser(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** The same browser (same cookie jar) talking to another app instance, as behind a load balancer. */
    Browser on(int otherPort) {
        return new Browser(otherPort, cookies);
    }

    /** Puts a cookie into the jar (e.g. a session cookie this browser kept after it was told to drop it). */
    void setCookie(String name, String value) {
        HttpCookie c = new HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(URI.create("http://localhost:" + port + "/"), c);
    }

    /** GET /api/auth/csrf; returns the token it hands out. */
    String csrf() {
        Api.Response r = send("GET", "/api/auth/csrf", null, null);
        if (r.status() != 200) {
            throw new AssertionError("GET /api/auth/csrf → " + r.status() + ": " + r.text());
        }
        return r.json().get("token").asString();
    }

    Api.Response login(String user, String password) {
        csrf();
        return post("/api/auth/login", "{\"username\":" + JSON.writeValueAsString(user) + ",\"password\":"
                + JSON.writeValueAsString(password) + "}");
    }

    /** The XSRF-TOKEN cookie's value, or null. */
    String csrfCookie() {
        return cookie("XSRF-TOKEN");
    }

    String sessionCookie() {
        return cookie("JSESSIONID");
    }

    Api.Response get(String path) {
        return send("GET", path, null, null);
    }

    /** POST JSON with the cookie's token as X-XSRF-TOKEN. */
    Api.Response post(String path, String json) {
        return send("POST", path, json, csrfCookie());
    }

    /** POST JSON with the given token as X-XSRF-TOKEN (null: none). */
    Api.Response post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    private Api.Response send(String method, String path, String json, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            return new Api.Response(r.statusCode(), type, type.contains("json") && !r.body().isEmpty()
                    ? JSON.readTree(r.body()) : null, r.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
