package com.chainatlas.bulk;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.chainatlas.enterprise.Uscc;
import com.chainatlas.ingest.RefKind;

/**
 * What the files of one bulk load define, for the references of later files: the target database is new, so
 * "exists in the system" means "defined by an earlier file (or row) of this load". Chain things are found by id;
 * enterprises by credit code, full name or short name (a name must match exactly one enterprise), as the
 * importer resolves them.
 */
final class BulkRefs {

    private static final String AMBIGUOUS = "\u0000";

    /** kind → id → chain id ("" when not in a chain) */
    private final Map<RefKind, Map<String, String>> defined = new EnumMap<>(RefKind.class);
    /** credit code (or provisional key) → full name */
    private final Map<String, String> enterprises = new HashMap<>(1 << 16);
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

    void defineEnterprise(String uscc, String name, String shortName) {
        enterprises.put(uscc, name);
        if (name != null) {
            byName.merge(name, uscc, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
        if (shortName != null) {
            byShortName.merge(shortName, uscc, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
        }
    }

    boolean hasEnterprise(String uscc) {
        return enterprises.containsKey(uscc);
    }

    int enterpriseCount() {
        return enterprises.size();
    }

    /** The credit code an enterprise reference stands for, or null (then {@link #enterpriseProblem} says why). */
    String enterprise(String ref) {
        if (enterprises.containsKey(ref)) {
            return ref;
        }
        String code = Uscc.normalise(ref);
        if (Uscc.isValid(code) || Uscc.isProvisional(code)) {
            return enterprises.containsKey(code) ? code : null;
        }
        String u = byName.get(ref);
        if (u == null) {
            u = byShortName.get(ref);
        }
        return u == null || AMBIGUOUS.equals(u) ? null : u;
    }

    /** The importer's reasons for an enterprise reference that does not resolve. */
    String enterpriseProblem(String ref) {
        if (AMBIGUOUS.equals(byName.get(ref)) || !byName.containsKey(ref) && AMBIGUOUS.equals(byShortName.get(ref))) {
            return "企业名称不唯一，匹配到多家企业，请改填统一社会信用代码";
        }
        return "未找到该企业 (请先导入企业，或改填统一社会信用代码/企业全称)";
    }
}
