package com.chainatlas.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.ingest.table.TableWriter;
import com.chainatlas.system.ApiProblem;

import org.neo4j.driver.Driver;
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

    static final int XLSX_MAX_DATA_ROWS = 1_048_575;

    private final Driver driver;

    ExportService(Driver driver) {
        this.driver = driver;
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
        try (TableWriter w = TableWriter.of(ext, out, table.format().zh());
             Session session = driver.session()) {
            w.row(header);
            session.executeRead(tx -> {
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
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    long count(String what, String chain, String region) {
        Map<String, Object> params = new HashMap<>();
        params.put("chain", chain);
        params.put("region", region);
        String cypher = ExportQueries.TABLES.get(what).countCypher();
        try (Session session = driver.session()) {
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
