package com.chainatlas.analysis.extend;

import java.util.ArrayList;
import java.util.List;

/**
 * The product's model form ({@link ExtendModel}: the six {@link ExtendFeature}s, a {@link ConditionalLogit} with one
 * intercept per region, the same ridge) fitted on a chosen window, optionally with extra signals appended. Used by
 * the back-test only, for two questions the product path cannot answer:
 * <ul>
 * <li><b>out of sample</b> ({@link #outOfSample}): features at t − 5, labels = entered in [t − 5, t), scored on the
 * state at t — exactly {@link ExtendModel#train}, so extra signals can be compared against the same fit;</li>
 * <li><b>oracle</b> ({@link #oracle}): features at t, labels = entered in [t, end) — the truth window itself. It
 * sees the answers, so it is an in-sample <em>upper bound</em> for what these features can do with one weight
 * vector, never a method the product could use.</li>
 * </ul>
 */
final class WindowFit {

    /** An extra (region, segment) signal computed from the history strictly before a date. */
    interface Signal {
        String name();

        double[][] at(ExtendBackTest.Case c, double when);
    }

    private WindowFit() {
    }

    static double[][] outOfSample(ExtendBackTest.Case c, List<Signal> extra) {
        double w = ExtendModel.WINDOW_YEARS;
        return fitAndScore(c, extra, c.cut() - w, c.cut());
    }

    static double[][] oracle(ExtendBackTest.Case c, List<Signal> extra) {
        return fitAndScore(c, extra, c.cut(), c.end());
    }

    /** Features at {@code trainAt}, labels = entered in [trainAt, labelEnd), scores from the features at the cut. */
    private static double[][] fitAndScore(ExtendBackTest.Case c, List<Signal> extra, double trainAt, double labelEnd) {
        EntryHistory h = c.history();
        int[][] start = h.counts(trainAt);
        int[][] label = h.counts(labelEnd);
        double[][][] train = features(c, extra, trainAt);
        List<double[]> x = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        for (int r = 0; r < h.regions; r++) {
            for (int s = 0; s < h.segments; s++) {
                if (start[r][s] == 0 && (c.candidate() == null || c.candidate()[s])) {
                    x.add(train[r][s]);
                    group.add(r);
                    y.add(label[r][s] > 0);
                }
            }
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        ConditionalLogit logit = ConditionalLogit.fit(x.toArray(double[][]::new),
                group.stream().mapToInt(Integer::intValue).toArray(), labels, h.regions, ExtendModel.L2);
        double[][][] now = trainAt == c.cut() ? train : features(c, extra, c.cut());
        double[][] out = new double[h.regions][h.segments];
        for (int r = 0; r < h.regions; r++) {
            for (int s = 0; s < h.segments; s++) {
                out[r][s] = logit.score(now[r][s]);
            }
        }
        return out;
    }

    /** [region][segment][feature]: the six product features at {@code when}, then each extra signal. */
    static double[][][] features(ExtendBackTest.Case c, List<Signal> extra, double when) {
        EntryHistory h = c.history();
        int[][] at = h.counts(when);
        Relatedness rel = new Relatedness(c.space(), at, h.counts(when - ExtendModel.WINDOW_YEARS));
        List<double[][]> more = new ArrayList<>();
        for (Signal s : extra) {
            more.add(s.at(c, when));
        }
        double[][][] out = new double[h.regions][][];
        for (int r = 0; r < h.regions; r++) {
            double[][] base = rel.features(at[r]);
            out[r] = new double[h.segments][];
            for (int s = 0; s < h.segments; s++) {
                double[] f = java.util.Arrays.copyOf(base[s], ExtendFeature.COUNT + more.size());
                for (int k = 0; k < more.size(); k++) {
                    f[ExtendFeature.COUNT + k] = more.get(k)[r][s];
                }
                out[r][s] = f;
            }
        }
        return out;
    }
}
