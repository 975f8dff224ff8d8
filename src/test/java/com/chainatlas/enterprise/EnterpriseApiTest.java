package com.chainatlas.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class EnterpriseApiTest {

    @LocalServerPort
    int port;

    @Test
    void pagesAreDisjointAndTotalsStable() {
        Api api = new Api(port);
        JsonNode p0 = api.ok("/api/enterprises?chain=NEV&size=50&page=0");
        JsonNode p1 = api.ok("/api/enterprises?chain=NEV&size=50&page=1");
        assertThat(p0.get("total").asLong()).isGreaterThan(1000).isEqualTo(p1.get("total").asLong());
        assertThat(p0.get("items").size()).isEqualTo(50);
        Set<String> seen = new HashSet<>();
        p0.get("items").forEach(e -> seen.add(e.get("uscc").asString()));
        p1.get("items").forEach(e -> assertThat(seen.add(e.get("uscc").asString())).isTrue());
        // default order: revenue descending
        double prev = Double.MAX_VALUE;
        for (JsonNode e : p0.get("items")) {
            assertThat(e.get("revenue").asDouble()).isLessThanOrEqualTo(prev);
            prev = e.get("revenue").asDouble();
        }
    }

    @Test
    void regionFilterIncludesCountiesUnderACity() {
        Api api = new Api(port);
        long city = api.ok("/api/enterprises?chain=NEV&region=340100&size=1").get("total").asLong();
        assertThat(city).isPositive();
        long sumOfCounties = 0;
        for (JsonNode county : api.ok("/api/regions?parent=340100")) {
            sumOfCounties += api.ok("/api/enterprises?chain=NEV&size=1&region=" + county.get("code").asString()).get("total").asLong();
        }
        assertThat(sumOfCounties).isEqualTo(city);
        long province = api.ok("/api/enterprises?chain=NEV&region=340000&size=1").get("total").asLong();
        assertThat(province).isGreaterThanOrEqualTo(city);
        api.ok("/api/enterprises?chain=NEV&region=340100&size=200").get("items")
                .forEach(e -> assertThat(e.get("regionCode").asString()).startsWith("3401"));
    }

    @Test
    void filtersBySegmentTagAndName() {
        Api api = new Api(port);
        JsonNode tagged = api.ok("/api/enterprises?chain=IC&tag=上市&size=100");
        assertThat(tagged.get("total").asLong()).isPositive();
        tagged.get("items").forEach(e -> assertThat(e.get("tags").valueStream().map(JsonNode::asString)).contains("上市"));

        JsonNode one = tagged.get("items").get(0);
        JsonNode byName = api.ok("/api/enterprises?q=" + java.net.URLEncoder.encode(one.get("name").asString(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byName.get("items").valueStream().map(e -> e.get("uscc").asString())).contains(one.get("uscc").asString());

        JsonNode detail = api.ok("/api/enterprises/" + one.get("uscc").asString());
        String segment = detail.get("segments").get(0).get("id").asString();
        JsonNode inSegment = api.ok("/api/enterprises?segment=" + segment + "&size=500");
        assertThat(inSegment.get("items").valueStream().map(e -> e.get("uscc").asString())).contains(one.get("uscc").asString());
    }

    @Test
    void zoneFilterKeepsOnlyThatDevelopmentZone() {
        Api api = new Api(port);
        String zone = "合肥高新技术产业开发区";
        JsonNode inZone = api.ok("/api/enterprises?region=340100&size=200&zone=" + java.net.URLEncoder.encode(zone, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(inZone.get("total").asLong()).isPositive()
                .isLessThan(api.ok("/api/enterprises?region=340100&size=1").get("total").asLong());
        inZone.get("items").forEach(e -> assertThat(e.get("zone").asString()).isEqualTo(zone));
    }

    @Test
    void detailHasSegmentsProductsAndTradingPartners() {
        Api api = new Api(port);
        JsonNode top = api.ok("/api/enterprises?chain=NEV&segment=NEV-VEHICLE&size=1").get("items").get(0);
        JsonNode d = api.ok("/api/enterprises/" + top.get("uscc").asString());
        assertThat(d.get("regionName").asString()).isNotBlank();
        assertThat(d.get("segments").size()).isPositive();
        assertThat(d.get("products").size()).isPositive();
        assertThat(d.get("suppliers").size()).isPositive();
        assertThat(Uscc.isValid(d.get("enterprise").get("uscc").asString())).isTrue();
    }

    @Test
    void badParametersAreProblemDetails() {
        Api api = new Api(port);
        assertThat(api.get("/api/enterprises/91340100MA0000000X").status()).isEqualTo(404);
        assertThat(api.get("/api/enterprises?region=999999").status()).isEqualTo(404); // unknown region: 404 everywhere
        for (String path : new String[]{"/api/enterprises?page=-1",
                "/api/enterprises?size=100000", "/api/enterprises?sort=evil", "/api/enterprises?page=abc"}) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).contains("problem+json");
            assertThat(r.json().get("detail").asString()).as(path).isNotBlank();
            assertThat(r.text()).as(path).doesNotContain("Exception").doesNotContain("at com.");
        }
    }
}
