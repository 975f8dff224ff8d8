package com.chainatlas.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class EnterpriseAggregatesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void provinceCountsAddUpToTheListTotals() {
        Api api = new Api(port);
        JsonNode provinces = api.ok("/api/enterprises/distribution?chain=NEV");
        long sum = provinces.valueStream().mapToLong(p -> p.get("enterprises").asLong()).sum();
        assertThat(provinces.size()).isGreaterThanOrEqualTo(31);
        assertThat(sum).isEqualTo(api.ok("/api/enterprises?chain=NEV&size=1").get("total").asLong());
        JsonNode anhui = provinces.valueStream().filter(p -> p.get("code").asString().equals("340000")).findFirst().orElseThrow();
        assertThat(anhui.get("enterprises").asLong())
                .isEqualTo(api.ok("/api/enterprises?chain=NEV&region=340000&size=1").get("total").asLong());
        assertThat(anhui.get("revenue").asDouble()).isPositive();
    }

    @Test
    void revenueIsSummedOverKnownValuesAndNullWhenNoneIsKnown() {
        // A test chain: in 安徽 one firm with revenue 120 and one without; in 北京 one firm without revenue.
        neo4j.query("MATCH (x) WHERE x.id STARTS WITH 'ZTAGG' OR x.uscc STARTS WITH 'ZTAGG' DETACH DELETE x").run();
        try {
            neo4j.query("""
                    CREATE (c:Chain {id: 'ZTAGG', name: '测试链'})-[:HAS_SEGMENT]->(s:Segment {id: 'ZTAGG-S', chainId: 'ZTAGG', name: '测试环节'})
                    CREATE (:Enterprise {uscc: 'ZTAGG000000000001', name: '有营收', regionCode: '340104', provinceCode: '340000',
                            cityCode: '340100', countyCode: '340104', revenue: 120.0})-[:IN_SEGMENT]->(s)
                    CREATE (:Enterprise {uscc: 'ZTAGG000000000002', name: '营收未知甲', regionCode: '340104', provinceCode: '340000',
                            cityCode: '340100', countyCode: '340104'})-[:IN_SEGMENT]->(s)
                    CREATE (:Enterprise {uscc: 'ZTAGG000000000003', name: '营收未知乙', regionCode: '110105', provinceCode: '110000',
                            cityCode: '110100', countyCode: '110105'})-[:IN_SEGMENT]->(s)
                    """).run();
            JsonNode provinces = new Api(port).ok("/api/enterprises/distribution?chain=ZTAGG");
            JsonNode anhui = province(provinces, "340000");
            assertThat(anhui.get("enterprises").asLong()).isEqualTo(2);
            assertThat(anhui.get("revenueKnown").asLong()).isEqualTo(1);
            assertThat(anhui.get("revenue").asDouble()).isEqualTo(120.0);
            JsonNode beijing = province(provinces, "110000");
            assertThat(beijing.get("enterprises").asLong()).isEqualTo(1);
            assertThat(beijing.get("revenueKnown").asLong()).isZero();
            assertThat(beijing.get("revenue").isNull()).as("unknown is not zero").isTrue();
            JsonNode empty = province(provinces, "440000");
            assertThat(empty.get("enterprises").asLong()).isZero();
            assertThat(empty.get("revenue").isNull()).isTrue();
        } finally {
            neo4j.query("MATCH (x) WHERE x.id STARTS WITH 'ZTAGG' OR x.uscc STARTS WITH 'ZTAGG' DETACH DELETE x").run();
        }
    }

    private static JsonNode province(JsonNode provinces, String code) {
        return provinces.valueStream().filter(p -> p.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void drillsIntoCitiesAndCountiesOfASegment() {
        Api api = new Api(port);
        JsonNode cities = api.ok("/api/enterprises/distribution?chain=NEV&segment=NEV-BATTERY&parent=340000");
        assertThat(cities.valueStream().allMatch(c -> c.get("level").asString().equals("CITY") && c.get("code").asString().startsWith("34"))).isTrue();
        JsonNode hefei = cities.valueStream().filter(c -> c.get("code").asString().equals("340100")).findFirst().orElseThrow();
        assertThat(hefei.get("enterprises").asLong())
                .isEqualTo(api.ok("/api/enterprises?segment=NEV-BATTERY&region=340100&size=1").get("total").asLong());
        JsonNode counties = api.ok("/api/enterprises/distribution?chain=NEV&parent=340100");
        assertThat(counties.valueStream().mapToLong(c -> c.get("enterprises").asLong()).sum())
                .isEqualTo(api.ok("/api/enterprises?chain=NEV&region=340100&size=1").get("total").asLong());
    }

    @Test
    void listsZonesAndLocalMakers() {
        Api api = new Api(port);
        JsonNode zones = api.ok("/api/enterprises/zones?region=340100");
        assertThat(zones.size()).isPositive();
        assertThat(zones.get(0).get("enterprises").asLong()).isPositive();
        JsonNode makers = api.ok("/api/products/makers?chain=NEV&region=340100");
        assertThat(makers.size()).isEqualTo(api.ok("/api/chains/NEV/products").size());
        assertThat(makers.valueStream().allMatch(m -> m.get("localMakers").asLong() <= m.get("makers").asLong())).isTrue();
        assertThat(makers.valueStream().anyMatch(m -> m.get("localMakers").asLong() > 0)).isTrue();
        JsonNode national = api.ok("/api/products/makers?chain=NEV");
        assertThat(national.valueStream().allMatch(m -> m.get("localMakers").asLong() == 0)).isTrue();
    }

    @Test
    void rejectsUnknownRegionsAndCountyParents() {
        Api api = new Api(port);
        assertThat(api.get("/api/enterprises/distribution?parent=999999").status()).isEqualTo(404);
        assertThat(api.get("/api/enterprises/distribution?parent=340104").status()).isEqualTo(400);
        assertThat(api.get("/api/enterprises/zones?region=12").status()).isEqualTo(400);
    }
}
