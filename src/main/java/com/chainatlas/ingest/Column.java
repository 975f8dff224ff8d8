package com.chainatlas.ingest;

import java.util.List;
import java.util.Map;

/**
 * One column of an import format.
 *
 * @param key      English key (accepted as header, and the JSON/Cypher property name)
 * @param zh       Chinese header as in the template
 * @param type     value kind
 * @param required must be filled on every row
 * @param ref      what the value refers to (must resolve), or null
 * @param unit     unit stated in the header, e.g. 万元 (values with another money unit are converted), or null
 * @param min      smallest allowed number, or null
 * @param max      largest allowed number, or null
 * @param choices  allowed inputs → stored value (CHOICE columns), or empty
 * @param note     extra explanation for the notes sheet
 * @param example  example value for the template
 * @param aliases  other headers accepted (e.g. 企业全称 for 企业名称)
 */
public record Column(String key, String zh, FieldType type, boolean required, RefKind ref, String unit, Double min, Double max,
              Map<String, String> choices, String note, String example, List<String> aliases) {

    public Column {
        choices = choices == null ? Map.of() : choices;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        note = note == null ? "" : note;
        example = example == null ? "" : example;
    }

    /** Allowed inputs → stored values, in order, from pairs ("上游", "UPSTREAM", …). */
    static Map<String, String> choiceMap(String... pairs) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static Column of(String key, String zh, FieldType type) {
        return new Column(key, zh, type, false, null, null, null, null, Map.of(), "", "", List.of());
    }

    Column mandatory() {
        return new Column(key, zh, type, true, ref, unit, min, max, choices, note, example, aliases);
    }

    Column ref(RefKind kind) {
        return new Column(key, zh, type, required, kind, unit, min, max, choices, note, example, aliases);
    }

    Column unit(String u) {
        return new Column(key, zh, type, required, ref, u, min, max, choices, note, example, aliases);
    }

    Column range(Double lo, Double hi) {
        return new Column(key, zh, type, required, ref, unit, lo, hi, choices, note, example, aliases);
    }

    Column choices(Map<String, String> c) {
        return new Column(key, zh, type, required, ref, unit, min, max, c, note, example, aliases);
    }

    Column note(String n) {
        return new Column(key, zh, type, required, ref, unit, min, max, choices, n, example, aliases);
    }

    Column example(String e) {
        return new Column(key, zh, type, required, ref, unit, min, max, choices, note, e, aliases);
    }

    Column aliases(String... a) {
        return new Column(key, zh, type, required, ref, unit, min, max, choices, note, example, List.of(a));
    }

    /** Header text in templates and exports, e.g. "营业收入(万元)". */
    public String header() {
        return unit == null ? zh : zh + "(" + unit + ")";
    }
}
