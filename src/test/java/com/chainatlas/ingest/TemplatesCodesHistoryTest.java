package com.chainatlas.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.system.Paging;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point 4 (codes Excel stored as numbers, check-character wording), templates (text-formatted code columns,
 * the chain's segments, drop-downs) and point 8 (import history after a restart), on a real embedded Neo4j.
 */
class TemplatesCodesHistoryTest {

    @TempDir
    Path dir;

    /** A valid code made of digits only, as Excel turns into 9.1340104…E+17. */
    static String allDigitCode() {
        for (long serial = 10_000_000; ; serial++) {
            String c = Uscc.of("340104", serial);
            if (c.chars().allMatch(Character::isDigit)) {
                return c;
            }
        }
    }

    @Test
    void codesStoredAsNumbersAreExplainedAndTemplatesKeepThemText() throws Exception {
        String code = allDigitCode();
        String mistyped = code.substring(0, 5) + (code.charAt(5) == '1' ? '2' : '1') + code.substring(6);
        try (IngestHarness h = new IngestHarness(dir.resolve("db"), new ImportSettings(50_000, 1_000, 500, 20, 200), null)) {
            h.loadRegions();
            // an .xlsx as Excel writes it when the code column is a number column
            Path xlsx = dir.resolve("numeric.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
                Sheet s = wb.createSheet("企业");
                Row header = s.createRow(0);
                header.createCell(0).setCellValue("统一社会信用代码");
                header.createCell(1).setCellValue("企业名称");
                header.createCell(2).setCellValue("行政区划代码");
                Row r = s.createRow(1);
                r.createCell(0).setCellValue(Double.parseDouble(code));
                r.createCell(1).setCellValue("数字代码有限公司");
                r.createCell(2).setCellValue(340104);
                Row r2 = s.createRow(2);
                r2.createCell(0).setCellValue(mistyped);
                r2.createCell(1).setCellValue("错一位有限公司");
                r2.createCell(2).setCellValue("340104");
                assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
                wb.write(out);
            }
            ImportJob job = h.importFile("enterprises", xlsx, false);
            assertThat(job.phase).isEqualTo(ImportJob.Phase.REJECTED);
            List<Problem> problems = job.result.problems();
            assertThat(problems).hasSize(2);
            assertThat(problems.get(0).row()).isEqualTo(2);
            assertThat(problems.get(0).value()).contains("E+17");
            assertThat(problems.get(0).reason()).contains("Excel 把这个代码存成了数字").contains("文本").contains("单引号");
            assertThat(problems.get(1).reason()).contains("校验位错误").contains("有误")
                    .doesNotContain("应为").doesNotContain("'" + Uscc.checkChar(mistyped.substring(0, 17)) + "'");
            // the same code typed as text with a leading apostrophe, as the message advises, goes in
            Path csv = dir.resolve("text.csv");
            Files.writeString(csv, "统一社会信用代码,企业名称,行政区划代码\n" + code + ",数字代码有限公司,340104\n");
            assertThat(h.importFile("enterprises", csv, false).phase).isEqualTo(ImportJob.Phase.DONE);

            h.importCsv("chains", "产业链编号,名称\nZT9,模板链\n", null);
            h.importCsv("segments", "环节编号,产业链,名称,环节位置,上级环节\nZT9-A,ZT9,电池,中游,\nZT9-B,ZT9,电芯,中游,电池\n", null);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            new TemplateWorkbook(h.neo4j).write(ImportFormats.ENTERPRISES, "模板链", bytes);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
                XSSFSheet data = wb.getSheetAt(0);
                int usccCol = ImportFormats.ENTERPRISES.columns().indexOf(ImportFormats.ENTERPRISES.column("uscc").orElseThrow());
                int segCol = ImportFormats.ENTERPRISES.columns().indexOf(ImportFormats.ENTERPRISES.column("segmentIds").orElseThrow());
                assertThat(data.getRow(1).getCell(usccCol).getCellStyle().getDataFormatString()).isEqualTo("@");
                assertThat(data.getColumnStyle(usccCol).getDataFormatString()).isEqualTo("@");
                List<String> notes = new ArrayList<>();
                wb.getSheet("说明").forEach(row -> row.forEach(c -> notes.add(c.getStringCellValue())));
                assertThat(notes).contains("ZT9-B", "电池/电芯");
                List<? extends DataValidation> validations = data.getDataValidations();
                assertThat(validations).hasSize(1);
                assertThat(validations.get(0).getRegions().getCellRangeAddress(0).getFirstColumn()).isEqualTo(segCol);
                assertThat(validations.get(0).getValidationConstraint().getFormula1()).contains("_lists");
                assertThat(wb.isSheetHidden(wb.getSheetIndex("_lists"))).isTrue();
                assertThat(wb.getSheet("_lists").getRow(1).getCell(0).getStringCellValue()).isEqualTo("电池/电芯");
            }
        }
    }

    @Test
    void importHistoryIsListedAfterARestart() throws Exception {
        ImportSettings settings = new ImportSettings(50_000, 1_000, 500, 20, 200);
        String firstId;
        String secondId;
        try (IngestHarness h = new IngestHarness(dir.resolve("db"), settings, null)) {
            h.loadRegions();
            ImportJobs jobs = new ImportJobs(h.service, settings, new ImportHistory(h.neo4j));
            try {
                Path good = Files.writeString(dir.resolve("good.csv"), "产业链编号,名称\nZH,历史链\n");
                firstId = jobs.submit("chains", good, "链.csv", "a", false, null, "县招商局 张三").id();
                jobs.await(firstId, 120_000);
                StringBuilder bad = new StringBuilder("统一社会信用代码,企业名称,行政区划代码\n");
                for (int i = 0; i < 1_200; i++) {
                    bad.append("BAD").append(i).append(",企业").append(i).append(",340104\n");
                }
                Path badFile = Files.writeString(dir.resolve("bad.csv"), bad);
                secondId = jobs.submit("enterprises", badFile, "名单.csv", "b", false, "ZH", null).id();
                jobs.await(secondId, 120_000);
                waitForRecord(new ImportHistory(h.neo4j), secondId);
            } finally {
                jobs.destroy();
            }
        }
        try (IngestHarness h = new IngestHarness(dir.resolve("db"), settings, null)) {
            ImportJobs jobs = new ImportJobs(h.service, settings, new ImportHistory(h.neo4j));
            try {
                var page = jobs.recent(new Paging(0, 1));
                assertThat(page.total()).isEqualTo(2);
                assertThat(page.items()).hasSize(1);
                assertThat(page.items().get(0).id()).isEqualTo(secondId); // newest first
                assertThat(jobs.recent(new Paging(1, 1)).items().get(0).id()).isEqualTo(firstId);
                var mine = jobs.recent(new Paging(0, 10), "县招商局 张三"); // the submitter filter, after the restart too
                assertThat(mine.total()).isEqualTo(1);
                assertThat(mine.items()).extracting(ImportJob.View::id).containsExactly(firstId);
                assertThat(jobs.recent(new Paging(0, 10), "别人").total()).isZero();
                ImportJob.View first = jobs.find(firstId).orElseThrow();
                assertThat(first.phase()).isEqualTo(ImportJob.Phase.DONE);
                assertThat(first.fileName()).isEqualTo("链.csv");
                assertThat(first.formatZh()).isEqualTo("产业链");
                assertThat(first.submittedBy()).isEqualTo("县招商局 张三");
                assertThat(first.submittedAt()).isNotNull();
                assertThat(first.finishedAt()).isAfterOrEqualTo(first.submittedAt());
                assertThat(first.result().rowsWritten()).isEqualTo(1);
                ImportJob.View second = jobs.find(secondId).orElseThrow();
                assertThat(second.phase()).isEqualTo(ImportJob.Phase.REJECTED);
                assertThat(second.chain()).isEqualTo("ZH");
                assertThat(second.result().rowsRead()).isEqualTo(1_200);
                assertThat(second.result().problemCount()).isEqualTo(1_200);
                assertThat(second.result().problems()).hasSize(ImportHistory.MAX_STORED);
                assertThat(second.result().problemsTruncated()).isTrue();
                assertThat(second.result().problems().get(0).row()).isEqualTo(2);
                assertThat(second.result().problems().get(0).reason()).contains("18 位");
                assertThat(second.reportXlsx()).isNotNull();
                ByteArrayOutputStream report = new ByteArrayOutputStream();
                ImportTemplates.report(second, report);
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.toByteArray()))) {
                    assertThat(wb.getSheet("问题").getLastRowNum()).isEqualTo(ImportHistory.MAX_STORED);
                }
            } finally {
                jobs.destroy();
            }
        }
    }

    private static void waitForRecord(ImportHistory history, String id) throws InterruptedException {
        for (int i = 0; i < 200 && history.find(id).isEmpty(); i++) {
            Thread.sleep(50);
        }
    }
}
