package com.chainatlas.targeting.linkprediction;

import java.util.function.ToDoubleFunction;

/**
 * Opens the package-private {@link BoostedTrees} to experiments of other features (test sources only), so that they
 * reuse the repository's boosting instead of a copy.
 */
public final class BoostedTreesAccess {

    private BoostedTreesAccess() {
    }

    /** Fits the classifier and returns its probability of the positive class. */
    public static ToDoubleFunction<double[]> fit(double[][] x, boolean[] y, int rounds, int depth, double learningRate,
                                                 int minLeafSize) {
        BoostedTrees model = BoostedTrees.fit(x, y, new BoostedTrees.Settings(rounds, depth, learningRate,
                BoostedTrees.DEFAULTS.bins(), minLeafSize, BoostedTrees.DEFAULTS.l2()));
        return model::probability;
    }
}
