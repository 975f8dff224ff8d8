package com.chainatlas.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class InnovationApiTest {

    @LocalServerPort
    int port;

    @Test
    void institutionsBySegmentAndRegionWithCooperation() {
        Api api = new Api(port);
        JsonNode all = api.ok("/api/institutions?chain=NEV&size=100");
        assertThat(all.get("total").asLong()).isPositive();
        String tech = all.get("items").get(0).get("technologyIds").get(0).asString();
        JsonNode byTech = api.ok("/api/institutions?technology=" + tech);
        byTech.get("items").forEach(i -> assertThat(i.get("technologyIds").valueStream().map(JsonNode::asString)).contains(tech));

        JsonNode local = api.ok("/api/institutions?region=340100&size=100");
        assertThat(local.get("total").asLong()).isPositive();
        local.get("items").forEach(i -> assertThat(i.get("regionCode").asString()).startsWith("3401"));

        JsonNode detail = api.ok("/api/institutions/" + local.get("items").get(0).get("id").asString());
        assertThat(detail.get("regionName").asString()).contains("合肥");
        assertThat(detail.get("cooperations").isArray()).isTrue();
        assertThat(api.get("/api/institutions/NOPE").status()).isEqualTo(404);
    }
}
