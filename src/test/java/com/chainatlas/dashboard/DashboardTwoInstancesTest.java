package com.chainatlas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two application contexts on one Neo4j database (as two instances behind a load balancer): a project written or a
 * setting changed through instance a is in instance b's next dashboard and rates, although b had them cached —
 * b reads the ledger version with every request, well within the snapshot poll interval.
 */
class DashboardTwoInstancesTest {

    static Neo4j server;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static Api apiA;
    static Api apiB;

    @BeforeAll
    static void start() throws Exception {
        server = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        a = instance("a");
        b = instance("b");
        apiA = new Api(Integer.parseInt(a.getEnvironment().getProperty("local.server.port")));
        apiB = new Api(Integer.parseInt(b.getEnvironment().getProperty("local.server.port")));
        awaitDone(upload("chains", "产业链编号,名称\nZDASH,驾驶舱双实例链\n"));
        awaitDone(upload("segments", "环节编号,产业链编号,名称,环节位置\nZDASH-A,ZDASH,原料,上游\n"));
    }

    static String upload(String format, String csv) {
        String boundary = "----dash" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + format
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response r = apiA.send(HttpRequest.newBuilder(apiA.uri("/api/import/" + format))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    static void awaitDone(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = apiA.ok("/api/import/jobs/" + id);
            String phase = job.get("phase").asString();
            if (phase.equals("DONE")) {
                return;
            }
            assertThat(phase).as(job.toString()).isNotIn("REJECTED", "FAILED");
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    static ConfigurableApplicationContext instance(String name) throws Exception {
        Path spill = Files.createTempDirectory("chainatlas-spill-dash-" + name);
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run("--server.port=0",
                "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false",
                "--chainatlas.snapshots.warm-up=false", "--chainatlas.instance-id=dash-" + name,
                "--chainatlas.import.spill-dir=" + spill, "--chainatlas.snapshots.poll-interval=2s", "--chainatlas.import.tick=200ms",
                "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
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

    static int signed(JsonNode dashboard) {
        for (JsonNode s : dashboard.get("stages")) {
            if (s.get("stage").asString().equals("SIGNED")) {
                return s.get("count").asInt();
            }
        }
        throw new AssertionError("no SIGNED figure");
    }

    @Test
    void aWriteOnOneInstanceIsInTheOthersNextDashboard() {
        String dash = "/api/dashboard?region=340100";
        int before = signed(apiB.ok(dash));
        assertThat(signed(apiB.ok(dash))).isEqualTo(before); // now cached on b
        Api.Response r = apiA.postJson("/api/projects", """
                {"name":"双实例驾驶舱项目","enterpriseName":"双实例企业","regionCode":"340104","chainId":"ZDASH","responsible":"双实例",
                 "stage":"STARTED","stageDate":"2025-03-01","stageDates":{"SIGNED":"2025-01-10"}}
                """);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        // at once: no waiting for a poll
        assertThat(signed(apiB.ok(dash)) + stageCount(apiB.ok(dash), "STARTED")).isEqualTo(before + 1);

        String rates = "/api/projects/rates?region=340100&from=2025-01-01&to=2025-01-31";
        assertThat(apiB.ok(rates).get("rates").get(0).get("value").asDouble()).isEqualTo(1.0); // 开工 within 6 months
        Api.Response put = apiA.send(HttpRequest.newBuilder(apiA.uri("/api/settings/ledger"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"startWithinMonths\":1}")).build());
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(apiB.ok("/api/settings/ledger").get("settings").get("startWithinMonths").asInt()).isEqualTo(1);
        assertThat(apiB.ok(rates).get("rates").get(0).get("value").asDouble()).isEqualTo(0.0); // 7 weeks > 1 month
    }

    static int stageCount(JsonNode dashboard, String stage) {
        for (JsonNode s : dashboard.get("stages")) {
            if (s.get("stage").asString().equals(stage)) {
                return s.get("count").asInt();
            }
        }
        throw new AssertionError("no " + stage + " figure");
    }
}
