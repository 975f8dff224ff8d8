package com.chainatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.security.session.Neo4jSessionRepository;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Browser sessions shared through the database ({@code chainatlas.sessions.store=neo4j}): two application contexts
 * (instances "a" and "b") on one Neo4j harness, a browser whose requests go to either, as behind a round-robin load
 * balancer. Sign-in, CSRF, sign-out, the own password change and expiry hold across instances.
 */
class SharedSessionsTest {

    static Neo4j server;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static int portA;
    static int portB;
    static Api admin;

    @BeforeAll
    static void start() throws Exception {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        a = instance("a");
        b = instance("b");
        portA = port(a);
        portB = port(b);
        admin = new Api(portA);
    }

    static ConfigurableApplicationContext instance(String name) throws Exception {
        Path spill = Files.createTempDirectory("chainatlas-spill-" + name);
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run("--server.port=0",
                "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false",
                "--chainatlas.snapshots.warm-up=false", "--chainatlas.instance-id=" + name,
                "--chainatlas.import.spill-dir=" + spill, "--chainatlas.sessions.store=neo4j", "--chainatlas.sessions.touch-interval=1s",
                "--chainatlas.sessions.cleanup-interval=300ms",
                "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
    }

    static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        server.close();
    }

    static Browser signedInOnA(String user, String password) {
        Browser onA = new Browser(portA);
        Api.Response r = onA.login(user, password);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return onA;
    }

    static long sessionNodes(String id) {
        try (var s = a.getBean(Driver.class).session()) {
            return s.run("MATCH (s:HttpSession {id: $id}) RETURN count(s) AS n", Map.of("id", id)).single().get("n").asLong();
        }
    }

    @Test
    void aSessionStartedOnOneInstanceReadsAndWritesOnTheOtherAndSignOutThereEndsItEverywhere() {
        Browser onA = signedInOnA(Api.ADMIN, Api.ADMIN_PASSWORD);
        String cookie = onA.sessionCookie();
        assertThat(cookie).isNotNull();
        assertThat(sessionNodes(cookie)).as("the session is a node in the database").isEqualTo(1);

        Browser onB = onA.on(portB);
        Api.Response me = onB.get("/api/auth/me");
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(Api.ADMIN);
        String name = Accounts.unique("shared");
        String user = "{\"username\":\"" + name + "\",\"password\":\"" + Accounts.PASSWORD + "\",\"role\":\"VIEWER\",\"regionCode\":null}";
        assertThat(onB.post("/api/admin/users", user, null).status()).as("CSRF is checked on b too").isEqualTo(403);
        Api.Response created = onB.post("/api/admin/users", user);
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        Api.Response out = onB.post("/api/auth/logout", null);
        assertThat(out.status()).as(out.text()).isEqualTo(204);
        assertThat(onB.sessionCookie()).as("sign-out clears the cookie").isNull();
        assertThat(sessionNodes(cookie)).isZero();
        Browser replay = new Browser(portA);
        replay.setCookie("JSESSIONID", cookie);
        SecurityApiTest.problem(replay.get("/api/auth/me"), 401, "请先登录");
    }

    @Test
    void theSessionCookieKeepsTomcatsNameAndAttributes() throws Exception {
        var jar = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        var http = java.net.http.HttpClient.newBuilder().cookieHandler(jar).build();
        var csrf = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + portA + "/api/auth/csrf"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = csrf.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + portA + "/api/auth/login"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + Api.ADMIN + "\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("; Path=/").contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Max-Age");
        assertThat(login.headers().allValues("Set-Cookie")).as("a fresh CSRF token at sign-in")
                .anyMatch(c -> c.startsWith("XSRF-TOKEN=") && !c.startsWith("XSRF-TOKEN=" + token + ";"));
    }

    @Test
    void theOwnPasswordChangeOnOneInstanceEndsTheOtherSessionOnTheOther() throws InterruptedException {
        String name = Accounts.create(admin, "sharedpw", "ANALYST", null);
        Browser here = signedInOnA(name, Accounts.PASSWORD);
        Browser hereOnB = here.on(portB);
        assertThat(hereOnB.get("/api/chains").status()).as("b has read this account's version now").isEqualTo(200);
        Browser elsewhere = new Browser(portB);
        assertThat(elsewhere.login(name, Accounts.PASSWORD).status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/chains").status()).isEqualTo(200);

        Api.Response changed = here.post("/api/auth/password",
                "{\"currentPassword\":\"" + Accounts.PASSWORD + "\",\"newPassword\":\"shared-new-pass-1\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        // the kept session goes on at the new version on b too, though b cached the old version a moment ago
        assertThat(hereOnB.get("/api/chains").status()).isEqualTo(200);
        long start = System.nanoTime();
        Api.Response r = elsewhere.get("/api/chains");
        while (r.status() == 200 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(100);
            r = elsewhere.get("/api/chains");
        }
        SecurityApiTest.problem(r, 401, SessionLifecycleTest.ENDED);
        assertThat(hereOnB.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
    }

    @Test
    void anIdleSessionExpiresAndTheCleanupDeletesIt() throws InterruptedException {
        String name = Accounts.create(admin, "sharedexp", "VIEWER", null);
        Browser onA = signedInOnA(name, Accounts.PASSWORD);
        String cookie = onA.sessionCookie();
        assertThat(onA.on(portB).get("/api/auth/me").status()).isEqualTo(200);
        try (var s = a.getBean(Driver.class).session()) { // as if idle for 31 minutes
            s.run("""
                    MATCH (s:HttpSession {id: $id})
                    SET s.lastAccessed = s.lastAccessed - 31 * 60 * 1000, s.expiresAt = s.expiresAt - 31 * 60 * 1000""",
                    Map.of("id", cookie)).consume();
        }
        long start = System.nanoTime();
        while (sessionNodes(cookie) > 0 && System.nanoTime() - start < 10_000_000_000L) {
            Thread.sleep(100);
        }
        assertThat(sessionNodes(cookie)).as("deleted by the scheduled cleanup, no request needed").isZero();
        SecurityApiTest.problem(onA.on(portB).get("/api/auth/me"), 401, "请先登录");
    }

    @Test
    void anExpiredSessionIsRefusedEvenBeforeTheCleanupRuns() {
        String name = Accounts.create(admin, "sharedexp2", "VIEWER", null);
        Browser onA = signedInOnA(name, Accounts.PASSWORD);
        String cookie = onA.sessionCookie();
        Neo4jSessionRepository repo = b.getBean(Neo4jSessionRepository.class);
        assertThat(repo.findById(cookie)).isNotNull();
        try (var s = a.getBean(Driver.class).session()) {
            s.run("MATCH (s:HttpSession {id: $id}) SET s.lastAccessed = s.lastAccessed - 31 * 60 * 1000",
                    Map.of("id", cookie)).consume(); // expiresAt left as is: findById checks the time itself
        }
        assertThat(repo.findById(cookie)).isNull();
        SecurityApiTest.problem(onA.get("/api/auth/me"), 401, "请先登录");
    }

    @Test
    void aRequestThatChangesNothingWritesNothingAndTheLastAccessIsWrittenAtMostEveryTouchInterval() throws InterruptedException {
        String name = Accounts.create(admin, "sharedtouch", "VIEWER", null);
        Browser onA = signedInOnA(name, Accounts.PASSWORD);
        Browser onB = onA.on(portB);
        Neo4jSessionRepository repoA = a.getBean(Neo4jSessionRepository.class);
        Neo4jSessionRepository repoB = b.getBean(Neo4jSessionRepository.class);
        String cookie = onA.sessionCookie();
        long stored = lastAccessed(cookie);
        long writes = repoA.writes() + repoB.writes();
        long started = System.nanoTime();
        int requests = 0;
        while (System.nanoTime() - started < 700_000_000L) { // well within the 1 s touch interval
            assertThat((requests % 2 == 0 ? onA : onB).get("/api/auth/me").status()).isEqualTo(200);
            requests++;
        }
        if (System.nanoTime() - started < 1_000_000_000L) { // a slow machine may have passed the interval
            assertThat(repoA.writes() + repoB.writes()).as(requests + " requests").isEqualTo(writes);
            assertThat(lastAccessed(cookie)).isEqualTo(stored);
        }
        Thread.sleep(1_100);
        assertThat(onB.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(lastAccessed(cookie)).as("touched after the interval").isGreaterThan(stored);
    }

    /** Prints the per-request cost of loading a session from the database (and the whole request, for scale). */
    @Test
    void perRequestCost() {
        String name = Accounts.create(admin, "sharedcost", "VIEWER", null);
        Browser onA = signedInOnA(name, Accounts.PASSWORD);
        String cookie = onA.sessionCookie();
        Neo4jSessionRepository repo = a.getBean(Neo4jSessionRepository.class);
        int n = 2_000;
        for (int i = 0; i < 500; i++) {
            repo.findById(cookie); // warm-up
        }
        long reads = repo.reads();
        long writes = repo.writes();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(repo.findById(cookie)).isNotNull();
        }
        long load = System.nanoTime() - t0;
        assertThat(repo.reads() - reads).isEqualTo(n); // one read transaction per load, nothing else
        assertThat(repo.writes() - writes).isZero();

        int m = 500;
        for (int i = 0; i < 100; i++) {
            onA.get("/api/auth/me");
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < m; i++) {
            assertThat(onA.get("/api/auth/me").status()).isEqualTo(200);
        }
        long http = System.nanoTime() - t1;
        long t2 = System.nanoTime();
        Browser anonymous = new Browser(portA);
        for (int i = 0; i < m; i++) {
            assertThat(anonymous.get("/api/auth/csrf").status()).isEqualTo(200);
        }
        long anon = System.nanoTime() - t2;
        System.out.printf("[session-cost] findById x%d: %.3f ms each; GET /api/auth/me with a session x%d: %.3f ms each; "
                        + "GET /api/auth/csrf without a session x%d: %.3f ms each%n",
                n, load / 1e6 / n, m, http / 1e6 / m, m, anon / 1e6 / m);
    }

    static long lastAccessed(String id) {
        try (var s = a.getBean(Driver.class).session()) {
            return s.run("MATCH (s:HttpSession {id: $id}) RETURN s.lastAccessed AS l", Map.of("id", id)).single().get("l").asLong();
        }
    }
}
