package com.chainatlas.project.lead;

import java.util.List;
import java.util.Map;

import com.chainatlas.project.Change;
import com.chainatlas.project.ChangeActor;
import com.chainatlas.project.Project;
import com.chainatlas.project.ProjectRequests.NewProject;
import com.chainatlas.project.lead.LeadRequests.FromTarget;
import com.chainatlas.project.lead.LeadRequests.NewContact;
import com.chainatlas.project.lead.LeadRequests.NewLead;
import com.chainatlas.security.CurrentAccount;
import com.chainatlas.security.RegionScope;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "leads", description = "招商线索: leads from target lists or by hand, contact log, conversion into projects")
class LeadController {

    private final LeadService leads;

    LeadController(LeadService leads) {
        this.leads = leads;
    }

    @PostMapping("/api/leads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Enter a lead by hand (enterprise by uscc, or by name when not in the graph)")
    Lead create(@RequestBody(required = false) NewLead body, HttpServletRequest request) {
        RegionScope scope = CurrentAccount.scope();
        if (!scope.national() && body != null) {
            scope.check(body.regionCode());
        }
        return leads.create(body, ChangeActor.of(request));
    }

    @PostMapping("/api/leads/from-target")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A lead from a target-list row: enterprise, its region and segment from the graph; 409 with existingLeadId when an open lead exists")
    Lead fromTarget(@RequestBody(required = false) FromTarget body, HttpServletRequest request) {
        RegionScope scope = CurrentAccount.scope();
        if (!scope.national() && body != null) {
            scope.check(body.region());
        }
        return leads.fromTarget(body, ChangeActor.of(request));
    }

    @GetMapping("/api/leads")
    @Operation(summary = "Leads, newest change first; region includes sub-regions; stale = open and no contact for chainatlas.ledger.lead-stale-days")
    PageResult<Lead> list(@RequestParam(required = false) String region, @RequestParam(required = false) String chain,
                          @RequestParam(required = false) String segment, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String responsible, @RequestParam(required = false) Boolean stale,
                          @RequestParam(required = false) String q,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return leads.list(CurrentAccount.scope().narrow(region), chain, segment, status, responsible, stale, q, new Paging(page, size));
    }

    @GetMapping("/api/leads/{id}")
    Lead get(@PathVariable String id) {
        return inScope(id);
    }

    @PatchMapping("/api/leads/{id}")
    @Operation(summary = "Change fields; status NEW|FOLLOWING|DROPPED (DROPPED needs reason)")
    Lead patch(@PathVariable String id, @RequestBody(required = false) Map<String, Object> body, HttpServletRequest request) {
        inScope(id);
        if (body != null && body.get("regionCode") instanceof String moved && !CurrentAccount.scope().national()) {
            CurrentAccount.scope().check(moved);
        }
        return leads.patch(id, body, ChangeActor.of(request));
    }

    @GetMapping("/api/leads/{id}/contacts")
    List<Contact> contacts(@PathVariable String id) {
        inScope(id);
        return leads.contacts(id);
    }

    @PostMapping("/api/leads/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log a visit, call or meeting; its next step becomes the lead's next action")
    Contact addContact(@PathVariable String id, @RequestBody(required = false) NewContact body, HttpServletRequest request) {
        inScope(id);
        return leads.addContact(id, body, ChangeActor.of(request));
    }

    @PostMapping("/api/leads/{id}/convert")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Turn the lead into a project (fields as POST /api/projects, defaults from the lead)")
    Project convert(@PathVariable String id, @RequestBody(required = false) NewProject body, HttpServletRequest request) {
        inScope(id);
        if (body != null && body.regionCode() != null && !CurrentAccount.scope().national()) {
            CurrentAccount.scope().check(body.regionCode());
        }
        return leads.convert(id, body, ChangeActor.of(request));
    }

    @GetMapping("/api/leads/{id}/history")
    List<Change> history(@PathVariable String id) {
        inScope(id);
        return leads.history(id);
    }

    /** The lead, 403 when it lies outside the signed-in account's region scope. */
    private Lead inScope(String id) {
        Lead l = leads.get(id);
        CurrentAccount.scope().check(l.regionCode());
        return l;
    }

    @ExceptionHandler(LeadService.DuplicateLead.class)
    ResponseEntity<ProblemDetail> duplicate(LeadService.DuplicateLead e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "该企业在本地区、本产业链已有未结束的线索，请在原线索上继续跟进");
        pd.setProperty("detailEn", "An open lead for this enterprise, region and chain exists");
        pd.setProperty("existingLeadId", e.existingId);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(pd);
    }
}
