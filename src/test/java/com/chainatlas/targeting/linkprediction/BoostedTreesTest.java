package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BoostedTreesTest {

    @Test
    void learnsAnInteractionNoLinearModelCanFit() {
        // label = (x0 > 0.5) xor (x1 > 0.5); x2 is noise
        Random random = new Random(1);
        int n = 2000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[i] = (x[i][0] > 0.5) != (x[i][1] > 0.5);
        }
        BoostedTrees trees = BoostedTrees.fit(x, y, BoostedTrees.DEFAULTS);
        assertThat(trees.rounds()).isEqualTo(BoostedTrees.DEFAULTS.rounds());
        assertThat(trees.probability(new double[] {0.9, 0.1, 0.5})).isGreaterThan(0.9);
        assertThat(trees.probability(new double[] {0.1, 0.9, 0.5})).isGreaterThan(0.9);
        assertThat(trees.probability(new double[] {0.9, 0.9, 0.5})).isLessThan(0.1);
        assertThat(trees.probability(new double[] {0.1, 0.1, 0.5})).isLessThan(0.1);
    }

    @Test
    void aFeatureWithoutSignalLeavesTheBaseRate() {
        double[][] x = new double[400][1];
        boolean[] y = new boolean[400];
        for (int i = 0; i < 400; i++) {
            x[i][0] = 1; // constant: nothing to split on
            y[i] = i % 4 == 0;
        }
        BoostedTrees trees = BoostedTrees.fit(x, y, BoostedTrees.DEFAULTS);
        assertThat(trees.probability(new double[] {1})).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void fromAnOffsetTheTreesLearnOnlyWhatItLeavesOver() {
        // two groups entering at 10 % and 50 %, known to the offset; x0 is noise, x1 adds +2 log-odds when > 0.5
        Random random = new Random(2);
        int n = 6000;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        double[] offset = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            offset[i] = i % 2 == 0 ? Math.log(0.1 / 0.9) : 0;
            double logit = offset[i] + (x[i][1] > 0.5 ? 2 : 0);
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        BoostedTrees trees = BoostedTrees.fit(x, y, new BoostedTrees.Settings(300, 2, 0.1, 32, 50, 1.0), offset);
        // the trees' part is the x1 step alone (≈ −1 below, ≈ +1 above the split, up to the base), not the groups
        double low = trees.logit(new double[] {0.5, 0.2});
        double high = trees.logit(new double[] {0.5, 0.8});
        assertThat(high - low).isBetween(1.6, 2.4);
        assertThat(Math.abs(trees.logit(new double[] {0.1, 0.8}) - trees.logit(new double[] {0.9, 0.8}))).isLessThan(0.3);
        assertThatThrownBy(() -> BoostedTrees.fit(x, y, BoostedTrees.DEFAULTS, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset");
    }

    @Test
    void rejectsBadInput() {
        var settings = BoostedTrees.DEFAULTS;
        assertThatThrownBy(() -> BoostedTrees.fit(new double[0][], new boolean[0], settings)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoostedTrees.fit(new double[][] {{1}, {2}}, new boolean[] {true, true}, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
        assertThatThrownBy(() -> BoostedTrees.fit(new double[][] {{1}, {Double.NaN}}, new boolean[] {true, false}, settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> BoostedTrees.fit(new double[][] {{1}, {2, 3}}, new boolean[] {true, false}, settings))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoostedTrees.Settings(0, 3, 0.1, 64, 20, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
