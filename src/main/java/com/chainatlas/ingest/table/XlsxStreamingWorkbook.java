package com.chainatlas.ingest.table;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * An SXSSF workbook whose sheet rows go through a bounded in-memory pipe straight into the .xlsx (zip) being written,
 * instead of a temp file that is copied at the end: the first bytes leave while rows are still read, memory stays
 * bounded (the row window plus a few pipe chunks), and a client that goes away fails the next row at once.
 *
 * <p>The workbook's structure (sheets, styles, column widths, panes, print setup) is fixed when {@link #writeTemplate}
 * runs; after that only rows are added. One thread adds rows, another runs {@link #inject} (POI's own zip writer).
 */
final class XlsxStreamingWorkbook extends SXSSFWorkbook {

    private final List<Pipe> pipes = new ArrayList<>();
    private Pipe pending;

    XlsxStreamingWorkbook(int window) {
        super(window);
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        Pipe pipe = new Pipe();
        pipes.add(pipe);
        pending = pipe;
        return new SheetDataWriter() {
            @Override
            public Writer createWriter(File fd) {
                return pending; // called by the constructor: the sheet's rows go into its pipe, not the temp file
            }
        };
    }

    @Override
    protected ISheetInjector createSheetInjector(SXSSFSheet sheet) {
        Pipe pipe = pipes.get(getSheetIndex(sheet));
        return pipe::drainTo;
    }

    /** The workbook without rows (every sheet's sheetData empty), as POI's SXSSF write does first. */
    void writeTemplate(OutputStream out) throws IOException {
        _wb.write(out);
    }

    /** Writes the .xlsx: the template's parts with each sheet's rows drained from its pipe (blocks until closed). */
    void inject(ZipEntrySource template, OutputStream out) throws IOException {
        injectData(template, out);
    }

    /** The sheet's rows are complete: its pipe ends. */
    void endSheet(int index) throws IOException {
        getSheetAt(index).flushRows();
        pipes.get(index).close();
    }

    /** Either side failed: the other side's next read or write throws. */
    void fail(Throwable cause) {
        pipes.forEach(p -> p.fail(cause));
    }

    /** A bounded pipe of text chunks from the row-adding thread to the zip-writing thread. */
    static final class Pipe extends Writer {

        private static final int CHUNK = 1 << 15;
        private static final char[] END = new char[0];

        private final BlockingQueue<char[]> chunks = new ArrayBlockingQueue<>(8);
        private final StringBuilder buffer = new StringBuilder(CHUNK);
        private volatile Throwable failure;
        private boolean closed;

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            check();
            buffer.append(c, off, len);
            if (buffer.length() >= CHUNK) {
                push();
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            check();
            buffer.append(s, off, off + len);
            if (buffer.length() >= CHUNK) {
                push();
            }
        }

        @Override
        public void flush() {
            // chunks leave when full or at close; flushing each row would make tiny zip writes
        }

        @Override
        public void close() throws IOException {
            if (!closed && failure != null) {
                closed = true; // nobody reads any more
                return;
            }
            if (!closed) {
                closed = true;
                push();
                put(END);
            }
        }

        private void push() throws IOException {
            if (!buffer.isEmpty()) {
                char[] c = new char[buffer.length()];
                buffer.getChars(0, c.length, c, 0);
                buffer.setLength(0);
                put(c);
            }
        }

        private void put(char[] c) throws IOException {
            try {
                while (!chunks.offer(c, 100, TimeUnit.MILLISECONDS)) {
                    check();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the .xlsx", e);
            }
        }

        private void check() throws IOException {
            Throwable f = failure;
            if (f != null) {
                throw f instanceof IOException io ? io : new IOException(f);
            }
        }

        void fail(Throwable cause) {
            failure = cause;
            chunks.clear();
        }

        /** On the zip-writing thread: copies every chunk as UTF-8 until the sheet's end (does not close {@code out}). */
        void drainTo(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                while (true) {
                    char[] c = chunks.poll(100, TimeUnit.MILLISECONDS);
                    if (c == null) {
                        check();
                    } else if (c == END) {
                        w.flush();
                        return;
                    } else {
                        w.write(c);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the .xlsx", e);
            }
        }
    }
}
