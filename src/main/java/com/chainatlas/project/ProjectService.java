package com.chainatlas.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.chainatlas.project.LedgerHistory.FieldChange;
import com.chainatlas.project.LedgerHistory.Subject;
import com.chainatlas.project.ProjectRequests.Advance;
import com.chainatlas.project.ProjectRequests.Correction;
import com.chainatlas.project.ProjectRequests.NewProject;
import com.chainatlas.region.Region;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes projects; every change is checked first and recorded in the history with who and why. */
@Service
public class ProjectService {

    static final Set<String> EDITABLE = Set.of("name", "uscc", "enterpriseName", "enterpriseRegionCode", "regionCode",
            "zoneName", "chainId", "segmentIds", "plannedInvestmentYi", "actualInvestmentYi", "expansion",
            "addedInvestmentYi", "responsible", "department", "nextAction", "nextActionDate", "reason");

    private final ProjectStore store;
    private final LedgerHistory history;
    private final LedgerReferences refs;
    private final LedgerSettingsStore settings;
    private final Clock clock;

    ProjectService(ProjectStore store, LedgerHistory history, LedgerReferences refs, LedgerSettingsStore settings, Clock clock) {
        this.store = store;
        this.history = history;
        this.refs = refs;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public Project create(NewProject body, String by) {
        if (body == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        Instant now = clock.instant();
        String chain = refs.chain(body.chainId(), false);
        Map<String, String> segments = refs.segments(chain, body.segmentIds(), false);
        ProjectStage stage = body.stage() == null ? ProjectStage.PLANNING : Limits.choice(ProjectStage.class, body.stage(), "阶段");
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        dates.putAll(StageRules.parse(body.stageDates()));
        LocalDate stageDate = Limits.date(body.stageDate(), "阶段日期");
        if (stageDate != null) {
            dates.put(stage, stageDate);
        }
        dates.values().removeIf(java.util.Objects::isNull);
        StageRules.check(dates, stage, today());
        Enterprise e = enterprise(body.uscc(), body.enterpriseName(), body.enterpriseRegionCode());
        boolean expansion = Boolean.TRUE.equals(body.expansion());
        Double added = Limits.investment(body.addedInvestmentYi(), "新增投资");
        checkExpansion(expansion, added);
        Project p = new Project(UUID.randomUUID().toString(), Limits.required(body.name(), Limits.NAME, "项目名称"),
                e.name(), e.uscc(), e.regionCode(), refs.region(body.regionCode(), "项目落地地区").code(), null,
                Limits.text(body.zoneName(), Limits.NAME, "园区"), chain, List.copyOf(segments.keySet()),
                List.copyOf(segments.values()), stage, stage.zh(), ProjectStatus.ACTIVE, ProjectStatus.ACTIVE.zh(), dates,
                Limits.investment(body.plannedInvestmentYi(), "计划投资"), Limits.investment(body.actualInvestmentYi(), "实际投资"),
                added, expansion, null, Limits.required(body.responsible(), Limits.PERSON, "责任人"),
                Limits.text(body.department(), Limits.DEPARTMENT, "责任单位"), Limits.text(body.nextAction(), Limits.ACTION, "下一步"),
                Limits.date(body.nextActionDate(), "下一步日期"), Limits.text(body.leadId(), Limits.NAME, "线索"), now, now, null);
        store.save(p);
        history.record(Subject.PROJECT, p.id(), by, null, List.of(
                new FieldChange("created", "创建项目", null, p.name() + "（" + stage.zh() + "）")), now);
        return store.get(p.id());
    }

    /** The enterprise of a project or lead: in the graph by USCC, or by name (and region) when not in the graph yet. */
    public record Enterprise(String uscc, String name, String regionCode) {
    }

    public Enterprise enterprise(String uscc, String name, String regionCode) {
        String code = Limits.text(uscc, 18, "统一社会信用代码");
        if (code != null) {
            LedgerReferences.EnterpriseRef e = refs.enterprise(code).orElseThrow(() -> ApiProblem.badRequest(
                    "图谱中没有统一社会信用代码为 " + code + " 的企业；新企业请填写企业名称和所在地区", "Unknown enterprise: " + code));
            return new Enterprise(e.uscc(), e.name(), e.regionCode());
        }
        String n = Limits.required(name, Limits.NAME, "企业名称");
        String region = regionCode == null || regionCode.isBlank() ? null : refs.region(regionCode, "企业所在地区").code();
        return new Enterprise(null, n, region);
    }

    private static void checkExpansion(boolean expansion, Double added) {
        if (!expansion && added != null) {
            throw ApiProblem.badRequest("只有增资/扩产项目填写新增投资（请勾选增资/扩产，或清空新增投资）",
                    "addedInvestmentYi is only for expansion projects");
        }
    }

    @Transactional(readOnly = true)
    public Project get(String id) {
        return store.get(id);
    }

    @Transactional(readOnly = true)
    public PageResult<Project> list(ProjectFilter filter, Paging paging) {
        Limits.pageSize(paging.size());
        LocalDate today = today();
        int stale = settings.current().updateStaleDays();
        return new PageResult<>(store.page(filter, today, stale, paging.skip(), paging.size()),
                paging.page(), paging.size(), store.count(filter, today, stale));
    }

    /** Builds a filter from request parameters, checking each reference (unknown → 404). */
    public ProjectFilter filter(String region, String chain, String segment, String stage, String status,
                                String responsible, Boolean overdue, String q) {
        String prefix = region == null || region.isBlank() ? null : refs.filterRegion(region).prefix();
        String chainId = chain == null || chain.isBlank() ? null : refs.chain(chain, true);
        String segmentId = segment == null || segment.isBlank() ? null
                : refs.segments(chainId, List.of(segment), true).keySet().iterator().next();
        return new ProjectFilter(prefix, chainId, segmentId, Limits.choice(ProjectStage.class, stage, "阶段"),
                Limits.choice(ProjectStatus.class, status, "状态"), Limits.text(responsible, Limits.PERSON, "责任人"),
                Boolean.TRUE.equals(overdue), Limits.text(q, Limits.NAME, "关键词"));
    }

    @Transactional
    public Project patch(String id, Map<String, Object> raw, String by) {
        Project p = store.get(id);
        PatchBody b = new PatchBody(raw, EDITABLE);
        String name = b.has("name") ? Limits.required(b.text("name", Limits.NAME, "项目名称"), Limits.NAME, "项目名称") : p.name();
        Enterprise e = new Enterprise(p.uscc(), p.enterpriseName(), p.enterpriseRegionCode());
        if (b.has("uscc") || b.has("enterpriseName") || b.has("enterpriseRegionCode")) {
            String uscc = b.has("uscc") ? b.text("uscc", 18, "统一社会信用代码") : (b.has("enterpriseName") ? null : p.uscc());
            e = enterprise(uscc, b.has("enterpriseName") ? b.text("enterpriseName", Limits.NAME, "企业名称") : p.enterpriseName(),
                    b.has("enterpriseRegionCode") ? b.text("enterpriseRegionCode", 6, "企业所在地区") : p.enterpriseRegionCode());
        }
        String region = b.has("regionCode") ? refs.region(b.text("regionCode", 6, "项目落地地区"), "项目落地地区").code() : p.regionCode();
        String chain = b.has("chainId") ? refs.chain(b.text("chainId", Limits.NAME, "产业链"), false) : p.chainId();
        List<String> segmentIds = b.has("segmentIds") ? b.strings("segmentIds", "环节") : p.segmentIds();
        Map<String, String> segments = refs.segments(chain, segmentIds, false);
        boolean expansion = b.has("expansion") ? Boolean.TRUE.equals(b.bool("expansion", "增资/扩产")) : p.expansion();
        Double added = b.has("addedInvestmentYi") ? b.number("addedInvestmentYi", "新增投资") : p.addedInvestmentYi();
        checkExpansion(expansion, added);
        Project next = new Project(p.id(), name, e.name(), e.uscc(), e.regionCode(), region, null,
                b.has("zoneName") ? b.text("zoneName", Limits.NAME, "园区") : p.zoneName(), chain,
                List.copyOf(segments.keySet()), List.copyOf(segments.values()), p.stage(), p.stageZh(), p.status(),
                p.statusZh(), p.stageDates(),
                b.has("plannedInvestmentYi") ? b.number("plannedInvestmentYi", "计划投资") : p.plannedInvestmentYi(),
                b.has("actualInvestmentYi") ? b.number("actualInvestmentYi", "实际投资") : p.actualInvestmentYi(),
                added, expansion, null,
                b.has("responsible") ? Limits.required(b.text("responsible", Limits.PERSON, "责任人"), Limits.PERSON, "责任人") : p.responsible(),
                b.has("department") ? b.text("department", Limits.DEPARTMENT, "责任单位") : p.department(),
                b.has("nextAction") ? b.text("nextAction", Limits.ACTION, "下一步") : p.nextAction(),
                b.has("nextActionDate") ? b.date("nextActionDate", "下一步日期") : p.nextActionDate(),
                p.leadId(), p.createdAt(), clock.instant(), p.statusReason());
        return write(p, next, by, b.text("reason", Limits.REASON, "原因"));
    }

    @Transactional
    public Project advance(String id, Advance body, String by) {
        Project p = store.get(id);
        if (body == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        if (p.status() != ProjectStatus.ACTIVE) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT, "项目处于“" + p.statusZh() + "”状态，不能推进阶段"
                    + (p.status() == ProjectStatus.SUSPENDED ? "；请先恢复推进" : ""), "project is " + p.status());
        }
        ProjectStage target = Limits.choice(ProjectStage.class, body.stage(), "阶段");
        Map<ProjectStage, LocalDate> skipped = StageRules.parse(body.skippedDates());
        Map<ProjectStage, LocalDate> dates = StageRules.advance(p.stage(), p.stageDates(), target,
                Limits.date(body.date(), "阶段日期"), skipped, today());
        return write(p, withStage(p, target, dates), by, null);
    }

    @Transactional
    public Project correct(String id, Correction body, String by) {
        Project p = store.get(id);
        if (body == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        String reason = Limits.required(body.reason(), Limits.REASON, "更正原因");
        ProjectStage stage = body.stage() == null ? p.stage() : Limits.choice(ProjectStage.class, body.stage(), "阶段");
        Map<ProjectStage, LocalDate> dates = new EnumMap<>(ProjectStage.class);
        dates.putAll(p.stageDates());
        StageRules.parse(body.stageDates()).forEach((s, d) -> {
            if (d == null) {
                dates.remove(s);
            } else {
                dates.put(s, d);
            }
        });
        dates.keySet().removeIf(s -> s.compareTo(stage) > 0); // going back drops the dates of stages no longer reached
        StageRules.check(dates, stage, today());
        return write(p, withStage(p, stage, dates), by, reason);
    }

    @Transactional
    public Project changeStatus(String id, ProjectStatus to, String reasonText, String by) {
        Project p = store.get(id);
        String reason = to == ProjectStatus.ACTIVE ? Limits.text(reasonText, Limits.REASON, "原因")
                : Limits.required(reasonText, Limits.REASON, to == ProjectStatus.SUSPENDED ? "暂缓原因" : "终止原因");
        boolean allowed = switch (to) {
            case SUSPENDED -> p.status() == ProjectStatus.ACTIVE;
            case ACTIVE -> p.status() == ProjectStatus.SUSPENDED;
            case TERMINATED -> p.status() != ProjectStatus.TERMINATED;
        };
        if (!allowed) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONFLICT,
                    "项目当前为“" + p.statusZh() + "”，不能改为“" + to.zh() + "”", "cannot change status " + p.status() + " → " + to);
        }
        Project next = new Project(p.id(), p.name(), p.enterpriseName(), p.uscc(), p.enterpriseRegionCode(), p.regionCode(),
                null, p.zoneName(), p.chainId(), p.segmentIds(), p.segmentNames(), p.stage(), p.stageZh(), to, to.zh(),
                p.stageDates(), p.plannedInvestmentYi(), p.actualInvestmentYi(), p.addedInvestmentYi(), p.expansion(), null,
                p.responsible(), p.department(), p.nextAction(), p.nextActionDate(), p.leadId(), p.createdAt(),
                clock.instant(), to == ProjectStatus.ACTIVE ? null : reason);
        return write(p, next, by, reason);
    }

    @Transactional(readOnly = true)
    public List<Change> history(String id) {
        store.get(id);
        return history.of(id);
    }

    private Project withStage(Project p, ProjectStage stage, Map<ProjectStage, LocalDate> dates) {
        return new Project(p.id(), p.name(), p.enterpriseName(), p.uscc(), p.enterpriseRegionCode(), p.regionCode(), null,
                p.zoneName(), p.chainId(), p.segmentIds(), p.segmentNames(), stage, stage.zh(), p.status(), p.statusZh(),
                dates, p.plannedInvestmentYi(), p.actualInvestmentYi(), p.addedInvestmentYi(), p.expansion(), null,
                p.responsible(), p.department(), p.nextAction(), p.nextActionDate(), p.leadId(), p.createdAt(),
                clock.instant(), p.statusReason());
    }

    /** Saves {@code next} and records each changed field; nothing is written when nothing changed. */
    Project write(Project before, Project next, String by, String reason) {
        List<FieldChange> changes = diff(before, next);
        if (changes.stream().noneMatch(FieldChange::changed)) {
            return before;
        }
        store.save(next);
        history.record(Subject.PROJECT, next.id(), by, reason, changes, next.updatedAt());
        return store.get(next.id());
    }

    static List<FieldChange> diff(Project a, Project b) {
        List<FieldChange> c = new ArrayList<>();
        c.add(new FieldChange("name", "项目名称", a.name(), b.name()));
        c.add(new FieldChange("enterpriseName", "企业名称", a.enterpriseName(), b.enterpriseName()));
        c.add(new FieldChange("uscc", "统一社会信用代码", a.uscc(), b.uscc()));
        c.add(new FieldChange("enterpriseRegionCode", "企业所在地区", a.enterpriseRegionCode(), b.enterpriseRegionCode()));
        c.add(new FieldChange("regionCode", "项目落地地区", a.regionCode(), b.regionCode()));
        c.add(new FieldChange("zoneName", "园区", a.zoneName(), b.zoneName()));
        c.add(new FieldChange("chainId", "产业链", a.chainId(), b.chainId()));
        c.add(new FieldChange("segmentIds", "环节", a.segmentIds(), b.segmentIds()));
        c.add(new FieldChange("stage", "阶段", a.stage().zh(), b.stage().zh()));
        for (ProjectStage s : ProjectStage.values()) {
            c.add(new FieldChange("stageDates." + s.name(), s.zh() + "日期", a.stageDates().get(s), b.stageDates().get(s)));
        }
        c.add(new FieldChange("status", "状态", a.status().zh(), b.status().zh()));
        c.add(new FieldChange("statusReason", "状态原因", a.statusReason(), b.statusReason()));
        c.add(new FieldChange("plannedInvestmentYi", "计划投资（亿元）", a.plannedInvestmentYi(), b.plannedInvestmentYi()));
        c.add(new FieldChange("actualInvestmentYi", "实际投资（亿元）", a.actualInvestmentYi(), b.actualInvestmentYi()));
        c.add(new FieldChange("expansion", "增资/扩产", a.expansion(), b.expansion()));
        c.add(new FieldChange("addedInvestmentYi", "新增投资（亿元）", a.addedInvestmentYi(), b.addedInvestmentYi()));
        c.add(new FieldChange("responsible", "责任人", a.responsible(), b.responsible()));
        c.add(new FieldChange("department", "责任单位", a.department(), b.department()));
        c.add(new FieldChange("nextAction", "下一步", a.nextAction(), b.nextAction()));
        c.add(new FieldChange("nextActionDate", "下一步日期", a.nextActionDate(), b.nextActionDate()));
        return c;
    }
}
