package com.chainatlas.analysis;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.chainatlas.analysis.DiagnosisModel.ExtendPart;
import com.chainatlas.analysis.DiagnosisModel.ExtendRankingInfo;
import com.chainatlas.analysis.extend.EntryHistory;
import com.chainatlas.analysis.extend.ExtendExplanation;
import com.chainatlas.analysis.extend.ExtendFeature;
import com.chainatlas.analysis.extend.ExtendModel;
import com.chainatlas.analysis.extend.SegmentSpace;

/**
 * The 延链 ranking of one snapshot (or as-of view): the learnt {@link ExtendModel} fitted once from the entry dates
 * the snapshot has, or, with too little dated history, the rule (next to a STRONG segment, by relatedness).
 *
 * <p><b>What it learns from.</b> Regions are provinces (the level with enough entries to learn from; the slopes
 * then order the segments of any region, zone or the nation by its own counts). Segments are the chain's leaves;
 * FEEDS between leaves (recycling left out, each flow weight 1) and the parent segment (siblings) give the flow and
 * sibling features. Each (enterprise, leaf) is an entry at the enterprise's entry date, the earlier of 成立日期 and
 * 上市日期 — the same date {@link AsOfView} filters on.
 *
 * <p><b>The cut</b> is the day after the snapshot's {@link ChainSnapshot#horizonDay horizon}: its latest dated entry
 * (never after the build day; for an as-of view its date). So the model learns from the entries of the five years
 * the data last covers — the most recent change it can see — and scores the state it shows; for an as-of view
 * nothing after the date exists. The back-test (test {@code ExtendBackTest}) runs exactly this path on as-of views.
 *
 * <p><b>Unknown stays unknown.</b> An enterprise without any date is neither old nor new: it counts in no
 * national figure of the model, and a (province, segment) pair where one sits is not learnt from (whether the
 * province lacked the segment five years ago cannot be told). It does count as present when a region is scored:
 * it is there now.
 *
 * <p>Fewer than {@link #MIN_REGIONS} provinces with dated entries, or fewer than {@link ExtendModel#MIN_POSITIVES}
 * entries into new segments in the window: no model, and the candidates are ranked by the rule, saying so.
 */
final class ExtendRanking {

    /** Dates of the office (the build day caps the horizon). */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MIN_REGIONS = 3;
    static final String FALLBACK_ZH = "无足够的成立日期数据，按相关度排序";
    static final String FALLBACK_EN = "Not enough founding/listing dates to learn from; ranked by relatedness";

    /** Null: ranked by the rule. */
    private final ExtendModel model;
    /** Model segment → snapshot segment (the leaves, ascending). */
    private final int[] leaves;
    final ExtendRankingInfo info;

    private ExtendRanking(ExtendModel model, int[] leaves, ExtendRankingInfo info) {
        this.model = model;
        this.leaves = leaves;
        this.info = info;
    }

    /** Fits the model from the snapshot's entry dates (O(memberships) + the fit; no database). */
    static ExtendRanking fit(ChainSnapshot s) {
        int segs = s.segId.length;
        int[] modelIndex = new int[segs];
        Arrays.fill(modelIndex, -1);
        List<Integer> leafList = new ArrayList<>();
        for (int g = 0; g < segs; g++) {
            if (s.segLeaf[g]) {
                modelIndex[g] = leafList.size();
                leafList.add(g);
            }
        }
        int[] leaves = leafList.stream().mapToInt(Integer::intValue).toArray();
        // provinces: enterprises are sorted by region code, so province indices only grow
        int n = s.uscc.length;
        int[] province = new int[n];
        int provinces = 0;
        int last = -1;
        for (int e = 0; e < n; e++) {
            int p = s.regionCode[e] / 10_000;
            if (p != last) {
                provinces++;
                last = p;
            }
            province[e] = provinces - 1;
        }
        List<int[]> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        boolean[][] unknown = new boolean[provinces][leaves.length];
        boolean[] datedProvince = new boolean[provinces];
        int dated = 0;
        int undated = 0;
        for (int e = 0; e < n; e++) {
            boolean inLeaf = false;
            boolean known = s.entryDay[e] != ChainSnapshot.UNDATED;
            double t = known ? EntryHistory.year(LocalDate.ofEpochDay(s.entryDay[e])) : Double.NaN;
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                int m = modelIndex[s.memSeg[k]];
                if (m < 0) {
                    continue; // a membership in a parent segment names no leaf
                }
                inLeaf = true;
                if (known) {
                    rows.add(new int[]{province[e], m});
                    times.add(t);
                } else {
                    unknown[province[e]][m] = true;
                }
            }
            if (inLeaf && known) {
                dated++;
                datedProvince[province[e]] = true;
            } else if (inLeaf) {
                undated++;
            }
        }
        int regions = 0;
        for (boolean d : datedProvince) {
            regions += d ? 1 : 0;
        }
        if (s.horizonDay == ChainSnapshot.UNDATED || leaves.length == 0) {
            return rule(leaves, null, regions, dated, undated, 0, 0,
                    "没有企业有成立或上市日期", "no enterprise has a founding or listing date");
        }
        LocalDate cut = LocalDate.ofEpochDay(s.horizonDay + 1L);
        double cutYear = EntryHistory.year(cut);
        EntryHistory h = new EntryHistory(provinces, leaves.length, rows.stream().mapToInt(r -> r[0]).toArray(),
                rows.stream().mapToInt(r -> r[1]).toArray(), times.stream().mapToDouble(Double::doubleValue).toArray());
        int[] from = new int[s.flowFrom.length];
        int[] to = new int[s.flowFrom.length];
        int f = 0;
        for (int k = 0; k < s.flowFrom.length; k++) {
            int a = modelIndex[s.flowFrom[k]];
            int b = modelIndex[s.flowTo[k]];
            if (!s.flowRecycling[k] && a >= 0 && b >= 0) {
                from[f] = a;
                to[f++] = b;
            }
        }
        int[] parent = new int[leaves.length];
        for (int m = 0; m < leaves.length; m++) {
            parent[m] = s.segParent[leaves[m]];
        }
        SegmentSpace space = new SegmentSpace(leaves.length, Arrays.copyOf(from, f), Arrays.copyOf(to, f), null, parent);
        int[] window = windowEntries(h, cutYear, unknown);
        Optional<ExtendModel> model = regions < MIN_REGIONS ? Optional.empty()
                : ExtendModel.train(h, space, null, cutYear, unknown);
        LocalDate trainedFrom = cut.minusYears((long) ExtendModel.WINDOW_YEARS);
        if (model.isEmpty()) {
            return rule(leaves, cut, regions, dated, undated, window[0], window[1],
                    "有成立/上市日期的企业 " + dated + " 家，分布于 " + regions + " 个省份；" + trainedFrom + " 至 "
                            + cut.minusDays(1) + " 进入新环节 " + window[1] + " 次，学习至少需要 " + MIN_REGIONS + " 个省份、"
                            + ExtendModel.MIN_POSITIVES + " 次进入",
                    dated + " dated enterprises in " + regions + " provinces; " + window[1] + " entries into new "
                            + "segments from " + trainedFrom + " to " + cut.minusDays(1) + "; learning needs "
                            + MIN_REGIONS + " provinces and " + ExtendModel.MIN_POSITIVES + " entries");
        }
        ExtendModel m = model.get();
        Map<String, Double> coefficients = new LinkedHashMap<>();
        double[] beta = m.coefficients();
        for (ExtendFeature x : ExtendFeature.values()) {
            coefficients.put(x.name(), beta[x.ordinal()]);
        }
        String zh = "延链候选按模型排序：学习各省在 " + trainedFrom + " 至 " + cut.minusDays(1) + " 五年间进入新环节的规律（"
                + m.examples() + " 个当时空白的省份×环节，其中 " + m.positives() + " 个进入），综合全国规模、近年增长与本地相关环节"
                + (undated > 0 ? "；无成立/上市日期的 " + undated + " 家企业不参与学习" : "");
        String en = "延链 candidates ranked by the learnt model: provinces' entries into new segments from " + trainedFrom
                + " to " + cut.minusDays(1) + " (" + m.examples() + " province × segment pairs then lacking, "
                + m.positives() + " entered), weighing national size, recent growth and related local segments"
                + (undated > 0 ? "; " + undated + " enterprises without any date are not learnt from" : "");
        return new ExtendRanking(m, leaves, new ExtendRankingInfo("MODEL", cut, trainedFrom, regions, dated, undated,
                m.examples(), m.positives(), Collections.unmodifiableMap(coefficients), zh, en));
    }

    private static ExtendRanking rule(int[] leaves, LocalDate cut, int regions, int dated, int undated, int examples,
                                      int positives, String whyZh, String whyEn) {
        return new ExtendRanking(null, leaves, new ExtendRankingInfo("RULE", cut,
                cut == null ? null : cut.minusYears((long) ExtendModel.WINDOW_YEARS), regions, dated, undated,
                examples, positives, Map.of(), FALLBACK_ZH + "（" + whyZh + "）", FALLBACK_EN + " (" + whyEn + ")"));
    }

    /** Pairs lacking at the window's start (past known) and how many of them were entered in the window. */
    private static int[] windowEntries(EntryHistory h, double cutYear, boolean[][] unknown) {
        int[][] before = h.counts(cutYear - ExtendModel.WINDOW_YEARS);
        int[][] after = h.counts(cutYear);
        int lacking = 0;
        int entered = 0;
        for (int r = 0; r < before.length; r++) {
            for (int m = 0; m < before[r].length; m++) {
                if (before[r][m] == 0 && !unknown[r][m]) {
                    lacking++;
                    entered += after[r][m] > 0 ? 1 : 0;
                }
            }
        }
        return new int[]{lacking, entered};
    }

    /** Whether the candidates are ranked by the model (else by the rule). */
    boolean modelled() {
        return model != null;
    }

    ExtendModel model() {
        return model;
    }

    /** The model's view of a region with these local enterprise counts per snapshot segment (model only). */
    Scored score(int[] localCount) {
        int[] counts = new int[leaves.length];
        for (int m = 0; m < leaves.length; m++) {
            counts[m] = localCount[leaves[m]];
        }
        double[][] features = model.features(counts);
        double[] score = new double[localCount.length];
        double[][] byGroup = new double[localCount.length][];
        int[] index = new int[localCount.length];
        Arrays.fill(score, Double.NaN);
        Arrays.fill(index, -1);
        for (int m = 0; m < leaves.length; m++) {
            score[leaves[m]] = model.score(features[m]);
            byGroup[leaves[m]] = features[m];
            index[leaves[m]] = m;
        }
        return new Scored(counts, byGroup, score, index);
    }

    /** A region's model scores per snapshot segment (NaN for non-leaves) and the features behind them. */
    final class Scored {
        private final int[] counts;
        private final double[][] features;
        final double[] score;
        private final int[] index;

        private Scored(int[] counts, double[][] features, double[] score, int[] index) {
            this.counts = counts;
            this.features = features;
            this.score = score;
            this.index = index;
        }

        /** Every feature's part of segment g's score; the carriers named in the reason are flagged. */
        List<ExtendPart> parts(int g, List<ExtendExplanation.Part> carriers) {
            double[] c = model.contributions(features[g]);
            List<ExtendPart> parts = new ArrayList<>();
            for (ExtendFeature x : ExtendFeature.values()) {
                boolean carried = carriers.stream().anyMatch(p -> p.feature() == x);
                parts.add(new ExtendPart(x.name(), x.zh(), features[g][x.ordinal()], c[x.ordinal()], carried));
            }
            return List.copyOf(parts);
        }

        /** The parts that carried segment g's score, with their sentences. */
        List<ExtendExplanation.Part> carriers(int g) {
            return ExtendExplanation.carriers(model, counts, index[g], features[g]);
        }

        /** "模型得分 1.23（约为一般环节的 3.4 倍）：相关环节本地已有 3 个；…" and its English. */
        String[] reason(int g, List<ExtendExplanation.Part> carriers) {
            double x = score[g];
            double odds = Math.exp(x);
            String times = odds >= 10 ? Reasons.f0(odds) : Reasons.fixed(odds, 1);
            String head = "模型得分 " + Reasons.f2(x) + "（进入可能约为一般环节的 " + times + " 倍）：";
            String headEn = "Model score " + Reasons.f2(x) + " (about " + times + "× an average segment's chance): ";
            if (carriers.isEmpty()) {
                return new String[]{head + "各项因素均不突出", headEn + "no factor stands out"};
            }
            return new String[]{head + String.join("；", carriers.stream().map(ExtendExplanation.Part::zh).toList()),
                    headEn + String.join("; ", carriers.stream().map(ExtendExplanation.Part::en).toList())};
        }
    }
}
