package com.chainatlas.analysis.extend;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated entries where the right answer is known. Segments sit at hidden positions on a circle; their hidden
 * proximity is ψ(a, b) = exp(−d² / 2w²) of the circular distance d. Regions start (before 2000) with segments near
 * a home position, each with a few enterprises. Every year 2000–2019 a region enters a segment it lacks with
 * probability 1 − exp(−h), h = base · π_s^½ · exp(b · D), where π_s is the segment's popularity (which also drives
 * its national growth) and D the hidden-proximity density of the segments the region holds — the planted
 * relatedness, which no method sees directly. FEEDS are random (unrelated to the process) and parents are groups
 * of six consecutive segments. With {@code strength} 0 ({@link #none}) entries ignore popularity and proximity
 * and the initial holdings are uniform: nothing can predict them.
 */
record PlantedEntryProcess(String name, EntryHistory history, SegmentSpace space, int[] regionCode) {

    static final int REGIONS = 40;
    static final int SEGMENTS = 120;
    static final double CUT = 2012;
    static final double END = 2020;

    static PlantedEntryProcess planted(long seed) {
        return generate("planted relatedness (hidden proximity, b = 4)", seed, 4.0);
    }

    static PlantedEntryProcess none(long seed) {
        return generate("null process (entries independent of everything)", seed, 0.0);
    }

    static PlantedEntryProcess generate(String name, long seed, double strength) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean planted = strength > 0;
        double[] position = new double[SEGMENTS];
        double[] popularity = new double[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            position[s] = random.nextDouble();
            popularity[s] = Math.exp(0.7 * gaussian(random));
        }
        double width = 0.06;
        double[][] psi = new double[SEGMENTS][SEGMENTS];
        double[] psiSum = new double[SEGMENTS];
        for (int a = 0; a < SEGMENTS; a++) {
            for (int b = 0; b < SEGMENTS; b++) {
                double d = circular(position[a], position[b]);
                psi[a][b] = a == b ? 0 : Math.exp(-d * d / (2 * width * width));
                psiSum[a] += psi[a][b];
            }
        }
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        for (int s = 1; s < SEGMENTS; s++) {
            for (int k = 0; k < 2; k++) {
                from.add(random.nextInt(s));
                to.add(s);
            }
        }
        int[] parent = new int[SEGMENTS];
        for (int s = 0; s < SEGMENTS; s++) {
            parent[s] = s / 6;
        }
        List<int[]> rows = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        boolean[][] holds = new boolean[REGIONS][SEGMENTS];
        int[] regionCode = new int[REGIONS];
        for (int r = 0; r < REGIONS; r++) {
            regionCode[r] = (11 + r) * 10_000;
            double home = random.nextDouble();
            for (int s = 0; s < SEGMENTS; s++) {
                double d = circular(home, position[s]);
                double p = planted ? 0.6 * Math.exp(-d * d / (2 * 0.08 * 0.08)) : 0.12;
                if (random.nextDouble() < p) {
                    holds[r][s] = true;
                    int firms = 1 + poisson(random, popularity[s]);
                    for (int k = 0; k < firms; k++) {
                        rows.add(new int[]{r, s});
                        times.add(1990 + 10 * random.nextDouble());
                    }
                }
            }
        }
        for (int year = 2000; year < 2020; year++) {
            boolean[][] entering = new boolean[REGIONS][SEGMENTS];
            for (int r = 0; r < REGIONS; r++) {
                for (int s = 0; s < SEGMENTS; s++) {
                    if (holds[r][s]) {
                        for (int k = poisson(random, 0.15 * popularity[s]); k > 0; k--) {
                            rows.add(new int[]{r, s});
                            times.add(year + random.nextDouble());
                        }
                        continue;
                    }
                    double density = 0;
                    for (int b = 0; b < SEGMENTS; b++) {
                        density += holds[r][b] ? psi[s][b] : 0;
                    }
                    density = psiSum[s] == 0 ? 0 : density / psiSum[s];
                    double h = planted ? 0.004 * Math.sqrt(popularity[s]) * Math.exp(strength * density) : 0.012;
                    entering[r][s] = random.nextDouble() < 1 - Math.exp(-h);
                }
            }
            for (int r = 0; r < REGIONS; r++) {
                for (int s = 0; s < SEGMENTS; s++) {
                    if (entering[r][s]) {
                        holds[r][s] = true;
                        rows.add(new int[]{r, s});
                        times.add(year + random.nextDouble());
                    }
                }
            }
        }
        EntryHistory history = new EntryHistory(REGIONS, SEGMENTS, rows.stream().mapToInt(x -> x[0]).toArray(),
                rows.stream().mapToInt(x -> x[1]).toArray(), times.stream().mapToDouble(Double::doubleValue).toArray());
        SegmentSpace space = new SegmentSpace(SEGMENTS, from.stream().mapToInt(Integer::intValue).toArray(),
                to.stream().mapToInt(Integer::intValue).toArray(), null, parent);
        return new PlantedEntryProcess(name, history, space, regionCode);
    }

    ExtendBackTest.Case toCase() {
        return new ExtendBackTest.Case(name + ", t = " + (int) CUT, history, space, null, CUT, END, regionCode);
    }

    private static double circular(double a, double b) {
        double d = Math.abs(a - b);
        return Math.min(d, 1 - d);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static int poisson(SplittableRandom random, double mean) {
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= random.nextDouble();
            k++;
        }
        return k;
    }
}
