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
            bad.put("oversize name", new String[]{path, "{\"name\": \"" + "名".repeat(5_000) + "\", \"author\": \""
                    + "人".repeat(5_000) + "\", \"query\": {\"chain\": \"NEV\", \"region\": \"340100\"}}"});
        }
        return bad;
    }

    long[] counts() {
        // the audit log records refused writes too: that is not the data changing
        long nodes = neo4j.query("MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS n").fetchAs(Long.class).one().orElseThrow();
        long rels = neo4j.query("MATCH ()-[r]->() RETURN count(r) AS n").fetchAs(Long.class).one().orElseThrow();
        return new long[]{nodes, rels};
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
                    b.header("Content-Type", "application/json");
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
