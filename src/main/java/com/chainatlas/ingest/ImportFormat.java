package com.chainatlas.ingest;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One importable file format (one entity or relation of the graph model).
 *
 * @param id          URL name, e.g. {@code enterprises}
 * @param zh          Chinese title, e.g. 企业
 * @param en          English title
 * @param description what one row means (Chinese), for the notes sheet and docs
 * @param columns     columns in template order
 * @param keyColumns  natural key: two rows with the same key are duplicates; re-import updates by it
 * @param defines     the kind of thing a row defines (later rows may refer to it), or null for relations
 * @param rules       per-import rule state (fresh per file)
 */
public record ImportFormat(String id, String zh, String en, String description, List<Column> columns,
                    List<String> keyColumns, RefKind defines, Supplier<? extends FormatRules<?>> rules) {

    public ImportFormat {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }

    public Optional<Column> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** Fresh rules for one file, seen through the common row type (each format's rules take only its own rows). */
    @SuppressWarnings("unchecked")
    public FormatRules<FormatRow> newRules() {
        return (FormatRules<FormatRow>) rules.get();
    }
}
