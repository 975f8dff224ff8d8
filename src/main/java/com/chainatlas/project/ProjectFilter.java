package com.chainatlas.project;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which projects a list or export shows; every field optional. {@code regionPrefix} covers a region and all its
 * sub-regions; {@code overdue} = active and (next step date passed, or not updated for {@code updateStaleDays}).
 */
public record ProjectFilter(String regionPrefix, String chainId, String segmentId, ProjectStage stage,
                            ProjectStatus status, String responsible, boolean overdue, String q) {

    /** The query's WHERE clause over {@code p}; its parameters come from {@link #params}. */
    static final String WHERE = """
            WHERE ($prefix IS NULL OR p.regionCode STARTS WITH $prefix)
              AND ($chain IS NULL OR p.chainId = $chain)
              AND ($segment IS NULL OR $segment IN p.segmentIds)
              AND ($stage IS NULL OR p.stage = $stage)
              AND ($status IS NULL OR p.status = $status)
              AND ($responsible IS NULL OR p.responsible = $responsible)
              AND ($q IS NULL OR toLower(p.name) CONTAINS $q OR toLower(coalesce(p.enterpriseName, '')) CONTAINS $q)
              AND (NOT $overdue OR (p.status = 'ACTIVE'
                   AND (p.nextActionDate < $today OR p.updatedAt < datetime({date: $today}) - duration({days: $staleDays}))))
            """;

    Map<String, Object> params(LocalDate today, int staleDays) {
        Map<String, Object> m = new HashMap<>();
        m.put("prefix", regionPrefix);
        m.put("chain", chainId);
        m.put("segment", segmentId);
        m.put("stage", stage == null ? null : stage.name());
        m.put("status", status == null ? null : status.name());
        m.put("responsible", responsible);
        m.put("q", q == null ? null : q.toLowerCase(Locale.ROOT));
        m.put("overdue", overdue);
        m.put("today", today);
        m.put("staleDays", staleDays);
        return m;
    }
}
