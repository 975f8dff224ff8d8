package com.chainatlas.assignment;

/**
 * The knobs of {@link SegmentModel}. {@link #DEFAULT} is the measured method; {@link #BASELINE} is the plain
 * character-bigram TF-IDF nearest centroid it is compared with (docs/assignment.md), run by the same code with
 * the additions switched off.
 *
 * @param unigrams      single characters as features besides bigrams (short names such as 钢, 煤 need them)
 * @param wholePhrases  the whole normalised phrase as one more feature: a product name seen among a segment's
 *                      firms is very telling
 * @param shareWeights  weight each phrase by the square root of its revenue share (else all equal)
 * @param nameWeight    how much the segment's own name adds to its centroid (scaled by √firms), 0 = off
 * @param knnBlend      share of the score from the k nearest assigned firms' votes, 0 = centroid only
 * @param neighbours    k of that vote
 * @param sureMargin    a proposal is 确定 when its score leads the runner-up's by at least this much
 * @param minFirms      ... and its segment has at least this many assigned firms to learn from
 * @param focus         supervised term weighting: a feature's idf is multiplied by 1 + focus × (how much its
 *                      firms concentrate in few segments, 0–1), 0 = off
 * @param industryWeight weight of the registered industry (所属行业 / 国民经济行业) as one feature of its own in the
 *                      firm's vector, in the units of a phrase with full share (1), 0 = off
 * @param saturation    BM25 term-frequency saturation k1 of a firm's text features: tf × (k1 + 1) / (tf + k1), so a
 *                      character repeated over many phrases does not outweigh the rest, 0 = off (raw tf)
 */
public record Method(boolean unigrams, boolean wholePhrases, boolean shareWeights, double nameWeight,
                     double knnBlend, int neighbours, double sureMargin, int minFirms, double focus,
                     double industryWeight, double saturation) {

    public static final Method DEFAULT = new Method(true, true, true, 1.0, 0.3, 10, 0.30, 3, 1.0, 2.0, 2.0);
    public static final Method BASELINE = new Method(false, false, false, 0.0, 0.0, 10, 0.10, 1, 0.0, 0.0, 0.0);

    public Method {
        if (knnBlend < 0 || knnBlend > 1 || neighbours < 1 || nameWeight < 0 || sureMargin < 0 || minFirms < 1
                || focus < 0 || industryWeight < 0 || saturation < 0) {
            throw new IllegalArgumentException("invalid method settings");
        }
    }

    public Method withSaturation(double k1) {
        return new Method(unigrams, wholePhrases, shareWeights, nameWeight, knnBlend, neighbours, sureMargin, minFirms,
                focus, industryWeight, k1);
    }

    public Method withSureMargin(double margin) {
        return new Method(unigrams, wholePhrases, shareWeights, nameWeight, knnBlend, neighbours, margin, minFirms,
                focus, industryWeight, saturation);
    }

    public Method with(double focus, double industryWeight) {
        return new Method(unigrams, wholePhrases, shareWeights, nameWeight, knnBlend, neighbours, sureMargin, minFirms,
                focus, industryWeight, saturation);
    }

    public Method withBlend(double knnBlend, int neighbours) {
        return new Method(unigrams, wholePhrases, shareWeights, nameWeight, knnBlend, neighbours, sureMargin, minFirms,
                focus, industryWeight, saturation);
    }
}
