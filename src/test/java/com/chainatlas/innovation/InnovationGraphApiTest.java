package com.chainatlas.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/innovation/graph} on the embedded database with the demo data, checked against the per-item endpoints. */
@ChainAtlasIntegrationTest
class InnovationGraphApiTest {

    static final String HEFEI = "340100";

    @LocalServerPort
    int port;

    @Test
    void oneAnswerHoldsWhatThePerInstitutionRequestsGave() {
        Api api = new Api(port);
        JsonNode graph = api.ok("/api/innovation/graph?chain=NEV&region=" + HEFEI);
        assertThat(graph.get("chainId").asString()).isEqualTo("NEV");

        // the technologies are the chain's, as /api/technologies lists them
        assertThat(ids(graph.get("technologies"), "id")).isEqualTo(ids(api.ok("/api/technologies?chain=NEV"), "id")).isNotEmpty();

        // every institution of the chain is counted; the first 80 are drawn, the local ones (合肥) before any other
        JsonNode all = api.ok("/api/institutions?chain=NEV&size=500");
        long total = all.get("total").asLong();
        assertThat(graph.get("totalInstitutions").asLong()).isEqualTo(total).isPositive();
        JsonNode drawn = graph.get("institutions");
        assertThat(drawn.size()).isEqualTo((int) Math.min(total, InnovationGraphService.DEFAULT_LIMIT));
        assertThat(ids(all.get("items"), "id")).containsAll(ids(drawn, "id"));
        List<Boolean> local = new ArrayList<>();
        drawn.forEach(i -> local.add(i.get("regionCode").asString().startsWith("3401")));
        assertThat(local).contains(true);
        assertThat(local.indexOf(false) < 0 || local.lastIndexOf(true) < local.indexOf(false))
                .as("local institutions come first: %s", local).isTrue();

        // cooperation partners per institution, exactly those of /api/institutions/{id}, in the same order
        JsonNode coop = graph.get("cooperations");
        assertThat(coop.size()).isEqualTo(drawn.size());
        int withPartners = 0;
        for (JsonNode i : drawn) {
            String id = i.get("id").asString();
            JsonNode detail = api.ok("/api/institutions/" + id);
            assertThat(ids(coop.get(id), "uscc")).as("partners of %s", id).isEqualTo(ids(detail.get("cooperations"), "uscc"));
            assertThat(i.get("technologyIds")).isEqualTo(detail.get("institution").get("technologyIds"));
            if (!coop.get(id).isEmpty()) {
                withPartners++;
                JsonNode p = coop.get(id).get(0);
                assertThat(p.get("name").asString()).isNotBlank();
                assertThat(p.get("regionCode").asString()).hasSize(6);
            }
        }
        assertThat(withPartners).isPositive();
    }

    @Test
    void limitsAndBadInputAreClearProblems() {
        Api api = new Api(port);
        JsonNode three = api.ok("/api/innovation/graph?chain=NEV&limit=3");
        assertThat(three.get("institutions").size()).isEqualTo(3);
        assertThat(three.get("cooperations").size()).isEqualTo(3);
        // without a region the order is level and strength, as the institution list's
        assertThat(ids(three.get("institutions"), "id"))
                .isEqualTo(ids(api.ok("/api/institutions?chain=NEV&size=3").get("items"), "id"));

        problem(api.get("/api/innovation/graph"), 400, "产业链");
        problem(api.get("/api/innovation/graph?chain=NOPE"), 404, "NOPE");
        problem(api.get("/api/innovation/graph?chain=" + "X".repeat(5000)), 400, "过长");
        problem(api.get("/api/innovation/graph?chain=NEV&region=999999"), 400, "行政区划");
        problem(api.get("/api/innovation/graph?chain=NEV&region=34%2701"), 400, "6 位");
        problem(api.get("/api/innovation/graph?chain=NEV&limit=0"), 400, "limit");
        problem(api.get("/api/innovation/graph?chain=NEV&limit=201"), 400, "limit");
    }

    private static void problem(Api.Response r, int status, String detailContains) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains(detailContains);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        array.forEach(n -> {
            if (seen.add(n.get(field).asString())) {
                out.add(n.get(field).asString());
            }
        });
        return out;
    }
}
