package com.chainatlas.system;

import com.chainatlas.support.Api;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import com.chainatlas.ChainAtlasApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Export benchmark (not a test): starts the app on a fresh embedded database (profile "it", no demo data), writes
 * N enterprises (default 671,000, the size of the issue-13 probe) with Cypher, then downloads
 * {@code /api/export/enterprises.csv} and {@code .xlsx} over HTTP and prints time, size and time to first byte.
 *
 * <p>Run: {@code scripts/bench-export.sh [N, default 671000]}.
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 671_000;
        SpringApplication app = new SpringApplication(ChainAtlasApplication.class);
        app.setAdditionalProfiles("it");
        try (ConfigurableApplicationContext ctx = app.run("--server.port=0", "--logging.level.root=WARN",
                "--chainatlas.demo.enabled=false", "--chainatlas.snapshots.warm-up=false",
                "--chainatlas.embedded.page-cache=1g")) {
            Neo4jClient neo4j = ctx.getBean(Neo4jClient.class);
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            long t0 = System.nanoTime();
            for (int from = 1; from <= n; from += 50_000) {
                neo4j.query("""
                        UNWIND range($from, $to) AS i
                        CREATE (:Enterprise {uscc: 'BENCH' + right('0000000' + i, 8), name: '基准测试企业' + i + '有限公司',
                                shortName: '基准' + i, regionCode: '340104', provinceCode: '340000', cityCode: '340100',
                                countyCode: '340104', revenue: CASE WHEN i % 3 = 0 THEN null ELSE i * 1.25 END,
                                employees: i % 500, tags: ['高新技术企业'], patents: i % 40,
                                mainProducts: '动力电池、储能电池', businessScope: '电池制造；电池销售'})
                        """).bindAll(java.util.Map.of("from", from, "to", Math.min(n, from + 49_999))).run();
            }
            System.out.printf(Locale.ROOT, "%,d enterprises written in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            for (String ext : new String[]{"csv", "xlsx", "csv", "xlsx"}) {
                long t = System.nanoTime();
                HttpResponse<InputStream> r = http.send(Api.request(URI.create(
                        "http://localhost:" + port + "/api/export/enterprises." + ext)).build(), HttpResponse.BodyHandlers.ofInputStream());
                long bytes = 0;
                long firstByte = -1;
                try (InputStream in = r.body()) {
                    byte[] buf = new byte[1 << 16];
                    for (int k; (k = in.read(buf)) > 0; ) {
                        if (firstByte < 0) {
                            firstByte = System.nanoTime();
                        }
                        bytes += k;
                    }
                }
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.out.printf(Locale.ROOT, "export %-4s: HTTP %d, %,d bytes in %.1f s (first byte after %.1f s), load %.2f%n",
                        ext, r.statusCode(), bytes, (System.nanoTime() - t) / 1e9, (firstByte - t) / 1e9, load);
            }
        }
    }
}
