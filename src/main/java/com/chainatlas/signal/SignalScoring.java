package com.chainatlas.signal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The strength of an enterprise's expansion signals (扩张信号) on a given day, as a 0..1 rating.
 *
 * <ul>
 *   <li>one event: {@code strength = base(kind) + 0.5 × min(1, ln(1 + amount) / ln(1 + 100,000))} with the amount in
 *       万元 (so 10 亿元 adds the full 0.5, 1,000 万元 about 0.3); an unknown amount adds nothing (it is not taken
 *       for 0, nor for an average) and the kind's base still counts;</li>
 *   <li>recency: {@code × 0.5^(age in days / half-life)}; an event dated after the day is not counted;</li>
 *   <li>rating: {@code min(1, Σ / 2)}: two fresh, strong events fill the part.</li>
 * </ul>
 * No events: rating 0 and no reason — the absence of a signal is not held against a firm, it only earns nothing.
 */
public final class SignalScoring {

    public static final double AMOUNT_BONUS = 0.5;
    /** 万元 (10 亿元): an amount this large earns the whole bonus; log-scaled below it. */
    public static final double AMOUNT_REFERENCE = 100_000;
    /** The sum of decayed strengths that fills the part. */
    public static final double SATURATION = 2.0;
    /** How many events a reason names. */
    public static final int REASONS = 3;

    private final double halfLifeDays;

    public SignalScoring(double halfLifeDays) {
        if (!(halfLifeDays > 0) || halfLifeDays > 36_500) {
            throw new IllegalArgumentException("chainatlas.targeting.signal-half-life-days must be in (0, 36500]");
        }
        this.halfLifeDays = halfLifeDays;
    }

    public double halfLifeDays() {
        return halfLifeDays;
    }

    /** The event's strength before decay. */
    public static double strength(ExpansionEvent e) {
        double bonus = e.amount() == null ? 0
                : AMOUNT_BONUS * Math.min(1, Math.log1p(Math.max(0, e.amount())) / Math.log1p(AMOUNT_REFERENCE));
        return e.kind().base + bonus;
    }

    /** 0.5^(age / half-life); 0 for a date after {@code today}. */
    public double decay(LocalDate date, LocalDate today) {
        long age = ChronoUnit.DAYS.between(date, today);
        return age < 0 ? 0 : Math.pow(0.5, age / halfLifeDays);
    }

    /** What one event adds to the sum on {@code today}. */
    public double contribution(ExpansionEvent e, LocalDate today) {
        return strength(e) * decay(e.date(), today);
    }

    /** The 0..1 rating of a firm's events on {@code today}. */
    public double rating(List<ExpansionEvent> events, LocalDate today) {
        double sum = 0;
        for (ExpansionEvent e : events) {
            sum += contribution(e, today);
        }
        return Math.min(1, sum / SATURATION);
    }

    /** The {@link #REASONS} events that add most on {@code today}, newest first (what the reason names). */
    public List<ExpansionEvent> strongest(List<ExpansionEvent> events, LocalDate today) {
        return events.stream().filter(e -> contribution(e, today) > 0)
                .sorted(Comparator.comparingDouble((ExpansionEvent e) -> contribution(e, today)).reversed()
                        .thenComparing(ExpansionEvent::id))
                .limit(REASONS)
                .sorted(Comparator.comparing(ExpansionEvent::date).reversed().thenComparing(ExpansionEvent::id))
                .toList();
    }

    /** "2026-09 完成融资 3 亿元；2026-10 在成都市新设分支机构", or null when no event counts. */
    public String reasonText(List<ExpansionEvent> events, LocalDate today, Function<String, String> placeName) {
        List<ExpansionEvent> shown = strongest(events, today);
        return shown.isEmpty() ? null : shown.stream().map(e -> words(e, placeName)).collect(Collectors.joining("；"));
    }

    /** One event in words: month, place (where the kind has one), what happened, the amount when known. */
    public static String words(ExpansionEvent e, Function<String, String> placeName) {
        StringBuilder s = new StringBuilder(e.date().toString().substring(0, 7)).append(' ');
        boolean placed = e.kind() != EventKind.FUNDING && e.kind() != EventKind.PATENT;
        String place = e.place() == null || !placed ? null : placeName.apply(e.place());
        if (place != null && !place.isEmpty()) {
            s.append("在").append(place);
        }
        s.append(e.kind().verb);
        if (e.amount() != null && e.amount() > 0) {
            s.append(' ').append(money(e.amount()));
        }
        return s.toString();
    }

    /** 万元 in words: "3 亿元", "2.5 亿元", "850 万元". */
    public static String money(double wan) {
        boolean yi = wan >= 10_000;
        BigDecimal v = BigDecimal.valueOf(yi ? wan / 10_000 : wan).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return v.toPlainString() + (yi ? " 亿元" : " 万元");
    }
}
