package com.chainatlas.analysis.extend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What carried a 延链 score, in words a team can read aloud: each {@link ExtendFeature}'s part of the score
 * ({@link ExtendModel#contributions}) with the figure behind it ("相关环节本地已有 3 个", "全国规模大（全国 120 家）").
 * A part carries the score when it raises it by at least {@link #CARRIES} (standardised units); the sentence says
 * "high" or "low" by the side of the training average the feature is on, so a negative slope reads honestly.
 */
public final class ExtendExplanation {

    /** A contribution below this does not carry the score (it is noise next to the others). */
    public static final double CARRIES = 0.1;
    /** At most this many carrying parts are named. */
    public static final int MAX_PARTS = 3;
    /** "Related segments" of a segment: its this many most co-located ones (proximity φ &gt; 0). */
    public static final int RELATED = 5;

    /** One feature's part: its raw value, its contribution to the score, and the sentence (zh, en). */
    public record Part(ExtendFeature feature, double value, double contribution, String zh, String en) {
    }

    private ExtendExplanation() {
    }

    /**
     * The parts that carried segment {@code s}'s score for a region with these counts: contributions of at least
     * {@link #CARRIES}, largest first, at most {@link #MAX_PARTS}.
     */
    public static List<Part> carriers(ExtendModel m, int[] regionCounts, int s, double[] features) {
        double[] c = m.contributions(features);
        double[] beta = m.coefficients();
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < c.length; j++) {
            if (c[j] >= CARRIES) {
                order.add(j);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(j -> -c[j]).thenComparingInt(j -> j));
        List<Part> parts = new ArrayList<>();
        for (int j : order) {
            if (parts.size() == MAX_PARTS) {
                break;
            }
            ExtendFeature f = ExtendFeature.values()[j];
            boolean high = beta[j] > 0; // c = β·z > 0: z has β's sign
            String[] words = words(m.atCut(), regionCounts, s, f, high);
            if (words != null) {
                parts.add(new Part(f, features[j], c[j], words[0], words[1]));
            }
        }
        return parts;
    }

    /** The sentence of a part, null when its figure says nothing (no flow neighbours, siblings or related segments). */
    private static String[] words(Relatedness rel, int[] counts, int s, ExtendFeature f, boolean high) {
        SegmentSpace sp = rel.space;
        return switch (f) {
            case NATIONAL_SIZE -> {
                int n = rel.nationalCount(s);
                yield new String[]{(high ? "全国规模大" : "全国规模小") + "（全国 " + n + " 家）",
                        (high ? "large" : "small") + " nationally (" + n + " enterprises)"};
            }
            case NATIONAL_GROWTH -> {
                int n = rel.nationalGrowth(s);
                yield new String[]{(high ? "近年全国增长快" : "近年全国增长慢") + "（近五年新增 " + n + " 家）",
                        (high ? "growing fast" : "growing slowly") + " nationally (" + n + " new in five years)"};
            }
            case COLOCATION, COLOCATION_LQ -> {
                boolean lq = f == ExtendFeature.COLOCATION_LQ;
                int[] related = related(lq ? rel.proximityLq : rel.proximity, sp.segments, s);
                if (related.length == 0) {
                    yield null;
                }
                boolean[] holds = lq ? rel.advantage(counts) : rel.present(counts);
                int have = 0;
                for (int b : related) {
                    have += holds[b] ? 1 : 0;
                }
                String what = lq ? "相关环节中本地具优势（区位熵≥1）的" : "相关环节本地";
                yield new String[]{what + (high ? "已有 " : "仅有 ") + have + " 个（最常与之同地出现的 "
                        + related.length + " 个环节中）",
                        "the region has " + (lq ? "an advantage (LQ ≥ 1) in " : "") + have + " of the "
                                + related.length + " segments most often co-located with it"};
            }
            case FLOW_DENSITY -> {
                int all = sp.up[s].length + sp.down[s].length;
                if (all == 0) {
                    yield null;
                }
                boolean[] p = rel.present(counts);
                int have = 0;
                for (int a : sp.up[s]) {
                    have += p[a] ? 1 : 0;
                }
                for (int d : sp.down[s]) {
                    have += p[d] ? 1 : 0;
                }
                yield new String[]{"上下游环节本地" + (high ? "已有 " : "仅有 ") + have + "/" + all + " 个",
                        "the region has " + have + " of its " + all + " up- and downstream segments"};
            }
            case SIBLING_DENSITY -> {
                boolean[] p = rel.present(counts);
                int all = 0;
                int have = 0;
                for (int b = 0; b < sp.segments; b++) {
                    if (b != s && sp.parent[s] >= 0 && sp.parent[b] == sp.parent[s]) {
                        all++;
                        have += p[b] ? 1 : 0;
                    }
                }
                if (all == 0) {
                    yield null;
                }
                yield new String[]{"同类环节本地" + (high ? "已有 " : "仅有 ") + have + "/" + all + " 个",
                        "the region has " + have + " of its " + all + " sibling segments"};
            }
        };
    }

    /** The {@link #RELATED} segments with the largest proximity to {@code s} (φ &gt; 0), closest first. */
    static int[] related(float[] phi, int segs, int s) {
        List<Integer> b = new ArrayList<>();
        for (int x = 0; x < segs; x++) {
            if (x != s && phi[s * segs + x] > 0) {
                b.add(x);
            }
        }
        b.sort(Comparator.<Integer>comparingDouble(x -> -phi[s * segs + x]).thenComparingInt(x -> x));
        return b.stream().limit(RELATED).mapToInt(Integer::intValue).toArray();
    }
}
