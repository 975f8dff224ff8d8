package com.chainatlas.analysis.extend;

import java.util.Arrays;

/**
 * Dated presence of enterprises: one row per (enterprise, segment) with the enterprise's region and the time it
 * entered (founding or listing date as a fractional year, e.g. 2015.5). Rows with an unknown time are not kept:
 * an enterprise nobody dated is neither early nor late. Immutable.
 */
public final class EntryHistory {

    final int regions;
    final int segments;
    private final int[] region;
    private final int[] segment;
    private final double[] time;

    public EntryHistory(int regions, int segments, int[] region, int[] segment, double[] time) {
        if (region.length != segment.length || region.length != time.length) {
            throw new IllegalArgumentException("entry arrays disagree in length");
        }
        int n = 0;
        for (double t : time) {
            n += Double.isNaN(t) ? 0 : 1;
        }
        this.regions = regions;
        this.segments = segments;
        this.region = new int[n];
        this.segment = new int[n];
        this.time = new double[n];
        int k = 0;
        for (int i = 0; i < time.length; i++) {
            if (Double.isNaN(time[i])) {
                continue;
            }
            if (region[i] < 0 || region[i] >= regions || segment[i] < 0 || segment[i] >= segments) {
                throw new IllegalArgumentException("entry " + i + " outside the region or segment range");
            }
            this.region[k] = region[i];
            this.segment[k] = segment[i];
            this.time[k++] = time[i];
        }
    }

    /** Enterprises per region and segment that entered strictly before {@code before}. */
    public int[][] counts(double before) {
        int[][] c = new int[regions][segments];
        for (int i = 0; i < time.length; i++) {
            if (time[i] < before) {
                c[region[i]][segment[i]]++;
            }
        }
        return c;
    }

    public int regions() {
        return regions;
    }

    public int segments() {
        return segments;
    }

    /** Region of dated row {@code i}. */
    public int regionOf(int i) {
        return region[i];
    }

    /** Segment of dated row {@code i}. */
    public int segmentOf(int i) {
        return segment[i];
    }

    /** Entry time (fractional year) of dated row {@code i}. */
    public double timeOf(int i) {
        return time[i];
    }

    /** The day a fractional year falls on ({@link #year} inverted, rounding down): 2015.5 → 2015-07-02. */
    public static java.time.LocalDate date(double year) {
        int y = (int) Math.floor(year);
        int length = java.time.Year.of(y).length();
        int day = (int) Math.floor((year - y) * length + 1e-9);
        return java.time.LocalDate.ofYearDay(y, Math.min(length, day + 1));
    }

    /** Dated rows kept. */
    public int size() {
        return time.length;
    }

    /** The latest entry time, NaN when there is none. */
    public double latest() {
        return Arrays.stream(time).max().orElse(Double.NaN);
    }

    /** Fractional year of a date: 2015-07-02 → 2015.5. */
    public static double year(java.time.LocalDate d) {
        return d == null ? Double.NaN : d.getYear() + (d.getDayOfYear() - 1) / (double) d.lengthOfYear();
    }
}
