package com.chainatlas.analysis;

import java.time.LocalDate;

/**
 * Derives the as-of view of a snapshot (截至某日的产业链): the same segments and flows, and only the enterprises whose
 * entry date is on or before the date, with their memberships and the supply relations between two kept enterprises.
 * Undated enterprises are left out (they cannot be placed in time); the view says how many ({@link DiagnosisModel.AsOf}).
 *
 * <p>One pass over the arrays in their canonical order (a subsequence of a sorted order is sorted), no database and
 * no sorting: O(enterprises + memberships + supply relations), plus the national figures of the view (its PageRank
 * included). {@link AsOfSnapshots} keeps recent views so repeated requests cost nothing.
 */
final class AsOfView {

    private AsOfView() {
    }

    static ChainSnapshot of(ChainSnapshot s, LocalDate date, LocalDate requested) {
        long started = System.nanoTime();
        int day = (int) date.toEpochDay();
        int n = s.uscc.length;
        int[] newIndex = new int[n];
        int kept = 0;
        int undated = 0;
        int later = 0;
        for (int e = 0; e < n; e++) {
            int d = s.entryDay[e];
            if (d == ChainSnapshot.UNDATED) {
                undated++;
                newIndex[e] = -1;
            } else if (d > day) {
                later++;
                newIndex[e] = -1;
            } else {
                newIndex[e] = kept++;
            }
        }
        String[] uscc = new String[kept];
        String[] name = new String[kept];
        int[] region = new int[kept];
        int[] zone = new int[kept];
        double[] revenue = new double[kept];
        int[] entryDay = new int[kept];
        int[] memStart = new int[kept + 1];
        int[] inStart = new int[kept + 1];
        int memberships = 0;
        int supplies = 0;
        for (int e = 0; e < n; e++) {
            if (newIndex[e] < 0) {
                continue;
            }
            memberships += s.memStart[e + 1] - s.memStart[e];
            for (int k = s.inStart[e]; k < s.inStart[e + 1]; k++) {
                if (newIndex[s.inSupplier[k]] >= 0) {
                    supplies++;
                }
            }
        }
        int[] memSeg = new int[memberships];
        int[] inSupplier = new int[supplies];
        int[] inSegment = new int[supplies];
        double[] inAmount = new double[supplies];
        int m = 0;
        int r = 0;
        for (int e = 0; e < n; e++) {
            int i = newIndex[e];
            if (i < 0) {
                continue;
            }
            uscc[i] = s.uscc[e];
            name[i] = s.name[e];
            region[i] = s.regionCode[e];
            zone[i] = s.zone[e];
            revenue[i] = s.revenue[e];
            entryDay[i] = s.entryDay[e];
            for (int k = s.memStart[e]; k < s.memStart[e + 1]; k++) {
                memSeg[m++] = s.memSeg[k];
            }
            memStart[i + 1] = m;
            for (int k = s.inStart[e]; k < s.inStart[e + 1]; k++) {
                int supplier = newIndex[s.inSupplier[k]];
                if (supplier >= 0) { // suppliers stay sorted: the new indices keep the old order
                    inSupplier[r] = supplier;
                    inSegment[r] = s.inSegment[k];
                    inAmount[r++] = s.inAmount[k];
                }
            }
            inStart[i + 1] = r;
        }
        SnapshotBuilder.Parts p = new SnapshotBuilder.Parts(s.chainId, s.chainName, s.segId, s.segName, s.segParent,
                s.segStage, s.segKey, s.segValueAdded, s.segLeaf, s.segAncestors, s.segIndex, s.flowFrom, s.flowTo,
                s.flowRecycling, uscc, name, region, zone, s.zoneNames, revenue, entryDay, memStart, memSeg, inStart,
                inSupplier, inSegment, inAmount, s.productSegment);
        return new ChainSnapshot(p, s.version, started, new DiagnosisModel.AsOf(date, requested, kept, later, undated),
                s.horizonDay == ChainSnapshot.UNDATED ? Integer.MAX_VALUE : s.horizonDay);
    }
}
