package com.chainatlas.targeting.linkprediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Stacked link prediction (堆叠模型): a supervised combination of path, degree, tier and
 * role-similarity features ({@link SupplyPairFeatures}) by gradient-boosted trees
 * ({@link BoostedTrees}), after Mungo, L., Lafond, F., Astudillo-Estévez, P. and Farmer, J. D.,
 * "Reconstructing production networks using machine learning", J. Econ. Dyn. Control 148 (2023),
 * who learn a supply-tie classifier from the known part of a network.
 *
 * <p>Training uses the given network only. {@value #INNER_ROUNDS} seeded inner hold-outs
 * ({@link HoldOutSplit}, fraction {@value #INNER_FRACTION}) of <em>its</em> relations give the
 * positive examples, type-matched pairs unrelated in it the negative ones, and the features of both
 * are computed on what each inner hold-out leaves. The trained model then scores pairs with
 * features computed on the whole given network. In the evaluation the given network is the 90%
 * training part, so the model never sees a test relation. A network too small for an inner
 * hold-out with {@value #MIN_EXAMPLES} positives falls back to {@code l3-pop}
 * ({@link PathOfLengthThreeLinkPrediction} with supplier popularity).
 *
 * <p>The score is the model's probability that s supplies c, in (0, 1). Training ({@link #train})
 * costs three feature precomputations (two inner, one for scoring; dominated by the role embedding)
 * plus the boosting, about 1.5 s for 15k firms and 40k relations on two shared cores; it is done
 * once per network and the {@link Model} shared. A pair then costs its feature walks plus
 * O(rounds · depth) for the trees. A scorer is not thread-safe; make one per thread from the model.
 */
final class StackedLinkPrediction implements PairScorer {

    static final double INNER_FRACTION = 0.1;
    static final int INNER_ROUNDS = 2;
    static final int MIN_EXAMPLES = 50;

    /** The trained classifier and the scoring network's features, or the l3-pop fallback. Immutable. */
    static final class Model {
        private final SupplyNetwork network;
        private final BoostedTrees trees;
        private final SupplyPairFeatures features;
        private final int examples;

        private Model(SupplyNetwork network, BoostedTrees trees, SupplyPairFeatures features, int examples) {
            this.network = network;
            this.trees = trees;
            this.features = features;
            this.examples = examples;
        }

        /** Whether a classifier was trained (false: the l3-pop fallback is used). */
        boolean trained() {
            return trees != null;
        }

        /** Number of inner examples (positives + negatives) trained on. */
        int examples() {
            return examples;
        }
    }

    private final PathOfLengthThreeLinkPrediction fallback;
    private final BoostedTrees trees;
    private final SupplyPairFeatures features;
    private final double[] buffer = new double[SupplyPairFeatures.count()];

    /** A scorer (one per thread) for the network the model was trained on. */
    StackedLinkPrediction(Model model) {
        Objects.requireNonNull(model, "model");
        this.trees = model.trees;
        this.features = model.trained() ? model.features.copyForAnotherThread() : null;
        this.fallback = model.trained() ? null : new PathOfLengthThreeLinkPrediction(model.network, 0.5, true);
    }

    /**
     * Trains on inner hold-outs of {@code network} (see the class javadoc). Deterministic for a
     * network and seed.
     */
    static Model train(SupplyNetwork network, long seed) {
        Objects.requireNonNull(network, "network");
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        Random seeds = new Random(seed);
        for (int round = 0; round < INNER_ROUNDS; round++) {
            HoldOutSplit inner;
            try {
                inner = new HoldOutSplit(network, INNER_FRACTION, seeds.nextLong());
            } catch (IllegalArgumentException tooSmall) {
                return new Model(network, null, null, 0);
            }
            if (inner.positives().length < MIN_EXAMPLES) {
                return new Model(network, null, null, 0);
            }
            SupplyPairFeatures innerFeatures = new SupplyPairFeatures(inner.training());
            addExamples(innerFeatures, inner.positives(), true, x, y);
            addExamples(innerFeatures, inner.negatives(), false, x, y);
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        BoostedTrees trees = BoostedTrees.fit(x.toArray(double[][]::new), labels, BoostedTrees.DEFAULTS);
        return new Model(network, trees, new SupplyPairFeatures(network), labels.length);
    }

    private static void addExamples(SupplyPairFeatures features, int[][] pairs, boolean label, List<double[]> x,
            List<Boolean> y) {
        for (int[] pair : pairs) {
            double[] row = new double[SupplyPairFeatures.count()];
            features.compute(pair[0], pair[1], row);
            x.add(row);
            y.add(label);
        }
    }

    @Override
    public double score(int supplier, int customer) {
        if (fallback != null) {
            return fallback.score(supplier, customer);
        }
        features.compute(supplier, customer, buffer);
        return trees.probability(buffer);
    }

    /** Evidence means a path of length 3 or 5 from c to s (for the fallback: of length 3). */
    @Override
    public boolean hasEvidence(int supplier, int customer) {
        return fallback != null ? fallback.hasEvidence(supplier, customer) : features.hasPathEvidence(supplier, customer);
    }
}
