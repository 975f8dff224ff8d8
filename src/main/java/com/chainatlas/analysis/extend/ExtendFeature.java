package com.chainatlas.analysis.extend;

/** The parts of the 延链 score of a (region, segment) pair, all computed from the data at the cut date. */
public enum ExtendFeature {
    /** ln(1 + enterprises in the segment nationally). */
    NATIONAL_SIZE("全国规模"),
    /** ln(1 + enterprises that entered the segment nationally in the years before the cut). */
    NATIONAL_GROWTH("近五年全国增长"),
    /**
     * Relatedness density (Hidalgo et al. 2007) with co-location proximity: φ(s, s') = regions holding both ÷ the
     * larger of the two regions-holding counts; density = Σ present φ ÷ Σ φ.
     */
    COLOCATION("同地共现相关度"),
    /** The same with "holding" read as revealed comparative advantage (location quotient by count ≥ 1). */
    COLOCATION_LQ("优势共现相关度"),
    /** Share of the segment's FEEDS neighbours (upstream and downstream, weighted by flow strength) the region has. */
    FLOW_DENSITY("上下游相关度"),
    /** Share of the segment's siblings (same parent segment) the region has. */
    SIBLING_DENSITY("同类环节相关度");

    private final String zh;

    ExtendFeature(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public static final int COUNT = values().length;
}
