package com.chainatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Remembers natural keys seen in a file (for duplicate rows) with the row that first had each, in
 * about 12 bytes per key: keys are stored as 64-bit hashes in an open-addressing table. Two different keys
 * collide with probability ~n²/2⁶⁵ (about 10⁻⁶ for 5 million keys); a collision would report a false
 * duplicate, never let a real one through.
 */
public final class KeyIndex {

    private long[] hashes = new long[1 << 10];
    private int[] rows = new int[1 << 10];
    private int size;

    /** Records the key at {@code row}; returns the row that already had it, or 0. */
    public int putIfAbsent(String key, int row) {
        return putHashIfAbsent(hash(key), row);
    }

    /** As {@link #putIfAbsent(String, int)} with the key's {@link #hash} computed beforehand (e.g. on another thread). */
    public int putHashIfAbsent(long h, int row) {
        if (h == 0) {
            h = 1;
        }
        if ((size + 1) * 4L > hashes.length * 3L) {
            grow();
        }
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != 0) {
            if (hashes[i] == h) {
                return rows[i];
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        rows[i] = row;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldH = hashes;
        int[] oldR = rows;
        hashes = new long[oldH.length * 2];
        rows = new int[oldR.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldH.length; j++) {
            if (oldH[j] != 0) {
                int i = (int) (oldH[j] ^ (oldH[j] >>> 32)) & mask;
                while (hashes[i] != 0) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldH[j];
                rows[i] = oldR[j];
            }
        }
    }

    /** 64-bit FNV-1a over UTF-8 with a final avalanche (murmur3 fmix64). */
    public static long hash(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Override
    public String toString() {
        return "KeyIndex[" + size + " of " + Arrays.stream(new int[]{hashes.length}).sum() + "]";
    }
}
