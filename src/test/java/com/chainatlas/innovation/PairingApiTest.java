package com.chainatlas.innovation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class PairingApiTest {

    private static final String HEFEI = "340100";

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    /**
     * A tiny chain with answers worked out by hand. Segment A (under PARENT) has technologies T1 and T2; B has T3.
     * Scores for region 合肥市 340100 (tier×1000 + level×100 + strength×10 + technologies):
     * I6 local provincial 4, researches A itself → 3240; I1 蜀山区 (local) municipal 2, T1 → 3121;
     * I2 芜湖 (province) national 5, T1+T2 → 2352; I3 北京 national 5, T1+T2 → 1352;
     * I4 北京 and I5 上海 national 5, T1 → 1351 each, I4 first by id; I7 researches only T3 → not listed for A.
     */
    @BeforeEach
    void handMadeChain() {
        cleanUp();
        neo4j.query("""
                CREATE (c:Chain {id: 'TEST-PAIRING-C', name: '测试链', description: '', industryCodes: [], sample: false})
                CREATE (p:Segment {id: 'TEST-PAIRING-PARENT', chainId: 'TEST-PAIRING-C', name: '测试大环节', stage: 'MIDSTREAM', key: false, valueAdded: 3})
                CREATE (a:Segment {id: 'TEST-PAIRING-A', chainId: 'TEST-PAIRING-C', name: '测试环节甲', stage: 'MIDSTREAM', key: true, valueAdded: 3, parentId: 'TEST-PAIRING-PARENT'})
                CREATE (b:Segment {id: 'TEST-PAIRING-B', chainId: 'TEST-PAIRING-C', name: '测试环节乙', stage: 'DOWNSTREAM', key: false, valueAdded: 2})
                CREATE (c)-[:HAS_SEGMENT]->(p), (c)-[:HAS_SEGMENT]->(a), (c)-[:HAS_SEGMENT]->(b), (a)-[:PART_OF]->(p)
                CREATE (t1:Technology {id: 'TEST-PAIRING-T1', chainId: 'TEST-PAIRING-C', name: '测试技术一'})-[:APPLIES_TO]->(a)
                CREATE (t2:Technology {id: 'TEST-PAIRING-T2', chainId: 'TEST-PAIRING-C', name: '测试技术二'})-[:APPLIES_TO]->(a)
                CREATE (t3:Technology {id: 'TEST-PAIRING-T3', chainId: 'TEST-PAIRING-C', name: '测试技术三'})-[:APPLIES_TO]->(b)
                CREATE (i1:Institution {id: 'TEST-PAIRING-I1', name: '测试机构一', type: 'UNIVERSITY', level: 'MUNICIPAL', regionCode: '340104', provinceCode: '340000', strength: 2})
                CREATE (i2:Institution {id: 'TEST-PAIRING-I2', name: '测试机构二', type: 'INSTITUTE', level: 'NATIONAL', regionCode: '340200', provinceCode: '340000', strength: 5})
                CREATE (i3:Institution {id: 'TEST-PAIRING-I3', name: '测试机构三', type: 'KEY_LAB', level: 'NATIONAL', regionCode: '110100', provinceCode: '110000', strength: 5})
                CREATE (i4:Institution {id: 'TEST-PAIRING-I4', name: '测试机构四', type: 'KEY_LAB', level: 'NATIONAL', regionCode: '110100', provinceCode: '110000', strength: 5})
                CREATE (i5:Institution {id: 'TEST-PAIRING-I5', name: '测试机构五', type: 'KEY_LAB', level: 'NATIONAL', regionCode: '310100', provinceCode: '310000', strength: 5})
                CREATE (i6:Institution {id: 'TEST-PAIRING-I6', name: '测试机构六', type: 'KEY_LAB', level: 'PROVINCIAL', regionCode: '340100', provinceCode: '340000', strength: 4})
                CREATE (i7:Institution {id: 'TEST-PAIRING-I7', name: '测试机构七', type: 'INSTITUTE', level: 'NATIONAL', regionCode: '440100', provinceCode: '440000', strength: 5})
                CREATE (i1)-[:RESEARCHES]->(t1), (i2)-[:RESEARCHES]->(t1), (i2)-[:RESEARCHES]->(t2),
                       (i3)-[:RESEARCHES]->(t1), (i3)-[:RESEARCHES]->(t2), (i4)-[:RESEARCHES]->(t1), (i5)-[:RESEARCHES]->(t1),
                       (i6)-[:RESEARCHES]->(a), (i7)-[:RESEARCHES]->(t3)
                CREATE (e1:Enterprise {uscc: 'TEST-PAIRING-E1', name: '测试本地企业', regionCode: '340104'})
                CREATE (e2:Enterprise {uscc: 'TEST-PAIRING-E2', name: '测试外地企业', regionCode: '110108'})
                CREATE (i6)-[:COOPERATES_WITH {kind: '联合研发', since: 2018}]->(e1)
                CREATE (i6)-[:COOPERATES_WITH {kind: '技术转让', since: 2024}]->(e2)
                """).run();
    }

    @AfterEach
    void cleanUp() {
        neo4j.query("""
                MATCH (n) WHERE (n:Chain OR n:Segment OR n:Technology OR n:Institution) AND n.id STARTS WITH 'TEST-PAIRING-'
                   OR n:Enterprise AND n.uscc STARTS WITH 'TEST-PAIRING-'
                DETACH DELETE n
                """).run();
    }

    @Test
    void handMadeChainRanksAsWorkedOut() {
        JsonNode report = new Api(port).ok("/api/pairing?chain=TEST-PAIRING-C&region=" + HEFEI + "&segments=TEST-PAIRING-A");
        assertThat(report.get("region").get("name").asString()).isEqualTo("安徽省 合肥市");
        JsonNode seg = report.get("segments").get(0);
        assertThat(seg.get("segment").get("name").asString()).isEqualTo("测试环节甲");
        assertThat(texts(seg.get("technologies"), "id")).containsExactly("TEST-PAIRING-T1", "TEST-PAIRING-T2");
        JsonNode insts = seg.get("institutions");
        assertThat(texts(insts, "id")).containsExactly("TEST-PAIRING-I6", "TEST-PAIRING-I1", "TEST-PAIRING-I2",
                "TEST-PAIRING-I3", "TEST-PAIRING-I4", "TEST-PAIRING-I5");
        assertThat(insts.valueStream().map(i -> i.get("score").get("total").asInt()).toList())
                .containsExactly(3240, 3121, 2352, 1352, 1351, 1351);
        assertThat(texts(insts, "tier")).containsExactly("LOCAL", "LOCAL", "PROVINCE", "NATIONAL", "NATIONAL", "NATIONAL");
        assertThat(seg.get("total").asInt()).isEqualTo(6);

        JsonNode i6 = insts.get(0);
        assertThat(i6.get("matches").get(0).get("text").asString()).isEqualTo("研究方向含 测试环节甲");
        assertThat(texts(i6.get("partners"), "uscc")).containsExactly("TEST-PAIRING-E1", "TEST-PAIRING-E2");
        assertThat(i6.get("partners").get(0).get("local").asBoolean()).isTrue();
        assertThat(i6.get("partners").get(0).get("regionName").asString()).isEqualTo("安徽省 合肥市 蜀山区");
        assertThat(i6.get("partners").get(1).get("local").asBoolean()).isFalse();
        assertThat(i6.get("reason").asString()).isEqualTo("本地省级重点实验室，研究 “测试环节甲”方向，已与 2 家企业合作（本地 1 家）");

        JsonNode i2 = insts.get(2);
        assertThat(texts(i2.get("matches"), "text")).containsExactly("研究 测试技术一（应用于 测试环节甲）", "研究 测试技术二（应用于 测试环节甲）");
        assertThat(i2.get("regionName").asString()).isEqualTo("安徽省 芜湖市");
        assertThat(i2.get("reason").asString()).isEqualTo("省内国家级科研院所，研究 测试技术一、测试技术二，尚无已知企业合作");
        assertThat(i2.get("score").get("technologies").asInt()).isEqualTo(2);
    }

    @Test
    void parentSegmentCoversSubSegmentsAndDefaultIsLeafSegments() {
        Api api = new Api(port);
        JsonNode parent = api.ok("/api/pairing?chain=TEST-PAIRING-C&region=" + HEFEI + "&segments=TEST-PAIRING-PARENT&limit=2");
        JsonNode seg = parent.get("segments").get(0);
        assertThat(texts(seg.get("institutions"), "id")).containsExactly("TEST-PAIRING-I6", "TEST-PAIRING-I1");
        assertThat(seg.get("total").asInt()).isEqualTo(6);

        JsonNode all = api.ok("/api/pairing?chain=TEST-PAIRING-C&region=" + HEFEI);
        assertThat(all.get("segments").valueStream().map(s -> s.get("segment").get("id").asString()))
                .containsExactly("TEST-PAIRING-A", "TEST-PAIRING-B");
        assertThat(texts(all.get("segments").get(1).get("institutions"), "id")).containsExactly("TEST-PAIRING-I7");

        // seen from 北京, I3 and I4 become local and I2 falls to the national tier
        JsonNode beijing = api.ok("/api/pairing?chain=TEST-PAIRING-C&region=110100&segments=TEST-PAIRING-A");
        assertThat(texts(beijing.get("segments").get(0).get("institutions"), "id")).containsExactly("TEST-PAIRING-I3",
                "TEST-PAIRING-I4", "TEST-PAIRING-I2", "TEST-PAIRING-I5", "TEST-PAIRING-I6", "TEST-PAIRING-I1");
    }

    @Test
    void demoHefeiLocalFirstEveryInstitutionReallyMatchesAndOrderFollowsKeys() {
        JsonNode report = new Api(port).ok("/api/pairing?chain=NEV&region=" + HEFEI + "&segments=NEV-CELL,NEV-ADS&limit=100");
        assertThat(report.get("segments")).hasSize(2);
        for (JsonNode seg : report.get("segments")) {
            String segmentId = seg.get("segment").get("id").asString();
            JsonNode insts = seg.get("institutions");
            assertThat(insts.size()).isPositive().isEqualTo(seg.get("total").asInt());
            assertThat(insts.get(0).get("tier").asString()).isEqualTo("LOCAL");
            assertThat(insts.get(0).get("regionCode").asString()).startsWith("3401");

            List<JsonNode> list = insts.valueStream().toList();
            List<JsonNode> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt((JsonNode i) -> -tierPoints(i.get("tier").asString()))
                    .thenComparingInt(i -> -levelPoints(i.get("level").asString()))
                    .thenComparingInt(i -> -i.get("strength").asInt())
                    .thenComparingInt(i -> -i.get("score").get("technologies").asInt())
                    .thenComparing(i -> i.get("id").asString()));
            assertThat(list).containsExactlyElementsOf(sorted);

            for (JsonNode i : list) {
                String id = i.get("id").asString();
                String code = i.get("regionCode").asString();
                String expectedTier = code.startsWith("3401") ? "LOCAL" : code.startsWith("34") ? "PROVINCE" : "NATIONAL";
                assertThat(i.get("tier").asString()).as(id).isEqualTo(expectedTier);
                JsonNode s = i.get("score");
                assertThat(s.get("total").asInt()).isEqualTo(s.get("tier").asInt() * 1000 + s.get("level").asInt() * 100
                        + s.get("strength").asInt() * 10 + s.get("technologies").asInt());
                assertThat(researches(id, segmentId)).as(id + " researches " + segmentId).isTrue();
                assertThat(i.get("reason").asString()).startsWith(i.get("tier").asString().equals("LOCAL") ? "本地" : "省");
                assertThat(i.get("partners").size()).isLessThanOrEqualTo(5).isLessThanOrEqualTo(i.get("partnerCount").asInt());
                boolean seenOutside = false;
                for (JsonNode p : i.get("partners")) {
                    boolean local = p.get("regionCode").asString().startsWith("3401");
                    assertThat(p.get("local").asBoolean()).isEqualTo(local);
                    assertThat(local && seenOutside).as("local partners first").isFalse();
                    seenOutside |= !local;
                }
            }
            // no institution that really matches is missing
            assertThat(matchingCount(segmentId)).isEqualTo(insts.size());
        }
    }

    @Test
    void badParametersGiveProblemDetails() {
        Api api = new Api(port);
        problem(api.get("/api/pairing?chain=NOPE&region=" + HEFEI), 404);
        problem(api.get("/api/pairing?chain=NEV&region=999999"), 404);
        problem(api.get("/api/pairing?chain=NEV&region=hefei"), 400);
        problem(api.get("/api/pairing?chain=NEV"), 400);
        problem(api.get("/api/pairing?chain=NEV&region=" + HEFEI + "&segments=NEV-NOPE"), 404);
        Api.Response other = api.get("/api/pairing?chain=NEV&region=" + HEFEI + "&segments=NEV-CELL,IC-EDA");
        problem(other, 400);
        assertThat(other.json().get("detail").asString()).contains("IC-EDA").contains("不属于产业链 NEV");
        problem(api.get("/api/pairing?chain=NEV&region=" + HEFEI + "&limit=0"), 400);
        problem(api.get("/api/pairing?chain=NEV&region=" + HEFEI + "&limit=x"), 400);
    }

    private static void problem(Api.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).isNotBlank();
        assertThat(r.json().get("detailEn").asString()).isNotBlank();
    }

    private boolean researches(String institutionId, String segmentId) {
        return neo4j.query("""
                MATCH (i:Institution {id: $i}), (s:Segment {id: $s})
                RETURN EXISTS { (i)-[:RESEARCHES]->(:Technology)-[:APPLIES_TO]->(x:Segment) WHERE x = s OR x.parentId = s.id }
                    OR EXISTS { (i)-[:RESEARCHES]->(x:Segment) WHERE x = s OR x.parentId = s.id } AS ok
                """).bindAll(Map.of("i", institutionId, "s", segmentId)).fetchAs(Boolean.class).one().orElse(false);
    }

    private long matchingCount(String segmentId) {
        return neo4j.query("""
                MATCH (s:Segment {id: $s}), (i:Institution)
                WHERE EXISTS { (i)-[:RESEARCHES]->(:Technology)-[:APPLIES_TO]->(x:Segment) WHERE x = s OR x.parentId = s.id }
                   OR EXISTS { (i)-[:RESEARCHES]->(x:Segment) WHERE x = s OR x.parentId = s.id }
                RETURN count(DISTINCT i)
                """).bind(segmentId).to("s").fetchAs(Long.class).one().orElse(0L);
    }

    private static List<String> texts(JsonNode array, String field) {
        return array.valueStream().map(n -> n.get(field).asString()).toList();
    }

    private static int tierPoints(String tier) {
        return switch (tier) {
            case "LOCAL" -> 3;
            case "PROVINCE" -> 2;
            default -> 1;
        };
    }

    private static int levelPoints(String level) {
        return switch (level) {
            case "NATIONAL" -> 3;
            case "PROVINCIAL" -> 2;
            default -> 1;
        };
    }
}
