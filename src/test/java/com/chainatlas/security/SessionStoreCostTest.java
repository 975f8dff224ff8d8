package com.chainatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
 * {@code chainatlas.sessions.store=memory} against {@code neo4j} on one harness: memory keeps Tomcat's sessions (no
 * node, no repository), and the per-request price of the database store, measured in alternating rounds so both see
 * the same machine load. Prints {@code [session-store-cost]}.
 */
class SessionStoreCostTest {

    static Neo4j server;
    static ConfigurableApplicationContext memory;
    static ConfigurableApplicationContext neo4j;

    @BeforeAll
    static void start() throws Exception {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        memory = instance("memory");
        neo4j = instance("neo4j");
    }

    static ConfigurableApplicationContext instance(String store) throws Exception {
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run("--server.port=0",
                "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false",
                "--chainatlas.snapshots.warm-up=false", "--chainatlas.instance-id=" + store,
                "--chainatlas.import.spill-dir=" + Files.createTempDirectory("chainatlas-spill-" + store),
                "--chainatlas.sessions.store=" + store,
                "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {memory, neo4j}) {
            if (app != null) {
                app.close();
            }
        }
        server.close();
    }

    static Browser signedIn(ConfigurableApplicationContext app) {
        Browser b = new Browser(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        assertThat(b.login(Api.ADMIN, Api.ADMIN_PASSWORD).status()).isEqualTo(200);
        return b;
    }

    @Test
    void memoryKeepsSessionsInTheInstanceAndTheDatabaseStoreCostsOneReadPerRequest() {
        Browser inMemory = signedIn(memory);
        Browser inDatabase = signedIn(neo4j);
        assertThat(memory.getBeanNamesForType(Neo4jSessionRepository.class)).isEmpty();
        try (var s = neo4j.getBean(Driver.class).session()) {
            assertThat(s.run("MATCH (s:HttpSession {id: $id}) RETURN count(s) AS n", Map.of("id", inMemory.sessionCookie()))
                    .single().get("n").asLong()).as("the memory store writes no node").isZero();
            assertThat(s.run("MATCH (s:HttpSession {id: $id}) RETURN count(s) AS n", Map.of("id", inDatabase.sessionCookie()))
                    .single().get("n").asLong()).isEqualTo(1);
        }
        Neo4jSessionRepository repo = neo4j.getBean(Neo4jSessionRepository.class);
        int rounds = 10;
        int perRound = 100;
        long memoryNanos = 0;
        long databaseNanos = 0;
        for (int warm = 0; warm < 200; warm++) {
            inMemory.get("/api/auth/me");
            inDatabase.get("/api/auth/me");
        }
        long reads = repo.reads();
        long writes = repo.writes();
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                assertThat(inMemory.get("/api/auth/me").status()).isEqualTo(200);
            }
            memoryNanos += System.nanoTime() - t;
            t = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                assertThat(inDatabase.get("/api/auth/me").status()).isEqualTo(200);
            }
            databaseNanos += System.nanoTime() - t;
        }
        int n = rounds * perRound;
        assertThat(repo.reads() - reads).as("one session read per request").isEqualTo(n);
        long touches = repo.writes() - writes;
        assertThat(touches).as("last-access writes at most one per touch interval (60 s)").isLessThanOrEqualTo(1 + databaseNanos / 60_000_000_000L);
        System.out.printf("[session-store-cost] GET /api/auth/me x%d each: memory %.3f ms, neo4j %.3f ms, difference %.3f ms"
                        + " per request; session writes %d%n", n, memoryNanos / 1e6 / n, databaseNanos / 1e6 / n,
                (databaseNanos - memoryNanos) / 1e6 / n, touches);
    }
}
