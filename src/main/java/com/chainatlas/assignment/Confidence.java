package com.chainatlas.assignment;

/** How far a proposal can be trusted: 确定 ones may be accepted as a batch, 待确认 ones need a person. */
public enum Confidence {
    SURE("确定"), REVIEW("待确认");

    private final String label;

    Confidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
