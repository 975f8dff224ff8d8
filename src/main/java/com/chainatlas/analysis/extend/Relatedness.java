package com.chainatlas.analysis.extend;

/**
 * The state of a segment space at one cut date, from which the {@link ExtendFeature}s of any region are computed:
 * national size and growth per segment, and two co-location proximities learnt from where the regions are
 * (product space, Hidalgo, Klinger, Barabási and Hausmann 2007, "The product space conditions the development
 * of nations", Science 317): φ(s, s') = #regions holding both ÷ max(#regions holding s, #regions holding s'),
 * once with "holding" = at least one enterprise, once with location quotient by count ≥ 1. Immutable; O(R·S²)
 * to build, O(S²) per region to read.
 */
public final class Relatedness {

    final SegmentSpace space;
    final int[] nationalCount;
    final int[] nationalGrowth;
    final long nationalTotal;
    /** Proximity by presence, row-major S×S, diagonal 0. */
    final float[] proximity;
    /** Proximity by location quotient ≥ 1. */
    final float[] proximityLq;
    final double[] proximitySum;
    final double[] proximityLqSum;

    /**
     * @param counts  enterprises per region and segment at the cut
     * @param earlier the same some years earlier (only national totals are used: the growth)
     */
    public Relatedness(SegmentSpace space, int[][] counts, int[][] earlier) {
        int segs = space.segments;
        this.space = space;
        nationalCount = new int[segs];
        nationalGrowth = new int[segs];
        long total = 0;
        for (int r = 0; r < counts.length; r++) {
            for (int s = 0; s < segs; s++) {
                nationalCount[s] += counts[r][s];
                nationalGrowth[s] += counts[r][s] - earlier[r][s];
                total += counts[r][s];
            }
        }
        nationalTotal = total;
        boolean[][] present = new boolean[counts.length][];
        boolean[][] advantage = new boolean[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            present[r] = present(counts[r]);
            advantage[r] = advantage(counts[r]);
        }
        proximity = proximity(present, segs);
        proximityLq = proximity(advantage, segs);
        proximitySum = rowSums(proximity, segs);
        proximityLqSum = rowSums(proximityLq, segs);
    }

    boolean[] present(int[] regionCounts) {
        boolean[] p = new boolean[regionCounts.length];
        for (int s = 0; s < p.length; s++) {
            p[s] = regionCounts[s] > 0;
        }
        return p;
    }

    /** Location quotient by count ≥ 1 against the national distribution at the cut. */
    boolean[] advantage(int[] regionCounts) {
        long local = 0;
        for (int c : regionCounts) {
            local += c;
        }
        boolean[] a = new boolean[regionCounts.length];
        for (int s = 0; s < a.length; s++) {
            a[s] = regionCounts[s] > 0 && nationalCount[s] > 0
                    && (double) regionCounts[s] / local >= (double) nationalCount[s] / nationalTotal;
        }
        return a;
    }

    private static float[] proximity(boolean[][] holds, int segs) {
        int[] k = new int[segs];
        int[] both = new int[segs * segs];
        int[] held = new int[segs];
        for (boolean[] row : holds) {
            int n = 0;
            for (int s = 0; s < segs; s++) {
                if (row[s]) {
                    held[n++] = s;
                    k[s]++;
                }
            }
            for (int i = 0; i < n; i++) {
                int base = held[i] * segs;
                for (int j = 0; j < n; j++) {
                    both[base + held[j]]++;
                }
            }
        }
        float[] phi = new float[segs * segs];
        for (int a = 0; a < segs; a++) {
            for (int b = 0; b < segs; b++) {
                int m = Math.max(k[a], k[b]);
                phi[a * segs + b] = a == b || m == 0 ? 0 : (float) both[a * segs + b] / m;
            }
        }
        return phi;
    }

    private static double[] rowSums(float[] phi, int segs) {
        double[] sum = new double[segs];
        for (int a = 0; a < segs; a++) {
            for (int b = 0; b < segs; b++) {
                sum[a] += phi[a * segs + b];
            }
        }
        return sum;
    }

    /** Features of every segment for a region with these enterprise counts per segment: [segment][feature]. */
    public double[][] features(int[] regionCounts) {
        int segs = space.segments;
        boolean[] p = present(regionCounts);
        boolean[] a = advantage(regionCounts);
        double[][] x = new double[segs][ExtendFeature.COUNT];
        for (int s = 0; s < segs; s++) {
            double[] f = x[s];
            f[ExtendFeature.NATIONAL_SIZE.ordinal()] = Math.log1p(nationalCount[s]);
            f[ExtendFeature.NATIONAL_GROWTH.ordinal()] = Math.log1p(Math.max(0, nationalGrowth[s]));
            f[ExtendFeature.COLOCATION.ordinal()] = density(proximity, proximitySum, p, s);
            f[ExtendFeature.COLOCATION_LQ.ordinal()] = density(proximityLq, proximityLqSum, a, s);
            f[ExtendFeature.FLOW_DENSITY.ordinal()] = flowDensity(p, s);
            f[ExtendFeature.SIBLING_DENSITY.ordinal()] = siblingDensity(p, s);
        }
        return x;
    }

    private double density(float[] phi, double[] sums, boolean[] holds, int s) {
        if (sums[s] == 0) {
            return 0;
        }
        int segs = space.segments;
        double d = 0;
        for (int b = 0; b < segs; b++) {
            if (holds[b]) {
                d += phi[s * segs + b];
            }
        }
        return d / sums[s];
    }

    private double flowDensity(boolean[] p, int s) {
        double have = 0;
        double all = 0;
        for (int i = 0; i < space.up[s].length; i++) {
            all += space.upWeight[s][i];
            have += p[space.up[s][i]] ? space.upWeight[s][i] : 0;
        }
        for (int i = 0; i < space.down[s].length; i++) {
            all += space.downWeight[s][i];
            have += p[space.down[s][i]] ? space.downWeight[s][i] : 0;
        }
        return all == 0 ? 0 : have / all;
    }

    private double siblingDensity(boolean[] p, int s) {
        int parent = space.parent[s];
        if (parent < 0) {
            return 0;
        }
        int siblings = 0;
        int have = 0;
        for (int b = 0; b < space.segments; b++) {
            if (b != s && space.parent[b] == parent) {
                siblings++;
                have += p[b] ? 1 : 0;
            }
        }
        return siblings == 0 ? 0 : (double) have / siblings;
    }

    /** Enterprises in the segment nationally at the cut. */
    public int nationalCount(int s) {
        return nationalCount[s];
    }

    /** Enterprises that entered the segment nationally in the growth window before the cut. */
    public int nationalGrowth(int s) {
        return Math.max(0, nationalGrowth[s]);
    }

    /** Co-location proximity φ(a, b) by presence. */
    public double proximity(int a, int b) {
        return proximity[a * space.segments + b];
    }

    public SegmentSpace space() {
        return space;
    }
}
