package com.chainatlas.project;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.chainatlas.system.ApiProblem;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects as {@code (:Project)} nodes: plain properties (stage dates as {@code <stage>On} dates, segments as the
 * list {@code segmentIds}, investments in 亿元 or absent), plus {@code TARGETS} to the enterprise when it is in the
 * graph, {@code IN_SEGMENT} to its segments and {@code LOCATED_IN} to its region, for graph readers.
 * Reads are one query per page; the stored node is the whole entry, so nothing needs a join.
 */
@Component
public class ProjectStore {

    /** The property that holds a stage's date, e.g. {@code signedOn}. */
    public static String dateKey(ProjectStage s) {
        String[] parts = s.name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.append("On").toString();
    }

    private static final String RETURN = """
            OPTIONAL MATCH (s:Segment) WHERE s.id IN p.segmentIds
            WITH p, collect(s) AS segs
            RETURN p, [id IN p.segmentIds | head([s IN segs WHERE s.id = id | s.name])] AS segmentNames
            """;

    // Each query is one fixed text, assembled once from the shared parts; every value is a parameter.
    private static final String FIND = "MATCH (p:Project {id: $id})\n" + RETURN;
    private static final String COUNT = "MATCH (p:Project)\n" + ProjectFilter.WHERE + "RETURN count(p) AS n";
    private static final String PAGE_BY_UPDATE = "MATCH (p:Project)\n" + ProjectFilter.WHERE
            + "WITH p ORDER BY p.updatedAt DESC, p.id SKIP $skip LIMIT $limit\n" + RETURN + " ORDER BY p.updatedAt DESC, p.id";
    private static final String PAGE_BY_REGION = "MATCH (p:Project)\n" + ProjectFilter.WHERE
            + "WITH p ORDER BY p.regionCode, p.name, p.id SKIP $skip LIMIT $limit\n" + RETURN + " ORDER BY p.regionCode, p.name, p.id";

    private final Neo4jClient neo4j;
    private final LedgerReferences refs;
    private final LedgerVersion version;

    ProjectStore(Neo4jClient neo4j, LedgerReferences refs, LedgerVersion version) {
        this.neo4j = neo4j;
        this.refs = refs;
        this.version = version;
    }

    /** Writes all properties of {@code p} (creating the node when new) and its enterprise link. */
    void save(Project p) {
        Map<String, Object> props = new HashMap<>();
        props.put("name", p.name());
        props.put("enterpriseName", p.enterpriseName());
        props.put("enterpriseUscc", p.uscc());
        props.put("enterpriseRegionCode", p.enterpriseRegionCode());
        props.put("regionCode", p.regionCode());
        props.put("zoneName", p.zoneName());
        props.put("chainId", p.chainId());
        props.put("segmentIds", p.segmentIds());
        props.put("stage", p.stage().name());
        props.put("status", p.status().name());
        props.put("statusReason", p.statusReason());
        for (ProjectStage s : ProjectStage.values()) {
            props.put(dateKey(s), p.stageDates().get(s));
        }
        props.put("plannedInvestmentYi", p.plannedInvestmentYi());
        props.put("actualInvestmentYi", p.actualInvestmentYi());
        props.put("addedInvestmentYi", p.addedInvestmentYi());
        props.put("expansion", p.expansion());
        props.put("responsible", p.responsible());
        props.put("department", p.department());
        props.put("nextAction", p.nextAction());
        props.put("nextActionDate", p.nextActionDate());
        props.put("leadId", p.leadId());
        props.put("createdAt", p.createdAt().atOffset(ZoneOffset.UTC));
        props.put("updatedAt", p.updatedAt().atOffset(ZoneOffset.UTC));
        Map<String, Object> params = new HashMap<>();
        params.put("id", p.id());
        params.put("props", props);
        params.put("uscc", p.uscc());
        // SET p += map keeps nothing stale: null values remove the property (unknown stays absent).
        neo4j.query("""
                MERGE (p:Project {id: $id})
                SET p += $props
                WITH p
                OPTIONAL MATCH (p)-[old:TARGETS|IN_SEGMENT|LOCATED_IN]->()
                DELETE old
                WITH DISTINCT p
                OPTIONAL MATCH (e:Enterprise {uscc: $uscc})
                FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | MERGE (p)-[:TARGETS]->(e))
                WITH p
                OPTIONAL MATCH (r:Region {code: p.regionCode})
                FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | MERGE (p)-[:LOCATED_IN]->(r))
                WITH p
                CALL (p) { MATCH (s:Segment) WHERE s.id IN p.segmentIds MERGE (p)-[:IN_SEGMENT]->(s) }
                """).bindAll(params).run();
        version.projectChanged(p.id());
    }

    @Transactional(readOnly = true)
    Optional<Project> find(String id) {
        return neo4j.query(FIND).bind(id).to("id")
                .fetchAs(Project.class).mappedBy((t, r) -> map(r.get("p"), r.get("segmentNames"))).one();
    }

    @Transactional(readOnly = true)
    public Project get(String id) {
        return find(id).orElseThrow(() -> ApiProblem.notFound("项目", "Project", id));
    }

    /** The project of the same name in the same region, if any (how an import without ids finds its rows). */
    @Transactional(readOnly = true)
    Optional<String> idByNameAndRegion(String name, String regionCode) {
        return neo4j.query("MATCH (p:Project {name: $name, regionCode: $region}) RETURN p.id AS id ORDER BY p.createdAt LIMIT 1")
                .bindAll(Map.of("name", name, "region", regionCode)).fetchAs(String.class).one();
    }

    @Transactional(readOnly = true)
    long count(ProjectFilter f, LocalDate today, int staleDays) {
        return neo4j.query(COUNT)
                .bindAll(f.params(today, staleDays)).fetchAs(Long.class).one().orElse(0L);
    }

    @Transactional(readOnly = true)
    List<Project> page(ProjectFilter f, LocalDate today, int staleDays, long skip, int limit) {
        Map<String, Object> params = f.params(today, staleDays);
        params.put("skip", skip);
        params.put("limit", limit);
        return List.copyOf(neo4j.query(PAGE_BY_UPDATE)
                .bindAll(params).fetchAs(Project.class).mappedBy((t, r) -> map(r.get("p"), r.get("segmentNames"))).all());
    }

    /** Every matching project, a page at a time (for exports), in region then name order. */
    @Transactional(readOnly = true)
    void forEach(ProjectFilter f, LocalDate today, int staleDays, Consumer<Project> sink) {
        final int batch = 1000;
        for (long skip = 0; ; skip += batch) {
            Map<String, Object> params = f.params(today, staleDays);
            params.put("skip", skip);
            params.put("limit", batch);
            List<Project> rows = List.copyOf(neo4j.query(PAGE_BY_REGION)
                    .bindAll(params).fetchAs(Project.class).mappedBy((t, r) -> map(r.get("p"), r.get("segmentNames"))).all());
            rows.forEach(sink);
            if (rows.size() < batch) {
                return;
            }
        }
    }

    Project map(Value p, Value segmentNames) {
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            Value d = p.get(dateKey(s));
            if (!d.isNull()) {
                dates.put(s, d.asLocalDate());
            }
        }
        List<String> segmentIds = p.get("segmentIds").isNull() ? List.of() : p.get("segmentIds").asList(Value::asString);
        List<String> names = new ArrayList<>();
        if (segmentNames != null && !segmentNames.isNull()) {
            segmentNames.asList(v -> v.isNull() ? null : v.asString()).forEach(names::add);
        }
        ProjectStage stage = ProjectStage.valueOf(p.get("stage").asString());
        ProjectStatus status = ProjectStatus.valueOf(p.get("status").asString());
        boolean expansion = p.get("expansion").asBoolean(false);
        Double planned = dbl(p, "plannedInvestmentYi");
        Double added = dbl(p, "addedInvestmentYi");
        String region = p.get("regionCode").asString();
        return new Project(p.get("id").asString(), p.get("name").asString(), p.get("enterpriseName").asString(null),
                p.get("enterpriseUscc").asString(null), p.get("enterpriseRegionCode").asString(null), region,
                refs.regionName(region), p.get("zoneName").asString(null), p.get("chainId").asString(null), segmentIds,
                names, stage, stage.zh(), status, status.zh(), dates, planned, dbl(p, "actualInvestmentYi"), added,
                expansion, expansion ? added : planned, p.get("responsible").asString(null),
                p.get("department").asString(null), p.get("nextAction").asString(null), date(p, "nextActionDate"),
                p.get("leadId").asString(null), instant(p, "createdAt"), instant(p, "updatedAt"),
                p.get("statusReason").asString(null));
    }

    private static Double dbl(Value p, String key) {
        Value v = p.get(key);
        return v.isNull() ? null : v.asDouble();
    }

    private static LocalDate date(Value p, String key) {
        Value v = p.get(key);
        return v.isNull() ? null : v.asLocalDate();
    }

    private static Instant instant(Value p, String key) {
        Value v = p.get(key);
        return v.isNull() ? null : v.asOffsetDateTime().toInstant();
    }
}
