package com.chainatlas.ingest;

import static com.chainatlas.ingest.ImportApiTest.reasons;
import static com.chainatlas.ingest.ImportClient.csv;
import static com.chainatlas.ingest.TestGraph.count;
import static com.chainatlas.ingest.TestGraph.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The 扩张信号 (events) format: a good file written and re-imported without duplicates, bad rows refused, template, export. */
@ChainAtlasIntegrationTest
class EventsImportTest extends ImportHttpTestBase {

    private static final String HEADER = "企业,事件类型,日期,金额(万元),地点,标题,来源";

    private void enterprises() {
        JsonNode job = client.run("enterprises", "e.csv", csv("统一社会信用代码,企业名称,行政区划代码\n"
                + uscc(301) + ",ZT事件甲科技有限公司,340104\n" + uscc(302) + ",ZT事件乙材料有限公司,340104\n"));
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("DONE");
    }

    private long events() {
        return count(neo4j, "MATCH (e:Enterprise)-[:HAS_EVENT]->(ev:ExpansionEvent) WHERE e.uscc IN $u RETURN count(ev)",
                Map.of("u", List.of(uscc(301), uscc(302))));
    }

    @Test
    void aGoodFileIsWrittenAndReImportUpdatesInsteadOfDuplicating() {
        enterprises();
        String file = String.join("\n", HEADER,
                uscc(301) + ",融资,2026-09-18,3亿元,,完成 B 轮融资,企业公告",
                "ZT事件甲科技有限公司,新设分支机构,2026/10/8,,510100,在成都设立分公司,新闻",   // by name, amount unknown
                uscc(302) + ",专利授权,2026年3月1日,,,获授权发明专利 3 件,");
        JsonNode job = client.run("events", "events.csv", csv(file));
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(events()).isEqualTo(3);
        Map<String, Object> funding = neo4j.query("""
                MATCH (:Enterprise {uscc: $u})-[:HAS_EVENT]->(ev:ExpansionEvent {kind: 'FUNDING'})
                RETURN ev.amount AS amount, toString(ev.date) AS date, ev.source AS source""").bind(uscc(301)).to("u")
                .fetch().one().orElseThrow();
        assertThat(funding).containsEntry("amount", 30_000.0).containsEntry("date", "2026-09-18").containsEntry("source", "企业公告");
        Map<String, Object> branch = neo4j.query("""
                MATCH (:Enterprise {uscc: $u})-[:HAS_EVENT]->(ev:ExpansionEvent {kind: 'BRANCH'})
                RETURN ev.amount AS amount, ev.place AS place""").bind(uscc(301)).to("u").fetch().one().orElseThrow();
        assertThat(branch.get("amount")).as("unknown amount stays unknown").isNull();
        assertThat(branch.get("place")).isEqualTo("510100");

        // the same events again, one amount corrected: updated in place, not added
        JsonNode again = client.run("events", "events.csv", csv(file.replace("3亿元", "35000")));
        assertThat(again.get("phase").asString()).as(again.toString()).isEqualTo("DONE");
        assertThat(events()).isEqualTo(3);
        assertThat(count(neo4j, "MATCH (ev:ExpansionEvent {kind: 'FUNDING'})<-[:HAS_EVENT]-(:Enterprise {uscc: $u}) "
                + "WHERE ev.amount = 35000.0 RETURN count(ev)", Map.of("u", uscc(301)))).isEqualTo(1);

        // the enterprise panel lists them newest first, in words
        JsonNode panel = new Api(port).ok("/api/enterprises/" + uscc(301) + "/events");
        assertThat(panel.get("events").get(0).get("words").asString()).isEqualTo("2026-10 在成都市新设分支机构");
        assertThat(panel.get("events").get(1).get("words").asString()).isEqualTo("2026-09 完成融资 3.5 亿元");
        assertThat(panel.get("events").get(1).get("kindZh").asString()).isEqualTo("融资");
        assertThat(new Api(port).get("/api/enterprises/91340104NOPE00000X/events").status()).isEqualTo(404);
    }

    @Test
    void badRowsAreRefusedWithClearReasonsAndNothingIsWritten() {
        enterprises();
        String future = LocalDate.now().plusDays(5).toString();
        long before = events();
        JsonNode job = client.run("events", "bad.csv", csv(String.join("\n", HEADER,
                uscc(301) + ",融资,2026-09-18,5000,,A 轮融资,",               // 2 ok
                uscc(301) + ",上市,2026-09-18,,,挂牌上市,",                    // 3 unknown kind
                uscc(301) + ",中标," + future + ",100,,中标某项目,",           // 4 future date
                uscc(301) + ",对外投资,2026-08-01,-5,,投资子公司,",             // 5 negative amount
                "ZT不存在的企业,招聘,2026-08-01,,,招聘,",                        // 6 unknown enterprise
                uscc(302) + ",新设分支机构,2026-08-01,,999999,分公司,",         // 7 unknown place
                uscc(302) + ",招聘,2026-08-01,,,,",                            // 8 title required
                uscc(301) + ",融资,2026-09-18,6000,,A 轮融资,",               // 9 duplicate of row 2
                uscc(302) + ",扩产/新建项目,2026-13-01,,,新建项目,")));          // 10 bad date
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("REJECTED");
        assertThat(events()).as("all or nothing").isEqualTo(before);
        Map<Integer, String> r = reasons(job);
        assertThat(r).containsOnlyKeys(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(r.get(3)).contains("事件类型").contains("融资、新设分支机构、对外投资、扩产/新建项目、招聘、中标、专利授权");
        assertThat(r.get(4)).contains("晚于今天");
        assertThat(r.get(5)).contains("负数");
        assertThat(r.get(6)).contains("未找到该企业");
        assertThat(r.get(7)).contains("行政区划代码不存在");
        assertThat(r.get(8)).contains("标题").contains("必填");
        assertThat(r.get(9)).contains("与第 2 行重复");
        assertThat(r.get(10)).contains("日期");
    }

    @Test
    void templateHasANotesSheetAndADropDownOfKindsAndTheExportReadsBack() throws Exception {
        Api api = new Api(port);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(api.bytes("/api/import/templates/events.xlsx")))) {
            assertThat(wb.getSheet("说明")).isNotNull();
            int kindCol = ImportFormats.EVENTS.columns().indexOf(ImportFormats.EVENTS.column("kind").orElseThrow());
            List<? extends DataValidation> v = wb.getSheetAt(0).getDataValidations();
            assertThat(v).hasSize(1);
            assertThat(v.get(0).getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(kindCol);
            assertThat(v.get(0).getValidationConstraint().getExplicitListValues())
                    .containsExactly("融资", "新设分支机构", "对外投资", "扩产/新建项目", "招聘", "中标", "专利授权");
        }
        enterprises();
        client.run("events", "events.csv", csv(HEADER + "\n" + uscc(302) + ",中标,2026-05-20,850,340100,中标某项目,\n"));
        java.nio.file.Path f = java.nio.file.Files.createTempFile("events", ".csv");
        java.nio.file.Files.write(f, api.bytes("/api/export/events.csv?region=340104"));
        List<List<String>> rows = new ArrayList<>();
        com.chainatlas.ingest.table.TableReader.open(f, "events.csv").read(row -> rows.add(row.cells()));
        assertThat(rows.get(0)).startsWith("企业", "事件类型", "日期", "金额(万元)", "地点", "标题", "来源");
        List<String> mine = rows.stream().filter(x -> x.get(0).equals(uscc(302))).findFirst().orElseThrow();
        assertThat(mine.subList(1, 6)).containsExactly("中标", "2026-05-20", "850", "340100", "中标某项目");
        // the file imports again unchanged (same key: no second event)
        JsonNode again = client.run("events", "events.csv", java.nio.file.Files.readAllBytes(f));
        assertThat(again.get("phase").asString()).as(again.toString()).isEqualTo("DONE");
        assertThat(count(neo4j, "MATCH (:Enterprise {uscc: $u})-[:HAS_EVENT]->(ev) RETURN count(ev)", Map.of("u", uscc(302)))).isEqualTo(1);
    }
}
