package com.chainatlas.ingest.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads a table file (.xlsx or .csv) row by row, pushing each row to a consumer, in constant memory
 * (apart from an .xlsx's shared-string table). Which reader fits is decided by the file's first bytes,
 * not by its name.
 */
public interface TableReader {

    /** Pushes every row, the header included, in order. Throws {@link TableFileException} for unreadable files. */
    void read(Consumer<RawRow> rows);

    /**
     * Data rows (header excluded) when they can be told without reading the whole file, e.g. estimated from a
     * CSV's size and the length of its first lines; empty when the file has to be read to count them.
     */
    default OptionalLong estimatedDataRows() {
        return OptionalLong.empty();
    }

    /** Short description for reports, e.g. "xlsx" or "csv (GB18030)". */
    String description();

    /** Opens a reader for {@code file} with the default size caps; {@code originalName} only helps the error messages. */
    static TableReader open(Path file, String originalName) {
        return open(file, originalName, TableLimits.DEFAULT);
    }

    /** Opens a reader for {@code file} that enforces {@code limits} while streaming. */
    static TableReader open(Path file, String originalName, TableLimits limits) {
        byte[] head = new byte[8];
        int n;
        long size;
        try (var in = Files.newInputStream(file)) {
            size = Files.size(file);
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new TableFileException("无法读取上传的文件", "Cannot read the uploaded file", e);
        }
        if (size == 0 || n == 0) {
            throw new TableFileException("文件为空", "The file is empty");
        }
        String name = originalName == null ? "" : originalName.toLowerCase(Locale.ROOT);
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return new XlsxTableReader(file, limits);
        }
        if (n >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new TableFileException("不支持旧版 .xls 格式，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入",
                    "Legacy .xls is not supported; save as .xlsx or CSV");
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            throw new TableFileException("文件是 PDF，不是表格；请上传 .xlsx 或 .csv", "The file is a PDF, not a table");
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new TableFileException("文件扩展名为 Excel，但内容不是有效的 .xlsx 文件", "Named like Excel but not a valid .xlsx file");
        }
        return new CsvTableReader(file, limits);
    }
}
