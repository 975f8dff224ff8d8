package com.chainatlas.project.lead;

/** A lead's state; CONVERTED only by turning it into a project, DROPPED only with a reason. */
public enum LeadStatus {
    NEW("新线索"),
    FOLLOWING("跟进中"),
    CONVERTED("已转项目"),
    DROPPED("已放弃");

    private final String zh;

    LeadStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    /** Still being worked: can be contacted, go stale, be converted. */
    public boolean open() {
        return this == NEW || this == FOLLOWING;
    }
}
