package com.chainatlas.ingest.table;

import java.util.List;

/**
 * One row of a table file as the user sees it.
 *
 * @param rowNumber the row number Excel/WPS shows (1 = header row)
 * @param cells     cell texts, left to right ("" for an empty cell)
 * @param error     a reading problem of this row (e.g. bad CSV quoting), in Chinese; null when read cleanly
 */
public record RawRow(int rowNumber, List<String> cells, String error) {

    public RawRow {
        cells = List.copyOf(cells);
    }

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    public boolean isBlank() {
        for (String c : cells) { // a loop, not a stream: called on every row of a bulk load
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
