package com.chainatlas.project;

/** Whether a project is being worked; a stopped project keeps its stage and dates (nothing is hard-deleted). */
public enum ProjectStatus {
    ACTIVE("推进中"),
    SUSPENDED("暂缓"),
    TERMINATED("终止");

    private final String zh;

    ProjectStatus(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
