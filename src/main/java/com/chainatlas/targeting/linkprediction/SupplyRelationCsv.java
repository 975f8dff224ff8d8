package com.chainatlas.targeting.linkprediction;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a supply-relation CSV (供应关系 CSV): UTF-8 (a BOM is skipped), header {@code customer,supplier}
 * (case-insensitive), one relation per line, fields optionally in double quotes (RFC 4180, no line
 * breaks inside fields). Blank lines are ignored; duplicate relations are counted and kept once;
 * every bad row is reported with its line number and reason instead of stopping the read.
 */
final class SupplyRelationCsv {

    /** A row that could not be read: 1-based line number and the reason. */
    record BadRow(int line, String reason) {
    }

    /** The distinct relations read, the number of duplicate rows and the bad rows. */
    record Result(List<SupplyRelation> relations, int duplicates, List<BadRow> badRows) {
    }

    private SupplyRelationCsv() {
    }

    /**
     * @throws IllegalArgumentException if the file is empty or the header is not {@code customer,supplier}
     * @throws IOException if the file cannot be read (including invalid UTF-8)
     */
    static Result read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    static Result read(BufferedReader in) throws IOException {
        String header = in.readLine();
        int line = 1;
        while (header != null && header.isBlank()) {
            header = in.readLine();
            line++;
        }
        if (header == null) {
            throw new IllegalArgumentException("CSV is empty; expected header customer,supplier / 文件为空");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> names = split(header);
        if (names == null || names.size() != 2 || !names.get(0).strip().toLowerCase(Locale.ROOT).equals("customer")
                || !names.get(1).strip().toLowerCase(Locale.ROOT).equals("supplier")) {
            throw new IllegalArgumentException("line " + line + ": header must be customer,supplier, was: " + header);
        }
        Set<SupplyRelation> relations = new LinkedHashSet<>();
        List<BadRow> bad = new ArrayList<>();
        int duplicates = 0;
        for (String row = in.readLine(); row != null; row = in.readLine()) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            List<String> fields = split(row);
            if (fields == null) {
                bad.add(new BadRow(line, "unbalanced quotes / 引号不配对"));
            } else if (fields.size() != 2) {
                bad.add(new BadRow(line, "expected 2 fields, found " + fields.size() + " / 应为 2 列"));
            } else {
                try {
                    if (!relations.add(new SupplyRelation(fields.get(0), fields.get(1)))) {
                        duplicates++;
                    }
                } catch (IllegalArgumentException e) {
                    bad.add(new BadRow(line, e.getMessage()));
                }
            }
        }
        return new Result(List.copyOf(relations), duplicates, List.copyOf(bad));
    }

    /** Splits one CSV line; {@code null} if quotes are unbalanced. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>(2);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(field.toString());
        return out;
    }
}
