package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Finds segments, products, technologies, institutions and chains by name or, for segments, by path
 * ({@code 动力电池/电芯}: the segment 电芯 whose parent is 动力电池; any tail of the full path is accepted), within a
 * chain when the row or file names one. A kind's whole catalogue (id, name, chain, parent) is read in one query
 * the first time a name of that kind is looked up, so files that use ids never pay for it and files that use
 * names pay once, not per row. Names are compared without spaces and full-width forms, as cells are parsed.
 * Used by the validating thread only.
 */
final class NameIndex {

    /** One named thing; {@code parentId} only for segments. */
    record Entry(String id, String chainId, String name, String parentId) {
    }

    /** Outcome: exactly one id, or the candidates (none = not found). */
    record Match(String id, List<Entry> candidates) {
        boolean found() {
            return id != null;
        }
    }

    private static final int MAX_CANDIDATES = 8;

    private final Neo4jClient neo4j;
    private final Map<RefKind, Map<String, Entry>> byId = new EnumMap<>(RefKind.class);
    private final Map<RefKind, Map<String, List<Entry>>> byName = new EnumMap<>(RefKind.class);

    NameIndex(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A row of the file defines (or redefines) a thing; it can be named by later rows. */
    void define(RefKind kind, String id, String chainId, String name, String parentId) {
        if (!byId.containsKey(kind)) {
            return; // not loaded yet: loading later reads the database, the file's rows are added by the caller below
        }
        put(kind, new Entry(id, chainId == null ? "" : chainId, name, parentId));
    }

    /** Finds {@code ref} (a name or a path) among things of {@code kind}, within {@code chainId} when not null. */
    Match find(RefKind kind, String ref, String chainId, Iterable<Entry> fileEntries) {
        load(kind, fileEntries);
        String[] path = ref.split("/");
        String last = key(path[path.length - 1]);
        List<Entry> found = new ArrayList<>();
        for (Entry e : byName.get(kind).getOrDefault(last, List.of())) {
            if ((chainId == null || chainId.equals(e.chainId())) && ancestorsMatch(kind, e, path)) {
                found.add(e);
            }
        }
        return found.size() == 1 ? new Match(found.get(0).id(), found) : new Match(null, found.stream().limit(MAX_CANDIDATES).toList());
    }

    /** How many things of {@code kind} the chain has (database and file). */
    long countInChain(RefKind kind, String chainId, Iterable<Entry> fileEntries) {
        load(kind, fileEntries);
        return byId.get(kind).values().stream().filter(e -> e.chainId().equals(chainId)).count();
    }

    /** "动力电池/电芯 (NEV-CELL)" for a segment, "电芯 (NEV-CELL，产业链 NEV)" otherwise. */
    String describe(RefKind kind, Entry e) {
        String name = kind == RefKind.SEGMENT ? path(e) : e.name();
        return name + " (" + e.id() + (e.chainId().isEmpty() || kind == RefKind.SEGMENT ? "" : "，产业链 " + e.chainId()) + ")";
    }

    /** The full path of a segment, root first. */
    String path(Entry e) {
        List<String> names = new ArrayList<>();
        Map<String, Entry> ids = byId.get(RefKind.SEGMENT);
        for (Entry x = e; x != null && names.size() < 20; x = x.parentId() == null ? null : ids.get(x.parentId())) {
            names.add(0, x.name());
        }
        return String.join("/", names);
    }

    private boolean ancestorsMatch(RefKind kind, Entry e, String[] path) {
        if (path.length == 1) {
            return true;
        }
        if (kind != RefKind.SEGMENT) {
            return false;
        }
        Map<String, Entry> ids = byId.get(kind);
        Entry x = e;
        for (int i = path.length - 2; i >= 0; i--) {
            x = x.parentId() == null ? null : ids.get(x.parentId());
            if (x == null || !key(x.name()).equals(key(path[i]))) {
                return false;
            }
        }
        return true;
    }

    private void load(RefKind kind, Iterable<Entry> fileEntries) {
        if (byId.containsKey(kind)) {
            return;
        }
        byId.put(kind, new LinkedHashMap<>());
        byName.put(kind, new HashMap<>());
        neo4j.query(catalogueQuery(kind)).fetch().all()
                .forEach(r -> put(kind, new Entry((String) r.get("id"), String.valueOf(r.get("chain")),
                        r.get("name") == null ? "" : r.get("name").toString(), (String) r.get("parent"))));
        fileEntries.forEach(e -> put(kind, e));
    }

    /** One fixed query per kind (no text assembled at run time): id, chain, name and, for segments, the parent. */
    private static String catalogueQuery(RefKind kind) {
        return switch (kind) {
            case CHAIN -> "MATCH (n:Chain) RETURN n.id AS id, n.id AS chain, n.name AS name, null AS parent";
            case SEGMENT -> "MATCH (n:Segment) RETURN n.id AS id, coalesce(n.chainId, '') AS chain, n.name AS name,"
                    + " n.parentId AS parent";
            case PRODUCT -> "MATCH (n:Product) RETURN n.id AS id, coalesce(n.chainId, '') AS chain, n.name AS name,"
                    + " null AS parent";
            case TECHNOLOGY -> "MATCH (n:Technology) RETURN n.id AS id, coalesce(n.chainId, '') AS chain,"
                    + " n.name AS name, null AS parent";
            case INSTITUTION -> "MATCH (n:Institution) RETURN n.id AS id, '' AS chain, n.name AS name, null AS parent";
            // enterprises are found by credit code or provisional key (ImportRun.resolveEnterprise), never by name here
            case ENTERPRISE -> throw new IllegalArgumentException("enterprises are not looked up by name");
        };
    }

    private void put(RefKind kind, Entry e) {
        Entry old = byId.get(kind).put(e.id(), e);
        if (old != null) {
            byName.get(kind).getOrDefault(key(old.name()), new ArrayList<>()).remove(old);
        }
        byName.get(kind).computeIfAbsent(key(e.name()), k -> new ArrayList<>()).add(e);
    }

    private static String key(String name) {
        return Text.code(name).toLowerCase(java.util.Locale.ROOT);
    }
}
