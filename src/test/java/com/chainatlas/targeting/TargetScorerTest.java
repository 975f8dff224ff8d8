package com.chainatlas.targeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;

import com.chainatlas.targeting.TargetScorer.Features;
import com.chainatlas.targeting.TargetScorer.Parts;
import com.chainatlas.targeting.TargetScorer.Purpose;
import com.chainatlas.targeting.TargetScorer.Scale;

import org.junit.jupiter.api.Test;

class TargetScorerTest {

    private final Scale scale = new Scale(100_000, 1_000, 100, 2.0);

    @Test
    void partsWorkedOutByHand() {
        // Home 合肥 (34). Candidate in 江苏 (32, a neighbour), the largest of the request, 上市 + 高新.
        Features f = new Features(100_000.0, 1_000, Set.of("上市", "高新技术企业"), 100, 3, 1, 1.0, "320500", Purpose.FILL, true);
        Parts p = new TargetScorer(TargetWeights.BALANCED, "340100").score(f, scale);
        assertThat(p.scale()).isEqualTo(20.0);            // both at the maximum
        assertThat(p.quality()).isEqualTo(13.5);          // (0.8 + 0.1) × 15
        assertThat(p.innovation()).isEqualTo(15.0);       // max patents, 3 cooperations
        assertThat(p.ties()).isEqualTo(5.0);              // 1 of 3 × 15
        assertThat(p.predicted()).isEqualTo(5.0);         // 1.0 / 2.0 × 10
        assertThat(p.proximity()).isEqualTo(3.0);         // neighbour 0.6 × 5
        assertThat(p.priority()).isEqualTo(10.0);         // FILL 1 + key, capped
        assertThat(p.signals()).isZero();                 // no expansion events: nothing, and nothing against it
        assertThat(p.total()).isEqualTo(71.5);
    }

    @Test
    void theSignalPartIsItsWeightTimesTheRating() {
        // the rating of SignalScoringTest's three events (0.76193) under 均衡 (10) and 扩张优先 (30)
        Features f = new Features(100_000.0, 1_000, Set.of(), 100, 3, 0, 0, "320500", Purpose.FILL, false, 0.76193);
        assertThat(new TargetScorer(TargetWeights.BALANCED, "340100").score(f, scale).signals()).isEqualTo(7.62);
        Parts expanding = new TargetScorer(TargetWeights.EXPANDING, "340100").score(f, scale);
        assertThat(expanding.signals()).isEqualTo(22.86);
        assertThat(expanding.total()).isCloseTo(expanding.scale() + expanding.quality() + expanding.innovation() + expanding.ties()
                + expanding.predicted() + expanding.proximity() + expanding.priority() + expanding.signals(), within(1e-9));
        // every preset is out of 100
        TargetWeights.presets().values().forEach(pr -> {
            TargetWeights w = pr.weights();
            assertThat(w.scale() + w.quality() + w.innovation() + w.ties() + w.predicted() + w.proximity() + w.priority()
                    + w.signals()).as(pr.key()).isEqualTo(100.0);
        });
    }

    @Test
    void totalIsAlwaysTheSumOfTheShownParts() {
        TargetScorer scorer = new TargetScorer(TargetWeights.INNOVATION, "340100");
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            Features f = new Features(r.nextInt(5) == 0 ? null : r.nextDouble() * 100_000, r.nextInt(5) == 0 ? null : r.nextInt(1000),
                    Set.of(), r.nextInt(5) == 0 ? null : r.nextInt(100), r.nextInt(5),
                    r.nextInt(4), r.nextDouble() * 2, "440300", Purpose.values()[r.nextInt(4)], r.nextBoolean(), r.nextDouble());
            Parts p = scorer.score(f, scale);
            double sum = p.scale() + p.quality() + p.innovation() + p.ties() + p.predicted() + p.proximity() + p.priority()
                    + p.signals();
            assertThat(p.total()).isCloseTo(sum, within(1e-9));
            assertThat(p.total()).isBetween(0.0, 100.0);
        }
    }

    @Test
    void unknownFiguresAreLeftOutNotCountedAsZero() {
        TargetScorer scorer = new TargetScorer(TargetWeights.BALANCED, "340100");
        // Revenue unknown, employees at the maximum: the known figure carries the scale part alone.
        Features noRevenue = new Features(null, 1_000, Set.of(), null, 3, 0, 0, "440300", Purpose.FILL, false);
        Parts p = scorer.score(noRevenue, scale);
        assertThat(p.scale()).isEqualTo(20.0);
        // Patents unknown, 3 cooperations: innovation rated on cooperations alone.
        assertThat(p.innovation()).isEqualTo(15.0);
        // Had the unknowns been zeros, both parts would have been at most 30% of their weight.
        Features zeros = new Features(0.0, 1_000, Set.of(), 0, 3, 0, 0, "440300", Purpose.FILL, false);
        assertThat(scorer.score(zeros, scale).scale()).isEqualTo(6.0);
        assertThat(scorer.score(zeros, scale).innovation()).isEqualTo(4.5);
        // Nothing known about size: the part is 0 (the reasons say so), and the total still adds up.
        Parts none = scorer.score(new Features(null, null, Set.of(), null, 0, 0, 0, "440300", Purpose.FILL, false), scale);
        assertThat(none.scale()).isZero();
        assertThat(none.total()).isCloseTo(none.quality() + none.innovation() + none.ties() + none.predicted()
                + none.proximity() + none.priority(), within(1e-9));
    }

    @Test
    void proximityBySameNeighbourAndFarProvince() {
        TargetScorer s = new TargetScorer(TargetWeights.BALANCED, "340100");
        assertThat(s.proximityRating("340200")).isEqualTo(1.0);
        assertThat(s.proximityRating("330100")).isEqualTo(0.6);
        // 合肥–广州 ≈ 1,050 km → 0.4 × (1 − 1050/3000) ≈ 0.26
        assertThat(s.proximityRating("440100")).isCloseTo(0.26, within(0.02));
        // 合肥–乌鲁木齐 ≈ 2,900 km → almost nothing
        assertThat(s.proximityRating("650100")).isBetween(0.0, 0.03);
    }

    @Test
    void qualityTakesTheBestTagPlusATenthPerOtherTag() {
        assertThat(TargetScorer.qualityRating(Set.of())).isZero();
        assertThat(TargetScorer.qualityRating(Set.of("高新技术企业"))).isEqualTo(0.3);
        assertThat(TargetScorer.qualityRating(Set.of("500强", "上市", "高新技术企业"))).isEqualTo(1.0);
        assertThat(TargetScorer.qualityRating(Set.of("专精特新", "高新技术企业"))).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void presetsChangeTheOrderAsDocumented() {
        // A: large, no ties.  B: small, supplies three local firms.
        Features big = new Features(100_000.0, 1_000, Set.of("上市"), 10, 0, 0, 0, "440300", Purpose.FILL, false);
        Features tied = new Features(2_000.0, 50, Set.of(), 10, 0, 3, 2.0, "440300", Purpose.FILL, false);
        TargetScorer leaders = new TargetScorer(TargetWeights.LEADERS, "340100");
        TargetScorer ties = new TargetScorer(TargetWeights.TIES, "340100");
        assertThat(leaders.score(big, scale).total()).isGreaterThan(leaders.score(tied, scale).total());
        assertThat(ties.score(tied, scale).total()).isGreaterThan(ties.score(big, scale).total());
    }

    @Test
    void badWeightsAreRejected() {
        assertThatThrownBy(() -> new TargetWeights(-1, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetWeights(0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetWeights(Double.NaN, 1, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyInWords() {
        assertThat(TargetScorer.money(120_000)).isEqualTo("12.0 亿");
        assertThat(TargetScorer.money(850)).isEqualTo("850 万");
    }
}
