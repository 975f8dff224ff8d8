package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one format adds to the generic checks (field parsing, required, references, duplicates): checks
 * across fields or rows, and how valid rows are written. A new instance serves one file.
 */
interface FormatRules {

    /** Checks one row after its fields parsed and its references resolved (only called on such rows). */
    default void check(RowContext row) {
    }

    /** Checks that need the whole file (e.g. cycles), after the last row. */
    default void finish(FileContext file) {
    }

    /** Writes valid rows (normalised values by column key) inside the caller's transaction. */
    void write(List<Map<String, Object>> rows, GraphWriters writers);

    /** The chains a row touches, for the {@link DataImportedEvent}; empty when not tied to a chain. */
    default Set<String> chainIds(Map<String, Object> row) {
        Object chain = row.get("chainId");
        return chain == null ? Set.of() : Set.of(chain.toString());
    }

    /** The enterprise relation type this format writes (CREATE instead of MERGE where an end has none), or null. */
    default RefIndex.EnterpriseRelation writes() {
        return null;
    }

    /** A parsed row during validation. */
    interface RowContext {
        int rowNumber();

        Object get(String key);

        void set(String key, Object value);

        void problem(String columnKey, String reason);

        /** The chain id of an existing or earlier-defined thing, or null when unknown. */
        String chainOf(RefKind kind, String id);
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
