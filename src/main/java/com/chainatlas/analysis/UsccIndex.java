package com.chainatlas.analysis;

import java.util.Arrays;

/**
 * USCC → enterprise index of one snapshot: open addressing with linear probing over an {@code int[]} (index + 1, 0 =
 * empty), so a {@link SnapshotDelta} finds the base's touched enterprises in O(touched) instead of hashing all n
 * keys. Immutable once built; a delta gets a patched copy ({@link #patched}): the table copied, the touched keys
 * deleted (backward shift, no tombstones), the indices renumbered, the delta's keys inserted, so the base keeps its
 * own table for the requests still reading it.
 *
 * <p>Hash codes are mixed (Murmur3's finaliser): USCC hash codes are near-consecutive, which clusters badly in a
 * table indexed by their low bits. Equality is by content (same keys at the same indices), whatever the slot layout.
 */
final class UsccIndex {

    private final int[] slots;
    private final int mask;
    private final String[] uscc;

    private UsccIndex(int[] slots, String[] uscc) {
        this.slots = slots;
        this.mask = slots.length - 1;
        this.uscc = uscc;
    }

    /** The index of {@code uscc} (distinct keys), at most half full. O(n). */
    static UsccIndex of(String[] uscc) {
        UsccIndex index = new UsccIndex(new int[capacity(uscc.length)], uscc);
        for (int e = 0; e < uscc.length; e++) {
            index.insert(uscc[e], e);
        }
        return index;
    }

    private static int capacity(int n) {
        int c = 16;
        while (c < 2L * n + 2) {
            c <<= 1;
        }
        return c;
    }

    /** Index of the enterprise with this key, or -1. */
    int find(String key) {
        if (key == null) {
            return -1;
        }
        for (int i = home(key); ; i = (i + 1) & mask) {
            int v = slots[i];
            if (v == 0) {
                return -1;
            }
            if (uscc[v - 1].equals(key)) {
                return v - 1;
            }
        }
    }

    int size() {
        int size = 0;
        for (int v : slots) {
            size += v == 0 ? 0 : 1;
        }
        return size;
    }

    long estimatedBytes() {
        return 16 + 4L * slots.length;
    }

    /**
     * The index of the snapshot after a delta: {@code gone} (indices into this index's keys) removed, every kept
     * index {@code i} renumbered to {@code oldToNew[i]} ({@code identity}: unchanged), and {@code added} (indices
     * into {@code newUscc}) inserted. O(touched) plus one pass over the table's ints when indices moved; rebuilt
     * whole when it would be more than half full.
     */
    UsccIndex patched(int[] gone, int goneCount, int[] oldToNew, boolean identity, String[] newUscc, int[] added) {
        if (2L * newUscc.length + 2 > slots.length) {
            return of(newUscc);
        }
        UsccIndex next = new UsccIndex(slots.clone(), uscc); // still the old keys while deleting
        for (int g = 0; g < goneCount; g++) {
            next.delete(uscc[gone[g]]);
        }
        int[] t = next.slots;
        if (!identity) {
            for (int i = 0; i < t.length; i++) {
                if (t[i] != 0) {
                    t[i] = oldToNew[t[i] - 1] + 1;
                }
            }
        }
        UsccIndex result = new UsccIndex(t, newUscc);
        for (int e : added) {
            result.insert(newUscc[e], e);
        }
        return result;
    }

    private void insert(String key, int e) {
        int i = home(key);
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e + 1;
    }

    private void delete(String key) {
        int i = home(key);
        while (slots[i] != 0 && !uscc[slots[i] - 1].equals(key)) {
            i = (i + 1) & mask;
        }
        if (slots[i] == 0) {
            return;
        }
        // backward shift: move later entries of the probe run up unless their home lies cyclically in (i, j]
        for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
            int k = home(uscc[slots[j] - 1]);
            boolean stays = i <= j ? i < k && k <= j : i < k || k <= j;
            if (!stays) {
                slots[i] = slots[j];
                i = j;
            }
        }
        slots[i] = 0;
    }

    private int home(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & mask;
    }

    /** Same keys at the same indices (the slot layout depends on the order of inserts and deletes). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UsccIndex other) || other.uscc.length != uscc.length || other.size() != size()) {
            return false;
        }
        for (int v : slots) {
            if (v != 0 && other.find(uscc[v - 1]) != v - 1) {
                return false;
            }
        }
        return Arrays.equals(uscc, other.uscc);
    }

    @Override
    public int hashCode() {
        return uscc.length;
    }

    @Override
    public String toString() {
        return "UsccIndex(" + size() + " keys, " + slots.length + " slots)";
    }
}
