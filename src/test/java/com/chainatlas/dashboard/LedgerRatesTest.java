package com.chainatlas.dashboard;

import static com.chainatlas.dashboard.HandLedger.SETTINGS;
import static com.chainatlas.dashboard.HandLedger.project;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.chainatlas.dashboard.DashboardModel.Rate;
import com.chainatlas.dashboard.DashboardModel.StageFigure;
import com.chainatlas.dashboard.DashboardModel.Tally;
import com.chainatlas.dashboard.DashboardModel.TrendPoint;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;

import org.junit.jupiter.api.Test;

/**
 * Each rate on a hand-made ledger judged on 2026-06-30, the expected values worked out by hand below.
 * N = 6 months (开工), M = 24 (投产), K = 24 (达产).
 */
class LedgerRatesTest {

    static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    static final List<ProjectFacts> LEDGER = List.of(
            // signed 2025-01-10, due 2025-07-10, started 2025-05-01: on time
            project("A").signed("2025-01-10").started("2025-05-01").invest(10.0).build(),
            // signed 2025-02-01, due 2025-08-01, started 2025-09-15: late (denominator, not numerator)
            project("B").signed("2025-02-01").started("2025-09-15").invest(null).build(),
            // signed 2025-03-01, due 2025-09-01, never started: fails; 增资 of 50 → only the 5 added counts
            project("C").signed("2025-03-01").expansion(50.0, 5.0).build(),
            // signed 2025-04-01, due 2025-10-01, terminated without starting: in the denominator, fails
            project("D").signed("2025-04-01").invest(3.0).status(ProjectStatus.TERMINATED).build(),
            // signed 2026-03-01, due 2026-09-01 > today: not yet due although already started; 增资, increase unknown
            project("E").signed("2026-03-01").started("2026-04-01").expansion(20.0, null).build(),
            // signed 2026-05-01: not yet due
            project("F").signed("2026-05-01").invest(2.5).build(),
            // never signed: in no cohort
            project("G").negotiating("2026-01-05").invest(1.0).build(),
            // signed 2025-06-30, due 2025-12-30, started on the due date itself: on time
            project("H").signed("2025-06-30").started("2025-12-30").build(),
            // old projects for 投产率 and 达效率
            // I: signed 2021-10-01, started 2022-01-01 (3 months ✓), production 2023-06-01 (due 2024-01-01 ✓),
            //    capacity 2024-12-01 (due 2025-06-01 ✓)
            project("I").signed("2021-10-01").started("2022-01-01").inProduction("2023-06-01").atCapacity("2024-12-01")
                    .invest(8.0).build(),
            // J: signed 2021-06-01, started 2022-03-01 (9 months ✗), production 2024-05-01 (due 2024-03-01 ✗),
            //    no capacity, due 2026-05-01 ≤ today ✗
            project("J").signed("2021-06-01").started("2022-03-01").inProduction("2024-05-01").invest(4.0).build(),
            // K: signed 2022-12-01, started 2023-01-01 (✓), no production, due 2025-01-01 ✗
            project("K").signed("2022-12-01").started("2023-01-01").invest(6.0).build());

    @Test
    void startRateExcludesProjectsNotYetDueAndCountsTerminatedOnes() {
        // cohort: every signed project (no lower bound). Due by 2026-06-30: A, B, C, D, H, I, J, K = 8.
        // started within 6 months: A, H (on the due date), I, K = 4 → 4/8 = 0.5. Not yet due: E, F = 2.
        Rate r = LedgerRates.rate(LEDGER, RateKind.START, null, AS_OF, AS_OF, SETTINGS);
        assertThat(r.key()).isEqualTo("startRate");
        assertThat(r.denominator()).isEqualTo(8);
        assertThat(r.numerator()).isEqualTo(4);
        assertThat(r.notYetDue()).isEqualTo(2);
        assertThat(r.value()).isEqualTo(0.5);
        assertThat(r.ruleZh()).contains("6 个月", "尚未到期", "不计入分子和分母", "终止");
    }

    @Test
    void startRateOfAPeriodCountsOnlyProjectsSignedInIt() {
        // signed in 2025-02-01..2025-12-31: B ✗, C ✗, D ✗, H ✓ → 1/4 = 0.25; nothing in it is not yet due.
        Rate r = LedgerRates.rate(LEDGER, RateKind.START, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-12-31"),
                AS_OF, SETTINGS);
        assertThat(r.numerator()).isEqualTo(1);
        assertThat(r.denominator()).isEqualTo(4);
        assertThat(r.notYetDue()).isZero();
        assertThat(r.value()).isEqualTo(0.25);
    }

    @Test
    void productionRate() {
        // started: A 2025-05-01, B 2025-09-15, E 2026-04-01, H 2025-12-30 — due only 24 months later: not yet due (4).
        // I (production 2023-06-01 ≤ due 2024-01-01 ✓), J (2024-05-01 > due 2024-03-01 ✗), K (none, due 2025-01-01 ✗)
        // → 1/3.
        Rate r = LedgerRates.rate(LEDGER, RateKind.PRODUCTION, null, AS_OF, AS_OF, SETTINGS);
        assertThat(r.numerator()).isEqualTo(1);
        assertThat(r.denominator()).isEqualTo(3);
        assertThat(r.notYetDue()).isEqualTo(4);
        assertThat(r.value()).isEqualTo(1.0 / 3);
    }

    @Test
    void capacityRate() {
        // in production: I 2023-06-01 (capacity 2024-12-01 ≤ due 2025-06-01 ✓), J 2024-05-01 (none, due 2026-05-01 ✗)
        // → 1/2.
        Rate r = LedgerRates.rate(LEDGER, RateKind.CAPACITY, null, AS_OF, AS_OF, SETTINGS);
        assertThat(r.numerator()).isEqualTo(1);
        assertThat(r.denominator()).isEqualTo(2);
        assertThat(r.value()).isEqualTo(0.5);
    }

    @Test
    void aRateWithNothingDueIsUnknownNotZero() {
        // signed in 2026 only: E and F, both not yet due → no denominator → null
        Rate r = LedgerRates.rate(LEDGER, RateKind.START, LocalDate.parse("2026-01-01"), AS_OF, AS_OF, SETTINGS);
        assertThat(r.denominator()).isZero();
        assertThat(r.notYetDue()).isEqualTo(2);
        assertThat(r.value()).isNull();
    }

    @Test
    void stagesCountEachProjectOnceAtItsStageAndOnlyKnownInvestment() {
        // current stages without the terminated D:
        // STARTED: A 10, B ?, E (增资, increase ?), H ?, K 6 → 5 projects, 16 亿 known for 2
        // SIGNED: C (增资: 5 of 50), F 2.5 → 2, 7.5 亿 known for 2; NEGOTIATING: G 1.0; IN_PRODUCTION: J 4;
        // AT_CAPACITY: I 8; PLANNING: none → investment null (unknown), not 0
        List<StageFigure> stages = LedgerRates.stages(LEDGER);
        assertThat(stages).extracting(StageFigure::stage).containsExactly(ProjectStage.values());
        StageFigure started = stages.get(ProjectStage.STARTED.ordinal());
        assertThat(started.count()).isEqualTo(5);
        assertThat(started.investmentYi()).isEqualTo(16.0);
        assertThat(started.investmentKnownCount()).isEqualTo(2);
        StageFigure signed = stages.get(ProjectStage.SIGNED.ordinal());
        assertThat(signed.count()).isEqualTo(2);
        assertThat(signed.investmentYi()).isEqualTo(7.5);
        assertThat(stages.get(ProjectStage.NEGOTIATING.ordinal()).count()).isEqualTo(1);
        assertThat(stages.get(ProjectStage.IN_PRODUCTION.ordinal()).investmentYi()).isEqualTo(4.0);
        assertThat(stages.get(ProjectStage.AT_CAPACITY.ordinal()).investmentYi()).isEqualTo(8.0);
        StageFigure planning = stages.get(ProjectStage.PLANNING.ordinal());
        assertThat(planning.count()).isZero();
        assertThat(planning.investmentYi()).isNull();
        assertThat(stages.stream().mapToInt(StageFigure::count).sum()).isEqualTo(LEDGER.size() - 1);
        Tally terminated = LedgerRates.terminated(LEDGER);
        assertThat(terminated.count()).isEqualTo(1);
        assertThat(terminated.investmentYi()).isEqualTo(3.0);
    }

    @Test
    void periodTallyCountsOnlyTheIncreaseOfAnExpansion() {
        // signed in 2025: A 10, B ?, C 增资 5 (not 50), D 3 (terminated, still signed in 2025), H ? → 5, 18 亿, 3 known
        Tally t = LedgerRates.reachedIn(LEDGER, ProjectStage.SIGNED, LocalDate.parse("2025-01-01"),
                LocalDate.parse("2025-12-31"));
        assertThat(t.count()).isEqualTo(5);
        assertThat(t.investmentYi()).isEqualTo(18.0);
        assertThat(t.investmentKnownCount()).isEqualTo(3);
    }

    @Test
    void trendIsCumulativeAtEachMonthEnd() {
        List<TrendPoint> trend = LedgerRates.trend(LEDGER, null, AS_OF, AS_OF, SETTINGS);
        assertThat(trend).hasSize(12);
        assertThat(trend.get(0).month()).isEqualTo("2025-07");
        assertThat(trend.get(11).month()).isEqualTo("2026-06");
        // at 2025-07-31, due: J ✗, I ✓, K ✓, A ✓ (due 07-10) → 3/4; B (due 08-01) not yet
        assertThat(trend.get(0).startRate()).isEqualTo(0.75);
        // at 2025-09-30: + B ✗ (due 08-01), C ✗ (due 09-01) → 3/6 = 0.5; B started in September
        TrendPoint sep = trend.get(2);
        assertThat(sep.month()).isEqualTo("2025-09");
        assertThat(sep.startRate()).isEqualTo(0.5);
        assertThat(sep.started()).isEqualTo(1);
        assertThat(sep.signed()).isZero();
        // the last month equals the headline rate (0.5), and F signed in May 2026
        assertThat(trend.get(11).startRate()).isEqualTo(0.5);
        assertThat(trend.get(10).signed()).isEqualTo(1);
        // 达效率 at 2025-07-31: only I is due (2025-06-01) ✓ → 1.0; J is due 2026-05-01 → at 2026-05-31 1/2
        assertThat(trend.get(0).capacityRate()).isEqualTo(1.0);
        assertThat(trend.get(10).capacityRate()).isEqualTo(0.5);
    }
}
