package com.chainatlas.bulk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.RefKind;

/**
 * What the files of one bulk load define, for the references of later files: the target database is new, so
 * "exists in the system" means "defined by an earlier file (or row) of this load". Chain things are found by id;
 * enterprises by credit code, full name or short name (a name must match exactly one enterprise), as the
 * importer resolves them.
 *
 * <p>Each enterprise gets a <em>number</em> when it is defined: its place among the enterprises of the load, from
 * 0, in file order. A reference resolves to that number, which the validator hands to the writers with the row
 * ({@link BulkRow#enterpriseNumber}), so {@link BulkGraphFiles} numbers relationship ends without looking the
 * credit code up a second time (at 1 M enterprises / 5 M supplies those look-ups were a tenth of the load's CPU
 * samples, docs/scale.md).
 */
final class BulkRefs {

    private static final String AMBIGUOUS = "\u0000";
    /** The number of a reference that does not resolve. */
    static final int NONE = -1;

    /** kind → id → chain id ("" when not in a chain) */
    private final Map<RefKind, Map<String, String>> defined = new EnumMap<>(RefKind.class);
    /** credit code (or provisional key) → the enterprise's number; {@link #usccs} the other way */
    private final Map<String, Integer> enterprises = new HashMap<>(1 << 16);
    private final List<String> usccs = new ArrayList<>(1 << 16);
    private final Map<String, String> byName = new HashMap<>(1 << 16);
    private final Map<String, String> byShortName = new HashMap<>(1 << 16);

    BulkRefs() {
        for (RefKind k : RefKind.values()) {
            defined.put(k, new HashMap<>());
        }
    }

    void define(RefKind kind, String id, String chainId) {
        defined.get(kind).put(id, chainId == null ? "" : chainId);
    }

    /** The chain id of a defined thing ("" when it has none), or null when nothing defines it. */
    String chainOf(RefKind kind, String id) {
        return id == null ? null : defined.get(kind).get(id);
    }

    /** Defines an enterprise (a credit code defined once: the validator rejects duplicate keys first); its number. */
    int defineEnterprise(String uscc, String name, String shortName) {
        Integer known = enterprises.putIfAbsent(uscc, usccs.size());
        if (known != null) {
            return known;
        }
        usccs.add(uscc);
        if (name != null) {
            byName.merge(name, uscc, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
        if (shortName != null) {
            byShortName.merge(shortName, uscc, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
        return usccs.size() - 1;
    }

    /**
     * The number of the enterprise a reference (credit code, full or short name) stands for, or {@link #NONE}
     * (then {@link #enterpriseProblem} says why).
     */
    int enterprise(String ref) {
        Integer n = enterprises.get(ref);
        if (n != null) {
            return n;
        }
        String code = Uscc.normalise(ref);
        if (Uscc.isValid(code) || Uscc.isProvisional(code)) {
            return number(code);
        }
        String u = byName.get(ref);
        if (u == null) {
            u = byShortName.get(ref);
        }
        return u == null || AMBIGUOUS.equals(u) ? NONE : number(u);
    }

    /** The credit code (or provisional key) of a defined enterprise's number. */
    String uscc(int number) {
        return usccs.get(number);
    }

    private int number(String uscc) {
        Integer n = enterprises.get(uscc);
        return n == null ? NONE : n;
    }

    /** The importer's reasons for an enterprise reference that does not resolve. */
    String enterpriseProblem(String ref) {
        if (AMBIGUOUS.equals(byName.get(ref)) || !byName.containsKey(ref) && AMBIGUOUS.equals(byShortName.get(ref))) {
            return "企业名称不唯一，匹配到多家企业，请改填统一社会信用代码";
        }
        return "未找到该企业 (请先导入企业，或改填统一社会信用代码/企业全称)";
    }
}
