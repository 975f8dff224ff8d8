package com.chainatlas.targeting.linkprediction;

import java.util.Arrays;

/**
 * ROC-AUC (ROC 曲线下面积) by the Mann–Whitney U statistic: the probability that a random positive
 * scores above a random negative, ties counted as ½. Ranks all scores once, giving tied scores their
 * average rank: AUC = (R⁺ − n⁺(n⁺+1)/2) / (n⁺ · n⁻), with R⁺ the rank sum of the positives.
 * O((n⁺ + n⁻) log(n⁺ + n⁻)). Source: Hanley, J. A. and McNeil, B. J., "The meaning and use of the
 * area under a receiver operating characteristic (ROC) curve", Radiology 143 (1982) 29–36.
 */
final class RocAuc {

    private RocAuc() {
    }

    /**
     * @throws IllegalArgumentException if either side is empty or a score is NaN
     */
    static double of(double[] positives, double[] negatives) {
        if (positives == null || negatives == null || positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("ROC-AUC needs at least one positive and one negative score");
        }
        int n = positives.length + negatives.length;
        double[][] all = new double[n][];
        for (int i = 0; i < positives.length; i++) {
            all[i] = new double[] {checked(positives[i]), 1};
        }
        for (int i = 0; i < negatives.length; i++) {
            all[positives.length + i] = new double[] {checked(negatives[i]), 0};
        }
        Arrays.sort(all, (a, b) -> Double.compare(a[0], b[0]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[j + 1][0] == all[i][0]) {
                j++;
            }
            double averageRank = (i + 1 + j + 1) / 2.0; // ranks are 1-based
            for (int k = i; k <= j; k++) {
                if (all[k][1] == 1) {
                    positiveRankSum += averageRank;
                }
            }
            i = j + 1;
        }
        double np = positives.length;
        return (positiveRankSum - np * (np + 1) / 2) / (np * negatives.length);
    }

    private static double checked(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score is NaN");
        }
        return score;
    }
}
