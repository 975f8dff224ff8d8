package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The bad-input suite (issue 13): every API endpoint, enumerated from Spring's handler mapping so endpoints added
 * later are covered without editing this class, gets bad requests (invalid percent-encoding, oversize text,
 * unknown ids, wrong types, negative paging, malformed JSON). Each must answer 4xx with an RFC 9457 problem detail
 * in Chinese, never 500, and the graph must have exactly as many nodes and relationships afterwards.
 */
@ChainAtlasIntegrationTest
class BadInputSuiteTest {

    static final String UNKNOWN = "no-such-id-zz9";
    static final String OVERSIZE = "长".repeat(Limits.PARAM_VALUE + 500);

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    Neo4jClient neo4j;

    /** One endpoint: method, path pattern, its declared query parameters by name and type, whether it takes a body. */
    record Endpoint(RequestMethod method, String pattern, Map<String, Class<?>> params, boolean body) {

        boolean hasPathVariables() {
            return pattern.contains("{");
        }

        /** The path with every variable an unknown id (a file variable keeps a valid extension). */
        String path() {
            return pattern.replaceAll("\\{[^}]+}\\.\\{ext}", UNKNOWN + ".csv").replace("{ext}", "csv")
                    .replaceAll("\\{file}", UNKNOWN + ".csv").replaceAll("\\{[^}]+}", UNKNOWN);
        }
    }

    List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            Set<String> patterns = e.getKey().getPatternValues();
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            Map<String, Class<?>> params = new LinkedHashMap<>();
            boolean body = false;
            for (MethodParameter p : e.getValue().getMethodParameters()) {
                RequestParam rp = p.getParameterAnnotation(RequestParam.class);
                if (rp != null) {
                    String name = !rp.name().isEmpty() ? rp.name() : !rp.value().isEmpty() ? rp.value() : p.getParameterName();
                    params.put(name, p.getParameterType());
                }
                body |= p.hasParameterAnnotation(RequestBody.class);
            }
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    all.add(new Endpoint(m, pattern, params, body));
                }
            }
        }
        return all;
    }

    /** The bad requests an endpoint gets: name → (path with query, body or null). */
    static Map<String, String[]> badRequests(Endpoint e) {
        Map<String, String[]> bad = new LinkedHashMap<>();
        String path = e.path();
        // a GBK client: 合肥 in GBK, not UTF-8
        bad.put("GBK percent-encoding", new String[]{path + "?q=%BA%CF%B7%CA" + e.params().keySet().stream()
                .map(n -> "&" + n + "=%BA%CF").reduce("", String::concat), null});
        bad.put("truncated percent-encoding", new String[]{path + "?x=%E5%90", null});
        if (!e.params().isEmpty()) {
            StringBuilder q = new StringBuilder();
            e.params().forEach((n, t) -> q.append(q.isEmpty() ? "?" : "&").append(n).append('=')
                    .append(java.net.URLEncoder.encode(OVERSIZE, java.nio.charset.StandardCharsets.UTF_8)));
            bad.put("oversize text", new String[]{path + q, null});
        }
        e.params().forEach((n, t) -> {
            if (t == int.class || t == Integer.class || t == long.class || t == Double.class || t == double.class
                    || t == boolean.class || t.isEnum()) {
                bad.put("wrong type of " + n, new String[]{path + "?" + n + "=zz%E9%94%99", null});
            }
        });
        if (e.params().containsKey("page") || e.params().containsKey("size")) {
            bad.put("negative paging", new String[]{path + "?page=-1&size=-5", null});
            bad.put("huge page size", new String[]{path + "?page=0&size=1000000", null});
        }
        if (e.hasPathVariables()) {
            bad.put("unknown id", new String[]{path, e.body() ? "{}" : null});
        }
        if (e.body()) {
            bad.put("malformed JSON", new String[]{path, "{\"name\": \"未闭合"});
            bad.put("JSON array instead of an object", new String[]{path, "[1, 2, 3]"});
            bad.put("JSON null", new String[]{path, "null"});
            bad.put("empty body", new String[]{path, ""});
            bad.put("wrong JSON types", new String[]{path, "{\"name\": 5, \"author\": [], \"query\": \"x\", \"username\": {},"
                    + " \"password\": 1, \"role\": 7, \"regionCode\": true, \"stage\": [], \"items\": \"x\", \"ids\": 3}"});
            bad.put("deeply nested JSON", new String[]{path, "[".repeat(5_000) + "]".repeat(5_000)});
            bad.put("not JSON at all", new String[]{path, "name=x&query=y", "text/plain"});
            bad.put("oversize name", new String[]{path, "{\"name\": \"" + "名".repeat(5_000) + "\", \"author\": \""
                    + "人".repeat(5_000) + "\", \"query\": {\"chain\": \"NEV\", \"region\": \"340100\"}}"});
        }
        return bad;
    }

    /** Nodes and relationships of the data. */
    long[] counts() {
        // Bookkeeping is not data: the history of import jobs (a rejected upload is recorded as rejected), the audit
        // log (refused writes are audited) and the shared import queue's coordination nodes (docs/scale.md).
        String bookkeeping = "n:ImportJobRecord OR n:AuditEntry OR n:QueuedImport OR n:ImportUpload OR n:ImportQueue"
                + " OR n:ClusterLease OR n:DataVersion";
        long nodes = neo4j.query("MATCH (n) WHERE NOT (" + bookkeeping + ") RETURN count(n) AS n").fetchAs(Long.class).one().orElseThrow();
        long rels = neo4j.query("MATCH (n)-[r]-(m) WHERE NOT (" + bookkeeping + ") AND NOT (" + bookkeeping.replace("n:", "m:")
                + ") RETURN count(DISTINCT r) AS n").fetchAs(Long.class).one().orElseThrow();
        return new long[]{nodes, rels};
    }

    /** Bad uploads for every import format: 4xx at once, or accepted and then rejected, never written. */
    static Map<String, byte[]> badUploads() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("empty.csv", new byte[0]);
        bad.put("damaged.xlsx", "PK\u0003\u0004 this is no workbook".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        bad.put("random.xlsx", new java.util.Random(13).ints(4096, 0, 256).collect(java.io.ByteArrayOutputStream::new,
                (o, i) -> o.write(i), (a, b2) -> a.writeBytes(b2.toByteArray())).toByteArray());
        bad.put("gbk.csv", "统一社会信用代码,企业名称\n91340100MA2TEST01X,合肥坏编码公司\n".getBytes(java.nio.charset.Charset.forName("GBK")));
        bad.put("wrong-columns.csv", ("列甲,列乙\n" + "值,值\n".repeat(50)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bad.put("binary.csv", new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, 0, 10, 0, 0});
        return bad;
    }

    @TestFactory
    Stream<DynamicTest> everyImportFormatRejectsBadUploadsAndWritesNothing() {
        Api api = new Api(port);
        List<String> formats = new ArrayList<>();
        api.ok("/api/import/formats").forEach(f -> formats.add(f.get("id") != null ? f.get("id").asString() : f.get("format").asString()));
        assertThat(formats).contains("enterprises");
        List<DynamicTest> tests = new ArrayList<>();
        for (String format : formats) {
            tests.add(DynamicTest.dynamicTest(format + ": no file part", () -> {
                Api.Response r = api.send(HttpRequest.newBuilder(api.uri("/api/import/" + format))
                        .header("Content-Type", "multipart/form-data; boundary=xyz")
                        .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--xyz--\r\n"))
                        .build());
                assertProblem(r, "no file part");
            }));
            badUploads().forEach((name, content) -> tests.add(DynamicTest.dynamicTest(format + ": " + name, () -> {
                long[] before = counts();
                Api.Response r = upload(api, format, name, content);
                if (r.status() == 202) { // accepted for validation: must end rejected, nothing written
                    String phase = awaitJob(api, r.json().get("id").asString());
                    assertThat(phase).as(name).isIn("REJECTED", "FAILED");
                } else {
                    assertProblem(r, name);
                }
                assertThat(counts()).as("nodes and relationships unchanged").containsExactly(before);
            })));
        }
        return tests.stream();
    }

    static Api.Response upload(Api api, String format, String fileName, byte[] content) {
        String boundary = "----badinput" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return api.send(HttpRequest.newBuilder(api.uri("/api/import/" + format))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static String awaitJob(Api api, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            String phase = api.ok("/api/import/jobs/" + id).get("phase").asString();
            if (List.of("DONE", "REJECTED", "FAILED").contains(phase)) {
                return phase;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not end");
    }

    static void assertProblem(Api.Response r, String what) {
        assertThat(r.status()).as(what + " → " + r.text()).isBetween(400, 499);
        assertThat(r.contentType()).as(what).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).as("detail in Chinese").containsPattern("\\p{IsHan}");
    }

    @Test
    void theWalkerFindsTheEndpoints() {
        List<Endpoint> all = endpoints();
        // a sample of what must be there; anything added later is walked too
        assertThat(all).extracting(Endpoint::pattern).contains("/api/targets", "/api/target-lists/{id}",
                "/api/export/{file}", "/api/import/{format}", "/api/diagnosis", "/api/chains/{id}", "/api/regions/{code}");
        assertThat(all).hasSizeGreaterThan(35);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersBadInputWithAProblemDetailAndChangesNothing() {
        Api api = new Api(port);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            badRequests(e).forEach((what, req) -> tests.add(DynamicTest.dynamicTest(e.method() + " " + e.pattern() + ": " + what, () -> {
                long[] before = counts();
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + req[0]));
                HttpRequest.BodyPublisher body = req[1] == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(req[1]);
                if (req[1] != null) {
                    b.header("Content-Type", req.length > 2 ? req[2] : "application/json");
                }
                Api.Response r = api.send(b.method(e.method().name(), body).build());
                assertThat(r.status()).as(what + " → " + r.text()).isBetween(400, 499);
                assertThat(r.contentType()).as(what).contains("application/problem+json");
                assertThat(r.json().get("status").asInt()).isEqualTo(r.status());
                assertThat(r.json().get("detail").asString()).as("detail in Chinese").containsPattern("\\p{IsHan}");
                assertThat(counts()).as("nodes and relationships unchanged").containsExactly(before);
            })));
        }
        return tests.stream();
    }
}
