package com.chainatlas.ingest;

import com.chainatlas.support.Api;
import static com.chainatlas.ingest.ImportClient.csv;
import static com.chainatlas.ingest.TestGraph.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableReader;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;

/** Export then import gives the same graph; exports are formula-safe and open in LibreOffice as written. */
@ChainAtlasIntegrationTest
class ExportRoundTripTest {

    /** Import order: referenced things first. */
    static final List<String> ORDER = List.of("chains", "segments", "flows", "products", "product-inputs", "technologies",
            "enterprises", "enterprise-segments", "enterprise-products", "supplies", "institutions", "cooperations", "projects");
    /** 主营产品 and 经营范围 (issue 10): exported and imported again unchanged. */
    static final String MAIN_PRODUCTS = "磷酸铁锂电芯、储能电池";
    static final String BUSINESS_SCOPE = "电池制造；电池销售, 技术服务";
    static final String EVIL_NAME = "=HYPERLINK(\"http://evil.example\",\"点我\")有限公司";

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @TempDir
    Path dir;

    ImportClient client;

    @BeforeEach
    void setUp() {
        client = new ImportClient(port);
        TestGraph.clean(neo4j);
    }

    @AfterEach
    void tearDown() {
        TestGraph.clean(neo4j);
    }

    private void importFixture() {
        ImportApiTest.importSmallChain(client).forEach(j -> assertThat(j.get("phase").asString()).isEqualTo("DONE"));
        JsonNode evil = client.run("enterprises", "evil.csv", csv("统一社会信用代码,企业名称,简称,行政区划代码,开发区,标签,主营产品,经营范围\n"
                + uscc(9) + ",\"" + EVIL_NAME.replace("\"", "\"\"") + "\",-示例,340104,+86 园区,@标签;=SUM(1),"
                + MAIN_PRODUCTS + ",\"" + BUSINESS_SCOPE + "\"\n"));
        assertThat(evil.get("phase").asString()).as(evil.toString()).isEqualTo("DONE");
        client.run("enterprise-segments", "m.csv", csv("企业,环节编号\n" + uscc(9) + ",ZT1-UP\n"));
    }

    /** Every test node with its properties and outgoing relationships, as sorted text. */
    private List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        neo4j.query("""
                MATCH (n) WHERE n.id STARTS WITH 'ZT' OR n.uscc STARTS WITH '91340104970'
                OPTIONAL MATCH (n)-[r]->(m) WHERE NOT m:LedgerChange
                RETURN labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS rprops,
                       coalesce(m.id, m.uscc, m.code) AS target
                """).fetch().all().forEach(row -> lines.add(row.get("labels") + " " + withoutStamps(
                (java.util.Map<?, ?>) row.get("props")) + " -" + row.get("type") + "->" + row.get("target") + " "
                + (row.get("rprops") == null ? "" : new java.util.TreeMap<>((java.util.Map<?, ?>) row.get("rprops")))));
        java.util.Collections.sort(lines);
        return lines;
    }

    /** A ledger project's history, timestamps and ledger epoch are new after a re-import (the ledger records it); the data is not. */
    private static java.util.TreeMap<Object, Object> withoutStamps(java.util.Map<?, ?> props) {
        java.util.TreeMap<Object, Object> m = new java.util.TreeMap<>(props);
        m.remove("createdAt");
        m.remove("updatedAt");
        m.remove("ledgerEpoch"); // the ledger version of the write (LedgerVersion), a stamp like updatedAt
        return m;
    }

    private byte[] download(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(Api.request(
                URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path + " " + new String(r.body())).isEqualTo(200);
        return r.body();
    }

    private void roundTrip(String ext) throws Exception {
        importFixture();
        List<String> before = snapshot();
        assertThat(before).hasSizeGreaterThan(15);
        List<byte[]> files = new ArrayList<>();
        for (String table : ORDER) {
            files.add(download("/api/export/" + table + "." + ext + "?chain=ZT1"));
        }
        TestGraph.clean(neo4j);
        assertThat(snapshot()).isEmpty();
        for (int i = 0; i < ORDER.size(); i++) {
            JsonNode job = client.run(ORDER.get(i), ORDER.get(i) + "." + ext, files.get(i));
            assertThat(job.get("phase").asString()).as(ORDER.get(i) + ": " + job).isEqualTo("DONE");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before).anyMatch(l -> l.contains("mainProducts=" + MAIN_PRODUCTS) && l.contains("businessScope=" + BUSINESS_SCOPE));
    }

    @Test
    void enterpriseExportHasMainProductsAndBusinessScope() throws Exception {
        importFixture();
        List<List<String>> rows = rows(download("/api/export/enterprises.csv?chain=ZT1"), "csv");
        int products = rows.get(0).indexOf("主营产品");
        int scope = rows.get(0).indexOf("经营范围");
        assertThat(products).isPositive();
        assertThat(scope).isPositive();
        List<String> row = rows.stream().filter(r -> r.get(0).equals(uscc(9))).findFirst().orElseThrow();
        assertThat(row.get(products)).isEqualTo(MAIN_PRODUCTS);
        assertThat(row.get(scope)).isEqualTo(BUSINESS_SCOPE);
    }

    @Test
    void csvExportThenImportGivesTheSameGraph() throws Exception {
        roundTrip("csv");
    }

    @Test
    void xlsxExportThenImportGivesTheSameGraph() throws Exception {
        roundTrip("xlsx");
    }

    private List<List<String>> rows(byte[] content, String ext) throws IOException {
        Path f = Files.createTempFile(dir, "x", "." + ext);
        Files.write(f, content);
        List<List<String>> rows = new ArrayList<>();
        TableReader.open(f, "x." + ext).read((RawRow r) -> rows.add(r.cells()));
        return rows;
    }

    @Test
    void formulaInjectionIsNeutralisedInBothFormats() throws Exception {
        importFixture();
        // CSV: a leading apostrophe, the only guard a CSV has.
        List<List<String>> rows = rows(download("/api/export/enterprises.csv?chain=ZT1"), "csv");
        List<String> evil = rows.stream().filter(r -> r.get(0).equals(uscc(9))).findFirst().orElseThrow();
        assertThat(evil.get(1)).isEqualTo("'" + EVIL_NAME);
        assertThat(evil.get(2)).isEqualTo("'-示例");
        assertThat(evil.get(4)).isEqualTo("'+86园区");
        int tagsCol = rows.get(0).indexOf("标签"); // by header: columns get added over time
        assertThat(evil.get(tagsCol)).isEqualTo("'@标签;=SUM(1)");
        byte[] csvBytes = download("/api/export/enterprises.csv?chain=ZT1");
        assertThat(csvBytes[0]).isEqualTo((byte) 0xEF); // UTF-8 BOM for Excel
        // .xlsx: the text as it is, in a string cell whose style is quote-prefixed (shown as text, no visible ').
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(download("/api/export/enterprises.xlsx?chain=ZT1")))) {
            org.apache.poi.ss.usermodel.Row row = null;
            for (org.apache.poi.ss.usermodel.Row r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals(uscc(9))) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            for (int[] c : new int[][]{{1}, {2}, {4}, {tagsCol}}) {
                org.apache.poi.ss.usermodel.Cell cell = row.getCell(c[0]);
                assertThat(cell.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(cell.getStringCellValue()).doesNotStartWith("'");
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("column " + c[0]).isTrue();
            }
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(EVIL_NAME);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("+86园区");
            // An ordinary text is not quote-prefixed.
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void segmentExportCarriesFiguresAndFiltersWork() throws Exception {
        importFixture();
        List<List<String>> segs = rows(download("/api/export/segments.csv?chain=ZT1&region=340100"), "csv");
        assertThat(segs.get(0)).contains("企业数", "营收已知企业数", "营业收入合计(万元)", "本地企业数", "本地营收已知企业数");
        for (List<String> seg : segs.subList(1, segs.size())) {
            // Known-revenue counts never exceed the counts; no known revenue leaves the total empty, not 0.
            int n = Integer.parseInt(seg.get(segs.get(0).indexOf("企业数")));
            int known = Integer.parseInt(seg.get(segs.get(0).indexOf("营收已知企业数")));
            assertThat(known).isBetween(0, n);
            if (known == 0) {
                assertThat(seg.get(segs.get(0).indexOf("营业收入合计(万元)"))).isEmpty();
            }
        }
        List<String> up = segs.stream().filter(r -> r.get(0).equals("ZT1-UP")).findFirst().orElseThrow();
        int count = segs.get(0).indexOf("企业数");
        assertThat(up.get(count)).isEqualTo("2");
        assertThat(up.get(3)).isEqualTo("上游");
        List<List<String>> beijing = rows(download("/api/export/enterprises.csv?chain=ZT1&region=110000"), "csv");
        assertThat(beijing).hasSize(2); // header + 测试整机 in 110105
        assertThat(new ImportClient(port).api().get("/api/export/nothing.csv").status()).isEqualTo(404);
        assertThat(new ImportClient(port).api().get("/api/export/enterprises.pdf").status()).isEqualTo(400);
    }

    @Test
    void libreOfficeReadsTheXlsxExportAsTheCsvExport() throws Exception {
        Path soffice = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/lib/libreoffice/program/soffice")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(soffice != null, "LibreOffice (soffice) not installed: apt-get install -y libreoffice-calc-nogui");
        importFixture();
        for (String table : List.of("enterprises", "segments", "supplies", "institutions", "projects")) {
            Path xlsx = dir.resolve(table + ".xlsx");
            Files.write(xlsx, download("/api/export/" + table + ".xlsx?chain=ZT1"));
            Path out = dir.resolve("lo-" + table);
            Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", out.toString(), xlsx.toString())
                    .redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(log).isTrue();
            Path converted = out.resolve(table + ".csv");
            assertThat(converted).as(log).exists();
            List<List<String>> fromLibreOffice = rows(Files.readAllBytes(converted), "csv");
            // Our CSV carries the formula guard (a leading apostrophe); the .xlsx holds the text itself.
            List<List<String>> ours = rows(download("/api/export/" + table + ".csv?chain=ZT1"), "csv").stream()
                    .map(r -> r.stream().map(com.chainatlas.ingest.table.TableWriter::unneutralise).toList()).toList();
            assertThat(trimTrailing(fromLibreOffice)).as(table).isEqualTo(trimTrailing(ours));
        }
    }

    private static List<List<String>> trimTrailing(List<List<String>> rows) {
        return rows.stream().map(r -> {
            int n = r.size();
            while (n > 0 && r.get(n - 1).isEmpty()) {
                n--;
            }
            return r.subList(0, n);
        }).toList();
    }
}
