package com.chainatlas.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.chainatlas.support.Api;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** The 台账 export, edited in a spreadsheet, imports back through the importer's validation and into the history. */
@LedgerIntegrationTest
class LedgerRoundTripTest {

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

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(Api.request(
                URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r.body();
    }

    private JsonNode importFile(byte[] xlsx) throws Exception {
        String boundary = "----ledger" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Response r = api.api.send(Api.request(URI.create("http://localhost:" + port + "/api/import/projects"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(r.status()).as(r.text()).isEqualTo(202);
        String id = r.json().get("id").asString();
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get("/api/import/jobs/" + id);
            String phase = job.get("phase").asString();
            if (phase.equals("DONE") || phase.equals("REJECTED") || phase.equals("FAILED")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import did not finish");
    }

    /**
     * Replaces a cell as a spreadsheet user would. (Setting the value of an existing inline-string cell, as streamed
     * exports write them, keeps the old inline text that readers prefer, so the cell is made anew.)
     */
    private static void set(Row row, int col, String value) {
        Cell old = row.getCell(col);
        if (old != null) {
            row.removeCell(old);
        }
        row.createCell(col).setCellValue(value);
    }

    private static String text(Row row, int col) {
        Cell c = row.getCell(col);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        if (c.getCellType() == CellType.NUMERIC && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(c)) {
            return c.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return new DataFormatter().formatCellValue(c);
    }

    @Test
    void exportEditImportRecordsTheChangesAndRefusesABadFileWhole() throws Exception {
        String who = "往返测试";
        Map<String, Object> e = neo4j.query("""
                MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment {chainId: 'NEV'})
                WITH e, collect(s.id) AS segs ORDER BY e.uscc LIMIT 1 RETURN e.uscc AS uscc, e.name AS name, segs
                """).fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        String segment = ((List<String>) e.get("segs")).get(0);
        JsonNode expansion = api.expect(201, api.post("/api/projects", """
                {"name":"往返增资项目","uscc":"%s","regionCode":"340104","zoneName":"高新区","chainId":"NEV","segmentIds":["%s"],
                 "expansion":true,"plannedInvestmentYi":30,"addedInvestmentYi":8,"responsible":"%s","department":"招商一处",
                 "stage":"STARTED","stageDate":"2026-04-01","stageDates":{"SIGNED":"2026-01-15"},"nextAction":"协调用电",
                 "nextActionDate":"2026-07-01"}
                """.formatted(e.get("uscc"), segment, who)));
        JsonNode unknown = api.expect(201, api.post("/api/projects", """
                {"name":"往返新企业项目","enterpriseName":"某新材料公司","enterpriseRegionCode":"320500","regionCode":"340111",
                 "chainId":"NEV","responsible":"%s"}
                """.formatted(who)));
        api.expect(200, api.post("/api/projects/" + unknown.get("id").asString() + "/suspend", "{\"reason\":\"等待环评\"}"));

        byte[] exported = download("/api/projects/export.xlsx?responsible=" + java.net.URLEncoder.encode(who, StandardCharsets.UTF_8));
        byte[] edited;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet sheet = wb.getSheet("项目台账");
            Row header = sheet.getRow(0);
            List<String> headers = new ArrayList<>();
            header.forEach(c -> headers.add(c.getStringCellValue()));
            List<String> expected = new ArrayList<>(LedgerExport.HEADERS);
            expected.addAll(LedgerExport.REFERENCE);
            assertThat(headers).containsExactlyElementsOf(expected);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(wb.getSheet("说明")).isNotNull();
            Row a = sheet.getRow(1).getCell(1).getStringCellValue().equals("往返增资项目") ? sheet.getRow(1) : sheet.getRow(2);
            Row b = a.getRowNum() == 1 ? sheet.getRow(2) : sheet.getRow(1);
            assertThat(text(a, headers.indexOf("签约日期"))).isEqualTo("2026-01-15");
            assertThat(text(a, headers.indexOf("开工日期"))).isEqualTo("2026-04-01");
            assertThat(text(a, headers.indexOf("阶段"))).isEqualTo("开工");
            assertThat(text(a, headers.indexOf("增资扩产"))).isEqualTo("是");
            assertThat(text(a, headers.indexOf("【参考】计入投资(亿元)"))).isEqualTo("8");
            assertThat(text(b, headers.indexOf("计划投资(亿元)"))).isNull();
            assertThat(text(b, headers.indexOf("【参考】计入投资(亿元)"))).isNull();
            assertThat(text(b, headers.indexOf("状态"))).isEqualTo("暂缓");
            assertThat(text(b, headers.indexOf("企业名称"))).isEqualTo("某新材料公司");
            // Edit: a new department for the first, a new project without id at the end.
            set(a, headers.indexOf("责任单位"), "招商三处");
            Row added = sheet.createRow(3);
            added.createCell(headers.indexOf("项目名称")).setCellValue("往返导入新项目");
            added.createCell(headers.indexOf("企业名称")).setCellValue("某导入企业");
            added.createCell(headers.indexOf("产业链")).setCellValue("NEV");
            added.createCell(headers.indexOf("落地区划代码")).setCellValue("340104");
            added.createCell(headers.indexOf("阶段")).setCellValue("签约");
            added.createCell(headers.indexOf("签约日期")).setCellValue("2026-05-20");
            added.createCell(headers.indexOf("计划投资(亿元)")).setCellValue(6.5);
            added.createCell(headers.indexOf("责任人")).setCellValue(who);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            edited = out.toByteArray();
        }
        clock.set(TestClock.TODAY.plusDays(1));
        JsonNode job = importFile(edited);
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("DONE");

        JsonNode a = api.get("/api/projects/" + expansion.get("id").asString());
        assertThat(a.get("department").asString()).isEqualTo("招商三处");
        assertThat(a.get("countedInvestmentYi").asDouble()).isEqualTo(8.0);
        assertThat(a.get("stageDates").get("SIGNED").asString()).isEqualTo("2026-01-15");
        assertThat(a.get("segmentIds").get(0).asString()).isEqualTo(segment);
        assertThat(a.get("uscc").asString()).isEqualTo(e.get("uscc"));
        assertThat(a.get("nextActionDate").asString()).isEqualTo("2026-07-01");
        JsonNode history = api.get("/api/projects/" + expansion.get("id").asString() + "/history");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("field").asString()).isEqualTo("department");
        assertThat(last.get("before").asString()).isEqualTo("招商一处");
        assertThat(last.get("after").asString()).isEqualTo("招商三处");
        assertThat(last.get("by").asString()).isEqualTo("项目台账导入");
        // The unchanged row changed nothing: its history ends with the suspension.
        JsonNode bHistory = api.get("/api/projects/" + unknown.get("id").asString() + "/history");
        assertThat(bHistory.get(bHistory.size() - 1).get("field").asString()).isEqualTo("statusReason");
        JsonNode b = api.get("/api/projects/" + unknown.get("id").asString());
        assertThat(b.get("plannedInvestmentYi").isNull()).isTrue();
        assertThat(b.get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(b.get("statusReason").asString()).isEqualTo("等待环评");
        assertThat(b.get("enterpriseRegionCode").asString()).isEqualTo("320500");
        JsonNode list = api.get("/api/projects?responsible=" + who);
        assertThat(list.get("total").asLong()).isEqualTo(3);
        JsonNode added = api.get("/api/projects?responsible=" + who + "&q=往返导入新项目").get("items").get(0);
        assertThat(added.get("stage").asString()).isEqualTo("SIGNED");
        assertThat(added.get("plannedInvestmentYi").asDouble()).isEqualTo(6.5);

        // A file with one bad row writes nothing, and says which row and why.
        byte[] bad;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/projects/export.xlsx?responsible="
                + java.net.URLEncoder.encode(who, StandardCharsets.UTF_8))))) {
            Sheet sheet = wb.getSheet("项目台账");
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            set(sheet.getRow(1), headers.indexOf("责任单位"), "不应写入");
            set(sheet.getRow(2), headers.indexOf("阶段"), "投产");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            bad = out.toByteArray();
        }
        JsonNode rejected = importFile(bad);
        assertThat(rejected.get("phase").asString()).isEqualTo("REJECTED");
        JsonNode problem = rejected.get("result").get("problems").get(0);
        assertThat(problem.get("row").asInt()).isEqualTo(3);
        assertThat(problem.get("reason").asString()).contains("此日期必填");
        assertThat(api.get("/api/projects?responsible=" + who + "&q=" + java.net.URLEncoder.encode("不应写入", StandardCharsets.UTF_8))
                .get("total").asLong()).isZero();
        assertThat(neo4j.query("MATCH (p:Project {department: '不应写入'}) RETURN count(p)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    @Test
    void theImportTemplateHasTheExportHeadersAndANotesSheet() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/import/templates/projects.xlsx")))) {
            List<String> headers = new ArrayList<>();
            wb.getSheetAt(0).getRow(0).forEach(c -> headers.add(c.getStringCellValue().replace("*", "")));
            assertThat(headers).containsExactlyElementsOf(LedgerExport.HEADERS);
            assertThat(wb.getSheet("说明")).isNotNull();
        }
    }
}
