package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * An import's DONE means the figures changed: files go in through the HTTP API as the browser sends them, and the
 * diagnosis asked right after DONE (its snapshot was built before the import) already shows the new data.
 * Test data: chain ZTH1, enterprises with USCC serials 95,000,000+ in 340104; removed before and after.
 */
@ChainAtlasIntegrationTest
class ImportChangesDiagnosisTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    SnapshotRegistry registry;

    private Api api;

    private static String uscc(int n) {
        return Uscc.of("340104", 95_000_000L + n);
    }

    @BeforeEach
    @AfterEach
    void clean() {
        neo4j.query("MATCH (e:Enterprise) WHERE e.uscc STARTS WITH $prefix DETACH DELETE e")
                .bind("91340104950").to("prefix").run();
        neo4j.query("MATCH (x) WHERE (x:Chain OR x:Segment) AND x.id STARTS WITH 'ZTH1' DETACH DELETE x").run();
        registry.invalidate("ZTH1");
        api = new Api(port);
    }

    @Test
    void diagnosisAfterDoneShowsTheImportedData() {
        importFile("chains", "产业链编号,名称\nZTH1,导入诊断测试链\n");
        importFile("segments", "环节编号,产业链编号,名称,环节位置\nZTH1-A,ZTH1,原料,上游\nZTH1-B,ZTH1,整机,下游\n");
        JsonNode before = api.ok("/api/diagnosis?chain=ZTH1&region=340100");
        assertThat(before.get("figures").get("localEnterprises").asInt()).isZero();
        long v1 = before.get("snapshot").get("version").asLong();

        // enterprises (not tied to a chain: every snapshot is invalidated), one without revenue
        importFile("enterprises", "统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n"
                + uscc(1) + ",导入诊断甲有限公司,340104,100\n"
                + uscc(2) + ",导入诊断乙有限公司,340104,250\n"
                + uscc(3) + ",导入诊断丙有限公司,340104,\n");
        importFile("enterprise-segments", "企业,环节编号\n" + uscc(1) + ",ZTH1-A\n" + uscc(2) + ",ZTH1-A\n"
                + uscc(3) + ",ZTH1-A\n");
        JsonNode after = api.ok("/api/diagnosis?chain=ZTH1&region=340100");
        assertThat(after.get("snapshot").get("version").asLong()).isGreaterThan(v1);
        assertThat(after.get("figures").get("localEnterprises").asInt()).isEqualTo(3);
        JsonNode a = segment(after, "ZTH1-A");
        assertThat(a.get("figures").get("localEnterprises").asInt()).isEqualTo(3);
        assertThat(a.get("figures").get("localRevenue").asDouble()).isEqualTo(350.0);
        assertThat(a.get("figures").get("localRevenueKnown").asInt()).isEqualTo(2);
        assertThat(a.get("verdict").asString()).isNotEqualTo("MISSING");
        assertThat(segment(after, "ZTH1-B").get("verdict").asString()).isEqualTo("MISSING");

        // a second import changes a figure again: the third firm's revenue becomes known
        importFile("enterprises", "统一社会信用代码,企业名称,行政区划代码,营业收入(万元)\n"
                + uscc(3) + ",导入诊断丙有限公司,340104,50\n");
        JsonNode third = segment(api.ok("/api/diagnosis?chain=ZTH1&region=340100"), "ZTH1-A");
        assertThat(third.get("figures").get("localRevenue").asDouble()).isEqualTo(400.0);
        assertThat(third.get("figures").get("localRevenueKnown").asInt()).isEqualTo(3);
    }

    private static JsonNode segment(JsonNode diagnosis, String id) {
        return diagnosis.get("segments").valueStream().filter(s -> s.get("segmentId").asString().equals(id))
                .findFirst().orElseThrow();
    }

    /** Uploads a CSV as multipart form data and waits until the job ends; asserts DONE. */
    private void importFile(String format, String csv) {
        String boundary = "----h1" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + format
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response r = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/import/" + format))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = r.json().get("id").asString();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.ok("/api/import/jobs/" + id);
            String phase = job.get("phase").asString();
            if (phase.equals("DONE")) {
                return;
            }
            assertThat(phase).as(job.toString()).isNotIn("REJECTED", "FAILED");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("import " + format + " did not finish");
    }
}
