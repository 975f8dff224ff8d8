package com.chainatlas.analysis;

import com.chainatlas.region.RegionLevel;

/**
 * The local set of a diagnosis in one snapshot: the contiguous enterprise range of a region (its sub-regions
 * included) and optionally one development zone (开发区) inside it.
 *
 * @param from   first enterprise index of the region
 * @param to     one past the last
 * @param zoneId zone id in the snapshot, or -1 for the whole region
 * @param nation whether the region is the whole nation (全国, code {@value #NATION}): every LQ is then 1 and the
 *               rules that compare with the outside (national leader local, outside inputs) do not apply
 */
public record RegionScope(int from, int to, int zoneId, boolean nation, DiagnosisModel.RegionRef region, String zone) {

    /** Pseudo-region code for the whole nation. */
    public static final String NATION = "000000";

    /**
     * The scope of a 6-digit region code in a snapshot. The code's level follows GB/T 2260 (xx0000 province,
     * xxxx00 city, otherwise county), so the range is found without the region list.
     */
    public static RegionScope of(ChainSnapshot s, DiagnosisModel.RegionRef region, String zone) {
        String code = region.code();
        int zoneId = -1;
        if (zone != null) {
            zoneId = s.zoneId(zone);
            if (zoneId < 0) {
                zoneId = Integer.MAX_VALUE; // a zone with no enterprise of this chain: an empty local set
            }
        }
        if (NATION.equals(code)) {
            return new RegionScope(0, s.enterpriseCount(), zoneId, zone == null, region, zone);
        }
        int c = Integer.parseInt(code);
        int[] range = switch (RegionLevel.ofCode(code)) {
            case PROVINCE -> s.rangeOf(c, c + 10_000);
            case CITY -> s.rangeOf(c, c + 100);
            case COUNTY -> s.rangeOf(c, c + 1);
        };
        return new RegionScope(range[0], range[1], zoneId, false, region, zone);
    }

    /** Whether enterprise {@code e} of the snapshot is local. */
    boolean isLocal(ChainSnapshot s, int e) {
        return e >= from && e < to && (zoneId < 0 || s.zone[e] == zoneId);
    }
}
