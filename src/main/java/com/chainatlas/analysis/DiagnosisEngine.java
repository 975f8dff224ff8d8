package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.chainatlas.analysis.DiagnosisModel.ChainFigures;
import com.chainatlas.analysis.DiagnosisModel.ChainLeader;
import com.chainatlas.analysis.DiagnosisModel.Concentration;
import com.chainatlas.analysis.DiagnosisModel.Diagnosis;
import com.chainatlas.analysis.DiagnosisModel.EnterpriseRef;
import com.chainatlas.analysis.DiagnosisModel.ExtendCandidate;
import com.chainatlas.analysis.DiagnosisModel.Reason;
import com.chainatlas.analysis.DiagnosisModel.SegmentDiagnosis;
import com.chainatlas.analysis.DiagnosisModel.SegmentFigures;
import com.chainatlas.analysis.DiagnosisModel.Sourcing;

/**
 * Diagnoses a chain for a region (产业链诊断: 补链 强链 延链) from a {@link ChainSnapshot}: one
 * {@link RegionScan} of the region's slice, then the rules per segment. Pure and thread-safe: no database, no
 * Spring; the same snapshot and scope always give the same answer.
 *
 * <p>Rules (thresholds in {@link DiagnosisSettings}; every one that fires becomes a {@link Reason}):
 * <ul>
 *   <li><b>MISSING 空白</b>: no local enterprise.</li>
 *   <li><b>STRONG 优势</b>: LQ by count ≥ {@code strongLq} with ≥ {@code minEnterprises} local enterprises, or one
 *       of the segment's national top-3 enterprises by revenue is local (only when the segment has more than
 *       {@code fewEnterprises} enterprises nationally; with fewer, "top 3" says little and the segment is CRITICAL
 *       anyway). Strength wins over weakness; weakness rules that also fired are still listed.</li>
 *   <li><b>WEAK 薄弱</b>: LQ by count &lt; {@code weakLq}; fewer than {@code minEnterprises}; one enterprise carries
 *       ≥ {@code singleEnterpriseShare} of local revenue; or, with ≥ {@code minSupplyRelations} relations, local
 *       customers buy this segment from outside in ≥ {@code outsideInputShare} of their supply relations.</li>
 *   <li><b>PRESENT 一般</b>: otherwise.</li>
 *   <li><b>CRITICAL 关键</b>: a chokepoint of the FEEDS flow ({@link FlowStructure}, leaves), or national HHI ≥
 *       {@code hhiLimit}, or ≤ {@code fewEnterprises} national enterprises, or one province ≥
 *       {@code topProvinceShare} of national revenue (of the enterprises, when revenue is too rarely known).</li>
 *   <li><b>DEPENDENCY 卡脖子</b>: CRITICAL and bought from outside as in the outside-inputs rule, or CRITICAL,
 *       MISSING locally and bought by local enterprises at all (then every purchase is from outside).</li>
 *   <li><b>EXTEND 延链</b> (leaves): MISSING or WEAK within {@code extendSteps} non-recycling FEEDS steps of a
 *       STRONG leaf. Ranked by relatedness = Σ w·x / Σ w over the segment's direct flow neighbours, w = the
 *       neighbour's value added, x = 1 if the region has it (PRESENT/STRONG), ½ if WEAK, 0 if MISSING — the
 *       "relatedness density" of Hidalgo et al. (2007) with the flow graph as proximity — then value added, then
 *       the key flag. This ranks the 延链 candidates only when the chain has too little dated history; otherwise
 *       every MISSING or WEAK leaf is a candidate, ranked by the snapshot's learnt model ({@link ExtendRanking}), and
 *       the flag keeps its rule meaning.</li>
 * </ul>
 * For the whole nation (全国) every LQ is 1 and the two rules that compare with the outside do not apply.
 *
 * <p><b>Unknown revenue</b> (a revenue nobody gave is NaN, never 0). With c = {@code minRevenueCoverage} (default
 * 0.8), the revenue rules are judged only on enough known revenue, otherwise they do not fire and a
 * {@code NOT_JUDGED} reason says why ("营收未知，未判断…"):
 * <ul>
 *   <li>national top-3 (NATIONAL_LEADER_LOCAL): revenue known for ≥ c of the segment's national enterprises; the
 *       local firm must have a known revenue &gt; 0 and strictly above the 4th largest known revenue (a tie at the
 *       boundary, e.g. all 0, makes nobody top-3);</li>
 *   <li>single enterprise (SINGLE_ENTERPRISE): revenue known for ≥ c of the segment's local enterprises;</li>
 *   <li>HHI (CONCENTRATED_HHI): revenue known for ≥ c of the segment's national enterprises;</li>
 *   <li>province (CONCENTRATED_PROVINCE): by revenue under the same condition, otherwise by enterprise count, and
 *       the reason says "按企业数";</li>
 *   <li>链主: by size × centrality when revenue is known for ≥ c of the chain's national enterprises (firms with an
 *       unknown revenue are not ranked); else by centrality alone among firms with a supply relation; else none
 *       ({@link LeaderBasis}). A score of 0 never names a 链主.</li>
 * </ul>
 * The count rules (LQ by count, few local, few national, chokepoint, sourcing by relations) never need revenue, so
 * a chain without any revenue gets verdicts explainable from counts alone.
 */
public final class DiagnosisEngine {

    private final Function<String, String> regionNames;

    /** @param regionNames full name of a 6-digit region code (e.g. from the region catalog) */
    public DiagnosisEngine(Function<String, String> regionNames) {
        this.regionNames = regionNames;
    }

    public Diagnosis diagnose(ChainSnapshot s, RegionScope scope, DiagnosisSettings cfg) {
        long started = System.nanoTime();
        Evaluation ev = evaluate(s, scope, cfg);
        List<SegmentDiagnosis> segments = new ArrayList<>();
        for (int g : displayOrder(s)) {
            segments.add(ev.segment(g));
        }
        return new Diagnosis(s.info(), s.chainId, s.chainName, scope.region(), scope.zone(), cfg,
                ev.chainFigures(), List.copyOf(segments), ev.extendCandidates(), s.extendRanking().info, ev.leaders(),
                ev.leaderBasis,
                ev.leadersNote(), (System.nanoTime() - started) / 1e6);
    }

    /** The full evaluation (figures, verdicts, flags, reasons) of every segment; used by diagnosis and peers. */
    Evaluation evaluate(ChainSnapshot s, RegionScope scope, DiagnosisSettings cfg) {
        LeaderBasis basis = leaderBasis(s, cfg);
        double[] score = switch (basis) {
            case SIZE_AND_CENTRALITY -> s.national.sizeScore;
            case CENTRALITY -> s.national.centralityScore;
            case NONE -> null;
        };
        return new Evaluation(s, scope, cfg, new RegionScan(s, scope, score), basis);
    }

    /** What the 链主 score rests on for this snapshot and settings (see the class comment). */
    static LeaderBasis leaderBasis(ChainSnapshot s, DiagnosisSettings cfg) {
        NationalFigures nat = s.national;
        if (cfg.revenueJudged(nat.chainRevenueKnown, nat.chainEnterprises) && nat.chainRevenue > 0) {
            return LeaderBasis.SIZE_AND_CENTRALITY;
        }
        return nat.supplyRelations > 0 ? LeaderBasis.CENTRALITY : LeaderBasis.NONE;
    }

    /** Segments grouped under their top-level segment, top-level groups by stage then id. */
    static int[] displayOrder(ChainSnapshot s) {
        Integer[] order = new Integer[s.segId.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRootStage = Comparator.comparing(g -> s.segStage[root(s, g)].ordinal());
        Arrays.sort(order, byRootStage.thenComparing(g -> s.segId[root(s, g)])
                .thenComparingInt(g -> s.segAncestors[g].length).thenComparing(g -> s.segStage[g].ordinal())
                .thenComparing(g -> s.segId[g]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private static int root(ChainSnapshot s, int g) {
        int[] up = s.segAncestors[g];
        return up.length == 0 ? g : up[up.length - 1];
    }

    String regionName(int code) {
        return regionNames.apply(code(code));
    }

    /** The 6-digit text of a region code int (GB/T 2260 codes never start with 0; padded all the same). */
    static String code(int code) {
        String digits = Integer.toString(code);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }

    /** An enterprise with its share of {@code total} (a sum of known revenues; no share when unknown or ≤ 0). */
    EnterpriseRef ref(ChainSnapshot s, int e, double total) {
        double r = s.revenue[e];
        return new EnterpriseRef(s.uscc[e], s.name[e], code(s.regionCode[e]), regionName(s.regionCode[e]), nan(r),
                Double.isNaN(r) || !(total > 0) ? null : r / total);
    }

    /** Everything computed for one region: figures per segment, verdicts, flags and reasons. */
    final class Evaluation {
        final ChainSnapshot s;
        final RegionScope scope;
        final DiagnosisSettings cfg;
        final RegionScan scan;
        final Verdict[] verdict;
        final List<EnumSet<Flag>> flags = new ArrayList<>();
        final List<List<Reason>> reasons = new ArrayList<>();
        final double[] relatedness;
        final int[] neighboursPresent;
        final List<List<String>> nearStrong = new ArrayList<>();
        /** Revenue rules not judged per segment (listed after the reasons that fired). */
        final List<List<Reason>> notJudged = new ArrayList<>();
        final LeaderBasis leaderBasis;

        Evaluation(ChainSnapshot s, RegionScope scope, DiagnosisSettings cfg, RegionScan scan, LeaderBasis leaderBasis) {
            this.s = s;
            this.scope = scope;
            this.cfg = cfg;
            this.scan = scan;
            this.leaderBasis = leaderBasis;
            int segs = s.segId.length;
            verdict = new Verdict[segs];
            relatedness = new double[segs];
            neighboursPresent = new int[segs];
            for (int g = 0; g < segs; g++) {
                flags.add(EnumSet.noneOf(Flag.class));
                reasons.add(new ArrayList<>());
                notJudged.add(new ArrayList<>());
                nearStrong.add(List.of());
                verdict[g] = verdict(g);
                critical(g);
            }
            for (int g = 0; g < segs; g++) {
                if (s.segLeaf[g]) {
                    extend(g);
                }
            }
        }

        Double lqByCount(int g) {
            NationalFigures nat = s.national;
            if (scan.localEnterprises == 0 || nat.count[g] == 0 || nat.chainEnterprises == 0) {
                return null;
            }
            return ((double) scan.count[g] / scan.localEnterprises) / ((double) nat.count[g] / nat.chainEnterprises);
        }

        /** Revenue known for enough of the segment's national enterprises to judge by it. */
        boolean nationalRevenueJudged(int g) {
            return cfg.revenueJudged(s.national.revenueKnown[g], s.national.count[g]) && s.national.revenue[g] > 0;
        }

        /** Revenue known for enough of the segment's local enterprises to judge by it. */
        boolean localRevenueJudged(int g) {
            return cfg.revenueJudged(scan.revenueKnown[g], scan.count[g]) && scan.revenue[g] > 0;
        }

        /** By known revenue, only when revenue is judged on both sides, for the segment and the chain. */
        Double lqByRevenue(int g) {
            NationalFigures nat = s.national;
            if (!localRevenueJudged(g) || !nationalRevenueJudged(g)
                    || !cfg.revenueJudged(scan.localRevenueKnown, scan.localEnterprises) || scan.localRevenue <= 0
                    || !cfg.revenueJudged(nat.chainRevenueKnown, nat.chainEnterprises) || nat.chainRevenue <= 0) {
                return null;
            }
            return (scan.revenue[g] / scan.localRevenue) / (nat.revenue[g] / nat.chainRevenue);
        }

        Double shareByRevenue(int g) {
            return localRevenueJudged(g) && nationalRevenueJudged(g) ? scan.revenue[g] / s.national.revenue[g] : null;
        }

        /** The largest local firm's share of the segment's local revenue; null unless local revenue is judged. */
        Double topLocalShare(int g) {
            int first = scan.top[g * RegionScan.TOP];
            return first < 0 || !localRevenueJudged(g) ? null : s.revenue[first] / scan.revenue[g];
        }

        Double outsideShare(int g) {
            return scan.relations[g] == 0 ? null : (double) scan.outsideRelations[g] / scan.relations[g];
        }

        private boolean buysFromOutside(int g) {
            Double share = outsideShare(g);
            return !scope.nation() && scan.relations[g] >= cfg.minSupplyRelations() && share != null
                    && share >= cfg.outsideInputShare();
        }

        private Verdict verdict(int g) {
            List<Reason> out = reasons.get(g);
            int n = scan.count[g];
            if (n == 0) {
                out.add(Reasons.noLocal(s.national.count[g]));
                return Verdict.MISSING;
            }
            List<Reason> strong = new ArrayList<>();
            Double lq = lqByCount(g);
            if (lq != null && lq >= cfg.strongLq() && n >= cfg.minEnterprises()) {
                strong.add(Reasons.highLq(lq, cfg.strongLq(), n, cfg.minEnterprises()));
            }
            if (!scope.nation() && s.national.count[g] > cfg.fewEnterprises()) {
                if (nationalRevenueJudged(g)) {
                    int[] top = s.national.top[g];
                    double fourth = top.length > 3 ? s.revenue[top[3]] : 0;
                    for (int i = 0; i < Math.min(3, top.length); i++) {
                        // strictly above the 4th: a tie at the boundary is no ranking (e.g. all revenues 0)
                        if (scope.isLocal(s, top[i]) && s.revenue[top[i]] > fourth) {
                            strong.add(Reasons.nationalLeader(s.name[top[i]], i + 1));
                            break;
                        }
                    }
                } else if (!cfg.revenueJudged(s.national.revenueKnown[g], s.national.count[g])) {
                    notJudged.get(g).add(Reasons.notJudged(Rule.NATIONAL_LEADER_LOCAL, "全国营收前三是否位于本地",
                            "national top-3 by revenue", "全国", "national", s.national.revenueKnown[g],
                            s.national.count[g], cfg.minRevenueCoverage()));
                }
            }
            List<Reason> weak = new ArrayList<>();
            if (lq != null && lq < cfg.weakLq()) {
                weak.add(Reasons.lowLq(lq, cfg.weakLq()));
            }
            if (n < cfg.minEnterprises()) {
                weak.add(Reasons.fewLocal(n, cfg.minEnterprises()));
            }
            Double single = topLocalShare(g);
            if (single != null && single >= cfg.singleEnterpriseShare()) {
                weak.add(Reasons.single(s.name[scan.top[g * RegionScan.TOP]], single, cfg.singleEnterpriseShare()));
            } else if (!cfg.revenueJudged(scan.revenueKnown[g], n)) {
                notJudged.get(g).add(Reasons.notJudged(Rule.SINGLE_ENTERPRISE, "单一企业占本地营收比重", "single-enterprise share",
                        "本地", "local", scan.revenueKnown[g], n, cfg.minRevenueCoverage()));
            }
            if (buysFromOutside(g)) {
                weak.add(Reasons.outsideInputs(scan.outsideRelations[g], scan.relations[g], outsideShare(g),
                        cfg.outsideInputShare()));
            }
            out.addAll(strong);
            out.addAll(weak);
            if (!strong.isEmpty()) {
                return Verdict.STRONG;
            }
            if (!weak.isEmpty()) {
                return Verdict.WEAK;
            }
            out.add(Reasons.noRule(n, lq));
            return Verdict.PRESENT;
        }

        private void critical(int g) {
            NationalFigures nat = s.national;
            List<Reason> why = new ArrayList<>();
            if (s.segLeaf[g] && s.flows.chokepoint[g]) {
                why.add(Reasons.chokepoint());
            }
            boolean byRevenue = nationalRevenueJudged(g);
            if (byRevenue) {
                if (nat.hhi[g] >= cfg.hhiLimit()) {
                    why.add(Reasons.hhi(nat.hhi[g], cfg.hhiLimit()));
                }
            } else if (!cfg.revenueJudged(nat.revenueKnown[g], nat.count[g])) {
                notJudged.get(g).add(Reasons.notJudged(Rule.CONCENTRATED_HHI, "营收集中度 HHI", "revenue concentration (HHI)",
                        "全国", "national", nat.revenueKnown[g], nat.count[g], cfg.minRevenueCoverage()));
            }
            if (nat.count[g] > 0 && nat.count[g] <= cfg.fewEnterprises()) {
                why.add(Reasons.fewNational(nat.count[g], cfg.fewEnterprises()));
            }
            if (byRevenue && nat.topProvinceRevenueShare[g] >= cfg.topProvinceShare()) {
                why.add(Reasons.topProvince(regionName(nat.topProvinceByRevenue[g]), nat.topProvinceRevenueShare[g],
                        cfg.topProvinceShare()));
            } else if (!byRevenue && nat.topProvinceCountShare[g] >= cfg.topProvinceShare()) {
                why.add(Reasons.topProvinceByCount(regionName(nat.topProvinceByCount[g]), nat.topProvinceCountShare[g],
                        cfg.topProvinceShare(), nat.revenueKnown[g], nat.count[g]));
            }
            if (why.isEmpty()) {
                return;
            }
            flags.get(g).add(Flag.CRITICAL);
            reasons.get(g).addAll(why);
            // With no local enterprise in the segment every purchase is from outside by definition, so any
            // relation shows the dependency; minSupplyRelations guards estimated shares only.
            boolean noneLocal = scan.count[g] == 0 && scan.relations[g] > 0 && !scope.nation();
            if (noneLocal || buysFromOutside(g)) {
                flags.get(g).add(Flag.DEPENDENCY);
                reasons.get(g).add(Reasons.dependency(scan.outsideRelations[g], scan.relations[g], outsideShare(g),
                        cfg.outsideInputShare()));
            }
        }

        private void extend(int g) {
            int[] around = s.flows.neighbours[g];
            double weighted = 0;
            double weights = 0;
            int present = 0;
            for (int nb : around) {
                double w = s.segValueAdded[nb];
                double x = switch (verdict[nb]) {
                    case STRONG, PRESENT -> 1;
                    case WEAK -> 0.5;
                    case MISSING -> 0;
                };
                weighted += w * x;
                weights += w;
                if (scan.count[nb] > 0) {
                    present++;
                }
            }
            relatedness[g] = weights == 0 ? 0 : weighted / weights;
            neighboursPresent[g] = present;
            if (cfg.extendSteps() == 0 || verdict[g] != Verdict.MISSING && verdict[g] != Verdict.WEAK) {
                return;
            }
            int[] dist = s.flows.distancesFrom(g, cfg.extendSteps());
            List<String> strong = new ArrayList<>();
            for (int h = 0; h < dist.length; h++) {
                if (h != g && dist[h] > 0 && s.segLeaf[h] && verdict[h] == Verdict.STRONG) {
                    strong.add(s.segId[h]);
                }
            }
            if (strong.isEmpty()) {
                return;
            }
            nearStrong.set(g, List.copyOf(strong));
            flags.get(g).add(Flag.EXTEND);
            String names = String.join("、", strong.stream().map(id -> s.segName[s.segmentIndex(id)]).toList());
            reasons.get(g).add(Reasons.nextToStrong(names, cfg.extendSteps(), relatedness[g], present, around.length));
        }

        SegmentFigures figures(int g) {
            NationalFigures nat = s.national;
            return new SegmentFigures(scan.count[g], sum(scan.revenue[g], scan.revenueKnown[g]), scan.revenueKnown[g],
                    nat.count[g], sum(nat.revenue[g], nat.revenueKnown[g]), nat.revenueKnown[g],
                    nat.count[g] == 0 ? null : (double) scan.count[g] / nat.count[g], shareByRevenue(g),
                    lqByCount(g), lqByRevenue(g), topLocalShare(g),
                    sourcing(scan.relations[g], scan.outsideRelations[g], scan.amountRelations[g], scan.amount[g],
                            scan.outsideAmount[g]));
        }

        Concentration concentration(int g) {
            NationalFigures nat = s.national;
            boolean byRevenue = nationalRevenueJudged(g);
            int p = byRevenue ? nat.topProvinceByRevenue[g] : nat.topProvinceByCount[g];
            double share = byRevenue ? nat.topProvinceRevenueShare[g] : nat.topProvinceCountShare[g];
            return new Concentration(byRevenue ? nan(nat.hhi[g]) : null, byRevenue ? nan(nat.top4Share[g]) : null,
                    p < 0 ? null : code(p), p < 0 ? null : regionName(p), nan(share),
                    s.segLeaf[g] && s.flows.chokepoint[g], p < 0 ? null : byRevenue ? "REVENUE" : "COUNT",
                    nat.count[g], nat.revenueKnown[g]);
        }

        SegmentDiagnosis segment(int g) {
            List<EnterpriseRef> leaders = new ArrayList<>();
            for (int i = 0; i < RegionScan.TOP; i++) {
                int e = scan.top[g * RegionScan.TOP + i];
                if (e >= 0) {
                    leaders.add(ref(s, e, scan.revenue[g]));
                }
            }
            int parent = s.segParent[g];
            List<Flag> fl = List.copyOf(flags.get(g));
            List<Reason> why = new ArrayList<>(reasons.get(g));
            why.addAll(notJudged.get(g));
            return new SegmentDiagnosis(s.segId[g], s.segName[g], s.segStage[g], s.segKey[g], s.segValueAdded[g],
                    parent < 0 ? null : s.segId[parent], s.segLeaf[g], figures(g), concentration(g), verdict[g],
                    verdict[g].zh(), verdict[g].actionZh(), fl, List.copyOf(why), List.copyOf(leaders));
        }

        ChainFigures chainFigures() {
            int leaves = 0;
            int covered = 0;
            double keyW = 0;
            double keyCovered = 0;
            double vaW = 0;
            double vaCovered = 0;
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (Verdict v : Verdict.values()) {
                counts.put(v, 0);
            }
            for (int g = 0; g < s.segId.length; g++) {
                if (!s.segLeaf[g]) {
                    continue;
                }
                leaves++;
                counts.merge(verdict[g], 1, Integer::sum);
                double kw = s.segKey[g] ? 2 : 1;
                double vw = s.segValueAdded[g];
                keyW += kw;
                vaW += vw;
                if (scan.count[g] > 0) {
                    covered++;
                    keyCovered += kw;
                    vaCovered += vw;
                }
            }
            List<String> cycle = Arrays.stream(s.flows.cycleSegments).mapToObj(g -> s.segId[g]).toList();
            List<List<String>> mutual = s.flows.mutualGroups.stream()
                    .map(group -> Arrays.stream(group).mapToObj(g -> s.segId[g]).toList()).toList();
            NationalFigures nat = s.national;
            String note = cfg.revenueJudged(nat.chainRevenueKnown, nat.chainEnterprises) ? null
                    : Reasons.chainRevenueNote(nat.chainRevenueKnown, nat.chainEnterprises, cfg.minRevenueCoverage());
            return new ChainFigures(leaves, covered, leaves == 0 ? 0 : (double) covered / leaves,
                    keyW == 0 ? 0 : keyCovered / keyW, vaW == 0 ? 0 : vaCovered / vaW, scan.localEnterprises,
                    sum(scan.localRevenue, scan.localRevenueKnown), scan.localRevenueKnown, nat.chainEnterprises,
                    sum(nat.chainRevenue, nat.chainRevenueKnown), nat.chainRevenueKnown,
                    sourcing(scan.chainRelations, scan.chainOutsideRelations, scan.chainAmountRelations,
                            scan.chainAmount, scan.chainOutsideAmount), counts, cycle, mutual, note);
        }

        /**
         * The 延链 candidates: with the snapshot's model, every MISSING or WEAK leaf by the model's score (reasons
         * name what carried it); without one, the NEXT_TO_STRONG segments by the rule's relatedness, saying why.
         */
        List<ExtendCandidate> extendCandidates() {
            ExtendRanking ranking = s.extendRanking();
            return ranking.modelled() ? modelCandidates(ranking) : ruleCandidates();
        }

        private List<ExtendCandidate> modelCandidates(ExtendRanking ranking) {
            ExtendRanking.Scored scored = ranking.score(scan.count);
            List<Integer> candidates = new ArrayList<>();
            for (int g = 0; g < s.segId.length; g++) {
                if (s.segLeaf[g] && (verdict[g] == Verdict.MISSING || verdict[g] == Verdict.WEAK)) {
                    candidates.add(g);
                }
            }
            candidates.sort(Comparator.<Integer>comparingDouble(g -> -scored.score[g]).thenComparing(g -> s.segId[g]));
            List<ExtendCandidate> result = new ArrayList<>();
            for (int g : candidates) {
                List<com.chainatlas.analysis.extend.ExtendExplanation.Part> carriers = scored.carriers(g);
                String[] why = scored.reason(g, carriers);
                result.add(new ExtendCandidate(result.size() + 1, s.segId[g], s.segName[g], verdict[g], relatedness[g],
                        s.flows.neighbours[g].length, neighboursPresent[g], s.segValueAdded[g], s.segKey[g],
                        nearStrong.get(g), "MODEL", scored.score[g], why[0], why[1], scored.parts(g, carriers)));
            }
            return List.copyOf(result);
        }

        private List<ExtendCandidate> ruleCandidates() {
            List<Integer> candidates = new ArrayList<>();
            for (int g = 0; g < s.segId.length; g++) {
                if (flags.get(g).contains(Flag.EXTEND)) {
                    candidates.add(g);
                }
            }
            candidates.sort(Comparator.<Integer>comparingDouble(g -> -relatedness[g])
                    .thenComparingInt(g -> -s.segValueAdded[g]).thenComparing(g -> !s.segKey[g])
                    .thenComparing(g -> s.segId[g]));
            List<ExtendCandidate> result = new ArrayList<>();
            for (int g : candidates) {
                Reason rule = reasons.get(g).stream().filter(r -> r.rule() == Rule.NEXT_TO_STRONG).findFirst()
                        .orElseThrow();
                result.add(new ExtendCandidate(result.size() + 1, s.segId[g], s.segName[g], verdict[g], relatedness[g],
                        s.flows.neighbours[g].length, neighboursPresent[g], s.segValueAdded[g], s.segKey[g],
                        nearStrong.get(g), "RULE", null, ExtendRanking.FALLBACK_ZH + "：" + rule.zh(),
                        ExtendRanking.FALLBACK_EN + ": " + rule.en(), List.of()));
            }
            return List.copyOf(result);
        }

        /** Local 链主 candidates with a positive score on {@link #leaderBasis}; empty for NONE. */
        List<ChainLeader> leaders() {
            NationalFigures nat = s.national;
            double[] score = leaderBasis == LeaderBasis.SIZE_AND_CENTRALITY ? nat.sizeScore : nat.centralityScore;
            double maxPr = nat.maxPageRank;
            List<ChainLeader> result = new ArrayList<>();
            for (int e : scan.leaders) {
                if (e < 0) {
                    continue;
                }
                List<String> segs = new ArrayList<>();
                for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                    segs.add(s.segId[s.memSeg[k]]);
                }
                result.add(new ChainLeader(s.uscc[e], s.name[e], code(s.regionCode[e]), regionName(s.regionCode[e]),
                        nan(s.revenue[e]), maxPr > 0 ? nat.pageRank[e] / maxPr : 0, score[e], leaderBasis,
                        List.copyOf(segs)));
            }
            return List.copyOf(result);
        }

        /** Why the 链主 list looks as it does, read aloud (basis, and why none when empty). */
        String leadersNote() {
            NationalFigures nat = s.national;
            String known = "全国 " + nat.chainEnterprises + " 家企业中营收已知 " + nat.chainRevenueKnown + " 家";
            return switch (leaderBasis) {
                case SIZE_AND_CENTRALITY -> scan.leaders[0] < 0
                        ? "本地无营收已知且规模与中心度得分大于 0 的企业，未评选链主"
                        : "按规模（营收）与供应网络中心度（PageRank）的几何平均评选；营收未知的企业不参与";
                case CENTRALITY -> scan.leaders[0] < 0
                        ? known + "，不足以按规模评选；本地企业均无供应关系，无法按中心度评选，未评选链主"
                        : known + "，不足以按规模评选；改按供应网络中心度（PageRank）评选，仅含有供应关系的企业";
                case NONE -> known + "，且无供应关系：无法按规模或中心度评选链主";
            };
        }
    }

    /**
     * One segment in depth: its diagnosis, the local enterprises in it (or its sub-segments), the outside
     * suppliers local enterprises buy it from (by number of relations, then amount) and its national leaders.
     */
    public DiagnosisModel.SegmentDetail detail(ChainSnapshot s, RegionScope scope, DiagnosisSettings cfg, int g,
                                               int limit) {
        Evaluation ev = evaluate(s, scope, cfg);
        double localRevenue = ev.scan.revenue[g];
        // supplier → {relations, customers, known amount, relations with amount}
        List<Integer> local = new ArrayList<>();
        Map<Integer, double[]> outside = new java.util.HashMap<>();
        for (int e = scope.from(); e < scope.to(); e++) {
            if (!scope.isLocal(s, e)) {
                continue;
            }
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                if (within(s, s.memSeg[k], g)) {
                    local.add(e);
                    break;
                }
            }
            for (int k = s.inStart[e]; k < s.inStart[e + 1]; k++) {
                int supplier = s.inSupplier[k];
                if (s.inSegment[k] >= 0 && within(s, s.inSegment[k], g) && !scope.isLocal(s, supplier)) {
                    double[] agg = outside.computeIfAbsent(supplier, x -> new double[4]);
                    agg[0]++;
                    agg[1]++; // one relation per supplier–customer pair
                    if (!Double.isNaN(s.inAmount[k])) {
                        agg[2] += s.inAmount[k];
                        agg[3]++;
                    }
                }
            }
        }
        // known revenue first, largest first; unknown after them (NaN is not 0)
        local.sort(Comparator.<Integer, Boolean>comparing(e -> Double.isNaN(s.revenue[e]))
                .thenComparingDouble(e -> Double.isNaN(s.revenue[e]) ? 0 : -s.revenue[e]).thenComparingInt(e -> e));
        List<EnterpriseRef> localRefs = local.stream().limit(limit).map(e -> ref(s, e, localRevenue)).toList();
        List<DiagnosisModel.OutsideSupplier> suppliers = outside.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(x -> -x.getValue()[0])
                        .thenComparingDouble(x -> -x.getValue()[2]).thenComparingInt(Map.Entry::getKey))
                .limit(limit)
                .map(x -> new DiagnosisModel.OutsideSupplier(s.uscc[x.getKey()], s.name[x.getKey()],
                        code(s.regionCode[x.getKey()]), regionName(s.regionCode[x.getKey()]), (int) x.getValue()[0],
                        (int) x.getValue()[1], x.getValue()[3] > 0 ? x.getValue()[2] : null, (int) x.getValue()[3]))
                .toList();
        NationalFigures nat = s.national;
        List<EnterpriseRef> leaders = Arrays.stream(nat.top[g]).mapToObj(e -> ref(s, e, nat.revenue[g])).toList();
        return new DiagnosisModel.SegmentDetail(s.info(), s.chainId, scope.region(), scope.zone(), cfg, ev.segment(g),
                localRefs, local.size(), suppliers, leaders);
    }

    /** Whether segment {@code g} is {@code target} or one of its sub-segments. */
    static boolean within(ChainSnapshot s, int g, int target) {
        if (g == target) {
            return true;
        }
        for (int a : s.segAncestors[g]) {
            if (a == target) {
                return true;
            }
        }
        return false;
    }

    /** Amounts are sums over the {@code amountRelations} relations with a known amount; null when none had one. */
    static Sourcing sourcing(int relations, int outside, int amountRelations, double amount, double outsideAmount) {
        int local = relations - outside;
        boolean known = amountRelations > 0;
        return new Sourcing(relations, local, outside, relations == 0 ? null : (double) local / relations,
                relations == 0 ? null : (double) outside / relations, amountRelations, known ? amount : null,
                known ? amount - outsideAmount : null, known && amount > 0 ? (amount - outsideAmount) / amount : null);
    }

    /** A sum over known values: null when none was known (unknown is not zero). */
    static Double sum(double total, int known) {
        return known == 0 ? null : total;
    }

    static Double nan(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
