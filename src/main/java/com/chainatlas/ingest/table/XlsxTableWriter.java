package com.chainatlas.ingest.table;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streaming .xlsx (SXSSF: 500 rows in memory, the rest flushed to a temp file) fit to read and to print:
 * bold, frozen header row with an autofilter, columns as wide as their content (a CJK character counts
 * double, long text capped at 30 characters and wrapped, row heights set so wrapped text shows), landscape A4 printing fit to
 * the page width with the header repeated on every page and page numbers in the footer.
 *
 * <p>Text cells are string cells, never formulas. A text that a spreadsheet could take for a formula
 * ({@code = + - @} …) is stored as is with the cell style's quote prefix, so Excel, WPS and LibreOffice show it
 * as text without a visible apostrophe (the apostrophe belongs to CSV only).
 */
final class XlsxTableWriter implements TableWriter {

    private static final int EXCEL_MAX_ROWS = 1_048_576;
    private static final int MAX_TEXT = 32_767;
    /** Widths in characters (a CJK character is 2). */
    private static final int MIN_WIDTH = 4;
    private static final int MAX_WIDTH = 30;
    private static final int NOTES_VALUE_WIDTH = 80;
    private static final float LINE_POINTS = 14f;
    /** A wrapped cell grows the row by at most this many lines; the rest stays in the cell, readable on screen. */
    private static final int MAX_LINES = 6;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(500);
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final List<SheetState> sheets = new ArrayList<>();
    private SheetState current;

    /** What a sheet needs at the end: its widest cell per column, its size, whether it is a data table. */
    private static final class SheetState {
        final SXSSFSheet sheet;
        final boolean table;
        final List<Integer> widths = new ArrayList<>();
        final List<Integer> headerWidths = new ArrayList<>();
        int rows;

        SheetState(SXSSFSheet sheet, boolean table) {
            this.sheet = sheet;
            this.table = table;
        }

        static void widen(List<Integer> widths, int col, int width) {
            while (widths.size() <= col) {
                widths.add(0);
            }
            widths.set(col, Math.max(widths.get(col), width));
        }
    }

    XlsxTableWriter(OutputStream out, String firstSheet) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        sheet(firstSheet);
    }

    @Override
    public void row(List<?> cells) {
        SheetState s = current;
        if (s.rows >= EXCEL_MAX_ROWS) {
            throw new IllegalStateException("more rows than an .xlsx sheet can hold (1,048,576); export as CSV");
        }
        boolean header = s.table && s.rows == 0;
        int cap = s.table ? MAX_WIDTH : NOTES_VALUE_WIDTH;
        Row row = s.sheet.createRow(s.rows);
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            int width;
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                width = XlsxTableReader.PlainFormatter.plain(n.doubleValue()).length();
                if (header) {
                    cell.setCellStyle(style(true, false, false));
                }
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(style("date"));
                width = 10;
            } else {
                String text = v instanceof Boolean b ? (b ? "是" : "否") : v.toString();
                if (text.length() > MAX_TEXT) {
                    text = text.substring(0, MAX_TEXT);
                }
                cell.setCellValue(text);
                width = displayWidth(text);
                int columnCap = !s.table && i == 0 ? MAX_WIDTH : cap;
                boolean wrap = !header && width > columnCap;
                boolean bold = header || (!s.table && i == 0);
                cell.setCellStyle(style(bold, wrap, TableWriter.neutralise(text) != text));
                if (wrap) {
                    lines = Math.max(lines, Math.min(MAX_LINES, (width + columnCap - 1) / columnCap));
                }
            }
            SheetState.widen(header ? s.headerWidths : s.widths, i, width);
        }
        if (header) {
            // A header may wrap onto two lines rather than widen a column of short figures.
            row.setHeightInPoints(2 * LINE_POINTS);
        } else if (lines > 1) {
            row.setHeightInPoints(lines * LINE_POINTS);
        }
        s.rows++;
    }

    @Override
    public void sheet(String name) {
        open(name, true);
    }

    @Override
    public void notes(String name, List<? extends List<?>> rows) {
        open(name, false);
        rows.forEach(this::row);
    }

    private void open(String name, boolean table) {
        current = new SheetState(workbook.createSheet(name), table);
        sheets.add(current);
    }

    @Override
    public void close() throws IOException {
        try {
            sheets.forEach(this::finish);
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }

    /** Widths, frozen header, autofilter and print setup, once the sheet's content is known. */
    private void finish(SheetState s) {
        SXSSFSheet sheet = s.sheet;
        int columns = Math.max(s.widths.size(), s.headerWidths.size());
        for (int i = 0; i < columns; i++) {
            int data = i < s.widths.size() ? s.widths.get(i) : 0;
            int head = i < s.headerWidths.size() ? s.headerWidths.get(i) : 0;
            int cap = s.table ? MAX_WIDTH : i == 0 ? MAX_WIDTH : NOTES_VALUE_WIDTH;
            // the header wraps onto two lines, so half its width suffices
            int chars = Math.max(MIN_WIDTH, Math.min(cap, Math.max(data, (head + 1) / 2 + 1))) + 2;
            sheet.setColumnWidth(i, chars * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setAutobreaks(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.6);
        sheet.setMargin(Sheet.BottomMargin, 0.6);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        if (s.table) {
            print.setLandscape(true);
            sheet.createFreezePane(0, 1);
            if (columns > 0) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, s.rows - 1), 0, columns - 1));
                sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
            }
        }
    }

    /** Display width in characters: CJK and other full-width characters count double. */
    static int displayWidth(String text) {
        int w = 0;
        int lineMax = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                lineMax = Math.max(lineMax, w);
                w = 0;
                continue;
            }
            w += wide(cp) ? 2 : 1;
        }
        return Math.max(lineMax, w);
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFE30 && cp <= 0xFE4F);
    }

    private CellStyle style(boolean bold, boolean wrap, boolean quoted) {
        return style((bold ? "b" : "") + (wrap ? "w" : "") + (quoted ? "q" : ""));
    }

    /** Styles are shared per combination: a workbook holds at most 64,000 of them. */
    private CellStyle style(String key) {
        return styles.computeIfAbsent(key, k -> {
            CellStyle st = workbook.createCellStyle();
            st.setVerticalAlignment(VerticalAlignment.TOP);
            if (k.equals("date")) {
                st.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
                return st;
            }
            if (k.contains("b")) {
                Font font = workbook.createFont();
                font.setBold(true);
                st.setFont(font);
            }
            st.setWrapText(k.contains("w") || k.contains("b"));
            st.setQuotePrefixed(k.contains("q"));
            return st;
        });
    }
}
