package com.chainatlas.ingest;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Export API: {@code GET /api/export/{table}.{xlsx|csv}?chain=&region=}, tables: enterprises, segments (with
 * enterprise counts and revenue), supplies, institutions, projects, and the other import formats.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/{file}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String file, @RequestParam(required = false) String chain,
                                                 @RequestParam(required = false) String region) {
        int dot = file.lastIndexOf('.');
        String what = dot < 0 ? file : file.substring(0, dot);
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        String c = chain == null || chain.isBlank() ? null : chain.strip();
        String r = region == null || region.isBlank() ? null : region.strip();
        exports.check(what, ext, c, r);
        String zh = ExportQueries.TABLES.get(what).format().zh();
        String name = zh + (c == null ? "" : "-" + c) + (r == null ? "" : "-" + r) + "-" + LocalDate.now(ExportService.ZONE) + "." + ext;
        return ImportController.download(name, ext, out -> exports.export(what, ext, c, r, out));
    }
}
