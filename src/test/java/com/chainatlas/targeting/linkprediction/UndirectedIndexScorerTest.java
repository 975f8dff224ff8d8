package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UndirectedIndexScorerTest {

    /*
     * A supplies B and D; B, D and E supply C. Undirected: A–B, A–D, B–C, D–C, E–C.
     * Candidate A → C: common neighbours {B, D}, each of degree 2; Γ(A) ∪ Γ(C) = {B, D, E}; k(A)=2, k(C)=3.
     */
    private static final SupplyTieNetwork NETWORK = SupplyTieNetwork.ofPairs(new String[][] {
        {"B", "A"}, {"D", "A"}, {"C", "B"}, {"C", "D"}, {"C", "E"}});

    private static double score(LinkPredictionMethod method, String supplier, String customer) {
        PairScorer scorer = method.newScorer(new ScoringContext(NETWORK));
        return scorer.score(NETWORK.indexOf(supplier).getAsInt(), NETWORK.indexOf(customer).getAsInt());
    }

    @Test
    void classicIndicesWorkedByHand() {
        assertThat(score(LinkPredictionMethod.COMMON_NEIGHBOURS, "A", "C")).isEqualTo(2.0);
        assertThat(score(LinkPredictionMethod.ADAMIC_ADAR, "A", "C")).isCloseTo(2 / Math.log(2), within(1e-12));
        assertThat(score(LinkPredictionMethod.RESOURCE_ALLOCATION, "A", "C")).isCloseTo(1.0, within(1e-12));
        assertThat(score(LinkPredictionMethod.JACCARD, "A", "C")).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(score(LinkPredictionMethod.PREFERENTIAL_ATTACHMENT, "A", "C")).isEqualTo(6.0);
    }

    @Test
    void triadicIndicesSeeNothingBetweenPureSuppliersAndPureCustomers() {
        // E only sells, B's partners are A and C: E and B share C, but A and E share nothing
        assertThat(score(LinkPredictionMethod.COMMON_NEIGHBOURS, "E", "A")).isZero();
        assertThat(score(LinkPredictionMethod.JACCARD, "E", "A")).isZero();
    }

    @Test
    void undefinedIndexScoresZero() {
        // JGraphT's Jaccard throws for two firms without partners; a lone pair of firms after projection has none
        var g = new org.jgrapht.graph.SimpleGraph<Integer, org.jgrapht.graph.DefaultEdge>(org.jgrapht.graph.DefaultEdge.class);
        g.addVertex(0);
        g.addVertex(1);
        var scorer = new UndirectedIndexScorer(new org.jgrapht.alg.linkprediction.JaccardCoefficientLinkPrediction<>(g));
        assertThat(scorer.score(0, 1)).isZero();
    }
}
