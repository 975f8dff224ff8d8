package com.chainatlas.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.chainatlas.analysis.Verdict;
import com.chainatlas.project.ProjectStage;

/**
 * Response records of the dashboard API (stable: the frontend mirrors them in api/types.ts). Investment is in 亿元
 * and summed over the projects whose counted investment is known ({@code …KnownCount} says how many); it is null
 * when none was known (unknown is not 0). A rate over no due project is null, never 0.
 */
public final class DashboardModel {

    private DashboardModel() {
    }

    /** The region asked about, with its level (PROVINCE, CITY, COUNTY). */
    public record RegionRef(String code, String name, String level, String fullName) {
    }

    /** A count of projects and their counted investment (增资/扩产: the increase only). */
    public record Tally(int count, Double investmentYi, int investmentKnownCount) {
    }

    /** Projects currently at one stage (the furthest reached), terminated ones left out; {@code suspended} of them 暂缓. */
    public record StageFigure(ProjectStage stage, String stageZh, int count, Double investmentYi,
                              int investmentKnownCount, int suspended) {
    }

    /**
     * A rate with its rule in words. {@code value} = numerator / denominator, null when nothing is due yet;
     * {@code notYetDue} projects entered the cohort but their window has not closed, so they are not counted.
     */
    public record Rate(String key, String nameZh, Double value, int numerator, int denominator, int notYetDue,
                       String ruleZh) {
    }

    /**
     * The period: projects that signed/started/went into production between {@code from} and {@code to}
     * ({@code from} null = since the first entry), judged at {@code asOf} (today on the office clock).
     */
    public record Period(LocalDate from, LocalDate to, LocalDate asOf, Tally signed, Tally started, Tally inProduction) {
    }

    /** One month of the trend: the cumulative rates at the month's end and that month's events (三个一批). */
    public record TrendPoint(String month, Double startRate, Double productionRate, Double capacityRate, int signed,
                             int started, int inProduction) {
    }

    /**
     * One direct sub-region (a city sees its counties); {@code own} marks the projects filed at the region itself
     * (e.g. 市本级), which belong to no sub-region.
     */
    public record SubRegionRow(String regionCode, String regionName, boolean own, int projects, Double investmentYi,
                               int investmentKnownCount, Map<ProjectStage, Integer> stageCounts, Rate startRate,
                               Rate productionRate, Rate capacityRate, int overdue) {
    }

    /** A peer region (same level, same parent) that has ledger data. */
    public record PeerRow(String regionCode, String regionName, int projects, Rate startRate, Rate productionRate,
                          Rate capacityRate) {
    }

    /** What needs doing: a project or lead that is late, with who answers for it. */
    public record Alert(AlertKind kind, String kindZh, String subjectType, String subjectId, String name,
                        String regionCode, String responsible, String department, LocalDate dueDate, long daysOverdue,
                        String messageZh) {
    }

    /** The rates of a region and period, with the trend. */
    public record Rates(RegionRef region, String chainId, Period period, List<Rate> rates, List<TrendPoint> trend) {
    }

    /** A MISSING/WEAK/卡脖子 segment and the leads and projects filling it. */
    public record GapSegment(String chainId, String segmentId, String segmentName, Verdict verdict, String verdictZh,
                             boolean chokepoint, boolean key, int leads, Map<ProjectStage, Integer> projectsByStage,
                             int projects, String labelZh) {
    }

    /** The gaps of a chain's diagnosis for a region. */
    public record Gaps(String chainId, RegionRef region, List<GapSegment> segments) {
    }

    /** The 领导驾驶舱 page in one answer. */
    public record Dashboard(RegionRef region, String chainId, Period period, List<StageFigure> stages, Tally terminated,
                            List<Rate> rates, List<TrendPoint> trend, List<SubRegionRow> subRegions,
                            List<Alert> overdue, int overdueTotal, List<GapSegment> gaps, List<PeerRow> peers,
                            Map<String, String> notesZh) {
    }
}
