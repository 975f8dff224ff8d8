package com.chainatlas.dashboard;

/** Why a project or lead is late (the alerts of the weekly meeting). */
public enum AlertKind {
    SIGNED_NOT_STARTED("签约未开工"),
    STARTED_NOT_IN_PRODUCTION("开工未投产"),
    NOT_AT_CAPACITY("投产未达产"),
    NEXT_ACTION_PASSED("下一步已逾期"),
    ENTRY_STALE("台账未更新"),
    LEAD_STALE("线索久未跟进");

    private final String zh;

    AlertKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
