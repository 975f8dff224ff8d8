package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** Counting rules (增资 counts only the increase, unknown stays null, one project once) and the facts source. */
@LedgerIntegrationTest
class ProjectCountingTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    LedgerFactsSource facts;

    LedgerApi api;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(port);
        clock.set(TestClock.TODAY);
    }

    @Test
    void expansionCountsOnlyTheAddedInvestmentAndUnknownStaysNull() {
        // A county of its own (六安 霍山县 341525) so the facts below are exactly these projects.
        List<String> segments = List.copyOf(neo4j.query("MATCH (s:Segment {chainId: 'NEV'}) RETURN s.id AS id ORDER BY id LIMIT 2")
                .fetchAs(String.class).all());
        JsonNode expansion = api.expect(201, api.post("/api/projects", """
                {"name":"某电池厂增资扩产","enterpriseName":"某电池厂","regionCode":"341525","chainId":"NEV","responsible":"计数测试",
                 "segmentIds":["%s","%s"],"expansion":true,"plannedInvestmentYi":30,"addedInvestmentYi":8,
                 "stage":"SIGNED","stageDate":"2026-05-01"}
                """.formatted(segments.get(0), segments.get(1))));
        assertThat(expansion.get("countedInvestmentYi").asDouble()).isEqualTo(8.0);
        assertThat(expansion.get("segmentNames").size()).isEqualTo(2);
        JsonNode unknownIncrease = api.expect(201, api.post("/api/projects", """
                {"name":"增资额未知","enterpriseName":"某电池厂","regionCode":"341525","chainId":"NEV","responsible":"计数测试",
                 "expansion":true,"plannedInvestmentYi":12}
                """));
        assertThat(unknownIncrease.get("countedInvestmentYi").isNull()).isTrue();
        JsonNode unknown = api.expect(201, api.post("/api/projects", """
                {"name":"投资额未知","enterpriseName":"某企业","regionCode":"341525","chainId":"NEV","responsible":"计数测试"}
                """));
        assertThat(unknown.get("plannedInvestmentYi").isNull()).isTrue();
        assertThat(unknown.get("countedInvestmentYi").isNull()).isTrue();
        assertThat(api.problem(400, api.post("/api/projects", """
                {"name":"非增资填新增","enterpriseName":"某企业","regionCode":"341525","chainId":"NEV","responsible":"计数测试",
                 "addedInvestmentYi":3}
                """))).contains("增资");

        List<ProjectFacts> under = facts.projectsUnder("341500");
        assertThat(under).hasSize(3);
        ProjectFacts e = under.stream().filter(f -> f.id().equals(expansion.get("id").asString())).findFirst().orElseThrow();
        assertThat(e.countedInvestmentYi()).isEqualTo(8.0);
        assertThat(e.plannedInvestmentYi()).isEqualTo(30.0);
        assertThat(e.expansion()).isTrue();
        assertThat(e.segmentIds()).containsExactlyElementsOf(segments);
        assertThat(e.stage()).isEqualTo(ProjectStage.SIGNED);
        assertThat(e.dateOf(ProjectStage.SIGNED)).isEqualTo(TestClock.TODAY.withDayOfMonth(1).withMonth(5));
        assertThat(e.stageDates()).containsOnlyKeys(ProjectStage.SIGNED);
        assertThat(e.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(e.responsible()).isEqualTo("计数测试");
        assertThat(e.lastUpdatedAt()).isEqualTo(clock.instant());
        Double sum = under.stream().map(ProjectFacts::countedInvestmentYi).filter(java.util.Objects::nonNull).reduce(0.0, Double::sum);
        assertThat(sum).isEqualTo(8.0);
        assertThat(under.stream().filter(f -> f.countedInvestmentYi() == null)).hasSize(2);
        assertThat(facts.projectsUnder("341525")).hasSize(3);
        assertThat(facts.projectsUnder("341502")).isEmpty();
        // The same project listed by segment is still one entry.
        assertThat(api.get("/api/projects?region=341500&segment=" + segments.get(1)).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void leadFactsReturnWhatWasWritten() {
        clock.set(TestClock.TODAY.minusDays(5));
        String id = api.expect(201, api.post("/api/leads", """
                {"enterpriseName":"事实测试企业","regionCode":"341623","chainId":"NEV","responsible":"事实测试","department":"商务局",
                 "nextAction":"寄送资料","nextActionDate":"2026-06-20"}
                """)).get("id").asString();
        clock.set(TestClock.TODAY);
        api.expect(201, api.post("/api/leads/" + id + "/contacts",
                "{\"date\":\"2026-06-12\",\"kind\":\"CALL\",\"who\":\"赵\",\"summary\":\"已寄送\"}"));
        List<LeadFacts> leads = facts.leadsUnder("341600");
        assertThat(leads).hasSize(1);
        LeadFacts l = leads.get(0);
        assertThat(l.id()).isEqualTo(id);
        assertThat(l.status()).isEqualTo("FOLLOWING");
        assertThat(l.department()).isEqualTo("商务局");
        assertThat(l.nextActionDate()).isEqualTo(java.time.LocalDate.of(2026, 6, 20));
        assertThat(l.lastContactAt()).isEqualTo(java.time.LocalDate.of(2026, 6, 12)
                .atStartOfDay(com.chainatlas.system.ClockConfiguration.OFFICE_ZONE).toInstant());
        assertThat(l.createdAt()).isEqualTo(TestClock.TODAY.minusDays(5).atTime(10, 0)
                .atZone(com.chainatlas.system.ClockConfiguration.OFFICE_ZONE).toInstant());
        assertThat(l.projectId()).isNull();
        assertThat(Map.of("chain", l.chainId(), "region", l.regionCode())).containsEntry("chain", "NEV").containsEntry("region", "341623");
    }
}
