package com.chainatlas.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class RegionApiTest {

    @LocalServerPort
    int port;

    @Test
    void treeHasProvincesCitiesAndCounties() {
        JsonNode tree = new Api(port).ok("/api/regions/tree");
        assertThat(tree.size()).isEqualTo(31);
        JsonNode anhui = tree.valueStream().filter(p -> p.get("code").asString().equals("340000")).findFirst().orElseThrow();
        JsonNode hefei = anhui.get("children").valueStream().filter(c -> c.get("code").asString().equals("340100")).findFirst().orElseThrow();
        assertThat(hefei.get("children").valueStream().map(c -> c.get("name").asString())).contains("蜀山区", "包河区");
    }

    @Test
    void oneRegionWithPathAndChildren() {
        JsonNode d = new Api(port).ok("/api/regions/340104");
        assertThat(d.get("region").get("name").asString()).isEqualTo("蜀山区");
        assertThat(d.get("path").valueStream().map(r -> r.get("code").asString())).containsExactly("340000", "340100", "340104");
        JsonNode city = new Api(port).ok("/api/regions/340100");
        assertThat(city.get("children").size()).isEqualTo(12);
    }

    @Test
    void searchAndChildren() {
        Api api = new Api(port);
        assertThat(api.ok("/api/regions").size()).isEqualTo(31);
        assertThat(api.ok("/api/regions?parent=340000").valueStream().map(r -> r.get("name").asString())).contains("合肥市", "芜湖市");
        assertThat(api.ok("/api/regions?q=合肥").valueStream().map(r -> r.get("code").asString())).contains("340100");
    }

    @Test
    void badAndUnknownCodesAreProblems() {
        Api api = new Api(port);
        Api.Response bad = api.get("/api/regions/34");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("6 位");
        Api.Response unknown = api.get("/api/regions/999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("problem+json");
    }
}
