package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** Leads: from a target row to a project, the contact log, filters with sub-regions, stale leads at a set clock. */
@LedgerIntegrationTest
class LeadApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    LedgerSettings settings;

    LedgerApi api;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(port);
        clock.set(TestClock.TODAY);
    }

    /** Demo enterprises of a chain outside Anhui with their segment, as a target list would offer them. */
    private List<Map<String, Object>> enterprises(int n, int skip) {
        return List.copyOf(neo4j.query("""
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment {chainId: 'NEV'})
                WHERE NOT e.regionCode STARTS WITH '34'
                WITH e, min(s.id) AS segment ORDER BY e.uscc SKIP $skip LIMIT $n
                RETURN e.uscc AS uscc, e.name AS name, e.regionCode AS region, segment
                """).bindAll(Map.of("n", n, "skip", skip)).fetch().all());
    }

    @Test
    void targetRowBecomesALeadThenAProject() {
        Map<String, Object> e = enterprises(1, 0).get(0);
        String uscc = (String) e.get("uscc");
        JsonNode lead = api.expect(201, api.post("/api/leads/from-target", """
                {"chain":"NEV","region":"340104","uscc":"%s","responsible":"线索测试甲","department":"投资促进局"}
                """.formatted(uscc)));
        assertThat(lead.get("enterpriseName").asString()).isEqualTo(e.get("name"));
        assertThat(lead.get("enterpriseRegionCode").asString()).isEqualTo(e.get("region"));
        assertThat(lead.get("segmentId").asString()).isEqualTo(e.get("segment"));
        assertThat(lead.get("segmentName").asString()).isNotBlank();
        assertThat(lead.get("source").asString()).isEqualTo("LIST");
        assertThat(lead.get("sourceZh").asString()).isEqualTo("清单");
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        assertThat(lead.get("regionName").asString()).isEqualTo("蜀山区");
        assertThat(lead.get("daysSinceContact").isNull()).isTrue();
        String id = lead.get("id").asString();

        JsonNode dup = api.expect(409, api.post("/api/leads/from-target",
                "{\"chain\":\"NEV\",\"region\":\"340104\",\"uscc\":\"" + uscc + "\"}"));
        assertThat(dup.get("existingLeadId").asString()).isEqualTo(id);
        assertThat(dup.get("detail").asString()).contains("已有");

        clock.set(TestClock.TODAY.plusDays(3));
        JsonNode contact = api.expect(201, api.post("/api/leads/" + id + "/contacts", """
                {"date":"2026-06-17","kind":"VISIT","who":"王局长","summary":"企业有意在华东布局电芯产线",
                 "nextStep":"邀请来合肥考察","nextStepDate":"2026-07-01"}
                """));
        assertThat(contact.get("kindZh").asString()).isEqualTo("走访");
        JsonNode followed = api.get("/api/leads/" + id);
        assertThat(followed.get("status").asString()).isEqualTo("FOLLOWING");
        assertThat(followed.get("nextAction").asString()).isEqualTo("邀请来合肥考察");
        assertThat(followed.get("nextActionDate").asString()).isEqualTo("2026-07-01");
        assertThat(followed.get("lastContactDate").asString()).isEqualTo("2026-06-17");
        assertThat(followed.get("daysSinceContact").asLong()).isEqualTo(1);
        assertThat(api.get("/api/leads/" + id + "/contacts").size()).isEqualTo(1);

        JsonNode project = api.expect(201, api.post("/api/leads/" + id + "/convert",
                "{\"stage\":\"NEGOTIATING\",\"stageDate\":\"2026-06-18\",\"plannedInvestmentYi\":12.5}"));
        assertThat(project.get("leadId").asString()).isEqualTo(id);
        assertThat(project.get("uscc").asString()).isEqualTo(uscc);
        assertThat(project.get("regionCode").asString()).isEqualTo("340104");
        assertThat(project.get("segmentIds").get(0).asString()).isEqualTo(e.get("segment"));
        assertThat(project.get("responsible").asString()).isEqualTo("线索测试甲");
        assertThat(project.get("department").asString()).isEqualTo("投资促进局");
        assertThat(project.get("countedInvestmentYi").asDouble()).isEqualTo(12.5);
        JsonNode converted = api.get("/api/leads/" + id);
        assertThat(converted.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(converted.get("projectId").asString()).isEqualTo(project.get("id").asString());
        assertThat(converted.get("stale").asBoolean()).isFalse();
        api.problem(409, api.post("/api/leads/" + id + "/convert", "{}"));
        api.problem(409, api.post("/api/leads/" + id + "/contacts",
                "{\"date\":\"2026-06-18\",\"kind\":\"CALL\",\"who\":\"王\",\"summary\":\"x\"}"));
        // A converted lead no longer blocks a new lead for the same enterprise.
        api.expect(201, api.post("/api/leads/from-target", "{\"chain\":\"NEV\",\"region\":\"340104\",\"uscc\":\"" + uscc
                + "\",\"responsible\":\"线索测试甲\"}"));

        List<String> fields = new ArrayList<>();
        api.get("/api/leads/" + id + "/history").forEach(c -> fields.add(c.get("field").asString()));
        assertThat(fields).containsExactly("created", "contact", "lastContactOn", "nextAction", "nextActionDate", "status",
                "projectId", "status");
    }

    @Test
    void editsAndDroppingAreRecordedAndDroppingNeedsAReason() {
        JsonNode lead = api.expect(201, api.post("/api/leads", """
                {"enterpriseName":"某展会企业","regionCode":"340104","chainId":"NEV","source":"EXPO","responsible":"线索测试乙",
                 "note":"在展会上交换名片"}
                """));
        String id = lead.get("id").asString();
        assertThat(lead.get("sourceZh").asString()).isEqualTo("展会");
        assertThat(lead.get("uscc").isNull()).isTrue();
        JsonNode edited = api.expect(200, api.patch("/api/leads/" + id,
                "{\"responsible\":\"线索测试乙\",\"department\":\"招商二处\",\"nextAction\":\"电话回访\",\"nextActionDate\":\"2026-06-20\"}"));
        assertThat(edited.get("department").asString()).isEqualTo("招商二处");
        assertThat(api.problem(400, api.patch("/api/leads/" + id, "{\"status\":\"DROPPED\"}"))).contains("原因");
        assertThat(api.problem(400, api.patch("/api/leads/" + id, "{\"status\":\"CONVERTED\"}"))).contains("转为项目");
        assertThat(api.problem(400, api.patch("/api/leads/" + id, "{\"colour\":\"red\"}"))).contains("colour");
        JsonNode dropped = api.expect(200, api.patch("/api/leads/" + id, "{\"status\":\"DROPPED\",\"reason\":\"企业无投资计划\"}"));
        assertThat(dropped.get("statusZh").asString()).isEqualTo("已放弃");
        assertThat(dropped.get("statusReason").asString()).isEqualTo("企业无投资计划");
        JsonNode history = api.get("/api/leads/" + id + "/history");
        List<String> fields = new ArrayList<>();
        history.forEach(c -> fields.add(c.get("field").asString()));
        assertThat(fields).containsExactly("created", "department", "nextAction", "nextActionDate", "status", "statusReason");
        JsonNode status = history.get(4);
        assertThat(status.get("before").asString()).isEqualTo("新线索");
        assertThat(status.get("after").asString()).isEqualTo("已放弃");
        assertThat(status.get("reason").asString()).isEqualTo("企业无投资计划");
        // Dropped, not deleted: still listed under its status.
        assertThat(api.get("/api/leads?responsible=线索测试乙&status=DROPPED").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void filtersCoverSubRegionsChainSegmentAndResponsible() {
        List<Map<String, Object>> es = enterprises(3, 10);
        String who = "线索测试丙";
        // Two in counties of 合肥 (340100), one in 芜湖 (340200).
        String[] regions = {"340104", "340111", "340202"};
        for (int i = 0; i < 3; i++) {
            api.expect(201, api.post("/api/leads/from-target", "{\"chain\":\"NEV\",\"region\":\"" + regions[i]
                    + "\",\"uscc\":\"" + es.get(i).get("uscc") + "\",\"responsible\":\"" + who + "\"}"));
        }
        assertThat(api.get("/api/leads?responsible=" + who + "&region=340100").get("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/leads?responsible=" + who + "&region=340000").get("total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/leads?responsible=" + who + "&region=340202").get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/leads?responsible=" + who + "&region=110000").get("total").asLong()).isZero();
        assertThat(api.get("/api/leads?responsible=" + who + "&chain=NEV").get("total").asLong()).isEqualTo(3);
        String segment = (String) es.get(0).get("segment");
        long inSegment = es.stream().filter(e -> segment.equals(e.get("segment"))).count();
        assertThat(api.get("/api/leads?responsible=" + who + "&segment=" + segment).get("total").asLong()).isEqualTo(inSegment);
        JsonNode page = api.get("/api/leads?responsible=" + who + "&size=2&page=1");
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        String name = (String) es.get(2).get("name");
        assertThat(api.get("/api/leads?responsible=" + who + "&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .get("items").get(0).get("enterpriseName").asString()).isEqualTo(name);
    }

    @Test
    void leadsWithoutContactForTheSetDaysAreStale() {
        String who = "线索测试丁";
        int n = settings.leadStaleDays();
        clock.set(TestClock.TODAY.minusDays(n + 10));
        String never = api.expect(201, api.post("/api/leads", "{\"enterpriseName\":\"从未联系企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"" + who + "\"}"))
                .get("id").asString();
        String old = api.expect(201, api.post("/api/leads", "{\"enterpriseName\":\"久未联系企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"" + who + "\"}"))
                .get("id").asString();
        String recent = api.expect(201, api.post("/api/leads", "{\"enterpriseName\":\"刚联系企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"" + who + "\"}"))
                .get("id").asString();
        clock.set(TestClock.TODAY);
        api.expect(201, api.post("/api/leads/" + old + "/contacts", "{\"date\":\"" + TestClock.TODAY.minusDays(n)
                + "\",\"kind\":\"CALL\",\"who\":\"李\",\"summary\":\"电话沟通\"}"));
        api.expect(201, api.post("/api/leads/" + recent + "/contacts", "{\"date\":\"" + TestClock.TODAY.minusDays(n - 1)
                + "\",\"kind\":\"MEETING\",\"who\":\"李\",\"summary\":\"会谈\"}"));
        JsonNode stale = api.get("/api/leads?responsible=" + who + "&stale=true");
        List<String> ids = new ArrayList<>();
        stale.get("items").forEach(l -> ids.add(l.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(never, old);
        assertThat(api.get("/api/leads/" + old).get("daysSinceContact").asLong()).isEqualTo(n);
        assertThat(api.get("/api/leads/" + recent).get("stale").asBoolean()).isFalse();
        assertThat(api.get("/api/leads/" + never).get("daysSinceContact").isNull()).isTrue();
        // One day later the recent one is stale too.
        clock.set(TestClock.TODAY.plusDays(1));
        assertThat(api.get("/api/leads?responsible=" + who + "&stale=true").get("total").asLong()).isEqualTo(3);
    }
}
