package com.chainatlas.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.chainatlas.enterprise.EnterpriseLinks;

/**
 * What one format adds to the generic checks (field parsing, required, references, duplicates): checks
 * across fields or rows, the typed row a valid row becomes, and how such rows are written. A new instance
 * serves one file.
 *
 * @param <R> the format's row record
 */
public interface FormatRules<R extends FormatRow> {

    /** Checks one row after its fields parsed and its references resolved (only called on such rows). */
    default void check(RowContext row) {
    }

    /** Checks that need the whole file (e.g. cycles), after the last row. */
    default void finish(FileContext file) {
    }

    /** The typed row of a valid row (called once it has passed every check). */
    R row(RowContext row);

    /** The row record's class, to read rows back from the spill file. */
    Class<R> rowType();

    /** Writes valid rows inside the caller's transaction. */
    void write(List<R> rows, GraphWriters writers);

    /** The enterprise relation type this format writes (CREATE instead of MERGE where an end has none), or null. */
    default RefIndex.EnterpriseRelation writes() {
        return null;
    }

    /** A parsed row during validation: normalised values by column key, and what validation found out. */
    interface RowContext {
        int rowNumber();

        Object get(String key);

        /** Replaces a column's value (e.g. a chain taken from the row's segment). */
        void set(String key, Object value);

        void problem(String columnKey, String reason);

        /** The chain id of an existing or earlier-defined thing, or null when unknown. */
        String chainOf(RefKind kind, String id);

        /**
         * The node ids validation found for a relation row's enterprise column(s) ({@code to} null when the other
         * end is not an enterprise); the row is certainly new when an enterprise end had no relation of the type.
         */
        EnterpriseLinks.NodeIds nodeIds(String from, String to, RefIndex.EnterpriseRelation type);

        /** Enterprises file: the enterprise is stored already (MERGE rather than CREATE). */
        boolean exists();

        /** Enterprises file: the row has no credit code; its key is provisional (无信用代码). */
        boolean provisional();

        /** Enterprises file: the provisional key of the stored enterprise this code row upgrades in place, or null. */
        String upgrades();

        default String text(String key) {
            Object v = get(key);
            return v == null ? null : v.toString();
        }

        default Double decimal(String key) {
            Object v = get(key);
            return v == null ? null : ((Number) v).doubleValue();
        }

        /** A whole number, or null when the cell was empty (unknown, not 0). */
        default Integer integer(String key) {
            Object v = get(key);
            return v == null ? null : Integer.valueOf(((Number) v).intValue());
        }

        default boolean flag(String key) {
            return Boolean.TRUE.equals(get(key));
        }

        default LocalDate date(String key) {
            Object v = get(key);
            return v == null ? null : LocalDate.parse(v.toString());
        }

        @SuppressWarnings("unchecked")
        default List<String> list(String key) {
            Object v = get(key);
            return v == null ? List.of() : (List<String>) v;
        }
    }

    /** Whole-file checks: report on rows by number. */
    interface FileContext {
        void problem(int rowNumber, String columnKey, String value, String reason);

        /** Noted in the result, but the file is still written. */
        void warning(int rowNumber, String columnKey, String value, String reason);

        /** Existing non-recycling FEEDS edges (from, to) among the given segments' chains. */
        List<String[]> existingFlows(Set<String> segmentIds);
    }
}
