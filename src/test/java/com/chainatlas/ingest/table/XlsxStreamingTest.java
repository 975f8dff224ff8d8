package com.chainatlas.ingest.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The streaming .xlsx writer (large exports): bytes leave while rows arrive, the format stays, a gone client stops it. */
class XlsxStreamingTest {

    static final int ROWS = 30_000;

    static List<Object> row(int i) {
        return java.util.Arrays.asList("企业" + i, i % 7 == 0 ? "=危险" + i : "普通文本" + i, i * 1.5, i % 5 == 0 ? null : i,
                "很长的说明文字".repeat(i < 10 ? 8 : 1));
    }

    @Test
    void writesWhileRowsArriveAndKeepsThePrintFormatting() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long bytesBeforeLastRow;
        try (TableWriter w = TableWriter.streaming("xlsx", out, "数据", "说明")) {
            w.row(List.of("名称", "文本", "数值", "整数", "说明"));
            for (int i = 1; i < ROWS; i++) {
                w.row(row(i));
            }
            Thread.sleep(300); // let the zip writer catch up with the pipe
            bytesBeforeLastRow = out.size();
            w.row(row(ROWS));
            w.notes("说明", List.of(List.of("导出内容", "测试"), List.of("数据行数", String.valueOf(ROWS))));
        }
        assertThat(bytesBeforeLastRow).as("bytes written before the last row").isGreaterThan(100_000);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            XSSFSheet data = wb.getSheet("数据");
            assertThat(data.getLastRowNum()).isEqualTo(ROWS);
            assertThat(data.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(data.getPaneInformation().isFreezePane()).isTrue();
            assertThat(data.getCTWorksheet().getAutoFilter()).isNotNull();
            assertThat(data.getPrintSetup().getLandscape()).isTrue();
            assertThat(data.getColumnWidth(4)).as("wide text column capped at 30 characters + 2").isEqualTo(32 * 256);
            assertThat(data.getColumnWidth(0)).isLessThan(data.getColumnWidth(4));
            // formula-looking text is a quote-prefixed string, never a formula; unknown stays empty
            assertThat(data.getRow(7).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(data.getRow(7).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(data.getRow(5).getCell(3)).isNull();
            assertThat(data.getRow(ROWS).getCell(0).getStringCellValue()).isEqualTo("企业" + ROWS);
            assertThat(wb.getSheet("说明").getRow(1).getCell(1).getStringCellValue()).isEqualTo(String.valueOf(ROWS));
        }
    }

    /** A response whose client went away after {@code limit} bytes. */
    static final class GoneAfter extends OutputStream {
        final int limit;
        int written;

        GoneAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > limit) {
                throw new IOException("Broken pipe");
            }
            written += len;
        }
    }

    @Test
    void aClientThatGoesAwayStopsTheRows() {
        GoneAfter out = new GoneAfter(64 * 1024);
        List<Integer> added = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (TableWriter w = TableWriter.streaming("xlsx", out, "数据", "说明")) {
                for (int i = 1; i <= 1_000_000; i++) {
                    w.row(row(i));
                    added.add(i);
                }
                w.notes("说明", List.of());
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("Broken pipe");
        assertThat(added.size()).as("rows added before the writer noticed").isLessThan(100_000);
    }

    @Test
    void aTableThatStopsHalfWayIsNotAFinishedFile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (TableWriter w = TableWriter.streaming("xlsx", out, "数据", "说明")) {
                for (int i = 1; i <= 5_000; i++) {
                    w.row(row(i));
                }
                throw new IllegalStateException("database gone");
            }
        }).hasMessage("database gone");
        assertThatThrownBy(() -> new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))).isNotNull();
    }

    @Test
    void aSmallTableStreamsToo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter w = TableWriter.streaming("xlsx", out, "数据", "说明")) {
            w.row(List.of("名称"));
            w.row(List.of("甲"));
            w.notes("说明", List.of(List.of("数据行数", "1")));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheet("数据").getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲");
            assertThat(wb.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).isEqualTo("数据行数");
        }
    }
}
