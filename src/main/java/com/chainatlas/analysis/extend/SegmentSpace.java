package com.chainatlas.analysis.extend;

import java.util.Arrays;

/**
 * The fixed structure of the segments a 延链 ranking chooses among: supply flows between them (FEEDS, with a
 * strength, e.g. how often the data names one as the other's upstream) and their parent segment (siblings share
 * one). Indices are 0..segments-1. Immutable.
 */
public final class SegmentSpace {

    final int segments;
    /** Per segment: its upstream segments and the flow strength of each. */
    final int[][] up;
    final double[][] upWeight;
    /** Per segment: its downstream segments and the flow strength of each. */
    final int[][] down;
    final double[][] downWeight;
    /** Parent group per segment (siblings share one; any id, e.g. the parent segment's index), -1 when none. */
    final int[] parent;

    /**
     * @param from   upstream end of each flow
     * @param to     downstream end of each flow
     * @param weight flow strength (> 0); null for all 1
     * @param parent parent group of each segment, -1 for none
     */
    public SegmentSpace(int segments, int[] from, int[] to, double[] weight, int[] parent) {
        if (parent.length != segments || from.length != to.length || weight != null && weight.length != from.length) {
            throw new IllegalArgumentException("segment space arrays disagree in length");
        }
        this.segments = segments;
        this.parent = parent.clone();
        int[] ups = new int[segments];
        int[] downs = new int[segments];
        for (int f = 0; f < from.length; f++) {
            if (from[f] != to[f]) {
                ups[to[f]]++;
                downs[from[f]]++;
            }
        }
        up = new int[segments][];
        upWeight = new double[segments][];
        down = new int[segments][];
        downWeight = new double[segments][];
        for (int s = 0; s < segments; s++) {
            up[s] = new int[ups[s]];
            upWeight[s] = new double[ups[s]];
            down[s] = new int[downs[s]];
            downWeight[s] = new double[downs[s]];
        }
        Arrays.fill(ups, 0);
        Arrays.fill(downs, 0);
        for (int f = 0; f < from.length; f++) {
            int a = from[f];
            int b = to[f];
            if (a == b) {
                continue;
            }
            double w = weight == null ? 1 : weight[f];
            up[b][ups[b]] = a;
            upWeight[b][ups[b]++] = w;
            down[a][downs[a]] = b;
            downWeight[a][downs[a]++] = w;
        }
    }

    public int segments() {
        return segments;
    }
}
