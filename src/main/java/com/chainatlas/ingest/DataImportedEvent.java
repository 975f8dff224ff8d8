package com.chainatlas.ingest;

import java.util.Set;

/**
 * Published after an import wrote data (also after a crashed import was completed at start-up), so that
 * derived data such as analysis snapshots can be rebuilt.
 *
 * @param chainIds the chains whose data changed; <b>empty means any chain may have changed</b> (e.g. an
 *                 enterprises or supplies file, which is not tied to one chain)
 */
public record DataImportedEvent(Set<String> chainIds) {

    public DataImportedEvent {
        chainIds = Set.copyOf(chainIds);
    }
}
