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
