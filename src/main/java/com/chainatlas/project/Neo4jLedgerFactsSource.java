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

    /** The properties read, in order: returned as a list, not a map, so 10,000 rows do not carry 25 keys each. */
    private static final List<String> FIELDS;
    private static final String PROJECT_FIELDS;

    static {
        List<String> f = new java.util.ArrayList<>(List.of("id", "name", "enterpriseName", "regionCode", "zoneName",
                "chainId", "segmentIds", "stage", "status", "plannedInvestmentYi", "actualInvestmentYi",
                "addedInvestmentYi", "expansion", "responsible", "department", "nextActionDate", "updatedAt"));
        for (ProjectStage s : ProjectStage.values()) {
            f.add(ProjectStore.dateKey(s));
        }
        FIELDS = List.copyOf(f);
        PROJECT_FIELDS = String.join(", ", FIELDS.stream().map(k -> "p." + k).toList());
    }

    // One fixed text per query (the projection is built once above); the region prefix is a parameter.
    private static final String PROJECTS_UNDER = "MATCH (p:Project) WHERE p.regionCode STARTS WITH $prefix RETURN [" + PROJECT_FIELDS + "] AS p";
    private static final String PROJECTS_OUTSIDE = "MATCH (p:Project) WHERE NOT p.regionCode STARTS WITH $prefix RETURN [" + PROJECT_FIELDS + "] AS p";

    private static final String PROJECTS_SINCE = "MATCH (p:Project) WHERE p.ledgerEpoch > $since RETURN [" + PROJECT_FIELDS + "] AS p";
    private static final String ALL_PROJECTS = "MATCH (p:Project) RETURN [" + PROJECT_FIELDS + "] AS p";
    private static final String LEAD_FIELDS = "RETURN l {.id, .enterpriseName, .regionCode, .chainId, .segmentId, .status, "
            + ".responsible, .department, .nextActionDate, .lastContactOn, .createdAt, .projectId} AS l";

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
        return List.copyOf(neo4j.query("MATCH (l:Lead) WHERE l.regionCode STARTS WITH $prefix " + LEAD_FIELDS)
                .bind(prefix).to("prefix").fetchAs(LeadFacts.class).mappedBy((t, r) -> lead(r.get("l"))).all());
    }

    /** The ledger version and every project and lead (since == null) or those written after epoch {@code since}. */
    public record Delta(long epoch, List<ProjectFacts> projects, List<LeadFacts> leads) {
    }

    /**
     * One read transaction: the epoch first, then the rows, so nothing up to that epoch is missed (rows of later
     * writes may come too; they are read again next time, which is harmless).
     */
    @Transactional(readOnly = true)
    public Delta since(Long since) {
        long epoch = neo4j.query("MATCH (v:LedgerVersion {id: 'ledger'}) RETURN v.epoch AS epoch")
                .fetchAs(Long.class).one().orElse(0L);
        List<ProjectFacts> ps = List.copyOf((since == null ? neo4j.query(ALL_PROJECTS)
                : neo4j.query(PROJECTS_SINCE).bind(since).to("since"))
                .fetchAs(ProjectFacts.class).mappedBy((t, r) -> project(r.get("p"))).all());
        List<LeadFacts> ls = List.copyOf((since == null ? neo4j.query("MATCH (l:Lead) " + LEAD_FIELDS)
                : neo4j.query("MATCH (l:Lead) WHERE l.ledgerEpoch > $since " + LEAD_FIELDS).bind(since).to("since"))
                .fetchAs(LeadFacts.class).mappedBy((t, r) -> lead(r.get("l"))).all());
        return new Delta(epoch, ps, ls);
    }

    private static LeadFacts lead(Value l) {
        {
            return new LeadFacts(l.get("id").asString(), l.get("enterpriseName").asString(null), l.get("regionCode").asString(),
                    l.get("chainId").asString(null), l.get("segmentId").asString(null), l.get("status").asString(),
                    l.get("responsible").asString(null), l.get("department").asString(null), date(l.get("nextActionDate")),
                    l.get("lastContactOn").isNull() ? null
                            : l.get("lastContactOn").asLocalDate().atStartOfDay(com.chainatlas.system.ClockConfiguration.OFFICE_ZONE).toInstant(),
                    instant(l.get("createdAt")), l.get("projectId").asString(null));
        }
    }

    private static ProjectFacts project(Value p) {
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        ProjectStage[] stages = ProjectStage.values();
        int d0 = FIELDS.size() - stages.length;
        for (int i = 0; i < stages.length; i++) {
            LocalDate d = date(p.get(d0 + i));
            if (d != null) {
                dates.put(stages[i], d);
            }
        }
        Value segs = p.get(6);
        return new ProjectFacts(p.get(0).asString(), p.get(1).asString(null), p.get(2).asString(null),
                p.get(3).asString(), p.get(4).asString(null), p.get(5).asString(null),
                segs.isNull() ? List.of() : segs.asList(Value::asString),
                ProjectStage.valueOf(p.get(7).asString()), ProjectStatus.valueOf(p.get(8).asString()), dates,
                dbl(p.get(9)), dbl(p.get(10)), dbl(p.get(11)), p.get(12).asBoolean(false), p.get(13).asString(null),
                p.get(14).asString(null), date(p.get(15)), instant(p.get(16)));
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
