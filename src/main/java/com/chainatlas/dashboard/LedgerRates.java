package com.chainatlas.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.chainatlas.dashboard.DashboardModel.Period;
import com.chainatlas.dashboard.DashboardModel.Rate;
import com.chainatlas.dashboard.DashboardModel.StageFigure;
import com.chainatlas.dashboard.DashboardModel.Tally;
import com.chainatlas.dashboard.DashboardModel.TrendPoint;
import com.chainatlas.project.LedgerSettings;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;

/**
 * The arithmetic of the ledger: rates, stage counts, period tallies and the monthly trend over a plain list of
 * projects. Pure functions of their arguments (the date "today" is passed in), so every figure can be worked out by
 * hand in a test.
 */
final class LedgerRates {

    /** Months shown in the trend. */
    static final int TREND_MONTHS = 12;

    private LedgerRates() {
    }

    /**
     * One rate for the projects that entered {@code kind.entry} between {@code from} (null: no lower bound) and
     * {@code to}, judged at {@code asOf}: a project is due once its window of N months has closed by {@code asOf}.
     */
    static Rate rate(List<ProjectFacts> projects, RateKind kind, LocalDate from, LocalDate to, LocalDate asOf,
                     LedgerSettings settings) {
        int months = kind.months(settings);
        int numerator = 0;
        int denominator = 0;
        int notYetDue = 0;
        for (ProjectFacts p : projects) {
            LocalDate entered = p.dateOf(kind.entry);
            if (entered == null || (from != null && entered.isBefore(from)) || entered.isAfter(to)) {
                continue;
            }
            LocalDate due = entered.plusMonths(months);
            if (due.isAfter(asOf)) {
                notYetDue++; // the window is still open: counting it either way would bias the rate
                continue;
            }
            denominator++;
            LocalDate reached = p.dateOf(kind.goal);
            if (reached != null && !reached.isAfter(due)) {
                numerator++;
            }
        }
        Double value = denominator == 0 ? null : (double) numerator / denominator;
        return new Rate(kind.key, kind.nameZh, value, numerator, denominator, notYetDue, kind.ruleZh(settings));
    }

    /** The three rates in their fixed order (开工率, 投产率, 达效率). */
    static List<Rate> rates(List<ProjectFacts> projects, LocalDate from, LocalDate to, LocalDate asOf,
                            LedgerSettings settings) {
        List<Rate> rates = new ArrayList<>();
        for (RateKind k : RateKind.values()) {
            rates.add(rate(projects, k, from, to, asOf, settings));
        }
        return List.copyOf(rates);
    }

    /** Projects at each stage now (furthest stage reached); terminated projects are left out (see {@link #terminated}). */
    static List<StageFigure> stages(List<ProjectFacts> projects) {
        Map<ProjectStage, Acc> by = new EnumMap<>(ProjectStage.class);
        Map<ProjectStage, Integer> suspended = new EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            by.put(s, new Acc());
            suspended.put(s, 0);
        }
        for (ProjectFacts p : projects) {
            if (p.status() == ProjectStatus.TERMINATED) {
                continue;
            }
            by.get(p.stage()).add(p);
            if (p.status() == ProjectStatus.SUSPENDED) {
                suspended.merge(p.stage(), 1, Integer::sum);
            }
        }
        List<StageFigure> out = new ArrayList<>();
        for (ProjectStage s : ProjectStage.values()) {
            Tally t = by.get(s).tally();
            out.add(new StageFigure(s, s.zh(), t.count(), t.investmentYi(), t.investmentKnownCount(), suspended.get(s)));
        }
        return List.copyOf(out);
    }

    /** Terminated projects (终止), whatever stage they had reached. */
    static Tally terminated(List<ProjectFacts> projects) {
        Acc a = new Acc();
        projects.stream().filter(p -> p.status() == ProjectStatus.TERMINATED).forEach(a::add);
        return a.tally();
    }

    /** Counts and counted investment of the projects that reached {@code stage} in [from, to] (终止 ones included). */
    static Tally reachedIn(List<ProjectFacts> projects, ProjectStage stage, LocalDate from, LocalDate to) {
        Acc a = new Acc();
        for (ProjectFacts p : projects) {
            LocalDate d = p.dateOf(stage);
            if (d != null && (from == null || !d.isBefore(from)) && !d.isAfter(to)) {
                a.add(p);
            }
        }
        return a.tally();
    }

    static Period period(List<ProjectFacts> projects, LocalDate from, LocalDate to, LocalDate asOf) {
        return new Period(from, to, asOf, reachedIn(projects, ProjectStage.SIGNED, from, to),
                reachedIn(projects, ProjectStage.STARTED, from, to),
                reachedIn(projects, ProjectStage.IN_PRODUCTION, from, to));
    }

    /**
     * The last {@link #TREND_MONTHS} months up to {@code to}: each month's rates are cumulative — the projects that
     * entered since {@code from} and were due by the month's end (or {@code asOf}, if earlier) — and its events
     * are the projects that signed, started and went into production in that month.
     */
    static List<TrendPoint> trend(List<ProjectFacts> projects, LocalDate from, LocalDate to, LocalDate asOf,
                                  LedgerSettings settings) {
        YearMonth last = YearMonth.from(to);
        List<TrendPoint> out = new ArrayList<>();
        for (int i = TREND_MONTHS - 1; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            if (from != null && m.isBefore(YearMonth.from(from))) {
                continue;
            }
            LocalDate end = min(min(m.atEndOfMonth(), asOf), to);
            LocalDate start = from != null && from.isAfter(m.atDay(1)) ? from : m.atDay(1);
            out.add(new TrendPoint(m.toString(),
                    rate(projects, RateKind.START, from, end, end, settings).value(),
                    rate(projects, RateKind.PRODUCTION, from, end, end, settings).value(),
                    rate(projects, RateKind.CAPACITY, from, end, end, settings).value(),
                    reachedIn(projects, ProjectStage.SIGNED, start, end).count(),
                    reachedIn(projects, ProjectStage.STARTED, start, end).count(),
                    reachedIn(projects, ProjectStage.IN_PRODUCTION, start, end).count()));
        }
        return List.copyOf(out);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** Sums counted investment over the projects where it is known. */
    static final class Acc {
        int count;
        int known;
        double sum;

        void add(ProjectFacts p) {
            count++;
            Double v = p.countedInvestmentYi();
            if (v != null) {
                known++;
                sum += v;
            }
        }

        Tally tally() {
            return new Tally(count, known == 0 ? null : round(sum), known);
        }
    }

    /** 亿元 to 4 decimals (万元 precision), so sums of decimals do not print as 3.0000000000000004. */
    static double round(double yi) {
        return Math.round(yi * 10_000d) / 10_000d;
    }
}
