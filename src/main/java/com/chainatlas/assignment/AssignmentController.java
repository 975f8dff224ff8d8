package com.chainatlas.assignment;

import com.chainatlas.assignment.AssignmentModel.AcceptRequest;
import com.chainatlas.assignment.AssignmentModel.AcceptResult;
import com.chainatlas.assignment.AssignmentModel.BatchPage;
import com.chainatlas.assignment.AssignmentModel.RejectRequest;
import com.chainatlas.assignment.AssignmentModel.RejectResult;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.Paging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "assignment", description = "挂链: segment suggestions for unassigned enterprises, accept / accept all 确定 / reject")
class AssignmentController {

    private final AssignmentService assignment;

    AssignmentController(AssignmentService assignment) {
        this.assignment = assignment;
    }

    @PostMapping("/api/assignment/suggestions")
    @Operation(summary = "Compute a suggestion batch for the chain's enterprises with text and no segment in it",
            description = "region (optional) includes sub-regions; returns the batch summary and its first page")
    BatchPage suggest(@RequestParam(required = false) String chain, @RequestParam(required = false) String region,
                      @RequestParam(required = false) String confidence,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assignment.suggest(chain, region, AssignmentService.parseFilter(confidence), new Paging(page, size));
    }

    @GetMapping("/api/assignment/batches/{id}")
    @Operation(summary = "One page of a computed batch; confidence = SURE | REVIEW (or 确定 | 待确认) filters it")
    BatchPage batch(@PathVariable String id, @RequestParam(required = false) String confidence,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assignment.batch(id, AssignmentService.parseFilter(confidence), new Paging(page, size));
    }

    @PostMapping("/api/assignment/batches/{id}/accept-sure")
    @Operation(summary = "Write the first option of every 确定 suggestion of the batch as IN_SEGMENT")
    AcceptResult acceptSure(@PathVariable String id) {
        return assignment.acceptSure(id);
    }

    @PostMapping("/api/assignment/accept")
    @Operation(summary = "Write the given {uscc, segmentId} assignments (all checked first; nothing written on error)")
    AcceptResult accept(@RequestParam(required = false) String chain, @RequestBody(required = false) AcceptRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("请求体为空，请提供 items", "request body is missing");
        }
        return assignment.accept(chain, body.items());
    }

    @PostMapping("/api/assignment/reject")
    @Operation(summary = "Record 驳回 of the given enterprises' proposals in the chain; later batches leave them out",
            description = "all checked first; nothing recorded on error; accepting one into the chain later lifts it")
    RejectResult reject(@RequestParam(required = false) String chain, @RequestBody(required = false) RejectRequest body) {
        if (body == null) {
            throw ApiProblem.badRequest("请求体为空，请提供 usccs", "request body is missing");
        }
        return assignment.reject(chain, body.usccs());
    }

    @ExceptionHandler(UnknownReferences.class)
    ProblemDetail unknown(UnknownReferences e) {
        StringBuilder zh = new StringBuilder("未写入任何挂链：");
        if (!e.enterprises().isEmpty()) {
            zh.append("未找到企业 ").append(shortList(e.enterprises())).append("；");
        }
        if (!e.segments().isEmpty()) {
            zh.append("未找到环节（或不属于所选产业链） ").append(shortList(e.segments())).append("；");
        }
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, zh.toString());
        pd.setProperty("detailEn", "Nothing written: " + e.getMessage());
        pd.setProperty("unknownEnterprises", e.enterprises());
        pd.setProperty("unknownSegments", e.segments());
        return pd;
    }

    private static String shortList(java.util.List<String> items) {
        return items.size() <= 10 ? String.join("、", items) : String.join("、", items.subList(0, 10)) + " 等 " + items.size() + " 个";
    }
}
