package com.chainatlas.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Recency scoring of expansion events at a fixed day, every figure worked out by hand. */
class SignalScoringTest {

    /** The fixed "today" of these tests. */
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    private static final Map<String, String> PLACES = Map.of("510100", "成都市", "320500", "苏州市");
    private final SignalScoring scoring = new SignalScoring(180);

    private static ExpansionEvent event(EventKind kind, LocalDate date, Double amount, String place) {
        return new ExpansionEvent(ExpansionEvent.key("U1", kind, date, "t"), "U1", kind, date, amount, place, "t", null, false);
    }

    /** 3 亿元 financing exactly one half-life ago. */
    private static final ExpansionEvent FUNDING = event(EventKind.FUNDING, LocalDate.of(2025, 12, 17), 30_000.0, null);
    /** A new branch in 成都 today, amount unknown. */
    private static final ExpansionEvent BRANCH = event(EventKind.BRANCH, TODAY, null, "510100");
    /** Hiring two half-lives (360 days) ago. */
    private static final ExpansionEvent HIRING = event(EventKind.HIRING, LocalDate.of(2025, 6, 20), null, "320500");

    @Test
    void strengthIsTheKindsBasePlusALogScaledAmountBonus() {
        // 1 + 0.5 × ln(30,001) / ln(100,001) = 1 + 0.5 × 10.30899 / 11.51294 = 1.44771
        assertThat(SignalScoring.strength(FUNDING)).isCloseTo(1.44771, within(1e-5));
        // 1,000 万元: 1 + 0.5 × 6.90875 / 11.51294 = 1.30004
        assertThat(SignalScoring.strength(event(EventKind.EXPANSION, TODAY, 1_000.0, null))).isCloseTo(1.30004, within(1e-5));
        // 10 亿元 and more earn the whole bonus
        assertThat(SignalScoring.strength(event(EventKind.INVESTMENT, TODAY, 100_000.0, null))).isCloseTo(1.3, within(1e-9));
        assertThat(SignalScoring.strength(event(EventKind.INVESTMENT, TODAY, 5_000_000.0, null))).isCloseTo(1.3, within(1e-9));
        // unknown amount: the base alone — not counted as 0 万元 against the firm, nor guessed
        assertThat(SignalScoring.strength(BRANCH)).isEqualTo(0.7);
        assertThat(SignalScoring.strength(event(EventKind.PATENT, TODAY, null, null))).isEqualTo(0.3);
    }

    @Test
    void weightHalvesEveryHalfLifeAndFutureEventsDoNotCount() {
        assertThat(scoring.decay(TODAY, TODAY)).isEqualTo(1.0);
        assertThat(scoring.decay(LocalDate.of(2025, 12, 17), TODAY)).isCloseTo(0.5, within(1e-12));
        assertThat(scoring.decay(LocalDate.of(2025, 6, 20), TODAY)).isCloseTo(0.25, within(1e-12));
        assertThat(scoring.decay(LocalDate.of(2026, 3, 17), TODAY)).isCloseTo(Math.sqrt(0.5), within(1e-12)); // 90 days
        assertThat(scoring.decay(TODAY.plusDays(1), TODAY)).isZero();
        // a longer half-life keeps old events heavier
        assertThat(new SignalScoring(360).decay(LocalDate.of(2025, 6, 20), TODAY)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void ratingSumsDecayedStrengthsAndSaturatesAtTwo() {
        // 1.44771 × 0.5 + 0.7 × 1 + 0.4 × 0.25 = 0.72386 + 0.7 + 0.1 = 1.52386 → / 2 = 0.76193
        assertThat(scoring.rating(List.of(FUNDING, BRANCH, HIRING), TODAY)).isCloseTo(0.76193, within(1e-5));
        // the same events a half-life later are worth half
        assertThat(scoring.rating(List.of(FUNDING, BRANCH, HIRING), TODAY.plusDays(180))).isCloseTo(0.76193 / 2, within(1e-5));
        // three fresh, large events are capped at 1
        ExpansionEvent big = event(EventKind.EXPANSION, TODAY, 200_000.0, null);
        assertThat(scoring.rating(List.of(big, FUNDING, BRANCH), TODAY)).isEqualTo(1.0);
        // no events, or only planned ones: 0 — nothing is held against the firm
        assertThat(scoring.rating(List.of(), TODAY)).isZero();
        assertThat(scoring.rating(List.of(event(EventKind.FUNDING, TODAY.plusDays(30), 1e5, null)), TODAY)).isZero();
    }

    @Test
    void reasonNamesTheStrongestEventsNewestFirstInWords() {
        assertThat(scoring.reasonText(List.of(HIRING, FUNDING, BRANCH), TODAY, PLACES::get))
                .isEqualTo("2026-06 在成都市新设分支机构；2025-12 完成融资 3 亿元；2025-06 在苏州市扩大招聘");
        // more than three: the weakest now (a patent four half-lives ago) is left out
        ExpansionEvent patent = event(EventKind.PATENT, TODAY.minusDays(720), null, null);
        assertThat(scoring.reasonText(List.of(HIRING, FUNDING, BRANCH, patent), TODAY, PLACES::get))
                .doesNotContain("专利").contains("完成融资 3 亿元");
        assertThat(scoring.reasonText(List.of(), TODAY, PLACES::get)).isNull();
        assertThat(SignalScoring.words(event(EventKind.BID_WON, TODAY, 850.0, null), PLACES::get)).isEqualTo("2026-06 中标 850 万元");
        assertThat(SignalScoring.money(25_000)).isEqualTo("2.5 亿元");
    }

    @Test
    void aHalfLifeOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> new SignalScoring(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignalScoring(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsTheSameForTheSameEventAndDiffersOtherwise() {
        LocalDate d = LocalDate.of(2026, 1, 5);
        assertThat(ExpansionEvent.key("U1", EventKind.FUNDING, d, "B 轮")).isEqualTo(ExpansionEvent.key("U1", EventKind.FUNDING, d, "B 轮"))
                .isNotEqualTo(ExpansionEvent.key("U1", EventKind.FUNDING, d, "C 轮"))
                .isNotEqualTo(ExpansionEvent.key("U2", EventKind.FUNDING, d, "B 轮"));
    }
}
