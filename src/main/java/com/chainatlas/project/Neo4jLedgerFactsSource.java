package com.chainatlas.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger read for counting: one parameterised query per call, on the region-code index (a region's code prefix
 * covers all its sub-regions), returning only the properties the facts need (no segment names, no joins).
 */
@Component
public class Neo4jLedgerFactsSource implements LedgerFactsSource {

    private static final String PROJECT_FIELDS;

    static {
        StringBuilder b = new StringBuilder("id: p.id, name: p.name, enterpriseName: p.enterpriseName, regionCode: p.regionCode, "
                + "zoneName: p.zoneName, chainId: p.chainId, segmentIds: p.segmentIds, stage: p.stage, status: p.status, "
                + "plannedInvestmentYi: p.plannedInvestmentYi, actualInvestmentYi: p.actualInvestmentYi, "
                + "addedInvestmentYi: p.addedInvestmentYi, expansion: p.expansion, responsible: p.responsible, "
                + "department: p.department, nextActionDate: p.nextActionDate, updatedAt: p.updatedAt");
        for (ProjectStage s : ProjectStage.values()) {
            b.append(", ").append(ProjectStore.dateKey(s)).append(": p.").append(ProjectStore.dateKey(s));
        }
        PROJECT_FIELDS = b.toString();
    }

    // One fixed text per query (the projection is built once above); the region prefix is a parameter.
    private static final String PROJECTS_UNDER = "MATCH (p:Project) WHERE p.regionCode STARTS WITH $prefix RETURN p {" + PROJECT_FIELDS + "} AS p";
    private static final String PROJECTS_OUTSIDE = "MATCH (p:Project) WHERE NOT p.regionCode STARTS WITH $prefix RETURN p {" + PROJECT_FIELDS + "} AS p";

    private final Neo4jClient neo4j;
    private final LedgerReferences refs;

    Neo4jLedgerFactsSource(Neo4jClient neo4j, LedgerReferences refs) {
        this.neo4j = neo4j;
        this.refs = refs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProjectFacts> projectsUnder(String regionCode) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return List.copyOf(neo4j.query(PROJECTS_UNDER)
                .bind(prefix).to("prefix").fetchAs(ProjectFacts.class).mappedBy((t, r) -> project(r.get("p"))).all());
    }

    @Override
    @Transactional(readOnly = true)
    public List<ProjectFacts> projectsOutside(String regionCode) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return List.copyOf(neo4j.query(PROJECTS_OUTSIDE)
                .bind(prefix).to("prefix").fetchAs(ProjectFacts.class).mappedBy((t, r) -> project(r.get("p"))).all());
    }

    @Override
    @Transactional(readOnly = true)
    public List<LeadFacts> leadsUnder(String regionCode) {
        String prefix = refs.filterRegion(regionCode).prefix();
        return List.copyOf(neo4j.query("""
                MATCH (l:Lead) WHERE l.regionCode STARTS WITH $prefix
                RETURN l {.id, .enterpriseName, .regionCode, .chainId, .segmentId, .status, .responsible, .department,
                          .nextActionDate, .lastContactOn, .createdAt, .projectId} AS l
                """).bind(prefix).to("prefix").fetchAs(LeadFacts.class).mappedBy((t, r) -> {
            Value l = r.get("l");
            return new LeadFacts(l.get("id").asString(), l.get("enterpriseName").asString(null), l.get("regionCode").asString(),
                    l.get("chainId").asString(null), l.get("segmentId").asString(null), l.get("status").asString(),
                    l.get("responsible").asString(null), l.get("department").asString(null), date(l.get("nextActionDate")),
                    l.get("lastContactOn").isNull() ? null
                            : l.get("lastContactOn").asLocalDate().atStartOfDay(com.chainatlas.system.ClockConfiguration.OFFICE_ZONE).toInstant(),
                    instant(l.get("createdAt")), l.get("projectId").asString(null));
        }).all());
    }

    private static ProjectFacts project(Value p) {
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            LocalDate d = date(p.get(ProjectStore.dateKey(s)));
            if (d != null) {
                dates.put(s, d);
            }
        }
        return new ProjectFacts(p.get("id").asString(), p.get("name").asString(null), p.get("enterpriseName").asString(null),
                p.get("regionCode").asString(), p.get("zoneName").asString(null), p.get("chainId").asString(null),
                p.get("segmentIds").isNull() ? List.of() : p.get("segmentIds").asList(Value::asString),
                ProjectStage.valueOf(p.get("stage").asString()), ProjectStatus.valueOf(p.get("status").asString()), dates,
                dbl(p.get("plannedInvestmentYi")), dbl(p.get("actualInvestmentYi")), dbl(p.get("addedInvestmentYi")),
                p.get("expansion").asBoolean(false), p.get("responsible").asString(null), p.get("department").asString(null),
                date(p.get("nextActionDate")), instant(p.get("updatedAt")));
    }

    private static Double dbl(Value v) {
        return v.isNull() ? null : v.asDouble();
    }

    private static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }

    private static Instant instant(Value v) {
        return v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
