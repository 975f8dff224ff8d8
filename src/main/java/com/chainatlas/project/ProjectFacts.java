package com.chainatlas.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What rates, alerts and the dashboard need to know about one project of the ledger (项目台账), read in one go.
 * The shared contract between the ledger (which stores projects) and the dashboard (which counts them).
 *
 * <p>Unknown is not zero: an investment nobody gave is {@code null}; a stage nobody reached has no date.
 *
 * @param regionCode          the county/city/province the project is counted in (GB/T 2260); a project is counted once
 * @param segmentIds          the chain segments it fills (may be empty when not yet assigned)
 * @param stage               the furthest stage reached
 * @param stageDates          the date of every stage reached (only reached stages have a key)
 * @param plannedInvestmentYi planned total investment in 亿元 (for 增资/扩产 the stated new total), or null
 * @param addedInvestmentYi   for 增资/扩产 only: the increase, which is all that counts; null otherwise or unknown
 * @param expansion           true for 增资/扩产 of an existing investment
 * @param nextActionDate      the date of the next planned step, or null
 * @param lastUpdatedAt       when the ledger entry last changed (offices update monthly)
 */
public record ProjectFacts(
        String id,
        String name,
        String enterpriseName,
        String regionCode,
        String zoneName,
        String chainId,
        List<String> segmentIds,
        ProjectStage stage,
        ProjectStatus status,
        Map<ProjectStage, LocalDate> stageDates,
        Double plannedInvestmentYi,
        Double actualInvestmentYi,
        Double addedInvestmentYi,
        boolean expansion,
        String responsible,
        String department,
        LocalDate nextActionDate,
        Instant lastUpdatedAt) {

    public ProjectFacts {
        segmentIds = List.copyOf(segmentIds);
        stageDates = Map.copyOf(stageDates);
    }

    /** The investment that counts (计入投资额): for 增资/扩产 only the increase; null when that figure is unknown. */
    public Double countedInvestmentYi() {
        return expansion ? addedInvestmentYi : plannedInvestmentYi;
    }

    public LocalDate dateOf(ProjectStage s) {
        return stageDates.get(s);
    }
}
