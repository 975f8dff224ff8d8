package com.chainatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Import API: formats, templates, upload (returns a job), job status and problem report. */
@RestController
@RequestMapping("/api/import")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ImportJobs jobs;
    private final TemplateWorkbook templates;
    private final SampleData sampleData;

    ImportController(ImportJobs jobs, TemplateWorkbook templates, SampleData sampleData) {
        this.jobs = jobs;
        this.templates = templates;
        this.sampleData = sampleData;
    }

    /**
     * Removes the bundled 示例数据 (see docs/walkthrough.md); refused with 409 while an import is queued or running.
     * Start with CHAINATLAS_DEMO=false afterwards, or an empty database gets the sample data again.
     */
    @DeleteMapping("/sample-data")
    Map<String, Long> clearSampleData() {
        return jobs.whileIdle(sampleData::clear);
    }

    /** A format as the UI and the docs describe it. */
    /**
     * {@code step}: 1 chain map, 2 enterprises, 3 relations; {@code requires}: formats whose data the file refers to
     * (e.g. enterprises with 所属环节 need segments), so the view can say which step is missing.
     */
    record FormatView(String id, String zh, String en, String description, List<ColumnView> columns, List<String> key,
                      String templateXlsx, String templateCsv, int step, String stepZh, List<String> requires) {
    }

    record ColumnView(String key, String zh, String header, String type, boolean required, String unit,
                      List<String> choices, String refersTo, String note, String example) {
    }

    @GetMapping("/formats")
    List<FormatView> formats() {
        return ImportFormats.ALL.stream().map(f -> new FormatView(f.id(), f.zh(), f.en(), f.description(),
                f.columns().stream().map(c -> new ColumnView(c.key(), c.zh(), c.header(), c.type().name(), c.required(),
                        c.unit(), List.copyOf(c.choices().keySet()), c.ref() == null ? null : c.ref().name(), c.note(),
                        c.example())).toList(), f.keyColumns(),
                "/api/import/templates/" + f.id() + ".xlsx", "/api/import/templates/" + f.id() + ".csv",
                ImportSteps.of(f).step(), ImportSteps.of(f).zh(), ImportSteps.of(f).requires())).toList();
    }

    @GetMapping("/templates/{file}")
    ResponseEntity<StreamingResponseBody> template(@PathVariable String file, @RequestParam(required = false) String chain) {
        int dot = file.lastIndexOf('.');
        String ext = dot < 0 ? "" : file.substring(dot + 1);
        String id = dot < 0 ? file : file.substring(0, dot);
        ImportFormat format = ImportFormats.find(id).orElseThrow(() -> ApiProblem.notFound("导入类型", "Import format", id));
        if (!ext.equals("xlsx") && !ext.equals("csv")) {
            throw ApiProblem.badRequest("模板只有 .xlsx 和 .csv 两种", "Templates exist as .xlsx and .csv only");
        }
        if (chain != null && chain.length() > 100) {
            throw ApiProblem.badRequest("产业链最多 100 个字符", "chain ≤ 100 characters");
        }
        String chainRef = chain == null || chain.isBlank() ? null : chain.strip();
        if (ext.equals("xlsx")) {
            if (chainRef != null) {
                templates.chainId(chainRef); // 404 before the download starts
            }
            return download(format.zh() + "导入模板.xlsx", ext, out -> templates.write(format, chainRef, out));
        }
        return download(format.zh() + "导入模板." + ext, ext, out -> ImportTemplates.template(format, ext, out));
    }

    @PostMapping("/{format}")
    ResponseEntity<ImportJob.View> upload(@PathVariable String format, @RequestParam(value = "file", required = false) MultipartFile file,
                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                          @RequestParam(required = false) String chain,
                                          @RequestParam(required = false) String submittedBy) throws IOException {
        if (chain != null && chain.length() > 100 || submittedBy != null && submittedBy.length() > 50) {
            throw ApiProblem.badRequest("产业链最多 100 个字符，导入人最多 50 个字符", "chain ≤ 100, submittedBy ≤ 50 characters");
        }
        if (ImportFormats.find(format).isEmpty()) {
            throw ApiProblem.notFound("导入类型", "Import format", format);
        }
        if (format.equals("projects") && !com.chainatlas.security.CurrentAccount.scope().national()) {
            // rows of any region could be in the file and the job checks no scope: only national admins import the ledger
            throw new ApiProblem(HttpStatus.FORBIDDEN, "限定地区的账号不能导入项目台账，请由全国范围的管理员导入",
                    "Region-scoped accounts cannot import the project ledger");
        }
        if (file == null) {
            throw ApiProblem.badRequest("请以 multipart/form-data 上传文件 (字段名 file)", "Upload the file as multipart field 'file'");
        }
        if (file.isEmpty()) {
            throw ApiProblem.badRequest("文件为空", "The file is empty");
        }
        Path temp = Files.createTempFile("chainatlas-import-", ".upload");
        String sha;
        try (InputStream in = file.getInputStream();
             DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temp), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(out);
            sha = HexFormat.of().formatHex(out.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e instanceof IOException io ? io : new IOException(e);
        }
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        ImportJob.View view = jobs.submit(format, temp, name, sha, dryRun, blankToNull(chain), blankToNull(submittedBy));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/import/jobs/" + view.id()).body(view);
    }

    /** Newest first, paged; the total is in the X-Total-Count header (the body stays the list the UI reads). */
    @GetMapping("/jobs")
    ResponseEntity<List<ImportJob.View>> recent(@RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "50") int size,
                                                @RequestParam(required = false) String submittedBy) {
        if (submittedBy != null && submittedBy.length() > 50) {
            throw ApiProblem.badRequest("导入人最多 50 个字符", "submittedBy ≤ 50 characters");
        }
        PageResult<ImportJob.View> result = jobs.recent(new Paging(page, size), blankToNull(submittedBy));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(result.total())).body(result.items());
    }

    @GetMapping("/jobs/{id}")
    ImportJob.View job(@PathVariable String id) {
        return jobs.find(id).orElseThrow(() -> ApiProblem.notFound("导入任务", "Import job", id));
    }

    @GetMapping("/jobs/{id}/report.xlsx")
    ResponseEntity<StreamingResponseBody> report(@PathVariable String id) {
        ImportJob.View job = jobs.find(id).orElseThrow(() -> ApiProblem.notFound("导入任务", "Import job", id));
        if (job.finishedAt() == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "导入任务尚未完成", "The import job has not finished yet");
        }
        return download("导入问题报告-" + job.formatZh() + ".xlsx", "xlsx", out -> ImportTemplates.report(job, out));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    interface Body {
        void write(OutputStream out) throws IOException;
    }

    static ResponseEntity<StreamingResponseBody> download(String fileName, String ext, Body body) {
        return ResponseEntity.ok()
                .contentType(ext.equals("csv") ? CSV : XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, com.chainatlas.system.Downloads.attachment(fileName, ext))
                .body(body::write);
    }
}
