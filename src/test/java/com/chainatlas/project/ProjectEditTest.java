package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** Field edits are recorded one by one (before → after, who, why); stage and dates cannot be edited; list filters. */
@LedgerIntegrationTest
class ProjectEditTest {

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

    @Test
    void editsAreRecordedFieldByFieldAndStageIsNotAnOrdinaryField() {
        List<String> segments = List.copyOf(neo4j.query("MATCH (s:Segment {chainId: 'NEV'}) RETURN s.id AS id ORDER BY id LIMIT 2")
                .fetchAs(String.class).all());
        JsonNode p = api.expect(201, api.post("/api/projects", """
                {"name":"编辑测试项目","enterpriseName":"某企业","regionCode":"340104","chainId":"NEV","responsible":"编辑测试",
                 "segmentIds":["%s"],"plannedInvestmentYi":10}
                """.formatted(segments.get(0))));
        String id = p.get("id").asString();
        clock.set(TestClock.TODAY.plusDays(2));
        JsonNode edited = api.expect(200, api.patch("/api/projects/" + id, """
                {"plannedInvestmentYi":12.5,"segmentIds":["%s","%s"],"department":"招商局","zoneName":"经开区",
                 "reason":"企业追加投资意向"}
                """.formatted(segments.get(0), segments.get(1))));
        assertThat(edited.get("plannedInvestmentYi").asDouble()).isEqualTo(12.5);
        assertThat(edited.get("segmentIds").size()).isEqualTo(2);
        assertThat(edited.get("updatedAt").asString()).isEqualTo(clock.instant().toString());
        // Clearing a figure makes it unknown (null), not 0.
        JsonNode cleared = api.expect(200, api.patch("/api/projects/" + id, "{\"plannedInvestmentYi\":null}"));
        assertThat(cleared.get("plannedInvestmentYi").isNull()).isTrue();
        assertThat(api.problem(400, api.patch("/api/projects/" + id, "{\"stage\":\"SIGNED\"}"))).contains("stage");
        assertThat(api.problem(400, api.patch("/api/projects/" + id, "{\"stageDates\":{}}"))).contains("stageDates");
        assertThat(api.problem(400, api.patch("/api/projects/" + id, "{\"responsible\":\"\"}"))).contains("责任人");
        assertThat(api.problem(400, api.patch("/api/projects/" + id, "{\"plannedInvestmentYi\":\"很多\"}"))).contains("计划投资");
        assertThat(api.problem(400, api.patch("/api/projects/" + id, "{\"segmentIds\":[\"NOPE-1\"]}"))).contains("NOPE-1");

        JsonNode history = api.get("/api/projects/" + id + "/history");
        Map<String, JsonNode> byField = new HashMap<>();
        history.forEach(c -> byField.putIfAbsent(c.get("field").asString() + "→" + c.get("after").asString(null), c));
        JsonNode invest = byField.get("plannedInvestmentYi→12.5");
        assertThat(invest.get("before").asString()).isEqualTo("10");
        assertThat(invest.get("fieldZh").asString()).isEqualTo("计划投资（亿元）");
        assertThat(invest.get("reason").asString()).isEqualTo("企业追加投资意向");
        assertThat(invest.get("at").asString()).isEqualTo(clock.instant().toString());
        assertThat(byField.get("segmentIds→" + segments.get(0) + ";" + segments.get(1)).get("before").asString()).isEqualTo(segments.get(0));
        assertThat(byField.get("department→招商局").get("before").isNull()).isTrue();
        assertThat(byField.get("zoneName→经开区")).isNotNull();
        JsonNode unknown = byField.get("plannedInvestmentYi→null");
        assertThat(unknown.get("before").asString()).isEqualTo("12.5");
        assertThat(unknown.get("reason").isNull()).isTrue();
        assertThat(history.size()).isEqualTo(6); // created + 4 fields + clearing; refused edits wrote nothing
    }

    @Test
    void listFiltersByStageStatusChainAndOverdue() {
        String who = "筛选测试";
        JsonNode due = api.expect(201, api.post("/api/projects", """
                {"name":"下一步已过期","enterpriseName":"甲","regionCode":"340104","chainId":"NEV","responsible":"%s",
                 "stage":"SIGNED","stageDate":"2026-05-01","nextAction":"办理规划许可","nextActionDate":"2026-06-10"}
                """.formatted(who)));
        api.expect(201, api.post("/api/projects", """
                {"name":"按期推进","enterpriseName":"乙","regionCode":"340202","chainId":"NEV","responsible":"%s",
                 "nextActionDate":"2026-12-31"}
                """.formatted(who)));
        assertThat(api.get("/api/projects?responsible=" + who).get("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/projects?responsible=" + who + "&stage=SIGNED").get("items").get(0).get("id").asString())
                .isEqualTo(due.get("id").asString());
        assertThat(api.get("/api/projects?responsible=" + who + "&region=340100").get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/projects?responsible=" + who + "&region=340000&chain=NEV&status=ACTIVE").get("total").asLong()).isEqualTo(2);
        JsonNode overdue = api.get("/api/projects?responsible=" + who + "&overdue=true");
        assertThat(overdue.get("total").asLong()).isEqualTo(1);
        assertThat(overdue.get("items").get(0).get("id").asString()).isEqualTo(due.get("id").asString());
        // Not updated for longer than the set days: both are overdue.
        clock.set(TestClock.TODAY.plusDays(settings.updateStaleDays() + 1));
        assertThat(api.get("/api/projects?responsible=" + who + "&overdue=true").get("total").asLong()).isEqualTo(2);
    }
}
