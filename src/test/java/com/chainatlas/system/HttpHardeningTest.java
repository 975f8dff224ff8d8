package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13.3/13.7 over real HTTP: encodings, encoded slashes, file names, size limits and security headers. */
@ChainAtlasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HttpHardeningTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(Api.request(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void gbkQueryIsA400ProblemWithOneLogLineAndNoStackTrace(CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        HttpResponse<String> r = get("/api/enterprises?q=%BA%CF%B7%CA");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("UTF-8").containsPattern("\\p{IsHan}");
        String log = output.getAll().substring(before);
        assertThat(log.lines().filter(l -> l.contains("Refused GET /api/enterprises")).count()).isEqualTo(1);
        assertThat(log).doesNotContain("\tat ").doesNotContain("Exception");
        // the same words in UTF-8 are fine
        assertThat(get("/api/enterprises?q=%E5%90%88%E8%82%A5").statusCode()).isEqualTo(200);
    }

    @Test
    void anEncodedSlashInAPathIsAProblemDetailNotTomcatsPage() throws Exception {
        for (String path : new String[]{"/api/chains/a%2Fb", "/api/target-lists/x%2F..%2Fy", "/api/regions/%2F"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isBetween(400, 499);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path + " " + r.body()).contains("problem+json");
            assertThat(r.body()).doesNotContain("<html").doesNotContainIgnoringCase("tomcat");
        }
    }

    @Test
    void securityHeadersOnEveryResponse() throws Exception {
        for (String path : new String[]{"/", "/api/chains", "/api/chains/NOPE", "/api/enterprises?q=%BA", "/v3/api-docs"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path).contains("default-src 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void contentDispositionNeverEchoesALongChain() throws Exception {
        String chain = "NEV" + "x".repeat(1_500);
        HttpResponse<String> r = get("/api/export/chains.csv?chain=" + chain);
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Disposition")).isEmpty();
        HttpResponse<String> ok = get("/api/export/chains.csv?chain=NEV");
        assertThat(ok.statusCode()).isEqualTo(200);
        String cd = ok.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(cd).startsWith("attachment; filename=\"chainatlas-export.csv\"; filename*=UTF-8''").hasSizeLessThan(1_000);
    }

    @Test
    void oversizeJsonBodyAndListNameAreRefused() {
        Api api = new Api(port);
        Api.Response longName = api.postJson("/api/target-lists", "{\"name\": \"" + "名".repeat(101)
                + "\", \"query\": {\"chain\": \"NEV\", \"region\": \"340100\"}}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("detail").asString()).contains("100");
        Api.Response huge = api.postJson("/api/target-lists", "{\"name\": \"" + "x".repeat(2 << 20) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).contains("problem+json");
    }

    @Test
    void uploadTooLargeStatesTheRealLimit() throws Exception {
        String boundary = "b0undary";
        byte[] big = new byte[51 << 20];
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        HttpResponse<String> r = HTTP.send(Api.request(URI.create("http://localhost:" + port + "/api/import/enterprises"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, big, tail))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("50 MB").doesNotContain("-1");
    }
}
