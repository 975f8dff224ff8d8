package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each negative protocol on a second tiny hand-made network, with two customers that lost suppliers
 * and a hand-written score per pair (not a popularity), so that the per-firm averages (every customer
 * counts once) differ from pooling the positives, and every figure is worked out by hand below.
 * The scorer throws on a pair not in the table: a protocol that drew any other negative fails.
 *
 * <pre>
 * full network (supplier → customers):  P → A B C D,  Q → A B,  R → A C,  U → B D,  V → C
 * held out: Q → A, R → A, U → B   (every firm still trades in the training network)
 * positives: (Q,A) 0.9, (R,A) 0.4, (U,B) 0.5
 * unrelated pairs and their scores:
 *   (U,A) 0.6  (V,A) 0.2  (R,B) 0.5  (V,B) 0.1  (Q,C) 0.3  (U,C) 0.45  (Q,D) 0.7  (R,D) 0.0  (V,D) 0.05
 * </pre>
 */
class PerCustomerRankingByHandTest {

    private static final SupplyTieNetwork NETWORK = SupplyTieNetwork.ofPairs(new String[][] {
            {"A", "P"}, {"B", "P"}, {"C", "P"}, {"D", "P"},
            {"A", "Q"}, {"B", "Q"},
            {"A", "R"}, {"C", "R"},
            {"B", "U"}, {"D", "U"},
            {"C", "V"}});
    private static final String[][] HELD_OUT = {{"A", "Q"}, {"A", "R"}, {"B", "U"}};
    /** supplier + customer → score. */
    private static final Map<String, Double> SCORE = Map.ofEntries(
            Map.entry("QA", 0.9), Map.entry("RA", 0.4), Map.entry("UB", 0.5),
            Map.entry("UA", 0.6), Map.entry("VA", 0.2), Map.entry("RB", 0.5), Map.entry("VB", 0.1),
            Map.entry("QC", 0.3), Map.entry("UC", 0.45), Map.entry("QD", 0.7), Map.entry("RD", 0.0),
            Map.entry("VD", 0.05));
    private static final double EXACT = 1e-12;

    private static HoldOutSplit split(NegativeProtocol protocol) {
        return new HoldOutSplit(NETWORK, HELD_OUT, protocol);
    }

    private static PairScorer table(HoldOutSplit split) {
        return (s, c) -> {
            Double v = SCORE.get(split.full().idOf(s) + split.full().idOf(c));
            if (v == null) {
                throw new AssertionError("scored an unexpected pair " + split.full().idOf(s) + "→" + split.full().idOf(c));
            }
            return v;
        };
    }

    /**
     * Per customer, all eligible sellers as candidates. A: Q 0.9, R 0.4 among U 0.6, V 0.2; B: U 0.5
     * among R 0.5, V 0.1. Same for uniform and same-customer: the ranking does not depend on the pairs.
     */
    private static void assertPerCustomerRanking(HoldOutSplit split) {
        PerFirmRanking ranking = new PerFirmRanking(split, 100, 1, 1);
        assertThat(ranking.perCustomer()).isTrue();
        assertThat(ranking.queries()).isEqualTo(2);
        assertThat(ranking.pairs()).as("A: 2 + 2, B: 1 + 2").isEqualTo(7);
        PerFirmRanking.Result r = ranking.evaluate(table(split));
        // AUC_A: 0.9 beats both, 0.4 beats 0.2 → 3/4; AUC_B: beats 0.1, ties 0.5 → 1.5/2
        assertThat(r.meanRocAuc()).isCloseTo(0.75, within(EXACT));
        // ranks: Q 1, R 2 (U above), U 2 (the tied R counts against) → hits@1: A ½, B 0
        assertThat(r.hitsAt10()).as("hits@1, each customer once (pooled would be 1/3)").isCloseTo(0.25, within(EXACT));
        // MRR: A (1 + ½)/2 = ¾, B ½ → 0.625 (pooled over positives: 2/3)
        assertThat(r.meanReciprocalRank()).isCloseTo(0.625, within(EXACT));
        // AP_A: Q U R V → (1/1 + 2/3)/2 = 5/6; AP_B: R (tie first) U → 1/2; MAP 2/3
        assertThat(r.meanAveragePrecision()).isCloseTo((5.0 / 6 + 0.5) / 2, within(EXACT));
        assertThat(new PerFirmRanking(split, 100, 1, 2).evaluate(table(split)).hitsAt10()).as("hits@2").isEqualTo(1.0);
    }

    @Test
    void uniform() {
        HoldOutSplit split = split(NegativeProtocol.UNIFORM);
        assertThat(split.positives()).hasNumberOfRows(3);
        assertThat(split.negatives()).as("all nine unrelated buyer–seller pairs").hasNumberOfRows(9);
        // negatives sorted: .7 .6 .5 .45 .3 .2 .1 .05 0. 0.9 beats 9; 0.5 beats 6, ties 1 → 6.5; 0.4 beats 5
        assertThat(split.rocAuc(table(split))).isCloseTo(20.5 / 27, within(EXACT));
        // 0.9 first → 1/1; 0.5 below .7 .6 .5 → 2/5; 0.4 below those and .45 → 3/7
        assertThat(split.averagePrecision(table(split))).isCloseTo((1 + 2.0 / 5 + 3.0 / 7) / 3, within(EXACT));
        assertPerCustomerRanking(split);
    }

    @Test
    void sameCustomer() {
        HoldOutSplit split = split(NegativeProtocol.SAME_CUSTOMER);
        // A's unrelated sellers U, V; B's R, V
        assertThat(split.negatives()).hasNumberOfRows(4);
        // negatives .6 .5 .2 .1: 0.9 beats 4; 0.5 beats 2, ties 1 → 2.5; 0.4 beats 2 → 8.5 / 12
        assertThat(split.rocAuc(table(split))).isCloseTo(8.5 / 12, within(EXACT));
        // list .9P .6N .5N .5P .4P → 1/1, 2/4, 3/5
        assertThat(split.averagePrecision(table(split))).isCloseTo((1 + 0.5 + 0.6) / 3, within(EXACT));
        assertPerCustomerRanking(split);
    }

    @Test
    void sameSupplier() {
        HoldOutSplit split = split(NegativeProtocol.SAME_SUPPLIER);
        // Q's unrelated buyers C, D; R's B, D; U's A, C
        assertThat(split.negatives()).hasNumberOfRows(6);
        // negatives .7 .6 .5 .45 .3 0: 0.9 beats 6; 0.5 beats 3, ties 1 → 3.5; 0.4 beats 2 → 11.5 / 18
        assertThat(split.rocAuc(table(split))).isCloseTo(11.5 / 18, within(EXACT));
        assertThat(split.averagePrecision(table(split))).isCloseTo((1 + 2.0 / 5 + 3.0 / 7) / 3, within(EXACT));
        // per supplier: Q: A 0.9 among C .3, D .7 → rank 1, AUC 1, AP 1; R: A 0.4 among B .5, D 0 → rank 2,
        // AUC ½, AP ½; U: B 0.5 among A .6, C .45 → rank 2, AUC ½, AP ½
        PerFirmRanking ranking = new PerFirmRanking(split, 100, 1, 1);
        assertThat(ranking.perCustomer()).isFalse();
        assertThat(ranking.queries()).isEqualTo(3);
        PerFirmRanking.Result r = ranking.evaluate(table(split));
        assertThat(r.meanRocAuc()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(r.hitsAt10()).as("hits@1").isCloseTo(1.0 / 3, within(EXACT));
        assertThat(r.meanReciprocalRank()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(r.meanAveragePrecision()).isCloseTo(2.0 / 3, within(EXACT));
        assertThat(new PerFirmRanking(split, 100, 1, 2).evaluate(table(split)).hitsAt10()).as("hits@2").isEqualTo(1.0);
    }

    @Test
    void commandPrintsEveryProtocolWithItsRankingSide(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("relations.csv");
        StringBuilder text = new StringBuilder("customer,supplier\n");
        for (SupplyRelation r : PlantedSupplyNetworkGenerator.generate(800, 3.4, 0.2, 5)) {
            text.append(r.customer()).append(',').append(r.supplier()).append('\n');
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkPredictionEvaluation.run(new String[] {csv.toString(), "--negatives", "all", "--candidates", "20",
                "--methods", "l3-pop,pa"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("negatives: uniform; ranking per customer")
                .contains("negatives: same-customer; ranking per customer")
                .contains("negatives: same-supplier; ranking per supplier")
                .contains("among up to 20 candidates");
        // three tables, one row per method in each
        assertThat(out.lines().filter(l -> l.matches("l3-pop( +[01]\\.\\d{4}){6} +\\d+"))).hasSize(3);
        assertThat(out.lines().filter(l -> l.matches("pa( +[01]\\.\\d{4}){6} +\\d+"))).hasSize(3);
    }
}
