package com.chainatlas.system;

import java.util.function.Supplier;

/**
 * Read results cached until the data changes ({@link DataGeneration}): a bounded LRU where identical requests
 * arriving together wait for one computation. Used for database reads that many clients repeat (enterprise list
 * pages, chain structures), which otherwise cost a query each under load. Another instance's change is seen
 * within the data-version poll interval, as for snapshots.
 */
public final class GenerationCache<K, V> {

    private record Entry<K>(long generation, K key) {
    }

    private final DataGeneration generation;
    private final ComputeOnceCache<Entry<K>, V> cache;

    public GenerationCache(DataGeneration generation, int capacity) {
        this.generation = generation;
        this.cache = new ComputeOnceCache<>(capacity, v -> true);
    }

    /** The value for {@code key} in the current generation, computed by {@code compute} when it is not cached. */
    public V get(K key, Supplier<V> compute) {
        long g = generation.current();
        // a result computed while the generation moves is stored under the old one and never served again
        return g < 0 ? compute.get() : cache.get(new Entry<>(g, key), compute);
    }

    public int size() {
        return cache.size();
    }
}
