package com.chainatlas.targeting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.TreeSet;
import java.util.function.Supplier;

import com.chainatlas.system.ComputeOnceCache;

import com.chainatlas.targeting.TargetModel.TargetQuery;

/**
 * Whole rankings per (analysis-snapshot version, normalised query): paging through a ranking, its export and the
 * same query from another client cost one computation (1–2 s of CPU on a large chain) until the data changes (a
 * new snapshot version) or the day does. Bounded LRU; identical requests arriving together wait for one computation.
 * Rankings of any size are kept: their rows are a sorted index array ({@link RankedRows}, an int a row, plus the
 * facts they were ranked from, shared by the rankings of one region), so the ranking of every candidate of a
 * national chain (hundreds of thousands) is kept too and a page is a slice.
 */
final class RankingCache {

    static final int ENTRIES = 32;

    /** {@code day}: the ranking's date (expansion signals decay daily). */
    record Key(long version, TargetQuery query, java.time.LocalDate day) {
    }

    private final ComputeOnceCache<Key, TargetService.Ranking> entries =
            new ComputeOnceCache<>(ENTRIES, r -> true);

    /** The last computed ranking per (query, day), any snapshot version: what a refreshing request may show. */
    private record Latest(TargetQuery query, java.time.LocalDate day) {
    }

    private final Map<Latest, TargetService.Ranking> latest = lru(ENTRIES * 2);
    /** Keys whose background computation failed: the next request computes them itself (and sees the error). */
    private final Map<Key, Boolean> failedInBackground = lru(ENTRIES);

    TargetService.Ranking get(Key key, Supplier<TargetService.Ranking> compute) {
        return entries.get(key, remembered(key, compute));
    }

    /** Starts computing {@code key} on {@code executor} unless that is under way or done; its future either way. */
    CompletableFuture<TargetService.Ranking> getAsync(Key key, Supplier<TargetService.Ranking> compute, Executor executor) {
        CompletableFuture<TargetService.Ranking> f = entries.getAsync(key, remembered(key, compute), executor);
        f.whenComplete((r, e) -> {
            if (e != null) {
                failedInBackground.put(key, Boolean.TRUE);
            }
        });
        return f;
    }

    /**
     * The ranking of the same query and day on an older snapshot version, if one was computed and the background
     * computation of {@code key} has not failed; else null.
     */
    TargetService.Ranking olderVersionOf(Key key) {
        if (failedInBackground.containsKey(key)) {
            return null;
        }
        TargetService.Ranking r = latest.get(new Latest(key.query(), key.day()));
        return r != null && r.snapshotVersion() < key.version() ? r : null;
    }

    private Supplier<TargetService.Ranking> remembered(Key key, Supplier<TargetService.Ranking> compute) {
        return () -> {
            TargetService.Ranking r = compute.get();
            latest.merge(new Latest(key.query(), key.day()), r,
                    (old, now) -> now.snapshotVersion() >= old.snapshotVersion() ? now : old);
            failedInBackground.remove(key);
            return r;
        };
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
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
