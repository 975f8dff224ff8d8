package com.chainatlas.ingest;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import com.chainatlas.system.Downloads;
import com.chainatlas.system.ExpensiveRequests;
import com.chainatlas.system.Limits;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Export API: {@code GET /api/export/{table}.{xlsx|csv}?chain=&region=}, tables: enterprises, segments (with
 * enterprise counts and revenue), supplies, institutions, projects, and the other import formats. The file is
 * written straight to the response; a client that goes away stops the export.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

    private final ExportService exports;
    private final ExpensiveRequests expensive;

    ExportController(ExportService exports, ExpensiveRequests expensive) {
        this.exports = exports;
        this.expensive = expensive;
    }

    @GetMapping("/{file}")
    void export(@PathVariable String file, @RequestParam(required = false) String chain,
                @RequestParam(required = false) String region, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        String what = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        String c = Limits.text("产业链", "chain", chain, Limits.ID);
        String asked = Limits.text("地区", "region", region, Limits.ID);
        // the ledger only for the account's regions
        String r = what.equals("projects") ? com.chainatlas.security.CurrentAccount.scope().narrow(asked) : asked;
        exports.check(what, ext, c, r);
        String zh = ExportQueries.TABLES.get(what).format().zh();
        String name = zh + (c == null ? "" : "-" + c) + (r == null ? "" : "-" + r) + "-" + LocalDate.now(ExportService.ZONE) + "." + ext;
        expensive.run("export", () -> Downloads.stream(response, name, ext, out -> exports.export(what, ext, c, r, out)));
    }
}
