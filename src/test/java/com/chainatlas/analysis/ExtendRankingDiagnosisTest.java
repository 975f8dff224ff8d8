package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.ExtendCandidate;
import com.chainatlas.analysis.DiagnosisModel.ExtendPart;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.extend.EntryHistory;
import com.chainatlas.analysis.extend.ExtendFeature;
import com.chainatlas.analysis.extend.ExtendModel;
import com.chainatlas.analysis.extend.SegmentSpace;
import com.chainatlas.chain.Stage;

import org.junit.jupiter.api.Test;

/**
 * The diagnosis's 延链 candidates ranked by the snapshot's learnt model, on a chain with a planted entry process.
 * Four pairs of segments A_j, B_j plus two others (X → Y, the only flow) and 24 outside provinces, six per pair.
 * Until 2014, for each pair
 * three provinces hold both A_j and B_j, three others A_j only; in 2016–2019 exactly those three enter B_j
 * (12 entries into new segments, the only ones): a province that has A_j comes to B_j. The local province 安徽
 * (340000) has A_0 and X since 2005/06 (three firms each: both STRONG), so the model must put B_0 first, carried by
 * co-location (A_0 is local). Two firms per outside (province, segment); the latest entry is on 2019-12-31, so
 * the cut is 2020-01-01 and the window 2015–2019.
 */
class ExtendRankingDiagnosisTest {

    static final int PAIRS = 4;
    /** Six outside provinces per pair, none shared: 北京 … 青海. */
    static final int[] PROVINCES = {110000, 120000, 130000, 140000, 150000, 210000, 220000, 230000, 310000, 320000,
            330000, 350000, 360000, 370000, 410000, 420000, 430000, 440000, 450000, 460000, 500000, 510000, 520000,
            530000};
    static final String LOCAL = "340000";

    /** Rows of the planted process: region code, segment, date (null: undated). */
    record Row(String region, String segment, LocalDate date) {
    }

    static List<Row> planted() {
        List<Row> rows = new ArrayList<>();
        for (int j = 0; j < PAIRS; j++) {
            for (int k = 0; k < 6; k++) {
                String p = Integer.toString(PROVINCES[6 * j + k]);
                LocalDate early = LocalDate.of(2005 + j, 3 + k, 1);
                firms(rows, p, "A" + j, early);
                firms(rows, p, "B" + j, k < 3 ? early.plusYears(1) : LocalDate.of(2016 + j, 2 + k, 10));
            }
        }
        for (int p = 0; p < PROVINCES.length; p += 2) {
            firms(rows, Integer.toString(PROVINCES[p]), "Y", LocalDate.of(2003, 1, 1 + p));
        }
        rows.add(new Row(Integer.toString(PROVINCES[0]), "Y", LocalDate.of(2019, 12, 31))); // the latest entry
        firms(rows, LOCAL, "A0", LocalDate.of(2005, 6, 1));
        rows.add(new Row(LOCAL, "A0", LocalDate.of(2005, 7, 1))); // three local firms: STRONG
        firms(rows, LOCAL, "X", LocalDate.of(2006, 6, 1));
        rows.add(new Row(LOCAL, "X", LocalDate.of(2006, 7, 1)));
        return rows;
    }

    private static void firms(List<Row> rows, String region, String segment, LocalDate date) {
        rows.add(new Row(region, segment, date));
        rows.add(new Row(region, segment, date));
    }

    static List<String> segments() {
        List<String> s = new ArrayList<>();
        for (int j = 0; j < PAIRS; j++) {
            s.add("A" + j);
            s.add("B" + j);
        }
        s.add("X");
        s.add("Y");
        return s;
    }

    static ChainSnapshot snapshot(List<Row> rows) {
        SnapshotBuilder b = new SnapshotBuilder("T", "测试链");
        for (String s : segments()) {
            b.segment(s, "环节" + s, Stage.MIDSTREAM, false, 3, null);
        }
        b.flow("X", "Y", false); // for the rule: Y is next to the local STRONG X (the process ignores flows)
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String id = String.format("E%04d", i);
            b.enterprise(id, "企业" + id, r.region(), null, null, r.date(), null).membership(id, r.segment());
        }
        return b.build(1);
    }

    static Diagnosis diagnose(ChainSnapshot s, String region) {
        return Fixture.engine().diagnose(s, RegionScope.of(s, new RegionRef(region, region, "PROVINCE", region), null),
                DiagnosisSettings.defaults());
    }

    @Test
    void theSegmentTheModelFavoursRanksFirstAndTheReasonNamesWhatCarriedIt() {
        Diagnosis d = diagnose(snapshot(planted()), LOCAL);
        assertThat(d.extendRanking().basis()).isEqualTo("MODEL");
        assertThat(d.extendRanking().cut()).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(d.extendRanking().trainedFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(d.extendRanking().positives()).isEqualTo(3 * PAIRS);
        assertThat(d.extendRanking().regions()).isEqualTo(PROVINCES.length + 1);
        assertThat(d.extendRanking().noteZh()).startsWith("延链候选按模型排序");
        // every MISSING leaf of the region is a candidate (it has A0 and X, so 8 of 10 segments lack)
        assertThat(d.extendCandidates()).extracting(ExtendCandidate::segmentId)
                .containsExactlyInAnyOrder("A1", "A2", "A3", "B0", "B1", "B2", "B3", "Y");
        ExtendCandidate first = d.extendCandidates().get(0);
        assertThat(first.segmentId()).isEqualTo("B0");
        assertThat(first.basis()).isEqualTo("MODEL");
        for (int i = 1; i < d.extendCandidates().size(); i++) {
            assertThat(d.extendCandidates().get(i).score()).isLessThanOrEqualTo(d.extendCandidates().get(i - 1).score());
            assertThat(d.extendCandidates().get(i).rank()).isEqualTo(i + 1);
        }
        // what carried B0: A0, the segment always found beside it, is local
        assertThat(first.parts()).filteredOn(ExtendPart::carried).extracting(ExtendPart::feature)
                .contains(ExtendFeature.COLOCATION.name());
        assertThat(first.reasonZh()).startsWith("模型得分 " + Reasons.f2(first.score()) + "（进入可能约为一般环节的 ")
                .contains("相关环节本地已有 1 个（最常与之同地出现的 ");
        assertThat(first.reasonEn()).startsWith("Model score ");
        double carried = first.parts().stream().filter(ExtendPart::carried).mapToDouble(ExtendPart::contribution).sum();
        assertThat(carried).isPositive();
        assertThat(first.parts().stream().mapToDouble(ExtendPart::contribution).sum())
                .isCloseTo(first.score(), within(1e-9));
    }

    @Test
    void theScoresAreTheModelsOnTheSameHistory() {
        // the model trained directly on the process's history, independent of the snapshot's conversion
        List<Row> rows = planted();
        List<String> segs = segments();
        List<String> regions = new ArrayList<>();
        for (int p : PROVINCES) {
            regions.add(Integer.toString(p));
        }
        regions.add(LOCAL);
        regions.sort(null);
        int[] region = rows.stream().mapToInt(r -> regions.indexOf(r.region())).toArray();
        int[] segment = rows.stream().mapToInt(r -> segs.indexOf(r.segment())).toArray();
        double[] time = rows.stream().mapToDouble(r -> EntryHistory.year(r.date())).toArray();
        EntryHistory h = new EntryHistory(regions.size(), segs.size(), region, segment, time);
        int[] from = {segs.indexOf("X")};
        int[] to = {segs.indexOf("Y")};
        int[] parent = new int[segs.size()];
        java.util.Arrays.fill(parent, -1);
        ExtendModel m = ExtendModel.train(h, new SegmentSpace(segs.size(), from, to, null, parent), null, 2020.0)
                .orElseThrow();
        int[] local = h.counts(2020.0)[regions.indexOf(LOCAL)];
        double[][] f = m.features(local);
        Diagnosis d = diagnose(snapshot(rows), LOCAL);
        for (ExtendCandidate c : d.extendCandidates()) {
            assertThat(c.score()).as(c.segmentId()).isCloseTo(m.score(f[segs.indexOf(c.segmentId())]), within(1e-9));
        }
        assertThat(d.extendRanking().coefficients().get("COLOCATION"))
                .isCloseTo(m.coefficients()[ExtendFeature.COLOCATION.ordinal()], within(1e-9));
    }

    @Test
    void withoutDatesTheRuleRanksAndSaysSo() {
        List<Row> undated = planted().stream().map(r -> new Row(r.region(), r.segment(), null)).toList();
        Diagnosis d = diagnose(snapshot(undated), LOCAL);
        assertThat(d.extendRanking().basis()).isEqualTo("RULE");
        assertThat(d.extendRanking().noteZh()).isEqualTo("无足够的成立日期数据，按相关度排序（没有企业有成立或上市日期）");
        assertThat(d.extendRanking().undatedEnterprises()).isEqualTo(undated.size());
        assertThat(d.extendCandidates()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.basis()).isEqualTo("RULE");
            assertThat(c.score()).isNull();
            assertThat(c.parts()).isEmpty();
            assertThat(c.reasonZh()).startsWith("无足够的成立日期数据，按相关度排序：与优势环节（");
            assertThat(c.nearStrongSegments()).isNotEmpty();
        });
        // too few entries to learn from: the same with only the first pair's history dated
        List<Row> few = planted().stream().map(r -> r.segment().endsWith("0") || r.region().equals(LOCAL) ? r
                : new Row(r.region(), r.segment(), null)).toList();
        Diagnosis d2 = diagnose(snapshot(few), LOCAL);
        assertThat(d2.extendRanking().basis()).isEqualTo("RULE");
        assertThat(d2.extendRanking().positives()).isEqualTo(3); // B0's three entrants: fewer than 10
        assertThat(d2.extendRanking().noteZh()).startsWith("无足够的成立日期数据，按相关度排序（有成立/上市日期的企业 ");
    }

    @Test
    void undatedFirmsAreNeitherOldNorNew() {
        List<Row> rows = new ArrayList<>(planted());
        Diagnosis before = diagnose(snapshot(rows), LOCAL);
        rows.add(new Row(LOCAL, "B1", null)); // the region has B1 now; since when, nobody knows
        Diagnosis d = diagnose(snapshot(rows), LOCAL);
        assertThat(d.extendRanking().undatedEnterprises()).isEqualTo(1);
        // not learnt from: whether 安徽 lacked B1 in 2015 cannot be told
        assertThat(d.extendRanking().examples()).isEqualTo(before.extendRanking().examples() - 1);
        assertThat(d.extendRanking().positives()).isEqualTo(before.extendRanking().positives());
        assertThat(d.extendRanking().noteZh()).endsWith("；无成立/上市日期的 1 家企业不参与学习");
        // but it is there now: B1 is no longer missing
        assertThat(Fixture.segment(d, "B1").verdict()).isNotEqualTo(Verdict.MISSING);
        assertThat(d.extendCandidates()).extracting(ExtendCandidate::segmentId).contains("B1"); // WEAK (1 < 3 firms)
        // and, being there, it relates A1 as A0 relates B0: both now lead
        assertThat(d.extendCandidates().subList(0, 2)).extracting(ExtendCandidate::segmentId)
                .containsExactlyInAnyOrder("B0", "A1");
        assertThat(before.extendCandidates().get(1).score()).isLessThan(d.extendCandidates().get(1).score());
    }

    @Test
    void asOfADateTheModelUsesOnlyEntriesUpToIt() {
        List<Row> rows = new ArrayList<>(planted());
        List<Row> later = new ArrayList<>(rows);
        // after 2019: 安徽 enters B0 and everyone enters Y; none of it may reach the view as of 2019-12-31
        firms(later, LOCAL, "B0", LocalDate.of(2021, 5, 1));
        later.add(new Row(LOCAL, "B0", LocalDate.of(2021, 6, 1)));
        for (int p : PROVINCES) {
            firms(later, Integer.toString(p), "Y", LocalDate.of(2022, 1, 1));
        }
        ChainSnapshot all = snapshot(later);
        ChainSnapshot view = AsOfView.of(all, LocalDate.of(2019, 12, 31), null);
        Diagnosis asOf = diagnose(view, LOCAL);
        Diagnosis only = diagnose(snapshot(rows), LOCAL);
        assertThat(asOf.extendRanking()).isEqualTo(only.extendRanking());
        assertThat(asOf.extendCandidates()).isEqualTo(only.extendCandidates());
        // today's snapshot learns from 2018–2022 instead, and 安徽 has B0 by now
        Diagnosis now = diagnose(all, LOCAL);
        assertThat(now.extendRanking().cut()).isEqualTo(LocalDate.of(2022, 1, 2));
        assertThat(now.extendCandidates()).extracting(ExtendCandidate::segmentId).doesNotContain("B0");
    }

    @Test
    void concurrentFirstRequestsFitOnce() throws Exception {
        ChainSnapshot s = snapshot(planted());
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ExtendRanking>> got = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                got.add(pool.submit(() -> {
                    start.await();
                    return s.extendRanking();
                }));
            }
            start.countDown();
            ExtendRanking one = got.get(0).get();
            for (Future<ExtendRanking> f : got) {
                assertThat(f.get()).isSameAs(one);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
