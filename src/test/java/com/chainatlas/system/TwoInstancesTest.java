package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.enterprise.Uscc;
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
 * Two application contexts (instances "a" and "b", each with its own web port and spill directory) on one Neo4j
 * harness database, as two app instances behind a load balancer: what one instance changes the other notices through
 * the database alone (data versions), and the import queue is one queue with one worker at a time for the database.
 */
class TwoInstancesTest {

    static final String POLL = "300ms";
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
        apiA = api(a);
        apiB = api(b);
    }

    static ConfigurableApplicationContext instance(String name) throws Exception {
        Path spill = Files.createTempDirectory("chainatlas-spill-" + name);
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run("--server.port=0",
                "--spring.neo4j.uri=" + server.boltURI(), "--chainatlas.demo.enabled=false",
                "--chainatlas.snapshots.warm-up=false", "--chainatlas.instance-id=" + name,
                "--chainatlas.import.spill-dir=" + spill, "--chainatlas.snapshots.poll-interval=" + POLL,
                "--chainatlas.import.tick=200ms",
                "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
    }

    static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
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

    @Test
    void anImportThroughOneInstanceIsSeenByTheOthersDiagnosis() throws Exception {
        awaitDone(apiA, upload(apiA, "chains", "产业链编号,名称\nZTS1,双实例测试链\n"));
        awaitDone(apiA, upload(apiA, "segments", "环节编号,产业链编号,名称,环节位置\nZTS1-A,ZTS1,原料,上游\nZTS1-B,ZTS1,整机,下游\n"));
        JsonNode before = apiB.ok("/api/diagnosis?chain=ZTS1&region=340100"); // b builds its snapshot now
        assertThat(before.get("figures").get("localEnterprises").asInt()).isZero();
        long v1 = before.get("snapshot").get("version").asLong();

        StringBuilder firms = new StringBuilder("统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n");
        StringBuilder members = new StringBuilder("企业,环节编号\n");
        for (int i = 1; i <= 3; i++) {
            String uscc = Uscc.of("340104", 96_000_000L + i);
            firms.append(uscc).append(",双实例企业").append(i).append("有限公司,340104,100\n");
            members.append(uscc).append(",ZTS1-A\n");
        }
        awaitDone(apiA, upload(apiA, "enterprises", firms.toString()));
        awaitDone(apiA, upload(apiA, "enterprise-segments", members.toString()));
        long done = System.nanoTime();

        // b's snapshot was built before the import and nothing told b in memory: it has to notice via the database
        JsonNode after = null;
        while (System.nanoTime() - done < 10_000_000_000L) {
            after = apiB.ok("/api/diagnosis?chain=ZTS1&region=340100");
            if (after.get("figures").get("localEnterprises").asInt() == 3) {
                break;
            }
            Thread.sleep(50);
        }
        long millis = (System.nanoTime() - done) / 1_000_000;
        assertThat(after.get("figures").get("localEnterprises").asInt()).as("b's diagnosis after a's import").isEqualTo(3);
        assertThat(after.get("snapshot").get("version").asLong()).isGreaterThan(v1); // version-keyed caches follow
        // within the poll interval plus one rebuild of a tiny chain (generous for a loaded 2-core machine)
        assertThat(millis).as("ms until b saw the import").isLessThan(5_000);
    }

    @Test
    void aJobQueuedOnOneInstanceRunsExactlyOnceWhileBothWorkersAreFree() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> chains = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String chain = "ZTQ" + i;
            chains.add(chain);
            Api through = i % 2 == 0 ? apiA : apiB;
            ids.add(upload(through, "chains", "产业链编号,名称\n" + chain + ",队列测试链" + i + "\n"));
        }
        // the same file again while the first is still queued or running: 409 from the other instance too
        String dup = "产业链编号,名称\nZTQD,重复文件链\n";
        String first = upload(apiA, "chains", dup);
        Api.Response again = uploadResponse(apiB, "chains", dup);
        JsonNode firstNow = apiB.ok("/api/import/jobs/" + first);
        if (!firstNow.get("phase").asString().equals("DONE")) {
            assertThat(again.status()).as(again.text()).isEqualTo(409);
            assertThat(again.json().get("detail").asString()).contains("同一文件正在导入中");
        }
        ids.add(first);
        chains.add("ZTQD");

        String holder = a.getBean(ClusterLease.class).holder("import-worker");
        assertThat(holder).isIn("a", "b");
        for (String id : ids) {
            // status of every job from both instances, whichever received or ran it
            // (the instance that ran a job may say DONE a moment before its record is stored for the others)
            JsonNode viaA = awaitDone(apiA, id);
            JsonNode viaB = awaitDone(apiB, id);
            assertThat(viaA.get("finishedAt").asString()).isEqualTo(viaB.get("finishedAt").asString());
        }
        var neo4j = a.getBean(org.springframework.data.neo4j.core.Neo4jClient.class);
        for (String chain : chains) {
            // each DONE import advances its chain's data version once: a job run twice would leave 2
            long epoch = neo4j.query("MATCH (v:DataVersion {chainId: $c}) RETURN v.epoch").bind(chain).to("c")
                    .fetchAs(Long.class).one().orElse(0L);
            assertThat(epoch).as("imports of chain " + chain).isEqualTo(1);
        }
        List<Map<String, Object>> records = List.copyOf(neo4j.query("""
                MATCH (j:ImportJobRecord) WHERE j.id IN $ids
                RETURN j.id AS id, j.worker AS worker, j.startedAt AS startedAt, j.finishedAt AS finishedAt
                ORDER BY j.startedAt
                """).bind(ids).to("ids").fetch().all());
        assertThat(records).hasSize(ids.size());
        assertThat(records).allSatisfy(r -> assertThat(r.get("worker")).isEqualTo(holder)); // the lease holder ran them
        for (int i = 1; i < records.size(); i++) { // one worker at a time for the database: no two jobs overlap
            var previousEnd = (java.time.ZonedDateTime) records.get(i - 1).get("finishedAt");
            var start = (java.time.ZonedDateTime) records.get(i).get("startedAt");
            assertThat(start).as("start of job " + records.get(i).get("id")).isAfterOrEqualTo(previousEnd);
        }
        assertThat(neo4j.query("MATCH (x) WHERE x:QueuedImport OR x:ImportUpload RETURN count(x)")
                .fetchAs(Long.class).one().orElseThrow()).as("queue nodes and upload chunks left").isZero();
    }

    static String upload(Api api, String format, String csv) {
        Api.Response r = uploadResponse(api, format, csv);
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    static Api.Response uploadResponse(Api api, String format, String csv) {
        String boundary = "----two" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + format
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/api/import/" + format))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static JsonNode awaitDone(Api api, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.ok("/api/import/jobs/" + id);
            String phase = job.get("phase").asString();
            if (phase.equals("DONE")) {
                return job;
            }
            assertThat(phase).as(job.toString()).isNotIn("REJECTED", "FAILED");
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
