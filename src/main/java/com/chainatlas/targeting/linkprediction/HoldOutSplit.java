package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
 * <li>As many <em>negatives</em>, drawn by the {@link NegativeProtocol} (default {@code uniform}) with
 * the same {@code Random}: never the same firm twice in a pair, never a pair related in either
 * direction in the full network, no pair twice, and both firms still trading in the training network.
 * <ul>
 * <li>uniform: a firm drawn uniformly from those that still buy paired with one drawn uniformly from
 * those that still sell;</li>
 * <li>same-customer: for each positive s → c, c with a seller drawn uniformly;</li>
 * <li>same-supplier: for each positive s → c, s with a buyer drawn uniformly.</li>
 * </ul>
 * For the last two, a firm related to nearly every firm of the other role gets its negative by a scan
 * of the eligible firms after 100 failed draws, and none when there is none left
 * ({@link #positivesWithoutNegative()}).</li>
 * </ol>
 * Deterministic for a given network, fraction, seed and protocol; for {@code uniform} the same split
 * as before the protocols existed. O(m + tries) time; uniform sampling gives up with an
 * {@link IllegalArgumentException} after 100 tries per negative (a nearly complete network).
 */
final class HoldOutSplit {

    private static final int TRIES = 100;

    private final SupplyTieNetwork full;
    private final SupplyTieNetwork training;
    private final NegativeProtocol protocol;
    /** {supplier, customer} per positive test pair. */
    private final int[][] positives;
    /** {supplier, customer} per negative test pair. */
    private final int[][] negatives;
    private final int heldOut;
    private final int droppedPositives;
    private final int positivesWithoutNegative;

    /** Uniform negatives, as {@link #HoldOutSplit(SupplyTieNetwork, double, long, NegativeProtocol)}. */
    HoldOutSplit(SupplyTieNetwork full, double fraction, long seed) {
        this(full, fraction, seed, NegativeProtocol.UNIFORM);
    }

    /**
     * @throws IllegalArgumentException if the fraction is not in (0, 1), if it would hold out no
     *         relation or all of them, or if no positive test pair remains
     */
    HoldOutSplit(SupplyTieNetwork full, double fraction, long seed, NegativeProtocol protocol) {
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
        this.full = full;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.training = full.withRelations(Arrays.copyOfRange(relations, hold, m));
        this.heldOut = hold;
        this.positives = positives(relations, hold);
        this.droppedPositives = hold - positives.length;
        int[] without = new int[1];
        this.negatives = sample(protocol, random, without);
        this.positivesWithoutNegative = without[0];
    }

    /**
     * A hand-made split for tests: exactly these {customer, supplier} relations held out, and as
     * negatives <em>every</em> pair the protocol could draw from (uniform: every eligible pair of a
     * firm that still buys and one that still sells; same-customer: every eligible seller of each
     * positive's customer; same-supplier: every eligible buyer of each positive's supplier), so the
     * figures can be worked out by hand. The sampled negatives are uniform draws from these sets.
     *
     * @throws IllegalArgumentException if a pair is not a relation of the network or no positive remains
     */
    HoldOutSplit(SupplyTieNetwork full, String[][] heldOutCustomerSupplier, NegativeProtocol protocol) {
        this.full = Objects.requireNonNull(full, "network");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        Set<Long> held = new HashSet<>();
        int[][] order = new int[heldOutCustomerSupplier.length][];
        for (int i = 0; i < order.length; i++) {
            int c = full.indexOf(heldOutCustomerSupplier[i][0]).orElse(-1);
            int s = full.indexOf(heldOutCustomerSupplier[i][1]).orElse(-1);
            if (c < 0 || s < 0 || !full.hasRelation(s, c)) {
                throw new IllegalArgumentException("not a relation: " + Arrays.toString(heldOutCustomerSupplier[i]));
            }
            order[i] = new int[] {c, s};
            held.add((long) c * full.firmCount() + s);
        }
        int[][] kept = Arrays.stream(full.relations()).filter(r -> !held.contains((long) r[0] * full.firmCount() + r[1]))
                .toArray(int[][]::new);
        this.training = full.withRelations(kept);
        this.heldOut = order.length;
        this.positives = positives(order, order.length);
        this.droppedPositives = heldOut - positives.length;
        this.negatives = everyNegative();
        this.positivesWithoutNegative = 0;
    }

    /** Every pair the protocol draws from, for the positives of this split (no pair twice). */
    private int[][] everyNegative() {
        int[] buyers = training.buyers();
        int[] sellers = training.sellers();
        java.util.LinkedHashSet<List<Integer>> pairs = new java.util.LinkedHashSet<>();
        if (protocol == NegativeProtocol.UNIFORM) {
            for (int c : buyers) {
                for (int s : sellers) {
                    if (eligible(s, c)) {
                        pairs.add(List.of(s, c));
                    }
                }
            }
        }
        for (int[] pos : positives) {
            if (protocol == NegativeProtocol.SAME_CUSTOMER) {
                Arrays.stream(sellers).filter(s -> eligible(s, pos[1])).forEach(s -> pairs.add(List.of(s, pos[1])));
            } else if (protocol == NegativeProtocol.SAME_SUPPLIER) {
                Arrays.stream(buyers).filter(c -> eligible(pos[0], c)).forEach(c -> pairs.add(List.of(pos[0], c)));
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no unrelated pair for any positive; the network is too dense");
        }
        return pairs.stream().map(p -> new int[] {p.get(0), p.get(1)}).toArray(int[][]::new);
    }

    private int[][] positives(int[][] customerSupplier, int hold) {
        int[][] pos = new int[hold][];
        int p = 0;
        for (int i = 0; i < hold; i++) {
            int c = customerSupplier[i][0];
            int s = customerSupplier[i][1];
            if (training.suppliersOf(c).length > 0 && training.customersOf(s).length > 0) {
                pos[p++] = new int[] {s, c};
            }
        }
        if (p == 0) {
            throw new IllegalArgumentException("every held-out relation lost its customer or supplier; no test pairs");
        }
        return Arrays.copyOf(pos, p);
    }

    /**
     * Negatives for the same positives by another protocol (the stacked model trains on several
     * kinds at once without recomputing the features of the inner training network).
     */
    int[][] negatives(NegativeProtocol other, long seed) {
        return sample(other, new Random(seed), new int[1]);
    }

    private int[][] sample(NegativeProtocol p, Random random, int[] without) {
        int[] buyers = training.buyers();
        int[] sellers = training.sellers();
        return switch (p) {
            case UNIFORM -> sampleUniform(buyers, sellers, random);
            case SAME_CUSTOMER -> sampleSameFirm(true, sellers, random, without);
            case SAME_SUPPLIER -> sampleSameFirm(false, buyers, random, without);
        };
    }

    private int[][] sampleUniform(int[] buyers, int[] sellers, Random random) {
        int count = positives.length;
        int n = full.firmCount();
        int[][] out = new int[count][];
        Set<Long> seen = new HashSet<>();
        long tries = 0;
        long maxTries = (long) TRIES * count + 1000;
        int k = 0;
        while (k < count) {
            if (++tries > maxTries) {
                throw new IllegalArgumentException("could not find " + count + " unrelated customer–supplier pairs after "
                        + maxTries + " tries; the network is too dense for type-matched negatives");
            }
            int c = buyers[random.nextInt(buyers.length)];
            int s = sellers[random.nextInt(sellers.length)];
            if (!eligible(s, c) || !seen.add((long) s * n + c)) {
                continue;
            }
            out[k++] = new int[] {s, c};
        }
        return out;
    }

    /** One negative per positive keeping its customer (candidates = sellers) or its supplier (= buyers). */
    private int[][] sampleSameFirm(boolean keepCustomer, int[] candidates, Random random, int[] without) {
        int n = full.firmCount();
        Set<Long> seen = new HashSet<>();
        int[][] out = new int[positives.length][];
        int k = 0;
        for (int[] pos : positives) {
            int fixed = keepCustomer ? pos[1] : pos[0];
            int found = -1;
            for (int t = 0; t < TRIES && found < 0; t++) {
                int other = candidates[random.nextInt(candidates.length)];
                if (usable(fixed, other, keepCustomer, seen, n)) {
                    found = other;
                }
            }
            if (found < 0) { // a firm related to nearly all others: draw among the eligible ones
                int[] left = Arrays.stream(candidates).filter(o -> usable(fixed, o, keepCustomer, seen, n)).toArray();
                found = left.length == 0 ? -1 : left[random.nextInt(left.length)];
            }
            if (found < 0) {
                without[0]++;
                continue;
            }
            int s = keepCustomer ? found : fixed;
            int c = keepCustomer ? fixed : found;
            seen.add((long) s * n + c);
            out[k++] = new int[] {s, c};
        }
        if (k == 0) {
            throw new IllegalArgumentException("no unrelated pair for any positive; the network is too dense");
        }
        return Arrays.copyOf(out, k);
    }

    private boolean usable(int fixed, int other, boolean keepCustomer, Set<Long> seen, int n) {
        int s = keepCustomer ? other : fixed;
        int c = keepCustomer ? fixed : other;
        return eligible(s, c) && !seen.contains((long) s * n + c);
    }

    /** A pair that can be a negative: two firms, unrelated in either direction in the full network. */
    boolean eligible(int supplier, int customer) {
        return supplier != customer && !full.hasRelation(supplier, customer) && !full.hasRelation(customer, supplier);
    }

    SupplyTieNetwork full() {
        return full;
    }

    SupplyTieNetwork training() {
        return training;
    }

    NegativeProtocol protocol() {
        return protocol;
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

    /** Positives no negative could be drawn for (same-customer / same-supplier only; usually 0). */
    int positivesWithoutNegative() {
        return positivesWithoutNegative;
    }

    /** ROC-AUC of a scorer built on {@link #training()} over this split's test pairs. */
    double rocAuc(PairScorer scorer) {
        return RocAuc.of(scores(scorer, positives), scores(scorer, negatives));
    }

    /** Average precision (AUC-PR) over this split's test pairs pooled, ties counted against the positives. */
    double averagePrecision(PairScorer scorer) {
        return RankingMetrics.averagePrecision(scores(scorer, positives), scores(scorer, negatives));
    }

    static double[] scores(PairScorer scorer, int[][] pairs) {
        double[] out = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = scorer.score(pairs[i][0], pairs[i][1]);
        }
        return out;
    }
}
