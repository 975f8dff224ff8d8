package com.chainatlas.project;

import java.util.List;
import java.util.Map;

/** Request bodies of the project API (dates as ISO strings so a bad one gets a Chinese message). */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /**
     * A new project: the enterprise either by {@code uscc} (in the graph) or by {@code enterpriseName} (+ region).
     * {@code stageDates} (optional) dates earlier stages of a project entered late, e.g. 签约 of a project already 开工.
     */
    public record NewProject(String name, String leadId, String uscc, String enterpriseName, String enterpriseRegionCode,
                             String regionCode, String zoneName, String chainId, List<String> segmentIds,
                             Double plannedInvestmentYi, Double actualInvestmentYi, Boolean expansion,
                             Double addedInvestmentYi, String responsible, String department, String stage,
                             String stageDate, Map<String, String> stageDates, String nextAction, String nextActionDate) {
    }

    /** Move forward to {@code stage} on {@code date}; {@code skippedDates} dates every stage jumped over. */
    public record Advance(String stage, String date, Map<String, String> skippedDates) {
    }

    /** The only way back or to change a date: {@code stageDates} values replace (null removes); reason required. */
    public record Correction(String stage, Map<String, String> stageDates, String reason) {
    }

    /** Suspend, resume or terminate; reason required for suspend and terminate. */
    public record StatusChange(String reason) {
    }
}
