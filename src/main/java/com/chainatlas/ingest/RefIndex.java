package com.chainatlas.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.chainatlas.enterprise.Uscc;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Resolves the references of one import file: to things defined earlier in the same file, or to the
 * database (looked up in batches per chunk of rows and cached for the file). The parser thread prefetches a
 * chunk while the validating thread resolves the previous one, hence the concurrent maps; a look-up that
 * races a definition only queries the database once more.
 *
 * <p>Enterprises may be named by USCC, full name (全称) or short name (简称): a valid USCC must exist; a
 * name is matched first against full names, then against short names, and must match exactly one
 * enterprise. Names are compared after the same normalisation imports apply; for names stored by other
 * means, the variant with full-width brackets is tried too.
 */
public final class RefIndex {

    /** Outcome of an enterprise reference: exactly one USCC, or the candidates (none = unknown). */
    record EnterpriseMatch(String uscc, List<String> candidates) {
        boolean found() {
            return uscc != null;
        }
    }

    /**
     * An enterprise found in the database: its node id, kept as the number after the database's common
     * element-id prefix to save memory at a million enterprises (-1 when the id had another form), and
     * which relation types it already has ({@link EnterpriseRelation} bits): when it has none of a type, a
     * relation row of that type naming it is certainly new.
     */
    private record Known(long number, int relations) {
    }

    /** Relation types whose presence is recorded per looked-up enterprise. */
    public enum EnterpriseRelation {
        SUPPLIES, IN_SEGMENT, MAKES;

        int bit() {
            return 1 << ordinal();
        }
    }

    private static final String ABSENT = "\u0000";

    private final Neo4jClient neo4j;
    private final Map<RefKind, Map<String, String>> inFile = new EnumMap<>(RefKind.class);
    private final Map<RefKind, Map<String, String>> inDb = new EnumMap<>(RefKind.class);
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final EnterpriseRelation written;
    private volatile String idPrefix;
    private volatile Boolean hasProvisional;
    private final Map<String, EnterpriseMatch> byName = new ConcurrentHashMap<>();
    private final NameIndex names;
    private final Map<RefKind, Map<String, NameIndex.Entry>> fileEntries = new EnumMap<>(RefKind.class);

    /**
     * @param written the relation type the file writes (its presence is looked up with each enterprise), or null
     */
    RefIndex(Neo4jClient neo4j, EnterpriseRelation written) {
        this.neo4j = neo4j;
        this.written = written;
        this.names = new NameIndex(neo4j);
        for (RefKind k : RefKind.values()) {
            inFile.put(k, new ConcurrentHashMap<>());
            inDb.put(k, new ConcurrentHashMap<>());
        }
    }

    /** A row of this file defines {@code id} (with its chain, or "" when not in a chain). */
    void define(RefKind kind, String id, String chainId) {
        define(kind, id, chainId, null, null);
    }

    /** As {@link #define(RefKind, String, String)}, with the name (and parent segment) later rows may use. */
    void define(RefKind kind, String id, String chainId, String name, String parentId) {
        String chain = chainId == null ? "" : chainId;
        inFile.get(kind).put(id, chain);
        if (name != null) {
            NameIndex.Entry e = new NameIndex.Entry(id, kind == RefKind.CHAIN ? id : chain, name, parentId);
            fileEntries.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, e);
            names.define(kind, e.id(), e.chainId(), name, parentId);
        }
    }

    /** A reference resolved to an id, or the reason it could not be (not found, ambiguous, missing step). */
    record Resolution(String id, String problem) {
    }

    /**
     * Resolves an id, a name or (segments) a path to an id, within {@code chainId} when not null; an ambiguous
     * name lists its candidates.
     */
    Resolution resolve(RefKind kind, String ref, String chainId) {
        if (chainOf(kind, ref) != null) {
            return new Resolution(ref, null);
        }
        String within = kind == RefKind.CHAIN || kind == RefKind.INSTITUTION ? null : chainId;
        Iterable<NameIndex.Entry> defined = fileEntries.getOrDefault(kind, new LinkedHashMap<>()).values();
        NameIndex.Match m = names.find(kind, ref, within, defined);
        if (m.found()) {
            return new Resolution(m.id(), null);
        }
        if (m.candidates().size() > 1) {
            return new Resolution(null, kind.zh + "“" + ref + "”不唯一，对应: " + String.join("、",
                    m.candidates().stream().map(e -> names.describe(kind, e)).toList())
                    + "。请改填编号" + (kind == RefKind.SEGMENT ? "或路径 (如 上级环节/环节)" : ""));
        }
        if (kind == RefKind.SEGMENT && within != null && names.countInChain(kind, within, defined) == 0) {
            return new Resolution(null, "产业链 " + within + " 还没有环节，请先导入产业链环节（第 1 步）");
        }
        if (within != null) {
            NameIndex.Match elsewhere = names.find(kind, ref, null, defined);
            if (!elsewhere.candidates().isEmpty()) {
                return new Resolution(null, "产业链 " + within + " 中没有" + kind.zh + "“" + ref + "”；其他产业链中有: "
                        + String.join("、", elsewhere.candidates().stream().map(e -> names.describe(kind, e)).toList()));
            }
        }
        return new Resolution(null, null);
    }

    /** Chain id of the referenced thing ("" when it has none), or null when it does not exist. */
    String chainOf(RefKind kind, String id) {
        if (id == null) {
            return null;
        }
        String v = inFile.get(kind).get(id);
        if (v == null) {
            v = inDb.get(kind).get(id);
        }
        if (v == null) {
            prefetch(kind, List.of(id));
            v = inDb.get(kind).get(id);
        }
        return v == null || ABSENT.equals(v) ? null : v;
    }

    /** Looks up, in one query, the ids not yet known. */
    void prefetch(RefKind kind, Collection<String> ids) {
        if (kind == RefKind.ENTERPRISE) {
            prefetchEnterprises(ids);
            return;
        }
        Map<String, String> db = inDb.get(kind);
        Map<String, String> file = inFile.get(kind);
        List<String> missing = ids.stream().filter(id -> !db.containsKey(id) && !file.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        String chainExpr = kind == RefKind.CHAIN ? "n.id" : "coalesce(n.chainId, '')";
        // the label comes from the enum, never from user input
        String cypher = "UNWIND $ids AS id MATCH (n:" + kind.label + " {id: id}) RETURN n.id AS id, " + chainExpr + " AS chain";
        for (List<String> part : partition(missing, 10_000)) {
            part.forEach(id -> db.put(id, ABSENT));
            neo4j.query(cypher).bind(part).to("ids").fetch().all()
                    .forEach(r -> db.put((String) r.get("id"), String.valueOf(r.get("chain"))));
        }
    }

    /** Node id of an enterprise already looked up by USCC, or null (not looked up, not found, or named by name only). */
    String nodeId(String uscc) {
        Known k = known.get(uscc);
        return k == null || k.number() < 0 ? null : idPrefix + k.number();
    }

    /**
     * Whether an enterprise already looked up by USCC has any relation of this type; true when unknown, and for
     * types other than the one the file writes (only that one is looked up).
     */
    boolean has(String uscc, EnterpriseRelation relation) {
        Known k = known.get(uscc);
        return k == null || relation != written || (k.relations() & relation.bit()) != 0;
    }

    private long number(String elementId) {
        int colon = elementId.lastIndexOf(':');
        try {
            long n = Long.parseLong(elementId.substring(colon + 1));
            String prefix = elementId.substring(0, colon + 1);
            if (idPrefix == null) {
                idPrefix = prefix;
            }
            return idPrefix.equals(prefix) ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether any provisional enterprise (无信用代码) is stored; asked once per file. */
    boolean hasProvisional() {
        Boolean h = hasProvisional;
        if (h == null) {
            h = neo4j.query("RETURN EXISTS { MATCH (e:Enterprise) WHERE e.provisional = true } AS any")
                    .fetchAs(Boolean.class).one().orElse(false);
            hasProvisional = h;
        }
        return h;
    }

    private static boolean isCode(String code) {
        return Uscc.isValid(code) || Uscc.isProvisional(code);
    }

    EnterpriseMatch enterprise(String ref) {
        if (known.containsKey(ref)) {
            return new EnterpriseMatch(ref, List.of(ref)); // a valid, normalised USCC looked up before
        }
        String code = Uscc.normalise(ref);
        if (isCode(code)) {
            if (!known.containsKey(code) && !byName.containsKey(code)) {
                prefetchEnterprises(List.of(code));
            }
            return known.containsKey(code) ? new EnterpriseMatch(code, List.of(code)) : new EnterpriseMatch(null, List.of());
        }
        EnterpriseMatch m = byName.get(ref);
        if (m == null) {
            prefetchEnterprises(List.of(ref));
            m = byName.get(ref);
        }
        return m;
    }

    private void prefetchEnterprises(Collection<String> refs) {
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String ref : new LinkedHashSet<>(refs)) {
            if (known.containsKey(ref) || byName.containsKey(ref)) {
                continue;
            }
            String code = Uscc.normalise(ref);
            if (isCode(code)) {
                if (!known.containsKey(code) && !byName.containsKey(code)) {
                    codes.add(code);
                }
            } else if (!byName.containsKey(ref)) {
                names.add(ref);
            }
        }
        for (List<String> part : partition(codes, 10_000)) {
            neo4j.query(lookUp()).bind(part).to("ids").fetch().all().forEach(r -> known.put((String) r.get("uscc"),
                    new Known(number((String) r.get("node")), ((Number) r.get("relations")).intValue())));
            // marked unknown only after the query, so a concurrent reader never sees a found code as unknown
            part.stream().filter(c -> !known.containsKey(c)).forEach(c -> byName.put(c, new EnterpriseMatch(null, List.of())));
        }
        for (List<String> part : partition(names, 2_000)) {
            List<Map<String, Object>> params = part.stream().map(n -> Map.<String, Object>of("key", n,
                    "variants", List.of(n, n.replace('(', '（').replace(')', '）')))).toList();
            Map<String, List<String>> full = matchNames(params, "name");
            List<Map<String, Object>> unmatched = params.stream().filter(p -> !full.containsKey((String) p.get("key"))).toList();
            Map<String, List<String>> shortNames = unmatched.isEmpty() ? Map.of() : matchNames(unmatched, "shortName");
            for (String n : part) {
                List<String> c = full.containsKey(n) ? full.get(n) : shortNames.getOrDefault(n, List.of());
                byName.put(n, new EnterpriseMatch(c.size() == 1 ? c.get(0) : null, c));
            }
        }
    }

    /** The enterprise look-up, with a check for the written relation type (each check walks the node's relations). */
    private String lookUp() {
        String check = written == null ? "0" : switch (written) {
            case SUPPLIES -> "CASE WHEN EXISTS { (e)-[:SUPPLIES]-() } THEN 1 ELSE 0 END";
            case IN_SEGMENT -> "CASE WHEN EXISTS { (e)-[:IN_SEGMENT]->() } THEN 2 ELSE 0 END";
            case MAKES -> "CASE WHEN EXISTS { (e)-[:MAKES]->() } THEN 4 ELSE 0 END";
        };
        // the check is one of the constants above, never user input
        return """
                UNWIND $ids AS id MATCH (e:Enterprise {uscc: id})
                RETURN e.uscc AS uscc, elementId(e) AS node, %s AS relations
                """.formatted(check);
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<String>> matchNames(List<Map<String, Object>> params, String property) {
        // property is one of two constants, never user input
        String cypher = "UNWIND $refs AS ref MATCH (e:Enterprise) WHERE e." + property
                + " IN ref.variants RETURN ref.key AS key, collect(DISTINCT e.uscc)[0..6] AS usccs";
        Map<String, List<String>> result = new HashMap<>();
        neo4j.query(cypher).bind(params).to("refs").fetch().all()
                .forEach(r -> result.put((String) r.get("key"), List.copyOf((Collection<String>) r.get("usccs"))));
        return result;
    }

    private static <T> List<List<T>> partition(List<T> list, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            parts.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return parts;
    }
}
