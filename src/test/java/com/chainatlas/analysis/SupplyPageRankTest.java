package com.chainatlas.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.jgrapht.alg.scoring.PageRank;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SupplyPageRank} against JGraphT's {@link PageRank} on the same compressed-row supply networks. */
class SupplyPageRankTest {

    @ParameterizedTest
    @CsvSource({"1, 0, 1", "2, 1, 2", "12, 30, 3", "60, 150, 4", "300, 40, 5", "5000, 25000, 6", "40000, 200000, 7"})
    void agreesWithJGraphT(int n, int relations, long seed) {
        int[][] csr = randomNetwork(n, relations, new SplittableRandom(seed));
        int[] inStart = csr[0];
        int[] inSupplier = csr[1];
        double[] ours = SupplyPageRank.scores(n, inStart, inSupplier);
        Map<Integer, Double> theirs = new PageRank<>(new SnapshotSupplyGraph(n, inStart, inSupplier)).getScores();
        double sum = 0;
        for (int v = 0; v < n; v++) {
            double expected = theirs.get(v);
            assertEquals(expected, ours[v], 1e-12 * expected, "enterprise " + v + " of " + n);
            sum += ours[v];
        }
        assertEquals(1.0, sum, 1e-9, "scores are a distribution");
        if (relations > 0 && n > 2) {
            double max = Arrays.stream(ours).max().orElseThrow();
            double min = Arrays.stream(ours).min().orElseThrow();
            assertTrue(max > min, "a network with relations ranks its enterprises apart");
        }
    }

    @ParameterizedTest
    @CsvSource({"3000, 9000, 11"})
    void isDeterministic(int n, int relations, long seed) {
        int[][] csr = randomNetwork(n, relations, new SplittableRandom(seed));
        assertTrue(Arrays.equals(SupplyPageRank.scores(n, csr[0], csr[1]), SupplyPageRank.scores(n, csr[0], csr[1])));
    }

    /** Distinct supplier → customer pairs without self-loops, some enterprises without any, by customer. */
    private static int[][] randomNetwork(int n, int relations, SplittableRandom random) {
        TreeSet<Long> pairs = new TreeSet<>();
        for (int i = 0; i < relations && n > 1; i++) {
            int customer = random.nextInt(n);
            int supplier = random.nextInt(10) == 0 ? customer % Math.max(1, n / 10) : random.nextInt(n); // some hubs
            if (supplier != customer) {
                pairs.add((long) customer << 32 | supplier);
            }
        }
        int[] inStart = new int[n + 1];
        int[] inSupplier = new int[pairs.size()];
        int k = 0;
        for (long pair : pairs) {
            inStart[(int) (pair >>> 32) + 1]++;
            inSupplier[k++] = (int) pair;
        }
        for (int v = 0; v < n; v++) {
            inStart[v + 1] += inStart[v];
        }
        return new int[][]{inStart, inSupplier};
    }
}
