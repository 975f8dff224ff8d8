package com.chainatlas.analysis.extend;

import java.util.List;
import java.util.Map;

/**
 * Candidate signals for the 延链 model not among its {@link ExtendFeature}s, each computed from the history strictly
 * before the date it is asked at (so out of sample when the model is fitted on a past window). Tried in the
 * back-test only; see docs/diagnosis.md for what they did.
 */
final class EntrySignals {

    /** Land borders between provinces (first two digits of the code; 海南 joined to 广东 across the strait). */
    private static final Map<Integer, int[]> BORDERS = Map.ofEntries(
            Map.entry(11, new int[]{12, 13}), Map.entry(12, new int[]{11, 13}),
            Map.entry(13, new int[]{11, 12, 14, 15, 21, 37, 41}), Map.entry(14, new int[]{13, 15, 41, 61}),
            Map.entry(15, new int[]{13, 14, 21, 22, 23, 61, 62, 64}), Map.entry(21, new int[]{13, 15, 22}),
            Map.entry(22, new int[]{15, 21, 23}), Map.entry(23, new int[]{15, 22}),
            Map.entry(31, new int[]{32, 33}), Map.entry(32, new int[]{31, 33, 34, 37}),
            Map.entry(33, new int[]{31, 32, 34, 35, 36}), Map.entry(34, new int[]{32, 33, 36, 37, 41, 42}),
            Map.entry(35, new int[]{33, 36, 44}), Map.entry(36, new int[]{33, 34, 35, 42, 43, 44}),
            Map.entry(37, new int[]{13, 32, 34, 41}), Map.entry(41, new int[]{13, 14, 34, 37, 42, 61}),
            Map.entry(42, new int[]{34, 36, 41, 43, 50, 61}), Map.entry(43, new int[]{36, 42, 44, 45, 50, 52}),
            Map.entry(44, new int[]{35, 36, 43, 45, 46}), Map.entry(45, new int[]{43, 44, 52, 53}),
            Map.entry(46, new int[]{44}), Map.entry(50, new int[]{42, 43, 51, 52, 61}),
            Map.entry(51, new int[]{50, 52, 53, 54, 61, 62, 63}), Map.entry(52, new int[]{43, 45, 50, 51, 53}),
            Map.entry(53, new int[]{45, 51, 52, 54}), Map.entry(54, new int[]{51, 53, 63, 65}),
            Map.entry(61, new int[]{14, 15, 41, 42, 50, 51, 62, 64}), Map.entry(62, new int[]{15, 51, 61, 63, 64, 65}),
            Map.entry(63, new int[]{51, 54, 62, 65}), Map.entry(64, new int[]{15, 61, 62}),
            Map.entry(65, new int[]{54, 62, 63}));

    private EntrySignals() {
    }

    static WindowFit.Signal signal(String name, java.util.function.BiFunction<ExtendBackTest.Case, Double, double[][]> f) {
        return new WindowFit.Signal() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double[][] at(ExtendBackTest.Case c, double when) {
                return f.apply(c, when);
            }
        };
    }

    /** Region indices bordering each region, by the province codes of the case (empty for unknown codes). */
    static int[][] neighbours(int[] regionCode) {
        int[][] out = new int[regionCode.length][];
        for (int r = 0; r < regionCode.length; r++) {
            int[] borders = BORDERS.getOrDefault(regionCode[r] / 10_000, new int[0]);
            out[r] = java.util.stream.IntStream.range(0, regionCode.length)
                    .filter(o -> java.util.Arrays.stream(borders).anyMatch(b -> b == regionCode[o] / 10_000))
                    .toArray();
        }
        return out;
    }

    /** A: share of the bordering provinces that hold the segment (spatial diffusion). */
    static final WindowFit.Signal NEIGHBOUR_PRESENCE = signal("neighbours holding it", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] nb = neighbours(c.regionCode());
        double[][] out = new double[at.length][at[0].length];
        for (int r = 0; r < at.length; r++) {
            for (int s = 0; s < at[r].length; s++) {
                int have = 0;
                for (int o : nb[r]) {
                    have += at[o][s] > 0 ? 1 : 0;
                }
                out[r][s] = nb[r].length == 0 ? 0 : (double) have / nb[r].length;
            }
        }
        return out;
    });

    /** A′: ln(1 + the segment's entries in the bordering provinces in the 5 years before). */
    static final WindowFit.Signal NEIGHBOUR_RECENT = signal("neighbours' recent entries (5 y)", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] before = c.history().counts(when - 5);
        int[][] nb = neighbours(c.regionCode());
        double[][] out = new double[at.length][at[0].length];
        for (int r = 0; r < at.length; r++) {
            for (int s = 0; s < at[r].length; s++) {
                int n = 0;
                for (int o : nb[r]) {
                    n += at[o][s] - before[o][s];
                }
                out[r][s] = Math.log1p(n);
            }
        }
        return out;
    });

    /** B: share of the segment's FEEDS neighbours (by flow weight) the region newly entered in the 3 years before. */
    static final WindowFit.Signal FEEDS_RECENT = signal("FEEDS neighbours entered (3 y)", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] before = c.history().counts(when - 3);
        SegmentSpace sp = c.space();
        double[][] out = new double[at.length][sp.segments];
        for (int r = 0; r < at.length; r++) {
            for (int s = 0; s < sp.segments; s++) {
                double all = 0;
                double fresh = 0;
                for (int i = 0; i < sp.up[s].length; i++) {
                    int a = sp.up[s][i];
                    all += sp.upWeight[s][i];
                    fresh += at[r][a] > 0 && before[r][a] == 0 ? sp.upWeight[s][i] : 0;
                }
                for (int i = 0; i < sp.down[s].length; i++) {
                    int d = sp.down[s][i];
                    all += sp.downWeight[s][i];
                    fresh += at[r][d] > 0 && before[r][d] == 0 ? sp.downWeight[s][i] : 0;
                }
                out[r][s] = all == 0 ? 0 : fresh / all;
            }
        }
        return out;
    });

    /**
     * C: entries of the segment in the 5 years before among provinces with a similar portfolio (cosine of presence
     * at the date), similarity-weighted: "provinces like us have just entered it".
     */
    static final WindowFit.Signal SIMILAR_RECENT = signal("similar provinces' recent entries (5 y)", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] before = c.history().counts(when - 5);
        int regions = at.length;
        int segs = at[0].length;
        double[] norm = new double[regions];
        for (int r = 0; r < regions; r++) {
            for (int s = 0; s < segs; s++) {
                norm[r] += at[r][s] > 0 ? 1 : 0;
            }
            norm[r] = Math.sqrt(norm[r]);
        }
        double[][] out = new double[regions][segs];
        for (int r = 0; r < regions; r++) {
            double[] sim = new double[regions];
            double total = 0;
            for (int o = 0; o < regions; o++) {
                if (o == r || norm[r] == 0 || norm[o] == 0) {
                    continue;
                }
                int both = 0;
                for (int s = 0; s < segs; s++) {
                    both += at[r][s] > 0 && at[o][s] > 0 ? 1 : 0;
                }
                sim[o] = both / (norm[r] * norm[o]);
                total += sim[o];
            }
            for (int s = 0; s < segs; s++) {
                double v = 0;
                for (int o = 0; o < regions; o++) {
                    v += sim[o] * (at[o][s] > 0 && before[o][s] == 0 ? 1 : 0);
                }
                out[r][s] = total == 0 ? 0 : v / total;
            }
        }
        return out;
    });

    /**
     * D: the region's recent entry rate (new segments in the 5 years before) times the segment's national growth.
     * The rate alone is one number per region, which the model's region intercepts absorb and which cannot order
     * segments within a region; only an interaction can.
     */
    static final WindowFit.Signal RATE_TIMES_GROWTH = signal("region entry rate × national growth", (c, when) -> {
        int[][] at = c.history().counts(when);
        int[][] before = c.history().counts(when - 5);
        int segs = at[0].length;
        double[] growth = new double[segs];
        for (int r = 0; r < at.length; r++) {
            for (int s = 0; s < segs; s++) {
                growth[s] += at[r][s] - before[r][s];
            }
        }
        double[][] out = new double[at.length][segs];
        for (int r = 0; r < at.length; r++) {
            int fresh = 0;
            for (int s = 0; s < segs; s++) {
                fresh += at[r][s] > 0 && before[r][s] == 0 ? 1 : 0;
            }
            for (int s = 0; s < segs; s++) {
                out[r][s] = Math.log1p(fresh) * Math.log1p(Math.max(0, growth[s]));
            }
        }
        return out;
    });

    static final List<WindowFit.Signal> ALL = List.of(NEIGHBOUR_PRESENCE, NEIGHBOUR_RECENT, FEEDS_RECENT,
            SIMILAR_RECENT, RATE_TIMES_GROWTH);
}
