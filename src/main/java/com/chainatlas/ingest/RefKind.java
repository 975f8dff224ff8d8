package com.chainatlas.ingest;

/** What a cell can refer to; each kind has a node label and a natural key. */
public enum RefKind {
    CHAIN("Chain", "产业链"),
    SEGMENT("Segment", "环节"),
    PRODUCT("Product", "产品"),
    TECHNOLOGY("Technology", "技术"),
    INSTITUTION("Institution", "研发机构"),
    ENTERPRISE("Enterprise", "企业");

    public final String label;
    public final String zh;

    RefKind(String label, String zh) {
        this.label = label;
        this.zh = zh;
    }
}
