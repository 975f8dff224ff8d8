package com.chainatlas.ingest;

import java.util.Set;

/**
 * A validated row of one format, typed (each format has its record): what waits for the file's verdict
 * (in memory or, for large files, as a JSON line of the spill file) and what the format's writer reads.
 */
public interface FormatRow {

    /** The chains the row touches, for the {@link DataImportedEvent}; empty when not tied to a chain. */
    Set<String> chainIds();

    /**
     * The enterprises whose snapshot data (properties, chain memberships, supply relations) the row writes, for the
     * {@link DataImportedEvent}; null when the row may change other chain data too (the default: full rebuild).
     */
    default java.util.Collection<String> enterpriseKeys() {
        return null;
    }

    /** The set of a nullable chain id. */
    static Set<String> chain(String chainId) {
        return chainId == null || chainId.isEmpty() ? Set.of() : Set.of(chainId);
    }
}
