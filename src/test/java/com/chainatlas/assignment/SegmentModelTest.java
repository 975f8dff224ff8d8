package com.chainatlas.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.chainatlas.assignment.SegmentModel.Alternative;
import com.chainatlas.assignment.SegmentModel.Example;
import com.chainatlas.assignment.SegmentModel.Proposal;
import com.chainatlas.assignment.SegmentModel.Segment;

import org.junit.jupiter.api.Test;

/**
 * The method on generated data: every segment has a planted vocabulary (product words built from characters
 * only that segment uses) and all firms also list shared noise words (服务, 贸易 ...). Firms held out of training
 * must be placed right, mixed firms must be left to a person, unknown text must get no proposal.
 */
class SegmentModelTest {

    static final int SEGMENTS = 6;
    static final int WORDS = 10;
    static final List<String> NOISE = List.of("技术服务", "贸易", "配件", "其他业务", "租赁", "材料销售");

    final Random random = new Random(7);
    final List<List<String>> vocab = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();

    SegmentModelTest() {
        for (int s = 0; s < SEGMENTS; s++) {
            List<String> words = new ArrayList<>();
            int base = 0x5000 + s * 60; // 60 CJK characters of its own per segment
            while (words.size() < WORDS) {
                StringBuilder w = new StringBuilder();
                int len = 2 + random.nextInt(3);
                for (int i = 0; i < len; i++) {
                    w.appendCodePoint(base + random.nextInt(60));
                }
                if (!words.contains(w.toString())) {
                    words.add(w.toString());
                }
            }
            vocab.add(words);
            segments.add(new Segment("S" + s, "环节" + s));
        }
    }

    /** A firm of segment s: 3–5 of its words (with their revenue shares) and 1–2 noise words. */
    List<Phrase> firm(int s) {
        List<Phrase> out = new ArrayList<>();
        int n = 3 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            out.add(new Phrase(vocab.get(s).get(random.nextInt(WORDS)), 0.1 + random.nextDouble() * 0.5));
        }
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            out.add(new Phrase(NOISE.get(random.nextInt(NOISE.size())), 0.05 + random.nextDouble() * 0.2));
        }
        return out;
    }

    List<Example> training(int perSegment) {
        List<Example> out = new ArrayList<>();
        for (int s = 0; s < SEGMENTS; s++) {
            for (int i = 0; i < perSegment; i++) {
                out.add(new Example("T" + s + "-" + i, "训练企业" + s + "-" + i, Set.of("S" + s), firm(s)));
            }
        }
        return out;
    }

    @Test
    void heldOutFirmsArePlacedRightAndSureOnesAreRight() {
        SegmentModel model = SegmentModel.train(segments, training(30), Method.DEFAULT);
        int right = 0;
        int sure = 0;
        int sureRight = 0;
        int total = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            for (int i = 0; i < 20; i++) {
                Proposal p = model.propose(firm(s));
                total++;
                boolean hit = p.matched() && p.ranked().get(0).segmentId().equals("S" + s);
                right += hit ? 1 : 0;
                if (p.confidence() == Confidence.SURE) {
                    sure++;
                    sureRight += hit ? 1 : 0;
                }
            }
        }
        assertThat((double) right / total).isGreaterThanOrEqualTo(0.95);
        assertThat(sure).as("clean firms are mostly 确定").isGreaterThan(total / 2);
        assertThat(sureRight).isEqualTo(sure);
    }

    @Test
    void evidenceNamesThePlantedWordsAndFirmsOfTheProposedSegment() {
        SegmentModel model = SegmentModel.train(segments, training(30), Method.DEFAULT);
        String word = vocab.get(2).get(0);
        Proposal p = model.propose(List.of(new Phrase(word, 1), new Phrase(vocab.get(2).get(1), 1), new Phrase("贸易", 1)));
        assertThat(p.ranked().get(0).segmentId()).isEqualTo("S2");
        assertThat(p.matchedTerms()).isNotEmpty().allMatch(t -> vocab.get(2).stream().anyMatch(w -> w.contains(t)));
        assertThat(p.nearest()).isNotEmpty().allMatch(n -> n.id().startsWith("T2-"));
        assertThat(p.ranked()).hasSizeLessThanOrEqualTo(SegmentModel.ALTERNATIVES)
                .isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void aFirmHalfInTwoSegmentsIsLeftToAPersonWithBothOffered() {
        SegmentModel model = SegmentModel.train(segments, training(30), Method.DEFAULT);
        List<Phrase> mixed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mixed.add(new Phrase(vocab.get(0).get(i), 0.3));
            mixed.add(new Phrase(vocab.get(1).get(i), 0.3));
        }
        Proposal p = model.propose(mixed);
        assertThat(p.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(p.reasonZh()).contains("领先第二位");
        assertThat(p.ranked().subList(0, 2)).extracting(Alternative::segmentId).containsExactlyInAnyOrder("S0", "S1");
    }

    @Test
    void aMatchOnTheNameAloneIsNeverSure() {
        SegmentModel model = SegmentModel.train(segments, training(30), Method.DEFAULT);
        String word = vocab.get(4).get(0);
        Proposal byName = model.propose(List.of(new Phrase("完全无关", 1), new Phrase(word + vocab.get(4).get(1), 0.3, true)));
        assertThat(byName.ranked().get(0).segmentId()).isEqualTo("S4");
        assertThat(byName.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(byName.reasonZh()).contains("只有企业名称");
        Proposal byProducts = model.propose(List.of(new Phrase(word, 1), new Phrase(vocab.get(4).get(1), 1),
                new Phrase(vocab.get(4).get(2), 1), new Phrase("某某", 0.3, true)));
        assertThat(byProducts.confidence()).isEqualTo(Confidence.SURE);
    }

    /**
     * Two segments whose firms sell the same words and differ only in their registered industry (所属行业):
     * without it the model cannot tell them apart, with it the held-out firms are placed right, and a firm whose
     * products say nothing known is never 确定 on its industry alone.
     */
    @Test
    void theRegisteredIndustryTellsApartSegmentsWhoseProductsAreAlike() {
        List<Segment> twins = List.of(new Segment("X", "甲类"), new Segment("Y", "乙类"));
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String seg = i % 2 == 0 ? "X" : "Y";
            train.add(new Example("F" + i, "企业" + i, Set.of(seg), firm(0), seg.equals("X") ? "C3841 锂离子电池制造" : "C3849 其他电池制造"));
        }
        SegmentModel with = SegmentModel.train(twins, train, Method.DEFAULT);
        SegmentModel without = SegmentModel.train(twins, train, Method.DEFAULT.with(Method.DEFAULT.focus(), 0));
        int right = 0;
        int rightWithout = 0;
        for (int i = 0; i < 20; i++) {
            boolean x = i % 2 == 0;
            List<Phrase> products = firm(0);
            Proposal p = with.propose(products, x ? "c3841锂离子电池制造" : " C3849 其他电池制造");
            right += p.ranked().get(0).segmentId().equals(x ? "X" : "Y") ? 1 : 0;
            rightWithout += without.propose(products, x ? "C3841 锂离子电池制造" : "C3849 其他电池制造").ranked().get(0)
                    .segmentId().equals(x ? "X" : "Y") ? 1 : 0;
        }
        assertThat(right).as("with 所属行业").isEqualTo(20);
        assertThat(rightWithout).as("without it: a coin toss").isLessThan(16);
        Proposal p = with.propose(firm(0), "C3841 锂离子电池制造");
        assertThat(p.matchedTerms()).contains("所属行业 C3841锂离子电池制造");
        Proposal industryOnly = with.propose(List.of(new Phrase("完全无关", 1)), "C3841 锂离子电池制造");
        assertThat(industryOnly.ranked().get(0).segmentId()).isEqualTo("X");
        assertThat(industryOnly.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(industryOnly.reasonZh()).contains("所属行业");
        assertThat(with.propose(firm(0), "未见过的行业").matched()).isTrue();
    }

    @Test
    void unknownTextGetsNoProposal() {
        SegmentModel model = SegmentModel.train(segments, training(10), Method.DEFAULT);
        Proposal p = model.propose(List.of(new Phrase("完全无关的字词", 1)));
        assertThat(p.matched()).isFalse();
        assertThat(p.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(p.reasonZh()).contains("人工指定");
    }

    @Test
    void aSegmentWithoutFirmsIsReachedByItsNameButNeverSure() {
        List<Segment> withNew = new ArrayList<>(segments);
        withNew.add(new Segment("NEW", "氢燃料电池"));
        SegmentModel model = SegmentModel.train(withNew, training(10), Method.DEFAULT);
        Proposal p = model.propose(List.of(new Phrase("氢燃料电池系统", 1)));
        assertThat(p.ranked().get(0).segmentId()).isEqualTo("NEW");
        assertThat(p.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(p.reasonZh()).contains("0 家已挂链企业");
    }

    @Test
    void aChainWithNoAssignedFirmsIsMatchedByNamesOnlyAndNothingIsSure() {
        SegmentModel model = SegmentModel.train(List.of(new Segment("CELL", "电芯"), new Segment("CATHODE", "正极材料")),
                List.of(), Method.DEFAULT);
        Proposal p = model.propose(List.of(new Phrase("软包电芯", 1)));
        assertThat(p.ranked()).extracting(Alternative::segmentId).containsExactly("CELL");
        assertThat(p.confidence()).isEqualTo(Confidence.REVIEW);
        assertThat(p.reasonZh()).contains("0 家已挂链企业");
        assertThat(model.propose(List.of(new Phrase("餐饮", 1))).matched()).isFalse();
    }

    @Test
    void sameDataSameProposals() {
        List<Example> data = training(15);
        List<Phrase> query = firm(3);
        Proposal a = SegmentModel.train(segments, data, Method.DEFAULT).propose(query);
        Proposal again = SegmentModel.train(segments, data, Method.DEFAULT).propose(query);
        assertThat(again).isEqualTo(a);
        List<Example> reversed = new ArrayList<>(data);
        java.util.Collections.reverse(reversed);
        Proposal b = SegmentModel.train(segments, reversed, Method.DEFAULT).propose(query);
        assertThat(b.ranked()).extracting(Alternative::segmentId).isEqualTo(a.ranked().stream().map(Alternative::segmentId).toList());
        assertThat(b.margin()).isCloseTo(a.margin(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.confidence()).isEqualTo(a.confidence());
    }

    @Test
    void textIsSplitIntoBoundedPhrasesAndScopeBoilerplateIsDropped() {
        List<Phrase> p = FirmText.phrases("动力电池、电池模组；ＢＭＳ", "一般项目：锂离子电池制造（依法须经批准的项目，经相关部门批准后方可开展经营活动）");
        assertThat(p).extracting(Phrase::text).containsExactly("动力电池", "电池模组", "bms", "锂离子电池制造");
        assertThat(p.get(3).weight()).isEqualTo(FirmText.SCOPE_WEIGHT);
        assertThat(FirmText.phrases(null, "  ")).isEmpty();
        assertThat(FirmText.phrases("甲、".repeat(5000), null)).hasSize(FirmText.MAX_PHRASES);
    }

    /** Saturation (BM25 k1): a word repeated over many phrases counts less than proportionally; a single one stays 1. */
    @Test
    void saturationBoundsAWordRepeatedOverManyPhrases() {
        List<Phrase> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(new Phrase("电池" + (char) ('a' + i), 1));
        }
        double k1 = Method.DEFAULT.saturation();
        assertThat(k1).isPositive();
        assertThat(SegmentModel.features(many, Method.DEFAULT.withSaturation(0)).get("电池")).isEqualTo(10.0);
        assertThat(SegmentModel.features(many, Method.DEFAULT).get("电池")).isCloseTo(10 * (k1 + 1) / (10 + k1),
                org.assertj.core.data.Offset.offset(1e-9)).isLessThan(k1 + 1);
        assertThat(SegmentModel.features(many, Method.DEFAULT).get("#电池a")).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
}
