package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The ranking metrics on known rankings. */
class RankingMetricsTest {

    private static final double EXACT = 1e-12;

    @Test
    void rankCountsNegativesAtLeastAsHigh() {
        double[] neg = RankingMetrics.sortedChecked(new double[] {0.9, 0.1, 0.5, 0.5});
        assertThat(RankingMetrics.rank(1.0, neg)).isEqualTo(1);
        assertThat(RankingMetrics.rank(0.9, neg)).as("a tie counts against").isEqualTo(2);
        assertThat(RankingMetrics.rank(0.6, neg)).isEqualTo(2);
        assertThat(RankingMetrics.rank(0.5, neg)).isEqualTo(4);
        assertThat(RankingMetrics.rank(0.0, neg)).isEqualTo(5);
        assertThat(RankingMetrics.rank(0.3, new double[0])).isEqualTo(1);
    }

    @Test
    void averagePrecisionOfKnownLists() {
        // perfect: both positives on top
        assertThat(RankingMetrics.averagePrecision(new double[] {5, 4}, new double[] {3, 2, 1})).isEqualTo(1.0);
        // list p n p n: precisions 1/1 and 2/3
        assertThat(RankingMetrics.averagePrecision(new double[] {4, 2}, new double[] {3, 1}))
                .isCloseTo((1 + 2.0 / 3) / 2, within(EXACT));
        // list n n p: 1/3
        assertThat(RankingMetrics.averagePrecision(new double[] {1}, new double[] {3, 2})).isCloseTo(1.0 / 3, within(EXACT));
        // all tied, negatives first: n n p p → 1/3, 2/4
        assertThat(RankingMetrics.averagePrecision(new double[] {0, 0}, new double[] {0, 0}))
                .isCloseTo((1.0 / 3 + 0.5) / 2, within(EXACT));
        assertThat(RankingMetrics.averagePrecision(new double[] {1}, new double[0])).isEqualTo(1.0);
    }

    @Test
    void rejectsNaNAndNoPositives() {
        assertThatThrownBy(() -> RankingMetrics.averagePrecision(new double[0], new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.averagePrecision(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
