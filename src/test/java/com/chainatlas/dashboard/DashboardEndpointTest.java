package com.chainatlas.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.project.LedgerIntegrationTest;
import com.chainatlas.project.TestClock;
import com.chainatlas.support.Api;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A small ledger entered through the ledger API in 兰州市 (620100, no other test writes there) and 嘉峪关市 (its peer),
 * judged on 2026-06-15 (TestClock). Expected figures worked out by hand:
 * <pre>
 * X1 城关区 620102  签约 2025-01-01 开工 2025-03-01, 10 亿      → due 2025-07-01, started in time ✓
 * X2 城关区 620102  签约 2025-02-01, investment unknown          → due 2025-08-01, not started ✗; alert 318 days
 * X3 七里河区 620103 签约 2026-05-01, 增资 30 (new total), +2 亿  → not yet due; counts 2 亿
 * X4 兰州市本级 620100 洽谈 2026-01-01, 5 亿                     → in no cohort
 * X6 七里河区 620103 签约 2025-01-15, then 终止, 3 亿           → due 2025-07-15, in the denominator ✗; no alert
 * P1 嘉峪关市 620200 签约 2025-01-01 开工 2025-12-01            → peer: 0 / 1
 * P2 拉萨市城关区 540102 签约 2026-03-01                          → 西藏 is a peer province of 甘肃
 * 兰州 开工率 = X1 / (X1, X2, X6) = 1/3; not yet due: X3.
 * </pre>
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardEndpointTest {

    static final String WHO = "驾驶舱测试";

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    Api api;
    String missingSegment;

    @BeforeAll
    void enterLedger() {
        clock.set(TestClock.TODAY);
        api = new Api(port);
        JsonNode diag = api.ok("/api/diagnosis?chain=NEV&region=620100");
        for (JsonNode s : diag.get("segments")) {
            if (s.get("verdict").asString().equals("MISSING") && s.get("leaf").asBoolean()) {
                missingSegment = s.get("segmentId").asString();
                break;
            }
        }
        assertThat(missingSegment).isNotNull();
        create("X1", "620102", "STARTED", "2025-03-01", "{\"SIGNED\":\"2025-01-01\"}", "10", false, null, missingSegment);
        create("X2", "620102", "SIGNED", "2025-02-01", null, null, false, null, null);
        create("X3", "620103", "SIGNED", "2026-05-01", null, "30", true, "2", null);
        create("X4", "620100", "NEGOTIATING", "2026-01-01", null, "5", false, null, null);
        String x6 = create("X6", "620103", "SIGNED", "2025-01-15", null, "3", false, null, null);
        ok(api.postJson("/api/projects/" + x6 + "/terminate", "{\"reason\":\"企业战略调整\"}"));
        create("P1", "620200", "STARTED", "2025-12-01", "{\"SIGNED\":\"2025-01-01\"}", null, false, null, null);
        create("P2", "540102", "SIGNED", "2026-03-01", null, null, false, null, null);
    }

    private String create(String name, String region, String stage, String date, String earlier, String planned,
                          boolean expansion, String added, String segment) {
        String body = "{\"name\":\"" + WHO + name + "\",\"enterpriseName\":\"企业" + name + "\",\"regionCode\":\"" + region
                + "\",\"chainId\":\"NEV\",\"segmentIds\":[" + (segment == null ? "" : "\"" + segment + "\"") + "]"
                + ",\"responsible\":\"" + WHO + "\",\"department\":\"招商局\",\"stage\":\"" + stage + "\",\"stageDate\":\""
                + date + "\"" + (earlier == null ? "" : ",\"stageDates\":" + earlier)
                + (planned == null ? "" : ",\"plannedInvestmentYi\":" + planned)
                + ",\"expansion\":" + expansion + (added == null ? "" : ",\"addedInvestmentYi\":" + added) + "}";
        Api.Response r = api.postJson("/api/projects", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode rate(JsonNode rates, String key) {
        for (JsonNode r : rates) {
            if (r.get("key").asString().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no rate " + key);
    }

    @Test
    void dashboardOfTheCity() {
        clock.set(TestClock.TODAY);
        JsonNode d = api.ok("/api/dashboard?region=620100&chain=NEV");
        assertThat(d.get("region").get("name").asString()).isEqualTo("兰州市");
        JsonNode start = rate(d.get("rates"), "startRate");
        assertThat(start.get("numerator").asInt()).isEqualTo(1);
        assertThat(start.get("denominator").asInt()).isEqualTo(3);
        assertThat(start.get("notYetDue").asInt()).isEqualTo(1);
        assertThat(start.get("value").asDouble()).isEqualTo(1.0 / 3);
        assertThat(start.get("ruleZh").asString()).contains("6 个月");
        // nothing has been started 24 months: 投产率 unknown, not 0
        assertThat(rate(d.get("rates"), "productionRate").get("value").isNull()).isTrue();

        // stages without the terminated X6: 开工 X1 (10); 签约 X2 (?), X3 (+2 only); 洽谈 X4 (5)
        JsonNode stages = d.get("stages");
        JsonNode signed = stages.get(2);
        assertThat(signed.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(signed.get("count").asInt()).isEqualTo(2);
        assertThat(signed.get("investmentYi").asDouble()).isEqualTo(2.0);
        assertThat(signed.get("investmentKnownCount").asInt()).isEqualTo(1);
        assertThat(stages.get(3).get("count").asInt()).isEqualTo(1);
        assertThat(stages.get(3).get("investmentYi").asDouble()).isEqualTo(10.0);
        assertThat(stages.get(0).get("investmentYi").isNull()).isTrue();
        assertThat(d.get("terminated").get("count").asInt()).isEqualTo(1);

        // sub-regions: 城关区 2 projects 1/2; 七里河区 X3 only (X6 terminated) with 0/1; 兰州市本级 X4
        JsonNode chengguan = sub(d, "620102");
        assertThat(chengguan.get("projects").asInt()).isEqualTo(2);
        assertThat(chengguan.get("startRate").get("value").asDouble()).isEqualTo(0.5);
        assertThat(chengguan.get("overdue").asInt()).isEqualTo(1);
        JsonNode qilihe = sub(d, "620103");
        assertThat(qilihe.get("projects").asInt()).isEqualTo(1);
        assertThat(qilihe.get("startRate").get("value").asDouble()).isEqualTo(0.0);
        assertThat(qilihe.get("startRate").get("notYetDue").asInt()).isEqualTo(1);
        JsonNode own = sub(d, "620100");
        assertThat(own.get("own").asBoolean()).isTrue();
        assertThat(own.get("regionName").asString()).isEqualTo("兰州市本级");
        assertThat(own.get("projects").asInt()).isEqualTo(1);

        // overdue: X2 only (X6 is terminated)
        List<String> overdue = new ArrayList<>();
        d.get("overdue").forEach(a -> overdue.add(a.get("name").asString() + "/" + a.get("kind").asString() + "/" + a.get("daysOverdue").asLong()));
        assertThat(overdue).containsExactly(WHO + "X2/SIGNED_NOT_STARTED/318");

        // the peer 嘉峪关市 has data: 0 of 1 started in time
        JsonNode peers = d.get("peers");
        assertThat(peers.size()).isEqualTo(1);
        assertThat(peers.get(0).get("regionName").asString()).isEqualTo("嘉峪关市");
        assertThat(peers.get(0).get("startRate").get("value").asDouble()).isEqualTo(0.0);

        // X1 fills a MISSING segment: 补链中：开工 1
        boolean found = false;
        for (JsonNode g : d.get("gaps")) {
            if (g.get("segmentId").asString().equals(missingSegment)) {
                assertThat(g.get("labelZh").asString()).isEqualTo("补链中：开工 1");
                found = true;
            }
        }
        assertThat(found).isTrue();
        JsonNode gaps = api.ok("/api/ledger/gaps?chain=NEV&region=620100");
        assertThat(gaps.get("segments").toString()).contains("补链中：开工 1");
    }

    @Test
    void ratesOfAPeriodAndAlertsByKind() {
        clock.set(TestClock.TODAY);
        // signed 2025-01-10..2025-12-31 in 兰州: X2 ✗, X6 ✗ (X1 signed 2025-01-01 is outside) → 0/2
        JsonNode r = api.ok("/api/projects/rates?region=620100&from=2025-01-10&to=2025-12-31");
        JsonNode start = rate(r.get("rates"), "startRate");
        assertThat(start.get("denominator").asInt()).isEqualTo(2);
        assertThat(start.get("value").asDouble()).isZero();
        assertThat(r.get("period").get("signed").get("count").asInt()).isEqualTo(2);
        assertThat(r.get("trend").size()).isEqualTo(12);

        JsonNode alerts = api.ok("/api/projects/alerts?region=620102&kind=SIGNED_NOT_STARTED");
        assertThat(alerts.size()).isEqualTo(1);
        assertThat(alerts.get(0).get("responsible").asString()).isEqualTo(WHO);
        assertThat(alerts.get(0).get("department").asString()).isEqualTo("招商局");
        assertThat(alerts.get(0).get("dueDate").asString()).isEqualTo("2025-08-01");
        assertThat(api.ok("/api/projects/alerts?region=620102&kind=ENTRY_STALE").size()).isZero();
        // two months later, nobody has updated the entries: every live project is stale, the terminated X6 is not
        clock.set(TestClock.TODAY.plusMonths(2));
        try {
            JsonNode stale = api.ok("/api/projects/alerts?region=620100&kind=ENTRY_STALE");
            assertThat(stale.size()).isEqualTo(4);
        } finally {
            clock.set(TestClock.TODAY);
        }
    }

    @Test
    void alertsWorkbookForTheWeeklyMeeting() throws Exception {
        clock.set(TestClock.TODAY);
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(Api.request(
                URI.create("http://localhost:" + port + "/api/projects/alerts.xlsx?region=620100")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheet("预警清单");
            List<String> header = new ArrayList<>();
            s.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).isEqualTo(AlertsWorkbook.HEADER);
            Row first = s.getRow(1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("签约未开工");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo(WHO + "X2");
            assertThat(first.getCell(5).getStringCellValue()).isEqualTo(WHO);
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(318.0);
            assertThat(s.getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheet("说明")).isNotNull();
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
        }
    }

    private static JsonNode sub(JsonNode d, String code) {
        for (JsonNode s : d.get("subRegions")) {
            if (s.get("regionCode").asString().equals(code)) {
                return s;
            }
        }
        throw new AssertionError("no sub-region " + code);
    }

    @Test
    void peersOfAProvinceAreTheOtherProvincesWithLedgerData() {
        clock.set(TestClock.TODAY);
        JsonNode d = api.ok("/api/dashboard?region=620000&chain=NEV");
        assertThat(d.get("region").get("name").asString()).isEqualTo("甘肃省");
        List<String> codes = new ArrayList<>();
        for (JsonNode p : d.get("peers")) {
            String code = p.get("regionCode").asString();
            codes.add(code);
            // each peer's figure is that province's whole NEV ledger, as the project list counts it
            long listed = api.ok("/api/projects?chain=NEV&size=1&region=" + code).get("total").asLong();
            assertThat(p.get("projects").asLong()).as(code).isEqualTo(listed);
        }
        assertThat(codes).contains("540000").doesNotContain("620000");
        assertThat(codes).allMatch(c -> c.endsWith("0000"));
    }
}
