package com.chainatlas.targeting.linkprediction;

import java.util.HashSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random hold-out (留出法) for evaluating link prediction on a supply network.
 *
 * <ol>
 * <li>The distinct relations are shuffled with {@code new Random(seed)}; the first
 * round(fraction · m) are held out, the rest form the training network (same firm numbering).</li>
 * <li>A held-out relation s → c is a <em>positive</em> test pair only if c still buys from someone and
 * s still sells to someone in the training network; otherwise it is dropped (nothing is left to
 * predict it from) and counted in {@link #droppedPositives()}.</li>
 * <li>As many <em>negatives</em>, type-matched: a firm drawn uniformly from those that still buy
 * (customer role) paired with one drawn uniformly from those that still sell (supplier role), not
 * the same firm, not related in either direction in the full network, no pair twice.</li>
 * </ol>
 * Deterministic for a given network, fraction and seed. O(m + tries) time; sampling gives up with an
 * {@link IllegalArgumentException} after 100 tries per negative (a nearly complete network).
 */
final class HoldOutSplit {

    private final SupplyNetwork training;
    /** {supplier, customer} per positive test pair. */
    private final int[][] positives;
    /** {supplier, customer} per negative test pair. */
    private final int[][] negatives;
    private final int heldOut;
    private final int droppedPositives;

    /**
     * @throws IllegalArgumentException if the fraction is not in (0, 1), if it would hold out no
     *         relation or all of them, or if no positive test pair remains
     */
    HoldOutSplit(SupplyNetwork full, double fraction, long seed) {
        Objects.requireNonNull(full, "network");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("hold-out fraction must be in (0, 1), was " + fraction);
        }
        int[][] relations = full.relations();
        int m = relations.length;
        int hold = (int) Math.round(fraction * m);
        if (hold < 1 || hold >= m) {
            throw new IllegalArgumentException("hold-out of " + fraction + " leaves " + hold + " of " + m
                    + " relations for testing; need at least 1 and fewer than all (网络太小)");
        }
        Random random = new Random(seed);
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] t = relations[i];
            relations[i] = relations[j];
            relations[j] = t;
        }
        int[][] kept = new int[m - hold][];
        System.arraycopy(relations, hold, kept, 0, m - hold);
        training = full.withRelations(kept);
        heldOut = hold;

        int[][] pos = new int[hold][];
        int p = 0;
        for (int i = 0; i < hold; i++) {
            int c = relations[i][0];
            int s = relations[i][1];
            if (training.suppliersOf(c).length > 0 && training.customersOf(s).length > 0) {
                pos[p++] = new int[] {s, c};
            }
        }
        droppedPositives = hold - p;
        if (p == 0) {
            throw new IllegalArgumentException("every held-out relation lost its customer or supplier; no test pairs");
        }
        positives = java.util.Arrays.copyOf(pos, p);
        negatives = sampleNegatives(full, training, p, random);
    }

    private static int[][] sampleNegatives(SupplyNetwork full, SupplyNetwork training, int count, Random random) {
        int n = training.firmCount();
        int[] buyers = new int[n];
        int[] sellers = new int[n];
        int nb = 0;
        int ns = 0;
        for (int v = 0; v < n; v++) {
            if (training.suppliersOf(v).length > 0) {
                buyers[nb++] = v;
            }
            if (training.customersOf(v).length > 0) {
                sellers[ns++] = v;
            }
        }
        int[][] out = new int[count][];
        Set<Long> seen = new HashSet<>();
        long tries = 0;
        long maxTries = 100L * count + 1000;
        int k = 0;
        while (k < count) {
            if (++tries > maxTries) {
                throw new IllegalArgumentException("could not find " + count + " unrelated customer–supplier pairs after "
                        + maxTries + " tries; the network is too dense for type-matched negatives");
            }
            int c = buyers[random.nextInt(nb)];
            int s = sellers[random.nextInt(ns)];
            if (c == s || full.hasRelation(s, c) || full.hasRelation(c, s) || !seen.add((long) s * n + c)) {
                continue;
            }
            out[k++] = new int[] {s, c};
        }
        return out;
    }

    SupplyNetwork training() {
        return training;
    }

    int[][] positives() {
        return positives;
    }

    int[][] negatives() {
        return negatives;
    }

    int heldOut() {
        return heldOut;
    }

    int droppedPositives() {
        return droppedPositives;
    }

    /** ROC-AUC of a scorer built on {@link #training()} over this split's test pairs. */
    double rocAuc(PairScorer scorer) {
        return RocAuc.of(scores(scorer, positives), scores(scorer, negatives));
    }

    private static double[] scores(PairScorer scorer, int[][] pairs) {
        double[] out = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = scorer.score(pairs[i][0], pairs[i][1]);
        }
        return out;
    }
}
