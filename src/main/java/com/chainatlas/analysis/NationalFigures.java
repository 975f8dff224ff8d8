package com.chainatlas.analysis;

import java.util.Arrays;

/**
 * Figures of a chain that do not depend on the region asked about, computed once per snapshot: national
 * enterprise count and revenue per segment (a parent counts each enterprise of its sub-segments once), the
 * segment's enterprise list, national concentration (HHI, top-4 share, share of the top province), the
 * national top enterprises, and the 链主 (chain leader) scores of every enterprise.
 *
 * <p><b>Unknown is not zero.</b> A revenue nobody gave is NaN in the snapshot. Every revenue sum here is the sum
 * over the known values, beside how many were known ({@code revenueKnown}); concentration and the top list use
 * known revenues only. Whether a figure is good enough to judge by (the share of enterprises with a known
 * revenue, {@link DiagnosisSettings#minRevenueCoverage()}) is decided per request by the engine.
 *
 * <p><b>Concentration.</b> HHI = Σ (100 · revenue_i / revenue_segment)² over the segment's enterprises with known
 * revenue, 0–10,000 (U.S. DOJ/FTC Horizontal Merger Guidelines: above 2,500 is "highly concentrated"). Top-4
 * share is the classic CR4. The top province is kept twice: by known revenue (supply capacity) and by enterprise
 * count (the fallback when revenue is too often unknown; reasons then say "按企业数").
 *
 * <p><b>链主 score.</b> A chain leader (链主) is the firm whose purchasing organises the chain around it. On the
 * supply network (edges supplier → customer) PageRank (Brin &amp; Page, 1998; {@link SupplyPageRank}, JGraphT's iteration on primitive arrays, damping 0.85)
 * moves importance downstream: a firm scores high when it buys from many suppliers that themselves buy from
 * many — the integrators (整车厂, fabs) that 以商招商 works through. Centrality alone would also rank a small
 * assembler with many tiny suppliers, so it is combined with size: {@link #sizeScore} = √(PR/PR_max ·
 * revenue/revenue_max), the geometric mean, which needs a firm to be both central and large (the "centrality ×
 * size" of the brief; the square root keeps the score in 0..1 without changing the order); NaN when the firm's
 * revenue is unknown. {@link #centralityScore} = PR/PR_max for firms with at least one supply relation (NaN for
 * the others: without any relation PageRank is only the teleport share and says nothing); the engine uses it
 * when too few revenues are known. PageRank on n enterprises and m relations costs O(k·(n+m)) for k
 * iterations (tolerance 1e-4; typically 20–40).
 */
final class NationalFigures {

    /** How many national top enterprises per segment are kept (top-4 share needs 4; the top-3 rule needs the 4th). */
    static final int TOP = 4;

    final int chainEnterprises;
    /** Sum of the known revenues of the chain's enterprises; {@link #chainRevenueKnown} of them were known. */
    final double chainRevenue;
    final int chainRevenueKnown;
    final int[] count;
    /** Per segment: sum of the known revenues, and how many of {@link #count} had one. */
    final double[] revenue;
    final int[] revenueKnown;
    final int[] memberStart;
    final int[] members;
    /** Over known revenues; NaN when none is known (or all known are 0). */
    final double[] hhi;
    final double[] top4Share;
    final int[] topProvinceByRevenue;
    final double[] topProvinceRevenueShare;
    final int[] topProvinceByCount;
    final double[] topProvinceCountShare;
    /** Per segment, the enterprises with the highest known revenue (at most {@link #TOP}), best first. */
    final int[][] top;
    final double[] pageRank;
    final double[] sizeScore;
    final double[] centralityScore;
    final double maxPageRank;
    /** Supply relations in the chain's network (both ends in the chain). */
    final int supplyRelations;
    /** Time the PageRank took (a build's profile). */
    final long pageRankNanos;

    NationalFigures(ChainSnapshot s) {
        int n = s.uscc.length;
        int segs = s.segId.length;
        int chainN = 0;
        int chainKnown = 0;
        double chainRev = 0;
        for (int e = 0; e < n; e++) {
            if (s.memStart[e] < s.memStart[e + 1]) {
                chainN++;
                if (!Double.isNaN(s.revenue[e])) {
                    chainKnown++;
                    chainRev += s.revenue[e];
                }
            }
        }
        this.chainEnterprises = chainN;
        this.chainRevenue = chainRev;
        this.chainRevenueKnown = chainKnown;

        // Distinct members per segment (a parent gets each enterprise of its sub-segments once).
        this.count = new int[segs];
        this.revenue = new double[segs];
        this.revenueKnown = new int[segs];
        int[] stamp = new int[segs];
        Arrays.fill(stamp, -1);
        for (int e = 0; e < n; e++) {
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                int seg = s.memSeg[k];
                touch(seg, e, stamp, s);
                for (int a : s.segAncestors[seg]) {
                    touch(a, e, stamp, s);
                }
            }
        }
        this.memberStart = new int[segs + 1];
        for (int g = 0; g < segs; g++) {
            memberStart[g + 1] = memberStart[g] + count[g];
        }
        this.members = new int[memberStart[segs]];
        int[] fill = Arrays.copyOf(memberStart, segs);
        Arrays.fill(stamp, -1);
        for (int e = 0; e < n; e++) {
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                int seg = s.memSeg[k];
                if (stamp[seg] != e) {
                    stamp[seg] = e;
                    members[fill[seg]++] = e;
                }
                for (int a : s.segAncestors[seg]) {
                    if (stamp[a] != e) {
                        stamp[a] = e;
                        members[fill[a]++] = e;
                    }
                }
            }
        }

        this.hhi = new double[segs];
        this.top4Share = new double[segs];
        this.topProvinceByRevenue = new int[segs];
        this.topProvinceRevenueShare = new double[segs];
        this.topProvinceByCount = new int[segs];
        this.topProvinceCountShare = new double[segs];
        this.top = new int[segs][];
        double[] revenueByProvince = new double[100];
        int[] countByProvince = new int[100];
        for (int g = 0; g < segs; g++) {
            double total = revenue[g];
            int[] best = new int[TOP];
            Arrays.fill(best, -1);
            double h = 0;
            Arrays.fill(revenueByProvince, 0);
            Arrays.fill(countByProvince, 0);
            for (int k = memberStart[g]; k < memberStart[g + 1]; k++) {
                int e = members[k];
                int province = s.regionCode[e] / 10_000;
                countByProvince[province]++;
                double r = s.revenue[e];
                if (Double.isNaN(r)) {
                    continue;
                }
                if (total > 0) {
                    double share = 100 * r / total;
                    h += share * share;
                }
                revenueByProvince[province] += r;
                insertTop(best, e, s.revenue);
            }
            int kept = 0;
            double topSum = 0;
            for (int e : best) {
                if (e >= 0) {
                    kept++;
                    topSum += s.revenue[e];
                }
            }
            top[g] = Arrays.copyOf(best, kept);
            hhi[g] = total > 0 ? h : Double.NaN;
            top4Share[g] = total > 0 ? topSum / total : Double.NaN;
            int byRevenue = argMax(revenueByProvince);
            topProvinceByRevenue[g] = byRevenue < 0 || total <= 0 ? -1 : byRevenue * 10_000;
            topProvinceRevenueShare[g] = byRevenue < 0 || total <= 0 ? Double.NaN : revenueByProvince[byRevenue] / total;
            int byCount = -1;
            for (int p = 0; p < 100; p++) {
                if (countByProvince[p] > 0 && (byCount < 0 || countByProvince[p] > countByProvince[byCount])) {
                    byCount = p;
                }
            }
            topProvinceByCount[g] = byCount < 0 ? -1 : byCount * 10_000;
            topProvinceCountShare[g] = byCount < 0 ? Double.NaN : (double) countByProvince[byCount] / count[g];
        }

        long pr0 = System.nanoTime();
        int[] outDegree = SupplyPageRank.outDegrees(n, s.inSupplier);
        this.pageRank = SupplyPageRank.scores(n, s.inStart, s.inSupplier, outDegree);
        this.pageRankNanos = System.nanoTime() - pr0;
        this.supplyRelations = s.inSupplier.length;
        double maxPr = Arrays.stream(pageRank).max().orElse(0);
        this.maxPageRank = maxPr;
        double maxRev = 0;
        for (double r : s.revenue) {
            if (r > maxRev) { // NaN (unknown) never wins
                maxRev = r;
            }
        }
        this.sizeScore = new double[n];
        this.centralityScore = new double[n];
        for (int e = 0; e < n; e++) {
            double pr = maxPr > 0 ? pageRank[e] / maxPr : 0;
            double rv = s.revenue[e];
            sizeScore[e] = Double.isNaN(rv) ? Double.NaN : maxRev > 0 ? Math.sqrt(pr * rv / maxRev) : 0;
            boolean related = outDegree[e] > 0 || s.inStart[e] < s.inStart[e + 1]; // a supplier or a customer
            centralityScore[e] = related ? pr : Double.NaN;
        }
    }

    private void touch(int seg, int e, int[] stamp, ChainSnapshot s) {
        if (stamp[seg] != e) {
            stamp[seg] = e;
            count[seg]++;
            double r = s.revenue[e];
            if (!Double.isNaN(r)) {
                revenueKnown[seg]++;
                revenue[seg] += r;
            }
        }
    }

    private static int argMax(double[] values) {
        int best = -1;
        for (int p = 0; p < values.length; p++) {
            if (values[p] > 0 && (best < 0 || values[p] > values[best])) {
                best = p;
            }
        }
        return best;
    }

    /**
     * Keeps {@code best} sorted by value descending (ties: lower index first); -1 marks an empty slot. A NaN
     * (unknown) value is never inserted: an unknown figure does not rank.
     */
    static void insertTop(int[] best, int e, double[] value) {
        int k = best.length - 1;
        if (k < 0 || Double.isNaN(value[e]) || best[k] >= 0 && !(value[e] > value[best[k]])) {
            return;
        }
        while (k > 0 && (best[k - 1] < 0 || value[e] > value[best[k - 1]])) {
            best[k] = best[k - 1];
            k--;
        }
        best[k] = e;
    }


    long estimatedBytes() {
        return 4L * members.length + 4L * memberStart.length + 24L * pageRank.length + 8L * 10 * count.length;
    }
}
