package com.chainatlas.ingest.table;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.util.CellReference;

/**
 * Watches the characters on their way to the CSV parser, with the same RFC 4180 reading of quotes and line
 * ends: it stops a cell or row beyond {@link TableLimits} before the parser buffers it (Commons CSV has no
 * such cap), and notes quoting mistakes per record (Commons CSV, lenient, would read them silently; strict,
 * it would end the whole file at the first one).
 */
final class CsvGuard extends Reader {

    private enum State { START, UNQUOTED, QUOTED, CLOSING, TRAILING }

    private final Reader in;
    private final char delimiter;
    private final TableLimits limits;
    /** First problem of each record not yet taken by the reader (the parser reads a little ahead). */
    private final Map<Integer, String> problems = new HashMap<>();
    private State state = State.START;
    private int record = 1;
    private int column;
    private int cellChars;
    private long rowChars;
    private boolean afterCr;

    CsvGuard(Reader in, char delimiter, TableLimits limits) {
        this.in = in;
        this.delimiter = delimiter;
        this.limits = limits;
    }

    /** The quoting problem of a record (once), or null. */
    String problemOf(int recordNumber) {
        return problems.remove(recordNumber);
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
            if (state == State.QUOTED) {
                note("第 " + (column + 1) + " 列：引号未闭合 (从第 " + record + " 行起直到文件末尾)");
                state = State.START;
            }
            return n;
        }
        for (int i = off; i < off + n; i++) {
            step(buf[i]);
        }
        return n;
    }

    private void step(char c) {
        boolean lf = afterCr && c == '\n';
        afterCr = false;
        switch (state) {
            case START -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (!lf) {
                    plain(c);
                }
            }
            case UNQUOTED, TRAILING -> plain(c);
            case QUOTED -> {
                if (c == '"') {
                    state = State.CLOSING;
                } else {
                    content();
                }
            }
            case CLOSING -> {
                if (c == '"') {
                    state = State.QUOTED; // an escaped quote ("")
                    content();
                } else if (c == delimiter || c == '\r' || c == '\n') {
                    plain(c);
                } else {
                    note("第 " + (column + 1) + " 列：闭合引号后出现多余字符");
                    state = State.TRAILING;
                    content();
                }
            }
        }
    }

    /** A character outside quotes: a delimiter, a line end or cell text. */
    private void plain(char c) {
        if (c == delimiter) {
            column++;
            cellChars = 0;
            state = State.START;
        } else if (c == '\r' || c == '\n') {
            afterCr = c == '\r';
            record++;
            column = 0;
            cellChars = 0;
            rowChars = 0;
            state = State.START;
        } else {
            if (c == '"' && state == State.UNQUOTED) {
                note("第 " + (column + 1) + " 列：未加引号的单元格中出现引号 (\")，请用双引号包住整个单元格，内部引号写成两个 (\"\")");
            }
            if (state == State.START) {
                state = State.UNQUOTED;
            }
            content();
        }
    }

    private void content() {
        if (++cellChars > limits.maxCellChars()) {
            throw limits.cellTooLong(record, CellReference.convertNumToColString(column));
        }
        if (++rowChars > limits.maxRowChars()) {
            throw limits.rowTooLong(record, CellReference.convertNumToColString(column));
        }
    }

    private void note(String problem) {
        problems.putIfAbsent(record, problem);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
