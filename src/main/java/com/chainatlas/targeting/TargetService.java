package com.chainatlas.targeting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.DiagnosisService;
import com.chainatlas.analysis.Flag;
import com.chainatlas.analysis.Verdict;
import com.chainatlas.region.Region;
import com.chainatlas.region.RegionCatalog;
import com.chainatlas.signal.ExpansionSignals;
import com.chainatlas.system.ApiProblem;
import com.chainatlas.system.ExpensiveRequests;
import com.chainatlas.system.Paging;
import com.chainatlas.targeting.TargetCandidates.Candidate;
import com.chainatlas.targeting.TargetCandidates.Tie;
import com.chainatlas.targeting.TargetModel.LocalPartner;
import com.chainatlas.targeting.TargetModel.ScoreParts;
import com.chainatlas.targeting.TargetModel.TargetPage;
import com.chainatlas.targeting.TargetModel.TargetQuery;
import com.chainatlas.targeting.TargetModel.TargetRow;
import com.chainatlas.targeting.TargetModel.TargetSegment;
import com.chainatlas.targeting.TargetScorer.Purpose;
import com.chainatlas.targeting.linkprediction.PredictedCustomer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ranks outside enterprises for the segments a region should fill (补链), strengthen (强链) or extend into
 * (延链), with every part of the score shown and the reasons in words (招商清单, "按图索骥").
 *
 * <p>Order: score descending, then known revenue descending (unknown revenue last), then USCC — stable for
 * equal scores. An enterprise in
 * several targeted segments appears once, under the segment with the highest priority.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

    /**
     * Size bands by annual revenue (万元), after the industrial SME standard (大型 ≥ 4 亿, 中型 ≥ 2,000 万).
     * An enterprise whose revenue nobody gave is in none of them but in its own band, UNKNOWN (营收未知).
     */
    static final Map<String, double[]> SIZE_BANDS = Map.of(
            "LARGE", new double[]{40_000, Double.MAX_VALUE},
            "MEDIUM", new double[]{2_000, 40_000},
            "SMALL", new double[]{0, 2_000},
            "UNKNOWN", new double[0]);

    private final DiagnosisService diagnosis;
    private final TargetFacts facts;
    private final RegionCatalog regions;
    private final ExpansionSignals signals;
    private final RankingCache rankings = new RankingCache();
    private final java.util.concurrent.Executor background;
    private final TransactionTemplate readTransaction;

    TargetService(DiagnosisService diagnosis, TargetFacts facts, RegionCatalog regions, ExpansionSignals signals,
                  @Qualifier(RankingExecutorConfiguration.NAME) java.util.concurrent.Executor background,
                  PlatformTransactionManager transactions) {
        this.diagnosis = diagnosis;
        this.facts = facts;
        this.regions = regions;
        this.signals = signals;
        this.background = background;
        this.readTransaction = new TransactionTemplate(transactions);
        this.readTransaction.setReadOnly(true);
    }

    /** One page of the ranking. */
    public TargetPage rank(TargetQuery q, Paging paging) {
        return rank(q, paging, ExpensiveRequests.Gate.OPEN);
    }

    /**
     * One page; only what is not cached yet (the diagnosis, the ranking) is computed through {@code gate}. Right
     * after the data changed (a new snapshot version), a query whose ranking was computed on the previous version
     * gets that one, marked {@link TargetModel.Refreshing}, while the new ranking is computed in the background (one
     * thread): after an import every client's ranking is dead at once, and recomputing them all in the requests
     * made the 429s and the seconds-long tail of the load test. Saved lists and exports ({@link #rankAll}) always
     * rank the current data.
     */
    public TargetPage rank(TargetQuery q, Paging paging, ExpensiveRequests.Gate gate) {
        Prepared p = prepare(q, gate);
        Ranking r = rankings.peek(p.key());
        TargetModel.Refreshing refreshing = null;
        if (r == null) {
            Ranking older = q.asOf() == null ? rankings.olderVersionOf(p.key()) : null;
            java.util.concurrent.CompletableFuture<Ranking> next = older == null ? null
                    : rankings.getAsync(p.key(), () -> readTransaction.execute(s -> compute(p)), background);
            if (next != null && !next.isDone()) {
                r = older;
                refreshing = new TargetModel.Refreshing(p.key().version(), REFRESHING_NOTE);
            } else if (next != null && !next.isCompletedExceptionally()) {
                r = next.join();
            } else {
                r = rankings.get(p.key(), () -> gate.call(() -> compute(p)));
            }
        }
        int from = (int) Math.min(r.rows().size(), paging.skip());
        int to = Math.min(r.rows().size(), from + paging.size());
        return new TargetPage(q.chain(), r.region().code(), regions.fullName(r.region().code()), r.preset(), r.weights(),
                r.segments(), r.snapshotVersion(), List.copyOf(r.rows().subList(from, to)), paging.page(), paging.size(), r.rows().size(),
                r.asOf(), refreshing);
    }

    static final String REFRESHING_NOTE = "数据刚更新：本页是更新前数据的名单，按新数据的名单正在计算，几秒后自动刷新";

    /** The whole ranking, for saved lists and exports; computed once per snapshot version and query. */
    public Ranking rankAll(TargetQuery q) {
        return rankAll(q, ExpensiveRequests.Gate.OPEN);
    }

    /**
     * {@link #rankAll(TargetQuery)} where a computation (cache miss) takes a place through {@code gate}: a ranking
     * already cached is never refused as too busy.
     */
    public Ranking rankAll(TargetQuery q, ExpensiveRequests.Gate gate) {
        Prepared p = prepare(q, gate);
        return rankings.get(p.key(), () -> gate.call(() -> compute(p)));
    }

    /** What a ranking is computed from, and its cache key. */
    private record Prepared(TargetQuery q, Region region, TargetWeights weights, String preset, Diagnosis d,
                            RankingCache.Key key) {
    }

    private Prepared prepare(TargetQuery q, ExpensiveRequests.Gate gate) {
        Region region = region(q.region());
        TargetWeights weights = weights(q);
        String preset = q.weights() != null ? "custom" : q.preset() == null ? "balanced" : q.preset();
        Diagnosis d = diagnosis.diagnose(q.chain(), region.code(), q.zone(), com.chainatlas.analysis.DiagnosisSettings.Overrides.none(),
                q.asOf(), gate);
        // the day is part of the key: expansion signals decay from one day to the next
        return new Prepared(q, region, weights, preset, d,
                new RankingCache.Key(d.snapshot().version(), RankingCache.normalised(q), signals.today()));
    }

    private Ranking compute(Prepared p) {
        return compute(p.q(), p.region(), p.weights(), p.preset(), p.d());
    }

    private Ranking compute(TargetQuery q, Region region, TargetWeights weights, String preset, Diagnosis d) {
        List<TargetSegment> targets = targetSegments(d, q.segments());
        Map<String, TargetSegment> bySegment = new LinkedHashMap<>();
        targets.forEach(t -> bySegment.put(t.segmentId(), t));

        TargetFacts.Facts facts = this.facts.facts(q.chain(), region.prefix(), bySegment, d.snapshot().version());
        if (q.asOf() != null) {
            facts = AsOfFacts.filter(facts, diagnosis.snapshot(q.chain(), q.asOf()), region.prefix());
        }
        List<Candidate> filtered = facts.candidates().stream().filter(c -> passes(c, q)).toList();
        TargetFacts.Facts f = facts;
        TargetScorer.Scale scale = new TargetScorer.Scale(
                filtered.stream().filter(c -> c.revenue() != null).mapToDouble(Candidate::revenue).max().orElse(0),
                filtered.stream().filter(c -> c.employees() != null).mapToInt(Candidate::employees).max().orElse(0),
                filtered.stream().filter(c -> c.patents() != null).mapToInt(Candidate::patents).max().orElse(0),
                filtered.stream().map(c -> f.predicted().get(c.uscc())).filter(l -> l != null && !l.isEmpty())
                        .mapToDouble(l -> l.get(0).score()).max().orElse(0));
        TargetScorer scorer = new TargetScorer(weights, region.code());

        // Score every candidate; rows (reasons, partners) are made only when read: a page is a slice of the order.
        int n = filtered.size();
        ExpansionSignals.Signal[] signal = new ExpansionSignals.Signal[n]; // rated once, on the ranking's day
        double[] total = new double[n];
        Integer[] kept = new Integer[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = filtered.get(i);
            signal[i] = signals.signal(facts.events().get(c.uscc()));
            double score = scorer.score(features(c, bySegment.get(c.segmentId()), f, signal[i]), scale).total();
            if (q.minScore() != null && score < q.minScore()) {
                continue;
            }
            total[i] = score;
            kept[k++] = i;
        }
        // Equal scores: larger known revenue first, unknown revenue after every known one, then USCC.
        Comparator<Double> revenueOrder = Comparator.nullsLast(Comparator.reverseOrder());
        java.util.Arrays.sort(kept, 0, k, (a, b) -> {
            int x = Double.compare(total[b], total[a]);
            if (x == 0) {
                x = revenueOrder.compare(filtered.get(a).revenue(), filtered.get(b).revenue());
            }
            return x != 0 ? x : filtered.get(a).uscc().compareTo(filtered.get(b).uscc());
        });
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = kept[i];
        }
        RankedRows rows = new RankedRows(order, (i, rank) -> row(rank, filtered.get(i), bySegment, f, signal[i], scorer, scale, region));
        return new Ranking(q.chain(), d.chainName(), region, preset, weights, targets, d.snapshot().version(), rows,
                d.snapshot().asOf());
    }

    private static TargetScorer.Features features(Candidate c, TargetSegment seg, TargetFacts.Facts facts,
                                                  ExpansionSignals.Signal signal) {
        List<Tie> myTies = facts.ties().getOrDefault(c.uscc(), List.of());
        List<PredictedCustomer> myPredictions = facts.predicted().getOrDefault(c.uscc(), List.of());
        return new TargetScorer.Features(c.revenue(), c.employees(), Set.copyOf(c.tags()),
                c.patents(), c.cooperations(),
                (int) myTies.stream().map(Tie::partnerUscc).distinct().count(),
                myPredictions.isEmpty() ? 0 : myPredictions.get(0).score(), c.regionCode(), purpose(seg), seg.key(),
                signal.rating());
    }

    /** The row of a scored candidate at {@code rank} (recomputes its parts: the same inputs give the same parts). */
    private TargetRow row(int rank, Candidate c, Map<String, TargetSegment> bySegment, TargetFacts.Facts facts,
                          ExpansionSignals.Signal signal, TargetScorer scorer, TargetScorer.Scale scale, Region region) {
        TargetSegment seg = bySegment.get(c.segmentId());
        TargetScorer.Parts p = scorer.score(features(c, seg, facts, signal), scale);
        List<Tie> myTies = facts.ties().getOrDefault(c.uscc(), List.of());
        List<PredictedCustomer> myPredictions = facts.predicted().getOrDefault(c.uscc(), List.of());
        List<LocalPartner> partners = myTies.stream().map(t -> new LocalPartner(t.partnerUscc(), t.partnerName(),
                t.candidateSupplies() ? "SUPPLIES_TO" : "BUYS_FROM", t.candidateSupplies() ? "供货给" : "采购自",
                t.amount(), null)).toList();
        List<LocalPartner> predictedPartners = myPredictions.stream().map(pc -> new LocalPartner(pc.customerId(),
                facts.locals().get(pc.customerId()), "PREDICTED", "预计可供货", null, TargetScorer.round(pc.score()))).toList();
        List<String> reasons = TargetReasons.withSignal(TargetReasons.of(seg, c, partners, predictedPartners, region), signal.text());
        return new TargetRow(rank, c.uscc(), c.name(), c.regionCode(), regions.fullName(c.regionCode()),
                seg.segmentId(), seg.name(), seg.purpose(), seg.purposeZh(), p.total(),
                new ScoreParts(p.scale(), p.quality(), p.innovation(), p.ties(), p.predicted(), p.proximity(), p.priority(),
                        p.signals(), p.total()),
                reasons, String.join("; ", reasons), partners, predictedPartners, c.revenue(), c.employees(),
                c.tags(), c.patents(), c.cooperations(), signal.text());
    }

    /**
     * Recomputes the chain's most recently asked rankings (up to {@code limit}, without as-of date) on the current
     * snapshot; returns how many. Failures are left to the next request (e.g. the data changed again meanwhile).
     */
    public int warm(String chainId, int limit) {
        int warmed = 0;
        for (TargetQuery q : rankings.recent(chainId, limit)) {
            try {
                rankAll(q);
                warmed++;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(TargetService.class).debug("Ranking not warmed for {}: {}", q, e.getMessage());
            }
        }
        return warmed;
    }

    /**
     * Makes the chain's per-snapshot target facts (members' figures, events, supply-tie model) now, or waits for the
     * background computation under way; returns where its time went. For benchmarks and warm-up.
     */
    public String prepare(String chainId) {
        return facts.chainFacts(chainId).profile;
    }

    /** Whether the ranking of {@code q} on snapshot {@code version} is cached and computed (for tests). */
    boolean cached(TargetQuery q, long version) {
        return rankings.peek(new RankingCache.Key(version, RankingCache.normalised(q), signals.today())) != null;
    }

    /** Rankings kept in the cache (for tests). */
    int cachedRankings() {
        return rankings.size();
    }

    /** A full ranking with what produced it; {@code asOf} the as-of view it ranked on, null for all data. */
    public record Ranking(String chainId, String chainName, Region region, String preset, TargetWeights weights, List<TargetSegment> segments,
                          long snapshotVersion, List<TargetRow> rows, com.chainatlas.analysis.DiagnosisModel.AsOf asOf) {

        public Ranking(String chainId, String chainName, Region region, String preset, TargetWeights weights,
                       List<TargetSegment> segments, long snapshotVersion, List<TargetRow> rows) {
            this(chainId, chainName, region, preset, weights, segments, snapshotVersion, rows, null);
        }
    }

    private List<TargetSegment> targetSegments(Diagnosis d, List<String> chosen) {
        Map<String, SegmentDiagnosis> byId = new HashMap<>();
        d.segments().forEach(s -> byId.put(s.segmentId(), s));
        List<TargetSegment> result = new ArrayList<>();
        if (!chosen.isEmpty()) {
            for (String id : new LinkedHashSet<>(chosen)) {
                SegmentDiagnosis s = byId.get(id);
                if (s == null) {
                    throw ApiProblem.badRequest("环节不属于该产业链: " + id, "Segment is not in this chain: " + id);
                }
                if (s.leaf()) {
                    result.add(target(s, true));
                } else { // a parent stands for its leaves
                    d.segments().stream().filter(x -> x.leaf() && id.equals(x.parentId())).forEach(x -> result.add(target(x, true)));
                }
            }
            return result;
        }
        for (SegmentDiagnosis s : d.segments()) {
            if (s.leaf() && (s.verdict() == Verdict.MISSING || s.verdict() == Verdict.WEAK || s.flags().contains(Flag.EXTEND))) {
                result.add(target(s, false));
            }
        }
        return result;
    }

    private static TargetSegment target(SegmentDiagnosis s, boolean chosen) {
        Purpose p = s.verdict() == Verdict.MISSING ? Purpose.FILL
                : s.verdict() == Verdict.WEAK ? Purpose.STRENGTHEN
                : s.flags().contains(Flag.EXTEND) ? Purpose.EXTEND : chosen ? Purpose.CHOSEN : Purpose.EXTEND;
        String reason = s.reasons().isEmpty() ? s.verdictZh() : s.reasons().get(0).zh();
        return new TargetSegment(s.segmentId(), s.name(), p.name(), p.zh, s.key(), s.verdict().name(), reason);
    }

    private static Purpose purpose(TargetSegment s) {
        return Purpose.valueOf(s.purpose());
    }

    private boolean passes(Candidate c, TargetQuery q) {
        String province = c.regionCode().substring(0, 2) + "0000";
        if (!q.includeProvinces().isEmpty() && !q.includeProvinces().contains(province)) {
            return false;
        }
        if (q.excludeProvinces().contains(province)) {
            return false;
        }
        if (q.sizeBand() != null) {
            double[] band = SIZE_BANDS.get(q.sizeBand());
            if (c.revenue() == null || band.length == 0) {
                return c.revenue() == null && band.length == 0;
            }
            if (c.revenue() < band[0] || c.revenue() >= band[1]) {
                return false;
            }
        }
        return q.tags().isEmpty() || c.tags().stream().anyMatch(q.tags()::contains);
    }

    private Region region(String code) {
        if (code == null) {
            throw ApiProblem.badRequest("请指定地区 region", "region is required");
        }
        Region r = regions.find(code).orElseThrow(() -> ApiProblem.notFound("行政区划", "Region", code));
        return r;
    }

    private static TargetWeights weights(TargetQuery q) {
        if (q.weights() != null) {
            return q.weights();
        }
        String key = q.preset() == null ? "balanced" : q.preset();
        TargetWeights.Preset p = TargetWeights.presets().get(key);
        if (p == null) {
            throw ApiProblem.badRequest("未知的预设: " + key + "，可选 " + TargetWeights.presets().keySet(),
                    "Unknown preset: " + key + "; one of " + TargetWeights.presets().keySet());
        }
        return p.weights();
    }

    static void validateSizeBand(String band) {
        if (band != null && !SIZE_BANDS.containsKey(band)) {
            throw ApiProblem.badRequest("规模档须为 " + SIZE_BANDS.keySet() + " 之一", "sizeBand must be one of " + SIZE_BANDS.keySet());
        }
    }
}
