package com.chainatlas.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded LRU of computed results where identical requests arriving together wait for one computation instead of
 * each doing it. A failed computation is not kept; callers that waited for it try once more themselves (the owner
 * may have been refused a place by {@link ExpensiveRequests}, which says nothing about their own request).
 */
public final class ComputeOnceCache<K, V> {

    private final Map<K, CompletableFuture<V>> entries;
    private final Predicate<V> keep;

    /** {@code keep}: whether a computed value may stay (e.g. not when it is too large). */
    public ComputeOnceCache(int capacity, Predicate<V> keep) {
        this.keep = keep;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, CompletableFuture<V>> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The cached value of {@code key}, or {@code compute}'s, which runs only when nobody has or is computing it. */
    public V get(K key, Supplier<V> compute) {
        for (int attempt = 0; ; attempt++) {
            CompletableFuture<V> mine = new CompletableFuture<>();
            CompletableFuture<V> existing = entries.putIfAbsent(key, mine);
            if (existing == null) {
                return computeInto(key, mine, compute);
            }
            try {
                return existing.join();
            } catch (CompletionException e) {
                if (attempt >= 1) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
                // the owner failed and removed its entry: try (once) ourselves
            }
        }
    }

    /**
     * Starts {@code compute} on {@code executor} unless someone has or is computing the value already; returns the
     * value's future either way. A refused task (executor full) completes the future exceptionally with the refusal
     * and keeps nothing, so a later call tries again.
     */
    public CompletableFuture<V> getAsync(K key, Supplier<V> compute, Executor executor) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = entries.putIfAbsent(key, mine);
        if (existing != null) {
            return existing;
        }
        try {
            executor.execute(() -> {
                try {
                    computeInto(key, mine, compute);
                } catch (RuntimeException | Error e) {
                    // kept in the future, which its callers read
                }
            });
        } catch (RejectedExecutionException e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /** The value if it is cached and computed, else null; never computes. */
    public V peek(K key) {
        CompletableFuture<V> f = entries.get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    private V computeInto(K key, CompletableFuture<V> mine, Supplier<V> compute) {
        try {
            V v = compute.get();
            mine.complete(v);
            if (!keep.test(v)) {
                entries.remove(key, mine);
            }
            return v;
        } catch (RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The keys, most recently used first. */
    public java.util.List<K> keysMostRecentFirst() {
        java.util.List<K> keys;
        synchronized (entries) {
            keys = new java.util.ArrayList<>(entries.keySet());
        }
        java.util.Collections.reverse(keys);
        return keys;
    }

    public int size() {
        return entries.size();
    }
}
