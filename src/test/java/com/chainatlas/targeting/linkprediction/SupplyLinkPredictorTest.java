package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SupplyLinkPredictorTest {

    private static final SupplyTieNetwork NETWORK = PathOfLengthThreeLinkPredictionTest.NETWORK;

    @Test
    void ranksLocalCustomersByPathEvidence() {
        var predictor = new SupplyLinkPredictor(NETWORK, LinkPredictionMethod.L3);
        // s4 already supplies c2; c1 scores 1/√6, c3 and c4 1/3 each (tie → id order); "x" is unknown
        List<PredictedCustomer> top = predictor.topLocalCustomers("s4", List.of("c4", "c3", "c2", "c1", "x"), 10);
        assertThat(top).extracting(PredictedCustomer::customerId).containsExactly("c1", "c3", "c4");
        assertThat(top.get(0).score()).isCloseTo(1 / Math.sqrt(6), within(1e-12));
        assertThat(predictor.topLocalCustomers("s4", List.of("c4", "c3", "c1"), 2))
                .extracting(PredictedCustomer::customerId).containsExactly("c1", "c3");
    }

    @Test
    void recommendedMethodOnANetworkTooSmallToTrainKeepsTheL3OrderAndDropsCustomersWithoutEvidence() {
        var predictor = new SupplyLinkPredictor(NETWORK);
        assertThat(predictor.method()).isEqualTo(LinkPredictionMethod.RECOMMENDED);
        // 8 relations: the stacked model cannot train and falls back to l3-pop, whose order for one supplier is L3's
        assertThat(predictor.topLocalCustomers("s4", List.of("c1", "c3", "c4", "s1"), 10))
                .extracting(PredictedCustomer::customerId).containsExactly("c1", "c3", "c4");
        assertThat(predictor.topLocalCustomers("unknown", List.of("c1"), 5)).isEmpty();
        assertThat(predictor.topLocalCustomers("s4", List.of(), 5)).isEmpty();
    }

    @Test
    void recommendedMethodTrainedOnAGeneratedNetworkRanksByProbabilityWithEvidence() {
        SupplyTieNetwork network = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(2000, 3.4, 0.2, 8));
        var predictor = new SupplyLinkPredictor(network);
        // the busiest supplier, and every firm that buys from anyone as a "local" customer
        int supplier = 0;
        for (int v = 0; v < network.firmCount(); v++) {
            if (network.customersOf(v).length > network.customersOf(supplier).length) {
                supplier = v;
            }
        }
        List<String> locals = new java.util.ArrayList<>();
        for (int v = 0; v < network.firmCount(); v++) {
            if (network.suppliersOf(v).length > 0) {
                locals.add(network.idOf(v));
            }
        }
        String s = network.idOf(supplier);
        List<PredictedCustomer> top = predictor.topLocalCustomers(s, locals, 20);
        assertThat(top).hasSize(20).allSatisfy(p -> {
            assertThat(network.supplies(s, p.customerId())).isFalse();
            assertThat(p.score()).isStrictlyBetween(0.0, 1.0);
        });
        assertThat(top).extracting(PredictedCustomer::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // built again on the same network: the same answer
        assertThat(new SupplyLinkPredictor(network).topLocalCustomers(s, locals, 20)).isEqualTo(top);
    }

    @Test
    void rejectsBadArguments() {
        var predictor = new SupplyLinkPredictor(NETWORK);
        assertThatThrownBy(() -> predictor.topLocalCustomers("s4", List.of("c1"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.topLocalCustomers(null, List.of("c1"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.topLocalCustomers("s4", null, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Issue 13/14: the batch of a ranking (walks out from the locals) equals asking supplier by supplier. */
    @Test
    void topLocalCustomersOfEachEqualsAskingEachSupplier() {
        SupplyTieNetwork network = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(1500, 3.0, 0.2, 5));
        java.util.Random r = new java.util.Random(9);
        List<String> locals = new java.util.ArrayList<>();
        List<String> suppliers = new java.util.ArrayList<>();
        for (int v = 0; v < network.firmCount(); v++) {
            (r.nextInt(8) == 0 ? locals : suppliers).add(network.idOf(v));
        }
        suppliers.add("unknown");
        locals.add("unknown-local");
        int predicted = 0;
        for (LinkPredictionMethod m : List.of(LinkPredictionMethod.RECOMMENDED, LinkPredictionMethod.STACKED,
                LinkPredictionMethod.L3, LinkPredictionMethod.L3_SUPPLIER_POPULARITY, LinkPredictionMethod.ADAMIC_ADAR)) {
            var predictor = new SupplyLinkPredictor(network, m);
            java.util.Map<String, List<PredictedCustomer>> batch = predictor.topLocalCustomersOfEach(suppliers, locals, 3);
            for (String s : suppliers) {
                List<PredictedCustomer> one = predictor.topLocalCustomers(s, locals, 3);
                assertThat(batch.getOrDefault(s, List.of())).as(m + " " + s).isEqualTo(one);
                predicted += one.size();
            }
        }
        assertThat(predicted).as("predictions compared").isGreaterThan(1000);
    }
}
