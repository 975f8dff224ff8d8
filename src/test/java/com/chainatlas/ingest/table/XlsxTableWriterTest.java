package com.chainatlas.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The .xlsx every export writes, read back with POI: fit to read (widths, frozen header, filter) and to print. */
class XlsxTableWriterTest {

    private static final String LONG_REASON = "补链: 正极材料 本地空白（关键环节）; 为本地企业 甲公司、乙公司、丙公司 等 5 家 的供应商; 上市、高新技术企业; 年营收 12.3 亿";

    private static byte[] write(List<List<?>> rows, List<List<?>> notes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.xlsx(out, "数据")) {
            for (List<?> r : rows) {
                w.row(r);
            }
            w.notes("说明", notes);
        }
        return out.toByteArray();
    }

    private static List<List<?>> table() {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("排名", "企业名称", "代码", "年营收(万元)", "入选理由"));
        for (int i = 1; i <= 300; i++) {
            rows.add(Arrays.asList(i, "安徽省合肥市示例新能源科技有限公司" + i, "ABC" + i, i % 3 == 0 ? null : 1234.5 * i, LONG_REASON));
        }
        rows.add(Arrays.asList(301, "=HYPERLINK(\"http://evil.example\")", "-1", null, "@SUM(1)"));
        return rows;
    }

    @Test
    void widthsFitTheContentWithCjkCountedDoubleAndLongTextWraps() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(table(), List.of(List.of("生成时间", "x")))))) {
            XSSFSheet s = wb.getSheet("数据");
            // 排名: short numbers, but the header "排名" (4 wide) wraps at most onto two lines → narrow column.
            int rank = s.getColumnWidth(0) / 256;
            // 企业名称: 17 CJK characters + up to 3 digits ≈ 37 wide, over the cap.
            int name = s.getColumnWidth(1) / 256;
            int code = s.getColumnWidth(2) / 256;
            int reason = s.getColumnWidth(4) / 256;
            assertThat(rank).isBetween(4, 8);
            assertThat(name).isEqualTo(32); // 17 CJK + digits > 30: capped
            assertThat(code).isBetween(6, 9);
            assertThat(reason).isEqualTo(32); // capped at 30 + padding
            assertThat(s.getRow(1).getCell(4).getCellStyle().getWrapText()).isTrue();
            assertThat(s.getRow(1).getHeightInPoints()).isGreaterThan(15f); // grown for the wrapped reason
            assertThat(s.getRow(1).getCell(2).getCellStyle().getWrapText()).isFalse(); // a short code does not wrap
            assertThat(XlsxTableWriter.displayWidth("合肥ab")).isEqualTo(6);
        }
    }

    @Test
    void headerIsFrozenFilteredAndRepeatedOnPrintedPagesLandscapeFitToWidth() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(table(), List.of(List.of("生成时间", "x")))))) {
            XSSFSheet s = wb.getSheet("数据");
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
            assertThat(s.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E302");
            assertThat(s.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
            assertThat(s.getPrintSetup().getLandscape()).isTrue();
            assertThat(s.getFitToPage()).isTrue();
            assertThat(s.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(s.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(s.getFooter().getCenter()).contains("&P").contains("&N");
            assertThat(s.getRow(0).getCell(1).getCellStyle().getFont().getBold()).isTrue();
        }
    }

    @Test
    void formulaLikeTextIsQuotePrefixedWithoutAVisibleApostropheAndUnknownIsEmpty() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(table(), List.of())))) {
            XSSFSheet s = wb.getSheet("数据");
            var evil = s.getRow(301);
            assertThat(evil.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(evil.getCell(1).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
            assertThat(evil.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(evil.getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(evil.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(s.getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
            // unknown revenue: no cell at all, not 0
            assertThat(s.getRow(3).getCell(3)).isNull();
            assertThat(s.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(1234.5);
        }
        // The CSV keeps the apostrophe (its only guard) and leaves unknown empty.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.csv(out)) {
            w.row(Arrays.asList("=SUM(1)", null, 0));
            w.notes("说明", List.of(List.of("a", "b")));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"'=SUM(1)\",,0\r\n");
    }

    @Test
    void notesSheetIsALabelValueSheetPrintedPortrait() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(write(table(),
                List.of(List.of("产业链", "新能源汽车"), List.of("评分说明", LONG_REASON + LONG_REASON)))))) {
            XSSFSheet n = wb.getSheet("说明");
            assertThat(wb.getSheetIndex(n)).isEqualTo(1);
            assertThat(n.getRow(0).getCell(0).getStringCellValue()).isEqualTo("产业链");
            assertThat(n.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(n.getRow(1).getCell(1).getCellStyle().getWrapText()).isTrue();
            assertThat(n.getPaneInformation()).isNull();
            assertThat(n.getPrintSetup().getLandscape()).isFalse();
            assertThat(n.getColumnWidth(1) / 256).isEqualTo(82);
        }
    }
}
