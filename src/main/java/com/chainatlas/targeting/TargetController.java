package com.chainatlas.targeting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetModel.TargetPage;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "targets", description = "招商清单: ranked, explained target companies; saved lists; Excel/CSV export")
class TargetController {

    /** Body of "save this ranking as a list". */
    record SaveRequest(String name, String author, TargetQuery query) {
    }

    /** A saved list with one page of its items. */
    record SavedListPage(TargetListStore.SavedList list, PageResult<TargetRow> items) {
    }

    private final TargetService targets;
    private final TargetListStore lists;
    private final TargetListExporter exporter;

    TargetController(TargetService targets, TargetListStore lists, TargetListExporter exporter) {
        this.targets = targets;
        this.lists = lists;
        this.exporter = exporter;
    }

    @GetMapping("/api/targets")
    @Operation(summary = "Ranked target companies for the segments to fill/strengthen/extend (or chosen segments)",
            description = "weights = 7 numbers: scale,quality,innovation,ties,predicted,proximity,priority (overrides preset). "
                    + "sizeBand = LARGE (≥4亿) | MEDIUM (2000万–4亿) | SMALL (<2000万) | UNKNOWN (营收未知). Provinces as 6-digit codes.")
    TargetPage rank(@RequestParam String chain, @RequestParam String region,
                    @RequestParam(required = false) String zone,
                    @RequestParam(required = false) List<String> segments,
                    @RequestParam(required = false) String preset,
                    @RequestParam(required = false) String weights,
                    @RequestParam(required = false) List<String> includeProvinces,
                    @RequestParam(required = false) List<String> excludeProvinces,
                    @RequestParam(required = false) String sizeBand,
                    @RequestParam(required = false) List<String> tags,
                    @RequestParam(required = false) Double minScore,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        TargetQuery q = query(chain, region, zone, segments, preset, weights, includeProvinces, excludeProvinces, sizeBand, tags, minScore);
        return targets.rank(q, new Paging(page, size));
    }

    @GetMapping("/api/targets/presets")
    @Operation(summary = "Named weight presets (均衡, 龙头优先, 关系优先, 创新优先)")
    Collection<TargetWeights.Preset> presets() {
        return TargetWeights.presets().values();
    }

    @PostMapping("/api/target-lists")
    @Operation(summary = "Save a ranking as a named list (a frozen copy of every candidate, up to 100,000)")
    TargetListStore.SavedList save(@RequestBody SaveRequest body) {
        if (body == null || body.query() == null || blank(body.name())) {
            throw ApiProblem.badRequest("请提供清单名称和查询条件", "name and query are required");
        }
        if (body.name().strip().length() > 200) {
            throw ApiProblem.badRequest("清单名称过长（最多 200 个字符）", "name is too long (at most 200 characters)");
        }
        TargetQuery q = validated(body.query());
        String id = lists.create(body.name().strip(), user(body.author()), q, targets.rankAll(q));
        return lists.get(id);
    }

    @GetMapping("/api/target-lists")
    @Operation(summary = "Saved lists, most recently refreshed first")
    List<TargetListStore.SavedList> savedLists() {
        return lists.all();
    }

    @GetMapping("/api/target-lists/{id}")
    @Operation(summary = "A saved list with one page of its items, exactly as saved")
    SavedListPage savedList(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "20") int size) {
        Paging paging = new Paging(page, size);
        TargetListStore.SavedList list = lists.get(id);
        return new SavedListPage(list, new PageResult<>(lists.items(id, paging.skip(), paging.size()), page, size, list.total()));
    }

    @PostMapping("/api/target-lists/{id}/refresh")
    @Operation(summary = "Recompute a saved list from its query on the current data")
    TargetListStore.SavedList refresh(@PathVariable String id) {
        TargetListStore.SavedList list = lists.get(id);
        lists.replaceContent(id, list.query(), targets.rankAll(list.query()));
        return lists.get(id);
    }

    @DeleteMapping("/api/target-lists/{id}")
    @Operation(summary = "Delete a saved list")
    ResponseEntity<Void> delete(@PathVariable String id) {
        lists.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/target-lists/{id}/export.{ext}")
    @Operation(summary = "Export a saved list as .xlsx or .csv (UTF-8 with BOM); writes an audit record")
    ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String ext,
                                  @RequestParam(required = false) String user) throws IOException {
        checkExt(ext);
        TargetListStore.SavedList list = lists.get(id);
        TargetListExporter.Meta meta = new TargetListExporter.Meta(list.name(), list.author(), list.chainId(),
                exporter.chainName(list.chainId()), list.regionCode(), list.preset(), list.weights(), list.query(),
                list.snapshotVersion(), list.total(), list.refreshedAt().toInstant());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(meta, sink -> lists.forEachItem(id, sink), ext, out);
        lists.audit(id, ext, user(user));
        return download("招商清单-" + list.name() + "." + ext, ext, out);
    }

    @GetMapping("/api/targets/export.{ext}")
    @Operation(summary = "Export a ranking straight from its query (the parameters of /api/targets) as .xlsx or .csv; "
            + "every candidate, not a page; writes an audit record with the query")
    ResponseEntity<byte[]> exportRanking(@PathVariable String ext, @RequestParam String chain, @RequestParam String region,
                                         @RequestParam(required = false) String zone,
                                         @RequestParam(required = false) List<String> segments,
                                         @RequestParam(required = false) String preset,
                                         @RequestParam(required = false) String weights,
                                         @RequestParam(required = false) List<String> includeProvinces,
                                         @RequestParam(required = false) List<String> excludeProvinces,
                                         @RequestParam(required = false) String sizeBand,
                                         @RequestParam(required = false) List<String> tags,
                                         @RequestParam(required = false) Double minScore,
                                         @RequestParam(required = false) String user) throws IOException {
        checkExt(ext);
        TargetQuery q = query(chain, region, zone, segments, preset, weights, includeProvinces, excludeProvinces, sizeBand, tags, minScore);
        TargetService.Ranking r = targets.rankAll(q);
        TargetListExporter.Meta meta = new TargetListExporter.Meta(null, null, r.chainId(), r.chainName(), r.region().code(),
                r.preset(), r.weights(), q, r.snapshotVersion(), r.rows().size(), java.time.Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(meta, sink -> r.rows().forEach(sink), ext, out);
        lists.auditQuery(q, ext, user(user), r.rows().size());
        String name = "招商清单-" + (r.chainName() == null ? r.chainId() : r.chainName()) + "-" + r.region().name() + "-"
                + java.time.LocalDate.now(com.chainatlas.ingest.ExportService.ZONE) + "." + ext;
        return download(name, ext, out);
    }

    private static void checkExt(String ext) {
        if (!ext.equals("xlsx") && !ext.equals("csv")) {
            throw ApiProblem.badRequest("导出格式须为 xlsx 或 csv", "export format must be xlsx or csv");
        }
    }

    private static String user(String user) {
        if (blank(user)) {
            return "匿名";
        }
        String u = user.strip();
        if (u.length() > 100) {
            throw ApiProblem.badRequest("用户名过长（最多 100 个字符）", "user is too long (at most 100 characters)");
        }
        return u;
    }

    private static ResponseEntity<byte[]> download(String fileName, String ext, ByteArrayOutputStream out) {
        String file = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + file)
                .contentType(ext.equals("xlsx")
                        ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toByteArray());
    }

    @GetMapping("/api/target-lists/{id}/audit")
    @Operation(summary = "Who exported this list, when, in which format")
    List<Map<String, Object>> audit(@PathVariable String id) {
        lists.get(id);
        return lists.auditTrail(id);
    }

    private static TargetQuery query(String chain, String region, String zone, List<String> segments, String preset,
                                     String weights, List<String> include, List<String> exclude, String sizeBand,
                                     List<String> tags, Double minScore) {
        return validated(new TargetQuery(chain, region, zone, segments, preset, parseWeights(weights), include, exclude,
                sizeBand, tags, minScore));
    }

    private static TargetQuery validated(TargetQuery q) {
        if (blank(q.chain()) || blank(q.region())) {
            throw ApiProblem.badRequest("请指定产业链 chain 和地区 region", "chain and region are required");
        }
        TargetService.validateSizeBand(q.sizeBand());
        for (String p : q.includeProvinces()) {
            provinceCode(p);
        }
        for (String p : q.excludeProvinces()) {
            provinceCode(p);
        }
        return q;
    }

    private static void provinceCode(String p) {
        if (!p.matches("\\d{2}0000")) {
            throw ApiProblem.badRequest("省份须为 6 位省级代码（如 320000）: " + p, "Province must be a 6-digit province code: " + p);
        }
    }

    static TargetWeights parseWeights(String s) {
        if (blank(s)) {
            return null;
        }
        try {
            double[] w = Arrays.stream(s.split(",")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
            if (w.length != 7) {
                throw new IllegalArgumentException("need 7 weights");
            }
            return new TargetWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("权重须为 7 个非负数，依次为 规模,质量,创新,本地关联,预测关联,区位,环节优先",
                    "weights must be 7 non-negative numbers: scale,quality,innovation,ties,predicted,proximity,priority");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
