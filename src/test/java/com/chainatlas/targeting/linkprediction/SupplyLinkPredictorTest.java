package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class SupplyLinkPredictorTest {

    private static final SupplyNetwork NETWORK = PathOfLengthThreeLinkPredictionTest.NETWORK;

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
    void recommendedMethodKeepsTheSameOrderForOneSupplierAndDropsCustomersWithoutEvidence() {
        var predictor = new SupplyLinkPredictor(NETWORK);
        assertThat(predictor.method()).isEqualTo(LinkPredictionMethod.RECOMMENDED);
        assertThat(predictor.topLocalCustomers("s4", List.of("c1", "c3", "c4", "s1"), 10))
                .extracting(PredictedCustomer::customerId).containsExactly("c1", "c3", "c4");
        assertThat(predictor.topLocalCustomers("unknown", List.of("c1"), 5)).isEmpty();
        assertThat(predictor.topLocalCustomers("s4", List.of(), 5)).isEmpty();
    }

    @Test
    void rejectsBadArguments() {
        var predictor = new SupplyLinkPredictor(NETWORK);
        assertThatThrownBy(() -> predictor.topLocalCustomers("s4", List.of("c1"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.topLocalCustomers(null, List.of("c1"), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> predictor.topLocalCustomers("s4", null, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
