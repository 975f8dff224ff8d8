package com.chainatlas.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import com.chainatlas.analysis.DiagnosisModel.RankingRow;
import com.chainatlas.analysis.DiagnosisModel.RegionRef;
import com.chainatlas.analysis.DiagnosisModel.SegmentRanking;
import com.chainatlas.region.RegionLevel;

/**
 * The national ranking of regions of one level for one segment (全国排名): enterprises, revenue, share and
 * location quotient per region. Because a snapshot's enterprises are sorted by region code, every region of a
 * level is a run of consecutive indices: one linear pass over the chain's enterprises gives the chain totals
 * per region, one over the segment's member list the segment's; no hash maps, O(n).
 */
final class RegionRanking {

    private final Function<String, RegionRef> regions;

    /** @param regions describes a 6-digit code (name, level, full name) */
    RegionRanking(Function<String, RegionRef> regions) {
        this.regions = regions;
    }

    static int keyOf(int code, RegionLevel level) {
        return switch (level) {
            case PROVINCE -> code / 10_000 * 10_000;
            case CITY -> code / 100 * 100;
            case COUNTY -> code;
        };
    }

    /**
     * Ranks by known revenue (regions without any known revenue after the others), then enterprises, then code.
     * Shares and LQ by revenue need revenue known for {@code cfg.minRevenueCoverage()} of the enterprises on both
     * sides (region and nation; segment and chain), as in the diagnosis.
     */
    SegmentRanking rank(ChainSnapshot s, int g, RegionLevel level, int limit, DiagnosisSettings cfg) {
        NationalFigures nat = s.national;
        // Chain totals per region (runs of equal keys in the sorted region codes): {key, count, known}.
        List<int[]> keysAndCounts = new ArrayList<>();
        List<Double> chainRevenue = new ArrayList<>();
        int n = s.uscc.length;
        for (int e = 0; e < n; ) {
            int key = keyOf(s.regionCode[e], level);
            int count = 0;
            int known = 0;
            double rev = 0;
            for (; e < n && keyOf(s.regionCode[e], level) == key; e++) {
                if (s.memStart[e] < s.memStart[e + 1]) {
                    count++;
                    if (!Double.isNaN(s.revenue[e])) {
                        known++;
                        rev += s.revenue[e];
                    }
                }
            }
            keysAndCounts.add(new int[]{key, count, known});
            chainRevenue.add(rev);
        }
        boolean nationJudged = cfg.revenueJudged(nat.revenueKnown[g], nat.count[g]) && nat.revenue[g] > 0
                && cfg.revenueJudged(nat.chainRevenueKnown, nat.chainEnterprises) && nat.chainRevenue > 0;
        List<RankingRow> rows = new ArrayList<>();
        int regionIndex = 0;
        for (int k = nat.memberStart[g]; k < nat.memberStart[g + 1]; ) {
            int key = keyOf(s.regionCode[nat.members[k]], level);
            int count = 0;
            int known = 0;
            double rev = 0;
            for (; k < nat.memberStart[g + 1] && keyOf(s.regionCode[nat.members[k]], level) == key; k++) {
                double r = s.revenue[nat.members[k]];
                count++;
                if (!Double.isNaN(r)) {
                    known++;
                    rev += r;
                }
            }
            while (keysAndCounts.get(regionIndex)[0] != key) {
                regionIndex++;
            }
            int[] chain = keysAndCounts.get(regionIndex);
            double chainRev = chainRevenue.get(regionIndex);
            Double lqCount = chain[1] == 0 || nat.count[g] == 0 ? null
                    : ((double) count / chain[1]) / ((double) nat.count[g] / nat.chainEnterprises);
            boolean judged = nationJudged && cfg.revenueJudged(known, count) && rev > 0;
            Double lqRevenue = !judged || !cfg.revenueJudged(chain[2], chain[1]) || chainRev <= 0 ? null
                    : (rev / chainRev) / (nat.revenue[g] / nat.chainRevenue);
            rows.add(new RankingRow(0, regions.apply(DiagnosisEngine.code(key)), count, known == 0 ? null : rev, known,
                    (double) count / nat.count[g], judged ? rev / nat.revenue[g] : null, lqCount, lqRevenue));
        }
        rows.sort(Comparator.comparing((RankingRow r) -> r.revenue() == null)
                .thenComparingDouble(r -> r.revenue() == null ? 0 : -r.revenue()).thenComparingInt(r -> -r.enterprises())
                .thenComparing(r -> r.region().code()));
        int regionsWith = rows.size();
        List<RankingRow> ranked = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            RankingRow r = rows.get(i);
            ranked.add(new RankingRow(i + 1, r.region(), r.enterprises(), r.revenue(), r.revenueKnown(), r.shareByCount(),
                    r.shareByRevenue(), r.lqByCount(), r.lqByRevenue()));
        }
        return new SegmentRanking(s.info(), s.chainId, s.segId[g], s.segName[g], level.name(), nat.count[g],
                DiagnosisEngine.sum(nat.revenue[g], nat.revenueKnown[g]), nat.revenueKnown[g], regionsWith,
                List.copyOf(ranked));
    }
}
