package com.chainatlas.bulk;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A valid row of a bulk file: the importer's normalised values by column key (a cell left empty has no
 * entry: unknown stays absent) and, for enterprises, whether its key is provisional (无信用代码).
 *
 * <p>Enterprise numbers ({@link BulkRefs}): {@code number} is the enterprise's own in the enterprises file
 * ({@link BulkRefs#NONE} elsewhere); {@code enterpriseNumbers} are those of the row's enterprise references, one per
 * key in {@code enterpriseColumns}.
 */
record BulkRow(int rowNumber, Map<String, Object> values, boolean provisional, int number,
               List<String> enterpriseColumns, int[] enterpriseNumbers) {

    BulkRow(int rowNumber, Map<String, Object> values, boolean provisional) {
        this(rowNumber, values, provisional, BulkRefs.NONE, List.of(), new int[0]);
    }

    String text(String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    List<String> list(String key) {
        Object v = values.get(key);
        return v == null ? List.of() : (List<String>) v;
    }

    /** The number of the enterprise a reference column names, or {@link BulkRefs#NONE}. */
    int enterpriseNumber(String key) {
        int i = enterpriseColumns.indexOf(key);
        return i < 0 ? BulkRefs.NONE : enterpriseNumbers[i];
    }

    // the numbers by content (a record compares arrays by reference)
    @Override
    public boolean equals(Object o) {
        return o instanceof BulkRow r && rowNumber == r.rowNumber && provisional == r.provisional && number == r.number
                && values.equals(r.values) && enterpriseColumns.equals(r.enterpriseColumns)
                && Arrays.equals(enterpriseNumbers, r.enterpriseNumbers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowNumber, values, provisional, number, enterpriseColumns, Arrays.hashCode(enterpriseNumbers));
    }

    @Override
    public String toString() {
        return "BulkRow[" + rowNumber + ", " + values + (provisional ? ", provisional" : "")
                + (number == BulkRefs.NONE ? "" : ", number " + number)
                + (enterpriseColumns.isEmpty() ? "" : ", " + enterpriseColumns + " = " + Arrays.toString(enterpriseNumbers)) + "]";
    }
}
