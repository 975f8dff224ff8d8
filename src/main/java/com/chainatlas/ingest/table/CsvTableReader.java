package com.chainatlas.ingest.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV reader: encoding detection here, parsing by Commons CSV (RFC 4180), size caps and per-row quoting
 * problems by {@link CsvGuard}.
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

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final Path file;
    private final TableLimits limits;
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

    CsvTableReader(Path file, TableLimits limits) {
        this.file = file;
        this.limits = limits;
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
            parse(reader, delimiterOf(reader), limits, rows);
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

    /**
     * Parses CSV text with Commons CSV (RFC 4180, lenient about trailing text and an open quote at the end, so
     * that such rows are reported by the guard instead of ending the file); the guard caps sizes and notes
     * quoting mistakes per record.
     */
    static void parse(Reader in, char delimiter, TableLimits limits, Consumer<RawRow> rows) throws IOException {
        CsvGuard guard = new CsvGuard(in, delimiter, limits);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrailingData(true).setLenientEof(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(guard).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                int number = Math.toIntExact(record.getRecordNumber());
                rows.accept(new RawRow(number, Arrays.asList(record.values()), guard.problemOf(number)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads CSV text that is already decoded (delimiter detected as for files, default size caps), for other
     * features' small CSV inputs.
     */
    public static void read(Reader text, Consumer<RawRow> rows) throws IOException {
        BufferedReader in = text instanceof BufferedReader b ? b : new BufferedReader(text, 1 << 16);
        parse(in, delimiterOf(in), TableLimits.DEFAULT, rows);
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
}
