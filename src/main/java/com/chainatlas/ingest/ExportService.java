package com.chainatlas.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ReadSessions;

import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Exports tables as .xlsx or .csv, streaming records from Neo4j straight into the file (constant memory).
 * Headers are the import template's, so an exported file imports again as is; codes are written as
 * their Chinese labels (上游, 重点实验室 …), lists joined with ";".
 */
@Service
public class ExportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExportService.class);

    static final int XLSX_MAX_DATA_ROWS = 1_048_575;

    /** Dates and times in exports are Beijing time, as the teams reading them expect. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ReadSessions reads;
    private final RegionCatalog regions;
    private final ImportJobs jobs;

    ExportService(ReadSessions reads, RegionCatalog regions, ImportJobs jobs) {
        this.reads = reads;
        this.regions = regions;
        this.jobs = jobs;
    }

    /** Checks the request before the response starts; throws ApiProblem (404/400). */
    void check(String what, String ext, String chain, String region) {
        if (!ExportQueries.TABLES.containsKey(what)) {
            throw ApiProblem.notFound("导出类型", "Export table", what);
        }
        if (!ext.equals("xlsx") && !ext.equals("csv")) {
            throw ApiProblem.badRequest("导出格式只支持 .xlsx 和 .csv", "Export formats: .xlsx and .csv");
        }
        if (region != null && !region.matches("\\d{6}")) {
            throw ApiProblem.badRequest("region 须为 6 位行政区划代码", "region must be a 6-digit division code");
        }
        if (region != null && regions.find(region).isEmpty()) {
            throw ApiProblem.notFound("行政区划", "Region", region);
        }
        if (chain != null && !chainExists(chain)) {
            throw ApiProblem.notFound("产业链", "Chain", chain);
        }
        if (ext.equals("xlsx") && count(what, chain, region) > XLSX_MAX_DATA_ROWS) {
            throw ApiProblem.badRequest("数据超过 .xlsx 单表上限 (1,048,575 行)，请改用 CSV 导出或加筛选条件",
                    "Too many rows for one .xlsx sheet; export as CSV or filter");
        }
    }

    /** Writes the table; the caller closes {@code out}. */
    public void export(String what, String ext, String chain, String region, OutputStream out) throws IOException {
        ExportQueries.Table table = ExportQueries.TABLES.get(what);
        List<Column> columns = table.format().columns();
        List<String> header = new ArrayList<>(columns.stream().map(Column::header).toList());
        header.addAll(table.extras().values());
        Map<String, Object> params = new HashMap<>();
        params.put("chain", chain);
        params.put("region", region);
        long[] rows = {0};
        try (TableWriter w = TableWriter.streaming(ext, out, table.format().zh(), "说明");
             Session session = reads.open()) {
            w.row(header);
            String chainName = session.executeRead(tx -> {
                Result result = tx.run(table.cypher(), params);
                List<Object> cells = new ArrayList<>(header.size());
                while (result.hasNext()) {
                    Record r = result.next();
                    cells.clear();
                    for (Column c : columns) {
                        cells.add(cell(c, r.containsKey(c.key()) ? r.get(c.key()) : null));
                    }
                    for (String extra : table.extras().keySet()) {
                        cells.add(cell(null, r.get(extra)));
                    }
                    try {
                        w.row(cells);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    rows[0]++;
                }
                return chain == null ? null : tx.run("MATCH (c:Chain {id: $chain}) RETURN c.name AS name", params)
                        .stream().findFirst().map(r -> r.get("name").asString(null)).orElse(null);
            });
            w.notes("说明", notes(table, chain, chainName, region, rows[0]));
        } catch (UncheckedIOException e) {
            // typically the client went away: the read transaction has been left, nothing more is read
            log.info("Export of {} ({}) stopped after {} rows: {}", what, ext, rows[0], e.getCause().toString());
            throw e.getCause();
        }
    }

    /** The 说明 sheet: what, for which chain and region, when, from which data, and how to read empty cells. */
    private List<List<String>> notes(ExportQueries.Table table, String chain, String chainName, String region, long rows) {
        String regionName = region == null ? "全国（不限地区）" : regions.find(region).map(r -> regions.fullName(region)).orElse(region);
        String lastImport = jobs.recent().stream()
                .filter(j -> !j.dryRun() && j.phase() == ImportJob.Phase.DONE && j.finishedAt() != null)
                .map(ImportJob.View::finishedAt).max(Comparator.naturalOrder())
                .map(t -> TIME.format(t.atZone(ZONE)) + "（本次启动以来最近一次导入）").orElse("本次启动以来无导入");
        return List.of(
                List.of("导出内容", table.format().zh()),
                List.of("产业链", chain == null ? "全部产业链" : chainName == null ? chain : chainName + "（" + chain + "）"),
                List.of("地区", regionName),
                List.of("数据行数", String.valueOf(rows)),
                List.of("生成时间", TIME.format(ZonedDateTime.now(ZONE)) + "（北京时间）"),
                List.of("数据版本", "导出时数据库的现状，一次只读事务内读出；最近导入: " + lastImport),
                List.of("空白单元格", "空白表示未知（没有人提供该数值），不是 0；合计只加总已知的数值，并给出营收已知的企业数"),
                List.of("再次导入", "列名与导入模板一致，本表可原样再次导入；带【参考】的列导入时忽略"));
    }

    private boolean chainExists(String chain) {
        try (Session session = reads.open()) {
            return session.executeRead(tx -> tx.run("MATCH (c:Chain {id: $chain}) RETURN count(c) > 0 AS found",
                    Map.of("chain", chain)).single().get("found").asBoolean());
        }
    }

    long count(String what, String chain, String region) {
        Map<String, Object> params = new HashMap<>();
        params.put("chain", chain);
        params.put("region", region);
        String cypher = ExportQueries.TABLES.get(what).countCypher();
        try (Session session = reads.open()) {
            return session.executeRead(tx -> tx.run(cypher, params).single().get("n").asLong());
        }
    }

    private static Object cell(Column c, Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        Object o = v.asObject();
        if (o instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        if (o instanceof LocalDate d) {
            return d;
        }
        if (c != null && !c.choices().isEmpty() && o instanceof String s) {
            return c.choices().entrySet().stream().filter(e -> e.getValue().equals(s)).map(Map.Entry::getKey)
                    .findFirst().orElse(s);
        }
        if (c != null && c.type() == FieldType.BOOLEAN && o instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return o;
    }
}
