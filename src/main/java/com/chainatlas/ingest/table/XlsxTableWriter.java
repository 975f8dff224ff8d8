package com.chainatlas.ingest.table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streaming .xlsx (SXSSF: 500 rows in memory, the rest flushed to a temp file), first row bold.
 * Text cells are string cells (never formulas) and are also neutralised, for users who later edit and
 * re-save the sheet as CSV.
 */
final class XlsxTableWriter implements TableWriter {

    private static final int EXCEL_MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private final CellStyle bold;
    private final CellStyle date;
    private SXSSFSheet sheet;
    private int rowIndex;

    XlsxTableWriter(OutputStream out, String firstSheet) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        sheet(firstSheet);
    }

    @Override
    public void row(List<?> cells) {
        if (rowIndex >= EXCEL_MAX_ROWS) {
            throw new IllegalStateException("more rows than an .xlsx sheet can hold (1,048,576); export as CSV");
        }
        Row row = sheet.createRow(rowIndex);
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b ? "是" : "否");
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(date);
            } else {
                String text = TableWriter.neutralise(v.toString());
                cell.setCellValue(text.length() > 32_767 ? text.substring(0, 32_767) : text);
            }
            if (rowIndex == 0) {
                cell.setCellStyle(bold);
            }
        }
        rowIndex++;
    }

    @Override
    public void sheet(String name) {
        sheet = workbook.createSheet(name);
        rowIndex = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }
}
