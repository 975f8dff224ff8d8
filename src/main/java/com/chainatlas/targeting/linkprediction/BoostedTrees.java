package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;
import java.util.Objects;

/**
 * A small gradient-boosted tree classifier (梯度提升树) with logistic loss: shallow, complete trees
 * grown level by level on quantile-binned features, leaves fitted by one Newton step, as in
 * Friedman, J. H., "Greedy function approximation: a gradient boosting machine", Ann. Statist. 29
 * (2001), and the histogram method of LightGBM / XGBoost (Chen and Guestrin 2016), kept to what a
 * dozen features and a few thousand examples need. Deterministic: no sampling.
 *
 * <p>Training: O(rounds · depth · (examples · features + features · bins)). Prediction: O(rounds ·
 * depth). Immutable once trained; {@link #probability} is thread-safe. Public so that the 延链 back-test
 * (analysis.extend) reuses this learner rather than a second one.
 */
public final class BoostedTrees {

    /** Training settings. */
    public record Settings(int rounds, int depth, double learningRate, int bins, int minLeafSize, double l2) {
        public Settings {
            if (rounds < 1 || depth < 1 || depth > 8 || !(learningRate > 0 && learningRate <= 1) || bins < 2
                    || bins > 256 || minLeafSize < 1 || !(l2 >= 0)) {
                throw new IllegalArgumentException("bad boosting settings: " + this);
            }
        }
    }

    public static final Settings DEFAULTS = new Settings(150, 3, 0.1, 64, 20, 1.0);

    private final double base;
    private final int depth;
    /** Per tree, per internal node (heap order): feature index. */
    private final int[][] feature;
    /** Per tree, per internal node: go left when value &lt;= threshold. */
    private final double[][] threshold;
    /** Per tree, per leaf: additive logit. */
    private final double[][] leaf;

    private BoostedTrees(double base, int depth, int[][] feature, double[][] threshold, double[][] leaf) {
        this.base = base;
        this.depth = depth;
        this.feature = feature;
        this.threshold = threshold;
        this.leaf = leaf;
    }

    /**
     * Fits the model.
     *
     * @param x examples × features, finite values
     * @param y labels
     * @throws IllegalArgumentException if there are no examples, rows differ in length, a value is not
     *         finite, or only one class is present
     */
    public static BoostedTrees fit(double[][] x, boolean[] y, Settings settings) {
        return fit(x, y, settings, null);
    }

    /**
     * Fits the trees on top of a given starting logit per example (boosting from another model's fit, e.g. a
     * logit with group intercepts): the trees learn only what that model leaves over, and {@link #logit} then
     * returns the trees' part alone, which the caller adds to the other model's logit of the example.
     *
     * @param offset starting logit of each example; null starts from the base rate (as {@link #fit(double[][],
     *               boolean[], Settings)}); with one, {@link #probability} alone is not the model's probability
     */
    public static BoostedTrees fit(double[][] x, boolean[] y, Settings settings, double[] offset) {
        Objects.requireNonNull(settings, "settings");
        int n = x.length;
        if (n == 0 || y.length != n) {
            throw new IllegalArgumentException("need as many labels as examples, at least one");
        }
        int f = x[0].length;
        int positives = 0;
        for (int i = 0; i < n; i++) {
            if (x[i].length != f) {
                throw new IllegalArgumentException("example " + i + " has " + x[i].length + " features, expected " + f);
            }
            for (double v : x[i]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("example " + i + " has a non-finite feature");
                }
            }
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("need both positive and negative examples");
        }
        // quantile bin edges per feature; bin b holds values in (edge[b-1], edge[b]]
        double[][] edges = new double[f][];
        byte[][] binned = new byte[f][n];
        for (int j = 0; j < f; j++) {
            edges[j] = binEdges(x, j, settings.bins());
            for (int i = 0; i < n; i++) {
                binned[j][i] = (byte) bin(edges[j], x[i][j]);
            }
        }
        if (offset != null && offset.length != n) {
            throw new IllegalArgumentException("need one offset per example");
        }
        double base = offset == null ? Math.log((double) positives / (n - positives)) : 0;
        double[] logit = new double[n];
        for (int i = 0; i < n; i++) {
            logit[i] = base + (offset == null ? 0 : offset[i]);
        }
        double[] grad = new double[n];
        double[] hess = new double[n];
        int internal = (1 << settings.depth()) - 1;
        int leaves = 1 << settings.depth();
        int[][] feature = new int[settings.rounds()][internal];
        double[][] threshold = new double[settings.rounds()][internal];
        double[][] leaf = new double[settings.rounds()][leaves];
        int[] node = new int[n];
        for (int t = 0; t < settings.rounds(); t++) {
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-logit[i]));
                grad[i] = p - (y[i] ? 1 : 0);
                hess[i] = Math.max(p * (1 - p), 1e-6);
            }
            Arrays.fill(node, 0);
            for (int level = 0; level < settings.depth(); level++) {
                int first = (1 << level) - 1;
                int width = 1 << level;
                growLevel(binned, edges, grad, hess, node, first, width, settings, feature[t], threshold[t]);
                for (int i = 0; i < n; i++) {
                    int k = node[i];
                    node[i] = 2 * k + (x[i][feature[t][k]] <= threshold[t][k] ? 1 : 2);
                }
            }
            double[] g = new double[leaves];
            double[] h = new double[leaves];
            for (int i = 0; i < n; i++) {
                int l = node[i] - internal;
                g[l] += grad[i];
                h[l] += hess[i];
            }
            for (int l = 0; l < leaves; l++) {
                leaf[t][l] = h[l] == 0 ? 0 : -settings.learningRate() * g[l] / (h[l] + settings.l2());
            }
            for (int i = 0; i < n; i++) {
                logit[i] += leaf[t][node[i] - internal];
            }
        }
        return new BoostedTrees(base, settings.depth(), feature, threshold, leaf);
    }

    /** Chooses the best split of each node on one level (a node that cannot split sends all left). */
    private static void growLevel(byte[][] binned, double[][] edges, double[] grad, double[] hess, int[] node,
            int first, int width, Settings settings, int[] feature, double[] threshold) {
        int f = binned.length;
        int n = grad.length;
        int bins = settings.bins();
        double[] bestGain = new double[width];
        Arrays.fill(bestGain, 0);
        for (int k = 0; k < width; k++) {
            feature[first + k] = 0;
            threshold[first + k] = Double.POSITIVE_INFINITY;
        }
        double[][] g = new double[width][bins];
        double[][] h = new double[width][bins];
        int[][] c = new int[width][bins];
        for (int j = 0; j < f; j++) {
            for (int k = 0; k < width; k++) {
                Arrays.fill(g[k], 0);
                Arrays.fill(h[k], 0);
                Arrays.fill(c[k], 0);
            }
            byte[] column = binned[j];
            for (int i = 0; i < n; i++) {
                int k = node[i] - first;
                int b = column[i] & 0xff;
                g[k][b] += grad[i];
                h[k][b] += hess[i];
                c[k][b]++;
            }
            for (int k = 0; k < width; k++) {
                double gt = 0;
                double ht = 0;
                int ct = 0;
                for (int b = 0; b < bins; b++) {
                    gt += g[k][b];
                    ht += h[k][b];
                    ct += c[k][b];
                }
                double parent = gt * gt / (ht + settings.l2());
                double gl = 0;
                double hl = 0;
                int cl = 0;
                for (int b = 0; b < edges[j].length; b++) {
                    gl += g[k][b];
                    hl += h[k][b];
                    cl += c[k][b];
                    if (cl < settings.minLeafSize() || ct - cl < settings.minLeafSize()) {
                        continue;
                    }
                    double gr = gt - gl;
                    double hr = ht - hl;
                    double gain = gl * gl / (hl + settings.l2()) + gr * gr / (hr + settings.l2()) - parent;
                    if (gain > bestGain[k] + 1e-12) {
                        bestGain[k] = gain;
                        feature[first + k] = j;
                        threshold[first + k] = edges[j][b];
                    }
                }
            }
        }
    }

    /** Up to bins − 1 distinct quantile edges of feature j. */
    private static double[] binEdges(double[][] x, int j, int bins) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][j];
        }
        Arrays.sort(v);
        double[] edges = new double[bins - 1];
        int k = 0;
        for (int b = 1; b < bins; b++) {
            double e = v[(int) ((long) b * (v.length - 1) / bins)];
            if (k == 0 || e > edges[k - 1]) {
                edges[k++] = e;
            }
        }
        return Arrays.copyOf(edges, k);
    }

    private static int bin(double[] edges, double value) {
        int i = Arrays.binarySearch(edges, value);
        return i >= 0 ? i : -i - 1;
    }

    /** The model's logit for one example. */
    public double logit(double[] features) {
        double sum = base;
        for (int t = 0; t < leaf.length; t++) {
            int k = 0;
            for (int level = 0; level < depth; level++) {
                k = 2 * k + (features[feature[t][k]] <= threshold[t][k] ? 1 : 2);
            }
            sum += leaf[t][k - feature[t].length];
        }
        return sum;
    }

    /** The predicted probability of the positive class, in (0, 1). */
    public double probability(double[] features) {
        return 1 / (1 + Math.exp(-logit(features)));
    }

    /** Number of trees. */
    public int rounds() {
        return leaf.length;
    }
}
