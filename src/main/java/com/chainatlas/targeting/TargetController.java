package com.chainatlas.targeting;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.chainatlas.security.CurrentAccount;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.Downloads;
import com.chainatlas.system.ExpensiveRequests;
import com.chainatlas.system.Limits;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetModel.TargetPage;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
    private final ExpensiveRequests expensive;

    TargetController(TargetService targets, TargetListStore lists, TargetListExporter exporter, ExpensiveRequests expensive) {
        this.targets = targets;
        this.lists = lists;
        this.exporter = exporter;
        this.expensive = expensive;
    }

    @GetMapping("/api/targets")
    @Operation(summary = "Ranked target companies for the segments to fill/strengthen/extend (or chosen segments)",
            description = "weights = 7 or 8 numbers: scale,quality,innovation,ties,predicted,proximity,priority[,signals] "
                    + "(overrides preset; signals = 扩张信号, 0 when left out). "
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
                    @RequestParam(required = false) String asOf,
                    @RequestParam(defaultValue = "0") int page,
                    @RequestParam(defaultValue = "20") int size) {
        TargetQuery q = query(chain, region, zone, segments, preset, weights, includeProvinces, excludeProvinces, sizeBand, tags, minScore, asOf);
        Paging paging = new Paging(page, size);
        return targets.rank(q, paging, expensive.gate("targets")); // cached rankings never wait for a place
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
        String name = Limits.text("清单名称", "name", body.name(), Limits.NAME);
        String author = Limits.text("创建人", "author", body.author(), Limits.NAME);
        author = author == null || author.isBlank() ? CurrentAccount.username() : author;
        TargetQuery q = validated(body.query());
        String id = lists.create(name, author, q, targets.rankAll(q, expensive.gate("targets")));
        return lists.get(id);
    }

    @GetMapping("/api/target-lists")
    @Operation(summary = "Saved lists, most recently refreshed first, paged; the total is in the X-Total-Count header")
    ResponseEntity<List<TargetListStore.SavedList>> savedLists(@RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "100") int size) {
        Paging paging = new Paging(page, size);
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(lists.count()))
                .body(lists.page(paging.skip(), paging.size()));
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
        lists.replaceContent(id, list.query(), targets.rankAll(list.query(), expensive.gate("targets")));
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
    void export(@PathVariable String id, @PathVariable String ext, HttpServletResponse response) throws IOException {
        checkExt(ext);
        String who = CurrentAccount.username(); // the signed-in account, never a name the client sends
        TargetListStore.SavedList list = lists.get(id);
        CurrentAccount.scope().check(list.regionCode());
        TargetListExporter.Meta meta = new TargetListExporter.Meta(list.name(), list.author(), list.chainId(),
                exporter.chainName(list.chainId()), list.regionCode(), list.preset(), list.weights(), list.query(),
                list.snapshotVersion(), list.total(), list.refreshedAt().toInstant());
        boolean sent = expensive.run("export", () -> Downloads.stream(response, "招商清单-" + list.name() + "." + ext, ext,
                out -> exporter.write(meta, sink -> lists.forEachItem(id, sink), ext, out)));
        if (sent) { // only a file that went out in full is audited as exported
            lists.audit(id, ext, who);
        }
    }

    @GetMapping("/api/targets/export.{ext}")
    @Operation(summary = "Export a ranking straight from its query (the parameters of /api/targets) as .xlsx or .csv; "
            + "every candidate, not a page; writes an audit record with the query")
    void exportRanking(@PathVariable String ext, @RequestParam String chain, @RequestParam String region,
                                         @RequestParam(required = false) String zone,
                                         @RequestParam(required = false) List<String> segments,
                                         @RequestParam(required = false) String preset,
                                         @RequestParam(required = false) String weights,
                                         @RequestParam(required = false) List<String> includeProvinces,
                                         @RequestParam(required = false) List<String> excludeProvinces,
                                         @RequestParam(required = false) String sizeBand,
                                         @RequestParam(required = false) List<String> tags,
                                         @RequestParam(required = false) Double minScore,
                                         @RequestParam(required = false) String asOf,
                                         HttpServletResponse response) throws IOException {
        checkExt(ext);
        String who = CurrentAccount.username();
        TargetQuery q = query(chain, region, zone, segments, preset, weights, includeProvinces, excludeProvinces, sizeBand, tags, minScore, asOf);
        CurrentAccount.scope().check(q.region());
        boolean sent = expensive.run("export", () -> {
            TargetService.Ranking r = targets.rankAll(q);
            TargetListExporter.Meta meta = new TargetListExporter.Meta(null, null, r.chainId(), r.chainName(), r.region().code(),
                    r.preset(), r.weights(), q, r.snapshotVersion(), r.rows().size(), java.time.Instant.now());
            String name = "招商清单-" + (r.chainName() == null ? r.chainId() : r.chainName()) + "-" + r.region().name() + "-"
                    + java.time.LocalDate.now(com.chainatlas.ingest.ExportService.ZONE) + "." + ext;
            boolean done = Downloads.stream(response, name, ext, out -> exporter.write(meta, sink -> r.rows().forEach(sink), ext, out));
            if (done) { // only a file that went out in full is audited as exported
                lists.auditQuery(q, ext, who, r.rows().size());
            }
            return done;
        });
    }

    private static void checkExt(String ext) {
        if (!ext.equals("xlsx") && !ext.equals("csv")) {
            throw ApiProblem.badRequest("导出格式须为 xlsx 或 csv", "export format must be xlsx or csv");
        }
    }

    @GetMapping("/api/target-lists/{id}/audit")
    @Operation(summary = "Who exported this list, when, in which format")
    List<Map<String, Object>> audit(@PathVariable String id) {
        lists.get(id);
        return lists.auditTrail(id);
    }

    private static TargetQuery query(String chain, String region, String zone, List<String> segments, String preset,
                                     String weights, List<String> include, List<String> exclude, String sizeBand,
                                     List<String> tags, Double minScore, String asOf) {
        return validated(new TargetQuery(chain, region, zone, segments, preset, parseWeights(weights), include, exclude,
                sizeBand, tags, minScore, com.chainatlas.analysis.AsOfSnapshots.parse(asOf)));
    }

    private static TargetQuery validated(TargetQuery q) {
        if (blank(q.chain()) || blank(q.region())) {
            throw ApiProblem.badRequest("请指定产业链 chain 和地区 region", "chain and region are required");
        }
        Limits.text("产业链", "chain", q.chain(), Limits.ID);
        Limits.text("地区", "region", q.region(), Limits.ID);
        Limits.text("开发区", "zone", q.zone(), Limits.NAME);
        Limits.text("预设", "preset", q.preset(), Limits.ID);
        Limits.list("环节", "segments", q.segments());
        Limits.list("省份", "provinces", q.includeProvinces());
        Limits.list("省份", "provinces", q.excludeProvinces());
        Limits.list("资质标签", "tags", q.tags());
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
            if (w.length != 7 && w.length != 8) {
                throw new IllegalArgumentException("need 7 or 8 weights");
            }
            return new TargetWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w.length == 8 ? w[7] : 0);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("权重须为 7 或 8 个非负数，依次为 规模,质量,创新,本地关联,预测关联,区位,环节优先[,扩张信号]",
                    "weights must be 7 or 8 non-negative numbers: scale,quality,innovation,ties,predicted,proximity,priority[,signals]");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
