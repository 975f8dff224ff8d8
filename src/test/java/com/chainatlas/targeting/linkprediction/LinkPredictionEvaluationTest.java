package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkPredictionEvaluationTest {

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

    @Test
    void randomScoresGiveAboutOneHalf() {
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(15000, 3.4, 0.2, 3)), 0.1, 42);
        Random random = new Random(5);
        assertThat(split.positives().length).isGreaterThan(3000);
        assertThat(split.rocAuc((s, c) -> random.nextDouble())).isBetween(0.47, 0.53);
        assertThat(split.rocAuc((s, c) -> 0)).isEqualTo(0.5);
    }

    @Test
    void plantedPerfectStructureGivesAboutOne() {
        HoldOutSplit split = new HoldOutSplit(plantedBlocks(), 0.1, 42);
        ScoringContext context = new ScoringContext(split.training());
        for (LinkPredictionMethod m : List.of(LinkPredictionMethod.L3, LinkPredictionMethod.L3_RESOURCE_ALLOCATION,
                LinkPredictionMethod.L3_SUPPLIER_POPULARITY)) {
            assertThat(split.rocAuc(m.newScorer(context))).as(m.code()).isGreaterThan(0.99);
        }
        // customers and suppliers never share a partner here: triadic closure sees nothing
        assertThat(split.rocAuc(LinkPredictionMethod.COMMON_NEIGHBOURS.newScorer(context))).isEqualTo(0.5);
    }

    @Test
    void l3BeatsTriadicIndicesOnGeneratedAutomotiveNetwork() {
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(5000, 3.4, 0.2, 9)), 0.1, 42);
        var results = LinkPredictionEvaluation.evaluate(split, List.of(LinkPredictionMethod.values()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        double cn = auc(results, LinkPredictionMethod.COMMON_NEIGHBOURS);
        double l3 = auc(results, LinkPredictionMethod.L3);
        double pop = auc(results, LinkPredictionMethod.L3_SUPPLIER_POPULARITY);
        assertThat(l3).isGreaterThan(cn + 0.1);
        assertThat(pop).isGreaterThanOrEqualTo(l3);
        assertThat(auc(results, LinkPredictionMethod.STACKED)).isGreaterThan(pop);
    }

    private static double auc(List<LinkPredictionEvaluation.MethodResult> results, LinkPredictionMethod m) {
        return results.stream().filter(r -> r.method() == m).findFirst().orElseThrow().rocAuc();
    }

    @Test
    void commandReadsCsvReportsBadRowsAndPrintsTable(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("relations.csv");
        StringBuilder text = new StringBuilder("\uFEFFcustomer,supplier\n");
        for (SupplyRelation r : PlantedSupplyNetworkGenerator.generate(1000, 3.4, 0.1, 2)) {
            text.append('"').append(r.customer()).append("\",").append(r.supplier()).append('\n');
        }
        text.append("\n   \nonly-one-field\nF1,F1\n");
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkPredictionEvaluation.run(new String[] {csv.toString(), "--seed", "7", "--holdout", "0.2", "--methods", "l3,cn"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("2 bad rows").contains("expected 2 fields").contains("客户与供应商相同")
                .contains("hold-out 20% (seed 7)").contains("dropped").contains("ROC-AUC")
                .contains("negatives: uniform; ranking per customer").contains("hits@10").contains("MRR")
                .containsPattern("(?m)^l3( +[01]\\.\\d{4}){6} +\\d+$").containsPattern("(?m)^cn( +[01]\\.\\d{4}){6} +\\d+$")
                .doesNotContain("l3-ra");
    }

    @Test
    void commandRejectsBadArguments(@TempDir Path dir) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LinkPredictionEvaluation.run(new String[0], sink)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LinkPredictionEvaluation.run(new String[] {dir.resolve("missing.csv").toString()}, sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        assertThatThrownBy(() -> LinkPredictionEvaluation.run(new String[] {"--generate", "500", "--methods", "nope"}, sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("known: cn");
        assertThatThrownBy(() -> LinkPredictionEvaluation.run(new String[] {"--generate", "500", "--holdout"}, sink))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }
}
