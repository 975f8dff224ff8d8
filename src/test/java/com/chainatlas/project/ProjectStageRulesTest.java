package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** The stage machine through the API: forward only, dated, in order, never in the future; back only by correction. */
@LedgerIntegrationTest
class ProjectStageRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Neo4jClient neo4j;

    LedgerApi api;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(port);
        clock.set(TestClock.TODAY); // 2026-06-15
    }

    private String newProject(String responsible) {
        JsonNode p = api.expect(201, api.post("/api/projects", """
                {"name":"年产 5GWh 电池项目","enterpriseName":"示例新企业有限公司","enterpriseRegionCode":"320500",
                 "regionCode":"340104","chainId":"NEV","responsible":"%s","plannedInvestmentYi":20}
                """.formatted(responsible)));
        assertThat(p.get("stage").asString()).isEqualTo("PLANNING");
        assertThat(p.get("stageZh").asString()).isEqualTo("谋划");
        assertThat(p.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(p.get("uscc").isNull()).isTrue();
        assertThat(p.get("enterpriseName").asString()).isEqualTo("示例新企业有限公司");
        return p.get("id").asString();
    }

    @Test
    void forwardOnlyWithDatesInOrderAndNotInTheFuture() {
        String id = newProject("阶段测试甲");
        String advance = "/api/projects/" + id + "/advance";
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"SIGNED\",\"date\":\"2026-03-01\"}"))).contains("洽谈");
        api.expect(200, api.post(advance, "{\"stage\":\"NEGOTIATING\",\"date\":\"2026-03-01\"}"));
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"SIGNED\",\"date\":\"2026-02-01\"}"))).contains("早于");
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"SIGNED\",\"date\":\"2026-06-16\"}"))).contains("将来");
        JsonNode signed = api.expect(200, api.post(advance, "{\"stage\":\"SIGNED\",\"date\":\"2026-03-01\"}"));
        assertThat(signed.get("stageDates").get("SIGNED").asString()).isEqualTo("2026-03-01");
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"NEGOTIATING\",\"date\":\"2026-04-01\"}"))).contains("更正");
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"SIGNED\",\"date\":\"2026-04-01\"}"))).contains("只能向后");
        // Skipping 开工 to 建设 needs 开工's date too, and that date must fit the order.
        assertThat(api.problem(400, api.post(advance, "{\"stage\":\"BUILDING\",\"date\":\"2026-05-10\"}"))).contains("开工");
        assertThat(api.problem(400, api.post(advance,
                "{\"stage\":\"BUILDING\",\"date\":\"2026-05-10\",\"skippedDates\":{\"STARTED\":\"2026-05-20\"}}"))).contains("早于");
        assertThat(api.problem(400, api.post(advance,
                "{\"stage\":\"BUILDING\",\"date\":\"2026-05-10\",\"skippedDates\":{\"STARTED\":\"2026-05-01\",\"AT_CAPACITY\":\"2026-05-02\"}}")))
                .contains("达产");
        JsonNode building = api.expect(200, api.post(advance,
                "{\"stage\":\"BUILDING\",\"date\":\"2026-05-10\",\"skippedDates\":{\"STARTED\":\"2026-05-01\"}}"));
        assertThat(building.get("stage").asString()).isEqualTo("BUILDING");
        assertThat(building.get("stageDates").get("STARTED").asString()).isEqualTo("2026-05-01");
        assertThat(building.get("stageDates").get("BUILDING").asString()).isEqualTo("2026-05-10");
        assertThat(building.get("stageDates").has("IN_PRODUCTION")).isFalse();
        // Nothing refused above was written: the history holds only the accepted steps.
        List<String> fields = fields(id);
        assertThat(fields).containsExactly("created", "stage", "stageDates.NEGOTIATING", "stage", "stageDates.SIGNED",
                "stage", "stageDates.STARTED", "stageDates.BUILDING");
    }

    @Test
    void goingBackOrChangingADateIsACorrectionWithAReason() {
        String id = newProject("阶段测试乙");
        api.expect(200, api.post("/api/projects/" + id + "/advance",
                "{\"stage\":\"STARTED\",\"date\":\"2026-04-10\",\"skippedDates\":{\"NEGOTIATING\":\"2026-01-05\",\"SIGNED\":\"2026-02-01\"}}"));
        String correct = "/api/projects/" + id + "/correct";
        assertThat(api.problem(400, api.post(correct, "{\"stage\":\"SIGNED\"}"))).contains("原因");
        assertThat(api.problem(400, api.post(correct, "{\"stageDates\":{\"SIGNED\":\"2026-07-01\"},\"reason\":\"录入错误\"}")))
                .contains("将来");
        assertThat(api.problem(400, api.post(correct, "{\"stageDates\":{\"SIGNED\":\"2026-05-01\"},\"reason\":\"录入错误\"}")))
                .contains("早于");
        JsonNode fixed = api.expect(200, api.post(correct, "{\"stageDates\":{\"SIGNED\":\"2026-02-03\"},\"reason\":\"合同日期录错\"}"));
        assertThat(fixed.get("stageDates").get("SIGNED").asString()).isEqualTo("2026-02-03");
        JsonNode back = api.expect(200, api.post(correct, "{\"stage\":\"SIGNED\",\"reason\":\"开工仪式推迟，误报开工\"}"));
        assertThat(back.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(back.get("stageDates").has("STARTED")).isFalse();

        JsonNode history = api.get("/api/projects/" + id + "/history");
        JsonNode dateFix = find(history, "stageDates.SIGNED", "2026-02-03");
        assertThat(dateFix.get("before").asString()).isEqualTo("2026-02-01");
        assertThat(dateFix.get("reason").asString()).isEqualTo("合同日期录错");
        assertThat(dateFix.get("by").asString()).isEqualTo(com.chainatlas.support.Api.ADMIN); // the signed-in user
        JsonNode stageBack = find(history, "stage", "签约");
        assertThat(stageBack.get("before").asString()).isEqualTo("开工");
        assertThat(stageBack.get("reason").asString()).isEqualTo("开工仪式推迟，误报开工");
        JsonNode dateDropped = find(history, "stageDates.STARTED", null);
        assertThat(dateDropped.get("before").asString()).isEqualTo("2026-04-10");
        assertThat(dateDropped.get("at").asString()).isEqualTo(clock.instant().toString());
    }

    @Test
    void suspendResumeTerminateNeedReasonsAndAreRecorded() {
        String id = newProject("阶段测试丙");
        String base = "/api/projects/" + id;
        assertThat(api.problem(400, api.post(base + "/suspend", "{}"))).contains("暂缓原因");
        JsonNode suspended = api.expect(200, api.post(base + "/suspend", "{\"reason\":\"企业融资未到位\"}"));
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("statusReason").asString()).isEqualTo("企业融资未到位");
        assertThat(api.problem(409, api.post(base + "/advance", "{\"stage\":\"NEGOTIATING\",\"date\":\"2026-06-01\"}"))).contains("恢复");
        assertThat(api.expect(200, api.post(base + "/resume", "{}")).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.problem(400, api.post(base + "/terminate", "{\"reason\":\"  \"}"))).contains("终止原因");
        JsonNode terminated = api.expect(200, api.post(base + "/terminate", "{\"reason\":\"企业另选址\"}"));
        assertThat(terminated.get("statusZh").asString()).isEqualTo("终止");
        assertThat(api.problem(409, api.post(base + "/resume", "{}"))).contains("终止");
        // Nothing is hard-deleted: the terminated project is still listed and keeps its history.
        assertThat(api.get("/api/projects?responsible=阶段测试丙&status=TERMINATED").get("total").asLong()).isEqualTo(1);
        JsonNode history = api.get(base + "/history");
        assertThat(find(history, "status", "暂缓").get("reason").asString()).isEqualTo("企业融资未到位");
        assertThat(find(history, "status", "推进中").get("before").asString()).isEqualTo("暂缓");
        assertThat(find(history, "status", "终止").get("reason").asString()).isEqualTo("企业另选址");
    }

    @Test
    void aProjectEnteredLateCarriesEarlierDatesInOrder() {
        JsonNode p = api.expect(201, api.post("/api/projects", """
                {"name":"迟录项目","enterpriseName":"某企业","regionCode":"340104","chainId":"NEV","responsible":"阶段测试丁",
                 "stage":"STARTED","stageDate":"2026-05-01","stageDates":{"SIGNED":"2026-01-10"}}
                """));
        assertThat(p.get("stageDates").get("SIGNED").asString()).isEqualTo("2026-01-10");
        assertThat(api.problem(400, api.post("/api/projects", """
                {"name":"无日期项目","enterpriseName":"某企业","regionCode":"340104","chainId":"NEV","responsible":"阶段测试丁",
                 "stage":"SIGNED"}
                """))).contains("签约");
        assertThat(api.problem(400, api.post("/api/projects", """
                {"name":"日期倒序","enterpriseName":"某企业","regionCode":"340104","chainId":"NEV","responsible":"阶段测试丁",
                 "stage":"STARTED","stageDate":"2026-01-01","stageDates":{"SIGNED":"2026-02-01"}}
                """))).contains("早于");
        assertThat(api.get("/api/projects?responsible=阶段测试丁").get("total").asLong()).isEqualTo(1);
    }

    private List<String> fields(String id) {
        List<String> out = new ArrayList<>();
        api.get("/api/projects/" + id + "/history").forEach(c -> out.add(c.get("field").asString()));
        return out;
    }

    private static JsonNode find(JsonNode history, String field, String after) {
        for (JsonNode c : history) {
            if (c.get("field").asString().equals(field)
                    && (after == null ? c.get("after").isNull() : after.equals(c.get("after").asString(null)))) {
                return c;
            }
        }
        throw new AssertionError("no change " + field + " → " + after + " in " + history);
    }
}
