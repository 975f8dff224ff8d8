package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SupplyPairFeaturesTest {

    /** Walks c → s1 ← c1 → s2 ← c2 → s with c1 ≠ c ≠ c2, enumerated naively. */
    private static double naiveL5(SupplyTieNetwork n, int s, int c) {
        double sum = 0;
        for (int s1 : n.suppliersOf(c)) {
            for (int c1 : n.customersOf(s1)) {
                for (int s2 : n.suppliersOf(c1)) {
                    for (int c2 : n.customersOf(s2)) {
                        if (c1 != c && c2 != c && n.hasRelation(s, c2)) {
                            sum += 1.0 / ((double) n.customersOf(s1).length * n.suppliersOf(c1).length
                                    * n.customersOf(s2).length * n.suppliersOf(c2).length);
                        }
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void l5MatchesNaiveEnumerationFromEitherEnd() {
        Random random = new Random(3);
        List<SupplyRelation> relations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // a few hubs so that both walk directions get chosen
            int c = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(60);
            int s = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(60);
            if (c != s) {
                relations.add(new SupplyRelation("F" + c, "F" + s));
            }
        }
        for (SupplyTieNetwork n : List.of(PathOfLengthThreeLinkPredictionTest.NETWORK, SupplyTieNetwork.of(relations))) {
            SupplyPairFeatures features = new SupplyPairFeatures(n);
            for (int s = 0; s < n.firmCount(); s++) {
                for (int c = 0; c < n.firmCount(); c++) {
                    assertThat(features.l5(s, c)).as("%s → %s", n.idOf(s), n.idOf(c)).isCloseTo(naiveL5(n, s, c), within(1e-12));
                }
            }
        }
    }

    @Test
    void l5WorkedByHand() {
        // c1 buys from s1, s2; c2 from s1, s3, s4; c3 from s2, s3; c4 from s3.
        SupplyTieNetwork n = PathOfLengthThreeLinkPredictionTest.NETWORK;
        SupplyPairFeatures features = new SupplyPairFeatures(n);
        // s4 → c4: only c2 buys from s4, c4 only from s3 (3 customers); the walks and 1/(k_s1 k_c1 k_s2 k_c2):
        // c4→s3←c2→s1←c2→s4 1/(3·3·2·3), c4→s3←c2→s3←c2→s4 1/(3·3·3·3), c4→s3←c2→s4←c2→s4 1/(3·3·1·3),
        // c4→s3←c3→s3←c2→s4 1/(3·2·3·3)
        double expected = 1.0 / 54 + 1.0 / 81 + 1.0 / 27 + 1.0 / 54;
        assertThat(features.l5(index(n, "s4"), index(n, "c4"))).isCloseTo(expected, within(1e-12));
        assertThat(features.hasPathEvidence(index(n, "s4"), index(n, "c4"))).isTrue();
    }

    @Test
    void tierDepthAlongAChain() {
        // raw → part → module → car
        SupplyTieNetwork n = SupplyTieNetwork.ofPairs(new String[][] {{"part", "raw"}, {"module", "part"}, {"car", "module"}});
        SupplyPairFeatures features = new SupplyPairFeatures(n);
        double[] out = new double[SupplyPairFeatures.count()];
        features.compute(index(n, "raw"), index(n, "module"), out);
        assertThat(out[SupplyPairFeatures.NAMES.indexOf("h(c) − h(s)")]).isEqualTo(2);
        assertThat(out[SupplyPairFeatures.NAMES.indexOf("d(s) − d(c)")]).isEqualTo(2);
        assertThat(out[SupplyPairFeatures.NAMES.indexOf("|h(c) − mean h of s's customers|")]).isEqualTo(1);
        assertThat(out[SupplyPairFeatures.NAMES.indexOf("log customers of s")]).isEqualTo(Math.log(2));
        // "car" sells to nobody: its supplier-role similarity is missing
        features.compute(index(n, "car"), index(n, "part"), out);
        assertThat(out[SupplyPairFeatures.NAMES.indexOf("s sells like c's suppliers")]).isEqualTo(SupplyPairFeatures.MISSING);
    }

    private static int index(SupplyTieNetwork n, String id) {
        return n.indexOf(id).getAsInt();
    }
}
