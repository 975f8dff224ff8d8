package com.chainatlas.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/** A client that closes a large export early stops it: the database read ends long before the last row. */
@ChainAtlasIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ExportCancelTest {

    static final int ROWS = 100_000;

    @LocalServerPort
    int port;

    @Autowired
    Neo4jClient neo4j;

    @AfterEach
    void cleanUp() {
        neo4j.query("MATCH (e:Enterprise) WHERE e.uscc STARTS WITH 'ZCANCEL' DETACH DELETE e").run();
    }

    @Test
    void closingTheConnectionStopsACsvExport(CapturedOutput output) throws Exception {
        neo4j.query("""
                UNWIND range(1, $n) AS i
                CREATE (:Enterprise {uscc: 'ZCANCEL' + right('000000' + i, 7), name: '取消测试企业' + i, regionCode: '340104',
                                     provinceCode: '340000', cityCode: '340100', countyCode: '340104', revenue: i * 1.5,
                                     mainProducts: '用来测试中途断开的很长的主营产品说明文字，' + i})
                """).bind(ROWS).to("n").run();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0); // close with a reset, as a killed browser tab does
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/export/enterprises.csv?region=340104 HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + com.chainatlas.support.Api.ADMIN_BASIC + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[8192];
            int read = 0;
            while (read < 64 * 1024) {
                int n = in.read(buf);
                assertThat(n).isPositive();
                read += n;
            }
            assertThat(new String(buf, StandardCharsets.UTF_8)).isNotEmpty();
        }
        Pattern stopped = Pattern.compile("Export of enterprises \\(csv\\) stopped after (\\d+) rows");
        long deadline = System.currentTimeMillis() + 30_000;
        Matcher m = stopped.matcher(output.getAll());
        while (!m.find() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            m = stopped.matcher(output.getAll());
        }
        m = stopped.matcher(output.getAll());
        assertThat(m.find()).as("the export logged that it stopped").isTrue();
        long rows = Long.parseLong(m.group(1));
        assertThat(rows).as("rows read before the export stopped").isPositive().isLessThan(ROWS / 2);
        assertThat(output.getAll()).doesNotContain("Unexpected error");
    }
}
