package com.chainatlas.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisService;
import com.chainatlas.chain.ChainService;
import com.chainatlas.dashboard.DashboardModel.Alert;
import com.chainatlas.dashboard.DashboardModel.Dashboard;
import com.chainatlas.dashboard.DashboardModel.GapSegment;
import com.chainatlas.dashboard.DashboardModel.Gaps;
import com.chainatlas.dashboard.DashboardModel.PeerRow;
import com.chainatlas.dashboard.DashboardModel.Rate;
import com.chainatlas.dashboard.DashboardModel.Rates;
import com.chainatlas.dashboard.DashboardModel.RegionRef;
import com.chainatlas.dashboard.DashboardModel.SubRegionRow;
import com.chainatlas.dashboard.DashboardModel.Tally;
import com.chainatlas.project.LeadFacts;
import com.chainatlas.project.LedgerMirror;
import com.chainatlas.project.LedgerSettings;
import com.chainatlas.project.LedgerSettingsStore;
import com.chainatlas.project.LedgerState;
import com.chainatlas.project.ProjectFacts;
import com.chainatlas.project.ProjectStage;
import com.chainatlas.project.ProjectStatus;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ComputeOnceCache;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Rates, alerts, sub-region roll-up, peers and gaps of a region, read from the ledger in one go per region and
 * counted in memory ({@link LedgerRates}, {@link LedgerAlerts}, {@link LedgerGaps}). "Today" comes from the Clock bean.
 */
@Service
public class DashboardService {

    /** Overdue items shown on the dashboard (the alerts endpoint has all). */
    static final int OVERDUE_TOP = 20;
    /** Most peer regions compared. */
    static final int MAX_PEERS = 40;
    /** Chains whose gaps the dashboard shows when no chain is chosen. */
    static final int MAX_GAP_CHAINS = 5;
    private static final int MAX_ID = 64;

    static final Map<String, String> NOTES_ZH = notes();

    /** Cached answers and ledger reads; old versions fall out as new ones come in (LRU). */
    static final int CACHED_ANSWERS = 256;
    static final int CACHED_READS = 12;
    private static final Logger log = LoggerFactory.getLogger(DashboardService.class);

    private final ObjectProvider<LedgerMirror> ledger;
    private final RegionCatalog regions;
    private final ChainService chains;
    private final DiagnosisService diagnosis;
    private final LedgerSettingsStore settingsStore;
    private final Clock clock;
    private final ComputeOnceCache<Key, DashboardEntry> dashboards = new ComputeOnceCache<>(CACHED_ANSWERS, v -> true);
    private final ComputeOnceCache<Key, Rates> rates = new ComputeOnceCache<>(CACHED_ANSWERS, v -> true);
    private final ComputeOnceCache<Key, List<Alert>> alerts = new ComputeOnceCache<>(CACHED_ANSWERS, v -> true);
    private final ComputeOnceCache<FactsKey, List<?>> facts = new ComputeOnceCache<>(CACHED_READS, v -> true);

    DashboardService(ObjectProvider<LedgerMirror> ledger, RegionCatalog regions, ChainService chains,
                     DiagnosisService diagnosis, LedgerSettingsStore settingsStore, Clock clock) {
        this.ledger = ledger;
        this.regions = regions;
        this.chains = chains;
        this.diagnosis = diagnosis;
        this.settingsStore = settingsStore;
        this.clock = clock;
    }

    /**
     * A cached answer's key: the question (its {@code asOf} is the office day, so "days overdue" and rates due by
     * today move at midnight) and the ledger version (every ledger write and settings change advances it).
     */
    record Key(String region, String chainId, LocalDate from, LocalDate to, LocalDate asOf, long version) {
        Key(Query q, long version) {
            this(q.region().code(), q.chainId(), q.from(), q.to(), q.asOf(), version);
        }
    }

    /** The validated question: a region, an optional chain and a period ending no later than needed. */
    record Query(Region region, String chainId, LocalDate from, LocalDate to, LocalDate asOf) {
    }

    Query query(String regionCode, String chainId, String from, String to) {
        Region region = region(regionCode);
        String chain = blankToNull(chainId);
        if (chain != null) {
            if (chain.length() > MAX_ID) {
                throw ApiProblem.badRequest("产业链编号过长", "Chain id too long");
            }
            chains.chain(chain); // 404 problem when unknown
        }
        LocalDate asOf = LocalDate.now(clock);
        LocalDate f = date(from, "from");
        LocalDate t = date(to, "to");
        if (t == null) {
            t = asOf;
        }
        if (f != null && f.isAfter(t)) {
            throw ApiProblem.badRequest("起始日期 " + f + " 晚于截止日期 " + t, "from " + f + " is after to " + t);
        }
        return new Query(region, chain, f, t, asOf);
    }

    public Rates rates(String regionCode, String chainId, String from, String to) {
        Query q = query(regionCode, chainId, from, to);
        LedgerState st = settingsStore.state();
        return rates.get(new Key(q, st.version()), () -> {
            List<ProjectFacts> ps = projects(q.region().code(), q.chainId(), st.version());
            LedgerSettings settings = st.settings();
            return new Rates(ref(q.region()), q.chainId(), LedgerRates.period(ps, q.from(), q.to(), q.asOf()),
                    LedgerRates.rates(ps, q.from(), q.to(), q.asOf(), settings),
                    LedgerRates.trend(ps, q.from(), q.to(), q.asOf(), settings));
        });
    }

    public List<Alert> alerts(String regionCode, String chainId, String kind) {
        Query q = query(regionCode, chainId, null, null);
        AlertKind k = kind(kind);
        LedgerState st = settingsStore.state();
        List<Alert> all = alerts.get(new Key(q, st.version()), () -> LedgerAlerts.of(
                projects(q.region().code(), q.chainId(), st.version()), leads(q.region().code(), q.chainId(), st.version()),
                clock.instant(), clock.getZone(), st.settings()));
        return k == null ? all : all.stream().filter(a -> a.kind() == k).toList();
    }

    /** The settings in force (the alerts workbook states them). */
    public LedgerSettings settings() {
        return settingsStore.current();
    }

    public Gaps gaps(String chainId, String regionCode) {
        String chain = blankToNull(chainId);
        if (chain == null) {
            throw ApiProblem.badRequest("缺少参数 chain", "Missing parameter chain");
        }
        Query q = query(regionCode, chain, null, null);
        String code = q.region().code();
        long v = settingsStore.state().version();
        Diagnosis d = diagnosis.diagnose(chain, code, null, null);
        return new Gaps(chain, ref(q.region()), LedgerGaps.of(d, projects(code, chain, v), leads(code, chain, v)));
    }

    /**
     * The dashboard: its ledger part from the cache (keyed by question, office day and ledger version), its gaps
     * from the current diagnoses — recounted only when a diagnosis changed (a new snapshot), else reused.
     */
    public Dashboard dashboard(String regionCode, String chainId, String from, String to) {
        Query q = query(regionCode, chainId, from, to);
        LedgerState st = settingsStore.state();
        DashboardEntry e = dashboards.get(new Key(q, st.version()), () -> compute(q, st));
        return e.dashboard(this::diagnoses);
    }

    private DashboardEntry compute(Query q, LedgerState st) {
        long t0 = System.nanoTime();
        Region region = q.region();
        LedgerSettings settings = st.settings();
        long v = st.version();
        // the peers need the parent's ledger anyway: read it once and take the region's own projects from it
        List<ProjectFacts> parent = region.parentCode() == null ? null : projects(region.parentCode(), q.chainId(), v);
        List<ProjectFacts> ps = parent == null ? projects(region.code(), q.chainId(), v)
                : parent.stream().filter(p -> region.contains(p.regionCode())).toList();
        List<LeadFacts> ls = leads(region.code(), q.chainId(), v);
        long t1 = System.nanoTime();
        List<Alert> alerts = LedgerAlerts.of(ps, ls, clock.instant(), clock.getZone(), settings);
        Dashboard core = new Dashboard(ref(region), q.chainId(), LedgerRates.period(ps, q.from(), q.to(), q.asOf()),
                LedgerRates.stages(ps), LedgerRates.terminated(ps),
                LedgerRates.rates(ps, q.from(), q.to(), q.asOf(), settings),
                LedgerRates.trend(ps, q.from(), q.to(), q.asOf(), settings),
                subRegions(region, ps, alerts, q, settings), alerts.stream().limit(OVERDUE_TOP).toList(), alerts.size(),
                List.of(), peers(region, q, parent, settings, v), NOTES_ZH);
        if (log.isDebugEnabled()) {
            log.debug("Dashboard {} computed: ledger read {} ms, counting {} ms ({} projects)", region.code(),
                    (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000, ps.size());
        }
        return new DashboardEntry(core, region.code(), gapChains(q.chainId(), ps, ls), ps, ls);
    }

    /** The diagnoses of {@code chains} for a region (the analysis caches them per snapshot); unknown chains left out. */
    private List<Diagnosis> diagnoses(String regionCode, List<String> chainIds) {
        List<Diagnosis> out = new ArrayList<>();
        for (String c : chainIds) {
            try {
                out.add(diagnosis.diagnose(c, regionCode, null, null));
            } catch (ApiProblem e) {
                // a chain the ledger names but the analysis does not know (removed since): no diagnosis
            }
        }
        return out;
    }

    /** Every direct sub-region with its figures, then the projects filed at the region itself (本级), if any. */
    List<SubRegionRow> subRegions(Region region, List<ProjectFacts> ps, List<Alert> alerts, Query q,
                                  LedgerSettings settings) {
        List<Region> kids = regions.children(region.code());
        Map<String, List<ProjectFacts>> byKid = new LinkedHashMap<>();
        Map<String, Integer> overdueByKid = new LinkedHashMap<>();
        kids.forEach(k -> byKid.put(k.code(), new ArrayList<>()));
        List<ProjectFacts> own = new ArrayList<>();
        for (ProjectFacts p : ps) {
            Region k = kidOf(kids, p.regionCode());
            (k == null ? own : byKid.get(k.code())).add(p);
        }
        int ownOverdue = 0;
        for (Alert a : alerts) {
            Region k = kidOf(kids, a.regionCode());
            if (k == null) {
                ownOverdue++;
            } else {
                overdueByKid.merge(k.code(), 1, Integer::sum);
            }
        }
        List<SubRegionRow> rows = new ArrayList<>();
        for (Region k : kids) {
            rows.add(row(k.code(), k.name(), false, byKid.get(k.code()), overdueByKid.getOrDefault(k.code(), 0), q, settings));
        }
        if (!own.isEmpty() && !kids.isEmpty()) {
            rows.add(row(region.code(), region.name() + "本级", true, own, ownOverdue, q, settings));
        }
        return List.copyOf(rows);
    }

    private SubRegionRow row(String code, String name, boolean own, List<ProjectFacts> ps, int overdue, Query q,
                             LedgerSettings settings) {
        LedgerRates.Acc acc = new LedgerRates.Acc();
        Map<ProjectStage, Integer> stages = new EnumMap<>(ProjectStage.class);
        for (ProjectFacts p : ps) {
            if (p.status() != ProjectStatus.TERMINATED) {
                acc.add(p);
                stages.merge(p.stage(), 1, Integer::sum);
            }
        }
        Tally t = acc.tally();
        List<Rate> r = LedgerRates.rates(ps, q.from(), q.to(), q.asOf(), settings);
        return new SubRegionRow(code, name, own, t.count(), t.investmentYi(), t.investmentKnownCount(), stages,
                r.get(0), r.get(1), r.get(2), overdue);
    }

    private static Region kidOf(List<Region> kids, String code) {
        for (Region k : kids) {
            if (k.contains(code)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Regions of the same level under the same parent (provinces: every other province) that have ledger data,
     * most projects first. {@code parentProjects}: the parent's ledger when already read (null: read it here).
     */
    List<PeerRow> peers(Region region, Query q, List<ProjectFacts> parentProjects, LedgerSettings settings, long v) {
        Map<String, List<ProjectFacts>> byPeer = new LinkedHashMap<>();
        List<Region> candidates;
        if (region.parentCode() == null) {
            candidates = regions.ofLevel(region.level()).stream().filter(r -> !r.code().equals(region.code())).toList();
            // top-level regions (provinces) are keyed by the first two digits of a code below them
            Map<String, Region> byPrefix = new LinkedHashMap<>();
            candidates.forEach(r -> byPrefix.put(r.code().substring(0, 2), r));
            for (ProjectFacts p : projectsOutside(region.code(), q.chainId(), v)) {
                Region peer = p.regionCode() == null || p.regionCode().length() < 2 ? null
                        : byPrefix.get(p.regionCode().substring(0, 2));
                if (peer != null) {
                    byPeer.computeIfAbsent(peer.code(), c -> new ArrayList<>()).add(p);
                }
            }
        } else {
            candidates = regions.children(region.parentCode()).stream()
                    .filter(r -> !r.code().equals(region.code())).toList();
            List<ProjectFacts> under = parentProjects != null ? parentProjects : projects(region.parentCode(), q.chainId(), v);
            for (ProjectFacts p : under) {
                Region peer = kidOf(candidates, p.regionCode());
                if (peer != null) {
                    byPeer.computeIfAbsent(peer.code(), c -> new ArrayList<>()).add(p);
                }
            }
        }
        List<PeerRow> rows = new ArrayList<>();
        for (Region r : candidates) {
            List<ProjectFacts> ps = byPeer.get(r.code());
            if (ps != null) {
                List<Rate> rs = LedgerRates.rates(ps, q.from(), q.to(), q.asOf(), settings);
                rows.add(new PeerRow(r.code(), r.name(), ps.size(), rs.get(0), rs.get(1), rs.get(2)));
            }
        }
        rows.sort(Comparator.comparingInt(PeerRow::projects).reversed().thenComparing(PeerRow::regionCode));
        return rows.stream().limit(MAX_PEERS).toList();
    }

    /** The chosen chain, or the chains the region's ledger works on (most used first, at most {@link #MAX_GAP_CHAINS}). */
    static List<String> gapChains(String chainId, List<ProjectFacts> ps, List<LeadFacts> ls) {
        if (chainId != null) {
            return List.of(chainId);
        }
        Map<String, Integer> use = new LinkedHashMap<>();
        ps.forEach(p -> use.merge(String.valueOf(p.chainId()), 1, Integer::sum));
        ls.forEach(l -> use.merge(String.valueOf(l.chainId()), 1, Integer::sum));
        return use.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_GAP_CHAINS).map(Map.Entry::getKey).toList();
    }

    /** Gaps of the diagnoses: MISSING before WEAK, key segments first, then those nobody is filling yet. */
    static List<GapSegment> gaps(List<Diagnosis> diagnoses, List<ProjectFacts> ps, List<LeadFacts> ls) {
        List<GapSegment> gaps = new ArrayList<>();
        for (Diagnosis d : diagnoses) {
            gaps.addAll(LedgerGaps.of(d, ps, ls));
        }
        gaps.sort(Comparator.comparing(GapSegment::verdict).thenComparing(g -> !g.key())
                .thenComparing(g -> g.leads() + g.projects() > 0));
        return List.copyOf(gaps);
    }

    /** Ledger reads, shared by every question of the same ledger version (a city's dashboard reuses its province's). */
    private record FactsKey(String kind, String regionCode, long version) {
    }

    @SuppressWarnings("unchecked")
    private List<ProjectFacts> projects(String regionCode, String chainId, long version) {
        List<ProjectFacts> ps = (List<ProjectFacts>) facts.get(new FactsKey("under", regionCode, version),
                () -> source().projectsUnder(regionCode, version));
        return chainId == null ? ps : ps.stream().filter(p -> chainId.equals(p.chainId())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<ProjectFacts> projectsOutside(String regionCode, String chainId, long version) {
        List<ProjectFacts> ps = (List<ProjectFacts>) facts.get(new FactsKey("outside", regionCode, version),
                () -> source().projectsOutside(regionCode, version));
        return chainId == null ? ps : ps.stream().filter(p -> chainId.equals(p.chainId())).toList();
    }

    @SuppressWarnings("unchecked")
    private List<LeadFacts> leads(String regionCode, String chainId, long version) {
        List<LeadFacts> ls = (List<LeadFacts>) facts.get(new FactsKey("leads", regionCode, version),
                () -> source().leadsUnder(regionCode, version));
        return chainId == null ? ls : ls.stream().filter(l -> chainId.equals(l.chainId())).toList();
    }

    private LedgerMirror source() {
        LedgerMirror s = ledger.getIfAvailable();
        if (s == null) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "项目台账尚未启用", "The project ledger is not available");
        }
        return s;
    }

    Region region(String code) {
        String c = blankToNull(code);
        if (c == null) {
            throw ApiProblem.badRequest("缺少参数 region", "Missing parameter region");
        }
        if (!c.matches("\\d{6}")) {
            throw ApiProblem.badRequest("行政区划代码须为 6 位数字: " + abbreviate(c), "Region code must be 6 digits");
        }
        return regions.find(c).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", c));
    }

    RegionRef ref(Region r) {
        return new RegionRef(r.code(), r.name(), r.level().name(), regions.fullName(r.code()));
    }

    static AlertKind kind(String kind) {
        String k = blankToNull(kind);
        if (k == null) {
            return null;
        }
        try {
            return AlertKind.valueOf(k);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("未知的预警类型: " + abbreviate(k), "Unknown alert kind");
        }
    }

    private static LocalDate date(String value, String name) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("参数 " + name + " 须为 YYYY-MM-DD 格式的日期: " + abbreviate(v),
                    "Parameter " + name + " must be a date YYYY-MM-DD");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> notes() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("stages", "按项目当前所处阶段统计（一个项目只计一次），终止项目单列；暂缓项目计入其所处阶段并注明。");
        n.put("investment", "投资额为计入口径（亿元）：增资/扩产项目只计新增投资；未知投资不按 0 计，只合计已知部分并注明已知项目数。");
        n.put("trend", "趋势：每月的比率为截至当月末的累计值（统计期起点至当月末、且已到期的项目），柱为当月签约、开工、投产项目数。");
        n.put("alerts", "预警只针对推进中的项目和未结束的线索：暂缓、终止的项目和已转化、已放弃的线索不预警。");
        n.put("subRegions", "下级地区并列比较；直接登记在本地区（未落到下级）的项目列为“本级”。");
        n.put("peers", "同级地区：同一上级地区下有台账数据的同级地区（省级为其他省份）。");
        return java.util.Collections.unmodifiableMap(n);
    }
}
