package com.chainatlas.targeting.linkprediction;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import com.chainatlas.ingest.table.CsvTableReader;
import com.chainatlas.ingest.table.RawRow;
import com.chainatlas.ingest.table.TableFileException;
import com.chainatlas.ingest.table.TableReader;

/**
 * Reads a supply-relation CSV (供应关系 CSV) with the import's table reader (so UTF-8 with or without BOM,
 * GBK/GB18030, RFC 4180 quoting and the same size caps): header {@code customer,supplier} (case-insensitive),
 * one relation per row. Blank rows are ignored; duplicate relations are counted and kept once; every bad row
 * is reported with its row number and reason instead of stopping the read.
 */
final class SupplyRelationCsv {

    /** A row that could not be read: 1-based row number (the line, when no cell spans lines) and the reason. */
    record BadRow(int line, String reason) {
    }

    /** The distinct relations read, the number of duplicate rows and the bad rows. */
    record Result(List<SupplyRelation> relations, int duplicates, List<BadRow> badRows) {
    }

    private SupplyRelationCsv() {
    }

    /**
     * @throws IllegalArgumentException if the file is empty or the header is not {@code customer,supplier}
     * @throws IOException if the file cannot be read (including an unknown encoding)
     */
    static Result read(Path file) throws IOException {
        Collector collector = new Collector();
        try {
            TableReader.open(file, file.getFileName().toString()).read(collector);
        } catch (TableFileException e) {
            throw new IOException(e.detailEn() + " / " + e.detailZh(), e);
        }
        return collector.result();
    }

    static Result read(BufferedReader in) throws IOException {
        Collector collector = new Collector();
        CsvTableReader.read(in, collector);
        return collector.result();
    }

    private static final class Collector implements Consumer<RawRow> {
        private final Set<SupplyRelation> relations = new LinkedHashSet<>();
        private final List<BadRow> bad = new ArrayList<>();
        private int duplicates;
        private boolean header;

        @Override
        public void accept(RawRow row) {
            if (row.isBlank() && row.error() == null) {
                return;
            }
            if (!header) {
                List<String> names = row.cells();
                if (names.size() != 2 || !names.get(0).strip().toLowerCase(Locale.ROOT).equals("customer")
                        || !names.get(1).strip().toLowerCase(Locale.ROOT).equals("supplier")) {
                    throw new IllegalArgumentException("line " + row.rowNumber() + ": header must be customer,supplier, was: "
                            + String.join(",", names));
                }
                header = true;
                return;
            }
            if (row.error() != null) {
                bad.add(new BadRow(row.rowNumber(), row.error()));
            } else if (row.cells().size() != 2) {
                bad.add(new BadRow(row.rowNumber(), "expected 2 fields, found " + row.cells().size() + " / 应为 2 列"));
            } else {
                try {
                    if (!relations.add(new SupplyRelation(row.cell(0), row.cell(1)))) {
                        duplicates++;
                    }
                } catch (IllegalArgumentException e) {
                    bad.add(new BadRow(row.rowNumber(), e.getMessage()));
                }
            }
        }

        Result result() {
            if (!header) {
                throw new IllegalArgumentException("CSV is empty; expected header customer,supplier / 文件为空");
            }
            return new Result(List.copyOf(relations), duplicates, List.copyOf(bad));
        }
    }
}
