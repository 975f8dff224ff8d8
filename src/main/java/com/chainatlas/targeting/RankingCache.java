package com.chainatlas.targeting;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.chainatlas.system.ComputeOnceCache;

import com.chainatlas.targeting.TargetModel.TargetQuery;

/**
 * Whole rankings per (analysis-snapshot version, normalised query): paging through a ranking, its export and the
 * same query from another client cost one computation (1–2 s of CPU on a large chain) until the data changes (a
 * new snapshot version) or the day does. Bounded LRU; identical requests arriving together wait for one computation. A ranking
 * with more rows than {@link #MAX_ROWS} is not kept (memory).
 */
final class RankingCache {

    static final int ENTRIES = 32;
    static final int MAX_ROWS = 50_000;

    /** {@code day}: the ranking's date (expansion signals decay daily). */
    record Key(long version, TargetQuery query, java.time.LocalDate day) {
    }

    private final ComputeOnceCache<Key, TargetService.Ranking> entries =
            new ComputeOnceCache<>(ENTRIES, r -> r.rows().size() <= MAX_ROWS);

    TargetService.Ranking get(Key key, Supplier<TargetService.Ranking> compute) {
        return entries.get(key, compute);
    }

    TargetService.Ranking peek(Key key) {
        return entries.peek(key);
    }

    /** The distinct queries of {@code chainId} without as-of date, most recently asked first (any snapshot version). */
    List<TargetQuery> recent(String chainId, int limit) {
        return entries.keysMostRecentFirst().stream().map(Key::query)
                .filter(q -> chainId.equals(q.chain()) && q.asOf() == null).distinct().limit(limit).toList();
    }

    int size() {
        return entries.size();
    }

    /**
     * The query as a cache key, equal for queries that rank the same: the default preset filled in (a preset is
     * ignored when weights are given), repeated segments dropped (segments keep their order), province and tag
     * filters as sorted sets (they are membership tests).
     */
    static TargetQuery normalised(TargetQuery q) {
        return new TargetQuery(q.chain(), q.region(), q.zone(), q.segments().stream().distinct().toList(),
                q.weights() != null ? null : q.preset() == null ? "balanced" : q.preset(), q.weights(),
                sorted(q.includeProvinces()), sorted(q.excludeProvinces()), q.sizeBand(), sorted(q.tags()), q.minScore(),
                q.asOf());
    }

    private static List<String> sorted(List<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
