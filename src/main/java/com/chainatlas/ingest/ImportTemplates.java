package com.chainatlas.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import com.chainatlas.ingest.table.TableWriter;

/**
 * Templates (one per format: header row, required columns marked *, plus a 说明 notes sheet in .xlsx)
 * and problem reports as downloadable files.
 */
final class ImportTemplates {

    private ImportTemplates() {
    }

    static List<String> headers(ImportFormat format) {
        return format.columns().stream().map(c -> c.header() + (c.required() ? "*" : "")).toList();
    }

    static void template(ImportFormat format, String ext, OutputStream out) throws IOException {
        try (TableWriter w = TableWriter.of(ext, out, format.zh())) {
            w.row(headers(format));
            w.sheet("说明");
            w.row(List.of("列名", "英文键", "必填", "格式", "单位", "可选值", "说明", "示例"));
            for (Column c : format.columns()) {
                w.row(Arrays.asList(c.zh(), c.key(), c.required() ? "是" : "否", c.type().noteZh,
                        c.unit() == null ? "" : c.unit(), String.join("、", new LinkedHashSet<>(c.choices().keySet())),
                        note(c), c.example()));
            }
            w.row(List.of());
            w.row(List.of("“" + format.zh() + "”: " + format.description()));
            w.row(List.of("表头可用中文列名或英文键；列的顺序不限；不认识的列会被忽略。第一行非空行为表头。"));
            w.row(List.of("任何一行有误，整个文件都不写入；错误报告列出每个问题的行号、列、值和原因。"));
            w.row(List.of("CSV 可用 UTF-8 (带或不带 BOM) 或 GBK/GB18030 编码。"));
        }
    }

    private static String note(Column c) {
        List<String> parts = new ArrayList<>();
        if (c.ref() != null) {
            parts.add("引用" + c.ref().zh + (c.ref() == RefKind.ENTERPRISE ? "" : "编号") + "，须已存在");
        }
        if (c.min() != null || c.max() != null) {
            parts.add("范围 " + (c.min() == null ? "" : Fields.XlsxNumber.plain(c.min())) + "–"
                    + (c.max() == null ? "" : Fields.XlsxNumber.plain(c.max())));
        }
        if (!c.note().isEmpty()) {
            parts.add(c.note());
        }
        return String.join("；", parts);
    }

    static void report(ImportJob job, OutputStream out) throws IOException {
        ImportJob.ImportResult r = job.result;
        try (TableWriter w = TableWriter.xlsx(out, "问题")) {
            w.row(List.of("行号", "列", "列名", "值", "原因"));
            if (r != null) {
                for (Problem p : r.problems()) {
                    w.row(Arrays.asList(p.row() == 0 ? null : p.row(), p.column(), p.header(), p.value(), p.reason()));
                }
            }
            w.sheet("概要");
            w.row(List.of("项目", "值"));
            w.row(List.of("文件", job.fileName));
            w.row(List.of("导入类型", job.format.zh() + " (" + job.format.id() + ")"));
            if (r != null) {
                w.row(List.of("读取行数", r.rowsRead()));
                w.row(List.of("问题数", r.problemCount()));
                w.row(List.of("结论", r.messageZh()));
                if (r.problemsTruncated()) {
                    w.row(List.of("说明", "仅列出前 " + r.problems().size() + " 个问题"));
                }
            }
        }
    }
}
