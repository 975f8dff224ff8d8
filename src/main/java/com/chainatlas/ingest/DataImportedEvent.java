package com.chainatlas.ingest;

import java.util.Set;

/**
 * Published after an import wrote data (also after a crashed import was completed at start-up), so that
 * derived data such as analysis snapshots can be rebuilt.
 *
 * @param chainIds       the chains whose data changed; <b>empty means any chain may have changed</b> (e.g. an
 *                       enterprises or supplies file, which is not tied to one chain)
 * @param enterpriseKeys the USCCs (or provisional keys) of every enterprise whose properties, memberships or supply
 *                       relations the import wrote, and nothing else of a chain; <b>null means unknown</b> (anything
 *                       may have changed, e.g. a chain's segments: derived data is rebuilt whole)
 */
public record DataImportedEvent(Set<String> chainIds, Set<String> enterpriseKeys) {

    public DataImportedEvent {
        chainIds = Set.copyOf(chainIds);
        enterpriseKeys = enterpriseKeys == null ? null : Set.copyOf(enterpriseKeys);
    }

    /** An event whose touched enterprises are unknown (full rebuild). */
    public DataImportedEvent(Set<String> chainIds) {
        this(chainIds, null);
    }
}
