package com.chainatlas.project.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.chainatlas.project.Change;
import com.chainatlas.project.LedgerHistory;
import com.chainatlas.project.LedgerHistory.FieldChange;
import com.chainatlas.project.LedgerHistory.Subject;
import com.chainatlas.project.LedgerReferences;
import com.chainatlas.project.LedgerSettingsStore;
import com.chainatlas.project.Limits;
import com.chainatlas.project.PatchBody;
import com.chainatlas.project.Project;
import com.chainatlas.project.ProjectRequests.NewProject;
import com.chainatlas.project.ProjectService;
import com.chainatlas.project.lead.LeadRequests.FromTarget;
import com.chainatlas.project.lead.LeadRequests.NewContact;
import com.chainatlas.project.lead.LeadRequests.NewLead;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leads (招商线索): entered by hand or from a target-list row, followed up in the contact log, converted or dropped. */
@Service
class LeadService {

    /** An open lead for the same enterprise, region and chain already exists (409 with its id). */
    static final class DuplicateLead extends RuntimeException {
        final String existingId;

        DuplicateLead(String existingId) {
            super("open lead exists: " + existingId);
            this.existingId = existingId;
        }
    }

    static final Set<String> EDITABLE = Set.of("enterpriseName", "uscc", "enterpriseRegionCode", "regionCode", "chainId",
            "segmentId", "source", "responsible", "department", "nextAction", "nextActionDate", "note", "status", "reason");

    private final LeadStore store;
    private final LedgerHistory history;
    private final LedgerReferences refs;
    private final ProjectService projects;
    private final LedgerSettingsStore settings;
    private final Clock clock;

    LeadService(LeadStore store, LedgerHistory history, LedgerReferences refs, ProjectService projects,
                LedgerSettingsStore settings, Clock clock) {
        this.store = store;
        this.history = history;
        this.refs = refs;
        this.projects = projects;
        this.settings = settings;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    Lead get(String id) {
        return store.get(id, today(), settings.current().leadStaleDays());
    }

    @Transactional
    Lead create(NewLead b, String by) {
        if (b == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        ProjectService.Enterprise e = projects.enterprise(b.uscc(), b.enterpriseName(), b.enterpriseRegionCode());
        LeadSource source = b.source() == null ? LeadSource.OTHER : Limits.choice(LeadSource.class, b.source(), "线索来源");
        return insert(e, b.regionCode(), b.chainId(), b.segmentId(), source, b.responsible(), b.department(),
                b.nextAction(), Limits.date(b.nextActionDate(), "下一步日期"), b.note(), b.targetListId(), by);
    }

    /** One step from a target-list row: the enterprise, its region and (unless given) its segment come from the graph. */
    @Transactional
    Lead fromTarget(FromTarget b, String by) {
        if (b == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        String uscc = Limits.required(b.uscc(), 18, "统一社会信用代码");
        LedgerReferences.EnterpriseRef ref = refs.enterprise(uscc)
                .orElseThrow(() -> ApiProblem.notFound("企业", "Enterprise", uscc));
        String chain = refs.chain(b.chain(), false);
        String segment = b.segmentId();
        if (segment == null || segment.isBlank()) {
            List<String> own = refs.enterpriseSegments(uscc, chain);
            segment = own.isEmpty() ? null : own.get(0);
        }
        return insert(new ProjectService.Enterprise(ref.uscc(), ref.name(), ref.regionCode()), b.region(), chain, segment,
                LeadSource.LIST, b.responsible(), b.department(), null, null, null, b.targetListId(), by);
    }

    private Lead insert(ProjectService.Enterprise e, String regionCode, String chainId, String segmentId, LeadSource source,
                        String responsible, String department, String nextAction, LocalDate nextActionDate, String note,
                        String targetListId, String by) {
        String region = refs.region(regionCode, "招商地区").code();
        String chain = refs.chain(chainId, false);
        String segment = segmentId == null || segmentId.isBlank() ? null
                : refs.segments(chain, List.of(segmentId), false).keySet().iterator().next();
        if (e.uscc() != null) {
            store.openDuplicate(e.uscc(), region, chain).ifPresent(id -> {
                throw new DuplicateLead(id);
            });
        }
        Instant now = clock.instant();
        Map<String, Object> p = new HashMap<>();
        String id = UUID.randomUUID().toString();
        p.put("id", id);
        p.put("enterpriseName", e.name());
        p.put("enterpriseUscc", e.uscc());
        p.put("enterpriseRegionCode", e.regionCode());
        p.put("regionCode", region);
        p.put("chainId", chain);
        p.put("segmentId", segment);
        p.put("source", source.name());
        p.put("status", LeadStatus.NEW.name());
        p.put("responsible", Limits.text(responsible, Limits.PERSON, "责任人"));
        p.put("department", Limits.text(department, Limits.DEPARTMENT, "责任单位"));
        p.put("nextAction", Limits.text(nextAction, Limits.ACTION, "下一步"));
        p.put("nextActionDate", nextActionDate);
        p.put("note", Limits.text(note, Limits.NOTE, "备注"));
        p.put("targetListId", Limits.text(targetListId, Limits.NAME, "招商清单"));
        p.put("createdAt", now);
        p.put("createdOn", LocalDate.now(clock));
        p.put("updatedAt", now);
        store.save(p);
        history.record(Subject.LEAD, id, by, null, List.of(new FieldChange("created", "创建线索", null,
                e.name() + "（" + source.zh() + "）")), now);
        return get(id);
    }

    PageResult<Lead> list(String region, String chain, String segment, String status, String responsible, Boolean stale,
                          String q, Paging paging) {
        Limits.pageSize(paging.size());
        String prefix = region == null || region.isBlank() ? null : refs.filterRegion(region).prefix();
        String chainId = chain == null || chain.isBlank() ? null : refs.chain(chain, true);
        String segmentId = segment == null || segment.isBlank() ? null
                : refs.segments(chainId, List.of(segment), true).keySet().iterator().next();
        LeadStore.Filter f = new LeadStore.Filter(prefix, chainId, segmentId, Limits.choice(LeadStatus.class, status, "线索状态"),
                Limits.text(responsible, Limits.PERSON, "责任人"), Boolean.TRUE.equals(stale), Limits.text(q, Limits.NAME, "关键词"));
        LocalDate today = today();
        return new PageResult<>(store.page(f, today, settings.current().leadStaleDays(), paging.skip(), paging.size()), paging.page(),
                paging.size(), store.count(f, today, settings.current().leadStaleDays()));
    }

    @Transactional
    Lead patch(String id, Map<String, Object> raw, String by) {
        Lead l = get(id);
        PatchBody b = new PatchBody(raw, EDITABLE);
        String reason = b.text("reason", Limits.REASON, "原因");
        Map<String, Object> p = props(l);
        List<FieldChange> changes = new ArrayList<>();
        if (b.has("uscc") || b.has("enterpriseName") || b.has("enterpriseRegionCode")) {
            String uscc = b.has("uscc") ? b.text("uscc", 18, "统一社会信用代码") : (b.has("enterpriseName") ? null : l.uscc());
            ProjectService.Enterprise e = projects.enterprise(uscc,
                    b.has("enterpriseName") ? b.text("enterpriseName", Limits.NAME, "企业名称") : l.enterpriseName(),
                    b.has("enterpriseRegionCode") ? b.text("enterpriseRegionCode", 6, "企业所在地区") : l.enterpriseRegionCode());
            set(p, changes, "enterpriseName", "企业名称", e.name());
            set(p, changes, "enterpriseUscc", "统一社会信用代码", e.uscc());
            set(p, changes, "enterpriseRegionCode", "企业所在地区", e.regionCode());
        }
        if (b.has("regionCode")) {
            set(p, changes, "regionCode", "招商地区", refs.region(b.text("regionCode", 6, "招商地区"), "招商地区").code());
        }
        String chain = b.has("chainId") ? refs.chain(b.text("chainId", Limits.NAME, "产业链"), false) : l.chainId();
        set(p, changes, "chainId", "产业链", chain);
        String segment = b.has("segmentId") ? b.text("segmentId", Limits.NAME, "环节") : l.segmentId();
        if (segment != null) {
            refs.segments(chain, List.of(segment), false);
        }
        set(p, changes, "segmentId", "环节", segment);
        if (b.has("source")) {
            LeadSource s = Limits.choice(LeadSource.class, b.text("source", 30, "线索来源"), "线索来源");
            set(p, changes, "source", "线索来源", (s == null ? LeadSource.OTHER : s).name());
        }
        if (b.has("responsible")) {
            set(p, changes, "responsible", "责任人", b.text("responsible", Limits.PERSON, "责任人"));
        }
        if (b.has("department")) {
            set(p, changes, "department", "责任单位", b.text("department", Limits.DEPARTMENT, "责任单位"));
        }
        if (b.has("nextAction")) {
            set(p, changes, "nextAction", "下一步", b.text("nextAction", Limits.ACTION, "下一步"));
        }
        if (b.has("nextActionDate")) {
            set(p, changes, "nextActionDate", "下一步日期", b.date("nextActionDate", "下一步日期"));
        }
        if (b.has("note")) {
            set(p, changes, "note", "备注", b.text("note", Limits.NOTE, "备注"));
        }
        if (b.has("status")) {
            LeadStatus to = Limits.choice(LeadStatus.class, b.text("status", 20, "线索状态"), "线索状态");
            if (to == null || to == LeadStatus.CONVERTED) {
                throw ApiProblem.badRequest("线索状态只能改为 NEW、FOLLOWING 或 DROPPED；转为项目请用“转为项目”",
                        "status must be NEW, FOLLOWING or DROPPED");
            }
            if (l.status() == LeadStatus.CONVERTED) {
                throw new ApiProblem(HttpStatus.CONFLICT, "线索已转为项目，不能再改状态", "lead already converted");
            }
            if (to == LeadStatus.DROPPED && reason == null) {
                throw ApiProblem.badRequest("放弃线索须填写原因", "reason is required to drop a lead");
            }
            set(p, changes, "status", "线索状态", to.name());
            set(p, changes, "statusReason", "状态原因", to == LeadStatus.DROPPED ? reason : null);
        }
        if (changes.isEmpty()) {
            return l;
        }
        Instant now = clock.instant();
        p.put("updatedAt", now);
        store.save(p);
        history.record(Subject.LEAD, id, by, reason, changes.stream().map(c -> c.field().equals("status")
                ? new FieldChange(c.field(), c.fieldZh(), LeadStatus.valueOf((String) c.before()).zh(),
                LeadStatus.valueOf((String) c.after()).zh()) : c).toList(), now);
        return get(id);
    }

    @Transactional
    Contact addContact(String id, NewContact b, String by) {
        Lead l = get(id);
        if (b == null) {
            throw ApiProblem.badRequest("请求体不能为空", "request body is required");
        }
        if (!l.status().open()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "线索为“" + l.statusZh() + "”，不能再记录跟进", "lead is " + l.status());
        }
        LocalDate date = Limits.date(b.date(), "跟进日期");
        if (date == null) {
            throw ApiProblem.badRequest("请填写跟进日期", "date is required");
        }
        if (date.isAfter(today())) {
            throw ApiProblem.badRequest("跟进日期 " + date + " 晚于今天，不能记录将来的跟进", "contact date is in the future");
        }
        ContactKind kind = Limits.choice(ContactKind.class, b.kind(), "跟进方式");
        if (kind == null) {
            throw ApiProblem.badRequest("请选择跟进方式（VISIT 走访、CALL 电话、MEETING 会谈、OTHER 其他）", "kind is required");
        }
        String nextStep = Limits.text(b.nextStep(), Limits.ACTION, "下一步");
        LocalDate nextStepDate = Limits.date(b.nextStepDate(), "下一步日期");
        Instant now = clock.instant();
        Map<String, Object> c = new HashMap<>();
        String contactId = UUID.randomUUID().toString();
        c.put("id", contactId);
        c.put("leadId", id);
        c.put("date", date);
        c.put("kind", kind.name());
        c.put("who", Limits.required(b.who(), Limits.NAME, "跟进人"));
        c.put("summary", Limits.required(b.summary(), Limits.NOTE, "沟通内容"));
        c.put("nextStep", nextStep);
        c.put("nextStepDate", nextStepDate);
        c.put("recordedAt", now);
        c.put("recordedBy", by);
        store.addContact(c);
        Map<String, Object> p = props(l);
        List<FieldChange> changes = new ArrayList<>();
        changes.add(new FieldChange("contact", "跟进记录", null, date + " " + kind.zh() + "：" + c.get("summary")));
        LocalDate last = store.lastContactDate(id).orElse(date);
        set(p, changes, "lastContactOn", "最近跟进日期", last);
        if (nextStep != null || nextStepDate != null) {
            set(p, changes, "nextAction", "下一步", nextStep);
            set(p, changes, "nextActionDate", "下一步日期", nextStepDate);
        }
        if (l.status() == LeadStatus.NEW) {
            set(p, changes, "status", "线索状态", LeadStatus.FOLLOWING.name());
        }
        p.put("updatedAt", now);
        store.save(p);
        history.record(Subject.LEAD, id, by, null, changes.stream().map(ch -> ch.field().equals("status")
                ? new FieldChange("status", "线索状态", LeadStatus.NEW.zh(), LeadStatus.FOLLOWING.zh()) : ch).toList(), now);
        return store.contacts(id).stream().filter(x -> x.id().equals(contactId)).findFirst().orElseThrow();
    }

    List<Contact> contacts(String id) {
        get(id);
        return store.contacts(id);
    }

    /** Turns an open lead into a project; fields not given come from the lead. */
    @Transactional
    Project convert(String id, NewProject b, String by) {
        Lead l = get(id);
        if (!l.status().open()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "线索为“" + l.statusZh() + "”，不能转为项目", "lead is " + l.status());
        }
        NewProject d = b == null ? new NewProject(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null) : b;
        boolean ownEnterprise = d.uscc() != null || d.enterpriseName() != null;
        NewProject merged = new NewProject(
                d.name() != null ? d.name() : l.enterpriseName() + "项目", id,
                ownEnterprise ? d.uscc() : l.uscc(), ownEnterprise ? d.enterpriseName() : l.enterpriseName(),
                ownEnterprise ? d.enterpriseRegionCode() : l.enterpriseRegionCode(),
                d.regionCode() != null ? d.regionCode() : l.regionCode(), d.zoneName(),
                d.chainId() != null ? d.chainId() : l.chainId(),
                d.segmentIds() != null ? d.segmentIds() : (l.segmentId() == null ? List.of() : List.of(l.segmentId())),
                d.plannedInvestmentYi(), d.actualInvestmentYi(), d.expansion(), d.addedInvestmentYi(),
                d.responsible() != null ? d.responsible() : l.responsible(),
                d.department() != null ? d.department() : l.department(), d.stage(), d.stageDate(), d.stageDates(),
                d.nextAction() != null ? d.nextAction() : l.nextAction(),
                d.nextActionDate() != null ? d.nextActionDate() : (l.nextActionDate() == null ? null : l.nextActionDate().toString()));
        Project project = projects.create(merged, by);
        Map<String, Object> p = props(l);
        List<FieldChange> changes = new ArrayList<>();
        set(p, changes, "projectId", "转为项目", project.id());
        changes.add(new FieldChange("status", "线索状态", l.statusZh(), LeadStatus.CONVERTED.zh()));
        p.put("status", LeadStatus.CONVERTED.name());
        Instant now = clock.instant();
        p.put("updatedAt", now);
        store.save(p);
        history.record(Subject.LEAD, id, by, null, changes, now);
        return project;
    }

    List<Change> history(String id) {
        get(id);
        return history.of(id);
    }

    private static void set(Map<String, Object> props, List<FieldChange> changes, String key, String zh, Object value) {
        FieldChange c = new FieldChange(key.equals("enterpriseUscc") ? "uscc" : key, zh, props.get(key), value);
        if (c.changed()) {
            changes.add(c);
        }
        props.put(key, value);
    }

    private static Map<String, Object> props(Lead l) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", l.id());
        p.put("enterpriseName", l.enterpriseName());
        p.put("enterpriseUscc", l.uscc());
        p.put("enterpriseRegionCode", l.enterpriseRegionCode());
        p.put("regionCode", l.regionCode());
        p.put("chainId", l.chainId());
        p.put("segmentId", l.segmentId());
        p.put("source", l.source().name());
        p.put("status", l.status().name());
        p.put("statusReason", l.statusReason());
        p.put("responsible", l.responsible());
        p.put("department", l.department());
        p.put("nextAction", l.nextAction());
        p.put("nextActionDate", l.nextActionDate());
        p.put("note", l.note());
        p.put("targetListId", l.targetListId());
        p.put("lastContactOn", l.lastContactDate());
        p.put("projectId", l.projectId());
        return p;
    }
}
