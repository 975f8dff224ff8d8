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
            for (String line : generalNotes(format)) {
                w.row(List.of(line));
            }
        }
    }

    /** The notes under the column list: what a row means, the import order, how files are read. */
    static List<String> generalNotes(ImportFormat format) {
        ImportSteps.Step step = ImportSteps.of(format);
        return List.of("“" + format.zh() + "”: " + format.description(),
                "导入顺序: 第 1 步 产业链与环节 → 第 2 步 企业 → 第 3 步 关系 (企业环节、供应、合作、项目、扩张信号)。本文件属于第 " + step.step() + " 步"
                        + (step.requires().isEmpty() ? "。" : "，须先导入: " + String.join("、", step.requires().stream()
                        .map(id -> ImportFormats.find(id).map(ImportFormat::zh).orElse(id)).toList()) + "。"),
                "表头可用中文列名或英文键；列的顺序不限；不认识的列会被忽略。第一行非空行为表头。",
                "引用环节、产品、技术、研发机构的列可填编号、名称或路径 (如 动力电池/电芯)；名称在行中或导入时选择的产业链内查找。",
                "信用代码、区划代码、编号列请保持“文本”格式，否则 Excel 会把长数字改成科学计数法。",
                "任何一行有误，整个文件都不写入；错误报告列出每个问题的行号、列、值和原因。",
                "CSV 可用 UTF-8 (带或不带 BOM) 或 GBK/GB18030 编码。");
    }

    static String note(Column c) {
        List<String> parts = new ArrayList<>();
        if (c.ref() != null) {
            parts.add("引用" + c.ref().zh + (c.ref() == RefKind.ENTERPRISE ? "" : c.ref() == RefKind.SEGMENT ? " (编号、名称或路径)" : " (编号或名称)") + "，须已存在");
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

    static void report(ImportJob.View job, OutputStream out) throws IOException {
        ImportJob.ImportResult r = job.result();
        try (TableWriter w = TableWriter.xlsx(out, "问题")) {
            w.row(List.of("行号", "列", "列名", "值", "原因"));
            if (r != null) {
                for (Problem p : r.problems()) {
                    w.row(Arrays.asList(p.row() == 0 ? null : p.row(), p.column(), p.header(), p.value(), p.reason()));
                }
            }
            if (r != null && !r.warnings().isEmpty()) {
                w.sheet("提示");
                w.row(List.of("行号", "列", "列名", "值", "提示"));
                for (Problem p : r.warnings()) {
                    w.row(Arrays.asList(p.row() == 0 ? null : p.row(), p.column(), p.header(), p.value(), p.reason()));
                }
            }
            w.sheet("概要");
            w.row(List.of("项目", "值"));
            w.row(List.of("文件", job.fileName()));
            w.row(List.of("导入类型", job.formatZh() + " (" + job.format() + ")"));
            if (r != null) {
                w.row(List.of("读取行数", r.rowsRead()));
                w.row(List.of("问题数", r.problemCount()));
                w.row(List.of("提示数", r.warningCount()));
                w.row(List.of("结论", r.messageZh()));
                if (r.problemsTruncated()) {
                    w.row(List.of("说明", "仅列出前 " + r.problems().size() + " 个问题"));
                }
            }
        }
    }
}
