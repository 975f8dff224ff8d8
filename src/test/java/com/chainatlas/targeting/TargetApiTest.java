package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

@ChainAtlasIntegrationTest
class TargetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @Test
    void rankingIsOutsideTheRegionExplainedAndPartsAddUp() {
        JsonNode page = new Api(port).ok("/api/targets?chain=NEV&region=340100&size=100");
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("segments").size()).isPositive();
        double prev = Double.MAX_VALUE;
        for (JsonNode row : page.get("items")) {
            assertThat(row.get("regionCode").asString()).doesNotStartWith("3401");
            JsonNode p = row.get("parts");
            double sum = p.get("scale").asDouble() + p.get("quality").asDouble() + p.get("innovation").asDouble()
                    + p.get("ties").asDouble() + p.get("predicted").asDouble() + p.get("proximity").asDouble() + p.get("priority").asDouble()
                    + p.get("signals").asDouble();
            assertThat(row.get("score").asDouble()).isCloseTo(sum, within(1e-6));
            assertThat(row.get("score").asDouble()).isLessThanOrEqualTo(prev);
            prev = row.get("score").asDouble();
            assertThat(row.get("reasonText").asString()).matches("^(补链|强链|延链|自选): .*").contains("年营收");
        }
    }

    @Test
    void reasonsNameTheLocalPartnersTheGraphReallyHas() {
        JsonNode items = new Api(port).ok("/api/targets?chain=NEV&region=340100&preset=ties&size=50").get("items");
        JsonNode tied = null;
        for (JsonNode row : items) {
            if (row.get("localPartners").size() > 0) {
                tied = row;
                break;
            }
        }
        assertThat(tied).as("a candidate with local ties among the top 50 by the ties preset").isNotNull();
        for (JsonNode partner : tied.get("localPartners")) {
            boolean supplies = partner.get("relation").asString().equals("SUPPLIES_TO");
            String query = supplies
                    ? "MATCH (:Enterprise {uscc: $a})-[:SUPPLIES]->(l:Enterprise {uscc: $b}) RETURN l.regionCode"
                    : "MATCH (:Enterprise {uscc: $a})<-[:SUPPLIES]-(l:Enterprise {uscc: $b}) RETURN l.regionCode";
            String region = neo4j.query(query).bind(tied.get("uscc").asString()).to("a").bind(partner.get("uscc").asString()).to("b")
                    .fetchAs(String.class).one().orElseThrow();
            assertThat(region).startsWith("3401");
        }
        // The first named partner of each kind is in the words; more than three are counted ("等 N 家").
        String words = tied.get("reasonText").asString();
        assertThat(words).contains(tied.get("localPartners").get(0).get("name").asString());
        long suppliedLocals = tied.get("localPartners").valueStream().filter(p -> p.get("relation").asString().equals("SUPPLIES_TO"))
                .map(p -> p.get("name").asString()).distinct().count();
        if (suppliedLocals > 3) {
            assertThat(words).containsPattern("等 \\d+ 家");
        }
    }

    @Test
    void presetsAndFiltersChangeTheListAsDocumented() {
        Api api = new Api(port);
        JsonNode leaders = api.ok("/api/targets?chain=IC&region=340100&preset=leaders&size=10").get("items");
        JsonNode innovation = api.ok("/api/targets?chain=IC&region=340100&preset=innovation&size=10").get("items");
        assertThat(ids(leaders)).isNotEqualTo(ids(innovation));
        JsonNode jiangsu = api.ok("/api/targets?chain=IC&region=340100&includeProvinces=320000&size=100").get("items");
        jiangsu.forEach(r -> assertThat(r.get("regionCode").asString()).startsWith("32"));
        JsonNode large = api.ok("/api/targets?chain=IC&region=340100&sizeBand=LARGE&size=100").get("items");
        large.forEach(r -> assertThat(r.get("revenue").asDouble()).isGreaterThanOrEqualTo(40_000));
        JsonNode listed = api.ok("/api/targets?chain=IC&region=340100&tags=上市&minScore=30&size=100").get("items");
        listed.forEach(r -> {
            assertThat(r.get("tags").valueStream().map(JsonNode::asString)).contains("上市");
            assertThat(r.get("score").asDouble()).isGreaterThanOrEqualTo(30);
        });
        // Same request twice: same order (stable ordering for equal scores).
        assertThat(ids(api.ok("/api/targets?chain=IC&region=340100&size=50").get("items")))
                .isEqualTo(ids(api.ok("/api/targets?chain=IC&region=340100&size=50").get("items")));
    }

    @Test
    void badParametersAreProblemDetails() {
        Api api = new Api(port);
        for (String path : List.of("/api/targets?chain=NEV&region=340100&preset=nope",
                "/api/targets?chain=NEV&region=340100&weights=1,2,3",
                "/api/targets?chain=NEV&region=340100&sizeBand=HUGE",
                "/api/targets?chain=NEV&region=340100&includeProvinces=32",
                "/api/targets?chain=NEV&region=340100&segments=IC-FT",
                "/api/targets?chain=NEV")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).contains("problem+json");
        }
        assertThat(api.get("/api/target-lists/nope").status()).isEqualTo(404);
    }

    @Test
    void savedListKeepsItsContentPagesAndExportsWithAudit() throws Exception {
        Api api = new Api(port);
        Api.Response saved = api.postJson("/api/target-lists", """
                {"name": "测试清单", "author": "测试员", "query": {"chain": "NEV", "region": "340100", "preset": "leaders"}}
                """);
        assertThat(saved.status()).isEqualTo(200);
        String id = saved.json().get("id").asString();
        int total = saved.json().get("total").asInt();
        try {
            // Every candidate is kept (the demo ranking has more than the former 2,000-row cap).
            assertThat(total).isEqualTo(api.ok("/api/targets?chain=NEV&region=340100&preset=leaders&size=1").get("total").asInt())
                    .isGreaterThan(2_000);
            JsonNode last = api.ok("/api/target-lists/" + id + "?page=" + ((total - 1) / 100) + "&size=100").get("items").get("items");
            assertThat(last.get(last.size() - 1).get("rank").asInt()).isEqualTo(total);
            JsonNode first = api.ok("/api/target-lists/" + id + "?page=0&size=10");
            JsonNode second = api.ok("/api/target-lists/" + id + "?page=1&size=10");
            assertThat(first.get("items").get("items").get(0).get("rank").asInt()).isEqualTo(1);
            assertThat(second.get("items").get("items").get(0).get("rank").asInt()).isEqualTo(11);
            JsonNode live = api.ok("/api/targets?chain=NEV&region=340100&preset=leaders&size=10");
            assertThat(ids(first.get("items").get("items"))).isEqualTo(ids(live.get("items")));

            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(Api.request(
                    URI.create("http://localhost:" + port + "/api/target-lists/" + id + "/export.xlsx?user=张三")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("企业名称");
                assertThat(sheet.getLastRowNum()).isEqualTo(total);
                Row top = sheet.getRow(1);
                assertThat(top.getCell(2).getStringCellValue())
                        .isEqualTo(first.get("items").get("items").get(0).get("uscc").asString());
                assertThat(top.getCell(8).getNumericCellValue())
                        .isCloseTo(first.get("items").get("items").get(0).get("score").asDouble(), within(1e-9));
                assertThat(top.getCell(16).getStringCellValue()).contains("年营收");
            }
            HttpResponse<byte[]> csv = HttpClient.newHttpClient().send(Api.request(
                    URI.create("http://localhost:" + port + "/api/target-lists/" + id + "/export.csv")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(csv.body()[0]).isEqualTo((byte) 0xEF); // UTF-8 BOM for Excel
            JsonNode audit = api.ok("/api/target-lists/" + id + "/audit");
            assertThat(audit.size()).isEqualTo(2);
            assertThat(audit.valueStream().map(a -> a.get("user").asString())).containsOnly(Api.ADMIN); // the signed-in user, not ?user=张三

            JsonNode refreshed = api.postJson("/api/target-lists/" + id + "/refresh", "").json();
            assertThat(refreshed.get("total").asInt()).isEqualTo(total);
        } finally {
            api.send(Api.request(URI.create("http://localhost:" + port + "/api/target-lists/" + id)).DELETE().build());
        }
        assertThat(api.get("/api/target-lists/" + id).status()).isEqualTo(404);
    }

    @Test
    void libreOfficeReadsTheXlsxExportAsOurCsvExport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path soffice = List.of(java.nio.file.Path.of("/usr/bin/soffice"), java.nio.file.Path.of("/usr/lib/libreoffice/program/soffice"))
                .stream().filter(java.nio.file.Files::isExecutable).findFirst().orElse(null);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(soffice).as("LibreOffice is installed by .ci/run; in CI its absence is a failure").isNotNull();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) not installed");
        Api api = new Api(port);
        String id = api.postJson("/api/target-lists", """
                {"name": "=HYPERLINK(\\"x\\")", "author": "测试员", "query": {"chain": "IC", "region": "340100", "sizeBand": "LARGE"}}
                """).json().get("id").asString();
        try {
            java.nio.file.Path xlsx = dir.resolve("list.xlsx");
            java.nio.file.Files.write(xlsx, download("/api/target-lists/" + id + "/export.xlsx"));
            java.nio.file.Path ours = dir.resolve("ours.csv");
            java.nio.file.Files.write(ours, download("/api/target-lists/" + id + "/export.csv"));
            java.nio.file.Path out = dir.resolve("lo");
            Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out.toString(), xlsx.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as(log).isTrue();
            java.nio.file.Path converted = out.resolve("list.csv");
            assertThat(converted).as(log).exists();
            List<List<String>> fromLibreOffice = csvRows(converted);
            List<List<String>> fromUs = csvRows(ours).stream()
                    .map(r -> r.stream().map(com.chainatlas.ingest.table.TableWriter::unneutralise).toList()).toList();
            assertThat(fromLibreOffice.size()).isGreaterThan(1);
            assertThat(fromLibreOffice).isEqualTo(fromUs);
        } finally {
            api.send(Api.request(URI.create("http://localhost:" + port + "/api/target-lists/" + id)).DELETE().build());
        }
    }

    @Test
    void anyRankingExportsDirectlyWithEveryCandidateChineseNotesAndAnAuditRecord() throws Exception {
        Api api = new Api(port);
        int total = api.ok("/api/targets?chain=NEV&region=340100&size=1").get("total").asInt();
        byte[] xlsx = download("/api/targets/export.xlsx?chain=NEV&region=340100&user=" + java.net.URLEncoder.encode("李四", "UTF-8")); // ?user is ignored
        String chainName = neo4j.query("MATCH (c:Chain {id: 'NEV'}) RETURN c.name").fetchAs(String.class).one().orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(total);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getRepeatingRows())
                    .isEqualTo(org.apache.poi.ss.util.CellRangeAddress.valueOf("1:1"));
            Sheet notes = wb.getSheet("说明");
            StringBuilder text = new StringBuilder();
            notes.forEach(r -> r.forEach(c -> text.append(c.getStringCellValue()).append('|')));
            assertThat(text.toString()).contains("产业链|" + chainName).contains("安徽省")
                    .contains("均衡（规模 20、质量 15、创新 15、本地关联 15、预测关联 10、区位 5、环节优先 10、扩张信号 10）")
                    .contains("（北京时间）").contains("数据快照版本").doesNotContain("balanced").doesNotContain("评级规则见系统文档");
        }
        byte[] csv = download("/api/targets/export.csv?chain=NEV&region=340100&preset=ties");
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8).split("\r\n")).hasSize(total + 1);
        java.util.Map<String, Object> audit = neo4j.query("""
                MATCH (a:ExportAudit {user: 'admin', format: 'xlsx'}) WHERE a.listId IS NULL
                RETURN a.format AS format, a.rows AS rows, a.query AS query ORDER BY a.at DESC LIMIT 1
                """).fetch().first().orElseThrow();
        assertThat(neo4j.query("MATCH (a:ExportAudit {user: '李四'}) RETURN count(a)").fetchAs(Long.class).one().orElseThrow()).isZero();
        assertThat(audit.get("format")).isEqualTo("xlsx");
        assertThat(((Number) audit.get("rows")).intValue()).isEqualTo(total);
        assertThat((String) audit.get("query")).contains("340100");
        assertThat(api.get("/api/targets/export.pdf?chain=NEV&region=340100").status()).isEqualTo(400);
        assertThat(api.get("/api/targets/export.xlsx?chain=NEV&region=340100&preset=nope").status()).isEqualTo(400);
    }

    /** The 2,4xx-row list printed by LibreOffice: landscape pages, a sane number; pages kept in target/target-pages. */
    @Test
    void theFullListPrintsOnASaneNumberOfLandscapePages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path soffice = List.of(java.nio.file.Path.of("/usr/bin/soffice"), java.nio.file.Path.of("/usr/lib/libreoffice/program/soffice"))
                .stream().filter(java.nio.file.Files::isExecutable).findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) not installed");
        int total = new Api(port).ok("/api/targets?chain=NEV&region=340100&size=1").get("total").asInt();
        java.nio.file.Path out = java.nio.file.Path.of("target/target-pages").toAbsolutePath();
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Path xlsx = out.resolve("targets.xlsx");
        java.nio.file.Files.write(xlsx, download("/api/targets/export.xlsx?chain=NEV&region=340100"));
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--convert-to", "pdf", "--outdir", out.toString(),
                xlsx.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).as(log).isTrue();
        java.nio.file.Path pdf = out.resolve("targets.pdf");
        assertThat(pdf).as(log).exists();
        int pages = com.chainatlas.report.PdfPages.count(pdf);
        System.out.println("target list: " + total + " rows → " + pages + " PDF pages");
        // Fit to width with wrapped reasons: far fewer pages than rows / 10, and more than one.
        assertThat(pages).isBetween(2, total / 10);
        com.chainatlas.report.PdfPages.render(pdf, out.resolve("page"));
    }

    /** Test data of its own (chain ZTU): outside candidates with and without revenue, employees, patents. */
    private void unknownFixture() {
        neo4j.query("""
                CREATE (c:Chain {id: 'ZTU', name: '未知测试链', sample: false})
                CREATE (c)-[:HAS_SEGMENT]->(up:Segment {id: 'ZTU-UP', chainId: 'ZTU', name: '原料', stage: 'UPSTREAM', key: false, valueAdded: 2})
                CREATE (c)-[:HAS_SEGMENT]->(dn:Segment {id: 'ZTU-DN', chainId: 'ZTU', name: '整机', stage: 'DOWNSTREAM', key: true, valueAdded: 4})
                CREATE (up)-[:FEEDS]->(dn)
                CREATE (:Enterprise {uscc: 'ZTU000000000000000', name: '本地整机', regionCode: '340104'})-[:IN_SEGMENT]->(dn)
                CREATE (:Enterprise {uscc: 'ZTU000000000000001', name: '营收已知甲', regionCode: '320500', revenue: 50000.0, employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                CREATE (:Enterprise {uscc: 'ZTU000000000000002', name: '营收未知乙', regionCode: '320500', employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                CREATE (:Enterprise {uscc: 'ZTU000000000000003', name: '全都未知丙', regionCode: '320500'})-[:IN_SEGMENT]->(up)
                CREATE (:Enterprise {uscc: 'ZTU000000000000004', name: '小企业丁', regionCode: '320500', revenue: 100.0, employees: 100, patents: 3})-[:IN_SEGMENT]->(up)
                """).run();
    }

    private void removeUnknownFixture() {
        neo4j.query("MATCH (n) WHERE n.id STARTS WITH 'ZTU' OR n.uscc STARTS WITH 'ZTU' DETACH DELETE n").run();
    }

    @Test
    void unknownRevenueIsNeitherZeroInTheScoreNorInTheFileAndHasItsOwnSizeBand() throws Exception {
        removeUnknownFixture();
        unknownFixture();
        try {
            Api api = new Api(port);
            JsonNode items = api.ok("/api/targets?chain=ZTU&region=340100&size=50").get("items");
            java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
            items.forEach(r -> byName.put(r.get("name").asString(), r));
            assertThat(byName.keySet()).containsExactlyInAnyOrder("营收已知甲", "营收未知乙", "全都未知丙", "小企业丁");
            JsonNode b = byName.get("营收未知乙");
            JsonNode c = byName.get("全都未知丙");
            assertThat(b.get("revenue").isNull()).isTrue();
            assertThat(c.get("patents").isNull()).isTrue();
            assertThat(b.get("reasonText").asString()).contains("营收未知").doesNotContain("年营收");
            assertThat(c.get("reasonText").asString()).contains("营收未知、员工数未知、专利数未知");
            assertThat(byName.get("营收已知甲").get("reasonText").asString()).doesNotContain("未知");
            // 乙 has the most employees known and no revenue: its scale part rests on employees alone (full marks),
            // where a zero revenue would have left it at 30%.
            assertThat(b.get("parts").get("scale").asDouble()).isEqualTo(20.0);
            assertThat(c.get("parts").get("scale").asDouble()).isZero();
            // Equal scores: known revenue before unknown.
            for (int i = 1; i < items.size(); i++) {
                JsonNode prev = items.get(i - 1);
                JsonNode cur = items.get(i);
                if (prev.get("score").asDouble() == cur.get("score").asDouble() && !cur.get("revenue").isNull()) {
                    assertThat(prev.get("revenue").isNull()).as("unknown revenue sorted after known").isFalse();
                }
            }
            assertThat(names(api.ok("/api/targets?chain=ZTU&region=340100&sizeBand=UNKNOWN").get("items")))
                    .containsExactlyInAnyOrder("营收未知乙", "全都未知丙");
            assertThat(names(api.ok("/api/targets?chain=ZTU&region=340100&sizeBand=SMALL").get("items"))).containsExactly("小企业丁");
            // Exports: unknown is an empty cell, never 0.
            List<List<String>> csv = new ArrayList<>();
            java.nio.file.Path f = java.nio.file.Files.createTempFile("ztu", ".csv");
            java.nio.file.Files.write(f, download("/api/targets/export.csv?chain=ZTU&region=340100"));
            com.chainatlas.ingest.table.TableReader.open(f, "ztu.csv").read(r -> csv.add(r.cells()));
            int revenueCol = TargetListExporter.HEADER.indexOf("年营收(万元)");
            int patentsCol = TargetListExporter.HEADER.indexOf("专利数");
            List<String> rowC = csv.stream().filter(r -> r.get(1).equals("全都未知丙")).findFirst().orElseThrow();
            assertThat(rowC.get(revenueCol)).isEmpty();
            assertThat(rowC.get(patentsCol)).isEmpty();
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download("/api/targets/export.xlsx?chain=ZTU&region=340100")))) {
                for (Row r : wb.getSheetAt(0)) {
                    if (r.getCell(1).getStringCellValue().equals("营收未知乙")) {
                        assertThat(r.getCell(revenueCol)).isNull();
                        assertThat(r.getCell(patentsCol).getNumericCellValue()).isEqualTo(3.0);
                    }
                }
            }
        } finally {
            removeUnknownFixture();
        }
    }

    private static List<String> names(JsonNode items) {
        List<String> n = new ArrayList<>();
        items.forEach(r -> n.add(r.get("name").asString()));
        return n;
    }

    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(Api.request(
                URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** Rows with trailing empty cells dropped (LibreOffice does not write them). */
    private static List<List<String>> csvRows(java.nio.file.Path file) {
        List<List<String>> rows = new ArrayList<>();
        com.chainatlas.ingest.table.TableReader.open(file, file.getFileName().toString()).read(r -> {
            List<String> cells = new ArrayList<>(r.cells());
            while (!cells.isEmpty() && (cells.get(cells.size() - 1) == null || cells.get(cells.size() - 1).isEmpty())) {
                cells.remove(cells.size() - 1);
            }
            rows.add(cells);
        });
        return rows;
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(r -> ids.add(r.get("uscc").asString()));
        return ids;
    }
}
