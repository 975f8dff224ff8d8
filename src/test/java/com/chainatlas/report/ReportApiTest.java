package com.chainatlas.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The 诊断报告 (.docx) re-opened with POI and, where LibreOffice exists, converted to PDF. */
@ChainAtlasIntegrationTest
class ReportApiTest {

    @LocalServerPort
    int port;

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(Api.request(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void reportCarriesTheDiagnosisTheTargetsAndTheMapPicture() throws Exception {
        HttpResponse<byte[]> r = get("/api/reports/diagnosis.docx?chain=NEV&region=340100");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).contains("wordprocessingml");
        assertThat(r.headers().firstValue("content-disposition").orElse(""))
                .contains(URLEncoder.encode("诊断报告", StandardCharsets.UTF_8));
        Api api = new Api(port);
        JsonNode diagnosis = api.ok("/api/diagnosis?chain=NEV&region=340100");
        JsonNode targets = api.ok("/api/targets?chain=NEV&region=340100&size=20");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.body()))) {
            String text = doc.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(text).contains(diagnosis.get("chainName").asString() + "产业链诊断报告")
                    .contains(diagnosis.get("region").get("fullName").asString())
                    .contains("数据快照版本").contains("（北京时间）").contains("关于未知数据");
            List<XWPFPictureData> pictures = doc.getAllPictures();
            assertThat(pictures).hasSize(1);
            assertThat(pictures.get(0).getPictureType()).isEqualTo(org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG);
            assertThat(pictures.get(0).getData().length).isGreaterThan(10_000);

            List<XWPFTable> tables = doc.getTables();
            assertThat(tables.size()).isGreaterThanOrEqualTo(4);
            // Summary: completeness as the diagnosis says.
            XWPFTable summary = tables.get(0);
            assertThat(summary.getRow(1).getCell(0).getText()).isEqualTo("环节完整度");
            assertThat(summary.getRow(1).getCell(1).getText())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * diagnosis.get("figures").get("completeness").asDouble()));
            // Verdicts: one row per leaf segment, with the API's verdict and first reason.
            XWPFTable verdicts = tables.get(1);
            long leaves = diagnosis.get("segments").valueStream().filter(s -> s.get("leaf").asBoolean()).count();
            assertThat(verdicts.getNumberOfRows()).isEqualTo((int) leaves + 1);
            JsonNode firstLeaf = diagnosis.get("segments").valueStream().filter(s -> s.get("leaf").asBoolean()).findFirst().orElseThrow();
            assertThat(verdicts.getRow(1).getCell(0).getText()).endsWith(firstLeaf.get("name").asString());
            assertThat(verdicts.getRow(1).getCell(2).getText()).startsWith(firstLeaf.get("verdictZh").asString());
            if (firstLeaf.get("reasons").size() > 0) {
                assertThat(verdicts.getRow(1).getCell(6).getText()).contains(firstLeaf.get("reasons").get(0).get("zh").asString());
            }
            // Targets: the ranking's top 20 in order.
            XWPFTable top = tables.stream().filter(t -> t.getRow(0).getCell(1).getText().equals("企业")).findFirst().orElseThrow();
            assertThat(top.getNumberOfRows()).isEqualTo(Math.min(20, targets.get("items").size()) + 1);
            assertThat(top.getRow(1).getCell(1).getText()).isEqualTo(targets.get("items").get(0).get("name").asString());
            assertThat(top.getRow(1).getCell(6).getText()).isEqualTo(targets.get("items").get(0).get("reasonText").asString());
        }
    }

    @Test
    void badParametersAreProblemDetails() throws Exception {
        Api api = new Api(port);
        for (String path : List.of("/api/reports/diagnosis.docx?region=340100", "/api/reports/diagnosis.docx?chain=NEV",
                "/api/reports/diagnosis.docx?chain=NEV&region=34")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).contains("problem+json");
            assertThat(r.json().get("detail").asString()).as(path).containsPattern("\\p{IsHan}");
        }
        for (String path : List.of("/api/reports/diagnosis.docx?chain=NOPE&region=340100",
                "/api/reports/diagnosis.docx?chain=NEV&region=999999", "/api/reports/diagnosis.docx?chain=NEV&region=000000")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).contains("problem+json");
        }
    }

    /** LibreOffice renders the report; the pages are kept under target/report-pages for a look. */
    @Test
    void libreOfficeConvertsTheReportToPdf(@TempDir Path dir) throws Exception {
        Path soffice = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/lib/libreoffice/program/soffice")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(soffice).as("LibreOffice is installed by .ci/run; in CI its absence is a failure").isNotNull();
        }
        Assumptions.assumeTrue(soffice != null, "LibreOffice (soffice) not installed");
        Path docx = dir.resolve("report.docx");
        HttpResponse<byte[]> r = get("/api/reports/diagnosis.docx?chain=NEV&region=340100");
        assertThat(r.statusCode()).isEqualTo(200);
        Files.write(docx, r.body());
        Path out = Path.of("target/report-pages").toAbsolutePath();
        Files.createDirectories(out);
        Process p = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--convert-to", "pdf", "--outdir", out.toString(),
                docx.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).as(log).isTrue();
        Path pdf = out.resolve("report.pdf");
        assertThat(pdf).as(log).exists();
        int pages = PdfPages.count(pdf);
        assertThat(pages).as("pages of the report").isBetween(2, 40);
        PdfPages.render(pdf, out.resolve("page"));
    }
}
