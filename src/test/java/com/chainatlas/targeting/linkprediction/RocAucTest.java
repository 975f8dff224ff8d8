package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocAucTest {

    @Test
    void knownValues() {
        assertThat(RocAuc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(RocAuc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(0.0);
        // pairs (3,1)=1 (3,2)=1 (2,1)=1 (2,2)=½ → 3.5 / 4
        assertThat(RocAuc.of(new double[] {3, 2}, new double[] {1, 2})).isEqualTo(0.875);
        // (1,0)=1 (1,2)=0 (1,1)=½ ; one positive, three negatives → 1.5 / 3
        assertThat(RocAuc.of(new double[] {1}, new double[] {0, 2, 1})).isEqualTo(0.5);
    }

    @Test
    void allTiedIsOneHalf() {
        assertThat(RocAuc.of(new double[] {0, 0, 0}, new double[] {0, 0})).isEqualTo(0.5);
    }

    @Test
    void matchesPairCountingOnRandomInputs() {
        Random random = new Random(7);
        double[] pos = new double[200];
        double[] neg = new double[150];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = random.nextInt(10);
        }
        for (int i = 0; i < neg.length; i++) {
            neg[i] = random.nextInt(8);
        }
        double wins = 0;
        for (double p : pos) {
            for (double q : neg) {
                wins += p > q ? 1 : p == q ? 0.5 : 0;
            }
        }
        assertThat(RocAuc.of(pos, neg)).isCloseTo(wins / (pos.length * neg.length), within(1e-12));
    }

    @Test
    void rejectsEmptyAndNaN() {
        assertThatThrownBy(() -> RocAuc.of(new double[0], new double[] {1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocAuc.of(new double[] {1}, new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RocAuc.of(new double[] {Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }
}
