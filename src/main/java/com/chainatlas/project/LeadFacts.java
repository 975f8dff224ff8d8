package com.chainatlas.project;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What alerts and the "gaps being filled" view need to know about one lead (招商线索).
 *
 * @param status         NEW (新线索), FOLLOWING (跟进中), CONVERTED (已转项目), DROPPED (已放弃)
 * @param projectId      the project it became, when CONVERTED
 * @param lastContactAt  the last contact-log entry, or null when never contacted
 */
public record LeadFacts(
        String id,
        String enterpriseName,
        String regionCode,
        String chainId,
        String segmentId,
        String status,
        String responsible,
        String department,
        LocalDate nextActionDate,
        Instant lastContactAt,
        Instant createdAt,
        String projectId) {}
