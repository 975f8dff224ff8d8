package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The diagnosis API on the demo data (合肥市 340100 is generated to show every verdict). */
@ChainAtlasIntegrationTest
class DiagnosisApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"NEV", "IC"})
    void demoRegionShowsEveryVerdictAndFlag(String chain) {
        JsonNode d = new Api(port).ok("/api/diagnosis?chain=" + chain + "&region=340100");
        Set<String> verdicts = new HashSet<>();
        Set<String> flags = new HashSet<>();
        d.get("segments").forEach(s -> {
            verdicts.add(s.get("verdict").asString());
            s.get("flags").forEach(f -> flags.add(f.asString()));
            assertThat(s.get("reasons").size()).as(s.get("segmentId").asString()).isPositive();
        });
        assertThat(verdicts).as(chain).contains("MISSING", "WEAK", "STRONG", "PRESENT");
        assertThat(flags).as(chain).contains("EXTEND", "CRITICAL", "DEPENDENCY");
        String chokepoint = chain.equals("NEV") ? "NEV-VEHICLE" : "IC-FT";
        d.get("segments").forEach(s -> {
            boolean isChokepoint = s.get("concentration").get("chokepoint").asBoolean();
            assertThat(isChokepoint).as(s.get("segmentId").asString()).isEqualTo(s.get("segmentId").asString().equals(chokepoint));
        });
        assertThat(d.get("extendCandidates").size()).isPositive();
        // the demo firms have founding dates: 延链 is ranked by the learnt model, each candidate with its score and why
        assertThat(d.get("extendRanking").get("basis").asString()).isEqualTo("MODEL");
        assertThat(d.get("extendRanking").get("noteZh").asString()).startsWith("延链候选按模型排序");
        JsonNode top = d.get("extendCandidates").get(0);
        assertThat(top.get("basis").asString()).isEqualTo("MODEL");
        assertThat(top.get("reasonZh").asString()).startsWith("模型得分 ");
        assertThat(top.get("parts").size()).isEqualTo(6);
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(d.get("extendCandidates").get(1).get("score").asDouble());
        assertThat(d.get("leaders").size()).isPositive();
        assertThat(d.get("snapshot").get("version").asLong()).isPositive();
        assertThat(d.get("settings").get("minEnterprises").asInt()).isEqualTo(3);
        JsonNode fig = d.get("figures");
        assertThat(fig.get("completeness").asDouble()).isBetween(0.3, 1.0);
        assertThat(fig.get("sourcing").get("localShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(d.get("region").get("name").asString()).isEqualTo("合肥市");
    }

    @Test
    void overridesAreAppliedAndEchoed() {
        Api api = new Api(port);
        JsonNode d = api.ok("/api/diagnosis?chain=NEV&region=340100&minEnterprises=50&strongLq=9");
        assertThat(d.get("settings").get("minEnterprises").asInt()).isEqualTo(50);
        assertThat(d.get("settings").get("strongLq").asDouble()).isEqualTo(9.0);
        d.get("segments").forEach(s -> assertThat(s.get("verdict").asString()).isIn("MISSING", "WEAK", "STRONG"));
        Api.Response bad = api.get("/api/diagnosis?chain=NEV&region=340100&weakLq=3");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("application/problem+json");
        assertThat(bad.json().get("detailEn").asString()).contains("weakLq");
        assertThat(api.get("/api/diagnosis?chain=NEV&region=340100&minEnterprises=abc").status()).isEqualTo(400);
    }

    @Test
    void badChainOrRegionAreProblemDetails() {
        Api api = new Api(port);
        assertThat(api.get("/api/diagnosis?chain=NOPE&region=340100").status()).isEqualTo(404);
        assertThat(api.get("/api/diagnosis?chain=NEV&region=999999").status()).isEqualTo(404);
        Api.Response malformed = api.get("/api/diagnosis?chain=NEV&region=34");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("6 位数字");
        assertThat(api.get("/api/diagnosis?chain=NEV").status()).isEqualTo(400);
        assertThat(api.get("/api/diagnosis/segments/NOPE?region=340100").status()).isEqualTo(404);
        assertThat(api.get("/api/diagnosis/ranking?chain=NEV&segment=NEV-CELL&level=STATE").status()).isEqualTo(400);
    }

    @Test
    void wholeNationAndEmptyRegion() {
        Api api = new Api(port);
        JsonNode nation = api.ok("/api/diagnosis?chain=IC&region=000000");
        nation.get("segments").forEach(s -> {
            if (s.get("figures").get("nationalEnterprises").asInt() > 0) {
                assertThat(s.get("figures").get("lqByCount").asDouble()).isBetween(0.999999, 1.000001);
            }
        });
        assertThat(nation.get("region").get("name").asString()).isEqualTo("全国");
        // 西藏 那曲: no demo enterprise expected in IC... any region works: all MISSING when empty
        JsonNode county = api.ok("/api/diagnosis?chain=IC&region=540630");
        if (county.get("figures").get("localEnterprises").asInt() == 0) {
            county.get("segments").forEach(s -> assertThat(s.get("verdict").asString()).isEqualTo("MISSING"));
        }
    }

    @Test
    void segmentDetailNamesOutsideSuppliers() {
        JsonNode d = new Api(port).ok("/api/diagnosis/segments/NEV-VEHICLE?region=340100");
        assertThat(d.get("chainId").asString()).isEqualTo("NEV");
        assertThat(d.get("segment").get("segmentId").asString()).isEqualTo("NEV-VEHICLE");
        assertThat(d.get("localEnterprises").size()).isPositive();
        assertThat(d.get("nationalLeaders").size()).isPositive();
        JsonNode pack = new Api(port).ok("/api/diagnosis/segments/NEV-PACK?region=340100&limit=5");
        assertThat(pack.get("outsideSuppliers").size()).isBetween(1, 5);
        JsonNode first = pack.get("outsideSuppliers").get(0);
        assertThat(first.get("name").asString()).isNotBlank();
        assertThat(first.get("regionCode").asString()).doesNotStartWith("3401");
        assertThat(first.get("regionName").asString()).isNotBlank();
    }

    @Test
    void peersSideBySide() {
        Api api = new Api(port);
        JsonNode given = api.ok("/api/diagnosis/peers?chain=NEV&region=340100&peers=320500,440300");
        assertThat(given.get("regions").size()).isEqualTo(3);
        assertThat(given.get("regions").get(0).get("region").get("code").asString()).isEqualTo("340100");
        int segments = given.get("segmentIds").size();
        given.get("regions").forEach(r -> assertThat(r.get("verdicts").size()).isEqualTo(segments));
        JsonNode level = api.ok("/api/diagnosis/peers?chain=NEV&region=340100&level=CITY&within=000000&top=5");
        assertThat(level.get("regions").size()).isBetween(5, 6);
        List<String> codes = new ArrayList<>();
        level.get("regions").forEach(r -> codes.add(r.get("region").get("code").asString()));
        assertThat(codes).allSatisfy(c -> assertThat(c).endsWith("00"));
        JsonNode sameProvince = api.ok("/api/diagnosis/peers?chain=NEV&region=340100");
        sameProvince.get("regions").forEach(r -> assertThat(r.get("region").get("code").asString()).startsWith("34"));
    }

    @Test
    void rankingOfProvincesForASegment() {
        JsonNode r = new Api(port).ok("/api/diagnosis/ranking?chain=NEV&segment=NEV-CELL&level=PROVINCE");
        assertThat(r.get("rows").size()).isPositive();
        int total = 0;
        double previous = Double.MAX_VALUE;
        for (JsonNode row : r.get("rows")) {
            total += row.get("enterprises").asInt();
            assertThat(row.get("revenue").asDouble()).isLessThanOrEqualTo(previous);
            previous = row.get("revenue").asDouble();
        }
        assertThat(total).isEqualTo(r.get("nationalEnterprises").asInt());
        JsonNode cities = new Api(port).ok("/api/diagnosis/ranking?chain=NEV&segment=NEV-BATTERY&level=CITY&limit=3");
        assertThat(cities.get("rows").size()).isEqualTo(3);
    }

    @Test
    void snapshotsListVersionsAndRefreshBumpsTheVersion() {
        Api api = new Api(port);
        long before = api.ok("/api/diagnosis?chain=NEV&region=340100").get("snapshot").get("version").asLong();
        JsonNode list = api.ok("/api/snapshots");
        assertThat(list.valueStream().map(s -> s.get("chainId").asString())).contains("NEV");
        // Other tests may build snapshots of their own (possibly empty) chains: check the demo chain's.
        list.valueStream().filter(s -> s.get("chainId").asString().equals("NEV"))
                .forEach(s -> assertThat(s.get("enterprises").asInt()).isPositive());
        Api.Response refreshed = api.postJson("/api/snapshots/NEV/refresh", "");
        assertThat(refreshed.status()).isEqualTo(200);
        long after = refreshed.json().get("version").asLong();
        assertThat(after).isGreaterThan(before);
        assertThat(api.ok("/api/diagnosis?chain=NEV&region=340100").get("snapshot").get("version").asLong()).isEqualTo(after);
        assertThat(api.postJson("/api/snapshots/NOPE/refresh", "").status()).isEqualTo(404);
    }
}
