package com.chainatlas.project;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.chainatlas.project.ProjectRequests.Advance;
import com.chainatlas.project.ProjectRequests.Correction;
import com.chainatlas.project.ProjectRequests.NewProject;
import com.chainatlas.project.ProjectRequests.StatusChange;
import com.chainatlas.security.CurrentAccount;
import com.chainatlas.security.RegionScope;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "projects", description = "项目台账: projects, stages 谋划→洽谈→签约→开工→建设→投产→达产, history")
class ProjectController {

    private final ProjectService projects;
    private final LedgerExport export;

    ProjectController(ProjectService projects, LedgerExport export) {
        this.projects = projects;
        this.export = export;
    }

    @GetMapping("/api/projects/export.xlsx")
    @Operation(summary = "The ledger as .xlsx (台账 shape: one row per project, stage dates as columns), same filters as the list; "
            + "imports back as format projects")
    ResponseEntity<byte[]> exportXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                                      @RequestParam(required = false) String segment, @RequestParam(required = false) String stage,
                                      @RequestParam(required = false) String status, @RequestParam(required = false) String responsible,
                                      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q)
            throws java.io.IOException {
        region = CurrentAccount.scope().narrow(region);
        ProjectFilter f = projects.filter(region, chain, segment, stage, status, responsible, overdue, q);
        StringBuilder text = new StringBuilder();
        append(text, "地区", region);
        append(text, "产业链", chain);
        append(text, "环节", segment);
        append(text, "阶段", f.stage() == null ? null : f.stage().zh());
        append(text, "状态", f.status() == null ? null : f.status().zh());
        append(text, "责任人", f.responsible());
        append(text, "逾期", f.overdue() ? "是" : null);
        append(text, "关键词", f.q());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(f, text.toString(), out);
        String file = URLEncoder.encode("项目台账-" + projects.today() + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + file)
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    private static void append(StringBuilder b, String label, String value) {
        if (value != null && !value.isBlank()) {
            b.append(b.isEmpty() ? "" : "；").append(label).append("：").append(value);
        }
    }

    @PostMapping("/api/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a project (enterprise by uscc, or enterpriseName + enterpriseRegionCode when not in the graph)")
    Project create(@RequestBody(required = false) NewProject body, HttpServletRequest request) {
        RegionScope scope = CurrentAccount.scope();
        if (!scope.national() && body != null) {
            scope.check(body.regionCode());
        }
        return projects.create(body, ChangeActor.of(request));
    }

    @GetMapping("/api/projects")
    @Operation(summary = "Projects, newest change first; region includes its sub-regions; overdue = next step passed or not updated for chainatlas.ledger.update-stale-days")
    PageResult<Project> list(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                             @RequestParam(required = false) String segment, @RequestParam(required = false) String stage,
                             @RequestParam(required = false) String status, @RequestParam(required = false) String responsible,
                             @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return projects.list(projects.filter(CurrentAccount.scope().narrow(region), chain, segment, stage, status, responsible, overdue, q), new Paging(page, size));
    }

    @GetMapping("/api/projects/{id}")
    Project get(@PathVariable String id) {
        return inScope(id);
    }

    @PatchMapping("/api/projects/{id}")
    @Operation(summary = "Change ordinary fields (not stage or stage dates: use advance/correct); optional reason")
    Project patch(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        inScope(id);
        if (body != null && body.get("regionCode") instanceof String moved && !CurrentAccount.scope().national()) {
            CurrentAccount.scope().check(moved); // not into another region either
        }
        return projects.patch(id, body, ChangeActor.of(request));
    }

    @PostMapping("/api/projects/{id}/advance")
    @Operation(summary = "Move forward to a later stage with its date (not before the latest date, not in the future); skipped stages need skippedDates")
    Project advance(@PathVariable String id, @RequestBody(required = false) Advance body, HttpServletRequest request) {
        inScope(id);
        return projects.advance(id, body, ChangeActor.of(request));
    }

    @PostMapping("/api/projects/{id}/correct")
    @Operation(summary = "Correct the stage or stage dates (the only way back); reason required")
    Project correct(@PathVariable String id, @RequestBody(required = false) Correction body, HttpServletRequest request) {
        inScope(id);
        return projects.correct(id, body, ChangeActor.of(request));
    }

    @PostMapping("/api/projects/{id}/suspend")
    Project suspend(@PathVariable String id, @RequestBody(required = false) StatusChange body, HttpServletRequest request) {
        inScope(id);
        return projects.changeStatus(id, ProjectStatus.SUSPENDED, reason(body), ChangeActor.of(request));
    }

    @PostMapping("/api/projects/{id}/resume")
    Project resume(@PathVariable String id, @RequestBody(required = false) StatusChange body, HttpServletRequest request) {
        inScope(id);
        return projects.changeStatus(id, ProjectStatus.ACTIVE, reason(body), ChangeActor.of(request));
    }

    @PostMapping("/api/projects/{id}/terminate")
    Project terminate(@PathVariable String id, @RequestBody(required = false) StatusChange body, HttpServletRequest request) {
        inScope(id);
        return projects.changeStatus(id, ProjectStatus.TERMINATED, reason(body), ChangeActor.of(request));
    }

    @GetMapping("/api/projects/{id}/history")
    @Operation(summary = "Every change of the project, oldest first (who, when, field, before → after, reason)")
    List<Change> history(@PathVariable String id) {
        inScope(id);
        return projects.history(id);
    }

    /** The project, 403 when it lies outside the signed-in account's region scope. */
    private Project inScope(String id) {
        Project p = projects.get(id);
        CurrentAccount.scope().check(p.regionCode());
        return p;
    }

    private static String reason(StatusChange body) {
        return body == null ? null : body.reason();
    }
}
