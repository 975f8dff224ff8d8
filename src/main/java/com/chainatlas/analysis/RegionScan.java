package com.chainatlas.analysis;

import java.util.Arrays;

/**
 * One pass over a region's slice of a snapshot: local enterprise count and revenue per segment (a parent counts
 * each enterprise once; revenue is the sum over known values beside how many were known — unknown is not zero), the top local enterprises per segment, and the supply relations into local
 * enterprises per supplied segment (how many, how many from outside, amounts where known), and the local
 * enterprises with the highest national 链主 score — all in one pass.
 *
 * <p>Cost: O(local enterprises + their memberships × segment depth + their incoming supply relations); the
 * rest of the nation is not touched (national figures come from {@link NationalFigures}).
 */
final class RegionScan {

    static final int TOP = 3;
    /** How many local 链主 candidates (by national leader score) are kept. */
    static final int LEADERS = 10;

    final int localEnterprises;
    /** Sum of the known revenues of the local enterprises; {@link #localRevenueKnown} of them had one. */
    final double localRevenue;
    final int localRevenueKnown;
    final int[] count;
    final double[] revenue;
    final int[] revenueKnown;
    /** Top local enterprises per segment by known revenue: {@code top[g * TOP + i]}, -1 when fewer. */
    final int[] top;
    /** Local enterprises with the highest positive 链主 score given, best first; -1 when fewer. */
    final int[] leaders;
    final int[] relations;
    final int[] outsideRelations;
    final int[] amountRelations;
    final double[] amount;
    final double[] outsideAmount;
    final int chainRelations;
    final int chainOutsideRelations;
    final int chainAmountRelations;
    final double chainAmount;
    final double chainOutsideAmount;

    /** @param leaderScore the 链主 score to rank local firms by (NaN or ≤ 0: not a candidate), or null for none */
    RegionScan(ChainSnapshot s, RegionScope scope, double[] leaderScore) {
        int segs = s.segId.length;
        count = new int[segs];
        revenue = new double[segs];
        revenueKnown = new int[segs];
        top = new int[segs * TOP];
        Arrays.fill(top, -1);
        leaders = new int[LEADERS];
        Arrays.fill(leaders, -1);
        int[] stamp = new int[segs];
        Arrays.fill(stamp, -1);
        int[] rel = new int[segs];
        int[] out = new int[segs];
        int[] amtRel = new int[segs];
        double[] amt = new double[segs];
        double[] outAmt = new double[segs];
        int n = 0;
        int revenueCount = 0;
        double rev = 0;
        int cRel = 0;
        int cOut = 0;
        int cAmtRel = 0;
        double cAmt = 0;
        double cOutAmt = 0;
        int zoneId = scope.zoneId();
        for (int e = scope.from(); e < scope.to(); e++) {
            if (zoneId >= 0 && s.zone[e] != zoneId || s.memStart[e] == s.memStart[e + 1]) {
                continue;
            }
            n++;
            double r = s.revenue[e];
            if (!Double.isNaN(r)) {
                revenueCount++;
                rev += r;
            }
            if (leaderScore != null && leaderScore[e] > 0) {
                NationalFigures.insertTop(leaders, e, leaderScore);
            }
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                int g = s.memSeg[k];
                touch(g, e, r, stamp, s.revenue);
                for (int a : s.segAncestors[g]) {
                    touch(a, e, r, stamp, s.revenue);
                }
            }
            for (int k = s.inStart[e]; k < s.inStart[e + 1]; k++) {
                int supplier = s.inSupplier[k];
                boolean outside = !(supplier >= scope.from() && supplier < scope.to()
                        && (zoneId < 0 || s.zone[supplier] == zoneId));
                double a = s.inAmount[k];
                boolean known = !Double.isNaN(a);
                cRel++;
                if (outside) {
                    cOut++;
                }
                if (known) {
                    cAmtRel++;
                    cAmt += a;
                    if (outside) {
                        cOutAmt += a;
                    }
                }
                int g = s.inSegment[k];
                if (g < 0) {
                    continue;
                }
                rel[g]++;
                if (outside) {
                    out[g]++;
                }
                if (known) {
                    amtRel[g]++;
                    amt[g] += a;
                    if (outside) {
                        outAmt[g] += a;
                    }
                }
            }
        }
        localEnterprises = n;
        localRevenue = rev;
        localRevenueKnown = revenueCount;
        chainRelations = cRel;
        chainOutsideRelations = cOut;
        chainAmountRelations = cAmtRel;
        chainAmount = cAmt;
        chainOutsideAmount = cOutAmt;
        // Roll supply figures up to parents: each relation has one segment, so sums never double count.
        relations = rel.clone();
        outsideRelations = out.clone();
        amountRelations = amtRel.clone();
        amount = amt.clone();
        outsideAmount = outAmt.clone();
        for (int g = 0; g < segs; g++) {
            for (int a : s.segAncestors[g]) {
                relations[a] += rel[g];
                outsideRelations[a] += out[g];
                amountRelations[a] += amtRel[g];
                amount[a] += amt[g];
                outsideAmount[a] += outAmt[g];
            }
        }
    }

    private void touch(int g, int e, double r, int[] stamp, double[] revenues) {
        if (stamp[g] == e) {
            return;
        }
        stamp[g] = e;
        count[g]++;
        if (Double.isNaN(r)) {
            return; // unknown revenue: counted, but neither summed nor ranked
        }
        revenueKnown[g]++;
        revenue[g] += r;
        int base = g * TOP;
        int k = TOP - 1;
        if (top[base + k] >= 0 && !(r > revenues[top[base + k]])) {
            return;
        }
        while (k > 0 && (top[base + k - 1] < 0 || r > revenues[top[base + k - 1]])) {
            top[base + k] = top[base + k - 1];
            k--;
        }
        top[base + k] = e;
    }
}
