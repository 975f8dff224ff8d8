package com.chainatlas.analysis.extend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The metrics on rankings small enough to work out by hand. */
class RankingMetricsTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void rocAucCountsOrderedPairsAndHalvesTies() {
        // scores 0.9 P, 0.8 N, 0.7 P, 0.1 N: positive–negative pairs (P.9,N.8) (P.9,N.1) (P.7,N.8)x (P.7,N.1) → 3/4
        assertThat(RankingMetrics.rocAuc(new boolean[]{T, F, T, F}, new double[]{0.9, 0.8, 0.7, 0.1})).isEqualTo(0.75);
        // all tied: every pair counts ½
        assertThat(RankingMetrics.rocAuc(new boolean[]{T, F, F}, new double[]{1, 1, 1})).isEqualTo(0.5);
        // P 2, N 2, N 1: (P,N2) tie ½ + (P,N1) 1 → 1.5/2
        assertThat(RankingMetrics.rocAuc(new boolean[]{T, F, F}, new double[]{2, 2, 1})).isEqualTo(0.75);
        assertThat(RankingMetrics.rocAuc(new boolean[]{T, T}, new double[]{1, 2})).isNaN();
    }

    @Test
    void averagePrecisionByHand() {
        // ranks P N P N: precision at the two hits 1/1 and 2/3 → (1 + 2/3) / 2 = 5/6
        assertThat(RankingMetrics.averagePrecision(new boolean[]{T, F, T, F}, new double[]{4, 3, 2, 1}))
                .isCloseTo(5.0 / 6, within(1e-12));
        // N first, then P: 1/2
        assertThat(RankingMetrics.averagePrecision(new boolean[]{F, T}, new double[]{2, 1})).isEqualTo(0.5);
        // one tie group of 4 with 1 hit: one step, precision 1/4
        assertThat(RankingMetrics.averagePrecision(new boolean[]{F, T, F, F}, new double[]{1, 1, 1, 1})).isEqualTo(0.25);
        // P (3), tie {P, N} (2), N (1): steps ½·1 + ½·(2/3) = 5/6
        assertThat(RankingMetrics.averagePrecision(new boolean[]{T, T, F, F}, new double[]{3, 2, 2, 1}))
                .isCloseTo(5.0 / 6, within(1e-12));
        assertThat(RankingMetrics.averagePrecision(new boolean[]{F, F}, new double[]{1, 2})).isNaN();
    }

    @Test
    void precisionAtKTakesTiesInExpectation() {
        boolean[] y = {T, F, T, F, F, T};
        double[] s = {6, 5, 4, 3, 2, 1};
        assertThat(RankingMetrics.precisionAt(1, y, s)).isEqualTo(1.0);
        assertThat(RankingMetrics.precisionAt(3, y, s)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(RankingMetrics.precisionAt(5, y, s)).isCloseTo(2.0 / 5, within(1e-12));
        // N (9) first, then one place out of a tie of 4 holding 2 hits: (0 + 2/4) / 2
        assertThat(RankingMetrics.precisionAt(2, new boolean[]{F, T, T, F, F}, new double[]{9, 1, 1, 1, 1}))
                .isCloseTo(0.25, within(1e-12));
        // k beyond the candidates: all of them
        assertThat(RankingMetrics.precisionAt(10, new boolean[]{T, F}, new double[]{1, 0})).isEqualTo(0.5);
    }

    @Test
    void bootstrapIntervalHoldsTheMeanAndShrinksToAPointForEqualValues() {
        double[] ci = RankingMetrics.meanWithInterval(new double[]{0.2, 0.4, 0.6, 0.8}, 2000, 1);
        assertThat(ci[0]).isCloseTo(0.5, within(1e-12));
        assertThat(ci[1]).isLessThan(0.5).isGreaterThanOrEqualTo(0.2);
        assertThat(ci[2]).isGreaterThan(0.5).isLessThanOrEqualTo(0.8);
        assertThat(RankingMetrics.meanWithInterval(new double[]{0.3, 0.3, 0.3}, 500, 1)).containsExactly(0.3, 0.3, 0.3);
    }
}
