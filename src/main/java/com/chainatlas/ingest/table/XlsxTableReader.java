package com.chainatlas.ingest.table;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams the first worksheet of an .xlsx with POI's SAX event API: rows are pushed as they are parsed,
 * never held as a workbook. POI's zip-bomb guard (minimum inflate ratio, maximum entry size) is on and its
 * SAX parsers refuse DOCTYPE declarations, so XML entity tricks (XXE, billion laughs) fail cleanly.
 *
 * <p>Cells are read as the stored value, not as displayed: dates become ISO {@code yyyy-MM-dd}, numbers
 * their plain decimal form (no grouping, no rounding from a display format).
 */
public final class XlsxTableReader implements TableReader {

    /** Largest uncompressed part accepted (a 1M-row sheet is well below). */
    static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private final Path file;
    private final TableLimits limits;

    XlsxTableReader(Path file, TableLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    @Override
    public String description() {
        return "xlsx";
    }

    @Override
    public void read(Consumer<RawRow> rows) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = CappedSharedStrings.of(pkg, limits.maxCellChars() + 1);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TableFileException("工作簿中没有工作表", "The workbook has no worksheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(new CappedCells(new XSSFSheetXMLHandler(styles, null, strings,
                        new RowCollector(rows, limits), new PlainFormatter(), false), limits.maxCellChars() + 1));
                xml.parse(new InputSource(sheet));
            }
        } catch (TableFileException e) {
            throw e;
        } catch (NotOfficeXmlFileException | InvalidFormatException e) {
            throw new TableFileException("文件不是有效的 .xlsx 工作簿", "Not a valid .xlsx workbook", e);
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE") || m.toLowerCase().contains("entit")) {
                throw new TableFileException("文件包含不允许的 XML 实体声明 (DOCTYPE/ENTITY)，已拒绝",
                        "The file contains a forbidden XML DOCTYPE/entity declaration", e);
            }
            throw new TableFileException("工作表 XML 无法解析 (文件损坏，或不是 Excel/WPS 保存的 .xlsx)",
                    "Worksheet XML cannot be parsed: " + TableFileException.withoutClassNames(m), e);
        } catch (IOException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            if (isZipBomb(e)) {
                throw new TableFileException("文件疑似压缩炸弹 (解压后体积异常)，已拒绝",
                        "The file looks like a zip bomb (suspicious compression ratio or size); rejected", e);
            }
            if (e instanceof RuntimeException re && !(e instanceof org.apache.poi.ooxml.POIXMLException)
                    && !(e instanceof org.apache.poi.openxml4j.exceptions.InvalidOperationException)
                    && !(e instanceof org.apache.poi.util.RecordFormatException)
                    && !(e instanceof IllegalArgumentException) && !(e instanceof IllegalStateException)) {
                throw re;
            }
            throw new TableFileException("无法读取 .xlsx 文件 (文件损坏，或不是 Excel/WPS 保存的 .xlsx)",
                    "Cannot read the .xlsx file: " + TableFileException.withoutClassNames(e.getMessage()), e);
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (m.contains("zip bomb") || m.contains("max entry size") || m.contains("maxentrysize")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Collects cells by column index, fills gaps with "". A cell longer than the cap (the handlers upstream
     * pass at most one character more) is cut and reported on its row; a row beyond the row cap stops reading.
     */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<RawRow> rows;
        private final TableLimits limits;
        private final List<String> cells = new ArrayList<>();
        private long rowChars;
        private int rowNum;
        private String error;

        RowCollector(Consumer<RawRow> rows, TableLimits limits) {
            this.rows = rows;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            this.rowNum = rowNum;
            cells.clear();
            rowChars = 0;
            error = null;
        }

        @Override
        public void endRow(int rowNum) {
            rows.accept(new RawRow(rowNum + 1, cells, error));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            CellReference at = ref == null ? null : new CellReference(ref);
            int col = at == null ? cells.size() : at.getCol();
            if (col > 16_383) {
                return;
            }
            while (cells.size() < col) {
                cells.add("");
            }
            String v = value == null ? "" : value;
            if (v.length() > limits.maxCellChars()) {
                v = v.substring(0, limits.maxCellChars());
                error = error != null ? error : limits.cellTooLong(CellReference.convertNumToColString(col));
            }
            rowChars += v.length();
            if (rowChars > limits.maxRowChars()) {
                throw limits.rowTooLong(rowNum + 1, CellReference.convertNumToColString(col));
            }
            if (cells.size() == col) {
                cells.add(v);
            } else {
                cells.set(col, v);
            }
        }
    }

    /** Formats numeric cells by their value, not their display format. */
    static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, false);
                if (t.getHour() == 0 && t.getMinute() == 0 && t.getSecond() == 0) {
                    return t.toLocalDate().toString();
                }
                return t.toString();
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            if (Math.abs(value) >= 1e15) {
                // beyond double precision: shown as Excel shows it (9.13401041E+17), so a code column can tell
                // the user that Excel stored the code as a number instead of reporting a wrong check character
                return BigDecimal.valueOf(value).stripTrailingZeros().toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
