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

    /**
     * What the model learns from: the classic model (the first {@value SupplyPairFeatures#CLASSIC_COUNT}
     * features, uniform negatives only) or the per-customer one (all features, and for each inner
     * positive one uniform and three same-customer negatives; adding same-supplier ones lowered the
     * per-customer MRR on the product-input network from 0.669 to 0.615), so
     * it learns to tell a customer's next supplier from its other candidates, not only a busy pair
     * from a quiet one.
     */
    enum Variant {
        CLASSIC(SupplyPairFeatures.CLASSIC_COUNT, List.of(NegativeProtocol.UNIFORM)),
        PER_CUSTOMER(SupplyPairFeatures.count(), List.of(NegativeProtocol.UNIFORM, NegativeProtocol.SAME_CUSTOMER,
                NegativeProtocol.SAME_CUSTOMER, NegativeProtocol.SAME_CUSTOMER));

        private final int features;
        private final List<NegativeProtocol> negatives;

        Variant(int features, List<NegativeProtocol> negatives) {
            this.features = features;
            this.negatives = negatives;
        }

        int features() {
            return features;
        }
    }

    /** The trained classifier and the scoring network's features, or the l3-pop fallback. Immutable. */
    static final class Model {
        private final SupplyTieNetwork network;
        private final Variant variant;
        private final BoostedTrees trees;
        private final SupplyPairFeatures features;
        private final int examples;

        private Model(SupplyTieNetwork network, Variant variant, BoostedTrees trees, SupplyPairFeatures features,
                int examples) {
            this.network = network;
            this.variant = variant;
            this.trees = trees;
            this.features = features;
            this.examples = examples;
        }

        /**
         * Transfer (迁移): the same trained trees scoring another network, with features computed on
         * that network; the l3-pop fallback there when this model was not trained.
         */
        Model transferTo(SupplyTieNetwork other) {
            Objects.requireNonNull(other, "network");
            return new Model(other, variant, trees, trees == null ? null : new SupplyPairFeatures(other), examples);
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
    private final double[] buffer;

    /** A scorer (one per thread) for the network the model was trained on. */
    StackedLinkPrediction(Model model) {
        Objects.requireNonNull(model, "model");
        this.trees = model.trees;
        this.buffer = new double[model.variant.features()];
        this.features = model.trained() ? model.features.copyForAnotherThread() : null;
        this.fallback = model.trained() ? null : new PathOfLengthThreeLinkPrediction(model.network, 0.5, true);
    }

    /**
     * Trains on inner hold-outs of {@code network} (see the class javadoc). Deterministic for a
     * network and seed.
     */
    static Model train(SupplyTieNetwork network, long seed) {
        return train(network, seed, Variant.CLASSIC);
    }

    /** Trains the given variant (see {@link Variant}); deterministic for a network, seed and variant. */
    static Model train(SupplyTieNetwork network, long seed, Variant variant) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(variant, "variant");
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        Random seeds = new Random(seed);
        for (int round = 0; round < INNER_ROUNDS; round++) {
            HoldOutSplit inner;
            try {
                inner = new HoldOutSplit(network, INNER_FRACTION, seeds.nextLong());
            } catch (IllegalArgumentException tooSmall) {
                return new Model(network, variant, null, null, 0);
            }
            if (inner.positives().length < MIN_EXAMPLES) {
                return new Model(network, variant, null, null, 0);
            }
            SupplyPairFeatures innerFeatures = new SupplyPairFeatures(inner.training());
            addExamples(innerFeatures, inner.positives(), true, variant, x, y);
            for (NegativeProtocol p : variant.negatives) {
                int[][] negatives = p == NegativeProtocol.UNIFORM ? inner.negatives() : inner.negatives(p, seeds.nextLong());
                addExamples(innerFeatures, negatives, false, variant, x, y);
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        BoostedTrees trees = BoostedTrees.fit(x.toArray(double[][]::new), labels, BoostedTrees.DEFAULTS);
        return new Model(network, variant, trees, new SupplyPairFeatures(network), labels.length);
    }

    private static void addExamples(SupplyPairFeatures features, int[][] pairs, boolean label, Variant variant,
            List<double[]> x, List<Boolean> y) {
        for (int[] pair : pairs) {
            double[] row = new double[variant.features()];
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
