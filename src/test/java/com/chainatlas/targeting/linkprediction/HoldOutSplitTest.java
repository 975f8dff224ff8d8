package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HoldOutSplitTest {

    private static final SupplyTieNetwork NETWORK = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(2000, 3.4, 0.2, 1));

    @Test
    void negativesAreTypeMatchedNonRelations() {
        HoldOutSplit split = new HoldOutSplit(NETWORK, 0.1, 42);
        SupplyTieNetwork training = split.training();
        assertThat(split.negatives().length).isEqualTo(split.positives().length);
        Set<Long> seen = new HashSet<>();
        for (int[] pair : split.negatives()) {
            int s = pair[0];
            int c = pair[1];
            assertThat(s).isNotEqualTo(c);
            assertThat(NETWORK.hasRelation(s, c)).isFalse();
            assertThat(NETWORK.hasRelation(c, s)).isFalse();
            assertThat(training.suppliersOf(c)).isNotEmpty();
            assertThat(training.customersOf(s)).isNotEmpty();
            assertThat(seen.add((long) s * NETWORK.firmCount() + c)).as("no pair twice").isTrue();
        }
    }

    @Test
    void positivesAreHeldOutRelationsWithBothEndsStillTrading() {
        HoldOutSplit split = new HoldOutSplit(NETWORK, 0.1, 42);
        SupplyTieNetwork training = split.training();
        assertThat(split.heldOut()).isEqualTo(Math.round(0.1 * NETWORK.relationCount()));
        assertThat(split.positives().length + split.droppedPositives()).isEqualTo(split.heldOut());
        assertThat(training.relationCount()).isEqualTo(NETWORK.relationCount() - split.heldOut());
        for (int[] pair : split.positives()) {
            assertThat(NETWORK.hasRelation(pair[0], pair[1])).isTrue();
            assertThat(training.hasRelation(pair[0], pair[1])).isFalse();
            assertThat(training.suppliersOf(pair[1])).isNotEmpty();
            assertThat(training.customersOf(pair[0])).isNotEmpty();
        }
    }

    @Test
    void deterministicForASeed() {
        HoldOutSplit a = new HoldOutSplit(NETWORK, 0.1, 42);
        HoldOutSplit b = new HoldOutSplit(NETWORK, 0.1, 42);
        HoldOutSplit c = new HoldOutSplit(NETWORK, 0.1, 43);
        assertThat(a.positives()).isDeepEqualTo(b.positives());
        assertThat(a.negatives()).isDeepEqualTo(b.negatives());
        assertThat(Arrays.deepEquals(a.positives(), c.positives())).isFalse();
    }

    @Test
    void rejectsBadFractionsAndTinyNetworks() {
        for (double f : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new HoldOutSplit(NETWORK, f, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction");
        }
        SupplyTieNetwork two = SupplyTieNetwork.ofPairs(new String[][] {{"a", "b"}, {"c", "d"}});
        assertThatThrownBy(() -> new HoldOutSplit(two, 0.1, 1)).isInstanceOf(IllegalArgumentException.class);
        // holding out one of two unrelated relations leaves its ends without relations: nothing to test
        assertThatThrownBy(() -> new HoldOutSplit(two, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no test pairs");
    }

    @Test
    void completeNetworkHasNoNegatives() {
        // every remaining customer already buys from every remaining supplier
        String[][] pairs = new String[16][];
        int k = 0;
        for (int c = 0; c < 4; c++) {
            for (int s = 0; s < 4; s++) {
                pairs[k++] = new String[] {"c" + c, "s" + s};
            }
        }
        assertThatThrownBy(() -> new HoldOutSplit(SupplyTieNetwork.ofPairs(pairs), 0.25, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too dense");
    }
}
