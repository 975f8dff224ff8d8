package com.chainatlas.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chainatlas.system.ClockConfiguration;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

/**
 * The audit log for admins, paged or as .xlsx. The workbook is written with POI here rather than ingest's table
 * writer: ingest records its imports in this log, so security must not depend on ingest (no package cycles).
 */
@RestController
@Tag(name = "admin", description = "审计日志 (ADMIN)")
class AuditController {

    private static final List<String> HEADER = List.of("时间", "账号", "操作", "操作代码", "对象", "说明", "结果", "IP");

    private final AuditLog audit;
    private final Clock clock;

    AuditController(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/admin/audit")
    @Operation(summary = "Audit entries newest first; filters user, action, from/to (YYYY-MM-DD, office dates, inclusive)")
    PageResult<AuditEntry> page(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
                                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.page(AuditFilter.of(user, action, from, to), new Paging(page, size));
    }

    @GetMapping("/api/admin/audit.xlsx")
    @Operation(summary = "The audit entries of the same filters as .xlsx (at most 100,000 rows)")
    void xlsx(@RequestParam(required = false) String user, @RequestParam(required = false) String action,
              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
              HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.of(user, action, from, to);
        String name = URLEncoder.encode("审计日志-" + LocalDate.now(clock) + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.xlsx\"; filename*=UTF-8''" + name);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500)) {
            Sheet sheet = wb.createSheet("审计日志");
            write(sheet.createRow(0), HEADER);
            int[] n = {1};
            audit.forEach(filter, e -> write(sheet.createRow(n[0]++), List.of(
                    e.at() == null ? "" : e.at().atZone(ClockConfiguration.OFFICE_ZONE).toLocalDateTime().toString().replace('T', ' '),
                    text(e.user()), text(e.actionName()), text(e.action()), text(e.target()), text(e.detail()),
                    text(e.outcomeName()), text(e.ip()))));
            sheet.createFreezePane(0, 1);
            OutputStream out = response.getOutputStream();
            wb.write(out);
            out.flush();
        }
    }

    /** String cells only (never formulas), so a crafted target text cannot run in Excel. */
    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
