package com.chainatlas.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.PeerComparison;
import com.chainatlas.analysis.DiagnosisModel.PeerRow;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.DiagnosisModel.SegmentDetail;
import com.chainatlas.analysis.DiagnosisModel.SegmentRanking;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.region.RegionLevel;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ExpensiveRequests;

import org.springframework.stereotype.Service;

/**
 * The diagnosis feature's public face: resolves chain, region and settings, then answers from the chain's
 * snapshot ({@link SnapshotRegistry}) with the {@link DiagnosisEngine}. No database access per request.
 */
@Service
public class DiagnosisService {

    /** Most peers compared at once. */
    static final int MAX_PEERS = 40;

    private final SnapshotRegistry registry;
    private final RegionCatalog regions;
    private final DiagnosisSettings defaults;
    private final DiagnosisEngine engine;
    private final RegionRanking ranking;
    /** Full names by code (at most the ~3,300 divisions): enterprise lists name many regions per request. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> regionNames = new java.util.concurrent.ConcurrentHashMap<>();

    private final AsOfSnapshots asOfs;

    /**
     * Diagnoses per (chain, snapshot version, region, zone, asOf, settings): the map, the diagnosis view, the target
     * ranking and the dashboard ask for the same few; an import makes a new snapshot version, so nothing stale is
     * served. A diagnosis is a few dozen segments, so a few hundred entries stay small.
     */
    static final int CACHED_DIAGNOSES = 256;

    /** {@code today}: set for an as-of diagnosis only, as a date after today is read as today. */
    record DiagnosisKey(String chainId, long version, String region, String zone, LocalDate asOf, LocalDate today,
                        DiagnosisSettings settings) {
    }

    private final com.chainatlas.system.ComputeOnceCache<DiagnosisKey, Diagnosis> diagnoses =
            new com.chainatlas.system.ComputeOnceCache<>(CACHED_DIAGNOSES, d -> true);

    DiagnosisService(SnapshotRegistry registry, RegionCatalog regions, DiagnosisSettings defaults, AsOfSnapshots asOfs) {
        this.registry = registry;
        this.asOfs = asOfs;
        this.regions = regions;
        this.defaults = defaults;
        this.engine = new DiagnosisEngine(this::regionName);
        this.ranking = new RegionRanking(this::regionOrCode);
    }

    public Diagnosis diagnose(String chainId, String regionCode, String zone, DiagnosisSettings.Overrides overrides) {
        return diagnose(chainId, regionCode, zone, overrides, null);
    }

    /**
     * The diagnosis as of a date (截至日期): on the view of the snapshot with only the enterprises that had entered by
     * then ({@link AsOfSnapshots}); null is all data. The response's {@code snapshot.asOf} says what was left out.
     */
    public Diagnosis diagnose(String chainId, String regionCode, String zone, DiagnosisSettings.Overrides overrides,
                              LocalDate asOf) {
        return diagnose(chainId, regionCode, zone, overrides, asOf, ExpensiveRequests.Gate.OPEN);
    }

    /**
     * {@link #diagnose(String, String, String, DiagnosisSettings.Overrides, LocalDate)} from the cache; only a real
     * computation (a miss) goes through {@code gate} (a place of {@link ExpensiveRequests}), so a cached diagnosis is
     * never refused as too busy.
     */
    public Diagnosis diagnose(String chainId, String regionCode, String zone, DiagnosisSettings.Overrides overrides,
                              LocalDate asOf, ExpensiveRequests.Gate gate) {
        ChainSnapshot base = registry.get(required(chainId, "chain"));
        RegionRef region = region(regionCode);
        String z = blankToNull(zone);
        DiagnosisSettings cfg = defaults.with(overrides);
        DiagnosisKey key = new DiagnosisKey(base.chainId(), base.version(), region.code(), z, asOf,
                asOf == null ? null : asOfs.today(), cfg);
        return diagnoses.get(key, () -> gate.call(() -> {
            ChainSnapshot s = asOfs.at(base, asOf);
            return engine.diagnose(s, RegionScope.of(s, region, z), cfg);
        }));
    }

    /** Diagnoses kept in the cache (for tests). */
    int cachedDiagnoses() {
        return diagnoses.size();
    }

    public SegmentDetail segment(String segmentId, String chainId, String regionCode, String zone,
                                 DiagnosisSettings.Overrides overrides, int limit) {
        return segment(segmentId, chainId, regionCode, zone, overrides, limit, null);
    }

    public SegmentDetail segment(String segmentId, String chainId, String regionCode, String zone,
                                 DiagnosisSettings.Overrides overrides, int limit, LocalDate asOf) {
        String chain = chainId != null && !chainId.isBlank() ? chainId : registry.chainOfSegment(segmentId);
        if (chain == null) {
            throw ApiProblem.notFound("环节", "Segment", segmentId);
        }
        ChainSnapshot s = asOfs.at(registry.get(chain), asOf);
        int g = s.segmentIndex(segmentId);
        if (g < 0) {
            throw ApiProblem.notFound("环节", "Segment", segmentId);
        }
        checkLimit(limit, 1000);
        return engine.detail(s, RegionScope.of(s, region(regionCode), blankToNull(zone)), defaults.with(overrides), g, limit);
    }

    /**
     * The region beside its peers: the given codes, or else the regions of {@code level} (default: the region's
     * own level) inside {@code within} (default: the region's parent; "000000" for the nation), the top
     * {@code top} by chain revenue. The region itself always comes first.
     */
    public PeerComparison peers(String chainId, String regionCode, List<String> peerCodes, RegionLevel level,
                                String within, int top, DiagnosisSettings.Overrides overrides) {
        return peers(chainId, regionCode, peerCodes, level, within, top, overrides, null);
    }

    public PeerComparison peers(String chainId, String regionCode, List<String> peerCodes, RegionLevel level,
                                String within, int top, DiagnosisSettings.Overrides overrides, LocalDate asOf) {
        ChainSnapshot s = snapshot(chainId, asOf);
        DiagnosisSettings cfg = defaults.with(overrides);
        RegionRef self = region(regionCode);
        Set<String> codes = new LinkedHashSet<>();
        codes.add(self.code());
        if (peerCodes != null && !peerCodes.isEmpty()) {
            peerCodes.stream().map(String::strip).filter(c -> !c.isEmpty()).forEach(c -> codes.add(region(c).code()));
        } else {
            checkLimit(top, MAX_PEERS);
            codes.addAll(topRegions(s, self, level, within, top));
        }
        if (codes.size() > MAX_PEERS + 1) {
            throw ApiProblem.badRequest("对标地区最多 " + MAX_PEERS + " 个", "At most " + MAX_PEERS + " peers");
        }
        int[] order = DiagnosisEngine.displayOrder(s);
        List<PeerRow> rows = new ArrayList<>();
        for (String code : codes) {
            RegionScope scope = RegionScope.of(s, region(code), null);
            DiagnosisEngine.Evaluation ev = engine.evaluate(s, scope, cfg);
            List<Verdict> verdicts = new ArrayList<>();
            List<Integer> counts = new ArrayList<>();
            List<Double> lqs = new ArrayList<>();
            List<List<Flag>> flags = new ArrayList<>();
            for (int g : order) {
                verdicts.add(ev.verdict[g]);
                counts.add(ev.scan.count[g]);
                lqs.add(ev.lqByCount(g));
                flags.add(List.copyOf(ev.flags.get(g)));
            }
            rows.add(new PeerRow(scope.region(), ev.chainFigures(), List.copyOf(verdicts), List.copyOf(counts),
                    java.util.Collections.unmodifiableList(lqs), List.copyOf(flags)));
        }
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int g : order) {
            ids.add(s.segId[g]);
            names.add(s.segName[g]);
        }
        return new PeerComparison(s.info(), s.chainId(), cfg, List.copyOf(ids), List.copyOf(names), List.copyOf(rows));
    }

    public SegmentRanking ranking(String chainId, String segmentId, RegionLevel level, int limit) {
        return ranking(chainId, segmentId, level, limit, null);
    }

    public SegmentRanking ranking(String chainId, String segmentId, RegionLevel level, int limit, LocalDate asOf) {
        ChainSnapshot s = snapshot(chainId, asOf);
        int g = s.segmentIndex(required(segmentId, "segment"));
        if (g < 0) {
            throw ApiProblem.notFound("环节", "Segment", segmentId);
        }
        checkLimit(limit, 5000);
        return ranking.rank(s, g, level == null ? RegionLevel.PROVINCE : level, limit, defaults);
    }

    /** The chain's snapshot, or its as-of view for a date (a later date than today counts as today). */
    public ChainSnapshot snapshot(String chainId, LocalDate asOf) {
        return asOfs.at(registry.get(required(chainId, "chain")), asOf);
    }

    public List<DiagnosisModel.SnapshotInfo> snapshots() {
        return registry.versions();
    }

    public DiagnosisModel.SnapshotInfo refresh(String chainId) {
        return registry.refresh(chainId).info();
    }

    private List<String> topRegions(ChainSnapshot s, RegionRef self, RegionLevel level, String within, int top) {
        RegionLevel lv = level != null ? level
                : RegionScope.NATION.equals(self.code()) ? RegionLevel.PROVINCE : RegionLevel.valueOf(self.level());
        String parent = within != null && !within.isBlank() ? region(within).code()
                : regions.find(self.code()).map(Region::parentCode).orElse(RegionScope.NATION);
        if (parent == null) {
            parent = RegionScope.NATION;
        }
        Region area = RegionScope.NATION.equals(parent) ? null : regions.find(parent).orElse(null);
        List<Region> candidates = regions.ofLevel(lv).stream()
                .filter(r -> area == null || area.contains(r.code()))
                .toList();
        record Ranked(String code, double revenue, int enterprises) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Region r : candidates) {
            RegionScope scope = RegionScope.of(s, new RegionRef(r.code(), r.name(), r.level().name(), r.name()), null);
            double revenue = 0;
            for (int e = scope.from(); e < scope.to(); e++) {
                if (!Double.isNaN(s.revenue[e])) { // known revenue only; enterprise count breaks ties (e.g. none known)
                    revenue += s.revenue[e];
                }
            }
            ranked.add(new Ranked(r.code(), revenue, scope.to() - scope.from()));
        }
        ranked.sort(Comparator.comparingDouble((Ranked r) -> -r.revenue()).thenComparingInt(r -> -r.enterprises())
                .thenComparing(Ranked::code));
        return ranked.stream().limit(top).map(Ranked::code).toList();
    }

    /** A region by code: "000000" is the nation (全国); malformed → 400, unknown → 404 problem. */
    RegionRef region(String code) {
        String c = required(code, "region").strip();
        if (!c.matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字: " + c, "Region code must be 6 digits: " + c);
        }
        if (RegionScope.NATION.equals(c)) {
            return new RegionRef(RegionScope.NATION, "全国", "NATION", "全国");
        }
        Region r = regions.find(c).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", c));
        return new RegionRef(r.code(), r.name(), r.level().name(), regions.fullName(r.code()));
    }

    /** Like {@link #region} but never fails: a code missing from the catalog (e.g. a stale one) shows as itself. */
    private RegionRef regionOrCode(String code) {
        return regions.find(code).map(r -> new RegionRef(r.code(), r.name(), r.level().name(), regionName(r.code())))
                .orElseGet(() -> new RegionRef(code, code, com.chainatlas.region.RegionLevel.ofCode(code).name(), code));
    }

    private String regionName(String code) {
        return regionNames.computeIfAbsent(code, c -> regions.exists(c) ? regions.fullName(c) : c);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("缺少参数 " + name, "Missing parameter " + name);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void checkLimit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw ApiProblem.badRequest("数量须在 1 到 " + max + " 之间", "Limit must be between 1 and " + max);
        }
    }
}
