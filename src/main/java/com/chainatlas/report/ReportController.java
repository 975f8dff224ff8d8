package com.chainatlas.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "reports", description = "诊断报告: a chain's diagnosis for a region as a Word document")
class ReportController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DiagnosisReportService reports;

    private final com.chainatlas.system.ExpensiveRequests expensive;

    ReportController(DiagnosisReportService reports, com.chainatlas.system.ExpensiveRequests expensive) {
        this.reports = reports;
        this.expensive = expensive;
    }

    @GetMapping("/api/reports/diagnosis.docx")
    @Operation(summary = "诊断报告 (.docx): summary figures, chain map coloured by verdict, verdicts with reasons, "
            + "延链 candidates, top 20 targets, R&D pairing, unknown figures; opens in Word and WPS")
    ResponseEntity<byte[]> diagnosis(@RequestParam(required = false) String chain,
                                     @RequestParam(required = false) String region,
                                     @RequestParam(required = false) String zone) throws IOException {
        ReportContent content = expensive.call("report", () -> reports.content(chain, region, zone == null || zone.isBlank() ? null : zone.strip()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        expensive.run("report", () -> {
            reports.write(content, out);
            return null;
        });
        var d = content.diagnosis();
        String name = "诊断报告-" + (d.chainName() == null ? d.chainId() : d.chainName()) + "-" + d.region().name() + "-"
                + DateTimeFormatter.ISO_LOCAL_DATE.format(content.generatedAt()) + ".docx";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, com.chainatlas.system.Downloads.attachment(name, "docx"))
                .contentType(DOCX)
                .body(out.toByteArray());
    }
}
