package com.chainatlas.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.chainatlas.ChainAtlasApplication;
import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.Problem;
import com.chainatlas.support.Api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * The bulk load gives the graph the online importer gives for the same files (real embedded Neo4j on both
 * sides, each opened by the application, whose start-up migrations then apply), and a file with problems loads
 * nothing and reports the rows with the importer's reasons.
 */
class BulkLoadTest {

    static final String E1 = Uscc.of("340104", 71_000_001L);
    static final String E2 = Uscc.of("340104", 71_000_002L);
    static final String E3 = Uscc.of("340111", 71_000_003L);
    static final String E5 = Uscc.of("340104", 71_000_005L);

    static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("chains", "产业链编号,名称,行业代码\nZBULK,批量测试链,C3841;C3612\n");
        FILES.put("segments", "环节编号,产业链编号,名称,环节位置,关键环节,附加值等级,上级环节\n"
                + "ZB-A,ZBULK,原料,上游,是,4,\nZB-B,ZBULK,整机,下游,,,\nZB-A1,ZBULK,原料子环节,上游,,2,ZB-A\n");
        FILES.put("products", "产品编号,名称,所属环节,投入品\nZB-P1,电芯,ZB-A,\nZB-P2,电池包,ZB-B,ZB-P1\n");
        FILES.put("enterprises", "统一社会信用代码,企业名称,简称,行政区划代码,营业收入(万元),从业人数,成立日期,标签,所属环节,主营产品\n"
                + E1 + ",批量一号有限公司,批量一号,340104,\"12,500\",320,2016-05-18,高新技术企业;专精特新,ZB-A,电芯\n"
                + E2 + ",批量二号有限公司,,340104,,,,,,\n"
                + E3 + ",批量三号有限公司,,340111,1.2亿元,40,2020/1/2,上市,,\n"
                + ",无码企业有限公司,,340104,300,,,,,\n"
                + E5 + ",批量五号有限公司,示例五,340104,80,12,,,ZB-A1,\n");
        FILES.put("enterprise-segments", "企业,环节编号\n" + E2 + ",ZB-B\n批量三号有限公司,ZB-B\n无码企业有限公司,ZB-B\n示例五,ZB-A\n");
        FILES.put("enterprise-products", "企业,产品,收入占比\n" + E1 + ",ZB-P1,35%\n" + E2 + ",ZB-P2,\n");
        FILES.put("supplies", "供应商,客户,产品,年供货金额(万元)\n" + E1 + "," + E2 + ",ZB-P1,800\n" + E2 + "," + E3 + ",ZB-P2,\n"
                + E3 + "," + E1 + ",,50\n批量五号有限公司," + E1 + ",,\n");
    }

    static final String BAD_ENTERPRISES = "统一社会信用代码,企业名称,行政区划代码,营业收入(万元),成立日期\n"
            + E1 + ",批量一号有限公司,340104,100,2016-05-18\n"
            + E1.substring(0, 17) + (E1.charAt(17) == '0' ? '1' : '0') + ",校验位错有限公司,340104,100,\n"
            + E2 + ",区划错有限公司,999999,100,\n"
            + E3 + ",收入为负有限公司,340111,-5,\n"
            + E1 + ",重复有限公司,340104,,\n"
            + E5 + ",未来有限公司,340104,,2999-01-01\n";

    @TempDir
    Path dir;

    @Test
    void bulkLoadGivesTheImportersGraphAndTheAppOpensIt() throws Exception {
        Map<String, Path> files = write(dir.resolve("files"), FILES);
        Path bulkDir = dir.resolve("bulk");
        BulkLoad.Result result = BulkLoad.load(bulkDir, files, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(result.problemCount()).as(result.toString()).isZero();
        assertThat(result.loaded()).isTrue();
        assertThat(bulkDir.resolve("bulk-load-files")).doesNotExist();

        Graph bulk;
        try (ConfigurableApplicationContext app = start(bulkDir)) {
            bulk = graph(app);
        }
        Graph online;
        try (ConfigurableApplicationContext app = start(dir.resolve("online"))) {
            Api api = api(app);
            for (String format : FILES.keySet()) {
                awaitDone(api, upload(api, format, FILES.get(format), false));
            }
            online = graph(app);
        }
        assertThat(bulk.counts()).as("nodes and relationships").isEqualTo(online.counts());
        assertThat(bulk.counts().get("Enterprise")).isEqualTo(5L);
        assertThat(bulk.counts().get("SUPPLIES")).isEqualTo(4L);
        // the one known difference: neo4j-admin cannot store an empty array, so an empty tag list is absent, not []
        assertThat(bulk.enterprises().get(E2)).doesNotContainKey("tags");
        assertThat(online.enterprises().get(E2)).containsEntry("tags", List.of());
        assertThat(bulk.enterprises()).as("enterprise properties").isEqualTo(withoutEmptyLists(online.enterprises()));
        assertThat(bulk.enterprises().get(E2)).as("unknown revenue stays absent").doesNotContainKeys("revenue", "employees");
        assertThat(bulk.enterprises().get(E3).get("revenue")).isEqualTo(12000.0);
        assertThat(bulk.chainThings()).as("chain, segment and product properties").isEqualTo(online.chainThings());
        assertThat(bulk.relations()).as("relationships with their properties").isEqualTo(online.relations());
        assertThat(bulk.perSegment()).as("enterprises per segment").isEqualTo(online.perSegment())
                .containsEntry("ZB-B", 3L);
        assertThat(bulk.constraints()).as("constraints from the start-up migrations").isEqualTo(online.constraints())
                .contains("Enterprise.uscc");
        assertThat(bulk.diagnosis()).as("diagnosis figures").isEqualTo(online.diagnosis());
        assertThat(bulk.diagnosis().get("localEnterprises").asInt()).isEqualTo(5);
    }

    @Test
    void aFileWithProblemsLoadsNothingAndReportsTheImportersReasons() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>(FILES);
        bad.put("enterprises", BAD_ENTERPRISES);
        bad.put("supplies", "供应商,客户\n" + E1 + ",91110000MA0000000X\n" + E1 + "," + E1 + "\n");
        Path bulkDir = dir.resolve("bulk-bad");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BulkLoad.Result result = BulkLoad.load(bulkDir, write(dir.resolve("bad"), bad), new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(result.loaded()).isFalse();
        assertThat(bulkDir.resolve("data/databases/neo4j")).doesNotExist();
        assertThat(bulkDir.resolve("bulk-load-files")).doesNotExist();
        List<Problem> enterprises = result.problems("enterprises");
        assertThat(enterprises).extracting(Problem::row).containsExactly(3, 4, 5, 6, 7);
        List<Problem> supplies = result.problems("supplies");
        assertThat(supplies).extracting(Problem::row).contains(2, 3);
        assertThat(supplies).extracting(Problem::reason).contains("供应商与客户是同一家企业");
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("第 4 行", "Nothing loaded");

        // the online importer, given the same enterprises file (dry run), finds the same rows for the same reasons
        try (ConfigurableApplicationContext app = start(dir.resolve("online-bad"))) {
            Api api = api(app);
            JsonNode job = awaitEnd(api, upload(api, "enterprises", BAD_ENTERPRISES, true));
            List<String> importer = new ArrayList<>();
            job.get("result").get("problems").forEach(p -> importer.add(p.get("row").asInt() + " " + p.get("column").asString()
                    + " " + p.get("reason").asString()));
            assertThat(enterprises.stream().map(p -> p.row() + " " + p.column() + " " + p.reason()).toList())
                    .isEqualTo(importer).hasSize(5);
        }
    }

    // ---- helpers

    record Graph(Map<String, Long> counts, Map<String, Map<String, Object>> enterprises, Map<String, Object> chainThings,
                 List<String> relations, Map<String, Long> perSegment, List<String> constraints, JsonNode diagnosis) {
    }

    private static Graph graph(ConfigurableApplicationContext app) {
        Neo4jClient neo4j = app.getBean(Neo4jClient.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String label : List.of("Chain", "Segment", "Product", "Enterprise", "Region")) {
            counts.put(label, neo4j.query("MATCH (n) WHERE $l IN labels(n) RETURN count(n)").bind(label).to("l")
                    .fetchAs(Long.class).one().orElseThrow());
        }
        neo4j.query("""
                MATCH (a)-[r]->(b) WHERE any(l IN labels(a) WHERE l IN $ls) AND any(l IN labels(b) WHERE l IN $ls)
                RETURN type(r) AS t, count(r) AS n""").bind(List.of("Chain", "Segment", "Product", "Enterprise", "Region"))
                .to("ls").fetch().all().forEach(r -> counts.put((String) r.get("t"), (Long) r.get("n")));
        Map<String, Map<String, Object>> enterprises = new TreeMap<>();
        neo4j.query("MATCH (e:Enterprise) RETURN e.uscc AS k, properties(e) AS p").fetch().all()
                .forEach(r -> enterprises.put((String) r.get("k"), normalise(r.get("p"))));
        Map<String, Object> things = new TreeMap<>();
        neo4j.query("MATCH (n) WHERE n:Chain OR n:Segment OR n:Product RETURN labels(n)[0] + ':' + n.id AS k, properties(n) AS p")
                .fetch().all().forEach(r -> things.put((String) r.get("k"), normalise(r.get("p"))));
        List<String> relations = neo4j.query("""
                MATCH (a)-[r]->(b) WHERE NOT a:Region AND (a:Chain OR a:Segment OR a:Product OR a:Enterprise)
                RETURN type(r) + ' ' + coalesce(a.uscc, a.id) + '->' + coalesce(b.uscc, b.id, b.code) AS s,
                       properties(r) AS p""").fetch().all().stream()
                .map(r -> r.get("s") + " " + normalise(r.get("p"))).sorted().toList();
        Map<String, Long> perSegment = new TreeMap<>();
        neo4j.query("MATCH (s:Segment)<-[:IN_SEGMENT]-(e:Enterprise) RETURN s.id AS s, count(e) AS n").fetch().all()
                .forEach(r -> perSegment.put((String) r.get("s"), (Long) r.get("n")));
        List<String> constraints = neo4j.query("""
                SHOW CONSTRAINTS YIELD labelsOrTypes, properties
                RETURN labelsOrTypes[0] + '.' + properties[0] AS c ORDER BY c""").fetchAs(String.class).all().stream().toList();
        JsonNode diagnosis = api(app).ok("/api/diagnosis?chain=ZBULK&region=340100").get("figures");
        return new Graph(counts, enterprises, things, relations, perSegment, constraints, diagnosis);
    }

    /** Lists to lists of strings, numbers as they are: driver values compare by equals. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(Object properties) {
        Map<String, Object> m = new TreeMap<>((Map<String, Object>) properties);
        m.replaceAll((k, v) -> v instanceof List<?> l ? List.copyOf(l) : v);
        return m;
    }

    private static Map<String, Map<String, Object>> withoutEmptyLists(Map<String, Map<String, Object>> enterprises) {
        Map<String, Map<String, Object>> m = new TreeMap<>();
        enterprises.forEach((k, p) -> {
            Map<String, Object> q = new TreeMap<>(p);
            q.values().removeIf(v -> v instanceof List<?> l && l.isEmpty());
            m.put(k, q);
        });
        return m;
    }

    private static Map<String, Path> write(Path dir, Map<String, String> files) throws Exception {
        Files.createDirectories(dir);
        Map<String, Path> paths = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            paths.put(e.getKey(), Files.writeString(dir.resolve(e.getKey() + ".csv"), e.getValue()));
        }
        return paths;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ChainAtlasApplication.class).run("--server.port=0",
                "--chainatlas.embedded.bolt-port=0", "--chainatlas.embedded.page-cache=64m",
                "--chainatlas.embedded.data-dir=" + dataDir.toAbsolutePath(), "--spring.neo4j.uri=",
                "--chainatlas.demo.enabled=false", "--chainatlas.snapshots.warm-up=false",
                "--chainatlas.import.spill-dir=" + dataDir.toAbsolutePath().resolve("spill"), "--chainatlas.import.tick=200ms",
                "--chainatlas.security.admin-password=" + Api.ADMIN_PASSWORD, "--chainatlas.security.bcrypt-strength=4");
    }

    private static Api api(ConfigurableApplicationContext app) {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static String upload(Api api, String format, String csv, boolean dryRun) {
        String boundary = "----bulk" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + format
                + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/api/import/" + format + (dryRun ? "?dryRun=true" : "")))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        return r.json().get("id").asString();
    }

    private static JsonNode awaitDone(Api api, String id) throws InterruptedException {
        JsonNode job = awaitEnd(api, id);
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("DONE");
        return job;
    }

    private static JsonNode awaitEnd(Api api, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.ok("/api/import/jobs/" + id);
            if (List.of("DONE", "REJECTED", "FAILED").contains(job.get("phase").asString())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }
}
