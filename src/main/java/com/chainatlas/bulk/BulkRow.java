package com.chainatlas.bulk;

import java.util.List;
import java.util.Map;

/**
 * A valid row of a bulk file: the importer's normalised values by column key (a cell left empty has no
 * entry: unknown stays absent) and, for enterprises, whether its key is provisional (无信用代码).
 */
record BulkRow(int rowNumber, Map<String, Object> values, boolean provisional) {

    String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }
}
