package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.signal.EventKind;
import com.chainatlas.signal.EventWriter;
import com.chainatlas.signal.ExpansionEvent;
import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;
import com.chainatlas.system.ClockConfiguration;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/**
 * 扩张信号 through the API on a chain of its own (ZSG, removed afterwards): three outside candidates alike in all but
 * their events — 甲 fresh ones, 乙 one old, 丙 none. Dates count back from today, so the decay is exact by hand.
 */
@ChainAtlasIntegrationTest
class TargetSignalsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    EventWriter events;

    private final LocalDate today = LocalDate.now(ClockConfiguration.OFFICE_ZONE);

    @BeforeEach
    void fixture() {
        remove();
        neo4j.query("""
                CREATE (c:Chain {id: 'ZSG', name: '信号测试链', sample: false})
                CREATE (c)-[:HAS_SEGMENT]->(up:Segment {id: 'ZSG-UP', chainId: 'ZSG', name: '材料', stage: 'UPSTREAM', key: false, valueAdded: 2})
                CREATE (c)-[:HAS_SEGMENT]->(dn:Segment {id: 'ZSG-DN', chainId: 'ZSG', name: '整机', stage: 'DOWNSTREAM', key: true, valueAdded: 4})
                CREATE (up)-[:FEEDS]->(dn)
                CREATE (:Enterprise {uscc: 'ZSG000000000000000', name: '信号本地整机', regionCode: '340104'})-[:IN_SEGMENT]->(dn)
                CREATE (:Enterprise {uscc: 'ZSG000000000000001', name: '信号甲', regionCode: '320500', revenue: 5000.0, employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                CREATE (:Enterprise {uscc: 'ZSG000000000000002', name: '信号乙', regionCode: '320500', revenue: 5000.0, employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                CREATE (:Enterprise {uscc: 'ZSG000000000000003', name: '信号丙', regionCode: '320500', revenue: 5000.0, employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                """).run();
        events.mergeEvents(List.of(
                event("ZSG000000000000001", EventKind.FUNDING, today.minusDays(180), 30_000.0, null, "B 轮融资"),
                event("ZSG000000000000001", EventKind.BRANCH, today, null, "510100", "成都分公司"),
                event("ZSG000000000000002", EventKind.HIRING, today.minusDays(360), null, null, "校园招聘")));
    }

    private static ExpansionEvent event(String uscc, EventKind kind, LocalDate date, Double amount, String place, String title) {
        return new ExpansionEvent(ExpansionEvent.key(uscc, kind, date, title), uscc, kind, date, amount, place, title, "测试", false);
    }

    @AfterEach
    void remove() {
        neo4j.query("""
                MATCH (n) WHERE n.id STARTS WITH 'ZSG' OR n.uscc STARTS WITH 'ZSG'
                OPTIONAL MATCH (n)-[:HAS_EVENT]->(ev:ExpansionEvent)
                DETACH DELETE n, ev""").run();
    }

    private Map<String, JsonNode> byName(JsonNode items) {
        Map<String, JsonNode> m = new HashMap<>();
        items.forEach(r -> m.put(r.get("name").asString(), r));
        return m;
    }

    @Test
    void freshEventsScoreAndAreNamedOldOnesLessAndNoneIsNeitherScoredNorSaid() throws Exception {
        Api api = new Api(port);
        JsonNode items = api.ok("/api/targets?chain=ZSG&region=340100&size=10").get("items");
        Map<String, JsonNode> rows = byName(items);
        assertThat(rows.keySet()).containsExactlyInAnyOrder("信号甲", "信号乙", "信号丙");
        JsonNode a = rows.get("信号甲");
        JsonNode b = rows.get("信号乙");
        JsonNode c = rows.get("信号丙");
        // 甲: (1.44771 × 0.5 + 0.7) / 2 = 0.71193 → 均衡 weight 10 → 7.12
        assertThat(a.get("parts").get("signals").asDouble()).isEqualTo(7.12);
        // 乙: 0.4 × 0.25 / 2 = 0.05 → 0.5
        assertThat(b.get("parts").get("signals").asDouble()).isEqualTo(0.5);
        // 丙: nothing — and nothing said against it
        assertThat(c.get("parts").get("signals").asDouble()).isZero();
        assertThat(c.get("signalText").isNull()).isTrue();
        assertThat(c.get("reasonText").asString()).doesNotContain("扩张信号");

        String expected = month(today) + " 在成都市新设分支机构；" + month(today.minusDays(180)) + " 完成融资 3 亿元";
        assertThat(a.get("signalText").asString()).isEqualTo(expected);
        assertThat(a.get("reasons").get(1).asString()).isEqualTo("扩张信号: " + expected);
        assertThat(b.get("signalText").asString()).isEqualTo(month(today.minusDays(360)) + " 扩大招聘");
        // otherwise alike: the signal decides the order, and the parts still add up
        assertThat(a.get("score").asDouble() - c.get("score").asDouble()).isCloseTo(7.12, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(items.get(0).get("name").asString()).isEqualTo("信号甲");
        assertThat(items.get(2).get("name").asString()).isEqualTo("信号丙");

        // 扩张优先 weighs it 30; seven custom weights leave it out
        assertThat(byName(api.ok("/api/targets?chain=ZSG&region=340100&preset=expanding").get("items")).get("信号甲")
                .get("parts").get("signals").asDouble()).isEqualTo(21.36);
        assertThat(byName(api.ok("/api/targets?chain=ZSG&region=340100&weights=1,1,1,1,1,1,1").get("items")).get("信号甲")
                .get("parts").get("signals").asDouble()).isZero();

        // the export: 扩张信号分 and 扩张信号 columns; no event → empty cells
        int partCol = TargetListExporter.HEADER.indexOf("扩张信号分");
        int textCol = TargetListExporter.HEADER.indexOf("扩张信号");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.bytes("/api/targets/export.xlsx?chain=ZSG&region=340100")))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(partCol).getStringCellValue()).isEqualTo("扩张信号分");
            Map<String, Row> byName = new HashMap<>();
            wb.getSheetAt(0).forEach(r -> byName.put(r.getCell(1).getStringCellValue(), r));
            assertThat(byName.get("信号甲").getCell(partCol).getNumericCellValue()).isEqualTo(7.12);
            assertThat(byName.get("信号甲").getCell(textCol).getStringCellValue()).isEqualTo(expected);
            assertThat(byName.get("信号丙").getCell(textCol)).isNull();
            List<String> notes = new java.util.ArrayList<>();
            wb.getSheet("说明").forEach(r -> r.forEach(cell -> notes.add(cell.getStringCellValue())));
            assertThat(String.join("\n", notes)).contains("扩张信号").contains("180 天");
        }

        // a saved list keeps the signal as it was
        Api.Response saved = api.postJson("/api/target-lists", """
                {"name": "信号测试清单", "author": "测试员", "query": {"chain": "ZSG", "region": "340100"}}""");
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        String id = saved.json().get("id").asString();
        try {
            JsonNode kept = byName(api.ok("/api/target-lists/" + id).get("items").get("items")).get("信号甲");
            assertThat(kept.get("signalText").asString()).isEqualTo(expected);
            assertThat(kept.get("parts").get("signals").asDouble()).isEqualTo(7.12);
            assertThat(api.ok("/api/target-lists/" + id).get("list").get("weights").get("signals").asDouble()).isEqualTo(10.0);
        } finally {
            api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/target-lists/" + id))
                    .DELETE().build());
        }
    }

    private static String month(LocalDate d) {
        return d.toString().substring(0, 7);
    }
}
