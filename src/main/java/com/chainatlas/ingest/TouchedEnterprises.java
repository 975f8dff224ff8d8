package com.chainatlas.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * The enterprises an import's rows touched ({@link FormatRow#enterpriseKeys()}), for {@link DataImportedEvent}: lets
 * snapshots apply a delta instead of rebuilding. Unknown (null) as soon as one row cannot say, or past {@link #LIMIT}
 * keys (a delta that large saves nothing over a full rebuild, and the set must stay bounded).
 */
final class TouchedEnterprises {

    static final int LIMIT = 100_000;

    private Set<String> keys = new HashSet<>();

    void add(FormatRow row) {
        if (keys == null) {
            return;
        }
        var k = row.enterpriseKeys();
        if (k == null) {
            keys = null;
            return;
        }
        for (String key : k) {
            if (key != null) {
                keys.add(key);
            }
        }
        if (keys.size() > LIMIT) {
            keys = null;
        }
    }

    /** The keys, or null when unknown. */
    Set<String> keys() {
        return keys;
    }
}
