package com.chainatlas.project.lead;

import java.time.Instant;
import java.time.LocalDate;

import com.chainatlas.project.LeadFacts;

/**
 * A lead (招商线索) as the API shows it. {@code lastContactAt} is the start (Beijing time) of the latest contact's
 * date, null when never contacted; {@code daysSinceContact} is then null too (unknown is not zero), while
 * {@code stale} still judges a never-contacted lead by its creation date.
 */
public record Lead(
        String id,
        String enterpriseName,
        String uscc,
        String enterpriseRegionCode,
        String regionCode,
        String regionName,
        String chainId,
        String segmentId,
        String segmentName,
        LeadSource source,
        String sourceZh,
        LeadStatus status,
        String statusZh,
        String statusReason,
        String responsible,
        String department,
        String nextAction,
        LocalDate nextActionDate,
        String note,
        String targetListId,
        Instant createdAt,
        Instant updatedAt,
        Instant lastContactAt,
        LocalDate lastContactDate,
        Long daysSinceContact,
        boolean stale,
        String projectId) {

    public LeadFacts facts() {
        return new LeadFacts(id, enterpriseName, regionCode, chainId, segmentId, status.name(), responsible, department,
                nextActionDate, lastContactAt, createdAt, projectId);
    }
}
