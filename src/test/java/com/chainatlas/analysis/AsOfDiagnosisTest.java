package com.chainatlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.chain.Stage;
import com.chainatlas.system.ApiProblem;

import org.junit.jupiter.api.Test;

/**
 * The diagnosis as of a date (截至日期) on a hand-made chain W → X → Y → Z, revenue unknown everywhere so only the
 * count rules decide (minEnterprises 3, weak LQ 0.6, strong LQ 1.5). Local region 合肥 340100 (firms in 340102),
 * outside firms in 深圳 440304. The figures at 2020-12-31 and 2025-12-31 are worked out in the comments.
 */
class AsOfDiagnosisTest {

    private static final LocalDate Y2000 = LocalDate.of(2000, 1, 1);

    private static ChainSnapshot chain() {
        SnapshotBuilder b = new SnapshotBuilder("T", "测试链");
        for (String s : new String[]{"W", "X", "Y", "Z"}) {
            b.segment(s, "环节" + s, Stage.MIDSTREAM, false, 3, null);
        }
        b.flow("W", "X", false).flow("X", "Y", false).flow("Y", "Z", false);
        local(b, "L1", "X", LocalDate.of(2010, 3, 1));
        local(b, "L2", "X", LocalDate.of(2012, 5, 1));
        local(b, "L3", "X", LocalDate.of(2022, 1, 10));
        local(b, "L4", "Y", LocalDate.of(2019, 7, 1));
        local(b, "L5", "Y", null); // undated: left out at every date
        local(b, "L6", "Z", LocalDate.of(2023, 2, 1));
        for (String l : new String[]{"L7", "L8", "L9"}) {
            local(b, l, "W", LocalDate.of(2005, 1, 1));
        }
        outside(b, 1, 3, "X", Y2000, null);
        outside(b, 4, 9, "Y", Y2000, null);
        outside(b, 10, 15, "Z", Y2000, null);
        outside(b, 16, 16, "Z", null, LocalDate.of(2015, 6, 30)); // listed-company data: only the listing date
        outside(b, 17, 18, "W", Y2000, null);
        outside(b, 19, 30, "W", LocalDate.of(2023, 6, 1), null);
        b.supply("O01", "L1", null, 10.0).supply("L3", "L4", null, 5.0);
        return b.build(7);
    }

    private static void local(SnapshotBuilder b, String id, String seg, LocalDate founded) {
        b.enterprise(id, "企业" + id, "340102", null, null, founded, null).membership(id, seg);
    }

    private static void outside(SnapshotBuilder b, int from, int to, String seg, LocalDate founded, LocalDate listed) {
        for (int i = from; i <= to; i++) {
            String id = String.format("O%02d", i);
            b.enterprise(id, "企业" + id, "440304", null, null, founded, listed).membership(id, seg);
        }
    }

    private static Diagnosis diagnose(ChainSnapshot s) {
        return Fixture.engine().diagnose(s, RegionScope.of(s, new RegionRef("340100", "合肥市", "CITY", "合肥市"), null),
                DiagnosisSettings.defaults());
    }

    private static Map<String, Verdict> verdicts(Diagnosis d) {
        return d.segments().stream().collect(Collectors.toMap(SegmentDiagnosis::segmentId, SegmentDiagnosis::verdict));
    }

    private static Map<String, Integer> counts(Diagnosis d, boolean local) {
        return d.segments().stream().collect(Collectors.toMap(SegmentDiagnosis::segmentId,
                g -> local ? g.figures().localEnterprises() : g.figures().nationalEnterprises()));
    }

    @Test
    void at2020OnlyTheFirmsThatHadEnteredCount() {
        ChainSnapshot v = AsOfView.of(chain(), LocalDate.of(2020, 12, 31), null);
        // later: L3, L6, O19–O30 = 14; undated: L5; kept 39 − 15 = 24 (O16 by its listing date 2015)
        assertThat(v.asOf()).isEqualTo(new DiagnosisModel.AsOf(LocalDate.of(2020, 12, 31), null, 24, 14, 1));
        assertThat(v.enterpriseCount()).isEqualTo(24);
        assertThat(v.supplyCount()).isEqualTo(1); // L3 → L4 had not started: L3 entered in 2022
        assertThat(v.version()).isEqualTo(7);
        Diagnosis d = diagnose(v);
        // local W 3, X 2, Y 1, Z 0 (6 local); national W 5, X 5, Y 7, Z 7 (24)
        assertThat(counts(d, true)).isEqualTo(Map.of("W", 3, "X", 2, "Y", 1, "Z", 0));
        assertThat(counts(d, false)).isEqualTo(Map.of("W", 5, "X", 5, "Y", 7, "Z", 7));
        // W: LQ (3/6)/(5/24) = 2.4 ≥ 1.5 with 3 firms → STRONG; X: 2 < 3 firms → WEAK;
        // Y: 1 firm, LQ (1/6)/(7/24) = 0.571 → WEAK; Z: none → MISSING
        assertThat(verdicts(d)).isEqualTo(Map.of("W", Verdict.STRONG, "X", Verdict.WEAK, "Y", Verdict.WEAK,
                "Z", Verdict.MISSING));
        assertThat(Fixture.segment(d, "W").figures().lqByCount()).isEqualTo(2.4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(d.snapshot().asOf().excludedUndated()).isEqualTo(1);
        assertThat(d.figures().localEnterprises()).isEqualTo(6);
    }

    @Test
    void at2025TheLaterFirmsFillStrengthenAndDilute() {
        ChainSnapshot v = AsOfView.of(chain(), LocalDate.of(2025, 12, 31), null);
        assertThat(v.asOf()).isEqualTo(new DiagnosisModel.AsOf(LocalDate.of(2025, 12, 31), null, 38, 0, 1));
        assertThat(v.supplyCount()).isEqualTo(2);
        Diagnosis d = diagnose(v);
        // local W 3, X 3, Y 1 (L5 undated), Z 1 (8 local); national W 17, X 6, Y 7, Z 8 (38)
        assertThat(counts(d, true)).isEqualTo(Map.of("W", 3, "X", 3, "Y", 1, "Z", 1));
        assertThat(counts(d, false)).isEqualTo(Map.of("W", 17, "X", 6, "Y", 7, "Z", 8));
        // W: LQ (3/8)/(17/38) = 0.838 → PRESENT (weakened); X: LQ (3/8)/(6/38) = 2.375 → STRONG (strengthened);
        // Y: 1 firm → WEAK; Z: 1 firm → WEAK (filled)
        assertThat(verdicts(d)).isEqualTo(Map.of("W", Verdict.PRESENT, "X", Verdict.STRONG, "Y", Verdict.WEAK,
                "Z", Verdict.WEAK));
    }

    @Test
    void undatedFirmsCountOnlyWithoutADate() {
        ChainSnapshot all = chain();
        assertThat(all.asOf()).isNull();
        Diagnosis d = diagnose(all);
        assertThat(Fixture.segment(d, "Y").figures().localEnterprises()).isEqualTo(2); // L4 and the undated L5
        assertThat(d.snapshot().asOf()).isNull();
        assertThat(all.enterpriseCount()).isEqualTo(39);
    }

    @Test
    void theListingDateCountsWhereTheFoundingDateIsUnknownFromThatDayOn() {
        ChainSnapshot all = chain();
        assertThat(nationalZ(AsOfView.of(all, LocalDate.of(2015, 6, 29), null))).isEqualTo(6);
        assertThat(nationalZ(AsOfView.of(all, LocalDate.of(2015, 6, 30), null))).isEqualTo(7);
        // the earlier of the two dates counts
        assertThat(SnapshotBuilder.entryDay(LocalDate.of(2010, 1, 1), LocalDate.of(2008, 1, 1)))
                .isEqualTo((int) LocalDate.of(2008, 1, 1).toEpochDay());
        assertThat(SnapshotBuilder.entryDay(null, null)).isEqualTo(ChainSnapshot.UNDATED);
    }

    private static int nationalZ(ChainSnapshot v) {
        return Fixture.segment(diagnose(v), "Z").figures().nationalEnterprises();
    }

    @Test
    void aDateBeforeEveryFirmLeavesAnEmptyChain() {
        ChainSnapshot v = AsOfView.of(chain(), LocalDate.of(1999, 12, 31), null);
        assertThat(v.asOf()).isEqualTo(new DiagnosisModel.AsOf(LocalDate.of(1999, 12, 31), null, 0, 38, 1));
        Diagnosis d = diagnose(v);
        assertThat(verdicts(d).values()).containsOnly(Verdict.MISSING);
        assertThat(d.figures().nationalEnterprises()).isZero();
    }

    @Test
    void viewsAreLookedUpByRegionAndUscc() {
        ChainSnapshot v = AsOfView.of(chain(), LocalDate.of(2020, 12, 31), null);
        assertThat(v.contains("L1", "340102")).isTrue();
        assertThat(v.contains("L3", "340102")).isFalse(); // entered 2022
        assertThat(v.contains("L1", "440304")).isFalse();
        assertThat(v.contains("O16", "440304")).isTrue();
        assertThat(v.usccsWithin("3401")).containsExactlyInAnyOrder("L1", "L2", "L4", "L7", "L8", "L9");
        assertThat(v.usccsWithin("44")).hasSize(18);
    }

    @Test
    void aFutureDateIsTodayAndSaysSoAndViewsAreKept() {
        Clock clock = Clock.fixed(LocalDate.of(2026, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneId.of("UTC"));
        AsOfSnapshots views = new AsOfSnapshots(clock);
        ChainSnapshot all = chain();
        assertThat(views.at(all, null)).isSameAs(all);
        ChainSnapshot future = views.at(all, LocalDate.of(2031, 1, 1));
        assertThat(future.asOf()).isEqualTo(new DiagnosisModel.AsOf(LocalDate.of(2026, 3, 1), LocalDate.of(2031, 1, 1), 38, 0, 1));
        ChainSnapshot y2020 = views.at(all, LocalDate.of(2020, 12, 31));
        assertThat(views.at(all, LocalDate.of(2020, 12, 31))).isSameAs(y2020);
        assertThat(views.cached()).isEqualTo(2);
    }

    @Test
    void badDatesAreClearProblems() {
        assertThat(AsOfSnapshots.parse(null)).isNull();
        assertThat(AsOfSnapshots.parse(" ")).isNull();
        assertThat(AsOfSnapshots.parse(" 2020-12-31 ")).isEqualTo(LocalDate.of(2020, 12, 31));
        for (String bad : new String[]{"2021-02-30", "2020/12/31", "20201231", "明天", "2020-13-01", "x".repeat(500)}) {
            assertThatThrownBy(() -> AsOfSnapshots.parse(bad)).as(bad).isInstanceOfSatisfying(ApiProblem.class, p -> {
                assertThat(p.status().value()).isEqualTo(400);
                assertThat(p.detailZh()).startsWith("截至日期须为 YYYY-MM-DD 格式的有效日期").hasSizeLessThan(80);
            });
        }
    }
}
