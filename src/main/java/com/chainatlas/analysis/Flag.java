package com.chainatlas.analysis;

/** Flags a segment can carry beside its verdict. */
public enum Flag {
    /** 延链: a MISSING or WEAK segment next to a STRONG one in the supply flow. */
    EXTEND("延链"),
    /** 关键: a chokepoint of the FEEDS flow, or national supply concentrated in few enterprises or one province. */
    CRITICAL("关键"),
    /** 卡脖子: a CRITICAL segment that local enterprises buy mostly from outside the region. */
    DEPENDENCY("卡脖子");

    private final String zh;

    Flag(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
