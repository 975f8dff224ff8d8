package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StackedLinkPredictionTest {

    /** Uniformly random relations among 4,000 firms: no structure beyond chance. */
    private static SupplyTieNetwork structureless(long seed) {
        Random random = new Random(seed);
        List<SupplyRelation> relations = new ArrayList<>();
        for (int i = 0; i < 16_000; i++) {
            int c = random.nextInt(4000);
            int s = random.nextInt(4000);
            if (c != s) {
                relations.add(new SupplyRelation("F" + c, "F" + s));
            }
        }
        return SupplyTieNetwork.of(relations);
    }

    /** 20 clusters, each 10 customers all buying from the cluster's 10 suppliers. */
    private static SupplyTieNetwork plantedBlocks() {
        List<SupplyRelation> relations = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            for (int c = 0; c < 10; c++) {
                for (int s = 0; s < 10; s++) {
                    relations.add(new SupplyRelation("k" + k + "c" + c, "k" + k + "s" + s));
                }
            }
        }
        return SupplyTieNetwork.of(relations);
    }

    private static double stackedAuc(HoldOutSplit split) {
        StackedLinkPrediction.Model model = StackedLinkPrediction.train(split.training(), 1);
        assertThat(model.trained()).isTrue();
        return split.rocAuc(new StackedLinkPrediction(model));
    }

    @Test
    void aboutOneHalfOnAStructurelessNetwork() {
        HoldOutSplit split = new HoldOutSplit(structureless(3), 0.1, 42);
        assertThat(split.positives().length).isGreaterThan(1000);
        assertThat(stackedAuc(split)).isBetween(0.45, 0.56);
    }

    @Test
    void nearlyOneOnPlantedBlocks() {
        assertThat(stackedAuc(new HoldOutSplit(plantedBlocks(), 0.1, 42))).isGreaterThan(0.99);
    }

    @Test
    void beatsL3WithPopularityOnAGeneratedTieredNetwork() {
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(5000, 3.4, 0.2, 9)), 0.1, 42);
        double stack = stackedAuc(split);
        double pop = split.rocAuc(new PathOfLengthThreeLinkPrediction(split.training(), 0.5, true));
        assertThat(stack).isGreaterThan(0.9).isGreaterThan(pop + 0.05);
    }

    @Test
    void evaluationTrainsOnTheTrainingNetworkOnly() {
        SupplyTieNetwork full = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(3000, 3.4, 0.2, 4));
        HoldOutSplit split = new HoldOutSplit(full, 0.1, 42);
        for (int[] p : split.positives()) {
            assertThat(split.training().hasRelation(p[0], p[1])).isFalse();
        }
        // the same training relations, rebuilt apart from the full network: the evaluation must agree exactly
        SupplyTieNetwork trainingAlone = full.withRelations(split.training().relations());
        double expected = split.rocAuc(new StackedLinkPrediction(StackedLinkPrediction.train(trainingAlone, ScoringContext.TRAINING_SEED)));
        var results = LinkPredictionEvaluation.evaluate(split, List.of(LinkPredictionMethod.STACKED),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        assertThat(results.get(0).rocAuc()).isEqualTo(expected);
        // and knowing the test relations would show: training on the full network scores far higher
        double leaked = split.rocAuc(new StackedLinkPrediction(StackedLinkPrediction.train(full, ScoringContext.TRAINING_SEED)));
        assertThat(leaked).isGreaterThan(expected + 0.02);
    }

    @Test
    void deterministicForANetworkAndSeed() {
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(2000, 3.4, 0.2, 5)), 0.1, 42);
        var first = new StackedLinkPrediction(StackedLinkPrediction.train(split.training(), 11));
        var second = new StackedLinkPrediction(StackedLinkPrediction.train(split.training(), 11));
        for (int[][] pairs : new int[][][] {split.positives(), split.negatives()}) {
            for (int[] p : pairs) {
                double score = first.score(p[0], p[1]);
                assertThat(score).isEqualTo(second.score(p[0], p[1])).isBetween(0.0, 1.0);
            }
        }
    }

    @Test
    void tooSmallANetworkFallsBackToL3WithPopularity() {
        SupplyTieNetwork tiny = PathOfLengthThreeLinkPredictionTest.NETWORK;
        StackedLinkPrediction.Model model = StackedLinkPrediction.train(tiny, 1);
        assertThat(model.trained()).isFalse();
        var stacked = new StackedLinkPrediction(model);
        var pop = new PathOfLengthThreeLinkPrediction(tiny, 0.5, true);
        for (int s = 0; s < tiny.firmCount(); s++) {
            for (int c = 0; c < tiny.firmCount(); c++) {
                assertThat(stacked.score(s, c)).isEqualTo(pop.score(s, c));
                assertThat(stacked.hasEvidence(s, c)).isEqualTo(pop.hasEvidence(s, c));
            }
        }
    }
}
