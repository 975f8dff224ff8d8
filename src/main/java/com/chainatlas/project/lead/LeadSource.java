package com.chainatlas.project.lead;

/** Where a lead came from. */
public enum LeadSource {
    LIST("清单"),
    BUSINESS_REFERRAL("以商招商"),
    EXPO("展会"),
    SELF("自荐"),
    OTHER("其他");

    private final String zh;

    LeadSource(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
