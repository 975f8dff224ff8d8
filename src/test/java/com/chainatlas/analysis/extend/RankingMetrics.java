package com.chainatlas.analysis.extend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;

/**
 * Ranking metrics for one region's candidates (labels and scores, higher score ranked first). Ties are treated
 * as such, never broken by input order: ROC-AUC counts a tied positive–negative pair as ½ (mid-ranks); average
 * precision steps once per distinct score (the group's precision at its end, as scikit-learn's
 * {@code average_precision_score}); precision@k takes the expected positives of a tie group cut by the k-th place.
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Mann–Whitney ROC-AUC; NaN without a positive or without a negative. */
    static double rocAuc(boolean[] y, double[] score) {
        Integer[] order = ascending(score);
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                if (y[order[k]]) {
                    positives++;
                    rankSum += midRank;
                }
            }
            i = j;
        }
        double negatives = y.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    /** Average precision (area under the precision–recall steps); NaN without a positive. */
    static double averagePrecision(boolean[] y, double[] score) {
        Integer[] order = descending(score);
        int total = 0;
        for (boolean b : y) {
            total += b ? 1 : 0;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int seen = 0;
        int hits = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            int groupHits = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                groupHits += y[order[j]] ? 1 : 0;
                j++;
            }
            seen += j - i;
            hits += groupHits;
            ap += (double) groupHits / total * hits / seen;
            i = j;
        }
        return ap;
    }

    /** Share of positives among the first k (k capped at the candidates), ties at the boundary in expectation. */
    static double precisionAt(int k, boolean[] y, double[] score) {
        Integer[] order = descending(score);
        int n = Math.min(k, order.length);
        if (n == 0) {
            return Double.NaN;
        }
        double hits = 0;
        int taken = 0;
        for (int i = 0; i < order.length && taken < n; ) {
            int j = i;
            int groupHits = 0;
            while (j < order.length && score[order[j]] == score[order[i]]) {
                groupHits += y[order[j]] ? 1 : 0;
                j++;
            }
            int size = j - i;
            int take = Math.min(size, n - taken);
            hits += (double) groupHits * take / size;
            taken += take;
            i = j;
        }
        return hits / n;
    }

    /** Mean of the values and a percentile bootstrap 95 % interval resampling them (the regions) with replacement. */
    static double[] meanWithInterval(double[] values, int resamples, long seed) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new double[]{mean, means[(int) Math.floor(0.025 * (resamples - 1))],
                means[(int) Math.ceil(0.975 * (resamples - 1))]};
    }

    private static Integer[] ascending(double[] score) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        return order;
    }

    private static Integer[] descending(double[] score) {
        Integer[] order = ascending(score);
        for (int i = 0, j = order.length - 1; i < j; i++, j--) {
            Integer t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
