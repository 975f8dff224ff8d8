package com.chainatlas.analysis.extend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.chainatlas.targeting.linkprediction.BoostedTrees;

/**
 * Non-linear 延链 learners tried in the back-test (round "non-linear learners", docs/diagnosis.md), all fitted out of
 * sample exactly as the product's model: examples are pairs lacking at a start date y ≤ t − 5, features from the
 * history before y, label = entered in [y, y + 5) (never reading anything at or after the cut t), scored on the
 * state at t. The learner is link prediction's {@link BoostedTrees}.
 * <ul>
 * <li>{@link #pairTrees}: one tree model over (region, segment) pairs with the six {@link ExtendFeature}s plus extra
 * signals (region-level: segments held, recent entries, firms; segment-level: ubiquity), so trees can learn
 * interactions such as "small regions follow relatedness, large ones national growth";</li>
 * <li>{@link #perSegment}: Albora, Pietronero, Tacchella and Zaccaria (2023) style — one tree model per target segment
 * over the region's presence (or ln(1 + firms)) in every segment, trained on region × start-year examples;</li>
 * <li>blends of these with the linear model (sum of log-odds; the linear score lacks the region intercept, a
 * constant per region that leaves each region's order unchanged).</li>
 * </ul>
 * Hyper-parameters are chosen on an inner split only ({@link #select}: train on starts ≤ t − 10, validate on the
 * entries of [t − 5, t)), so nothing of the truth window picks them.
 */
final class TreeFit {

    static final double W = ExtendModel.WINDOW_YEARS;

    private TreeFit() {
    }

    // ---- extra pair signals (region- and segment-level) ----

    /** ln(1 + segments the region holds). */
    static final WindowFit.Signal REGION_SEGMENTS = EntrySignals.signal("region's segments held", (c, when) -> {
        int[][] at = c.history().counts(when);
        return perRegion(at, r -> {
            int n = 0;
            for (int v : at[r]) {
                n += v > 0 ? 1 : 0;
            }
            return Math.log1p(n);
        });
    });

    /** ln(1 + segments the region newly entered in the 5 years before). */
    static final WindowFit.Signal REGION_RECENT = EntrySignals.signal("region's new segments (5 y)", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] before = c.history().counts(when - W);
        return perRegion(at, r -> {
            int n = 0;
            for (int s = 0; s < at[r].length; s++) {
                n += at[r][s] > 0 && before[r][s] == 0 ? 1 : 0;
            }
            return Math.log1p(n);
        });
    });

    /** ln(1 + the region's firms). */
    static final WindowFit.Signal REGION_FIRMS = EntrySignals.signal("region's firms", (c, when) -> {
        int[][] at = c.history().counts(when);
        return perRegion(at, r -> {
            long n = 0;
            for (int v : at[r]) {
                n += v;
            }
            return Math.log1p(n);
        });
    });

    /** Regions holding the segment (its ubiquity). */
    static final WindowFit.Signal UBIQUITY = EntrySignals.signal("segment's ubiquity", (c, when) -> {
        int[][] at = c.history().counts(when);
        double[][] out = new double[at.length][at[0].length];
        for (int s = 0; s < at[0].length; s++) {
            int k = 0;
            for (int[] row : at) {
                k += row[s] > 0 ? 1 : 0;
            }
            for (double[] row : out) {
                row[s] = k;
            }
        }
        return out;
    });

    /** Intensive margin: co-location density weighted by ln(1 + the region's firms) in each related segment. */
    static final WindowFit.Signal COLOCATION_COUNTS = EntrySignals.signal("co-location by firm counts", (c, when) -> {
        int[][] at = c.history().counts(when);
        Relatedness rel = new Relatedness(c.space(), at, c.history().counts(when - W));
        int segs = at[0].length;
        double[][] out = new double[at.length][segs];
        for (int r = 0; r < at.length; r++) {
            for (int s = 0; s < segs; s++) {
                double num = 0;
                double den = 0;
                for (int b = 0; b < segs; b++) {
                    double phi = rel.proximity(s, b);
                    num += phi * Math.log1p(at[r][b]);
                    den += phi;
                }
                out[r][s] = den == 0 ? 0 : num / den;
            }
        }
        return out;
    });

    static final List<WindowFit.Signal> REGION_LEVEL = List.of(REGION_SEGMENTS, REGION_RECENT, REGION_FIRMS, UBIQUITY);

    private static double[][] perRegion(int[][] at, java.util.function.IntToDoubleFunction f) {
        double[][] out = new double[at.length][at[0].length];
        for (int r = 0; r < at.length; r++) {
            java.util.Arrays.fill(out[r], f.applyAsDouble(r));
        }
        return out;
    }

    // ---- 1. pair trees ----

    /**
     * Trees over (region, segment) pairs: for each of {@code starts} start dates y = t − 5, t − 6, …, the pairs lacking
     * at y with their features at y and label entered in [y, y + 5); log-odds at the cut.
     */
    static double[][] pairTrees(ExtendBackTest.Case c, List<WindowFit.Signal> extra, BoostedTrees.Settings settings,
                                int starts) {
        EntryHistory h = c.history();
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int k = 0; k < starts; k++) {
            double start = c.cut() - W - k;
            int[][] at = h.counts(start);
            int[][] label = h.counts(Math.min(start + W, c.cut()));
            double[][][] f = WindowFit.features(c, extra, start);
            for (int r = 0; r < h.regions; r++) {
                for (int s = 0; s < h.segments; s++) {
                    if (at[r][s] == 0 && (c.candidate() == null || c.candidate()[s])) {
                        x.add(f[r][s]);
                        y.add(label[r][s] > 0);
                    }
                }
            }
        }
        BoostedTrees trees = BoostedTrees.fit(x.toArray(double[][]::new), labels(y), settings);
        double[][][] now = WindowFit.features(c, extra, c.cut());
        double[][] out = new double[h.regions][h.segments];
        for (int r = 0; r < h.regions; r++) {
            for (int s = 0; s < h.segments; s++) {
                out[r][s] = trees.logit(now[r][s]);
            }
        }
        return out;
    }

    // ---- 1b. trees boosted on top of a region-intercept fit ----

    /**
     * Trees fitted on what a region-intercept model leaves over: the starting logit of each training pair is its
     * group's intercept (group = region × start) plus, with {@code linear}, the product form's within-region score
     * (a {@link ConditionalLogit} on the six features, fitted on the same pairs); without it the intercept alone, so
     * the trees need not spend splits on how much a region enters. Score at the cut: linear score + trees.
     */
    static double[][] boosted(ExtendBackTest.Case c, List<WindowFit.Signal> extra, BoostedTrees.Settings settings,
                              int starts, boolean linear) {
        EntryHistory h = c.history();
        List<double[]> x = new ArrayList<>();
        List<double[]> six = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int k = 0; k < starts; k++) {
            double start = c.cut() - W - k;
            int[][] at = h.counts(start);
            int[][] label = h.counts(Math.min(start + W, c.cut()));
            double[][][] f = WindowFit.features(c, extra, start);
            for (int r = 0; r < h.regions; r++) {
                for (int s = 0; s < h.segments; s++) {
                    if (at[r][s] == 0 && (c.candidate() == null || c.candidate()[s])) {
                        x.add(f[r][s]);
                        six.add(java.util.Arrays.copyOf(f[r][s], ExtendFeature.COUNT));
                        group.add(k * h.regions + r);
                        y.add(label[r][s] > 0);
                    }
                }
            }
        }
        boolean[] yy = labels(y);
        int[] g = group.stream().mapToInt(Integer::intValue).toArray();
        int groups = starts * h.regions;
        double[][] sixArr = six.toArray(double[][]::new);
        ConditionalLogit logit = linear ? ConditionalLogit.fit(sixArr, g, yy, groups, ExtendModel.L2) : null;
        double[] within = new double[yy.length];
        for (int i = 0; i < within.length; i++) {
            within[i] = logit == null ? 0 : logit.score(sixArr[i]);
        }
        double[] alpha = intercepts(within, g, yy, groups);
        double[] offset = new double[yy.length];
        for (int i = 0; i < offset.length; i++) {
            offset[i] = alpha[g[i]] + within[i];
        }
        BoostedTrees trees = BoostedTrees.fit(x.toArray(double[][]::new), yy, settings, offset);
        double[][][] now = WindowFit.features(c, extra, c.cut());
        double[][] out = new double[h.regions][h.segments];
        for (int r = 0; r < h.regions; r++) {
            for (int s = 0; s < h.segments; s++) {
                double base = logit == null ? 0 : logit.score(java.util.Arrays.copyOf(now[r][s], ExtendFeature.COUNT));
                out[r][s] = base + trees.logit(now[r][s]);
            }
        }
        return out;
    }

    /** Per group, the intercept α with Σ σ(α + score) = the group's positives (Newton; a tiny ridge keeps it finite). */
    static double[] intercepts(double[] score, int[] group, boolean[] y, int groups) {
        double[] alpha = new double[groups];
        for (int it = 0; it < 50; it++) {
            double[] grad = new double[groups];
            double[] hess = new double[groups];
            for (int i = 0; i < score.length; i++) {
                double p = 1 / (1 + Math.exp(-(alpha[group[i]] + score[i])));
                grad[group[i]] += p - (y[i] ? 1 : 0);
                hess[group[i]] += p * (1 - p);
            }
            double largest = 0;
            for (int k = 0; k < groups; k++) {
                double step = (grad[k] + 1e-3 * alpha[k]) / (hess[k] + 1e-3);
                alpha[k] -= step;
                largest = Math.max(largest, Math.abs(step));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        return alpha;
    }

    // ---- 2. per-segment trees (Albora et al.) ----

    /** Fewer positives than this for a segment: its score is its smoothed past entry rate, no trees. */
    static final int MIN_SEGMENT_POSITIVES = 3;

    /**
     * One tree model per target segment s: examples (region, start y) for y = t − 5, …, t − 4 − starts with the
     * region lacking s at y; features = the region's presence (or ln(1 + firms) with {@code counts}) in every segment
     * at y; label = entered s in [y, y + 5). Segments with few past entries score their smoothed entry rate.
     */
    static double[][] perSegment(ExtendBackTest.Case c, BoostedTrees.Settings settings, int starts, boolean counts) {
        return perSegment(c, settings, starts, counts ? Portfolio.LN_FIRMS : Portfolio.PRESENCE);
    }

    /** How a region's holding of each segment is read by the per-segment learner. */
    enum Portfolio {
        /** 1 when it has a firm there. */
        PRESENCE,
        /** ln(1 + firms): the intensive margin. */
        LN_FIRMS,
        /** 1 when its location quotient by count is ≥ 1 (revealed comparative advantage). */
        RCA
    }

    static double[][] perSegment(ExtendBackTest.Case c, BoostedTrees.Settings settings, int starts, Portfolio read) {
        EntryHistory h = c.history();
        int regions = h.regions;
        int segs = h.segments;
        int[][][] at = new int[starts][][];
        int[][][] label = new int[starts][][];
        for (int k = 0; k < starts; k++) {
            double start = c.cut() - W - k;
            at[k] = h.counts(start);
            label[k] = h.counts(Math.min(start + W, c.cut()));
        }
        int[][] now = h.counts(c.cut());
        double[][][] x0 = new double[starts][regions][];
        for (int k = 0; k < starts; k++) {
            for (int r = 0; r < regions; r++) {
                x0[k][r] = portfolio(at[k], r, read);
            }
        }
        double[][] xNow = new double[regions][];
        for (int r = 0; r < regions; r++) {
            xNow[r] = portfolio(now, r, read);
        }
        double[][] out = new double[regions][segs];
        for (int s = 0; s < segs; s++) {
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            int positives = 0;
            for (int k = 0; k < starts; k++) {
                for (int r = 0; r < regions; r++) {
                    if (at[k][r][s] == 0) {
                        x.add(x0[k][r]);
                        boolean entered = label[k][r][s] > 0;
                        y.add(entered);
                        positives += entered ? 1 : 0;
                    }
                }
            }
            if (positives < MIN_SEGMENT_POSITIVES || positives == x.size()) {
                double rate = Math.log((positives + 0.5) / (x.size() - positives + 0.5));
                for (int r = 0; r < regions; r++) {
                    out[r][s] = rate;
                }
                continue;
            }
            BoostedTrees trees = BoostedTrees.fit(x.toArray(double[][]::new), labels(y), settings);
            for (int r = 0; r < regions; r++) {
                out[r][s] = trees.logit(xNow[r]);
            }
        }
        return out;
    }

    private static double[] portfolio(int[][] counts, int r, Portfolio read) {
        int[] regionCounts = counts[r];
        double[] v = new double[regionCounts.length];
        if (read == Portfolio.RCA) {
            long total = 0;
            long local = 0;
            long[] national = new long[v.length];
            for (int[] row : counts) {
                for (int s = 0; s < v.length; s++) {
                    national[s] += row[s];
                    total += row[s];
                }
            }
            for (int c : regionCounts) {
                local += c;
            }
            for (int s = 0; s < v.length; s++) {
                v[s] = regionCounts[s] > 0 && (double) regionCounts[s] / local >= (double) national[s] / total ? 1 : 0;
            }
            return v;
        }
        for (int s = 0; s < v.length; s++) {
            v[s] = read == Portfolio.LN_FIRMS ? Math.log1p(regionCounts[s]) : regionCounts[s] > 0 ? 1 : 0;
        }
        return v;
    }

    // ---- blends and selection ----

    /** w·a + (1 − w)·b, element-wise (both log-odds; per-region constants do not change a region's order). */
    static double[][] blend(double[][] a, double[][] b, double w) {
        double[][] out = new double[a.length][a[0].length];
        for (int r = 0; r < a.length; r++) {
            for (int s = 0; s < a[r].length; s++) {
                out[r][s] = w * a[r][s] + (1 - w) * b[r][s];
            }
        }
        return out;
    }

    /** A scorer of a case (fitted on its past only). */
    interface Scorer {
        double[][] scores(ExtendBackTest.Case c);
    }

    /**
     * The candidate with the best mean per-region AUC-PR on the inner split: the case moved back by 5 years
     * (cut t − 5, truth [t − 5, t)), so every candidate is fitted on starts ≤ t − 10 and judged on entries before t.
     */
    static int select(ExtendBackTest.Case c, List<Scorer> candidates) {
        ExtendBackTest.Case inner = inner(c);
        int best = -1;
        double bestAp = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candidates.size(); i++) {
            Scorer s = candidates.get(i);
            ExtendBackTest.Result r = ExtendBackTest.run(inner, List.of(method("candidate", s))).get(0);
            if (r.ap()[0] > bestAp) {
                bestAp = r.ap()[0];
                best = i;
            }
        }
        return best;
    }

    static ExtendBackTest.Case inner(ExtendBackTest.Case c) {
        return new ExtendBackTest.Case(c.name() + " (inner split)", c.history(), c.space(), c.candidate(),
                c.cut() - W, c.cut(), c.regionCode());
    }

    static ExtendBackTest.Method method(String name, Scorer s) {
        return new ExtendBackTest.Method() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<double[][]> scores(ExtendBackTest.Case c, int[][] atCut) {
                return Optional.of(s.scores(c));
            }
        };
    }

    private static boolean[] labels(List<Boolean> y) {
        boolean[] b = new boolean[y.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = y.get(i);
        }
        return b;
    }
}
