package com.chainatlas.targeting.linkprediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each negative protocol on a tiny hand-made network, scored by supplier popularity (the supplier's
 * number of customers in the training network), with every figure worked out by hand below.
 *
 * <pre>
 * full network (supplier → customers):  P → A B C D E,  Q → A B C,  R → A D,  T → E
 * held out: Q → A and R → A; training popularity: P 5, Q 2 (B C), R 1 (D), T 1 (E)
 * positives: (Q,A) = 2, (R,A) = 1
 * </pre>
 */
class NegativeProtocolTest {

    private static final SupplyTieNetwork NETWORK = SupplyTieNetwork.ofPairs(new String[][] {
            {"A", "P"}, {"B", "P"}, {"C", "P"}, {"D", "P"}, {"E", "P"},
            {"A", "Q"}, {"B", "Q"}, {"C", "Q"},
            {"A", "R"}, {"D", "R"},
            {"E", "T"}});
    private static final String[][] HELD_OUT = {{"A", "Q"}, {"A", "R"}};
    private static final double EXACT = 1e-12;

    private static HoldOutSplit split(NegativeProtocol protocol) {
        return new HoldOutSplit(NETWORK, HELD_OUT, protocol);
    }

    private static PairScorer popularity(HoldOutSplit split) {
        return (s, c) -> split.training().customersOf(s).length;
    }

    private static Set<String> names(HoldOutSplit split, int[][] pairs) {
        Set<String> out = new HashSet<>();
        for (int[] p : pairs) {
            out.add(split.full().idOf(p[0]) + split.full().idOf(p[1]));
        }
        return out;
    }

    @Test
    void uniformComparesWithEveryUnrelatedPair() {
        HoldOutSplit split = split(NegativeProtocol.UNIFORM);
        // unrelated pairs: TA, RB, TB, RC, TC, QD, TD, QE, RE → scores 1,1,1,1,1,2,1,2,1
        assertThat(names(split, split.negatives())).containsExactlyInAnyOrder("TA", "RB", "TB", "RC", "TC", "QD", "TD", "QE", "RE");
        // AUC: (Q,A)=2 beats seven 1s and ties two 2s → 8; (R,A)=1 ties seven 1s → 3.5; (8 + 3.5) / 18
        assertThat(split.rocAuc(popularity(split))).isCloseTo(11.5 / 18, within(EXACT));
        // pooled AP, ties against positives: 2 2 [Q] → 1/3; then seven 1s and [R] at place 11 → 2/11
        assertThat(split.averagePrecision(popularity(split))).isCloseTo((1.0 / 3 + 2.0 / 11) / 2, within(EXACT));
        // ranking per customer: A's only unrelated seller is T (1). Q: rank 1; R ties T: rank 2
        PerFirmRanking.Result r = new PerFirmRanking(split, 100, 1, 1).evaluate(popularity(split));
        assertThat(r.queries()).isEqualTo(1);
        // A's own AUC: Q > T → 1, R = T → ½
        assertThat(r.meanRocAuc()).isCloseTo(0.75, within(EXACT));
        assertThat(r.hitsAt10()).as("hits@1").isCloseTo(0.5, within(EXACT));
        assertThat(r.meanReciprocalRank()).isCloseTo((1 + 0.5) / 2, within(EXACT));
        // list Q(2) T(1) R(1) → precisions 1/1 and 2/3
        assertThat(r.meanAveragePrecision()).isCloseTo((1 + 2.0 / 3) / 2, within(EXACT));
        assertThat(new PerFirmRanking(split, 100, 1).evaluate(popularity(split)).hitsAt10()).as("hits@10").isEqualTo(1.0);
    }

    @Test
    void sameCustomerComparesWithTheCustomersOtherSellers() {
        HoldOutSplit split = split(NegativeProtocol.SAME_CUSTOMER);
        // A buys from P, Q and R in the full network: T is its only unrelated seller
        assertThat(names(split, split.negatives())).containsExactly("TA");
        // (Q,A)=2 > 1 → 1; (R,A)=1 = 1 → ½; 1.5 / 2
        assertThat(split.rocAuc(popularity(split))).isCloseTo(0.75, within(EXACT));
        assertThat(split.averagePrecision(popularity(split))).isCloseTo((1 + 2.0 / 3) / 2, within(EXACT));
        PerFirmRanking.Result r = new PerFirmRanking(split, 100, 1, 1).evaluate(popularity(split));
        assertThat(r.hitsAt10()).as("hits@1").isCloseTo(0.5, within(EXACT));
        assertThat(r.meanReciprocalRank()).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void sameSupplierComparesWithTheSuppliersOtherBuyersWherePopularityIsBlind() {
        HoldOutSplit split = split(NegativeProtocol.SAME_SUPPLIER);
        // Q does not sell to D, E (score 2 each); R does not sell to B, C, E (score 1 each)
        assertThat(names(split, split.negatives())).containsExactlyInAnyOrder("QD", "QE", "RB", "RC", "RE");
        // pooled: (Q,A)=2 ties 2,2 and beats 1,1,1 → 4; (R,A)=1 ties 1,1,1 → 1.5; 5.5 / 10.
        // Within each supplier popularity is constant (0.5 each): the pooled 0.55 only compares suppliers.
        assertThat(split.rocAuc(popularity(split))).isCloseTo(0.55, within(EXACT));
        // pooled AP: D E [Q] → 1/3; then 1 1 1 [R] at place 7 → 2/7
        assertThat(split.averagePrecision(popularity(split))).isCloseTo((1.0 / 3 + 2.0 / 7) / 2, within(EXACT));
        // ranking per supplier: Q's A ties D, E → rank 3; R's A ties B, C, E → rank 4
        PerFirmRanking ranking = new PerFirmRanking(split, 100, 1, 3);
        assertThat(ranking.perCustomer()).isFalse();
        PerFirmRanking.Result r = ranking.evaluate(popularity(split));
        assertThat(r.queries()).isEqualTo(2);
        assertThat(r.meanRocAuc()).as("popularity is constant within a supplier").isCloseTo(0.5, within(EXACT));
        assertThat(r.hitsAt10()).as("hits@3").isCloseTo(0.5, within(EXACT));
        assertThat(r.meanReciprocalRank()).isCloseTo((1.0 / 3 + 1.0 / 4) / 2, within(EXACT));
        assertThat(r.meanAveragePrecision()).isCloseTo((1.0 / 3 + 1.0 / 4) / 2, within(EXACT));
    }

    @Test
    void fewerCandidatesAreDrawnFromTheUnrelatedFirms() {
        HoldOutSplit split = split(NegativeProtocol.SAME_SUPPLIER);
        PerFirmRanking one = new PerFirmRanking(split, 1, 5, 1);
        // one candidate each, all tied with the positive: rank 2 for both suppliers
        assertThat(one.pairs()).isEqualTo(4);
        assertThat(one.evaluate(popularity(split)).meanReciprocalRank()).isCloseTo(0.5, within(EXACT));
    }

    @Test
    void sampledNegativesFollowTheirProtocol() {
        SupplyTieNetwork network = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(2000, 3.4, 0.2, 4));
        for (NegativeProtocol p : NegativeProtocol.values()) {
            HoldOutSplit split = new HoldOutSplit(network, 0.1, 42, p);
            assertThat(split.negatives().length + split.positivesWithoutNegative()).as(p.code())
                    .isEqualTo(split.positives().length);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < split.negatives().length; i++) {
                int[] neg = split.negatives()[i];
                assertThat(split.eligible(neg[0], neg[1])).isTrue();
                assertThat(split.training().customersOf(neg[0])).isNotEmpty();
                assertThat(split.training().suppliersOf(neg[1])).isNotEmpty();
                assertThat(seen.add((long) neg[0] * network.firmCount() + neg[1])).isTrue();
            }
            if (p != NegativeProtocol.UNIFORM) {
                // one negative per positive, in order, sharing its customer (or supplier)
                int side = p == NegativeProtocol.SAME_CUSTOMER ? 1 : 0;
                int[] fixed = Arrays.stream(split.positives()).mapToInt(x -> x[side]).toArray();
                int[] kept = Arrays.stream(split.negatives()).mapToInt(x -> x[side]).toArray();
                assertThat(kept).isEqualTo(fixed);
            }
        }
        // same seed, same hold-out: only the negatives differ between protocols
        assertThat(new HoldOutSplit(network, 0.1, 42, NegativeProtocol.SAME_CUSTOMER).positives())
                .isDeepEqualTo(new HoldOutSplit(network, 0.1, 42).positives());
    }

    @Test
    void randomScoresRankAtChance() {
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(5000, 3.4, 0.2, 3)),
                0.1, 42, NegativeProtocol.SAME_CUSTOMER);
        java.util.Random random = new java.util.Random(9);
        PerFirmRanking.Result r = new PerFirmRanking(split, 99, 1).evaluate((s, c) -> random.nextDouble());
        // a positive among 99 random candidates: hits@10 = 10/100, MRR = H(100)/100 ≈ 0.052
        assertThat(r.hitsAt10()).isBetween(0.08, 0.12);
        assertThat(r.meanReciprocalRank()).isBetween(0.04, 0.065);
        assertThat(new PerFirmRanking(split, 99, 1).evaluate((s, c) -> 0).hitsAt10()).as("ties count against").isZero();
    }

    @Test
    void transferModeTrainsOnAnotherNetwork() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LinkPredictionEvaluation.run(new String[] {"--generate", "3000", "--seed", "3", "--negatives", "same-customer",
                "--train-on", "generated:4000", "--methods", "stack,l3"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("transfer: learning methods trained on all of generated:4000")
                .contains("negatives: same-customer; ranking per customer")
                .containsPattern("(?m)^stack( +[01]\\.\\d{4}){6} +\\d+$");
        // the transferred model scores the evaluated network: about as well as one trained on it
        HoldOutSplit split = new HoldOutSplit(SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(3000, 3.4, 0.2, 3)),
                0.1, 3, NegativeProtocol.SAME_CUSTOMER);
        SupplyTieNetwork source = SupplyTieNetwork.of(PlantedSupplyNetworkGenerator.generate(4000, 3.4, 0.2, 4));
        List<LinkPredictionEvaluation.MethodResult> transferred = LinkPredictionEvaluation.evaluate(List.of(split),
                new ScoringContext(split.training(), source), List.of(LinkPredictionMethod.STACKED), 100, 3,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        double own = LinkPredictionEvaluation.evaluate(split, List.of(LinkPredictionMethod.STACKED),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).get(0).rocAuc();
        assertThat(transferred.get(0).rocAuc()).isGreaterThan(0.8).isCloseTo(own, within(0.05));
    }
}
