package com.chainatlas.ingest;

import com.chainatlas.support.Api;
import static com.chainatlas.ingest.ImportClient.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Issue 10 through HTTP: import steps, templates of a chain, names in the file's chain, history paging, provisional keys. */
@ChainAtlasIntegrationTest
class ImportRefsApiTest extends ImportHttpTestBase {

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(Api.request(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void formatsSayTheirStepAndTemplatesListTheChainsSegments() throws Exception {
        JsonNode formats = client.api().ok("/api/import/formats");
        JsonNode enterprises = null;
        for (JsonNode f : formats) {
            assertThat(f.get("step").asInt()).isBetween(1, 3);
            if (f.get("id").asString().equals("enterprises")) {
                enterprises = f;
            }
        }
        assertThat(enterprises.get("step").asInt()).isEqualTo(2);
        assertThat(enterprises.get("requires").toString()).contains("segments");

        client.run("chains", "c.csv", csv("产业链编号,名称\nZT7,测试模板链\n"));
        client.run("segments", "s.csv", csv("环节编号,产业链,名称,环节位置,上级环节\nZT7-A,ZT7,电池,中游,\nZT7-B,ZT7,电芯,中游,电池\n"));
        HttpResponse<byte[]> xlsx = get("/api/import/templates/enterprise-segments.xlsx?chain="
                + URLEncoder.encode("测试模板链", StandardCharsets.UTF_8));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            List<String> notes = new ArrayList<>();
            wb.getSheet("说明").forEach(r -> r.forEach(c -> notes.add(c.getStringCellValue())));
            assertThat(notes).contains("ZT7-B", "电池/电芯");
            assertThat(wb.getSheetAt(0).getDataValidations()).hasSize(1);
        }
        assertThat(get("/api/import/templates/enterprises.xlsx?chain=NOPE-CHAIN").statusCode()).isEqualTo(404);

        // names in the chain chosen at upload, one file with codes and without
        String code = TestGraph.uscc(41);
        JsonNode job = uploadWithChain("enterprises", "统一社会信用代码,企业名称,行政区划代码,所属环节\n" + code
                + ",ZT有码有限公司,340104,电池/电芯\n,ZT无码有限公司,340104,电芯\n", "ZT7");
        assertThat(job.get("phase").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("chain").asString()).isEqualTo("ZT7");
        assertThat(TestGraph.count(neo4j, "MATCH (e:Enterprise)-[:IN_SEGMENT]->(:Segment {id: 'ZT7-B'}) RETURN count(e)")).isEqualTo(2);
        String key = Uscc.provisionalKey("ZT无码有限公司", "340104");
        JsonNode detail = client.api().ok("/api/enterprises/" + key);
        assertThat(detail.toString()).contains("ZT无码有限公司");

        var page = HttpClient.newHttpClient().send(Api.request(
                URI.create("http://localhost:" + port + "/api/import/jobs?page=0&size=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(3);
        assertThat(page.body()).contains(job.get("id").asString());
        assertThat(client.api().get("/api/import/jobs?size=0").status()).isEqualTo(400);
    }

    private JsonNode uploadWithChain(String format, String text, String chain) throws Exception {
        String boundary = "----zt" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"e.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + csv(text).length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(csv(text), 0, body, head.length, csv(text).length);
        System.arraycopy(tail, 0, body, head.length + csv(text).length, tail.length);
        var r = HttpClient.newHttpClient().send(Api.request(URI.create("http://localhost:" + port + "/api/import/"
                        + format + "?chain=" + chain + "&submittedBy=test")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return client.await(tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).get("id").asString());
    }
}
