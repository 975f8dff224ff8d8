package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;

/**
 * Ranking metrics (排序指标) for one ranked list of positives among negatives. Ties are counted
 * against the positives (pessimistic), so a scorer that gives everything the same score earns
 * nothing: a positive's rank is 1 + the number of negatives scoring at least as high, and in the
 * list for the average precision tied negatives come first.
 * <ul>
 * <li>{@link #rank}: the filtered rank of one positive (other positives left out), as in the
 * knowledge-graph and OGB link-prediction benchmarks; hits@k = rank ≤ k, reciprocal rank = 1/rank.</li>
 * <li>{@link #averagePrecision}: the mean, over the positives, of the precision of the list down to
 * each positive (AP, the area under the precision–recall curve by its step-wise estimate).</li>
 * </ul>
 * O((n⁺ + n⁻) log n⁻).
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Rank of a positive's score among the negatives' scores: 1 + |{negatives ≥ score}|. */
    static int rank(double positive, double[] sortedNegatives) {
        // first index whose value is >= positive, in ascending order
        int lo = 0;
        int hi = sortedNegatives.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedNegatives[mid] < positive) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return 1 + sortedNegatives.length - lo;
    }

    /**
     * Average precision of positives among negatives (ties against the positives).
     *
     * @throws IllegalArgumentException if there is no positive or a score is NaN
     */
    static double averagePrecision(double[] positives, double[] negatives) {
        if (positives.length == 0) {
            throw new IllegalArgumentException("average precision needs at least one positive");
        }
        double[] neg = sortedChecked(negatives);
        double[] pos = sortedChecked(positives);
        // walk the positives best first; the j-th positive (0-based) sits below j positives and the
        // negatives scoring at least as high as it
        double sum = 0;
        for (int j = 0; j < pos.length; j++) {
            double score = pos[pos.length - 1 - j];
            int above = rank(score, neg) - 1;
            sum += (j + 1.0) / (j + 1 + above);
        }
        return sum / pos.length;
    }

    /** A sorted copy; NaN rejected. */
    static double[] sortedChecked(double[] scores) {
        double[] out = scores.clone();
        for (double v : out) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("score is NaN");
            }
        }
        Arrays.sort(out);
        return out;
    }
}
