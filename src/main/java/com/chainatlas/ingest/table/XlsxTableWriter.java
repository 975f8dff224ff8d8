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

    private static final int WINDOW = 500;
    /** Streaming: column widths are measured on this many first rows (header included) before the file starts. */
    static final int WIDTH_SAMPLE = 200;
    private static final List<String> STYLE_KEYS = List.of("", "b", "w", "q", "bw", "bq", "wq", "bwq", "date");

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final List<SheetState> sheets = new ArrayList<>();
    private SheetState current;
    /** Streaming mode: the name of the one notes sheet that follows the table; null for the classic writer. */
    private final String notesName;
    private Thread zipWriter;
    private volatile Throwable zipFailure;
    private boolean notesWritten;

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
        this(out, firstSheet, null);
    }

    /**
     * With {@code notesSheet}: the streaming writer for large exports. The file is written to {@code out} while rows
     * arrive (see {@link XlsxStreamingWorkbook}); widths come from the first {@link #WIDTH_SAMPLE} rows, the
     * autofilter covers the whole column height. The workbook is one table and then its notes sheet; a file closed
     * without its notes (the export failed half-way) is left unfinished, never passed off as complete.
     */
    XlsxTableWriter(OutputStream out, String firstSheet, String notesSheet) {
        this.out = out;
        this.notesName = notesSheet;
        this.workbook = notesSheet == null ? new SXSSFWorkbook(WINDOW) : new XlsxStreamingWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        open(firstSheet, true);
    }

    private boolean streaming() {
        return notesName != null;
    }

    @Override
    public void row(List<?> cells) throws IOException {
        if (streaming() && zipWriter == null && current.rows >= WIDTH_SAMPLE) {
            start();
        }
        try {
            addRow(cells);
        } catch (RuntimeException e) {
            // SXSSF wraps the IOException of a row it flushes (here: the client went away)
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private void addRow(List<?> cells) {
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
        if (streaming()) {
            throw new IllegalStateException("a streaming workbook is one table and its notes sheet");
        }
        open(name, true);
    }

    @Override
    public void notes(String name, List<? extends List<?>> rows) throws IOException {
        if (!streaming()) {
            open(name, false);
            rows.forEach(this::addRow);
            return;
        }
        if (!name.equals(notesName) || notesWritten) {
            throw new IllegalStateException("a streaming workbook has one notes sheet: " + notesName);
        }
        if (zipWriter == null) {
            start();
        }
        ((XlsxStreamingWorkbook) workbook).endSheet(0);
        current = sheets.get(1);
        for (List<?> r : rows) {
            row(r);
        }
        notesWritten = true;
    }

    /** Streaming: fixes the workbook's structure from what is known now and starts writing the file. */
    private void start() throws IOException {
        XlsxStreamingWorkbook wb = (XlsxStreamingWorkbook) workbook;
        SheetState table = sheets.get(0);
        open(notesName, false);
        current = table;
        sheets.forEach(this::finish);
        STYLE_KEYS.forEach(this::style); // every style must exist before the styles part is written
        java.nio.file.Path template = java.nio.file.Files.createTempFile("chainatlas-xlsx-", ".xlsx");
        try (OutputStream os = java.nio.file.Files.newOutputStream(template)) {
            wb.writeTemplate(os);
        }
        zipWriter = new Thread(() -> {
            try (org.apache.poi.openxml4j.util.ZipSecureFile zip = new org.apache.poi.openxml4j.util.ZipSecureFile(template.toFile());
                 org.apache.poi.openxml4j.util.ZipEntrySource source = new org.apache.poi.openxml4j.util.ZipFileZipEntrySource(zip)) {
                wb.inject(source, out);
            } catch (Throwable t) {
                zipFailure = t;
                wb.fail(t); // the row-adding thread's next row throws this
            } finally {
                try {
                    java.nio.file.Files.deleteIfExists(template);
                } catch (IOException e) {
                    // a leftover temp file; the OS cleans it
                }
            }
        }, "xlsx-writer");
        zipWriter.setDaemon(true);
        zipWriter.start();
    }

    private void open(String name, boolean table) {
        current = new SheetState(workbook.createSheet(name), table);
        sheets.add(current);
    }

    @Override
    public void close() throws IOException {
        if (streaming()) {
            closeStreaming();
            return;
        }
        try {
            sheets.forEach(this::finish);
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close();
        }
    }

    private void closeStreaming() throws IOException {
        XlsxStreamingWorkbook wb = (XlsxStreamingWorkbook) workbook;
        try {
            if (!notesWritten) {
                // the export stopped half-way: end the zip writer without finishing the file
                wb.fail(new IOException("export incomplete: the .xlsx is left unfinished"));
                if (zipWriter != null) {
                    join();
                }
                return;
            }
            wb.endSheet(1);
            join();
            Throwable f = zipFailure;
            if (f != null) {
                throw f instanceof IOException io ? io : new IOException(f);
            }
            out.flush();
        } finally {
            workbook.close();
        }
    }

    private void join() throws IOException {
        try {
            zipWriter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the .xlsx", e);
        }
    }

    /** Widths, frozen header, autofilter and print setup, once the sheet's content is known. */
    private void finish(SheetState s) {
        SXSSFSheet sheet = s.sheet;
        int columns = Math.max(s.widths.size(), s.headerWidths.size());
        if (streaming() && !s.table) {
            // streaming: the notes are not written yet; label and value columns at their caps
            sheet.setColumnWidth(0, (MAX_WIDTH + 2) * 256);
            sheet.setColumnWidth(1, (NOTES_VALUE_WIDTH + 2) * 256);
        }
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
                // streaming: the row count is not known yet, so the filter covers the whole column height
                int last = streaming() ? EXCEL_MAX_ROWS - 1 : Math.max(0, s.rows - 1);
                sheet.setAutoFilter(new CellRangeAddress(0, last, 0, columns - 1));
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
