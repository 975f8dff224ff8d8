package com.chainatlas.analysis;

/**
 * What a 链主 (chain leader) score rests on. Unknown is not zero: when revenue is known for too few of the chain's
 * enterprises ({@link DiagnosisSettings#minRevenueCoverage()}), size cannot be judged and the score is centrality
 * in the supply network alone; without supply relations either, nobody is named.
 */
public enum LeaderBasis {
    /** √(PageRank/max · revenue/max) over the firms with a known revenue. */
    SIZE_AND_CENTRALITY("按规模与供应网络中心度"),
    /** PageRank/max over the firms with at least one supply relation (revenue too rarely known). */
    CENTRALITY("营收未知，按供应网络中心度"),
    /** Neither enough revenue nor any supply relation: no 链主 named. */
    NONE("营收与供应关系均不足，未评选链主");

    private final String zh;

    LeaderBasis(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
