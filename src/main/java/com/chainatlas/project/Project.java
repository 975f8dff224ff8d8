package com.chainatlas.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project of the ledger (项目台账) as the API shows it. Unknown investment stays null; only reached stages have a
 * date in {@code stageDates}. A project names an enterprise of the graph by {@code uscc}, or only by name and region
 * ({@code uscc} null) when the enterprise is not in the graph yet.
 */
public record Project(
        String id,
        String name,
        String enterpriseName,
        String uscc,
        String enterpriseRegionCode,
        String regionCode,
        String regionName,
        String zoneName,
        String chainId,
        List<String> segmentIds,
        List<String> segmentNames,
        ProjectStage stage,
        String stageZh,
        ProjectStatus status,
        String statusZh,
        Map<ProjectStage, LocalDate> stageDates,
        Double plannedInvestmentYi,
        Double actualInvestmentYi,
        Double addedInvestmentYi,
        boolean expansion,
        Double countedInvestmentYi,
        String responsible,
        String department,
        String nextAction,
        LocalDate nextActionDate,
        String leadId,
        Instant createdAt,
        Instant updatedAt,
        String statusReason) {

    public ProjectFacts facts() {
        return new ProjectFacts(id, name, enterpriseName, regionCode, zoneName, chainId, segmentIds, stage, status,
                stageDates, plannedInvestmentYi, actualInvestmentYi, addedInvestmentYi, expansion, responsible,
                department, nextActionDate, updatedAt);
    }
}
