package com.chainatlas.ingest.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * RFC 4180 CSV reader with encoding detection.
 *
 * <p>Encoding: a UTF-16 byte-order mark selects UTF-16; otherwise the whole file is decoded strictly as
 * UTF-8 (BOM optional), and if that fails, strictly as GB18030 (a superset of GBK/GB2312, what Chinese
 * Excel and WPS write). If neither decodes, the file is refused: names are never garbled.
 * The delimiter is a comma, or a tab when the header row has tabs and no commas.
 *
 * <p>Bad quoting (text after a closing quote, a quote inside an unquoted cell, a quote left open at the end
 * of the file) is reported on that row; reading goes on with the next row.
 */
public final class CsvTableReader implements TableReader {

    /** Excel's limit on the characters in one cell. */
    static final int MAX_CELL = 32_767;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final Path file;
    private Charset charset;
    private int skipBytes;

    /** Estimated from the line breaks in the first megabyte (the exact count comes out of validation). */
    @Override
    public OptionalLong estimatedDataRows() {
        byte[] sample = new byte[1 << 20];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(sample, 0, sample.length);
            long size = Files.size(file);
            long lines = 0;
            for (int i = 0; i < n; i++) {
                lines += sample[i] == '\n' ? 1 : 0;
            }
            if (n == size) {
                lines += n > 0 && sample[n - 1] != '\n' ? 1 : 0;
                return OptionalLong.of(Math.max(0, lines - 1));
            }
            return lines < 2 ? OptionalLong.empty() : OptionalLong.of(Math.max(0, Math.round((double) size * lines / n) - 1));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    CsvTableReader(Path file) {
        this.file = file;
    }

    /** The detected encoding (detects on first use). */
    public Charset charset() {
        detect();
        return charset;
    }

    @Override
    public String description() {
        return "csv (" + charset().name() + ")";
    }

    @Override
    public void read(Consumer<RawRow> rows) {
        detect();
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skipBytes);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            parse(reader, delimiterOf(reader), rows);
        } catch (IOException e) {
            throw new TableFileException("读取 CSV 文件失败", "Failed to read the CSV file", e);
        }
    }

    private void detect() {
        if (charset != null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFF && (bom[1] & 0xFF) == 0xFE) {
                charset = StandardCharsets.UTF_16LE;
                skipBytes = 2;
                return;
            }
            if (bom.length >= 2 && (bom[0] & 0xFF) == 0xFE && (bom[1] & 0xFF) == 0xFF) {
                charset = StandardCharsets.UTF_16BE;
                skipBytes = 2;
                return;
            }
            boolean utf8Bom = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
            if (containsNul()) {
                throw new TableFileException("文件不是文本表格 (含二进制内容)；请上传 .xlsx 或 .csv",
                        "The file is binary, not a text table; upload .xlsx or .csv");
            }
            if (decodesAs(StandardCharsets.UTF_8, utf8Bom ? 3 : 0)) {
                charset = StandardCharsets.UTF_8;
                skipBytes = utf8Bom ? 3 : 0;
            } else if (!utf8Bom && decodesAs(GB18030, 0)) {
                charset = GB18030;
                skipBytes = 0;
            } else {
                throw new TableFileException("无法识别文件编码：既不是有效的 UTF-8，也不是 GBK/GB18030。请在 Excel/WPS 中另存为 “CSV UTF-8” 或 .xlsx",
                        "Unknown encoding: neither valid UTF-8 nor GBK/GB18030; save as CSV UTF-8 or .xlsx");
            }
        } catch (IOException e) {
            throw new TableFileException("读取 CSV 文件失败", "Failed to read the CSV file", e);
        }
    }

    private boolean containsNul() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = in.readNBytes(1 << 16);
            for (byte b : buf) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Strict decode of the whole file in a streaming pass (no text kept). */
    private boolean decodesAs(Charset cs, int skip) throws IOException {
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(skip);
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult r = decoder.decode(bytes, chars, eof);
                if (r.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            chars.clear();
            return !decoder.flush(chars).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Parses CSV text with a fixed delimiter; exposed for tests. */
    static void parse(Reader in, char delimiter, Consumer<RawRow> rows) throws IOException {
        new Parser(in, delimiter, rows).run();
    }

    /** Tab when the first line has tabs and no commas, else comma. Leaves the reader where it was. */
    static char delimiterOf(BufferedReader in) throws IOException {
        in.mark(1 << 16);
        char[] buf = new char[1 << 16];
        int n = in.read(buf);
        in.reset();
        boolean tab = false;
        for (int i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\n' || c == '\r') {
                break;
            }
            if (c == ',') {
                return ',';
            }
            tab |= c == '\t';
        }
        return tab ? '\t' : ',';
    }

    private static final class Parser {
        private final Reader in;
        private final char delimiter;
        private final Consumer<RawRow> rows;
        private final List<String> cells = new ArrayList<>();
        private final StringBuilder cell = new StringBuilder();
        private int rowNumber = 1;
        private String error;
        private boolean truncated;
        private int pushback = -2;

        Parser(Reader in, char delimiter, Consumer<RawRow> rows) {
            this.in = in;
            this.delimiter = delimiter;
            this.rows = rows;
        }

        private int next() throws IOException {
            if (pushback != -2) {
                int c = pushback;
                pushback = -2;
                return c;
            }
            return in.read();
        }

        private void append(int c) {
            if (cell.length() < MAX_CELL) {
                cell.append((char) c);
            } else if (!truncated) {
                truncated = true;
                rowError("第 " + (cells.size() + 1) + " 列单元格超过 32767 个字符");
            }
        }

        private void rowError(String message) {
            if (error == null) {
                error = message;
            }
        }

        void run() throws IOException {
            boolean rowStarted = false;
            boolean cellQuoted = false;
            int c;
            while ((c = next()) != -1) {
                if (c == '"' && cell.isEmpty() && !cellQuoted) {
                    rowStarted = true;
                    cellQuoted = true;
                    quoted();
                    continue;
                }
                if (c == delimiter) {
                    endCell();
                    cellQuoted = false;
                    rowStarted = true;
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    if (c == '\r') {
                        int d = next();
                        if (d != '\n' && d != -1) {
                            pushback = d;
                        }
                    }
                    endRow();
                    cellQuoted = false;
                    rowStarted = false;
                    continue;
                }
                if (c == '"' && !cellQuoted) {
                    rowError("第 " + (cells.size() + 1) + " 列：未加引号的单元格中出现引号 (\")，请用双引号包住整个单元格，内部引号写成两个 (\"\")");
                }
                append(c);
                rowStarted = true;
            }
            if (rowStarted || !cell.isEmpty() || !cells.isEmpty()) {
                endRow();
            }
        }

        /** After an opening quote: read to the closing quote, then expect a delimiter or a line end. */
        private void quoted() throws IOException {
            int startRow = rowNumber;
            while (true) {
                int c = next();
                if (c == -1) {
                    rowError("第 " + (cells.size() + 1) + " 列：引号未闭合 (从第 " + startRow + " 行起直到文件末尾)");
                    return;
                }
                if (c == '"') {
                    int d = next();
                    if (d == '"') {
                        append('"');
                        continue;
                    }
                    if (d == -1 || d == delimiter || d == '\r' || d == '\n') {
                        pushback = d == -1 ? -2 : d;
                        return;
                    }
                    rowError("第 " + (cells.size() + 1) + " 列：闭合引号后出现多余字符");
                    append(d);
                    return; // the rest of the cell is taken literally up to the next delimiter or line end
                }
                append(c);
            }
        }

        private void endCell() {
            cells.add(cell.toString());
            cell.setLength(0);
            truncated = false;
        }

        private void endRow() {
            endCell();
            rows.accept(new RawRow(rowNumber, cells, error));
            rowNumber++;
            cells.clear();
            error = null;
        }
    }
}
