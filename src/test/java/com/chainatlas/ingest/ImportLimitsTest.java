package com.chainatlas.ingest;

import static com.chainatlas.ingest.ImportClient.csv;
import static com.chainatlas.ingest.TestGraph.count;
import static com.chainatlas.ingest.TestGraph.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.chainatlas.support.Api;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Upload limits, concurrent uploads, and random input through the whole HTTP path. */
@ChainAtlasIntegrationTest
class ImportLimitsTest extends ImportHttpTestBase {

    @Test
    void tooLargeUploadIsA413ProblemDetail() {
        byte[] big = new byte[51 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        Api.Response r = client.upload("enterprises", "big.csv", big, false);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).contains("problem+json");
        assertThat(r.json().get("detail").asString()).contains("上传大小限制");
    }

    @Test
    void theSameFileTwiceAtOnceIsRefusedWith409() {
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,行政区划代码\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(uscc(i)).append(",并发企业").append(i).append(",340104\n");
        }
        byte[] file = csv(sb.toString());
        Api.Response first = client.upload("enterprises", "same.csv", file, false);
        Api.Response second = client.upload("enterprises", "same.csv", file, false);
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("正在导入");
        JsonNode done = client.await(first.json().get("id").asString());
        assertThat(done.get("phase").asString()).isEqualTo("DONE");
        assertThat(count(neo4j, "MATCH (e:Enterprise) WHERE e.uscc STARTS WITH '91340104970' RETURN count(e)")).isEqualTo(20_000);
    }

    @Test
    void randomFilesNeverGiveA500OrAPartialWrite() {
        SplittableRandom random = new SplittableRandom(2026);
        String[] pieces = {uscc(1), uscc(2), "9134010497000003XX", "甲公司", "３４０１０４", "340104", "999999", "\"", "\"\"",
                ",", "\n", "\r\n", "1,000", "-1", "２０２１-０１-０１", "2021/13/45", "=1+1", "是", "\u3000", "", "亿元", "%"};
        List<String> formats = ImportFormats.ALL.stream().map(ImportFormat::id).toList();
        for (int round = 0; round < 40; round++) {
            String format = formats.get(random.nextInt(formats.size()));
            ImportFormat f = ImportFormats.find(format).orElseThrow();
            StringBuilder sb = new StringBuilder(String.join(",", ImportTemplates.headers(f))).append('\n');
            int rows = 1 + random.nextInt(6);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < f.columns().size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(pieces[random.nextInt(pieces.length)]);
                }
                sb.append('\n');
            }
            byte[] bytes = round % 5 == 4 ? randomBytes(random) : sb.toString().getBytes(StandardCharsets.UTF_8);
            Api.Response r = client.upload(format, "fuzz.csv", bytes, false);
            assertThat(r.status()).as(r.text()).isIn(202, 400);
            if (r.status() == 202) {
                JsonNode job = client.await(r.json().get("id").asString());
                assertThat(job.get("phase").asString()).as(job.toString()).isIn("DONE", "REJECTED");
                if (job.get("phase").asString().equals("REJECTED")) {
                    assertThat(job.get("result").get("problemCount").asInt()).isPositive();
                }
            }
            TestGraph.clean(neo4j);
        }
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[1 + random.nextInt(300)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
