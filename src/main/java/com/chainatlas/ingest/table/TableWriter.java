package com.chainatlas.ingest.table;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table as .xlsx (streaming, constant memory) or .csv (UTF-8 with BOM, so Excel shows Chinese).
 * Text cells that a spreadsheet would run as a formula are neutralised (see {@link #neutralise}).
 */
public interface TableWriter extends Closeable {

    /** A text, number, boolean or date cell; null is an empty cell. */
    void row(List<?> cells) throws IOException;

    /** Starts a further sheet (.xlsx); a CSV has one table only and ignores the call. */
    void sheet(String name) throws IOException;

    /**
     * Adds a sheet of notes (label, value rows: what the table is, for which chain and region, when, which data
     * version) to an .xlsx; a CSV has no room for it and ignores the call.
     */
    default void notes(String name, List<? extends List<?>> rows) throws IOException {
    }

    /** Finishes the file; does not close the underlying stream. */
    @Override
    void close() throws IOException;

    static TableWriter csv(OutputStream out) throws IOException {
        return new CsvTableWriter(out);
    }

    static TableWriter xlsx(OutputStream out, String firstSheet) {
        return new XlsxTableWriter(out, firstSheet);
    }

    /**
     * For large exports: CSV, or an .xlsx written to {@code out} while rows arrive (bounded memory, early first
     * byte, a gone client fails the next row); one table, then exactly one {@link #notes} sheet named
     * {@code notesSheet}.
     */
    static TableWriter streaming(String ext, OutputStream out, String firstSheet, String notesSheet) throws IOException {
        return ext.equals("xlsx") ? new XlsxTableWriter(out, firstSheet, notesSheet) : of(ext, out, firstSheet);
    }

    /** "csv" or "xlsx" (anything else is an IllegalArgumentException). */
    static TableWriter of(String ext, OutputStream out, String firstSheet) throws IOException {
        return switch (ext) {
            case "csv" -> csv(out);
            case "xlsx" -> xlsx(out, firstSheet);
            default -> throw new IllegalArgumentException("unsupported file type: " + ext);
        };
    }

    /**
     * Formula-injection guard (OWASP "CSV injection"): a text starting with {@code = + - @}, tab or CR gets a
     * leading apostrophe, so Excel, WPS and LibreOffice show it as text instead of evaluating it.
     */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    /** Inverse of {@link #neutralise} for imports: drops the apostrophe our exports add. */
    static String unneutralise(String text) {
        if (text != null && text.length() >= 2 && text.charAt(0) == '\'') {
            char c = text.charAt(1);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return text.substring(1);
            }
        }
        return text;
    }
}
