package com.chainatlas.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One data file for {@code neo4j-admin database import}: its header (neo4j-admin's typed header syntax, e.g.
 * {@code uscc:ID(Enterprise)}, {@code revenue:double}) on the first line, then one line per node or relationship.
 * A null value is written as an empty unquoted field, which the import tool leaves out: unknown stays absent.
 * Strings are always quoted ("" inside doubled), so an empty text stays an empty string.
 */
final class AdminCsv implements AutoCloseable {

    final Path file;
    private final BufferedWriter out;
    private final int columns;
    private int column;
    private long lines;
    private boolean multiline;

    AdminCsv(Path file, String... header) {
        this.file = file;
        this.columns = header.length;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(String.join(",", header));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AdminCsv text(String v) {
        if (v == null) {
            return field(null);
        }
        if (plain(v)) {
            return field('"' + v + '"');
        }
        StringBuilder b = new StringBuilder(v.length() + 2).append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                b.append('"');
            } else if (c == '\n' || c == '\r') {
                multiline = true;
            }
            b.append(c);
        }
        return field(b.append('"').toString());
    }

    AdminCsv number(Number v) {
        if (v == null) {
            return field(null);
        }
        return field(v instanceof Double || v instanceof Float ? plainDecimal(v.doubleValue()) : v.toString());
    }

    /** {@code BigDecimal.valueOf(d).toPlainString()}, without the BigDecimal when Double.toString has no exponent. */
    private static String plainDecimal(double d) {
        String s = Double.toString(d);
        return s.indexOf('E') < 0 ? s : BigDecimal.valueOf(d).toPlainString();
    }

    /** No quote and no line break: written as it is between quotes. */
    private static boolean plain(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    /** A node id of the import ({@code --id-type=actual}): digits, unquoted. */
    AdminCsv id(long v) {
        return field(Long.toString(v));
    }

    AdminCsv flag(Boolean v) {
        return field(v == null ? null : v.toString());
    }

    /**
     * A string array (elements joined by the import's array delimiter ';'). The import cannot store an empty array
     * (an empty field, quoted or not, leaves the property out): an empty list is absent, where the importer's
     * writers store {@code []}; the app reads both as no tags ({@code Enterprise} maps null to an empty list).
     */
    AdminCsv texts(List<String> v) {
        return v == null || v.isEmpty() ? field(null) : text(String.join(";", v));
    }

    /** A plain token (ids and dates that need no quoting are still quoted via {@link #text}). */
    private AdminCsv field(String v) {
        try {
            if (column > 0) {
                out.write(',');
            }
            if (v != null) {
                out.write(v);
            }
            if (++column == columns) {
                out.write('\n');
                column = 0;
                lines++;
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long lines() {
        return lines;
    }

    /** Whether a value had a line break (the import then needs {@code --multiline-fields=true}). */
    boolean multiline() {
        return multiline;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
