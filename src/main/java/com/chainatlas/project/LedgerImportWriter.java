package com.chainatlas.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.chainatlas.ingest.ProjectWriter;
import com.chainatlas.project.LedgerHistory.FieldChange;
import com.chainatlas.project.LedgerHistory.Subject;
import com.chainatlas.region.RegionCatalog;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Writes validated 项目台账 rows: a row with a known id updates that project, otherwise one with the same name and
 * region; anything else is a new project. Each changed field goes into the project's history, so re-importing an
 * edited export shows who changed what (by "项目台账导入"). A row is the whole entry: an empty cell is unknown.
 */
@Component
public class LedgerImportWriter implements ProjectWriter {

    static final String BY = "项目台账导入";

    private final ProjectStore store;
    private final LedgerHistory history;
    private final LedgerReferences refs;
    private final Clock clock;

    LedgerImportWriter(ProjectStore store, LedgerHistory history, LedgerReferences refs, Clock clock) {
        this.store = store;
        this.history = history;
        this.refs = refs;
        this.clock = clock;
    }

    /** The writer without a Spring context (the ingest test harness builds its import service by hand). */
    public static LedgerImportWriter standalone(Neo4jClient neo4j, Clock clock) {
        LedgerReferences refs = new LedgerReferences(new RegionCatalog(), neo4j);
        return new LedgerImportWriter(new ProjectStore(neo4j, refs, new LedgerVersion(neo4j)), new LedgerHistory(neo4j, clock), refs, clock);
    }

    @Override
    public void mergeProjects(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            merge(row);
        }
    }

    private void merge(Map<String, Object> r) {
        Instant now = clock.instant();
        String name = s(r, "name");
        String region = s(r, "regionCode");
        String givenId = s(r, "id");
        Optional<Project> existing = givenId != null ? store.find(givenId)
                : store.idByNameAndRegion(name, region).flatMap(store::find);
        String uscc = s(r, "enterprise");
        String enterpriseName = s(r, "enterpriseName");
        String enterpriseRegion = s(r, "enterpriseRegionCode");
        if (uscc != null) {
            Optional<LedgerReferences.EnterpriseRef> e = refs.enterprise(uscc);
            if (e.isPresent()) {
                enterpriseName = e.get().name();
                enterpriseRegion = enterpriseRegion != null ? enterpriseRegion : e.get().regionCode();
            }
        }
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        for (ProjectStage s : ProjectStage.values()) {
            String d = s(r, ProjectStore.dateKey(s));
            if (d != null) {
                dates.put(s, LocalDate.parse(d));
            }
        }
        ProjectStage stage = ProjectStage.valueOf(s(r, "stage"));
        ProjectStatus status = s(r, "status") == null ? ProjectStatus.ACTIVE : ProjectStatus.valueOf(s(r, "status"));
        @SuppressWarnings("unchecked")
        List<String> segments = r.get("segmentIds") instanceof List<?> l ? List.copyOf((List<String>) l) : List.of();
        boolean expansion = Boolean.TRUE.equals(r.get("expansion"));
        Project next = new Project(existing.map(Project::id).orElse(givenId != null ? givenId : UUID.randomUUID().toString()),
                name, enterpriseName, uscc, enterpriseRegion, region, null, s(r, "zoneName"), s(r, "chainId"), segments,
                List.of(), stage, stage.zh(), status, status.zh(), dates, d(r, "plannedInvestmentYi"),
                d(r, "actualInvestmentYi"), d(r, "addedInvestmentYi"), expansion, null, s(r, "responsible"),
                s(r, "department"), s(r, "nextAction"),
                s(r, "nextActionDate") == null ? null : LocalDate.parse(s(r, "nextActionDate")),
                existing.map(Project::leadId).orElse(null), existing.map(Project::createdAt).orElse(now), now,
                status == ProjectStatus.ACTIVE ? null : s(r, "statusReason"));
        if (existing.isPresent()) {
            List<FieldChange> changes = ProjectService.diff(existing.get(), next);
            if (changes.stream().anyMatch(FieldChange::changed)) {
                store.save(next);
                history.record(Subject.PROJECT, next.id(), BY, "项目台账导入", changes, now);
            }
        } else {
            store.save(next);
            history.record(Subject.PROJECT, next.id(), BY, "项目台账导入", List.of(
                    new FieldChange("created", "创建项目", null, name + "（" + stage.zh() + "）")), now);
        }
    }

    private static String s(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static Double d(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
