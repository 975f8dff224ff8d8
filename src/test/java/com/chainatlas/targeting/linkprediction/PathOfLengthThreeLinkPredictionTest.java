package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PathOfLengthThreeLinkPredictionTest {

    /*
     * c1 buys from s1, s2; c2 from s1, s3, s4; c3 from s2, s3; c4 from s3.
     * Supplier degrees (customers): s1 2, s2 2, s3 3, s4 1. Customer degrees (suppliers): c1 2, c2 3, c3 2, c4 1.
     */
    static final SupplyTieNetwork NETWORK = SupplyTieNetwork.ofPairs(new String[][] {
        {"c1", "s1"}, {"c1", "s2"}, {"c2", "s1"}, {"c2", "s3"}, {"c2", "s4"}, {"c3", "s2"}, {"c3", "s3"}, {"c4", "s3"}});

    private static PathOfLengthThreeLinkPrediction l3() {
        return new PathOfLengthThreeLinkPrediction(NETWORK, 0.5, false);
    }

    @Test
    void l3WorkedByHand() {
        var l3 = l3();
        // s3 → c1: paths c1→s1←c2→s3 (1/√(2·3)) and c1→s2←c3→s3 (1/√(2·2))
        assertThat(l3.predict("s3", "c1")).isCloseTo(1 / Math.sqrt(6) + 0.5, within(1e-12));
        // s4 → c3: only c3→s3←c2→s4 (1/√(3·3)); walks from the supplier side (its reach 3 < 5)
        assertThat(l3.predict("s4", "c3")).isCloseTo(1.0 / 3, within(1e-12));
        // s4 → c1: c1→s1←c2→s4 (1/√(2·3))
        assertThat(l3.predict("s4", "c1")).isCloseTo(1 / Math.sqrt(6), within(1e-12));
        // s1 → c4: c4→s3←c2→s1 (1/√(3·3))
        assertThat(l3.predict("s1", "c4")).isCloseTo(1.0 / 3, within(1e-12));
        // no path: s4's only customer c2 shares nothing with a firm that buys nothing
        assertThat(l3.predict("s1", "s4")).isZero();
        assertThat(l3.predict("unknown", "c1")).isZero();
    }

    @Test
    void massDiffusionWorkedByHand() {
        var ra = new PathOfLengthThreeLinkPrediction(NETWORK, 1.0, false);
        assertThat(ra.predict("s3", "c1")).isCloseTo(1.0 / 6 + 1.0 / 4, within(1e-12));
        assertThat(ra.predict("s4", "c3")).isCloseTo(1.0 / 9, within(1e-12));
    }

    @Test
    void supplierPopularityWorkedByHand() {
        var pop = new PathOfLengthThreeLinkPrediction(NETWORK, 0.5, true);
        // s3 has 3 customers
        assertThat(pop.predict("s3", "c1")).isCloseTo((1 / Math.sqrt(6) + 0.5 + 0.01) * Math.sqrt(3), within(1e-12));
        // no path: the prior times √k_s still orders pairs by supplier popularity
        assertThat(pop.score(index("s1"), index("s4"))).isCloseTo(0.01 * Math.sqrt(2), within(1e-12));
        assertThat(pop.hasEvidence(index("s1"), index("s4"))).isFalse();
        assertThat(pop.hasEvidence(index("s3"), index("c1"))).isTrue();
    }

    @Test
    void bothWalkDirectionsAgree() {
        // every pair, scored directly and as the sum of paths enumerated naively
        var l3 = l3();
        int n = NETWORK.firmCount();
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < n; c++) {
                double naive = 0;
                for (int s2 : NETWORK.suppliersOf(c)) {
                    for (int c2 : NETWORK.customersOf(s)) {
                        if (NETWORK.hasRelation(s2, c2)) {
                            naive += 1 / Math.sqrt((double) NETWORK.customersOf(s2).length * NETWORK.suppliersOf(c2).length);
                        }
                    }
                }
                if (!NETWORK.hasRelation(s, c)) {
                    assertThat(l3.score(s, c)).as("%s → %s", NETWORK.idOf(s), NETWORK.idOf(c)).isCloseTo(naive, within(1e-12));
                }
            }
        }
    }

    @Test
    void rejectsBadAlpha() {
        assertThatThrownBy(() -> new PathOfLengthThreeLinkPrediction(NETWORK, -1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new PathOfLengthThreeLinkPrediction(NETWORK, Double.NaN, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int index(String id) {
        return NETWORK.indexOf(id).getAsInt();
    }
}
