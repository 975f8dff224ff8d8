package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chainatlas.ingest.table.TableReader;
import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.support.ChainAtlasIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Tries the real A-share company list ({@code ../shared/data/a-share/companies.csv}, never committed) as an
 * enterprises file, as a dry run, and writes what was rejected and why to
 * {@code target/a-share-import-report.txt}. Skipped when the data folder is absent.
 *
 * <p>The list has no USCC: its rows go in with a provisional identity (全称 + 区划, 无信用代码), see
 * docs/import-formats.md, "Enterprises without a credit code"; what is left are rows whose province could not be mapped.
 */
@ChainAtlasIntegrationTest
class AShareImportReportTest {

    static final Path DATA = Path.of("../shared/data/a-share/companies.csv");

    @LocalServerPort
    int port;

    @Test
    void reportsWhatTheRealCompanyListWouldNeed() throws Exception {
        assumeTrue(Files.isReadable(DATA), "no ../shared/data/a-share/companies.csv here");
        RegionCatalog regions = new RegionCatalog();
        Map<String, String> provinceByShortName = new LinkedHashMap<>();
        for (Region p : regions.ofLevel(RegionLevel.PROVINCE)) {
            provinceByShortName.put(p.name().substring(0, 2), p.code());
        }
        provinceByShortName.put("内蒙", "150000");
        provinceByShortName.put("黑龙", "230000");
        provinceByShortName.put("深圳", "440300"); // listed apart from 广东 in the source
        List<List<String>> rows = new ArrayList<>();
        TableReader.open(DATA, "companies.csv").read(r -> rows.add(r.cells()));
        List<String> header = rows.get(0);
        int name = header.indexOf("name");
        int fullName = header.indexOf("fullname");
        int area = header.indexOf("area");
        // mapped to the enterprises format: no USCC in the source
        var out = new java.io.ByteArrayOutputStream();
        try (TableWriter w = TableWriter.csv(out)) {
            w.row(List.of("统一社会信用代码", "企业名称", "简称", "行政区划代码", "标签"));
            for (List<String> r : rows.subList(1, rows.size())) {
                String a = r.get(area);
                String code = a.length() >= 2 ? provinceByShortName.getOrDefault(a.substring(0, 2), "") : "";
                w.row(List.of("", r.get(fullName), r.get(name), code, "上市"));
            }
        }
        JsonNode job = new ImportClient(port).run("enterprises", "a-share-companies.csv", out.toByteArray(), true);
        JsonNode result = job.get("result");
        Map<String, Integer> byReason = new TreeMap<>();
        result.get("problems").forEach(p -> byReason.merge(p.get("header").asString() + ": " + p.get("reason").asString(), 1, Integer::sum));
        StringBuilder report = new StringBuilder();
        report.append("A-share company list as an enterprises import (dry run): ").append(job.get("phase").asString()).append('\n');
        report.append("rows read: ").append(result.get("rowsRead").asLong()).append(", problems: ")
                .append(result.get("problemCount").asLong()).append(result.get("problemsTruncated").asBoolean() ? " (listed: first 10,000)" : "")
                .append('\n');
        byReason.forEach((reason, count) -> report.append(String.format("%6d  %s%n", count, reason)));
        report.append("\nExamples:\n");
        for (int i = 0; i < Math.min(8, result.get("problems").size()); i++) {
            JsonNode p = result.get("problems").get(i);
            report.append("  row ").append(p.get("row").asInt()).append(' ').append(p.get("column").asString()).append(' ')
                    .append(p.get("header").asString()).append(" '").append(p.get("value").asString()).append("': ")
                    .append(p.get("reason").asString()).append('\n');
        }
        Files.writeString(Path.of("target/a-share-import-report.txt"), report, StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(result.get("rowsRead").asLong()).isGreaterThan(4000);
        assertThat(byReason.keySet()).as("no row is refused for lacking a code").noneMatch(r -> r.contains("统一社会信用代码"));
    }
}
