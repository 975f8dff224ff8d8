package com.chainatlas.ingest.table;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV, UTF-8 with BOM, CRLF line ends; text cells neutralised against formula injection. */
final class CsvTableWriter implements TableWriter {

    private final Writer out;
    private boolean tableDone;

    CsvTableWriter(OutputStream stream) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        out.write('\uFEFF');
    }

    @Override
    public void row(List<?> cells) throws IOException {
        if (tableDone) {
            return;
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            String text = v instanceof Number n ? XlsxTableReader.PlainFormatter.plain(n.doubleValue())
                    : v instanceof Boolean b ? (b ? "是" : "否")
                    : TableWriter.neutralise(v.toString());
            if (v instanceof Integer || v instanceof Long) {
                text = v.toString();
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                    || text.startsWith("'")) {
                out.write('"');
                out.write(text.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(text);
            }
        }
        out.write("\r\n");
    }

    @Override
    public void sheet(String name) {
        tableDone = true;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
