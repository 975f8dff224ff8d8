package com.chainatlas.analysis.extend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The learnt 延链 ranking. Trained on the past only: with cut c and window w (default 5 years), the examples are
 * the (region, segment) pairs a region lacked at c − w, their {@link ExtendFeature}s taken from the state at c − w
 * (growth over (c − 2w, c − w]), and the label whether the region entered the segment in [c − w, c); a
 * {@link ConditionalLogit} with one intercept per region learns the weights. It then scores the state at c
 * (growth over [c − w, c)). Nothing dated at or after c is read.
 */
public final class ExtendModel {

    public static final double WINDOW_YEARS = 5;
    public static final double L2 = 1.0;
    /** Fewer past entries than this: nothing to learn from (callers fall back to the rule). */
    public static final int MIN_POSITIVES = 10;

    private final double cut;
    private final Relatedness atCut;
    private final ConditionalLogit logit;
    private final int examples;
    private final int positives;

    private ExtendModel(double cut, Relatedness atCut, ConditionalLogit logit, int examples, int positives) {
        this.cut = cut;
        this.atCut = atCut;
        this.logit = logit;
        this.examples = examples;
        this.positives = positives;
    }

    /**
     * @param candidate which segments can be entered at all (e.g. leaves); null for every segment
     * @return empty when the past holds fewer than {@link #MIN_POSITIVES} entries or no pair that stayed out
     */
    public static Optional<ExtendModel> train(EntryHistory h, SegmentSpace space, boolean[] candidate, double cut) {
        return train(h, space, candidate, cut, null);
    }

    /**
     * @param unknown [region][segment] pairs whose past is unknown (e.g. the region has an undated enterprise there,
     *                so whether it lacked the segment at c − w cannot be told): not learnt from; null for none
     */
    public static Optional<ExtendModel> train(EntryHistory h, SegmentSpace space, boolean[] candidate, double cut,
                                              boolean[][] unknown) {
        double w = WINDOW_YEARS;
        int[][] before = h.counts(cut - w);
        int[][] after = h.counts(cut);
        Relatedness past = new Relatedness(space, before, h.counts(cut - 2 * w));
        List<double[]> x = new ArrayList<>();
        List<Integer> group = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        int positives = 0;
        for (int r = 0; r < h.regions; r++) {
            double[][] f = past.features(before[r]);
            for (int s = 0; s < h.segments; s++) {
                if (before[r][s] == 0 && (candidate == null || candidate[s]) && (unknown == null || !unknown[r][s])) {
                    x.add(f[s]);
                    group.add(r);
                    boolean entered = after[r][s] > 0;
                    y.add(entered);
                    positives += entered ? 1 : 0;
                }
            }
        }
        if (positives < MIN_POSITIVES || positives == x.size()) {
            return Optional.empty();
        }
        boolean[] labels = new boolean[y.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = y.get(i);
        }
        ConditionalLogit logit = ConditionalLogit.fit(x.toArray(double[][]::new),
                group.stream().mapToInt(Integer::intValue).toArray(), labels, h.regions, L2);
        Relatedness now = new Relatedness(space, after, before);
        return Optional.of(new ExtendModel(cut, now, logit, x.size(), positives));
    }

    /** Features at the cut of every segment for a region with these enterprise counts: [segment][feature]. */
    public double[][] features(int[] regionCounts) {
        return atCut.features(regionCounts);
    }

    public double score(double[] features) {
        return logit.score(features);
    }

    public double[] contributions(double[] features) {
        return logit.contributions(features);
    }

    /** Slopes per {@link ExtendFeature} (on standardised features). */
    public double[] coefficients() {
        return logit.coefficients();
    }

    public Relatedness atCut() {
        return atCut;
    }

    public double cut() {
        return cut;
    }

    /** (region, segment) pairs learnt from, and how many of them were entered. */
    public int examples() {
        return examples;
    }

    public int positives() {
        return positives;
    }
}
