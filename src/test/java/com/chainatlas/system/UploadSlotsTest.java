package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Over real HTTP: uploads still being received hold at most {@code concurrent-uploads} places, one more is refused
 * with 429 before its body is read while reads go on; the worker pool has the size {@link HttpThreads} derives.
 */
@ChainAtlasIntegrationTest
class UploadSlotsTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String BOUNDARY = "----slots";

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    UploadSlotsFilter slots;

    @Test
    void theWorkerPoolFollowsTheCoresWithTheEmbeddedDatabase() {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var protocol = (AbstractProtocol<?>) tomcat.getConnector().getProtocolHandler();
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(protocol.getMaxThreads()).isEqualTo(Math.max(HttpThreads.MIN, HttpThreads.PER_CORE * cores))
                .isLessThan(200);
        assertThat(HttpThreads.automatic(true, cores)).isEqualTo(200);
        assertThat(HttpThreads.automatic(false, 1)).isEqualTo(HttpThreads.MIN);
        assertThat(HttpThreads.automatic(false, 8)).isEqualTo(64);
    }

    @Test
    void aThirdUploadWhileTwoAreStillArrivingGetsA429AndReadsGoOn() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                slow.add(startSlowUpload());
            }
            long end = System.currentTimeMillis() + 10_000;
            while (slots.receiving() < 2 && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            assertThat(slots.receiving()).as("both slow uploads are being received").isEqualTo(2);
            HttpResponse<String> third = upload();
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(third.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
            assertThat(third.body()).contains("同时最多 2 个");
            HttpResponse<String> read = HTTP.send(Api.request(URI.create(base() + "/api/chains")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // the places come back once those clients are gone: an upload is then read and judged on its content
        long end = System.currentTimeMillis() + 20_000;
        while (slots.receiving() > 0 && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(slots.receiving()).isZero();
        HttpResponse<String> after = upload();
        assertThat(after.statusCode()).as(after.body()).isEqualTo(400);
    }

    /** Sends the headers and the first bytes of a 10 MB multipart upload, then nothing more. */
    private Socket startSlowUpload() throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nuscc,name,regionCode\r\n";
        OutputStream out = s.getOutputStream();
        out.write(("POST /api/import/enterprises HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + Api.ADMIN_BASIC
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: 10000000\r\n\r\n"
                + head).getBytes(StandardCharsets.UTF_8));
        out.flush();
        return s;
    }

    /** An upload without a {@code file} part: read, then refused by the controller (400), so no job is made. */
    private HttpResponse<String> upload() throws Exception {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"other\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nuscc,name,regionCode\r\n\r\n--" + BOUNDARY + "--\r\n";
        return HTTP.send(Api.request(URI.create(base() + "/api/import/enterprises"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
