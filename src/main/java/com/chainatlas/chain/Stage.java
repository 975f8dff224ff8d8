package com.chainatlas.chain;

/** Position of a segment in the chain: 上游 / 中游 / 下游. */
public enum Stage {
    UPSTREAM("上游"), MIDSTREAM("中游"), DOWNSTREAM("下游");

    private final String zh;

    Stage(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
