package com.chainatlas.analysis;

import java.util.Arrays;
import java.util.Map;

import org.jgrapht.alg.scoring.PageRank;

/**
 * Figures of a chain that do not depend on the region asked about, computed once per snapshot: national
 * enterprise count and revenue per segment (a parent counts each enterprise of its sub-segments once), the
 * segment's enterprise list, national concentration (HHI, top-4 share, share of the top province), the
 * national top enterprises, and the 链主 (chain leader) score of every enterprise.
 *
 * <p><b>Concentration.</b> HHI = Σ (100 · revenue_i / revenue_segment)² over the segment's enterprises, 0–10,000
 * (U.S. DOJ/FTC Horizontal Merger Guidelines: above 2,500 is "highly concentrated"). Top-4 share is the classic
 * CR4. Province share uses revenue (supply capacity), not counts.
 *
 * <p><b>链主 score.</b> A chain leader (链主) is the firm whose purchasing organises the chain around it. On the
 * supply network (edges supplier → customer) PageRank (Brin &amp; Page, 1998; {@link PageRank}, damping 0.85)
 * moves importance downstream: a firm scores high when it buys from many suppliers that themselves buy from
 * many — the integrators (整车厂, fabs) that 以商招商 works through. Centrality alone would also rank a small
 * assembler with many tiny suppliers, so it is combined with size: score = √(PR/PR_max · revenue/revenue_max),
 * the geometric mean, which needs a firm to be both central and large (the "centrality × size" of the brief;
 * the square root keeps the score in 0..1 without changing the order). PageRank on n enterprises and m
 * relations costs O(k·(n+m)) for k iterations (tolerance 1e-4; typically 20–40).
 */
final class NationalFigures {

    /** How many national top enterprises per segment are kept (top-4 share needs 4; leaders use the top 3). */
    static final int TOP = 4;
    static final int LEADERS = 20;

    final int chainEnterprises;
    final double chainRevenue;
    final int[] count;
    final double[] revenue;
    final int[] memberStart;
    final int[] members;
    final double[] hhi;
    final double[] top4Share;
    final int[] topProvince;
    final double[] topProvinceShare;
    final int[][] top;
    final double[] pageRank;
    final double[] leaderScore;
    final double maxPageRank;
    final int[] leaders;

    NationalFigures(ChainSnapshot s) {
        int n = s.uscc.length;
        int segs = s.segId.length;
        int chainN = 0;
        double chainRev = 0;
        for (int e = 0; e < n; e++) {
            if (s.memStart[e] < s.memStart[e + 1]) {
                chainN++;
                chainRev += s.revenue[e];
            }
        }
        this.chainEnterprises = chainN;
        this.chainRevenue = chainRev;

        // Distinct members per segment (a parent gets each enterprise of its sub-segments once).
        this.count = new int[segs];
        this.revenue = new double[segs];
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
        this.topProvince = new int[segs];
        this.topProvinceShare = new double[segs];
        this.top = new int[segs][];
        double[] byProvince = new double[100];
        for (int g = 0; g < segs; g++) {
            double total = revenue[g];
            int[] best = new int[TOP];
            Arrays.fill(best, -1);
            double h = 0;
            Arrays.fill(byProvince, 0);
            for (int k = memberStart[g]; k < memberStart[g + 1]; k++) {
                int e = members[k];
                double r = s.revenue[e];
                if (total > 0) {
                    double share = 100 * r / total;
                    h += share * share;
                }
                byProvince[s.regionCode[e] / 10_000] += total > 0 ? r : 1;
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
            int bestProvince = -1;
            for (int p = 0; p < 100; p++) {
                if (byProvince[p] > 0 && (bestProvince < 0 || byProvince[p] > byProvince[bestProvince])) {
                    bestProvince = p;
                }
            }
            double denominator = total > 0 ? total : count[g];
            topProvince[g] = bestProvince < 0 ? -1 : bestProvince * 10_000;
            topProvinceShare[g] = bestProvince < 0 || denominator == 0 ? Double.NaN : byProvince[bestProvince] / denominator;
        }

        this.pageRank = pageRank(s);
        this.leaderScore = new double[n];
        double maxPr = Arrays.stream(pageRank).max().orElse(0);
        this.maxPageRank = maxPr;
        double maxRev = Arrays.stream(s.revenue).max().orElse(0);
        for (int e = 0; e < n; e++) {
            double pr = maxPr > 0 ? pageRank[e] / maxPr : 0;
            double rv = maxRev > 0 ? s.revenue[e] / maxRev : 0;
            leaderScore[e] = Math.sqrt(pr * rv);
        }
        int[] best = new int[Math.min(LEADERS, n)];
        Arrays.fill(best, -1);
        for (int e = 0; e < n; e++) {
            insertTop(best, e, leaderScore);
        }
        this.leaders = best;
    }

    private void touch(int seg, int e, int[] stamp, ChainSnapshot s) {
        if (stamp[seg] != e) {
            stamp[seg] = e;
            count[seg]++;
            revenue[seg] += s.revenue[e];
        }
    }

    /** Keeps {@code best} sorted by value descending (ties: lower index first); -1 marks an empty slot. */
    static void insertTop(int[] best, int e, double[] value) {
        int k = best.length - 1;
        if (k < 0 || best[k] >= 0 && !(value[e] > value[best[k]])) {
            return;
        }
        while (k > 0 && (best[k - 1] < 0 || value[e] > value[best[k - 1]])) {
            best[k] = best[k - 1];
            k--;
        }
        best[k] = e;
    }

    private static double[] pageRank(ChainSnapshot s) {
        int n = s.uscc.length;
        double[] result = new double[n];
        if (n == 0) {
            return result;
        }
        Map<Integer, Double> scores = new PageRank<>(new SupplyNetwork(n, s.inStart, s.inSupplier)).getScores();
        for (int e = 0; e < n; e++) {
            result[e] = scores.get(e);
        }
        return result;
    }

    boolean isTop(int segment, int enterprise, int places) {
        int[] t = top[segment];
        for (int i = 0; i < Math.min(places, t.length); i++) {
            if (t[i] == enterprise) {
                return true;
            }
        }
        return false;
    }

    long estimatedBytes() {
        return 4L * members.length + 4L * memberStart.length + 16L * pageRank.length + 8L * 8 * count.length;
    }
}
