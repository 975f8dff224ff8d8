package com.chainatlas.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class ChainApiTest {

    @LocalServerPort
    int port;

    @Test
    void listsDemoChainsWithTheirSize() {
        JsonNode chains = new Api(port).ok("/api/chains");
        List<String> ids = new ArrayList<>();
        chains.forEach(c -> ids.add(c.get("chain").get("id").asString()));
        assertThat(ids).contains("NEV", "IC");
        chains.forEach(c -> {
            assertThat(c.get("segments").asInt()).isBetween(30, 80);
            assertThat(c.get("enterprises").asInt()).isGreaterThan(1000);
            assertThat(c.get("chain").get("sample").asBoolean()).isTrue();
        });
    }

    @Test
    void chainStructureHasStagesKeySegmentsAndFlows() {
        JsonNode nev = new Api(port).ok("/api/chains/NEV");
        List<String> stages = new ArrayList<>();
        nev.get("segments").forEach(s -> stages.add(s.get("stage").asString()));
        assertThat(stages).contains("UPSTREAM", "MIDSTREAM", "DOWNSTREAM");
        assertThat(nev.get("segments").valueStream().filter(s -> s.get("key").asBoolean()).count()).isPositive();
        assertThat(nev.get("segments").valueStream().filter(s -> !s.get("parentId").isNull()).count()).isPositive();
        assertThat(nev.get("flows").size()).isGreaterThan(40);
        assertThat(nev.get("flows").valueStream().anyMatch(f -> f.get("recycling").asBoolean())).isTrue();
    }

    @Test
    void productsCarryTheirInputsAndTechnologiesFilterBySegment() {
        Api api = new Api(port);
        JsonNode products = api.ok("/api/chains/NEV/products");
        assertThat(products.size()).isGreaterThan(50);
        assertThat(products.valueStream().anyMatch(p -> p.get("inputIds").size() > 0)).isTrue();
        JsonNode techs = api.ok("/api/technologies?chain=NEV");
        assertThat(techs.size()).isGreaterThan(10);
        String segment = techs.get(0).get("segmentIds").get(0).asString();
        JsonNode forSegment = api.ok("/api/technologies?segment=" + segment);
        assertThat(forSegment.valueStream()).allSatisfy(t ->
                assertThat(t.get("segmentIds").valueStream().map(JsonNode::asString)).contains(segment));
    }

    @Test
    void unknownChainAndSegmentAreProblemDetails() {
        Api api = new Api(port);
        for (String path : List.of("/api/chains/NOPE", "/api/segments/NOPE", "/api/chains/NOPE/products")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().get("detail").asString()).contains("未找到");
            assertThat(r.json().get("detailEn").asString()).contains("not found");
        }
    }
}
