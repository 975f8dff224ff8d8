package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * {@link UsccIndex} against a {@link HashMap} over random patch sequences: keys removed (backward-shift deletion inside
 * long probe runs: near-consecutive keys), indices renumbered as a sorted array's after removals and inserts, keys
 * added, the table grown; the old index must keep answering for the old array (readers of the base snapshot).
 */
class UsccIndexTest {

    @Test
    void patchedIndexAnswersAsAMapOfTheNewArray() {
        Random random = new Random(14);
        for (int round = 0; round < 20; round++) {
            TreeSet<String> keys = new TreeSet<>();
            int n = random.nextInt(3_000);
            while (keys.size() < n) {
                keys.add(key(random));
            }
            String[] array = keys.toArray(String[]::new);
            UsccIndex index = UsccIndex.of(array);
            check(index, array, random);
            for (int step = 0; step < 15; step++) {
                // remove some, add some (sometimes many: the table grows), keep the array sorted as a snapshot's
                List<Integer> gone = new ArrayList<>();
                TreeSet<String> next = new TreeSet<>(keys);
                int removals = array.length == 0 ? 0 : random.nextInt(Math.min(array.length, 1 + random.nextInt(200)));
                for (int r = 0; r < removals; r++) {
                    int g = random.nextInt(array.length);
                    if (!gone.contains(g)) {
                        gone.add(g);
                        next.remove(array[g]);
                    }
                }
                int additions = random.nextInt(4) == 0 ? random.nextInt(3_000) : random.nextInt(50);
                List<String> addedKeys = new ArrayList<>();
                for (int a = 0; a < additions; a++) {
                    String k = random.nextInt(5) == 0 && !gone.isEmpty() ? array[gone.get(0)] : key(random); // a key back
                    if (next.add(k)) {
                        addedKeys.add(k);
                    }
                }
                String[] newArray = next.toArray(String[]::new);
                Map<String, Integer> where = new HashMap<>();
                for (int i = 0; i < newArray.length; i++) {
                    where.put(newArray[i], i);
                }
                int[] oldToNew = new int[array.length];
                boolean identity = true;
                for (int i = 0; i < array.length; i++) {
                    oldToNew[i] = gone.contains(i) ? -1 : where.get(array[i]);
                    identity &= oldToNew[i] < 0 || oldToNew[i] == i;
                }
                int[] added = addedKeys.stream().mapToInt(where::get).toArray();
                int[] goneArray = gone.stream().mapToInt(Integer::intValue).toArray();
                UsccIndex patched = index.patched(Arrays.copyOf(goneArray, goneArray.length + 3), goneArray.length,
                        oldToNew, identity, newArray, added);
                check(index, array, random); // the base's index is unchanged
                check(patched, newArray, random);
                assertThat(patched).isEqualTo(UsccIndex.of(newArray));
                index = patched;
                array = newArray;
                keys = next;
            }
        }
    }

    @Test
    void equalityIsByContent() {
        String[] a = {"91A", "91B", "91C"};
        assertThat(UsccIndex.of(a)).isEqualTo(UsccIndex.of(a.clone()));
        assertThat(UsccIndex.of(a)).isNotEqualTo(UsccIndex.of(new String[]{"91A", "91C", "91B"}));
        assertThat(UsccIndex.of(a)).isNotEqualTo(UsccIndex.of(new String[]{"91A", "91B"}));
    }

    private static void check(UsccIndex index, String[] array, Random random) {
        assertThat(index.size()).isEqualTo(array.length);
        for (int i = 0; i < array.length; i++) {
            assertThat(index.find(array[i])).as(array[i]).isEqualTo(i);
            assertThat(index.find(new String(array[i]))).isEqualTo(i); // equal, not the same string
        }
        for (int t = 0; t < 200; t++) {
            String k = key(random);
            assertThat(index.find(k)).isEqualTo(Arrays.binarySearch(array, k) >= 0 ? Arrays.binarySearch(array, k) : -1);
        }
        assertThat(index.find(null)).isEqualTo(-1);
    }

    /** Near-consecutive keys, as USCCs of one registration office are: long probe runs. */
    private static String key(Random random) {
        return String.format("91110000%010d", random.nextInt(20_000));
    }
}
