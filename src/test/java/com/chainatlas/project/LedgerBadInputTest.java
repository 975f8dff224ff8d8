package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Bad input: unknown references, over-long texts, wrong types → problem JSON in Chinese, never a 500, nothing written. */
@LedgerIntegrationTest
class LedgerBadInputTest {

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
        clock.set(TestClock.TODAY);
    }

    private long written(String responsible) {
        return neo4j.query("MATCH (n) WHERE (n:Project OR n:Lead) AND n.responsible = $who RETURN count(n)")
                .bind(responsible).to("who").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void badProjectsAreRefusedClearly() {
        String ok = "\"name\":\"坏输入项目\",\"enterpriseName\":\"某企业\",\"responsible\":\"坏输入\"";
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"999999\",\"chainId\":\"NEV\"}"))).contains("999999");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NOPE\"}"))).contains("NOPE");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"segmentIds\":[\"X-1\"]}"))).contains("X-1");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"stage\":\"DONE\"}"))).contains("阶段");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"plannedInvestmentYi\":-1}"))).contains("计划投资");
        assertThat(api.problem(400, api.post("/api/projects", "{\"name\":\"" + "长".repeat(101)
                + "\",\"enterpriseName\":\"某企业\",\"responsible\":\"坏输入\",\"regionCode\":\"340104\",\"chainId\":\"NEV\"}"))).contains("过长");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"stage\":\"SIGNED\",\"stageDate\":\"2026-13-01\"}"))).contains("日期");
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"uscc\":\"91340100MA2XXXXXXX\"}"))).contains("91340100MA2XXXXXXX");
        assertThat(api.problem(400, api.post("/api/projects", "{\"name\":\"无责任人\",\"enterpriseName\":\"某企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\"}"))).contains("责任人");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        assertThat(api.problem(400, api.post("/api/projects", "{" + ok + ",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"segmentIds\":[" + many + "]}"))).contains("20");
        assertThat(api.problem(400, api.post("/api/projects", "{not json"))).isNotBlank();
        assertThat(api.problem(400, api.post("/api/projects", ""))).contains("请求体");
        assertThat(api.problem(404, api.call("/api/projects/no-such-id"))).contains("no-such-id");
        assertThat(api.problem(404, api.post("/api/projects/no-such-id/advance", "{\"stage\":\"SIGNED\",\"date\":\"2026-01-01\"}"))).isNotBlank();
        assertThat(written("坏输入")).isZero();
    }

    @Test
    void badFiltersAndPagesAreRefused() {
        assertThat(api.problem(404, api.call("/api/projects?region=999999"))).contains("999999");
        assertThat(api.problem(404, api.call("/api/projects?chain=NOPE"))).contains("NOPE");
        assertThat(api.problem(404, api.call("/api/leads?segment=X-1"))).contains("X-1");
        assertThat(api.problem(400, api.call("/api/projects?stage=LATER"))).contains("阶段");
        assertThat(api.problem(400, api.call("/api/projects?size=201"))).contains("200");
        assertThat(api.problem(400, api.call("/api/leads?page=-1"))).contains("页码");
        assertThat(api.problem(400, api.call("/api/leads?status=MAYBE"))).contains("线索状态");
        assertThat(api.problem(400, api.call("/api/leads?q=" + "长".repeat(101)))).contains("过长");
    }

    @Test
    void badLeadsAndContactsAreRefused() {
        assertThat(api.problem(400, api.post("/api/leads", "{\"enterpriseName\":\"某企业\",\"regionCode\":\"12\",\"chainId\":\"NEV\",\"responsible\":\"坏输入乙\"}"))).contains("12");
        assertThat(api.problem(400, api.post("/api/leads", "{\"enterpriseName\":\"某企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"source\":\"TV\",\"responsible\":\"坏输入乙\"}"))).contains("线索来源");
        assertThat(api.problem(400, api.post("/api/leads", "{\"enterpriseName\":\"某企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"坏输入乙\",\"note\":\""
                + "长".repeat(2001) + "\"}"))).contains("备注");
        assertThat(api.problem(404, api.post("/api/leads/from-target", "{\"chain\":\"NEV\",\"region\":\"340104\",\"uscc\":\"000000000000000000\"}"))).contains("企业");
        assertThat(written("坏输入乙")).isZero();
        String id = api.expect(201, api.post("/api/leads", "{\"enterpriseName\":\"某企业\",\"regionCode\":\"340104\",\"chainId\":\"NEV\",\"responsible\":\"坏输入乙\"}"))
                .get("id").asString();
        String contacts = "/api/leads/" + id + "/contacts";
        assertThat(api.problem(400, api.post(contacts, "{\"kind\":\"VISIT\",\"who\":\"王\",\"summary\":\"x\"}"))).contains("日期");
        assertThat(api.problem(400, api.post(contacts, "{\"date\":\"2026-06-16\",\"kind\":\"VISIT\",\"who\":\"王\",\"summary\":\"x\"}"))).contains("将来");
        assertThat(api.problem(400, api.post(contacts, "{\"date\":\"2026-06-10\",\"kind\":\"FAX\",\"who\":\"王\",\"summary\":\"x\"}"))).contains("跟进方式");
        assertThat(api.problem(400, api.post(contacts, "{\"date\":\"2026-06-10\",\"kind\":\"CALL\",\"who\":\"王\"}"))).contains("沟通内容");
        assertThat(api.problem(400, api.patch("/api/leads/" + id, "{\"nextActionDate\":42}"))).contains("日期");
        assertThat(api.get(contacts).size()).isZero();
        assertThat(api.get("/api/leads/" + id + "/history").size()).isEqualTo(1);
    }
}
