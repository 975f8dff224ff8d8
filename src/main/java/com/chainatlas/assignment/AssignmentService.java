package com.chainatlas.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.chainatlas.assignment.AssignmentModel.AcceptResult;
import com.chainatlas.assignment.AssignmentModel.Accepted;
import com.chainatlas.assignment.AssignmentModel.BatchPage;
import com.chainatlas.assignment.AssignmentModel.MethodInfo;
import com.chainatlas.assignment.AssignmentModel.NearFirm;
import com.chainatlas.assignment.AssignmentModel.Option;
import com.chainatlas.assignment.AssignmentModel.RejectResult;
import com.chainatlas.assignment.AssignmentModel.Suggestion;
import com.chainatlas.assignment.AssignmentQueries.FirmRecord;
import com.chainatlas.ingest.DataImportedEvent;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.PageResult;
import com.chainatlas.system.Paging;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** 挂链: computes suggestion batches for a chain's unassigned enterprises and writes accepted ones. */
@Service
public class AssignmentService {

    /** Enterprises one batch may cover; more must be narrowed by region. */
    public static final int MAX_CANDIDATES = 20_000;
    /** Assigned enterprises a model learns from (the first by USCC). */
    public static final int MAX_EXAMPLES = 50_000;
    /** Assignments one accept may carry. */
    public static final int MAX_ACCEPT = 5_000;
    static final int MAX_KEY = 64;

    private final AssignmentQueries queries;
    private final SuggestionBatches batches;
    private final RegionCatalog regions;
    private final ApplicationEventPublisher events;
    private final Method method = Method.DEFAULT;

    AssignmentService(AssignmentQueries queries, SuggestionBatches batches, RegionCatalog regions,
                      ApplicationEventPublisher events) {
        this.queries = queries;
        this.batches = batches;
        this.regions = regions;
        this.events = events;
    }

    /** Computes a batch for the chain's candidates in the region (null or blank = everywhere) and returns its first page. */
    public BatchPage suggest(String chain, String regionCode, Confidence filter, Paging paging) {
        String chainId = requireChain(chain);
        Region region = regionCode == null || regionCode.isBlank() ? null : regions.find(regionCode.strip())
                .orElseThrow(() -> ApiProblem.unknownRegion(regionCode));
        List<FirmRecord> candidates = queries.candidates(chainId, region, MAX_CANDIDATES + 1);
        if (candidates.size() > MAX_CANDIDATES) {
            throw ApiProblem.badRequest("待挂链企业超过 " + MAX_CANDIDATES + " 家，请选择地区缩小范围",
                    "More than " + MAX_CANDIDATES + " candidates; narrow the region");
        }
        List<SegmentModel.Segment> segments = queries.segments(chainId);
        List<SegmentModel.Example> examples = queries.assigned(chainId, MAX_EXAMPLES).stream()
                .map(f -> new SegmentModel.Example(f.uscc(), f.name(), f.segments(), FirmText.phrases(f.name(), f.mainProducts(), f.businessScope()),
                        f.industry()))
                .filter(e -> !e.phrases().isEmpty()).toList();
        SegmentModel model = SegmentModel.train(segments, examples, method);
        List<Suggestion> items = new ArrayList<>();
        for (FirmRecord f : candidates) {
            List<Phrase> phrases = FirmText.phrases(f.name(), f.mainProducts(), f.businessScope());
            items.add(suggestion(f, model.propose(phrases, f.industry())));
        }
        SuggestionBatches.Batch batch = new SuggestionBatches.Batch(UUID.randomUUID().toString(), chainId,
                region == null ? null : region.code(), Instant.now(), examples.size(), segments.size(),
                new MethodInfo(method.sureMargin(), method.minFirms(), method.neighbours(), method.knnBlend(), method.industryWeight()),
                List.copyOf(items));
        batches.put(batch);
        return page(batch, filter, paging);
    }

    /** One page of a computed batch, optionally only 确定 or 待确认 ones. */
    public BatchPage batch(String id, Confidence filter, Paging paging) {
        return page(requireBatch(id), filter, paging);
    }

    /** Writes the first option of every 确定 suggestion of the batch. */
    public AcceptResult acceptSure(String id) {
        SuggestionBatches.Batch batch = requireBatch(id);
        List<Accepted> sure = batch.items().stream().filter(s -> s.confidence() == Confidence.SURE && !s.options().isEmpty())
                .map(s -> new Accepted(s.uscc(), s.options().get(0).segmentId())).toList();
        return accept(batch.chain(), sure);
    }

    /**
     * Writes the given assignments after checking every one (all or nothing): unknown enterprises, unknown
     * segments and, when {@code chain} is given, segments of another chain are reported together.
     */
    public AcceptResult accept(String chain, List<Accepted> items) {
        String chainId = chain == null || chain.isBlank() ? null : requireChain(chain);
        if (items == null) {
            throw ApiProblem.badRequest("请提供要挂链的企业与环节 (items)", "items are required");
        }
        if (items.size() > MAX_ACCEPT) {
            throw ApiProblem.badRequest("一次最多挂链 " + MAX_ACCEPT + " 条，本次 " + items.size() + " 条",
                    "At most " + MAX_ACCEPT + " items per request, got " + items.size());
        }
        Set<String> usccs = new LinkedHashSet<>();
        Set<String> segmentIds = new LinkedHashSet<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Accepted a = items.get(i);
            if (a == null) {
                throw ApiProblem.badRequest("第 " + (i + 1) + " 条为空", "item " + (i + 1) + " is null");
            }
            String uscc = key(a.uscc(), "uscc", i);
            String seg = key(a.segmentId(), "segmentId", i);
            usccs.add(uscc);
            segmentIds.add(seg);
            rows.add(Map.of("uscc", uscc, "segmentId", seg));
        }
        if (rows.isEmpty()) {
            return new AcceptResult(0, 0, 0, List.of());
        }
        List<String> unknownFirms = new ArrayList<>(new TreeSet<>(queries.unknownEnterprises(usccs)));
        Map<String, String> chainOf = queries.segmentChains(segmentIds);
        List<String> unknownSegments = new ArrayList<>();
        for (String s : segmentIds) {
            if (!chainOf.containsKey(s) || chainId != null && !chainId.equals(chainOf.get(s))) {
                unknownSegments.add(s);
            }
        }
        if (!unknownFirms.isEmpty() || !unknownSegments.isEmpty()) {
            throw new UnknownReferences(unknownFirms, unknownSegments);
        }
        rows = rows.stream().distinct().toList();
        long written = queries.writeMemberships(rows);
        queries.liftRejections(rows);
        Set<String> chains = new TreeSet<>();
        segmentIds.forEach(s -> chains.add(chainOf.get(s)));
        if (written > 0) {
            events.publishEvent(new DataImportedEvent(chains));
        }
        return new AcceptResult(items.size(), written, rows.size() - written, List.copyOf(chains));
    }

    /**
     * Records the reviewer's 驳回 of these enterprises' proposals in the chain (all checked first; nothing recorded
     * on error), so the next batches of the chain leave them out. Idempotent.
     */
    public RejectResult reject(String chain, List<String> usccs) {
        String chainId = requireChain(chain);
        if (usccs == null || usccs.isEmpty()) {
            throw ApiProblem.badRequest("请提供要驳回的企业 (usccs)", "usccs are required");
        }
        if (usccs.size() > MAX_ACCEPT) {
            throw ApiProblem.badRequest("一次最多驳回 " + MAX_ACCEPT + " 家，本次 " + usccs.size() + " 家",
                    "At most " + MAX_ACCEPT + " enterprises per request, got " + usccs.size());
        }
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < usccs.size(); i++) {
            keys.add(key(usccs.get(i), "uscc", i));
        }
        List<String> unknownFirms = new ArrayList<>(new TreeSet<>(queries.unknownEnterprises(keys)));
        if (!unknownFirms.isEmpty()) {
            String shown = unknownFirms.size() <= 10 ? String.join("、", unknownFirms)
                    : String.join("、", unknownFirms.subList(0, 10)) + " 等 " + unknownFirms.size() + " 家";
            throw ApiProblem.badRequest("未记录任何驳回：未找到企业 " + shown, "Nothing recorded: unknown enterprises " + unknownFirms);
        }
        long recorded = queries.recordRejections(chainId, List.copyOf(keys));
        return new RejectResult(usccs.size(), recorded, keys.size() - recorded, chainId);
    }

    private static String key(String value, String field, int index) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("第 " + (index + 1) + " 条缺少 " + field, "item " + (index + 1) + ": " + field + " is missing");
        }
        String v = value.strip();
        if (v.length() > MAX_KEY) {
            throw ApiProblem.badRequest("第 " + (index + 1) + " 条的 " + field + " 超过 " + MAX_KEY + " 个字符",
                    "item " + (index + 1) + ": " + field + " longer than " + MAX_KEY);
        }
        return v;
    }

    private String requireChain(String chain) {
        if (chain == null || chain.isBlank()) {
            throw ApiProblem.badRequest("请指定产业链 (chain)", "chain is required");
        }
        String id = chain.strip();
        if (id.length() > MAX_KEY || !queries.chainExists(id)) {
            throw ApiProblem.notFound("产业链", "Chain", id.length() > MAX_KEY ? id.substring(0, MAX_KEY) + "…" : id);
        }
        return id;
    }

    private SuggestionBatches.Batch requireBatch(String id) {
        return batches.get(id).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND,
                "挂链建议批次不存在或已过期（服务重启或生成了更多批次），请重新生成: " + id,
                "Suggestion batch not found or expired; compute a new one: " + id));
    }

    private static BatchPage page(SuggestionBatches.Batch b, Confidence filter, Paging paging) {
        List<Suggestion> shown = filter == null ? b.items() : b.items().stream().filter(s -> s.confidence() == filter).toList();
        int from = (int) Math.min(paging.skip(), shown.size());
        int to = Math.min(from + paging.size(), shown.size());
        int sure = (int) b.items().stream().filter(s -> s.confidence() == Confidence.SURE).count();
        int noMatch = (int) b.items().stream().filter(s -> s.options().isEmpty()).count();
        return new BatchPage(b.id(), b.chain(), b.region(), b.createdAt(), b.trainingFirms(), b.segments(), b.items().size(),
                sure, b.items().size() - sure, noMatch, b.method(),
                new PageResult<>(shown.subList(from, to), paging.page(), paging.size(), shown.size()));
    }

    private static Suggestion suggestion(FirmRecord f, SegmentModel.Proposal p) {
        List<Option> options = p.ranked().stream().map(a -> new Option(a.segmentId(), a.segmentName(), round(a.score()))).toList();
        List<NearFirm> near = p.nearest().stream().map(n -> new NearFirm(n.id(), n.name(), round(n.similarity()))).toList();
        return new Suggestion(f.uscc(), f.name(), f.regionCode(), f.provisional(), p.confidence(), p.confidence().label(), p.reasonZh(),
                round(p.margin()), options, p.matchedTerms(), near);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    /** Parses a confidence filter: SURE / REVIEW or 确定 / 待确认; null or blank = all. */
    static Confidence parseFilter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (Confidence c : Confidence.values()) {
            if (c.name().equalsIgnoreCase(value.strip()) || c.label().equals(value.strip())) {
                return c;
            }
        }
        throw ApiProblem.badRequest("confidence 只能是 SURE(确定) 或 REVIEW(待确认): " + value,
                "confidence must be SURE or REVIEW: " + value);
    }
}
