package com.chainatlas.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** 挂链 through the HTTP API on the real embedded Neo4j, on a small hand-made chain of its own. */
@ChainAtlasIntegrationTest
class AssignmentApiTest {

    static final String CHAIN = "TEST-ASSIGN-C";

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    Api api;

    /**
     * Segments 电芯 (A), 正极材料 (B), 整车 (C) with three assigned firms each; candidates U1 (cell words, 合肥),
     * U2 (cathode words, 北京), U3 (words nobody uses), U4 (only its name shares words: 测试); N1 has no text at all; D1 is a segment of another chain.
     */
    @BeforeEach
    void handMadeChain() {
        cleanUp();
        api = new Api(port);
        neo4j.query("""
                CREATE (c:Chain {id: 'TEST-ASSIGN-C', name: '测试挂链', description: '', industryCodes: [], sample: false})
                CREATE (d:Chain {id: 'TEST-ASSIGN-D', name: '测试别的链', description: '', industryCodes: [], sample: false})
                CREATE (a:Segment {id: 'TEST-ASSIGN-A', chainId: 'TEST-ASSIGN-C', name: '电芯', stage: 'MIDSTREAM', key: true, valueAdded: 3})
                CREATE (b:Segment {id: 'TEST-ASSIGN-B', chainId: 'TEST-ASSIGN-C', name: '正极材料', stage: 'UPSTREAM', key: false, valueAdded: 2})
                CREATE (v:Segment {id: 'TEST-ASSIGN-V', chainId: 'TEST-ASSIGN-C', name: '整车', stage: 'DOWNSTREAM', key: false, valueAdded: 2})
                CREATE (d1:Segment {id: 'TEST-ASSIGN-D1', chainId: 'TEST-ASSIGN-D', name: '别的环节', stage: 'MIDSTREAM', key: false, valueAdded: 1})
                CREATE (c)-[:HAS_SEGMENT]->(a), (c)-[:HAS_SEGMENT]->(b), (c)-[:HAS_SEGMENT]->(v), (d)-[:HAS_SEGMENT]->(d1)
                WITH count(*) AS created
                UNWIND [
                  ['E1', 'TEST-ASSIGN-A', '方形电芯、软包电芯、储能电芯'], ['E2', 'TEST-ASSIGN-A', '动力电芯、圆柱电芯'], ['E3', 'TEST-ASSIGN-A', '磷酸铁锂电芯、电芯模组'],
                  ['E4', 'TEST-ASSIGN-B', '三元正极材料、前驱体'], ['E5', 'TEST-ASSIGN-B', '磷酸铁锂正极材料、钴酸锂'], ['E6', 'TEST-ASSIGN-B', '正极材料、锰酸锂'],
                  ['E7', 'TEST-ASSIGN-V', '纯电动乘用车、整车'], ['E8', 'TEST-ASSIGN-V', '插电混动乘用车、商用车整车'], ['E9', 'TEST-ASSIGN-V', '新能源客车、乘用车']
                ] AS f
                MATCH (s:Segment {id: f[1]})
                CREATE (e:Enterprise {uscc: 'TEST-ASSIGN-' + f[0], name: '测试企业' + f[0], regionCode: '340104',
                                      provinceCode: '340000', cityCode: '340100', countyCode: '340104', mainProducts: f[2]})
                CREATE (e)-[:IN_SEGMENT]->(s)
                """).run();
        neo4j.query("""
                CREATE (:Enterprise {uscc: 'TEST-ASSIGN-U1', name: '测试候选一', regionCode: '340104', provinceCode: '340000',
                                     cityCode: '340100', countyCode: '340104', mainProducts: '软包电芯、方形电芯'})
                CREATE (:Enterprise {uscc: 'TEST-ASSIGN-U2', name: '测试候选二', regionCode: '110108', provinceCode: '110000',
                                     cityCode: '110100', countyCode: '110108', businessScope: '一般项目：三元正极材料、钴酸锂正极材料的研发与销售'})
                CREATE (:Enterprise {uscc: 'TEST-ASSIGN-U4', name: '测试候选四', regionCode: '340104', provinceCode: '340000',
                                     cityCode: '340100', countyCode: '340104', mainProducts: '餐饮服务'})
                CREATE (:Enterprise {uscc: 'TEST-ASSIGN-U3', name: '某某餐馆', regionCode: '340104', provinceCode: '340000',
                                     cityCode: '340100', countyCode: '340104', mainProducts: '餐饮服务'})
                CREATE (:Enterprise {uscc: 'TEST-ASSIGN-N1', name: '测试无文本', regionCode: '340104', provinceCode: '340000',
                                     cityCode: '340100', countyCode: '340104'})
                """).run();
    }

    @AfterEach
    void cleanUp() {
        neo4j.query("""
                MATCH (n) WHERE (n:Chain OR n:Segment) AND n.id STARTS WITH 'TEST-ASSIGN-'
                   OR n:Enterprise AND n.uscc STARTS WITH 'TEST-ASSIGN-'
                DETACH DELETE n
                """).run();
    }

    /** This test's firms in a batch (paging through it: demo firms with text, if any, are in it too). */
    Map<String, JsonNode> mine(JsonNode first) {
        Map<String, JsonNode> out = new HashMap<>();
        String id = first.get("batchId").asString();
        int pages = (int) Math.ceil(first.get("total").asInt() / 500.0);
        for (int page = 0; page < Math.max(1, pages); page++) {
            JsonNode p = api.ok("/api/assignment/batches/" + id + "?size=500&page=" + page);
            p.get("page").get("items").forEach(s -> {
                if (s.get("uscc").asString().startsWith("TEST-ASSIGN-")) {
                    out.put(s.get("uscc").asString().substring("TEST-ASSIGN-".length()), s);
                }
            });
        }
        return out;
    }

    JsonNode suggest(String query) {
        Api.Response r = api.postJson("/api/assignment/suggestions?chain=" + CHAIN + query, "");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    long memberships(String uscc) {
        return neo4j.query("MATCH (:Enterprise {uscc: $u})-[r:IN_SEGMENT]->() RETURN count(r)").bind(uscc).to("u")
                .fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void theRegisteredIndustryIsReadAsItsOwnEvidence() {
        neo4j.query("""
                MATCH (e:Enterprise) WHERE e.uscc IN ['TEST-ASSIGN-E1', 'TEST-ASSIGN-E2', 'TEST-ASSIGN-E3', 'TEST-ASSIGN-U1']
                SET e.industry = 'C3841 锂离子电池制造'
                """).run();
        JsonNode batch = suggest("");
        assertThat(batch.get("method").get("industryWeight").asDouble()).isPositive();
        JsonNode u1 = mine(batch).get("U1");
        assertThat(u1.get("options").get(0).get("segmentId").asString()).isEqualTo("TEST-ASSIGN-A");
        assertThat(u1.get("matchedTerms").toString()).contains("所属行业 C3841锂离子电池制造");
    }

    @Test
    void candidatesGetSegmentsWithEvidenceAndLabels() {
        JsonNode batch = suggest("");
        assertThat(batch.get("trainingFirms").asInt()).isEqualTo(9);
        assertThat(batch.get("segments").asInt()).isEqualTo(3);
        Map<String, JsonNode> mine = mine(batch);
        assertThat(mine.keySet()).containsExactlyInAnyOrder("U1", "U2", "U3", "U4");

        JsonNode u1 = mine.get("U1");
        assertThat(u1.get("options").get(0).get("segmentId").asString()).isEqualTo("TEST-ASSIGN-A");
        assertThat(u1.get("options").get(0).get("segmentName").asString()).isEqualTo("电芯");
        assertThat(u1.get("confidence").asString()).isEqualTo("SURE");
        assertThat(u1.get("confidenceLabel").asString()).isEqualTo("确定");
        assertThat(u1.get("matchedTerms").toString()).contains("电芯");
        assertThat(u1.get("nearestFirms").get(0).get("uscc").asString()).isIn("TEST-ASSIGN-E1", "TEST-ASSIGN-E2", "TEST-ASSIGN-E3");

        assertThat(mine.get("U2").get("options").get(0).get("segmentId").asString()).isEqualTo("TEST-ASSIGN-B");

        JsonNode u3 = mine.get("U3");
        assertThat(u3.get("options").size()).isZero();
        assertThat(u3.get("confidence").asString()).isEqualTo("REVIEW");
        assertThat(u3.get("reason").asString()).contains("人工指定");

        JsonNode u4 = mine.get("U4");
        assertThat(u4.get("confidence").asString()).isEqualTo("REVIEW");
        assertThat(u4.get("reason").asString()).contains("只有企业名称");

        JsonNode review = api.ok("/api/assignment/batches/" + batch.get("batchId").asString() + "?confidence=待确认&size=500");
        review.get("page").get("items").forEach(s -> assertThat(s.get("confidence").asString()).isEqualTo("REVIEW"));
    }

    @Test
    void regionNarrowsTheCandidates() {
        assertThat(mine(suggest("&region=340100")).keySet()).containsExactlyInAnyOrder("U1", "U3", "U4");
        assertThat(mine(suggest("&region=110000")).keySet()).containsExactly("U2");
    }

    @Test
    void acceptingAllSureWritesOnlyThoseAndTheyLeaveTheCandidates() {
        JsonNode batch = suggest("&region=340100");
        Api.Response r = api.postJson("/api/assignment/batches/" + batch.get("batchId").asString() + "/accept-sure", "");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("written").asLong()).isEqualTo(1);
        assertThat(neo4j.query("MATCH (:Enterprise {uscc: 'TEST-ASSIGN-U1'})-[r:IN_SEGMENT]->(s) RETURN s.id + '/' + r.source")
                .fetchAs(String.class).one().orElseThrow()).isEqualTo("TEST-ASSIGN-A/suggestion");
        assertThat(memberships("TEST-ASSIGN-U3") + memberships("TEST-ASSIGN-U4")).isZero();
        assertThat(mine(suggest("&region=340100")).keySet()).containsExactlyInAnyOrder("U3", "U4");
    }

    @Test
    void acceptWritesOnceAndReportsWhatExisted() {
        String body = "{\"items\":[{\"uscc\":\"TEST-ASSIGN-U2\",\"segmentId\":\"TEST-ASSIGN-B\"},"
                + "{\"uscc\":\"TEST-ASSIGN-U2\",\"segmentId\":\"TEST-ASSIGN-B\"}]}";
        Api.Response first = api.postJson("/api/assignment/accept?chain=" + CHAIN, body);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().get("written").asLong()).isEqualTo(1);
        assertThat(first.json().get("chains").toString()).contains(CHAIN);
        Api.Response again = api.postJson("/api/assignment/accept", body);
        assertThat(again.json().get("written").asLong()).isZero();
        assertThat(again.json().get("alreadyAssigned").asLong()).isEqualTo(1);
        assertThat(memberships("TEST-ASSIGN-U2")).isEqualTo(1);
    }

    @Test
    void rejectedProposalsDoNotComeBackUntilAccepted() {
        assertThat(mine(suggest("&region=340100")).keySet()).containsExactlyInAnyOrder("U1", "U3", "U4");
        Api.Response r = api.postJson("/api/assignment/reject?chain=" + CHAIN, "{\"usccs\":[\"TEST-ASSIGN-U1\",\"TEST-ASSIGN-U4\"]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.json().get("recorded").asLong()).isEqualTo(2);
        assertThat(mine(suggest("&region=340100")).keySet()).containsExactly("U3");
        assertThat(memberships("TEST-ASSIGN-U1")).isZero();

        Api.Response again = api.postJson("/api/assignment/reject?chain=" + CHAIN, "{\"usccs\":[\"TEST-ASSIGN-U1\"]}");
        assertThat(again.json().get("recorded").asLong()).isZero();
        assertThat(again.json().get("alreadyRejected").asLong()).isEqualTo(1);
        // a rejection is per chain: U1 is not rejected in another chain
        assertThat(neo4j.query("MATCH (:Enterprise {uscc: 'TEST-ASSIGN-U1'})-[:ASSIGNMENT_REJECTED]->(c) RETURN c.id")
                .fetchAs(String.class).all()).containsExactly(CHAIN);

        // the reviewer later picks a segment for it anyway (改为…): the rejection is lifted
        Api.Response accepted = api.postJson("/api/assignment/accept?chain=" + CHAIN,
                "{\"items\":[{\"uscc\":\"TEST-ASSIGN-U1\",\"segmentId\":\"TEST-ASSIGN-V\"}]}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(neo4j.query("MATCH (:Enterprise {uscc: 'TEST-ASSIGN-U1'})-[r:ASSIGNMENT_REJECTED]->() RETURN count(r)")
                .fetchAs(Long.class).one().orElseThrow()).isZero();
        assertThat(neo4j.query("MATCH (:Enterprise {uscc: 'TEST-ASSIGN-U1'})-[:IN_SEGMENT]->(s) RETURN s.id")
                .fetchAs(String.class).one().orElseThrow()).isEqualTo("TEST-ASSIGN-V");
    }

    @Test
    void rejectChecksEverythingFirst() {
        Api.Response r = api.postJson("/api/assignment/reject?chain=" + CHAIN, "{\"usccs\":[\"TEST-ASSIGN-U1\",\"TEST-ASSIGN-NOPE\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("detail").asString()).contains("未记录任何驳回", "TEST-ASSIGN-NOPE");
        Map<String, Api.Response> cases = Map.of(
                "no chain", api.postJson("/api/assignment/reject", "{\"usccs\":[\"TEST-ASSIGN-U1\"]}"),
                "empty", api.postJson("/api/assignment/reject?chain=" + CHAIN, "{\"usccs\":[]}"),
                "no body", api.postJson("/api/assignment/reject?chain=" + CHAIN, ""),
                "blank", api.postJson("/api/assignment/reject?chain=" + CHAIN, "{\"usccs\":[\" \"]}"));
        cases.forEach((what, x) -> {
            assertThat(x.status()).as(what + ": " + x.text()).isEqualTo(400);
            assertThat(x.json().get("detail").asString()).as(what).isNotBlank();
        });
        assertThat(api.postJson("/api/assignment/reject?chain=NO-SUCH-CHAIN", "{\"usccs\":[\"TEST-ASSIGN-U1\"]}").status()).isEqualTo(404);
        assertThat(neo4j.query("MATCH (:Enterprise)-[r:ASSIGNMENT_REJECTED]->(:Chain {id: $c}) RETURN count(r)").bind(CHAIN).to("c")
                .fetchAs(Long.class).one().orElseThrow()).isZero();
        assertThat(mine(suggest("&region=340100")).keySet()).contains("U1");
    }

    @Test
    void provisionalEnterprisesAreMarked() {
        neo4j.query("MATCH (e:Enterprise {uscc: 'TEST-ASSIGN-U3'}) SET e.provisional = true").run();
        Map<String, JsonNode> mine = mine(suggest("&region=340100"));
        assertThat(mine.get("U3").get("provisional").asBoolean()).isTrue();
        assertThat(mine.get("U1").get("provisional").asBoolean()).isFalse();
    }

    @Test
    void unknownReferencesAreListedAndNothingIsWritten() {
        Api.Response r = api.postJson("/api/assignment/accept?chain=" + CHAIN, "{\"items\":["
                + "{\"uscc\":\"TEST-ASSIGN-U1\",\"segmentId\":\"TEST-ASSIGN-A\"},"
                + "{\"uscc\":\"TEST-ASSIGN-NOPE\",\"segmentId\":\"TEST-ASSIGN-B\"},"
                + "{\"uscc\":\"TEST-ASSIGN-U2\",\"segmentId\":\"TEST-ASSIGN-NOSEG\"},"
                + "{\"uscc\":\"TEST-ASSIGN-U3\",\"segmentId\":\"TEST-ASSIGN-D1\"}]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("未写入任何挂链", "TEST-ASSIGN-NOPE", "TEST-ASSIGN-NOSEG");
        assertThat(r.json().get("unknownEnterprises").toString()).contains("TEST-ASSIGN-NOPE");
        assertThat(r.json().get("unknownSegments").toString()).contains("TEST-ASSIGN-NOSEG", "TEST-ASSIGN-D1");
        assertThat(memberships("TEST-ASSIGN-U1")).isZero();
    }

    @Test
    void badRequestsAreProblemsNeverErrors() {
        assertThat(api.postJson("/api/assignment/suggestions?chain=" + CHAIN + "&region=999999", "").status()).isEqualTo(404);
        String tooMany = IntStream.range(0, AssignmentService.MAX_ACCEPT + 1)
                .mapToObj(i -> "{\"uscc\":\"X" + i + "\",\"segmentId\":\"Y\"}").collect(Collectors.joining(",", "{\"items\":[", "]}"));
        Map<String, Api.Response> cases = Map.of(
                "no chain", api.postJson("/api/assignment/suggestions", ""),
                "page too big", api.postJson("/api/assignment/suggestions?chain=" + CHAIN + "&size=5000", ""),
                "bad filter", api.postJson("/api/assignment/suggestions?chain=" + CHAIN + "&confidence=maybe", ""),
                "no body", api.postJson("/api/assignment/accept", ""),
                "blank uscc", api.postJson("/api/assignment/accept", "{\"items\":[{\"uscc\":\" \",\"segmentId\":\"TEST-ASSIGN-A\"}]}"),
                "too many", api.postJson("/api/assignment/accept", tooMany),
                "not json", api.postJson("/api/assignment/accept", "{items: oops"));
        cases.forEach((what, r) -> {
            assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).as(what).isNotBlank();
        });
        Api.Response chain = api.postJson("/api/assignment/suggestions?chain=NO-SUCH-CHAIN", "");
        assertThat(chain.status()).isEqualTo(404);
        assertThat(chain.json().get("detail").asString()).contains("未找到产业链");
        Api.Response batch = api.get("/api/assignment/batches/no-such-batch");
        assertThat(batch.status()).isEqualTo(404);
        assertThat(batch.json().get("detail").asString()).contains("请重新生成");
    }
}
