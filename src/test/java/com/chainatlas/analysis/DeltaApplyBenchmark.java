package com.chainatlas.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import com.chainatlas.analysis.bench.DiagnosisBenchmark;
import com.chainatlas.region.RegionCatalog;

import org.jgrapht.alg.scoring.PageRank;

/**
 * In-memory half of the incremental snapshot benchmark (not a test; issue 14): generates the {@link DiagnosisBenchmark}
 * chain (N enterprises, 5·N supply relations) straight into a {@link SnapshotBuilder} (no database), builds it, then
 * applies deltas as an import of k rows would give them (k/2 new supply relations between random enterprises, k/2
 * changed revenues, a tenth unknown; every row of each touched enterprise, as {@link SnapshotLoader#loadDelta} reads
 * them) and prints where the apply's time goes (arrays, national figures, PageRank), beside JGraphT's PageRank on the
 * same arrays. The database read of a delta is measured by {@link IncrementalSnapshotBenchmark}.
 * Run: {@code java -cp ... com.chainatlas.analysis.DeltaApplyBenchmark [N] [k]} (1,000,000 needs {@code -Xmx6g}).
 */
public final class DeltaApplyBenchmark {

    private DeltaApplyBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int k = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        SnapshotBuilder builder = new SnapshotBuilder(DiagnosisBenchmark.CHAIN, "基准测试链");
        long g0 = System.nanoTime();
        new DiagnosisBenchmark.Generator(null, new RegionCatalog(), n, 5 * n, 20261122L).into(builder).write();
        long b0 = System.nanoTime();
        ChainSnapshot base = builder.build(1, b0);
        builder = null;
        System.out.printf(Locale.ROOT, "In-memory chain: %,d enterprises, %,d supply relations; generated in %.1f s; "
                        + "build from rows %d ms (%s); %s%n", base.enterpriseCount(), base.supplyCount(),
                (b0 - g0) / 1e9, base.buildMillis, base.figuresProfile, uptime());
        long j0 = System.nanoTime();
        Map<Integer, Double> jgrapht = new PageRank<>(new SnapshotSupplyGraph(base.uscc.length, base.inStart, base.inSupplier)).getScores();
        long j1 = System.nanoTime();
        double[] ours = SupplyPageRank.scores(base.uscc.length, base.inStart, base.inSupplier);
        long j2 = System.nanoTime();
        double worst = 0;
        for (int e = 0; e < ours.length; e++) {
            worst = Math.max(worst, Math.abs(ours[e] - jgrapht.get(e)) / jgrapht.get(e));
        }
        jgrapht = null;
        System.out.printf(Locale.ROOT, "PageRank on these arrays: JGraphT %d ms, SupplyPageRank %d ms, largest relative difference %.1e%n",
                (j1 - j0) / 1_000_000, (j2 - j1) / 1_000_000, worst);
        SplittableRandom random = new SplittableRandom(14);
        // the main thread's CPU time beside the wall time: under a load above the cores the wall time mostly waits
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            SnapshotDelta delta = delta(base, k, random);
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = System.nanoTime();
            ChainSnapshot next = delta.apply(base, 2 + round, a0);
            long a1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "k = %,d rows: %,d touched, %,d supply rows: apply %d ms (CPU %d ms) = arrays %d ms (touched lookup %d ms) + %s; %s%n",
                    k, delta.touched().size(), delta.supplyRows(), (a1 - a0) / 1_000_000, (c1 - c0) / 1_000_000,
                    delta.arraysNanos / 1_000_000, delta.lookupNanos / 1_000_000, next.figuresProfile, uptime());
            base = next;
        }
    }

    /** The rows a delta read would give after an import of k rows: every row of each touched enterprise. */
    private static SnapshotDelta delta(ChainSnapshot s, int k, SplittableRandom random) {
        int n = s.uscc.length;
        Set<Integer> touched = new LinkedHashSet<>();
        List<int[]> added = new ArrayList<>();
        Map<Integer, Double> revenue = new java.util.HashMap<>();
        for (int i = 0; i < k; i++) {
            int a = random.nextInt(n);
            if (i % 2 == 0) {
                int b = random.nextInt(n);
                if (a != b) {
                    added.add(new int[]{a, b});
                    touched.add(a);
                    touched.add(b);
                }
            } else {
                revenue.put(a, random.nextInt(10) == 0 ? null : (double) random.nextInt(100_000));
                touched.add(a);
            }
        }
        List<String> keys = touched.stream().map(e -> s.uscc[e]).toList();
        SnapshotDelta d = new SnapshotDelta(keys);
        for (int e : touched) {
            Double r = revenue.containsKey(e) ? revenue.get(e) : Double.isNaN(s.revenue[e]) ? null : s.revenue[e];
            LocalDate founded = s.entryDay[e] == ChainSnapshot.UNDATED ? null : LocalDate.ofEpochDay(s.entryDay[e]);
            d.enterprise(s.uscc[e], s.name[e], String.valueOf(s.regionCode[e]), s.zone[e] < 0 ? null : s.zoneNames[s.zone[e]],
                    r, founded, null);
            for (int m = s.memStart[e]; m < s.memStart[e + 1]; m++) {
                d.membership(s.uscc[e], s.segId[s.memSeg[m]]);
            }
        }
        for (int c = 0; c < n; c++) { // relations with a touched end (a scan here; the loader uses index seeks)
            for (int x = s.inStart[c]; x < s.inStart[c + 1]; x++) {
                int a = s.inSupplier[x];
                if (touched.contains(a) || touched.contains(c)) {
                    d.supply(s.uscc[a], String.valueOf(s.regionCode[a]), s.uscc[c], String.valueOf(s.regionCode[c]),
                            null, Double.isNaN(s.inAmount[x]) ? null : s.inAmount[x]);
                }
            }
        }
        for (int[] ab : added) {
            d.supply(s.uscc[ab[0]], String.valueOf(s.regionCode[ab[0]]), s.uscc[ab[1]], String.valueOf(s.regionCode[ab[1]]),
                    null, (double) random.nextInt(5_000));
        }
        return d;
    }

    private static String uptime() {
        try {
            return "uptime: " + new String(new ProcessBuilder("uptime").start().getInputStream().readAllBytes()).trim();
        } catch (java.io.IOException e) {
            return "uptime: n/a";
        }
    }
}
